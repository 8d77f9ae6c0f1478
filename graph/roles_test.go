package graph_test

// The role matrix (domain.md §1, ent/rule/roles.go): every action that has an API today is probed for
// every role, and the outcome must be what rule.Can says. Capacity rules (reseller-only partners,
// bill-to only changes) and the last-global-admin guard are here too.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/agreement"
	"partnerhub/ent/customer"
	"partnerhub/ent/customertag"
	"partnerhub/ent/invitation"
	"partnerhub/ent/relationship"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/seed"
	"partnerhub/ent/subscription"
	"partnerhub/ent/tag"
	"partnerhub/ent/user"
	"partnerhub/ent/viewer"
	"partnerhub/graph"
)

// rolesPendingActions are the matrix's actions with no API yet. When one gets an API, give it a probe
// in rolesProbes and take it off this list; TestRolesMatrix fails for an action that is in neither.
var rolesPendingActions = map[rule.Action]bool{}

// rolesWorld is the fixture with the things the probes work on.
type rolesWorld struct {
	*fixture
	e      *env
	target *ent.Customer // an A-only customer the probes edit and tag
	n      int           // a counter for unique names
}

// rolesProbe is one operation that needs one action. prepare sets up what it needs (as the system)
// and returns the operation and a check of its intended effect, given the response.
type rolesProbe struct {
	action  rule.Action
	name    string
	prepare func(w *rolesWorld, n int) (op rolesOp, effect func(res *rolesResult) bool)
}

// rolesOp is a GraphQL operation, or a GET of a path (the CSV downloads).
type rolesOp struct {
	query string
	vars  map[string]any
	get   string
}

// rolesResult is the answer to a rolesOp.
type rolesResult struct {
	gql    *gqlResponse // GraphQL operations only
	status int
	body   []byte
}

func rolesGQL(query string, vars map[string]any) rolesOp { return rolesOp{query: query, vars: vars} }

