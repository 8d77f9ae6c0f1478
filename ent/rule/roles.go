package rule

import (
	"context"
	"fmt"
	"slices"

	"partnerhub/ent/privacy"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/viewer"
)

// Action is something partner staff do; Matrix says which roles may (domain.md §1).
type Action string

// The actions of the role matrix.
const (
	ViewCustomers       Action = "see the customer list and customers"
	ExportCustomers     Action = "export the customer list"
	AddCustomer         Action = "add customers"
	UpdateBilling       Action = "update company details and billing profiles"
	ManageTags          Action = "create, rename, delete and assign tags"
	RequestRelationship Action = "request relationships"
	RemoveRelationship  Action = "remove relationships"
	ConfirmAgreement    Action = "confirm customer agreements"
	PurchasePermissions Action = "change customers' purchase permissions"
	CostVisibility      Action = "change customers' cost visibility"
	PlaceOrders         Action = "place orders and manage subscriptions"
	ViewActivity        Action = "see and export the activity log"
	ManageUsers         Action = "invite users and change roles"
)

// Matrix is the role matrix: the one place that says who may do what. GLOBAL_ADMIN may do everything.
var Matrix = map[Action][]enum.Role{
	ViewCustomers:       {enum.AdminAgent, enum.SalesAgent, enum.HelpdeskAgent, enum.BillingAdmin},
	ExportCustomers:     {enum.AdminAgent, enum.SalesAgent},
	AddCustomer:         {enum.UserManagementAdmin, enum.AdminAgent, enum.SalesAgent},
	UpdateBilling:       {enum.AdminAgent, enum.SalesAgent},
	ManageTags:          {enum.AdminAgent, enum.SalesAgent},
	RequestRelationship: {enum.AdminAgent, enum.SalesAgent},
	RemoveRelationship:  {enum.AdminAgent},
	ConfirmAgreement:    {enum.AdminAgent, enum.SalesAgent},
	PurchasePermissions: {enum.AdminAgent},
	CostVisibility:      {enum.AdminAgent, enum.BillingAdmin},
	PlaceOrders:         {enum.AdminAgent, enum.SalesAgent},
	ViewActivity:        {enum.AdminAgent},
	ManageUsers:         {enum.UserManagementAdmin},
}

// Can reports whether the viewer's roles allow the action.
func Can(v *viewer.Viewer, a Action) bool {
	if v == nil {
		return false
	}
	return v.HasRole(enum.GlobalAdmin) || slices.ContainsFunc(Matrix[a], func(r enum.Role) bool { return v.HasRole(r) })
}

// ForbiddenError refuses an action; it is a privacy denial, so the change is not made.
type ForbiddenError struct{ Message string }

func (e *ForbiddenError) Error() string { return e.Message }

// Unwrap makes the error a privacy.Deny.
func (e *ForbiddenError) Unwrap() error { return privacy.Deny }

// Forbidden returns the error for a refused action.
func Forbidden(a Action) error {
	return &ForbiddenError{Message: fmt.Sprintf("Your role does not allow you to %s.", a)}
}

type consequenceKey struct{}

// Consequence marks work a hook does because of a change the viewer was allowed to make (a customer's
// relationship when it is added, its new display name when its billing profile is renamed). Role checks
// let it through; tenant filters still apply.
func Consequence(ctx context.Context) context.Context {
	return context.WithValue(ctx, consequenceKey{}, true)
}

// Require is the privacy rule of an action: it denies viewers whose roles do not allow it.
func Require(a Action) privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.IsSystem(ctx) || ctx.Value(consequenceKey{}) != nil {
			return privacy.Skip
		}
		v := viewer.FromContext(ctx)
		if v == nil {
			return ErrNoViewer
		}
		if !Can(v, a) {
			return Forbidden(a)
		}
		return privacy.Skip
	})
}
