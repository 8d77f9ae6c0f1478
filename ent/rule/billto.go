package rule

import (
	"context"

	"partnerhub/ent"
	"partnerhub/ent/billingprofile"
	"partnerhub/ent/customer"
	"partnerhub/ent/privacy"
	"partnerhub/ent/relationship"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/viewer"
)

// permissionFields of a customer are changed by the PurchasePermissions action; costVisibilityFields
// by CostVisibility; any other field by UpdateBilling.
var (
	permissionFields     = []string{customer.FieldAllowAzureReservations, customer.FieldAllowAzureSavingsPlan}
	costVisibilityFields = []string{customer.FieldCostVisibility}
)

// CustomerUpdateRoles checks a customer update against the role matrix by what it changes.
func CustomerUpdateRoles() privacy.MutationRule {
	return privacy.CustomerMutationRuleFunc(func(ctx context.Context, m *ent.CustomerMutation) error {
		if !m.Op().Is(ent.OpUpdateOne | ent.OpUpdate) {
			return privacy.Skip
		}
		actions := []Action{}
		if touches(m, permissionFields) {
			actions = append(actions, PurchasePermissions)
		}
		if touches(m, costVisibilityFields) {
			actions = append(actions, CostVisibility)
		}
		for _, f := range m.Fields() {
			if !contains(permissionFields, f) && !contains(costVisibilityFields, f) && f != customer.FieldVersion && f != customer.FieldUpdatedAt {
				actions = append(actions, UpdateBilling)
				break
			}
		}
		for _, a := range actions {
			if err := Require(a).EvalMutation(ctx, m); err != nil && err != privacy.Skip {
				return err
			}
		}
		return privacy.Skip
	})
}

// BillToOnly lets only the bill-to partner of a customer (its ACTIVE relationship is DIRECT_BILL or
// INDIRECT_PROVIDER) change the customer's billing profile, company details, purchase permissions and
// cost visibility (domain.md §1). Other partners that see the customer get FORBIDDEN; partners that do not
// see it get NOT_FOUND from the tenant filter.
func BillToOnly() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		if viewer.IsSystem(ctx) || ctx.Value(consequenceKey{}) != nil || !m.Op().Is(ent.OpUpdateOne) {
			return privacy.Skip
		}
		v := viewer.FromContext(ctx)
		if v == nil {
			return ErrNoViewer
		}
		var (
			customerID pulid.ID
			client     *ent.Client
		)
		switch m := m.(type) {
		case *ent.BillingProfileMutation:
			client = m.Client()
			id, _ := m.ID()
			bp, err := client.BillingProfile.Query().Where(billingprofile.ID(id)).Only(Consequence(ctx))
			if ent.IsNotFound(err) {
				return privacy.Skip
			}
			if err != nil {
				return err
			}
			customerID = bp.CustomerID
		case *ent.CustomerMutation:
			client = m.Client()
			customerID, _ = m.ID()
		default:
			return privacy.Skip
		}
		rels, err := client.Relationship.Query().Where(relationship.CustomerID(customerID),
			relationship.StatusEQ(relationship.StatusACTIVE)).All(Consequence(ctx))
		if err != nil || len(rels) == 0 {
			return privacy.Skip // not the viewer's customer: the filter answers NOT_FOUND
		}
		for _, r := range rels {
			if r.Type == relationship.TypeDIRECT_BILL || r.Type == relationship.TypeINDIRECT_PROVIDER {
				return privacy.Skip
			}
		}
		return &ForbiddenError{Message: "Only the partner that bills this customer can change its billing profile, company details, purchase permissions and cost visibility."}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