// rolesDo runs the operation as the user (the demo header).
func rolesDo(e *env, as string, op rolesOp) *rolesResult {
	e.t.Helper()
	if op.get == "" {
		res := e.post(as, op.query, op.vars)
		return &rolesResult{gql: res, status: res.status}
	}
	req, err := http.NewRequest(http.MethodGet, e.srv.URL+op.get, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set(graph.DemoUserHeader, as)
	res, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		e.t.Fatalf("GET %s: %v", op.get, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return &rolesResult{status: res.StatusCode, body: body}
}

const rolesUE = `userErrors { field code message }`

var rolesProbes = []rolesProbe{
	{rule.ViewCustomers, "customers", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		return rolesGQL(`{ customers { totalCount } }`, nil), func(res *rolesResult) bool {
			var d struct{ Customers *struct{ TotalCount int } }
			_ = json.Unmarshal(res.gql.Data, &d)
			want := w.e.client.Customer.Query().Where(customer.HasRelationshipsWith(
				relationship.PartnerID(w.A.ID), relationship.StatusEQ(relationship.StatusACTIVE))).CountX(sys)
			return d.Customers != nil && d.Customers.TotalCount == want && want > 0
		}
	}},
	{rule.AddCustomer, "createCustomer", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		prefix := fmt.Sprintf("rolesprobe%d", n)
		q := `mutation($in: CreateCustomerInput!) { createCustomer(input: $in) { customer { id } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": rolesCustomerInput(prefix)}), func(*rolesResult) bool {
			c, err := w.e.client.Customer.Query().Where(customer.PrimaryDomain(prefix + ".onmicrosoft.com")).Only(sys)
			return err == nil && w.e.client.Relationship.Query().Where(relationship.CustomerID(c.ID),
				relationship.PartnerID(w.A.ID), relationship.StatusEQ(relationship.StatusACTIVE)).ExistX(sys)
		}
	}},
	{rule.UpdateBilling, "updateBillingProfile", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		bp := w.target.QueryBillingProfile().OnlyX(sys)
		name := fmt.Sprintf("Contoso Pharmaceuticals Branch %d", n)
		q := `mutation($in: UpdateBillingProfileInput!) { updateBillingProfile(input: $in) { billingProfile { id companyName } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"customerID": w.target.ID, "version": bp.Version, "companyName": name}}), func(*rolesResult) bool {
			after := w.e.client.BillingProfile.GetX(sys, bp.ID)
			return after.CompanyName == name && after.Version == bp.Version+1 &&
				w.e.client.Customer.GetX(sys, w.target.ID).DisplayName == name
		}
	}},
	{rule.ManageTags, "createTag", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		name := fmt.Sprintf("Roles created %d", n)
		q := `mutation($in: CreateTagInput!) { createTag(input: $in) { tag { id } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"name": name}}), func(*rolesResult) bool {
			return w.e.client.Tag.Query().Where(tag.Name(name), tag.PartnerID(w.A.ID)).ExistX(sys)
		}
	}},
	{rule.ManageTags, "updateTag", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		tg := w.e.client.Tag.Create().SetPartnerID(w.A.ID).SetName(fmt.Sprintf("Roles old %d", n)).SaveX(sys)
		name := fmt.Sprintf("Roles renamed %d", n)
		q := `mutation($in: UpdateTagInput!) { updateTag(input: $in) { tag { id name } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"id": tg.ID, "version": tg.Version, "name": name}}), func(*rolesResult) bool {
			return w.e.client.Tag.GetX(sys, tg.ID).Name == name
		}
	}},
	{rule.ManageTags, "deleteTag", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		tg := w.e.client.Tag.Create().SetPartnerID(w.A.ID).SetName(fmt.Sprintf("Roles doomed %d", n)).SaveX(sys)
		w.e.tag(w.target, tg)
		q := `mutation($in: DeleteTagInput!) { deleteTag(input: $in) { deletedTagID ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"id": tg.ID}}), func(*rolesResult) bool {
			return !w.e.client.Tag.Query().Where(tag.ID(tg.ID)).ExistX(sys) &&
				!w.e.client.CustomerTag.Query().Where(customertag.TagID(tg.ID)).ExistX(sys)
		}
	}},
	{rule.ManageTags, "tagsAdd", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		tg := w.e.client.Tag.Create().SetPartnerID(w.A.ID).SetName(fmt.Sprintf("Roles added %d", n)).SaveX(sys)
		q := `mutation($in: TagsInput!) { tagsAdd(input: $in) { customers { id } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"customerIDs": []string{string(w.target.ID)}, "tagIDs": []string{string(tg.ID)}}}), func(*rolesResult) bool {
			return w.e.client.CustomerTag.Query().Where(customertag.TagID(tg.ID), customertag.CustomerID(w.target.ID)).ExistX(sys)
		}
	}},
	{rule.ManageTags, "tagsRemove", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		tg := w.e.client.Tag.Create().SetPartnerID(w.A.ID).SetName(fmt.Sprintf("Roles removed %d", n)).SaveX(sys)
		w.e.tag(w.target, tg)
		q := `mutation($in: TagsInput!) { tagsRemove(input: $in) { customers { id } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"customerIDs": []string{string(w.target.ID)}, "tagIDs": []string{string(tg.ID)}}}), func(*rolesResult) bool {
			return !w.e.client.CustomerTag.Query().Where(customertag.TagID(tg.ID), customertag.CustomerID(w.target.ID)).ExistX(sys)
		}
	}},
	{rule.ManageUsers, "inviteUser", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		email := fmt.Sprintf("invitee%d@alpha.test", n)
		q := `mutation($in: InviteUserInput!) { inviteUser(input: $in) { link invitation { id } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"email": email, "name": "Invited Person", "roles": []string{"SALES_AGENT"}}}), func(*rolesResult) bool {
			u, err := w.e.client.User.Query().Where(user.Email(email)).Only(sys)
			return err == nil && u.PartnerID == w.A.ID && !u.Active &&
				w.e.client.Invitation.Query().Where(invitation.UserID(u.ID), invitation.PartnerID(w.A.ID)).ExistX(sys)
		}
	}},
	{rule.ManageUsers, "updateUserRoles", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		u := w.e.client.User.Create().SetPartnerID(w.A.ID).SetEmail(fmt.Sprintf("promoted%d@alpha.test", n)).
			SetName("Target Person").SetRoles([]enum.Role{enum.SalesAgent}).SaveX(sys)
		q := `mutation($in: UpdateUserRolesInput!) { updateUserRoles(input: $in) { user { id roles } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"id": u.ID, "version": u.Version, "roles": []string{"HELPDESK_AGENT"}}}), func(*rolesResult) bool {
			return slices.Equal(w.e.client.User.GetX(sys, u.ID).Roles, []enum.Role{enum.HelpdeskAgent})
		}
	}},
	{rule.ManageUsers, "setUserActive", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		u := w.e.client.User.Create().SetPartnerID(w.A.ID).SetEmail(fmt.Sprintf("deactivated%d@alpha.test", n)).
			SetName("Target Person").SetRoles([]enum.Role{enum.SalesAgent}).SaveX(sys)
		q := `mutation($in: SetUserActiveInput!) { setUserActive(input: $in) { user { id active } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"id": u.ID, "version": u.Version, "active": false}}), func(*rolesResult) bool {
			return !w.e.client.User.GetX(sys, u.ID).Active
		}
	}},
	{rule.RequestRelationship, "requestRelationship", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		c := w.e.addCustomer(customerSpec{fmt.Sprintf("Fabrikam Requested %d", n), fmt.Sprintf("rolesreq%d", n), "DE", []*ent.Partner{w.B}})
		q := `mutation($in: RequestRelationshipInput!) { requestRelationship(input: $in) { link request { id status } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"domain": c.PrimaryDomain}}), func(*rolesResult) bool {
			return w.e.client.Relationship.Query().Where(relationship.CustomerID(c.ID), relationship.PartnerID(w.A.ID),
				relationship.StatusEQ(relationship.StatusPENDING)).ExistX(sys)
		}
	}},
	{rule.RemoveRelationship, "removeRelationship", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		c := w.e.addCustomer(customerSpec{fmt.Sprintf("Fabrikam Leaving %d", n), fmt.Sprintf("rolesrm%d", n), "DE", []*ent.Partner{w.A}})
		rel := w.e.client.Relationship.Query().Where(relationship.CustomerID(c.ID), relationship.PartnerID(w.A.ID)).OnlyX(sys)
		q := `mutation($in: RemoveRelationshipInput!) { removeRelationship(input: $in) { relationship { id status } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"id": rel.ID, "version": rel.Version}}), func(*rolesResult) bool {
			return w.e.client.Relationship.GetX(sys, rel.ID).Status == relationship.StatusREMOVED
		}
	}},
	{rule.ConfirmAgreement, "confirmCustomerAgreement", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		email := fmt.Sprintf("contact%d@contosopharma.example", n)
		q := `mutation($in: ConfirmCustomerAgreementInput!) { confirmCustomerAgreement(input: $in) { agreement { id } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"customerID": w.target.ID, "firstName": "Maria", "lastName": "Schmidt",
				"email": email, "dateAgreed": time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)}}), func(*rolesResult) bool {
				return w.e.client.Agreement.Query().Where(agreement.CustomerID(w.target.ID), agreement.PartnerID(w.A.ID),
					agreement.Email(email)).ExistX(sys)
			}
	}},
	{rule.PlaceOrders, "placeOrder", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		c, o := rolesOrderable(w, n)
		q := `mutation($in: PlaceOrderInput!) { placeOrder(input: $in) { order { id } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"customerID": c.ID, "lines": []map[string]any{{"offerID": o.ID, "quantity": 3}}}}),
			func(*rolesResult) bool {
				return w.e.client.Subscription.Query().Where(subscription.CustomerID(c.ID), subscription.Quantity(3)).ExistX(sys)
			}
	}},
	{rule.PlaceOrders, "updateSubscription", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		c, o := rolesOrderable(w, n)
		sub := w.e.client.Subscription.Create().SetPartnerID(w.A.ID).SetCustomerID(c.ID).SetOfferID(o.ID).SetQuantity(2).
			SetTermEnd(time.Now().AddDate(1, 0, 0)).SaveX(sys)
		q := `mutation($in: UpdateSubscriptionInput!) { updateSubscription(input: $in) { subscription { id quantity } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"id": sub.ID, "version": sub.Version, "quantity": 7}}), func(*rolesResult) bool {
			return w.e.client.Subscription.GetX(sys, sub.ID).Quantity == 7
		}
	}},
	{rule.PurchasePermissions, "updateCustomerPermissions", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		c := w.e.client.Customer.GetX(sys, w.target.ID)
		q := `mutation($in: UpdateCustomerPermissionsInput!) { updateCustomerPermissions(input: $in) { customer { id } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"customerID": c.ID, "version": c.Version,
				"allowAzureReservations": !c.AllowAzureReservations, "allowAzureSavingsPlan": !c.AllowAzureSavingsPlan}}), func(*rolesResult) bool {
				after := w.e.client.Customer.GetX(sys, c.ID)
				return after.AllowAzureReservations != c.AllowAzureReservations && after.AllowAzureSavingsPlan != c.AllowAzureSavingsPlan
			}
	}},
	{rule.CostVisibility, "updateCostVisibility", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		c := w.e.client.Customer.GetX(sys, w.target.ID)
		to := customer.CostVisibilityALLOWED
		if c.CostVisibility == to {
			to = customer.CostVisibilityNOT_ALLOWED
		}
		q := `mutation($in: UpdateCostVisibilityInput!) { updateCostVisibility(input: $in) { customer { id } ` + rolesUE + ` } }`
		return rolesGQL(q, map[string]any{"in": map[string]any{"customerID": c.ID, "version": c.Version, "costVisibility": to}}), func(*rolesResult) bool {
			return w.e.client.Customer.GetX(sys, c.ID).CostVisibility == to
		}
	}},
	{rule.ExportCustomers, "GET /export/customers.csv", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		return rolesOp{get: "/export/customers.csv"}, func(res *rolesResult) bool {
			return res.status == http.StatusOK && bytes.Contains(res.body, []byte("Microsoft ID")) &&
				bytes.Contains(res.body, []byte(w.target.MicrosoftID))
		}
	}},
	// Last, so that the log has the probes' records in it.
	{rule.ViewActivity, "activityLog", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		return rolesGQL(`{ activityLog(first: 1) { totalCount edges { node { id } } } }`, nil), func(res *rolesResult) bool {
			var d struct {
				ActivityLog *struct {
					TotalCount int
					Edges      []struct{ Node struct{ ID string } }
				}
			}
			_ = json.Unmarshal(res.gql.Data, &d)
			return d.ActivityLog != nil && d.ActivityLog.TotalCount > 0 && len(d.ActivityLog.Edges) == 1 &&
				w.e.client.Activity.Query().Where(activity.ID(pulid.ID(d.ActivityLog.Edges[0].Node.ID)), activity.PartnerID(w.A.ID)).ExistX(sys)
		}
	}},
	{rule.ViewActivity, "GET /export/activity.csv", func(w *rolesWorld, n int) (rolesOp, func(*rolesResult) bool) {
		return rolesOp{get: "/export/activity.csv"}, func(res *rolesResult) bool {
			return res.status == http.StatusOK && bytes.Contains(res.body, []byte("Operation")) &&
				bytes.Count(res.body, []byte("\n")) > 1
		}
	}},
}

