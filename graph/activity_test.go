package graph_test

// The activity log (domain.md §9): every mutation writes exactly one record in its transaction, with
// who, which partner, which customer, the resource, the operation and the changed values before and
// after; a refused or failed attempt leaves its failed record and nothing else; staff with the right
// role read it by date range (default: the last 30 days) and filters, as a page or as Activity.csv; and
// records can never be changed or deleted.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/billingprofile"
	"partnerhub/ent/customer"
	"partnerhub/ent/privacy"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/tag"
	"partnerhub/ent/user"
	"partnerhub/ent/viewer"
)

// actWorld is the fixture with the users who act.
type actWorld struct {
	*fixture
	adminA, adminB *ent.User
}

func actSetup(e *env) *actWorld {
	e.t.Helper()
	f := e.fixture()
	return &actWorld{fixture: f,
		adminA: e.client.User.Query().Where(user.Email(f.AdminA)).OnlyX(sys),
		adminB: e.client.User.Query().Where(user.Email(f.AdminB)).OnlyX(sys),
	}
}

// actCount is the number of activity records of every partner.
func actCount(e *env) int {
	e.t.Helper()
	return e.client.Activity.Query().CountX(sys)
}

// actIDs are the IDs of every activity record.
func actIDs(e *env) map[pulid.ID]bool {
	e.t.Helper()
	out := map[pulid.ID]bool{}
	for _, id := range e.client.Activity.Query().IDsX(sys) {
		out[id] = true
	}
	return out
}

// actOne runs fn and expects it to leave exactly one new activity record, which it returns (nil, with
// an error reported, otherwise).
func actOne(t *testing.T, e *env, what string, fn func()) *ent.Activity {
	t.Helper()
	n0, before := actCount(e), actIDs(e)
	fn()
	var fresh []*ent.Activity
	for _, a := range e.client.Activity.Query().Order(ent.Asc(activity.FieldOccurredAt), ent.Asc(activity.FieldID)).AllX(sys) {
		if !before[a.ID] {
			fresh = append(fresh, a)
		}
	}
	if n1 := actCount(e); n1 != n0+1 || len(fresh) != 1 {
		var desc []string
		for _, a := range fresh {
			desc = append(desc, fmt.Sprintf("%s %s succeeded=%v %s", a.Operation, a.ResourceType, a.Succeeded, actDeref(a.ErrorCode)))
		}
		t.Errorf("%s: %d activity records before, %d after; want exactly one more. New: %q", what, n0, n1, desc)
		if len(fresh) == 0 {
			return nil
		}
	}
	return fresh[len(fresh)-1]
}

// actWant is what a record must say besides its values.
type actWant struct {
	operation string
	resource  activity.ResourceType
	user      pulid.ID
	partner   pulid.ID
	customer  pulid.ID // "" for none
	resID     string   // "" to skip the check
	succeeded bool
	code      string // the error code of a failed record
}

func actCheck(t *testing.T, what string, a *ent.Activity, w actWant) {
	t.Helper()
	if a == nil {
		return
	}
	if a.Operation != w.operation {
		t.Errorf("%s: operation %q, want %q", what, a.Operation, w.operation)
	}
	if a.ResourceType != w.resource {
		t.Errorf("%s: resource type %s, want %s", what, a.ResourceType, w.resource)
	}
	if a.UserID == nil || *a.UserID != w.user {
		t.Errorf("%s: user %v, want %s", what, actDeref(a.UserID), w.user)
	}
	if a.PartnerID != w.partner {
		t.Errorf("%s: partner %s, want %s", what, a.PartnerID, w.partner)
	}
	if got := actDeref(a.CustomerID); got != w.customer {
		t.Errorf("%s: customer %q, want %q", what, got, w.customer)
	}
	if w.resID != "" && a.ResourceID != w.resID {
		t.Errorf("%s: resource ID %q, want %q", what, a.ResourceID, w.resID)
	}
	if a.Succeeded != w.succeeded {
		t.Errorf("%s: succeeded %v, want %v", what, a.Succeeded, w.succeeded)
	}
	if actDeref(a.ErrorCode) != w.code {
		t.Errorf("%s: error code %q, want %q (message %q)", what, actDeref(a.ErrorCode), w.code, actDeref(a.ErrorMessage))
	}
	if w.succeeded && (a.ErrorCode != nil || a.ErrorMessage != nil) {
		t.Errorf("%s: a successful record with error code %v and message %v, want none (null)", what, a.ErrorCode, a.ErrorMessage)
	}
	if !w.succeeded && actDeref(a.ErrorMessage) == "" {
		t.Errorf("%s: a failed record without an error message", what)
	}
	if time.Since(a.OccurredAt) > time.Minute || time.Until(a.OccurredAt) > time.Minute {
		t.Errorf("%s: occurred at %v, want about now", what, a.OccurredAt)
	}
}

func actDeref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// actNorm turns a value into what JSON makes of it, with lists of strings sorted (the order of IDs in
// a record is not meaningful).
func actNorm(v any) any {
	b, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(b, &out)
	var sortLists func(any) any
	sortLists = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				v[k] = sortLists(x)
			}
		case []any:
			strs := true
			for _, x := range v {
				if _, ok := x.(string); !ok {
					strs = false
				}
			}
			if strs {
				sort.Slice(v, func(i, j int) bool { return v[i].(string) < v[j].(string) })
			}
		}
		return v
	}
	return sortLists(out)
}

// actValues checks that a record's before or after holds exactly the wanted keys and values.
func actValues(t *testing.T, what string, got, want map[string]any) {
	t.Helper()
	g, w := actNorm(got), actNorm(want)
	if len(want) == 0 && len(got) == 0 {
		return
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s:\n got %v\nwant %v", what, g, w)
	}
}

// actHas checks that a record's values include these keys and values (others may be present).
func actHas(t *testing.T, what string, got, want map[string]any) {
	t.Helper()
	for k, wv := range want {
		gv, ok := got[k]
		if !ok {
			t.Errorf("%s: no %q (have %v)", what, k, actKeys(got))
			continue
		}
		if !reflect.DeepEqual(actNorm(gv), actNorm(wv)) {
			t.Errorf("%s: %q is %v, want %v", what, k, gv, wv)
		}
	}
}

func actKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// actRun runs a mutation and returns its payload's userErrors; top-level errors are in res.
func actRun(e *env, as, field, query string, vars map[string]any) (json.RawMessage, []userError, *gqlResponse) {
	e.t.Helper()
	res := e.post(as, query, vars)
	var data map[string]json.RawMessage
	_ = json.Unmarshal(res.Data, &data)
	payload := data[field]
	var p struct {
		UserErrors []userError `json:"userErrors"`
	}
	_ = json.Unmarshal(payload, &p)
	return payload, p.UserErrors, res
}

// actOK runs a mutation that must succeed and decodes its payload into dst (when not nil).
func actOK(e *env, as, field, query string, vars map[string]any, dst any) {
	e.t.Helper()
	payload, errs, res := actRun(e, as, field, query, vars)
	if len(res.Errors) > 0 || len(errs) > 0 {
		e.t.Fatalf("%s: errors %+v, user errors %+v", field, res.Errors, errs)
	}
	if dst != nil {
		if err := json.Unmarshal(payload, dst); err != nil {
			e.t.Fatalf("%s: decoding %s: %v", field, payload, err)
		}
	}
}

const (
	actCreateCustomer = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) {
		customer { id billingProfile { id version } } userErrors { field code message } } }`
	actUpdateBilling = `mutation($input: UpdateBillingProfileInput!) { updateBillingProfile(input: $input) {
		billingProfile { id version } userErrors { field code message } } }`
	actTagsAdd    = `mutation($c: [ID!]!, $t: [ID!]!) { tagsAdd(input: {customerIDs: $c, tagIDs: $t}) { customers { id } userErrors { field code message } } }`
	actTagsRemove = `mutation($c: [ID!]!, $t: [ID!]!) { tagsRemove(input: {customerIDs: $c, tagIDs: $t}) { customers { id } userErrors { field code message } } }`
	actCreateTag  = `mutation($name: String!, $color: String) { createTag(input: {name: $name, color: $color}) { tag { id version } userErrors { field code message } } }`
	actUpdateTag  = `mutation($id: ID!, $version: Int!, $name: String) { updateTag(input: {id: $id, version: $version, name: $name}) { tag { id version } userErrors { field code message } } }`
	actDeleteTag  = `mutation($id: ID!) { deleteTag(input: {id: $id}) { deletedTagID userErrors { field code message } } }`
	actInvite     = `mutation($email: String!, $name: String!, $roles: [Role!]!) { inviteUser(input: {email: $email, name: $name, roles: $roles}) {
		invitation { id user { id } } link userErrors { field code message } } }`
	actUpdateRoles = `mutation($id: ID!, $version: Int!, $roles: [Role!]!) { updateUserRoles(input: {id: $id, version: $version, roles: $roles}) {
		user { id roles } userErrors { field code message } } }`
)

// actCustomerInput is a valid createCustomer input (a German customer).
func actCustomerInput(prefix, name string) map[string]any {
	return map[string]any{
		"domainPrefix": prefix, "companyName": name, "country": "DE", "language": "de", "culture": "de-DE",
		"billingProfile": map[string]any{
			"firstName": "Greta", "lastName": "Hoffmann", "email": "greta.hoffmann@brandt-gmbh.de",
			"culture": "de-DE", "language": "de", "addressLine1": "Unter den Linden 1", "city": "Berlin",
			"postalCode": "10117", "country": "DE", "phoneNumber": "+49 30 1234567",
		},
	}
}

// actBilling is a customer's billing profile as stored.
func actBilling(e *env, c pulid.ID) *ent.BillingProfile {
	e.t.Helper()
	return e.client.BillingProfile.Query().Where(billingprofile.CustomerID(c)).OnlyX(sys)
}

// TestActivityMutations: each mutation leaves exactly one record, naming the operation, resource,
// user, partner and customer, with only the changed values before and after.
func TestActivityMutations(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := actSetup(e)
		A, admin := w.A.ID, w.adminA.ID

		// createCustomer
		var created struct {
			Customer struct {
				ID             pulid.ID `json:"id"`
				BillingProfile struct {
					ID      string `json:"id"`
					Version int    `json:"version"`
				} `json:"billingProfile"`
			} `json:"customer"`
		}
		a := actOne(t, e, "createCustomer", func() {
			actOK(e, w.AdminA, "createCustomer", actCreateCustomer,
				map[string]any{"input": actCustomerInput("brandtmaschinen", "Brandt Maschinenbau GmbH")}, &created)
		})
		cid := created.Customer.ID
		actCheck(t, "createCustomer", a, actWant{operation: "createCustomer", resource: activity.ResourceTypeCUSTOMER,
			user: admin, partner: A, customer: cid, resID: string(cid), succeeded: true})
		if a != nil {
			actValues(t, "createCustomer before", a.Before, nil)
			actHas(t, "createCustomer after", a.After, map[string]any{
				"customer.companyName":   "Brandt Maschinenbau GmbH",
				"customer.displayName":   "Brandt Maschinenbau GmbH",
				"customer.primaryDomain": "brandtmaschinen.onmicrosoft.com",
				"customer.country":       "DE",
				"billingProfile.city":    "Berlin",
				"billingProfile.email":   "greta.hoffmann@brandt-gmbh.de",
				"relationship.type":      "DIRECT_BILL",
			})
			for _, k := range []string{"customer.sortName", "customer.version", "customer.createdAt", "customer.updatedAt", "billingProfile.version"} {
				if _, ok := a.After[k]; ok {
					t.Errorf("createCustomer after: bookkeeping field %q is logged", k)
				}
			}
		}

		// The system's own changes are not a user's activity.
		n := actCount(e)
		e.client.Customer.UpdateOneID(cid).SetVerificationStatus(customer.VerificationStatusALLOWED).ExecX(sys)
		if got := actCount(e); got != n {
			t.Errorf("a change in the system context wrote %d activity records", got-n)
		}

		// updateBillingProfile: the city only (the last name is sent unchanged); the customer goes back to
		// UNDER_REVIEW.
		bp := actBilling(e, cid)
		a = actOne(t, e, "updateBillingProfile (city)", func() {
			actOK(e, w.AdminA, "updateBillingProfile", actUpdateBilling, map[string]any{"input": map[string]any{
				"customerID": cid, "version": bp.Version, "city": "Potsdam", "lastName": "Hoffmann"}}, nil)
		})
		actCheck(t, "updateBillingProfile (city)", a, actWant{operation: "updateBillingProfile", resource: activity.ResourceTypeBILLING_PROFILE,
			user: admin, partner: A, customer: cid, resID: string(bp.ID), succeeded: true})
		if a != nil {
			actValues(t, "updateBillingProfile (city) before", a.Before, map[string]any{
				"billingProfile.city": "Berlin", "customer.verificationStatus": "ALLOWED"})
			actValues(t, "updateBillingProfile (city) after", a.After, map[string]any{
				"billingProfile.city": "Potsdam", "customer.verificationStatus": "UNDER_REVIEW"})
		}

		// updateBillingProfile: a rename; the customer's display name follows.
		bp = actBilling(e, cid)
		a = actOne(t, e, "updateBillingProfile (rename)", func() {
			actOK(e, w.AdminA, "updateBillingProfile", actUpdateBilling, map[string]any{"input": map[string]any{
				"customerID": cid, "version": bp.Version, "companyName": "Brandt Antriebstechnik GmbH"}}, nil)
		})
		actCheck(t, "updateBillingProfile (rename)", a, actWant{operation: "updateBillingProfile", resource: activity.ResourceTypeBILLING_PROFILE,
			user: admin, partner: A, customer: cid, resID: string(bp.ID), succeeded: true})
		if a != nil {
			actValues(t, "updateBillingProfile (rename) before", a.Before, map[string]any{
				"billingProfile.companyName": "Brandt Maschinenbau GmbH", "customer.displayName": "Brandt Maschinenbau GmbH"})
			actValues(t, "updateBillingProfile (rename) after", a.After, map[string]any{
				"billingProfile.companyName": "Brandt Antriebstechnik GmbH", "customer.displayName": "Brandt Antriebstechnik GmbH"})
		}

		// tagsAdd on two customers: one record for both, naming no single customer.
		lodz, contoso := w.C["Łódź Trading Sp. z o.o."], w.C["Contoso Pharmaceuticals"]
		ent1, smb := w.TagsA["Enterprise"], w.TagsA["SMB"]
		a = actOne(t, e, "tagsAdd", func() {
			actOK(e, w.AdminA, "tagsAdd", actTagsAdd, map[string]any{"c": []pulid.ID{lodz.ID, contoso.ID}, "t": []pulid.ID{ent1.ID, smb.ID}}, nil)
		})
		actCheck(t, "tagsAdd", a, actWant{operation: "tagsAdd", resource: activity.ResourceTypeCUSTOMER_TAGS,
			user: admin, partner: A, succeeded: true})
		if a != nil {
			actValues(t, "tagsAdd before", a.Before, nil)
			actValues(t, "tagsAdd after", a.After, map[string]any{
				"customerIDs": []pulid.ID{lodz.ID, contoso.ID},
				// One entry per customer, so a selection's record says who got which tags.
				"customerTag." + string(lodz.ID) + ".addedTagIDs":    []pulid.ID{ent1.ID, smb.ID},
				"customerTag." + string(contoso.ID) + ".addedTagIDs": []pulid.ID{ent1.ID, smb.ID},
			})
		}

		// tagsRemove on one customer: that customer.
		a = actOne(t, e, "tagsRemove (one customer)", func() {
			actOK(e, w.AdminA, "tagsRemove", actTagsRemove, map[string]any{"c": []pulid.ID{lodz.ID}, "t": []pulid.ID{smb.ID}}, nil)
		})
		actCheck(t, "tagsRemove (one customer)", a, actWant{operation: "tagsRemove", resource: activity.ResourceTypeCUSTOMER_TAGS,
			user: admin, partner: A, customer: lodz.ID, succeeded: true})
		if a != nil {
			actValues(t, "tagsRemove (one customer) before", a.Before, map[string]any{"customerTag." + string(lodz.ID) + ".removedTagIDs": []pulid.ID{smb.ID}})
			actValues(t, "tagsRemove (one customer) after", a.After, nil)
		}

		// tagsRemove on two customers.
		a = actOne(t, e, "tagsRemove (two customers)", func() {
			actOK(e, w.AdminA, "tagsRemove", actTagsRemove, map[string]any{"c": []pulid.ID{lodz.ID, contoso.ID}, "t": []pulid.ID{ent1.ID}}, nil)
		})
		actCheck(t, "tagsRemove (two customers)", a, actWant{operation: "tagsRemove", resource: activity.ResourceTypeCUSTOMER_TAGS,
			user: admin, partner: A, succeeded: true})
		if a != nil {
			actValues(t, "tagsRemove (two customers) before", a.Before, map[string]any{
				"customerTag." + string(lodz.ID) + ".removedTagIDs":    []pulid.ID{ent1.ID},
				"customerTag." + string(contoso.ID) + ".removedTagIDs": []pulid.ID{ent1.ID}})
			actValues(t, "tagsRemove (two customers) after", a.After, map[string]any{"customerIDs": []pulid.ID{lodz.ID, contoso.ID}})
		}

		// createTag, updateTag, deleteTag.
		var tg struct {
			Tag struct {
				ID      pulid.ID `json:"id"`
				Version int      `json:"version"`
			} `json:"tag"`
		}
		a = actOne(t, e, "createTag", func() {
			actOK(e, w.AdminA, "createTag", actCreateTag, map[string]any{"name": "Key account", "color": "#1f77b4"}, &tg)
		})
		actCheck(t, "createTag", a, actWant{operation: "createTag", resource: activity.ResourceTypeTAG,
			user: admin, partner: A, resID: string(tg.Tag.ID), succeeded: true})
		if a != nil {
			actValues(t, "createTag before", a.Before, nil)
			actHas(t, "createTag after", a.After, map[string]any{"tag.name": "Key account", "tag.color": "#1f77b4", "tag.partnerID": A})
		}
		a = actOne(t, e, "updateTag", func() {
			actOK(e, w.AdminA, "updateTag", actUpdateTag, map[string]any{"id": tg.Tag.ID, "version": tg.Tag.Version, "name": "Key accounts"}, nil)
		})
		actCheck(t, "updateTag", a, actWant{operation: "updateTag", resource: activity.ResourceTypeTAG,
			user: admin, partner: A, resID: string(tg.Tag.ID), succeeded: true})
		if a != nil {
			actValues(t, "updateTag before", a.Before, map[string]any{"tag.name": "Key account"})
			actValues(t, "updateTag after", a.After, map[string]any{"tag.name": "Key accounts"})
		}
		a = actOne(t, e, "deleteTag", func() {
			actOK(e, w.AdminA, "deleteTag", actDeleteTag, map[string]any{"id": tg.Tag.ID}, nil)
		})
		actCheck(t, "deleteTag", a, actWant{operation: "deleteTag", resource: activity.ResourceTypeTAG,
			user: admin, partner: A, resID: string(tg.Tag.ID), succeeded: true})
		if a != nil {
			// The record must still say which tag went once the tag is gone: its ID and its name.
			actHas(t, "deleteTag before", a.Before, map[string]any{"tag.id": tg.Tag.ID, "tag.name": "Key accounts"})
			if len(a.After) != 0 {
				t.Errorf("deleteTag after: %v, want nothing", a.After)
			}
		}

		// inviteUser: the user and the invitation, never the invitation's secret.
		var inv struct {
			Invitation struct {
				ID   string `json:"id"`
				User struct {
					ID pulid.ID `json:"id"`
				} `json:"user"`
			} `json:"invitation"`
			Link string `json:"link"`
		}
		a = actOne(t, e, "inviteUser", func() {
			actOK(e, w.AdminA, "inviteUser", actInvite, map[string]any{"email": "new.agent@alpha.test", "name": "New Agent", "roles": []string{"SALES_AGENT"}}, &inv)
		})
		actCheck(t, "inviteUser", a, actWant{operation: "inviteUser", resource: activity.ResourceTypeINVITATION,
			user: admin, partner: A, resID: inv.Invitation.ID, succeeded: true})
		if a != nil {
			actValues(t, "inviteUser before", a.Before, nil)
			actHas(t, "inviteUser after", a.After, map[string]any{
				"user.email": "new.agent@alpha.test", "user.name": "New Agent", "user.roles": []string{"SALES_AGENT"}, "user.active": false,
				"invitation.email": "new.agent@alpha.test", "invitation.roles": []string{"SALES_AGENT"},
			})
			raw, _ := json.Marshal(a)
			token := inv.Link[strings.LastIndex(inv.Link, "=")+1:]
			if strings.Contains(strings.ToLower(string(raw)), "hash") || (len(token) > 8 && strings.Contains(string(raw), token)) {
				t.Errorf("inviteUser: the record shows a secret or its hash: %s", raw)
			}
		}

		// updateUserRoles.
		u := e.client.User.GetX(sys, inv.Invitation.User.ID)
		a = actOne(t, e, "updateUserRoles", func() {
			actOK(e, w.AdminA, "updateUserRoles", actUpdateRoles, map[string]any{"id": u.ID, "version": u.Version, "roles": []string{"SALES_AGENT", "HELPDESK_AGENT"}}, nil)
		})
		actCheck(t, "updateUserRoles", a, actWant{operation: "updateUserRoles", resource: activity.ResourceTypeUSER,
			user: admin, partner: A, resID: string(u.ID), succeeded: true})
		if a != nil {
			actValues(t, "updateUserRoles before", a.Before, map[string]any{"user.roles": []string{"SALES_AGENT"}})
			actValues(t, "updateUserRoles after", a.After, map[string]any{"user.roles": []string{"SALES_AGENT", "HELPDESK_AGENT"}})
		}

		// A mutation by another user of A is that user's record.
		sales := expUser(e, w.A, "sales@alpha.test", enum.SalesAgent)
		a = actOne(t, e, "createTag by a sales agent", func() {
			actOK(e, "sales@alpha.test", "createTag", actCreateTag, map[string]any{"name": "Sales pipeline"}, nil)
		})
		actCheck(t, "createTag by a sales agent", a, actWant{operation: "createTag", resource: activity.ResourceTypeTAG,
			user: sales.ID, partner: A, succeeded: true})
		// And one by B's admin is B's.
		a = actOne(t, e, "createTag by B", func() {
			actOK(e, w.AdminB, "createTag", actCreateTag, map[string]any{"name": "Beta pipeline"}, nil)
		})
		actCheck(t, "createTag by B", a, actWant{operation: "createTag", resource: activity.ResourceTypeTAG,
			user: w.adminB.ID, partner: w.B.ID, succeeded: true})
	})
}

// TestActivityFailures: a refused attempt leaves one failed record and no change; an attempt on
// another partner's customer does not name it.
func TestActivityFailures(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := actSetup(e)
		A, admin := w.A.ID, w.adminA.ID
		soc := w.C["Société Générale de Logistique"]

		// A stale version: CONFLICT, the profile and the customer as they were.
		bp0 := actBilling(e, soc.ID)
		c0 := e.client.Customer.GetX(sys, soc.ID)
		a := actOne(t, e, "updateBillingProfile (stale)", func() {
			_, errs, res := actRun(e, w.AdminA, "updateBillingProfile", actUpdateBilling, map[string]any{"input": map[string]any{
				"customerID": soc.ID, "version": bp0.Version + 5, "city": "Lyon", "companyName": "Société Renommée SA"}})
			if len(res.Errors) > 0 || len(errs) != 1 || errs[0].Code != "CONFLICT" {
				t.Errorf("stale update: errors %+v, user errors %+v; want one CONFLICT", res.Errors, errs)
			}
		})
		actCheck(t, "updateBillingProfile (stale)", a, actWant{operation: "updateBillingProfile", resource: activity.ResourceTypeBILLING_PROFILE,
			user: admin, partner: A, customer: soc.ID, succeeded: false, code: "CONFLICT"})
		if a != nil && (len(a.Before) != 0 || len(a.After) != 0) {
			t.Errorf("stale update: a failed record with values %v → %v", a.Before, a.After)
		}
		if bp := actBilling(e, soc.ID); bp.City != bp0.City || bp.CompanyName != bp0.CompanyName || bp.Version != bp0.Version {
			t.Errorf("stale update changed the profile: %s %q v%d, was %s %q v%d", bp.City, bp.CompanyName, bp.Version, bp0.City, bp0.CompanyName, bp0.Version)
		}
		if c := e.client.Customer.GetX(sys, soc.ID); c.DisplayName != c0.DisplayName || c.Version != c0.Version || c.VerificationStatus != c0.VerificationStatus {
			t.Errorf("stale update changed the customer: %q v%d %s, was %q v%d %s", c.DisplayName, c.Version, c.VerificationStatus, c0.DisplayName, c0.Version, c0.VerificationStatus)
		}

		// An invalid email: INVALID, no customer.
		customers0, profiles0 := e.client.Customer.Query().CountX(sys), e.client.BillingProfile.Query().CountX(sys)
		in := actCustomerInput("badmailcustomer", "Schneider Logistik GmbH")
		in["billingProfile"].(map[string]any)["email"] = "not-an-email"
		a = actOne(t, e, "createCustomer (invalid email)", func() {
			_, errs, res := actRun(e, w.AdminA, "createCustomer", actCreateCustomer, map[string]any{"input": in})
			if len(res.Errors) > 0 || len(errs) == 0 || errs[0].Code != "INVALID" || strings.Join(errs[0].Field, ".") != "input.billingProfile.email" {
				t.Errorf("invalid email: errors %+v, user errors %+v; want INVALID at input.billingProfile.email", res.Errors, errs)
			}
		})
		actCheck(t, "createCustomer (invalid email)", a, actWant{operation: "createCustomer", resource: activity.ResourceTypeCUSTOMER,
			user: admin, partner: A, succeeded: false, code: "INVALID"})
		if n := e.client.Customer.Query().Where(customer.PrimaryDomain("badmailcustomer.onmicrosoft.com")).CountX(sys); n != 0 {
			t.Errorf("invalid email: the customer was created")
		}
		if c, p := e.client.Customer.Query().CountX(sys), e.client.BillingProfile.Query().CountX(sys); c != customers0 || p != profiles0 {
			t.Errorf("invalid email: customers %d → %d, billing profiles %d → %d", customers0, c, profiles0, p)
		}

		// A role that may not: FORBIDDEN, no tag.
		helpdesk := expUser(e, w.A, "helpdesk@alpha.test", enum.HelpdeskAgent)
		a = actOne(t, e, "createTag (helpdesk)", func() {
			_, errs, res := actRun(e, "helpdesk@alpha.test", "createTag", actCreateTag, map[string]any{"name": "Helpdesk label"})
			if codes := res.errorCodes(); !slices.Equal(codes, []string{"FORBIDDEN"}) || len(errs) > 0 {
				t.Errorf("helpdesk createTag: codes %q, user errors %+v; want FORBIDDEN", codes, errs)
			}
		})
		actCheck(t, "createTag (helpdesk)", a, actWant{operation: "createTag", resource: activity.ResourceTypeTAG,
			user: helpdesk.ID, partner: A, succeeded: false, code: "FORBIDDEN"})
		if n := e.client.Tag.Query().Where(tag.Name("Helpdesk label")).CountX(sys); n != 0 {
			t.Errorf("helpdesk createTag: the tag was created")
		}

		// Tagging one customer with another partner's tag: NOT_FOUND, recorded on that customer (it shows
		// in the customer's activity), and no link.
		a = actOne(t, e, "tagsAdd (another partner's tag)", func() {
			_, errs, res := actRun(e, w.AdminA, "tagsAdd", actTagsAdd, map[string]any{"c": []pulid.ID{soc.ID}, "t": []pulid.ID{w.TagsB["SMB"].ID}})
			if len(res.Errors) > 0 || len(errs) != 1 || errs[0].Code != "NOT_FOUND" {
				t.Errorf("tagsAdd with B's tag: errors %+v, user errors %+v; want one NOT_FOUND", res.Errors, errs)
			}
		})
		actCheck(t, "tagsAdd (another partner's tag)", a, actWant{operation: "tagsAdd", resource: activity.ResourceTypeCUSTOMER_TAGS,
			user: admin, partner: A, customer: soc.ID, succeeded: false, code: "NOT_FOUND"})

		// B on A's customer: B's failed record names no customer and nothing of A's.
		aRecords := e.client.Activity.Query().Where(activity.PartnerID(A)).CountX(sys)
		a = actOne(t, e, "updateBillingProfile (B on A's customer)", func() {
			_, errs, res := actRun(e, w.AdminB, "updateBillingProfile", actUpdateBilling, map[string]any{"input": map[string]any{
				"customerID": soc.ID, "version": bp0.Version, "city": "Lyon"}})
			if len(res.Errors) == 0 && len(errs) == 0 {
				t.Errorf("B updated A's customer")
			}
		})
		actCheck(t, "updateBillingProfile (B on A's customer)", a, actWant{operation: "updateBillingProfile", resource: activity.ResourceTypeBILLING_PROFILE,
			user: w.adminB.ID, partner: w.B.ID, succeeded: false, code: "NOT_FOUND"})
		if a != nil {
			raw, _ := json.Marshal(a)
			for _, secret := range []string{string(soc.ID), soc.DisplayName, soc.MicrosoftID, string(bp0.ID)} {
				if strings.Contains(string(raw), secret) {
					t.Errorf("B's failed record names A's customer (%q): %s", secret, raw)
				}
			}
		}
		if n := e.client.Activity.Query().Where(activity.PartnerID(A)).CountX(sys); n != aRecords {
			t.Errorf("B's attempt wrote %d records into A's log", n-aRecords)
		}
		if bp := actBilling(e, soc.ID); bp.City != bp0.City || bp.Version != bp0.Version {
			t.Errorf("B's attempt changed A's customer's profile: %s v%d", bp.City, bp.Version)
		}
	})
}

// actNode is an activity record as the API shows it.
type actNode struct {
	ID           string         `json:"id"`
	OccurredAt   time.Time      `json:"occurredAt"`
	Operation    string         `json:"operation"`
	ResourceType string         `json:"resourceType"`
	ResourceID   *string        `json:"resourceID"`
	Succeeded    bool           `json:"succeeded"`
	ErrorCode    *string        `json:"errorCode"`
	Before       map[string]any `json:"before"`
	After        map[string]any `json:"after"`
	User         *struct {
		ID string `json:"id"`
	} `json:"user"`
	Customer *struct {
		ID string `json:"id"`
	} `json:"customer"`
}

type actPage struct {
	ActivityLog struct {
		TotalCount int `json:"totalCount"`
		PageInfo   struct {
			HasNextPage bool   `json:"hasNextPage"`
			EndCursor   string `json:"endCursor"`
		} `json:"pageInfo"`
		Edges []struct {
			Cursor string  `json:"cursor"`
			Node   actNode `json:"node"`
		} `json:"edges"`
	} `json:"activityLog"`
}

func (p actPage) nodes() []actNode {
	var out []actNode
	for _, e := range p.ActivityLog.Edges {
		out = append(out, e.Node)
	}
	return out
}

func (p actPage) ops() []string {
	var out []string
	for _, n := range p.nodes() {
		out = append(out, n.Operation)
	}
	return out
}

const actLogQuery = `query($first: Int, $after: Cursor, $from: Time, $to: Time, $customerID: ID,
	$resourceTypes: [ActivityResourceType!], $operations: [String!], $succeeded: Boolean) {
  activityLog(first: $first, after: $after, from: $from, to: $to, customerID: $customerID,
      resourceTypes: $resourceTypes, operations: $operations, succeeded: $succeeded) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id occurredAt operation resourceType resourceID succeeded errorCode before after user { id } customer { id } } }
  }
}`

func actLog(e *env, as string, vars map[string]any) actPage {
	e.t.Helper()
	var p actPage
	if vars == nil {
		vars = map[string]any{}
	}
	if _, ok := vars["first"]; !ok {
		vars["first"] = 100
	}
	e.query(as, actLogQuery, vars, &p)
	return p
}

// TestActivityLogQuery: the activityLog query's window, filters, order, paging, isolation and role,
// and the same filters on Activity.csv.
func TestActivityLogQuery(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := actSetup(e)
		kontur, perugia := w.C["ООО «Контур»"], w.C["Città di Perugia Servizi S.r.l."]

		// A's activity, oldest first.
		var tg struct {
			Tag struct {
				ID pulid.ID `json:"id"`
			} `json:"tag"`
		}
		actOK(e, w.AdminA, "createTag", actCreateTag, map[string]any{"name": "Watchlist"}, &tg)
		bp := actBilling(e, kontur.ID)
		actOK(e, w.AdminA, "updateBillingProfile", actUpdateBilling, map[string]any{"input": map[string]any{
			"customerID": kontur.ID, "version": bp.Version, "addressLine2": "Office 12"}}, nil)
		_, errs, _ := actRun(e, w.AdminA, "updateBillingProfile", actUpdateBilling, map[string]any{"input": map[string]any{
			"customerID": kontur.ID, "version": bp.Version, "addressLine2": "Office 13"}})
		if len(errs) != 1 || errs[0].Code != "CONFLICT" {
			t.Fatalf("stale update: %+v", errs)
		}
		actOK(e, w.AdminA, "tagsAdd", actTagsAdd, map[string]any{"c": []pulid.ID{perugia.ID}, "t": []pulid.ID{tg.Tag.ID}}, nil)
		bp = actBilling(e, perugia.ID)
		actOK(e, w.AdminA, "updateBillingProfile", actUpdateBilling, map[string]any{"input": map[string]any{
			"customerID": perugia.ID, "version": bp.Version, "companyName": "@Risk Consulting S.r.l."}}, nil)
		// B's own activity.
		actOK(e, w.AdminB, "createTag", actCreateTag, map[string]any{"name": "Beta watchlist"}, nil)

		newestFirst := []string{"updateBillingProfile", "tagsAdd", "updateBillingProfile", "updateBillingProfile", "createTag"}
		all := actLog(e, w.AdminA, nil)
		if got := all.ops(); !slices.Equal(got, newestFirst) {
			t.Fatalf("A's log: %q, want %q (newest first)", got, newestFirst)
		}
		if all.ActivityLog.TotalCount != 5 {
			t.Errorf("A's log: totalCount %d, want 5", all.ActivityLog.TotalCount)
		}
		nodes := all.nodes()
		for i := 1; i < len(nodes); i++ {
			if nodes[i].OccurredAt.After(nodes[i-1].OccurredAt) {
				t.Errorf("A's log is not newest first: %v before %v", nodes[i-1].OccurredAt, nodes[i].OccurredAt)
			}
		}
		if n := nodes[1]; n.Customer == nil || n.Customer.ID != string(perugia.ID) || n.User == nil || n.User.ID != string(w.adminA.ID) {
			t.Errorf("tagsAdd on Perugia through the API: customer %v, user %v", n.Customer, n.User)
		}
		if n := nodes[2]; n.Succeeded || actDeref(n.ErrorCode) != "CONFLICT" {
			t.Errorf("the stale update through the API: succeeded %v, code %v", n.Succeeded, actDeref(n.ErrorCode))
		}
		if n := nodes[3]; fmt.Sprint(n.After["billingProfile.addressLine2"]) != "Office 12" {
			t.Errorf("the address update through the API: after %v", n.After)
		}
		aIDs := map[string]bool{}
		for _, n := range nodes {
			aIDs[n.ID] = true
		}

		// B sees its own record only, and nothing of A's even when filtering by A's customer.
		bLog := actLog(e, w.AdminB, nil)
		if got := bLog.ops(); !slices.Equal(got, []string{"createTag"}) || bLog.ActivityLog.TotalCount != 1 {
			t.Errorf("B's log: %q (total %d), want only its createTag", got, bLog.ActivityLog.TotalCount)
		}
		for _, n := range bLog.nodes() {
			if aIDs[n.ID] {
				t.Errorf("B sees A's record %s", n.ID)
			}
			if n.User == nil || n.User.ID != string(w.adminB.ID) {
				t.Errorf("B's record: user %v", n.User)
			}
		}
		if p := actLog(e, w.AdminB, map[string]any{"customerID": kontur.ID}); len(p.nodes()) != 0 || p.ActivityLog.TotalCount != 0 {
			t.Errorf("B filtering by A's customer: %q", p.ops())
		}

		// Filters.
		for _, c := range []struct {
			what string
			vars map[string]any
			want []string
		}{
			{"customerID", map[string]any{"customerID": kontur.ID}, []string{"updateBillingProfile", "updateBillingProfile"}},
			{"resourceTypes TAG", map[string]any{"resourceTypes": []string{"TAG"}}, []string{"createTag"}},
			{"resourceTypes TAG, CUSTOMER_TAGS", map[string]any{"resourceTypes": []string{"TAG", "CUSTOMER_TAGS"}}, []string{"tagsAdd", "createTag"}},
			{"operations", map[string]any{"operations": []string{"updateBillingProfile"}}, []string{"updateBillingProfile", "updateBillingProfile", "updateBillingProfile"}},
			{"operations, two", map[string]any{"operations": []string{"tagsAdd", "createTag"}}, []string{"tagsAdd", "createTag"}},
			{"succeeded false", map[string]any{"succeeded": false}, []string{"updateBillingProfile"}},
			{"succeeded true", map[string]any{"succeeded": true}, []string{"updateBillingProfile", "tagsAdd", "updateBillingProfile", "createTag"}},
			{"operation and succeeded", map[string]any{"operations": []string{"updateBillingProfile"}, "succeeded": true}, []string{"updateBillingProfile", "updateBillingProfile"}},
			{"customerID and succeeded", map[string]any{"customerID": kontur.ID, "succeeded": false}, []string{"updateBillingProfile"}},
			{"an operation nobody did", map[string]any{"operations": []string{"deleteTag"}}, nil},
		} {
			p := actLog(e, w.AdminA, c.vars)
			if got := p.ops(); !slices.Equal(got, c.want) || p.ActivityLog.TotalCount != len(c.want) {
				t.Errorf("filter %s: %q (total %d), want %q", c.what, got, p.ActivityLog.TotalCount, c.want)
			}
			if c.what == "customerID" {
				for _, n := range p.nodes() {
					if n.Customer == nil || n.Customer.ID != string(kontur.ID) {
						t.Errorf("filter customerID: a record of customer %v", n.Customer)
					}
				}
			}
		}

		// Paging: two at a time gives the same records in the same order.
		var paged []string
		var after any
		for page := 0; ; page++ {
			p := actLog(e, w.AdminA, map[string]any{"first": 2, "after": after})
			if len(p.ActivityLog.Edges) > 2 {
				t.Fatalf("page %d: %d records, want at most 2", page, len(p.ActivityLog.Edges))
			}
			for _, n := range p.nodes() {
				paged = append(paged, n.ID)
			}
			if p.ActivityLog.TotalCount != 5 {
				t.Errorf("page %d: totalCount %d, want 5", page, p.ActivityLog.TotalCount)
			}
			if !p.ActivityLog.PageInfo.HasNextPage {
				break
			}
			if page > 5 {
				t.Fatal("paging does not end")
			}
			after = p.ActivityLog.PageInfo.EndCursor
		}
		var allIDs []string
		for _, n := range nodes {
			allIDs = append(allIDs, n.ID)
		}
		if !slices.Equal(paged, allIDs) {
			t.Errorf("paging by 2: %q, want %q", paged, allIDs)
		}

		// Roles: a sales agent, a helpdesk agent: FORBIDDEN; an admin agent: the log.
		expUser(e, w.A, "sales@alpha.test", enum.SalesAgent)
		expUser(e, w.A, "helpdesk@alpha.test", enum.HelpdeskAgent)
		expUser(e, w.A, "adminagent@alpha.test", enum.AdminAgent)
		for _, as := range []string{"sales@alpha.test", "helpdesk@alpha.test"} {
			res := e.post(as, actLogQuery, map[string]any{"first": 10})
			if codes := res.errorCodes(); !slices.Contains(codes, "FORBIDDEN") {
				t.Errorf("%s: activityLog errors %q, want FORBIDDEN", as, codes)
			}
			if strings.Contains(string(res.Data), "updateBillingProfile") {
				t.Errorf("%s: activityLog returned records: %s", as, res.Data)
			}
		}
		if p := actLog(e, "adminagent@alpha.test", nil); !slices.Equal(p.ops(), newestFirst) {
			t.Errorf("ADMIN_AGENT: %q, want %q", p.ops(), newestFirst)
		}

		// Activity.csv with the same filters.
		csvOps := func(what, as, query string) [][]string {
			t.Helper()
			r := expMustGet(e, as, "/export/activity.csv"+query, "Activity.csv")
			records := expCSV(t, what, r.body)
			wantHeader := []string{"Date (UTC)", "User", "Customer", "Resource", "Resource ID", "Operation", "Result", "Before", "After", "Error"}
			if len(records) == 0 || !slices.Equal(records[0], wantHeader) {
				t.Fatalf("%s: header %q, want %q", what, records[:min(1, len(records))], wantHeader)
			}
			return records[1:]
		}
		opsOf := func(rows [][]string) []string {
			var out []string
			for _, r := range rows {
				out = append(out, r[5])
			}
			return out
		}
		rows := csvOps("Activity.csv", w.AdminA, "")
		if got := opsOf(rows); !slices.Equal(got, newestFirst) {
			t.Errorf("Activity.csv: %q, want %q", got, newestFirst)
		}
		for i := 1; i < len(rows); i++ {
			if rows[i][0] > rows[i-1][0] {
				t.Errorf("Activity.csv is not newest first: %s before %s", rows[i-1][0], rows[i][0])
			}
		}
		if len(rows) == 5 {
			if r := rows[0]; r[1] != w.AdminA || r[2] != "'@Risk Consulting S.r.l." || r[3] != "BILLING_PROFILE" || r[6] != "Succeeded" {
				t.Errorf("Activity.csv, the rename: %q; want A's admin, the new name as text ('@…), BILLING_PROFILE, Succeeded", r)
			}
			if r := rows[0]; !strings.HasPrefix(r[7], "{") || !strings.Contains(r[8], "@Risk Consulting") {
				t.Errorf("Activity.csv, the rename's before/after: %q / %q", r[7], r[8])
			}
			if _, err := time.Parse(time.RFC3339, rows[0][0]); err != nil {
				t.Errorf("Activity.csv date %q: %v", rows[0][0], err)
			}
		}
		rows = csvOps("failed updates", w.AdminA, "?operation=updateBillingProfile&succeeded=false")
		if len(rows) != 1 {
			t.Errorf("?operation=updateBillingProfile&succeeded=false: %d rows, want 1: %q", len(rows), rows)
		} else if r := rows[0]; r[5] != "updateBillingProfile" || r[6] != "Failed" || !strings.HasPrefix(r[9], "CONFLICT") || r[2] != "ООО «Контур»" || r[1] != w.AdminA {
			t.Errorf("the failed update's row: %q; want updateBillingProfile, Failed, error CONFLICT…, customer ООО «Контур», A's admin", r)
		}
		for _, c := range []struct {
			query string
			want  []string
		}{
			{"?customerID=" + string(kontur.ID), []string{"updateBillingProfile", "updateBillingProfile"}},
			{"?resourceType=TAG", []string{"createTag"}},
			{"?resourceType=TAG&resourceType=CUSTOMER_TAGS", []string{"tagsAdd", "createTag"}},
			{"?operation=tagsAdd&operation=createTag", []string{"tagsAdd", "createTag"}},
			{"?succeeded=true&customerID=" + string(perugia.ID), []string{"updateBillingProfile", "tagsAdd"}},
		} {
			if got := opsOf(csvOps(c.query, w.AdminA, c.query)); !slices.Equal(got, c.want) {
				t.Errorf("Activity.csv%s: %q, want %q", c.query, got, c.want)
			}
		}
		if got := opsOf(csvOps("B", w.AdminB, "")); !slices.Equal(got, []string{"createTag"}) {
			t.Errorf("B's Activity.csv: %q, want only its createTag", got)
		}
		if got := opsOf(csvOps("B by A's customer", w.AdminB, "?customerID="+string(kontur.ID))); len(got) != 0 {
			t.Errorf("B's Activity.csv for A's customer: %q", got)
		}
		for _, bad := range []string{"?succeeded=maybe", "?from=yesterday", "?resourceType=NOPE"} {
			if r := expGet(e, w.AdminA, "/export/activity.csv"+bad); r.status != 400 {
				t.Errorf("Activity.csv%s: HTTP %d, want 400", bad, r.status)
			}
		}

		// The window: a record from 40 days ago is not in the default 30 days, and is with an earlier start.
		oldest := nodes[4] // the createTag
		old := time.Now().UTC().Add(-40 * 24 * time.Hour).Truncate(time.Microsecond)
		if _, err := e.db.SQL.Exec(`UPDATE activities SET occurred_at = ? WHERE id = ?`, old, oldest.ID); err != nil {
			t.Fatal(err)
		}
		if got := actLog(e, w.AdminA, nil).ops(); !slices.Equal(got, newestFirst[:4]) {
			t.Errorf("after moving createTag 40 days back, the default window: %q, want %q", got, newestFirst[:4])
		}
		rfc := func(d time.Duration) string { return time.Now().UTC().Add(d).Format(time.RFC3339Nano) }
		day := 24 * time.Hour
		for _, c := range []struct {
			what string
			vars map[string]any
			want []string
		}{
			{"from 50 days ago", map[string]any{"from": rfc(-50 * day)}, newestFirst},
			{"from 10 days ago", map[string]any{"from": rfc(-10 * day)}, newestFirst[:4]},
			{"to 35 days ago (from 30 days before it)", map[string]any{"to": rfc(-35 * day)}, []string{"createTag"}},
			{"from 45 to 35 days ago", map[string]any{"from": rfc(-45 * day), "to": rfc(-35 * day)}, []string{"createTag"}},
			{"from 39 to 35 days ago", map[string]any{"from": rfc(-39 * day), "to": rfc(-35 * day)}, nil},
			{"from 50 days ago, TAG", map[string]any{"from": rfc(-50 * day), "resourceTypes": []string{"TAG"}}, []string{"createTag"}},
		} {
			p := actLog(e, w.AdminA, c.vars)
			if got := p.ops(); !slices.Equal(got, c.want) || p.ActivityLog.TotalCount != len(c.want) {
				t.Errorf("window %s: %q (total %d), want %q", c.what, got, p.ActivityLog.TotalCount, c.want)
			}
		}
		if got := opsOf(csvOps("default window", w.AdminA, "")); !slices.Equal(got, newestFirst[:4]) {
			t.Errorf("Activity.csv, default window: %q, want %q", got, newestFirst[:4])
		}
		if got := opsOf(csvOps("from", w.AdminA, "?from="+url.QueryEscape(rfc(-50*day)))); !slices.Equal(got, newestFirst) {
			t.Errorf("Activity.csv from 50 days ago: %q, want %q", got, newestFirst)
		}
		if got := opsOf(csvOps("to", w.AdminA, "?to="+url.QueryEscape(time.Now().UTC().Add(-35*day).Format(time.RFC3339)))); !slices.Equal(got, []string{"createTag"}) {
			t.Errorf("Activity.csv to 35 days ago: %q, want only the createTag", got)
		}
	})
}

// TestActivityImmutable: records cannot be changed or deleted, not even by the system, and viewers
// cannot write them.
func TestActivityImmutable(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := actSetup(e)
		actOK(e, w.AdminA, "createTag", actCreateTag, map[string]any{"name": "Immutable"}, nil)
		rec := e.client.Activity.Query().Where(activity.PartnerID(w.A.ID)).OnlyX(sys)
		n := actCount(e)
		adminCtx := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: w.adminA.ID, PartnerID: w.A.ID,
			Roles: []enum.Role{enum.GlobalAdmin}, Capacities: w.A.Capacities})
		tamper := func(u *entsql.UpdateBuilder) { u.Set(activity.FieldOperation, "tampered") }
		for who, ctx := range map[string]context.Context{"the system": sys, "A's global admin": adminCtx} {
			for what, err := range map[string]error{
				"UpdateOneID":  e.client.Activity.UpdateOneID(rec.ID).Modify(tamper).Exec(ctx),
				"UpdateOne":    e.client.Activity.UpdateOne(rec).Modify(tamper).Exec(ctx),
				"Update":       e.client.Activity.Update().Where(activity.ID(rec.ID)).Modify(tamper).Exec(ctx),
				"DeleteOneID":  e.client.Activity.DeleteOneID(rec.ID).Exec(ctx),
				"DeleteOne":    e.client.Activity.DeleteOne(rec).Exec(ctx),
				"Delete (all)": func() error { _, err := e.client.Activity.Delete().Exec(ctx); return err }(),
			} {
				if !errors.Is(err, privacy.Deny) {
					t.Errorf("%s, %s: err %v, want a privacy denial", who, what, err)
				}
			}
		}
		// A viewer cannot write records of its own (only Partnerhub does, as the system).
		err := e.client.Activity.Create().SetPartnerID(w.A.ID).SetUserID(w.adminA.ID).SetResourceType(activity.ResourceTypeTAG).
			SetOperation("forged").SetSucceeded(true).Exec(adminCtx)
		if !errors.Is(err, privacy.Deny) {
			t.Errorf("a viewer creating an activity record: err %v, want a privacy denial", err)
		}
		if got := actCount(e); got != n {
			t.Errorf("activity records: %d, want %d (nothing deleted or forged)", got, n)
		}
		if got := e.client.Activity.GetX(sys, rec.ID); got.Operation != "createTag" || !got.OccurredAt.Equal(rec.OccurredAt) ||
			!reflect.DeepEqual(got.After, rec.After) {
			t.Errorf("the record changed: %s at %v %v", got.Operation, got.OccurredAt, got.After)
		}
	})
}
