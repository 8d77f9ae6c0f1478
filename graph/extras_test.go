package graph_test

import (
	"slices"
	"testing"

	"partnerhub/ent/schema/enum"
)

// TestViewerPermissions: viewer.permissions follows the role matrix.
func TestViewerPermissions(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		e.client.User.Create().SetPartnerID(f.A.ID).SetEmail("helpdesk@alpha.test").SetName("Help Desk").
			SetRoles([]enum.Role{enum.HelpdeskAgent}).ExecX(sys)
		var d struct {
			Viewer struct{ Permissions []string } `json:"viewer"`
		}
		e.query("helpdesk@alpha.test", `{ viewer { permissions } }`, nil, &d)
		if !slices.Equal(d.Viewer.Permissions, []string{"VIEW_CUSTOMERS"}) {
			t.Errorf("helpdesk agent: %q", d.Viewer.Permissions)
		}
		e.query(f.AdminA, `{ viewer { permissions } }`, nil, &d)
		if len(d.Viewer.Permissions) != 13 {
			t.Errorf("global admin: %q", d.Viewer.Permissions)
		}
	})
}

// TestCountryByCode: country(code:) finds one country, or null.
func TestCountryByCode(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		var d struct {
			PL *struct {
				Name                   string
				RequiresRegistrationID bool
			} `json:"pl"`
			XX *struct{ Name string } `json:"xx"`
		}
		e.query(f.AdminA, `{ pl: country(code: "PL") { name(language: PL) requiresRegistrationID } xx: country(code: "XX") { name } }`, nil, &d)
		if d.PL == nil || d.PL.Name != "Polska" || !d.PL.RequiresRegistrationID || d.XX != nil {
			t.Errorf("got %+v / %+v", d.PL, d.XX)
		}
	})
}

// TestConflictReturnsCurrentProfile: a stale billing save gets CONFLICT and the profile as it is now.
func TestConflictReturnsCurrentProfile(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		c := f.C["Northwind Traders Ltd"]
		const q = `mutation($id: ID!, $v: Int!, $city: String!) { updateBillingProfile(input: {customerID: $id, version: $v, city: $city}) {
			billingProfile { version city } userErrors { code } } }`
		var d struct {
			UpdateBillingProfile struct {
				BillingProfile *struct {
					Version int
					City    string
				}
				UserErrors []userError
			}
		}
		e.query(f.AdminA, q, map[string]any{"id": c.ID, "v": 1, "city": "Manchester"}, &d)
		if len(d.UpdateBillingProfile.UserErrors) != 0 {
			t.Fatalf("first save: %+v", d.UpdateBillingProfile.UserErrors)
		}
		e.query(f.AdminA, q, map[string]any{"id": c.ID, "v": 1, "city": "Leeds"}, &d)
		u := d.UpdateBillingProfile
		if len(u.UserErrors) != 1 || u.UserErrors[0].Code != "CONFLICT" || u.BillingProfile == nil ||
			u.BillingProfile.City != "Manchester" || u.BillingProfile.Version != 2 {
			t.Errorf("stale save: %+v %+v", u.UserErrors, u.BillingProfile)
		}
	})
}