// rolesCustomerInput is a valid createCustomer input.
func rolesCustomerInput(prefix string) map[string]any {
	return map[string]any{
		"domainPrefix": prefix, "companyName": "Wingtip Outfitters", "country": "GB", "language": "en", "culture": "en-GB",
		"billingProfile": map[string]any{"firstName": "Jane", "lastName": "Smith", "email": "jane@wingtip.example",
			"culture": "en-GB", "language": "en", "addressLine1": "1 High Street", "city": "London", "postalCode": "SW1A 1AA", "country": "GB"},
	}
}

// rolesFingerprint is everything a probe could change, as the system reads it. (The activity log is
// left out: it records refused attempts too, by design.)
func rolesFingerprint(e *env) string {
	e.t.Helper()
	var b strings.Builder
	for _, c := range e.client.Customer.Query().Order(ent.Asc(customer.FieldID)).AllX(sys) {
		fmt.Fprintf(&b, "C %s %d %s %s %s %v %v %s|", c.ID, c.Version, c.DisplayName, c.VerificationStatus, c.PrimaryDomain,
			c.AllowAzureReservations, c.AllowAzureSavingsPlan, c.CostVisibility)
	}
	for _, p := range e.client.BillingProfile.Query().Order(ent.Asc("id")).AllX(sys) {
		fmt.Fprintf(&b, "BP %s %d %s %s|", p.ID, p.Version, p.CompanyName, p.City)
	}
	for _, r := range e.client.Relationship.Query().Order(ent.Asc("id")).AllX(sys) {
		fmt.Fprintf(&b, "R %s %d %s %s %s|", r.ID, r.Version, r.PartnerID, r.Type, r.Status)
	}
	for _, a := range e.client.Agreement.Query().Order(ent.Asc("id")).AllX(sys) {
		fmt.Fprintf(&b, "A %s %s|", a.ID, a.Email)
	}
	for _, t := range e.client.Tag.Query().Order(ent.Asc("id")).AllX(sys) {
		fmt.Fprintf(&b, "T %s %d %s %s|", t.ID, t.Version, t.Name, t.Color)
	}
	for _, ct := range e.client.CustomerTag.Query().Order(ent.Asc("customer_id"), ent.Asc("tag_id")).AllX(sys) {
		fmt.Fprintf(&b, "CT %s %s|", ct.CustomerID, ct.TagID)
	}
	for _, u := range e.client.User.Query().Order(ent.Asc("id")).AllX(sys) {
		fmt.Fprintf(&b, "U %s %d %s %v %v|", u.ID, u.Version, u.Email, u.Roles, u.Active)
	}
	for _, i := range e.client.Invitation.Query().Order(ent.Asc("id")).AllX(sys) {
		fmt.Fprintf(&b, "I %s %s %v|", i.ID, i.Email, i.AcceptedAt)
	}
	fmt.Fprintf(&b, "S %d", e.client.Session.Query().CountX(sys))
	return b.String()
}

// rolesShow is a result for failure messages.
func rolesShow(r *rolesResult) string {
	if r.gql != nil {
		return fmt.Sprintf("data %s errors %+v", r.gql.Data, r.gql.Errors)
	}
	if len(r.body) > 300 {
		return fmt.Sprintf("%q…", r.body[:300])
	}
	return fmt.Sprintf("%q", r.body)
}

// rolesPayloadErrors are the userErrors of every root field of a mutation's data.
func rolesPayloadErrors(res *gqlResponse) []userError {
	var roots map[string]json.RawMessage
	_ = json.Unmarshal(res.Data, &roots)
	var out []userError
	for _, raw := range roots {
		var p struct{ UserErrors []userError }
		if json.Unmarshal(raw, &p) == nil {
			out = append(out, p.UserErrors...)
		}
	}
	return out
}

// rolesRun runs every probe as a new user of A holding roles, and checks each outcome against want.
func rolesRun(t *testing.T, w *rolesWorld, roles []enum.Role, want func(rule.Action) bool) {
	t.Helper()
	e := w.e
	w.n++
	email := fmt.Sprintf("roles%d@alpha.test", w.n)
	e.client.User.Create().SetPartnerID(w.A.ID).SetEmail(email).SetName("Roles Probe").SetRoles(roles).ExecX(sys)
	for _, p := range rolesProbes {
		w.n++
		allowed := want(p.action)
		what := fmt.Sprintf("%v %s (%s: want allowed=%v)", roles, p.name, p.action, allowed)
		op, effect := p.prepare(w, w.n)
		before := rolesFingerprint(e)
		res := rolesDo(e, email, op)
		switch {
		case allowed && res.gql != nil:
			if len(res.gql.Errors) > 0 {
				t.Errorf("%s: errors %+v", what, res.gql.Errors)
			}
			if ue := rolesPayloadErrors(res.gql); len(ue) > 0 {
				t.Errorf("%s: userErrors %+v", what, ue)
			}
		case allowed:
			if res.status != http.StatusOK {
				t.Errorf("%s: HTTP %d %s, want 200", what, res.status, rolesShow(res))
			}
		case res.gql != nil:
			codes := res.gql.errorCodes()
			if len(codes) == 0 || slices.ContainsFunc(codes, func(c string) bool { return c != "FORBIDDEN" }) {
				t.Errorf("%s: errors %+v (data %s), want FORBIDDEN", what, res.gql.Errors, res.gql.Data)
			}
			if string(res.gql.Data) != "null" && len(res.gql.Data) != 0 {
				t.Errorf("%s: data %s, want none", what, res.gql.Data)
			}
		default:
			if res.status != http.StatusForbidden {
				t.Errorf("%s: HTTP %d %s, want 403", what, res.status, rolesShow(res))
			}
		}
		if allowed {
			if !effect(res) {
				t.Errorf("%s: the effect is not there (HTTP %d, %s)", what, res.status, rolesShow(res))
			}
			continue
		}
		if effect(res) {
			t.Errorf("%s: refused, yet the effect happened", what)
		}
		if after := rolesFingerprint(e); after != before {
			t.Errorf("%s: refused, yet the data changed:\n before %s\n after  %s", what, before, after)
		}
	}
}

func rolesSetup(e *env) *rolesWorld {
	f := e.fixture()
	return &rolesWorld{fixture: f, e: e, target: f.C["Contoso Pharmaceuticals"]}
}

func TestRolesMatrix(t *testing.T) {
	// Every action of the matrix is probed or known to have no API yet.
	probed := map[rule.Action]bool{}
	for _, p := range rolesProbes {
		probed[p.action] = true
	}
	var actions []string
	for a := range rule.Matrix {
		actions = append(actions, string(a))
		switch {
		case !probed[a] && !rolesPendingActions[a]:
			t.Errorf("action %q of rule.Matrix has no probe: add one to rolesProbes (or, if it has no API yet, to rolesPendingActions)", a)
		case probed[a] && rolesPendingActions[a]:
			t.Errorf("action %q is probed and still listed in rolesPendingActions: take it off", a)
		}
	}
	for a := range rolesPendingActions {
		if _, ok := rule.Matrix[a]; !ok {
			t.Errorf("rolesPendingActions lists %q, which is not in rule.Matrix", a)
		}
	}
	for a := range probed {
		if _, ok := rule.Matrix[a]; !ok {
			t.Errorf("a probe needs %q, which is not in rule.Matrix", a)
		}
	}
	sort.Strings(actions)
	// rule.Can is the matrix: GLOBAL_ADMIN may do everything, other roles what their row lists.
	for _, a := range actions {
		for _, r := range enum.Roles {
			want := r == enum.GlobalAdmin || slices.Contains(rule.Matrix[rule.Action(a)], r)
			if got := rule.Can(&viewer.Viewer{Roles: []enum.Role{r}}, rule.Action(a)); got != want {
				t.Errorf("rule.Can(%s, %q) = %v, but rule.Matrix says %v", r, a, got, want)
			}
		}
	}

	forEachDB(t, func(t *testing.T, e *env) {
		w := rolesSetup(e)
		for _, r := range enum.Roles {
			v := &viewer.Viewer{Roles: []enum.Role{r}}
			rolesRun(t, w, []enum.Role{r}, func(a rule.Action) bool { return rule.Can(v, a) })
		}
	})
}

func TestRolesUnion(t *testing.T) {
	pairs := [][]enum.Role{
		// Neither alone may both see customers and manage users.
		{enum.HelpdeskAgent, enum.UserManagementAdmin},
		{enum.BillingAdmin, enum.SalesAgent},
	}
	for _, roles := range pairs {
		both := &viewer.Viewer{Roles: roles}
		for a := range rule.Matrix {
			if want := rule.Can(&viewer.Viewer{Roles: roles[:1]}, a) || rule.Can(&viewer.Viewer{Roles: roles[1:]}, a); rule.Can(both, a) != want {
				t.Errorf("rule.Can(%v, %q) = %v, want the union of the roles: %v", roles, a, !want, want)
			}
		}
	}
	forEachDB(t, func(t *testing.T, e *env) {
		w := rolesSetup(e)
		for _, roles := range pairs {
			one, two := &viewer.Viewer{Roles: roles[:1]}, &viewer.Viewer{Roles: roles[1:]}
			rolesRun(t, w, roles, func(a rule.Action) bool { return rule.Can(one, a) || rule.Can(two, a) })
		}
	})
}

// --- 2. Capacity rules ----------------------------------------------------------------------------

func TestRolesCapacity(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		ccQ := `mutation($in: CreateCustomerInput!) { createCustomer(input: $in) { customer { id } ` + rolesUE + ` } }`

		// A reseller-only partner cannot add customers, whoever asks (even its global admin).
		for _, as := range []struct{ who, email string }{{"Solo", f.AdminSolo}, {"R (with a provider)", f.AdminR}} {
			before := rolesFingerprint(e)
			res := e.post(as.email, ccQ, map[string]any{"in": rolesCustomerInput("resellerprobe")})
			if codes := res.errorCodes(); len(codes) != 1 || codes[0] != "FORBIDDEN" {
				t.Errorf("createCustomer as %s: %+v %s, want FORBIDDEN", as.who, res.Errors, res.Data)
			}
			if after := rolesFingerprint(e); after != before {
				t.Errorf("createCustomer as %s was refused, yet the data changed", as.who)
			}
		}
		if e.client.Customer.Query().Where(customer.PrimaryDomain("resellerprobe.onmicrosoft.com")).ExistX(sys) {
			t.Error("a reseller-only partner added a customer")
		}
		// The same input works for a direct-bill partner and for a provider.
		for _, as := range []struct {
			who, email, prefix string
			p                  *ent.Partner
			typ                relationship.Type
		}{{"A", f.AdminA, "resellerprobe", f.A, relationship.TypeDIRECT_BILL}, {"P", f.AdminP, "providerprobe", f.P, relationship.TypeINDIRECT_PROVIDER}} {
			res := e.post(as.email, ccQ, map[string]any{"in": rolesCustomerInput(as.prefix)})
			if len(res.Errors) > 0 || len(rolesPayloadErrors(res)) > 0 {
				t.Errorf("createCustomer as %s: %+v %s", as.who, res.Errors, res.Data)
				continue
			}
			c := e.client.Customer.Query().Where(customer.PrimaryDomain(as.prefix + ".onmicrosoft.com")).OnlyX(sys)
			if !e.client.Relationship.Query().Where(relationship.CustomerID(c.ID), relationship.PartnerID(as.p.ID), relationship.TypeEQ(as.typ)).ExistX(sys) {
				t.Errorf("createCustomer as %s: no %s relationship", as.who, as.typ)
			}
		}

		// Only the bill-to partner changes the billing profile; others who see the customer get FORBIDDEN
		// with the bill-to message.
		soc, fab := f.C["Société Générale de Logistique"], f.C["Fabrikam Residences"]
		e.client.Relationship.Create().SetPartnerID(f.B.ID).SetCustomerID(soc.ID).SetType(relationship.TypeADVISOR).ExecX(sys)
		e.client.Relationship.Create().SetPartnerID(f.R.ID).SetCustomerID(fab.ID).SetType(relationship.TypeINDIRECT_RESELLER).
			SetAssociatedPartnerID(f.P.ID).ExecX(sys)
		ubp := `mutation($in: UpdateBillingProfileInput!) { updateBillingProfile(input: $in) { billingProfile { id companyName } ` + rolesUE + ` } }`
		for _, tc := range []struct {
			c                   *ent.Customer
			other, billTo, name string
		}{
			{soc, f.AdminB, f.AdminA, "Société Générale Advisory"},
			{fab, f.AdminR, f.AdminP, "Fabrikam Residences Reseller"},
		} {
			// The other partner does see the customer (so the refusal is the bill-to rule, not isolation).
			var seen struct{ Node *struct{ ID string } }
			e.query(tc.other, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": tc.c.ID}, &seen)
			if seen.Node == nil || seen.Node.ID != string(tc.c.ID) {
				t.Errorf("%s does not see %s through its non-bill-to relationship", tc.other, tc.c.CompanyName)
			}
			bp := tc.c.QueryBillingProfile().OnlyX(sys)
			in := map[string]any{"customerID": tc.c.ID, "version": bp.Version, "companyName": tc.name}
			before := rolesFingerprint(e)
			res := e.post(tc.other, ubp, map[string]any{"in": in})
			if codes := res.errorCodes(); len(codes) != 1 || codes[0] != "FORBIDDEN" {
				t.Errorf("updateBillingProfile of %s as %s: %+v %s, want FORBIDDEN", tc.c.CompanyName, tc.other, res.Errors, res.Data)
			} else if msg := res.Errors[0].Message; !strings.Contains(msg, "Only the partner that bills this customer") {
				t.Errorf("updateBillingProfile of %s as %s: message %q, want the bill-to message", tc.c.CompanyName, tc.other, msg)
			}
			if after := rolesFingerprint(e); after != before {
				t.Errorf("updateBillingProfile of %s as %s was refused, yet the data changed", tc.c.CompanyName, tc.other)
			}
			res = e.post(tc.billTo, ubp, map[string]any{"in": in})
			if len(res.Errors) > 0 || len(rolesPayloadErrors(res)) > 0 {
				t.Errorf("updateBillingProfile of %s as the bill-to partner %s: %+v %s", tc.c.CompanyName, tc.billTo, res.Errors, res.Data)
			}
			if got := e.client.BillingProfile.GetX(sys, bp.ID).CompanyName; got != tc.name {
				t.Errorf("billing name of %s after the bill-to partner's update = %q, want %q", tc.c.CompanyName, got, tc.name)
			}
		}
	})
}

// --- 7. The last global admin ---------------------------------------------------------------------

func TestRolesLastGlobalAdmin(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		admin := e.client.User.Query().Where(user.Email(f.AdminA)).OnlyX(sys)
		uma := "uma@alpha.test"
		e.client.User.Create().SetPartnerID(f.A.ID).SetEmail(uma).SetName("User Manager").
			SetRoles([]enum.Role{enum.UserManagementAdmin}).ExecX(sys)
		// An inactive global admin does not count.
		e.client.User.Create().SetPartnerID(f.A.ID).SetEmail("former@alpha.test").SetName("Former Admin").
			SetRoles([]enum.Role{enum.GlobalAdmin}).SetActive(false).ExecX(sys)
		rolesQ := `mutation($in: UpdateUserRolesInput!) { updateUserRoles(input: $in) { user { id roles version } ` + rolesUE + ` } }`
		activeQ := `mutation($in: SetUserActiveInput!) { setUserActive(input: $in) { user { id active } ` + rolesUE + ` } }`
		payload := func(res *gqlResponse) (user *struct{ ID string }, errs []userError) {
			var roots map[string]struct {
				User       *struct{ ID string }
				UserErrors []userError
			}
			if len(res.Errors) > 0 {
				t.Errorf("unexpected errors %+v", res.Errors)
			}
			_ = json.Unmarshal(res.Data, &roots)
			for _, p := range roots {
				return p.User, p.UserErrors
			}
			return nil, nil
		}
		refused := func(what, as, q string, in map[string]any) {
			t.Helper()
			before := rolesFingerprint(e)
			u, errs := payload(e.post(as, q, map[string]any{"in": in}))
			authWantUserError(t, what, errs, "INVALID", "input", "roles")
			if u != nil {
				t.Errorf("%s: returned the user", what)
			}
			if after := rolesFingerprint(e); after != before {
				t.Errorf("%s: refused, yet the data changed", what)
			}
		}
		for _, as := range []string{f.AdminA, uma} {
			v := e.client.User.GetX(sys, admin.ID).Version
			refused("demoting the only global admin as "+as, as, rolesQ,
				map[string]any{"id": admin.ID, "version": v, "roles": []string{"ADMIN_AGENT", "USER_MANAGEMENT_ADMIN"}})
			refused("deactivating the only global admin as "+as, as, activeQ,
				map[string]any{"id": admin.ID, "version": v, "active": false})
		}
		if u := e.client.User.GetX(sys, admin.ID); !u.Active || !slices.Equal(u.Roles, []enum.Role{enum.GlobalAdmin}) {
			t.Fatalf("the only global admin is now %+v", u)
		}

		// With a second active global admin, demoting one works; then the other is the last again.
		second := e.client.User.Create().SetPartnerID(f.A.ID).SetEmail("second@alpha.test").SetName("Second Admin").
			SetRoles([]enum.Role{enum.GlobalAdmin}).SaveX(sys)
		u, errs := payload(e.post(uma, rolesQ, map[string]any{"in": map[string]any{"id": admin.ID,
			"version": e.client.User.GetX(sys, admin.ID).Version, "roles": []string{"ADMIN_AGENT"}}}))
		if len(errs) != 0 || u == nil {
			t.Errorf("demoting one of two global admins: userErrors %+v", errs)
		}
		if got := e.client.User.GetX(sys, admin.ID).Roles; !slices.Equal(got, []enum.Role{enum.AdminAgent}) {
			t.Errorf("demoted admin's roles = %v, want [ADMIN_AGENT]", got)
		}
		s := e.client.User.GetX(sys, second.ID)
		refused("deactivating the remaining global admin", uma, activeQ, map[string]any{"id": second.ID, "version": s.Version, "active": false})
		refused("demoting the remaining global admin", "second@alpha.test", rolesQ, map[string]any{"id": second.ID, "version": s.Version, "roles": []string{"SALES_AGENT"}})
		// Partner B's own single admin is not affected by A's.
		if n := e.client.User.Query().Where(user.PartnerID(f.B.ID), user.Active(true)).CountX(sys); n != 1 {
			t.Fatalf("B has %d active users", n)
		}

		// A stale version: CONFLICT, nothing changed.
		a := e.client.User.GetX(sys, admin.ID)
		before := rolesFingerprint(e)
		_, errs = payload(e.post(uma, rolesQ, map[string]any{"in": map[string]any{"id": admin.ID, "version": a.Version - 1, "roles": []string{"SALES_AGENT"}}}))
		authWantUserError(t, "updateUserRoles with a stale version", errs, "CONFLICT")
		_, errs = payload(e.post(uma, activeQ, map[string]any{"in": map[string]any{"id": admin.ID, "version": a.Version - 1, "active": false}}))
		authWantUserError(t, "setUserActive with a stale version", errs, "CONFLICT")
		if after := rolesFingerprint(e); after != before {
			t.Error("updates with a stale version changed the data")
		}
		// The current version works.
		if _, errs = payload(e.post(uma, rolesQ, map[string]any{"in": map[string]any{"id": admin.ID, "version": a.Version, "roles": []string{"SALES_AGENT"}}})); len(errs) != 0 {
			t.Errorf("updateUserRoles with the current version: %+v", errs)
		}
	})
}

// rolesOrderable is a new ALLOWED customer of A with a confirmed agreement, and an offer to order.
func rolesOrderable(w *rolesWorld, n int) (*ent.Customer, *ent.Offer) {
	if err := seed.LoadCatalog(sys, w.e.client); err != nil {
		w.e.t.Fatal(err)
	}
	c := w.e.addCustomer(customerSpec{fmt.Sprintf("Fabrikam Buying %d", n), fmt.Sprintf("rolesbuy%d", n), "DE", []*ent.Partner{w.A}})
	w.e.client.Customer.UpdateOneID(c.ID).SetVerificationStatus(customer.VerificationStatusALLOWED).ExecX(sys)
	admin := w.e.client.User.Query().Where(user.Email(w.AdminA)).OnlyX(sys)
	w.e.client.Agreement.Create().SetCustomerID(c.ID).SetPartnerID(w.A.ID).SetConfirmedByID(admin.ID).
		SetFirstName("Maria").SetLastName("Schmidt").SetEmail("maria@fabrikam.example").SetEmailKey("maria@fabrikam.example").
		SetDateAgreed(time.Now().AddDate(0, 0, -1)).ExecX(sys)
	return c, w.e.client.Offer.Query().FirstX(sys)
}
