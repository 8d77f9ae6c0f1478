package graph_test

// Mutation tests: createCustomer, updateBillingProfile, tagsAdd/tagsRemove, createTag/updateTag/deleteTag,
// and the tags and domainAvailable queries, through GraphQL over HTTP on every backend (domain.md §2–6).

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/relationship"
	"partnerhub/ent/schema/pulid"
)

// --- Response types -------------------------------------------------------------------------------

type mutTag struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Color         string `json:"color"`
	Version       int    `json:"version"`
	CustomerCount int    `json:"customerCount"`
}

type mutBilling struct {
	ID           string  `json:"id"`
	Version      int     `json:"version"`
	CompanyName  string  `json:"companyName"`
	FirstName    string  `json:"firstName"`
	LastName     string  `json:"lastName"`
	Email        string  `json:"email"`
	Culture      string  `json:"culture"`
	Language     string  `json:"language"`
	AddressLine1 string  `json:"addressLine1"`
	AddressLine2 *string `json:"addressLine2"`
	City         string  `json:"city"`
	State        *string `json:"state"`
	PostalCode   *string `json:"postalCode"`
	Country      string  `json:"country"`
	PhoneNumber  *string `json:"phoneNumber"`
}

type mutRelationship struct {
	Type           string `json:"type"`
	Status         string `json:"status"`
	DelegatedAdmin bool   `json:"delegatedAdmin"`
	Partner        struct {
		ID string `json:"id"`
	} `json:"partner"`
}

type mutCustomer struct {
	ID                 string            `json:"id"`
	Version            int               `json:"version"`
	DisplayName        string            `json:"displayName"`
	CompanyName        string            `json:"companyName"`
	PrimaryDomain      string            `json:"primaryDomain"`
	MicrosoftID        string            `json:"microsoftID"`
	Country            string            `json:"country"`
	Language           string            `json:"language"`
	Culture            string            `json:"culture"`
	VerificationStatus string            `json:"verificationStatus"`
	DefaultGdap        bool              `json:"defaultGdap"`
	BillingProfile     *mutBilling       `json:"billingProfile"`
	Relationships      []mutRelationship `json:"relationships"`
	Tags               []mutTag          `json:"tags"`
}

// tagNames returns the names of the customer's tags, sorted.
func (c *mutCustomer) tagNames() []string {
	out := []string{}
	for _, t := range c.Tags {
		out = append(out, t.Name)
	}
	sort.Strings(out)
	return out
}

const mutCustomerFields = `id version displayName companyName primaryDomain microsoftID country language culture
	verificationStatus defaultGdap
	billingProfile { id version companyName firstName lastName email culture language addressLine1 addressLine2
		city state postalCode country phoneNumber }
	relationships { type status delegatedAdmin partner { id } }
	tags { id name color version }`

const mutUserErrorFields = `userErrors { field code message }`

// --- Helpers --------------------------------------------------------------------------------------

var mutGUIDRe = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// mutCustomerInput is a valid createCustomer input (a German customer: no registration ID needed).
func mutCustomerInput(prefix, name string) map[string]any {
	return map[string]any{
		"domainPrefix": prefix,
		"companyName":  name,
		"country":      "DE",
		"language":     "de",
		"culture":      "de-DE",
		"billingProfile": map[string]any{
			"firstName":    "Greta",
			"lastName":     "Hoffmann",
			"email":        "greta.hoffmann@example.de",
			"culture":      "de-DE",
			"language":     "de",
			"addressLine1": "Friedrichstraße 12",
			"addressLine2": "Hinterhaus",
			"city":         "Berlin",
			"postalCode":   "10117",
			"country":      "DE",
			"phoneNumber":  "+49 30 1234567",
		},
	}
}

func mutBillingInput(in map[string]any) map[string]any { return in["billingProfile"].(map[string]any) }

// mutCreateCustomer runs createCustomer as the user. Top-level errors are reported (the test goes on
// with whatever data came back).
func mutCreateCustomer(e *env, as string, input map[string]any) (*mutCustomer, []userError) {
	e.t.Helper()
	c, errs, res := mutCreateCustomerRaw(e, as, input)
	if len(res.Errors) > 0 {
		e.t.Errorf("createCustomer %s: unexpected top-level errors: %+v", input["domainPrefix"], res.Errors)
	}
	return c, errs
}

// mutCreateCustomerRaw runs createCustomer and returns the whole response as well.
func mutCreateCustomerRaw(e *env, as string, input map[string]any) (*mutCustomer, []userError, *gqlResponse) {
	e.t.Helper()
	var data struct {
		CreateCustomer *struct {
			Customer   *mutCustomer `json:"customer"`
			UserErrors []userError  `json:"userErrors"`
		} `json:"createCustomer"`
	}
	res := e.post(as, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) {
		customer { `+mutCustomerFields+` } `+mutUserErrorFields+` } }`, map[string]any{"input": input})
	if len(res.Data) > 0 && string(res.Data) != "null" {
		if err := json.Unmarshal(res.Data, &data); err != nil {
			e.t.Fatalf("decoding %s: %v", res.Data, err)
		}
	}
	if data.CreateCustomer == nil {
		return nil, nil, res
	}
	return data.CreateCustomer.Customer, data.CreateCustomer.UserErrors, res
}

type mutBillingPayload struct {
	Customer       *mutCustomer `json:"customer"`
	BillingProfile *mutBilling  `json:"billingProfile"`
	UserErrors     []userError  `json:"userErrors"`
}

// mutUpdateBilling runs updateBillingProfile as the user.
func mutUpdateBilling(e *env, as string, input map[string]any) mutBillingPayload {
	e.t.Helper()
	var data struct {
		UpdateBillingProfile mutBillingPayload `json:"updateBillingProfile"`
	}
	e.query(as, `mutation($input: UpdateBillingProfileInput!) { updateBillingProfile(input: $input) {
		customer { `+mutCustomerFields+` }
		billingProfile { id version companyName firstName lastName email culture language addressLine1 addressLine2
			city state postalCode country phoneNumber }
		`+mutUserErrorFields+` } }`, map[string]any{"input": input}, &data)
	return data.UpdateBillingProfile
}

// mutGetCustomer reads a customer from the user's list (all of it: the test partners have few
// customers); nil when the user does not see it. (The list, not node(id:), which is not what these
// tests are about.)
func mutGetCustomer(e *env, as string, id pulid.ID) *mutCustomer {
	e.t.Helper()
	var data struct {
		Customers struct {
			TotalCount int `json:"totalCount"`
			Edges      []struct {
				Node mutCustomer `json:"node"`
			} `json:"edges"`
		} `json:"customers"`
	}
	e.query(as, `{ customers(first: 100) { totalCount edges { node { `+mutCustomerFields+` } } } }`, nil, &data)
	if data.Customers.TotalCount > len(data.Customers.Edges) {
		e.t.Fatalf("%s has %d customers, more than one page", as, data.Customers.TotalCount)
	}
	for _, ed := range data.Customers.Edges {
		if ed.Node.ID == string(id) {
			c := ed.Node
			return &c
		}
	}
	return nil
}

// mutMustGetCustomer is mutGetCustomer for a customer the user must see.
func mutMustGetCustomer(e *env, as string, id pulid.ID) *mutCustomer {
	e.t.Helper()
	c := mutGetCustomer(e, as, id)
	if c == nil {
		e.t.Fatalf("customer %s is not visible to %s", id, as)
	}
	return c
}

// mutTotal is the user's customers { totalCount }.
func mutTotal(e *env, as string) int {
	e.t.Helper()
	var data struct {
		Customers struct {
			TotalCount int `json:"totalCount"`
		} `json:"customers"`
	}
	e.query(as, `{ customers { totalCount } }`, nil, &data)
	return data.Customers.TotalCount
}

// mutSearch returns the IDs of the user's customers matching search, and the reported total.
func mutSearch(e *env, as, search string) ([]string, int) {
	e.t.Helper()
	var data struct {
		Customers struct {
			TotalCount int `json:"totalCount"`
			Edges      []struct {
				Node struct {
					ID string `json:"id"`
				} `json:"node"`
			} `json:"edges"`
		} `json:"customers"`
	}
	e.query(as, `query($s: String) { customers(first: 100, search: $s) { totalCount edges { node { id } } } }`,
		map[string]any{"s": search}, &data)
	ids := []string{}
	for _, ed := range data.Customers.Edges {
		ids = append(ids, ed.Node.ID)
	}
	return ids, data.Customers.TotalCount
}

// mutSearchFinds checks that searching finds exactly want (customer IDs, any order).
func mutSearchFinds(t *testing.T, e *env, as, search string, want ...string) {
	t.Helper()
	got, total := mutSearch(e, as, search)
	slices.Sort(got)
	want = slices.Clone(want)
	slices.Sort(want)
	if len(want) == 0 {
		want = []string{}
	}
	if !slices.Equal(got, want) || total != len(want) {
		t.Errorf("search %q as %s: got %v (totalCount %d), want %v", search, as, got, total, want)
	}
}

type mutAvailability struct {
	Domain    string     `json:"domain"`
	Available bool       `json:"available"`
	Error     *userError `json:"error"`
}

// mutDomainAvailable runs domainAvailable as the user.
func mutDomainAvailable(e *env, as, prefix string) mutAvailability {
	e.t.Helper()
	var data struct {
		DomainAvailable mutAvailability `json:"domainAvailable"`
	}
	e.query(as, `query($p: String!) { domainAvailable(prefix: $p) { domain available error { field code message } } }`,
		map[string]any{"p": prefix}, &data)
	return data.DomainAvailable
}

// mutRowCounts counts rows of the written tables, bypassing privacy.
type mutRowCounts struct{ Customers, BillingProfiles, Relationships, CustomerTags, SearchTerms, Tags int }

func mutCountRows(e *env) mutRowCounts {
	e.t.Helper()
	return mutRowCounts{
		Customers:       e.client.Customer.Query().CountX(sys),
		BillingProfiles: e.client.BillingProfile.Query().CountX(sys),
		Relationships:   e.client.Relationship.Query().CountX(sys),
		CustomerTags:    e.client.CustomerTag.Query().CountX(sys),
		SearchTerms:     e.client.SearchTerm.Query().CountX(sys),
		Tags:            e.client.Tag.Query().CountX(sys),
	}
}

// mutWantUserError checks that errs is exactly one error with the field path and code.
func mutWantUserError(t *testing.T, what string, errs []userError, field []string, code string) {
	t.Helper()
	if len(errs) != 1 {
		t.Errorf("%s: userErrors = %+v, want one %s on %v", what, errs, code, field)
		return
	}
	got := errs[0]
	if got.Code != code || !slices.Equal(got.Field, field) || (field == nil) != (got.Field == nil) {
		t.Errorf("%s: userError = {field: %q, code: %s, message: %q}, want {field: %q, code: %s}",
			what, got.Field, got.Code, got.Message, field, code)
	}
	if got.Message == "" {
		t.Errorf("%s: userError has an empty message", what)
	}
}

// mutNoUserErrors fails when errs is not empty (or was null).
func mutNoUserErrors(t *testing.T, what string, errs []userError) {
	t.Helper()
	if errs == nil || len(errs) != 0 {
		t.Fatalf("%s: userErrors = %+v, want []", what, errs)
	}
}

type mutTagsPayload struct {
	Customers  []mutCustomer `json:"customers"`
	UserErrors []userError   `json:"userErrors"`
}

// mutTagsOp runs tagsAdd or tagsRemove (op) as the user.
func mutTagsOp(e *env, as, op string, customerIDs, tagIDs []string) mutTagsPayload {
	e.t.Helper()
	var data map[string]mutTagsPayload
	e.query(as, `mutation($input: TagsInput!) { `+op+`(input: $input) { customers { id tags { id name color version } } `+
		mutUserErrorFields+` } }`, map[string]any{"input": map[string]any{"customerIDs": customerIDs, "tagIDs": tagIDs}}, &data)
	return data[op]
}

// mutTagNamesOf reads the names of the customer's tags (as the user sees them), sorted.
func mutTagNamesOf(e *env, as string, id pulid.ID) []string {
	e.t.Helper()
	return mutMustGetCustomer(e, as, id).tagNames()
}

type mutTagPayload struct {
	Tag        *mutTag     `json:"tag"`
	UserErrors []userError `json:"userErrors"`
}

func mutCreateTag(e *env, as string, input map[string]any) mutTagPayload {
	e.t.Helper()
	var data struct {
		CreateTag mutTagPayload `json:"createTag"`
	}
	e.query(as, `mutation($input: CreateTagInput!) { createTag(input: $input) { tag { id name color version } `+
		mutUserErrorFields+` } }`, map[string]any{"input": input}, &data)
	return data.CreateTag
}

func mutUpdateTag(e *env, as string, input map[string]any) mutTagPayload {
	e.t.Helper()
	var data struct {
		UpdateTag mutTagPayload `json:"updateTag"`
	}
	e.query(as, `mutation($input: UpdateTagInput!) { updateTag(input: $input) { tag { id name color version } `+
		mutUserErrorFields+` } }`, map[string]any{"input": input}, &data)
	return data.UpdateTag
}

func mutDeleteTag(e *env, as string, id string) (*string, []userError) {
	e.t.Helper()
	var data struct {
		DeleteTag struct {
			DeletedTagID *string     `json:"deletedTagID"`
			UserErrors   []userError `json:"userErrors"`
		} `json:"deleteTag"`
	}
	e.query(as, `mutation($id: ID!) { deleteTag(input: {id: $id}) { deletedTagID `+mutUserErrorFields+` } }`,
		map[string]any{"id": id}, &data)
	return data.DeleteTag.DeletedTagID, data.DeleteTag.UserErrors
}

// mutListTags is the user's `tags` query.
func mutListTags(e *env, as string) []mutTag {
	e.t.Helper()
	var data struct {
		Tags []mutTag `json:"tags"`
	}
	e.query(as, `{ tags { id name color version customerCount } }`, nil, &data)
	return data.Tags
}

func mutTagByName(tags []mutTag, name string) *mutTag {
	for i := range tags {
		if tags[i].Name == name {
			return &tags[i]
		}
	}
	return nil
}

func mutStrs(ids ...pulid.ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// mutEmpty reports whether an optional string is unset: null or "".
func mutEmpty(s *string) bool { return s == nil || *s == "" }

func mutDeref(s *string) string {
	if s == nil {
		return "<null>"
	}
	return *s
}

// --- 1. createCustomer ----------------------------------------------------------------------------

func TestMutCreateCustomer(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		before := mutTotal(e, f.AdminA)
		beforeB := mutTotal(e, f.AdminB)
		check := func(what string, got, want any) {
			t.Helper()
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s = %v, want %v", what, got, want)
			}
		}
		// checkCustomer checks what the payload returns and, read back from the list, what was stored.
		checkCustomer := func(what string, c *mutCustomer, owner *ent.Partner, relType, name, billName, domain string, tags []string) {
			t.Helper()
			check(what+" displayName", c.DisplayName, billName)
			check(what+" companyName", c.CompanyName, name)
			check(what+" primaryDomain", c.PrimaryDomain, domain)
			if !mutGUIDRe.MatchString(c.MicrosoftID) {
				t.Errorf("%s microsoftID = %q, want a lower-case GUID", what, c.MicrosoftID)
			}
			check(what+" country", c.Country, "DE")
			check(what+" language", c.Language, "de")
			check(what+" culture", c.Culture, "de-DE")
			check(what+" verificationStatus", c.VerificationStatus, "UNDER_REVIEW")
			check(what+" defaultGdap", c.DefaultGdap, true)
			if bp := c.BillingProfile; bp == nil {
				t.Errorf("%s billingProfile is null", what)
			} else {
				check(what+" billingProfile.companyName", bp.CompanyName, billName)
				check(what+" billingProfile.firstName", bp.FirstName, "Greta")
				check(what+" billingProfile.lastName", bp.LastName, "Hoffmann")
				check(what+" billingProfile.email", bp.Email, "greta.hoffmann@example.de")
				check(what+" billingProfile.culture", bp.Culture, "de-DE")
				check(what+" billingProfile.language", bp.Language, "de")
				check(what+" billingProfile.addressLine1", bp.AddressLine1, "Friedrichstraße 12")
				check(what+" billingProfile.addressLine2", mutDeref(bp.AddressLine2), "Hinterhaus")
				check(what+" billingProfile.city", bp.City, "Berlin")
				if !mutEmpty(bp.State) {
					t.Errorf("%s billingProfile.state = %q, want empty (not given)", what, *bp.State)
				}
				check(what+" billingProfile.postalCode", mutDeref(bp.PostalCode), "10117")
				check(what+" billingProfile.country", bp.Country, "DE")
				check(what+" billingProfile.phoneNumber", mutDeref(bp.PhoneNumber), "+49301234567") // stored in E.164
				check(what+" billingProfile.version", bp.Version, 1)
			}
			if len(c.Relationships) != 1 {
				t.Errorf("%s relationships = %+v, want one", what, c.Relationships)
			} else {
				r := c.Relationships[0]
				check(what+" relationship.type", r.Type, relType)
				check(what+" relationship.status", r.Status, "ACTIVE")
				check(what+" relationship.partner", r.Partner.ID, owner.ID)
				check(what+" relationship.delegatedAdmin", r.DelegatedAdmin, true)
			}
			if c.Tags == nil {
				t.Errorf("%s tags is null", what)
			}
			check(what+" tags", c.tagNames(), tags)
		}

		in := mutCustomerInput("ecolesuperieure", "École Supérieure Łęczyca")
		in["tagIDs"] = mutStrs(f.TagsA["Enterprise"].ID, f.TagsA["SMB"].ID)
		c, errs := mutCreateCustomer(e, f.AdminA, in)
		mutNoUserErrors(t, "createCustomer", errs)
		if c == nil {
			t.Fatal("createCustomer returned no customer")
		}
		checkCustomer("payload", c, f.A, "DIRECT_BILL", "École Supérieure Łęczyca", "École Supérieure Łęczyca",
			"ecolesuperieure.onmicrosoft.com", []string{"Enterprise", "SMB"})
		stored := mutMustGetCustomer(e, f.AdminA, pulid.ID(c.ID))
		checkCustomer("stored", stored, f.A, "DIRECT_BILL", "École Supérieure Łęczyca", "École Supérieure Łęczyca",
			"ecolesuperieure.onmicrosoft.com", []string{"Enterprise", "SMB"})
		check("stored microsoftID", stored.MicrosoftID, c.MicrosoftID)
		check("A's totalCount", mutTotal(e, f.AdminA), before+1)
		check("B's totalCount", mutTotal(e, f.AdminB), beforeB)
		if mutGetCustomer(e, f.AdminB, pulid.ID(c.ID)) != nil {
			t.Error("B sees A's new customer")
		}

		// Search by a word of its name, folded, and by its domain and Microsoft ID.
		for _, q := range []string{"ecole", "École", "leczyca", "ŁĘCZYCA", "superieure lecz", "ecolesuperieure.onmicrosoft.com", c.MicrosoftID} {
			mutSearchFinds(t, e, f.AdminA, q, c.ID)
		}
		mutSearchFinds(t, e, f.AdminB, "ecole")

		// Domains are global: the prefix is no longer available, for anyone.
		for _, as := range []string{f.AdminA, f.AdminB} {
			av := mutDomainAvailable(e, as, "ecolesuperieure")
			if av.Available || av.Error == nil || av.Error.Code != "TAKEN" {
				t.Errorf("domainAvailable(ecolesuperieure) as %s after creating it: %+v", as, av)
			}
		}

		// A bill-to name different from the company name: the list shows the bill-to name, the company
		// profile keeps the original, and search finds both.
		in = mutCustomerInput("brandenburger", "Brandenburger Logistik GmbH")
		mutBillingInput(in)["companyName"] = "Havelkai Versand"
		c2, errs := mutCreateCustomer(e, f.AdminA, in)
		mutNoUserErrors(t, "createCustomer with a bill-to name", errs)
		if c2 == nil {
			t.Fatal("no customer")
		}
		checkCustomer("bill-to payload", c2, f.A, "DIRECT_BILL", "Brandenburger Logistik GmbH", "Havelkai Versand",
			"brandenburger.onmicrosoft.com", []string{})
		checkCustomer("bill-to stored", mutMustGetCustomer(e, f.AdminA, pulid.ID(c2.ID)), f.A, "DIRECT_BILL",
			"Brandenburger Logistik GmbH", "Havelkai Versand", "brandenburger.onmicrosoft.com", []string{})
		mutSearchFinds(t, e, f.AdminA, "havelkai", c2.ID)
		mutSearchFinds(t, e, f.AdminA, "brandenburger", c2.ID)
		check("A's totalCount", mutTotal(e, f.AdminA), before+2)

		// An indirect provider adding a customer holds an INDIRECT_PROVIDER relationship.
		beforeP := mutTotal(e, f.AdminP)
		c3, errs := mutCreateCustomer(e, f.AdminP, mutCustomerInput("providerco", "Providerco Handel"))
		mutNoUserErrors(t, "createCustomer by P", errs)
		if c3 == nil {
			t.Fatal("no customer")
		}
		checkCustomer("P's payload", c3, f.P, "INDIRECT_PROVIDER", "Providerco Handel", "Providerco Handel",
			"providerco.onmicrosoft.com", []string{})
		checkCustomer("P's stored", mutMustGetCustomer(e, f.AdminP, pulid.ID(c3.ID)), f.P, "INDIRECT_PROVIDER",
			"Providerco Handel", "Providerco Handel", "providerco.onmicrosoft.com", []string{})
		check("P's totalCount", mutTotal(e, f.AdminP), beforeP+1)
		mutSearchFinds(t, e, f.AdminP, "providerco", c3.ID)
		mutSearchFinds(t, e, f.AdminA, "providerco")
	})
}

// --- 2. createCustomer refused --------------------------------------------------------------------

func TestMutCreateCustomerUserErrors(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		cases := []struct {
			name   string
			as     string
			prefix string
			edit   func(in map[string]any)
			field  []string
			code   string
		}{
			{"invalid domain prefix", f.AdminA, "Bad_Prefix!", nil, []string{"input", "domainPrefix"}, "INVALID"},
			{"upper-case domain prefix", f.AdminA, "BadPrefix", nil, []string{"input", "domainPrefix"}, "INVALID"},
			{"domain prefix too long", f.AdminA, strings.Repeat("a", 28), nil, []string{"input", "domainPrefix"}, "INVALID"},
			{"domain taken (own customer)", f.AdminA, "lodztrading", nil, []string{"input", "domainPrefix"}, "TAKEN"},
			{"domain taken (only B's customer)", f.AdminA, "betalodz", nil, []string{"input", "domainPrefix"}, "TAKEN"},
			{"company name of 1 character", f.AdminA, "onecharco", func(in map[string]any) { in["companyName"] = "X" },
				[]string{"input", "companyName"}, "TOO_SHORT"},
			{"company name empty", f.AdminA, "emptynameco", func(in map[string]any) { in["companyName"] = "" },
				[]string{"input", "companyName"}, "REQUIRED"},
			{"company name too long", f.AdminA, "longnameco", func(in map[string]any) { in["companyName"] = strings.Repeat("Ä", 256) },
				[]string{"input", "companyName"}, "TOO_LONG"},
			{"invalid country", f.AdminA, "polandco", func(in map[string]any) { in["country"] = "Poland" },
				[]string{"input", "country"}, "INVALID"},
			{"invalid billing email", f.AdminA, "bademailco", func(in map[string]any) { mutBillingInput(in)["email"] = "not-an-email" },
				[]string{"input", "billingProfile", "email"}, "INVALID"},
			{"invalid billing country", f.AdminA, "badbillcountry", func(in map[string]any) { mutBillingInput(in)["country"] = "Germany" },
				[]string{"input", "billingProfile", "country"}, "INVALID"},
			{"billing addressLine1 empty", f.AdminA, "noaddressco", func(in map[string]any) { mutBillingInput(in)["addressLine1"] = "" },
				[]string{"input", "billingProfile", "addressLine1"}, "REQUIRED"},
			{"another partner's tag", f.AdminA, "foreigntagco", func(in map[string]any) {
				in["tagIDs"] = mutStrs(f.TagsB["Enterprise"].ID)
			}, []string{"input", "tagIDs"}, "NOT_FOUND"},
			{"own and another partner's tag", f.AdminA, "mixedtagco", func(in map[string]any) {
				in["tagIDs"] = mutStrs(f.TagsA["SMB"].ID, f.TagsB["Priority"].ID)
			}, []string{"input", "tagIDs"}, "NOT_FOUND"},
			{"reseller-only partner", f.AdminSolo, "soloco", nil, nil, "FORBIDDEN"},
			{"indirect reseller with a provider", f.AdminR, "resellerco", nil, nil, "FORBIDDEN"},
		}
		for _, tc := range cases {
			func() {
				validPrefix := regexp.MustCompile(`^[a-z0-9]{1,27}$`).MatchString(tc.prefix)
				if validPrefix && !strings.HasPrefix(tc.name, "domain taken") {
					if av := mutDomainAvailable(e, tc.as, tc.prefix); !av.Available {
						t.Errorf("%s: setup: %s should be available: %+v", tc.name, tc.prefix, av)
						return
					}
				}
				total := mutTotal(e, tc.as)
				rows := mutCountRows(e)
				in := mutCustomerInput(tc.prefix, "Spreewald Gurken Manufaktur")
				if tc.edit != nil {
					tc.edit(in)
				}
				c, errs, res := mutCreateCustomerRaw(e, tc.as, in)
				if c != nil {
					t.Errorf("%s: customer = %+v, want null", tc.name, c)
				}
				if tc.code == "FORBIDDEN" && len(res.Errors) > 0 {
					// A capacity refusal may be a top-level FORBIDDEN error (nothing in the input can fix it)
					// rather than a user error; either way exactly one FORBIDDEN and no data.
					if codes := res.errorCodes(); !slices.Equal(codes, []string{"FORBIDDEN"}) || len(errs) != 0 {
						t.Errorf("%s: top-level error codes %v and userErrors %+v, want one FORBIDDEN", tc.name, codes, errs)
					}
				} else {
					if len(res.Errors) > 0 {
						t.Errorf("%s: unexpected top-level errors: %+v", tc.name, res.Errors)
					}
					mutWantUserError(t, tc.name, errs, tc.field, tc.code)
				}
				// Nothing written.
				if got := mutTotal(e, tc.as); got != total {
					t.Errorf("%s: totalCount %d after a refused createCustomer, want %d", tc.name, got, total)
				}
				if got := mutCountRows(e); got != rows {
					t.Errorf("%s: rows after a refused createCustomer: %+v, want %+v", tc.name, got, rows)
				}
				if validPrefix && !strings.HasPrefix(tc.name, "domain taken") {
					if av := mutDomainAvailable(e, tc.as, tc.prefix); !av.Available || av.Error != nil {
						t.Errorf("%s: domainAvailable(%s) after a refused createCustomer: %+v, want available", tc.name, tc.prefix, av)
					}
				}
				mutSearchFinds(t, e, tc.as, "spreewald")
			}()
		}
	})
}

// --- 3. updateBillingProfile ----------------------------------------------------------------------

func TestMutUpdateBillingProfile(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		const original = "Contoso Pharmaceuticals"
		cust := f.C[original]
		e.client.Customer.UpdateOneID(cust.ID).SetVerificationStatus(customer.VerificationStatusALLOWED).ExecX(sys)

		c0 := mutMustGetCustomer(e, f.AdminA, cust.ID)
		if c0.VerificationStatus != "ALLOWED" || c0.BillingProfile == nil {
			t.Fatalf("setup: %+v", c0)
		}
		v0 := c0.BillingProfile.Version

		// A friendly rename.
		p := mutUpdateBilling(e, f.AdminA, map[string]any{"customerID": cust.ID, "version": v0, "companyName": "Quillfeather Apothecary"})
		mutNoUserErrors(t, "rename", p.UserErrors)
		if p.Customer == nil || p.BillingProfile == nil {
			t.Fatalf("rename payload: %+v", p)
		}
		if p.Customer.DisplayName != "Quillfeather Apothecary" {
			t.Errorf("displayName = %q, want the new name", p.Customer.DisplayName)
		}
		if p.Customer.CompanyName != original {
			t.Errorf("companyName = %q, want the original %q", p.Customer.CompanyName, original)
		}
		if p.Customer.VerificationStatus != "UNDER_REVIEW" {
			t.Errorf("verificationStatus = %s after a rename, want UNDER_REVIEW", p.Customer.VerificationStatus)
		}
		if p.BillingProfile.Version != v0+1 || p.BillingProfile.CompanyName != "Quillfeather Apothecary" {
			t.Errorf("billingProfile = {version %d, companyName %q}, want {%d, Quillfeather Apothecary}",
				p.BillingProfile.Version, p.BillingProfile.CompanyName, v0+1)
		}
		if p.Customer.BillingProfile == nil || p.Customer.BillingProfile.Version != v0+1 {
			t.Errorf("customer.billingProfile = %+v, want version %d", p.Customer.BillingProfile, v0+1)
		}
		c1 := mutMustGetCustomer(e, f.AdminA, cust.ID)
		if c1.DisplayName != "Quillfeather Apothecary" || c1.CompanyName != original || c1.VerificationStatus != "UNDER_REVIEW" ||
			c1.BillingProfile.Version != v0+1 || c1.BillingProfile.Email != c0.BillingProfile.Email {
			t.Errorf("stored after rename: %+v / %+v", c1, c1.BillingProfile)
		}
		mutSearchFinds(t, e, f.AdminA, "quillfeather", string(cust.ID))
		// The original (tenant) name is still searchable (domain.md §4: bill-to and original).
		mutSearchFinds(t, e, f.AdminA, "pharmaceuticals", string(cust.ID))

		// A second rename: the previous bill-to name is no longer found.
		p = mutUpdateBilling(e, f.AdminA, map[string]any{"customerID": cust.ID, "version": v0 + 1, "companyName": "Vantablack Dispensary"})
		mutNoUserErrors(t, "second rename", p.UserErrors)
		if p.BillingProfile == nil || p.BillingProfile.Version != v0+2 || p.Customer.DisplayName != "Vantablack Dispensary" ||
			p.Customer.CompanyName != original {
			t.Fatalf("second rename payload: %+v", p)
		}
		mutSearchFinds(t, e, f.AdminA, "vantablack", string(cust.ID))
		mutSearchFinds(t, e, f.AdminA, "quillfeather")
		mutSearchFinds(t, e, f.AdminA, "pharmaceuticals", string(cust.ID))

		// A save based on an older version is refused, and nothing changes.
		for _, stale := range []int{v0, v0 + 1} {
			p = mutUpdateBilling(e, f.AdminA, map[string]any{"customerID": cust.ID, "version": stale,
				"companyName": "Overwritten Name", "city": "Overwritten"})
			mutWantUserError(t, fmt.Sprintf("stale version %d", stale), p.UserErrors, []string{"input", "version"}, "CONFLICT")
			// No customer; the billing profile as it is now, to show what changed.
			if p.Customer != nil || p.BillingProfile == nil || p.BillingProfile.Version != v0+2 ||
				p.BillingProfile.CompanyName != "Vantablack Dispensary" {
				t.Errorf("stale update returned: %+v", p)
			}
		}
		c2 := mutMustGetCustomer(e, f.AdminA, cust.ID)
		if c2.BillingProfile.Version != v0+2 || c2.BillingProfile.CompanyName != "Vantablack Dispensary" ||
			c2.BillingProfile.City != c0.BillingProfile.City || c2.DisplayName != "Vantablack Dispensary" {
			t.Errorf("after refused stale updates: %+v / %+v", c2, c2.BillingProfile)
		}
		mutSearchFinds(t, e, f.AdminA, "overwritten")

		// An invalid email is refused; nothing changes (not even the other fields of the same save).
		e.client.Customer.UpdateOneID(cust.ID).SetVerificationStatus(customer.VerificationStatusALLOWED).ExecX(sys)
		p = mutUpdateBilling(e, f.AdminA, map[string]any{"customerID": cust.ID, "version": v0 + 2,
			"email": "not-an-email", "firstName": "Changed"})
		mutWantUserError(t, "invalid email", p.UserErrors, []string{"input", "email"}, "INVALID")
		c3 := mutMustGetCustomer(e, f.AdminA, cust.ID)
		if c3.BillingProfile.Version != v0+2 || c3.BillingProfile.Email != c0.BillingProfile.Email ||
			c3.BillingProfile.FirstName != c0.BillingProfile.FirstName || c3.VerificationStatus != "ALLOWED" {
			t.Errorf("after a refused invalid email: status %s, %+v", c3.VerificationStatus, c3.BillingProfile)
		}

		// Setting, then clearing an optional field with "".
		p = mutUpdateBilling(e, f.AdminA, map[string]any{"customerID": cust.ID, "version": v0 + 2, "addressLine2": "Suite 400"})
		mutNoUserErrors(t, "set addressLine2", p.UserErrors)
		if p.BillingProfile == nil || mutDeref(p.BillingProfile.AddressLine2) != "Suite 400" || p.BillingProfile.Version != v0+3 {
			t.Fatalf("set addressLine2: %+v", p.BillingProfile)
		}
		if p.Customer.VerificationStatus != "UNDER_REVIEW" {
			t.Errorf("verificationStatus = %s after an address change, want UNDER_REVIEW", p.Customer.VerificationStatus)
		}
		if p.Customer.DisplayName != "Vantablack Dispensary" {
			t.Errorf("displayName = %q after an address change, want unchanged", p.Customer.DisplayName)
		}
		p = mutUpdateBilling(e, f.AdminA, map[string]any{"customerID": cust.ID, "version": v0 + 3, "addressLine2": ""})
		mutNoUserErrors(t, "clear addressLine2", p.UserErrors)
		// Cleared reads back empty (the API gives "" rather than null for an unset optional field).
		if p.BillingProfile == nil {
			t.Errorf("clear addressLine2: billingProfile is null")
		} else if !mutEmpty(p.BillingProfile.AddressLine2) || p.BillingProfile.Version != v0+4 {
			t.Errorf("clear addressLine2: %+v (addressLine2 %q), want it empty and version %d", p.BillingProfile,
				mutDeref(p.BillingProfile.AddressLine2), v0+4)
		}
		if got := mutMustGetCustomer(e, f.AdminA, cust.ID).BillingProfile; !mutEmpty(got.AddressLine2) ||
			got.AddressLine1 != c0.BillingProfile.AddressLine1 || got.City != c0.BillingProfile.City {
			t.Errorf("stored after clearing addressLine2: %+v (addressLine2 %q)", got, mutDeref(got.AddressLine2))
		}

		// Another partner's customer: B cannot see it, so NOT_FOUND, and nothing changes.
		only := f.C["Łódź Trading Sp. z o.o."]
		before := mutMustGetCustomer(e, f.AdminA, only.ID)
		p = mutUpdateBilling(e, f.AdminB, map[string]any{"customerID": only.ID, "version": before.BillingProfile.Version,
			"companyName": "Hijacked By Beta"})
		mutWantUserError(t, "B updating A's customer", p.UserErrors, []string{"input", "customerID"}, "NOT_FOUND")
		if p.Customer != nil || p.BillingProfile != nil {
			t.Errorf("B's refused update returned data: %+v", p)
		}
		after := mutMustGetCustomer(e, f.AdminA, only.ID)
		if after.DisplayName != before.DisplayName || after.BillingProfile.Version != before.BillingProfile.Version ||
			after.BillingProfile.CompanyName != before.BillingProfile.CompanyName || after.VerificationStatus != before.VerificationStatus {
			t.Errorf("A's customer changed by B's refused update: %+v -> %+v", before, after)
		}
		mutSearchFinds(t, e, f.AdminA, "hijacked")
	})
}

// --- 4. tagsAdd / tagsRemove ----------------------------------------------------------------------

func TestMutTagsAddRemove(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		three := []*ent.Customer{f.C["Łódź Trading Sp. z o.o."], f.C["Société Générale de Logistique"], f.C["Northwind Traders Ltd"]}
		custIDs := mutStrs(three[0].ID, three[1].ID, three[2].ID)
		ent1, smb := f.TagsA["Enterprise"], f.TagsA["SMB"]
		// B's own tag on the shared customer, which A must neither see nor touch.
		e.tag(f.C["Northwind Traders Ltd"], f.TagsB["Priority"])

		checkPayload := func(what string, p mutTagsPayload, want []string) {
			t.Helper()
			mutNoUserErrors(t, what, p.UserErrors)
			got := map[string][]string{}
			for i := range p.Customers {
				got[p.Customers[i].ID] = p.Customers[i].tagNames()
			}
			if len(p.Customers) != len(custIDs) {
				t.Errorf("%s: %d customers in the payload, want %d", what, len(p.Customers), len(custIDs))
			}
			for _, id := range custIDs {
				if names, ok := got[id]; !ok || !slices.Equal(names, want) {
					t.Errorf("%s: payload tags of %s = %v, want %v", what, id, names, want)
				}
				if stored := mutTagNamesOf(e, f.AdminA, pulid.ID(id)); !slices.Equal(stored, want) {
					t.Errorf("%s: stored tags of %s = %v, want %v", what, id, stored, want)
				}
			}
		}

		p := mutTagsOp(e, f.AdminA, "tagsAdd", custIDs, mutStrs(ent1.ID, smb.ID))
		checkPayload("tagsAdd", p, []string{"Enterprise", "SMB"})
		rows := mutCountRows(e)
		// Adding again (and a duplicate ID) changes nothing.
		p = mutTagsOp(e, f.AdminA, "tagsAdd", custIDs, mutStrs(ent1.ID, smb.ID, smb.ID))
		checkPayload("tagsAdd again", p, []string{"Enterprise", "SMB"})
		if got := mutCountRows(e); got != rows {
			t.Errorf("rows after an idempotent tagsAdd: %+v, want %+v", got, rows)
		}
		// B still sees only its own tag on Northwind.
		if got := mutTagNamesOf(e, f.AdminB, f.C["Northwind Traders Ltd"].ID); !slices.Equal(got, []string{"Priority"}) {
			t.Errorf("B's tags on Northwind = %v, want [Priority]", got)
		}

		refused := []struct {
			name        string
			customerIDs []string
			tagIDs      []string
			field       []string
			code        string
		}{
			{"another partner's tag", custIDs, mutStrs(f.TagsA["Priority"].ID, f.TagsB["Priority"].ID), []string{"input", "tagIDs"}, "NOT_FOUND"},
			{"only another partner's tag", custIDs[:1], mutStrs(f.TagsB["SMB"].ID), []string{"input", "tagIDs"}, "NOT_FOUND"},
			{"another partner's customer", append(slices.Clone(custIDs), string(f.C["Beta Only Łódź Logistics"].ID)),
				mutStrs(f.TagsA["Priority"].ID), []string{"input", "customerIDs"}, "NOT_FOUND"},
			{"a provider's customer", mutStrs(f.C["Fabrikam Residences"].ID), mutStrs(f.TagsA["Priority"].ID),
				[]string{"input", "customerIDs"}, "NOT_FOUND"},
			{"no customers", []string{}, mutStrs(f.TagsA["Priority"].ID), []string{"input", "customerIDs"}, "REQUIRED"},
			{"no tags", custIDs, []string{}, []string{"input", "tagIDs"}, "REQUIRED"},
		}
		for _, op := range []string{"tagsAdd", "tagsRemove"} {
			for _, r := range refused {
				what := op + ": " + r.name
				rows := mutCountRows(e)
				p := mutTagsOp(e, f.AdminA, op, r.customerIDs, r.tagIDs)
				mutWantUserError(t, what, p.UserErrors, r.field, r.code)
				if len(p.Customers) != 0 {
					t.Errorf("%s: payload customers %+v, want none", what, p.Customers)
				}
				if got := mutCountRows(e); got != rows {
					t.Errorf("%s: rows changed: %+v -> %+v", what, rows, got)
				}
				for _, id := range custIDs {
					if got := mutTagNamesOf(e, f.AdminA, pulid.ID(id)); !slices.Equal(got, []string{"Enterprise", "SMB"}) {
						t.Errorf("%s: tags of %s = %v, want [Enterprise SMB]", what, id, got)
					}
				}
				if got := mutTagNamesOf(e, f.AdminB, f.C["Northwind Traders Ltd"].ID); !slices.Equal(got, []string{"Priority"}) {
					t.Errorf("%s: B's tags on Northwind = %v, want [Priority]", what, got)
				}
				if got := mutTagNamesOf(e, f.AdminB, f.C["Beta Only Łódź Logistics"].ID); len(got) != 0 {
					t.Errorf("%s: B's customer got tags %v", what, got)
				}
			}
		}

		// tagsRemove takes one tag off; removing a tag a customer does not carry is no error.
		p = mutTagsOp(e, f.AdminA, "tagsRemove", custIDs, mutStrs(ent1.ID))
		checkPayload("tagsRemove", p, []string{"SMB"})
		p = mutTagsOp(e, f.AdminA, "tagsRemove", custIDs, mutStrs(ent1.ID, f.TagsA["Priority"].ID))
		checkPayload("tagsRemove again", p, []string{"SMB"})
		p = mutTagsOp(e, f.AdminA, "tagsRemove", custIDs, mutStrs(smb.ID))
		checkPayload("tagsRemove the last", p, []string{})
		if got := mutTagNamesOf(e, f.AdminB, f.C["Northwind Traders Ltd"].ID); !slices.Equal(got, []string{"Priority"}) {
			t.Errorf("after A's tagsRemove, B's tags on Northwind = %v, want [Priority]", got)
		}
	})
}

func TestMutTagsLimitPerCustomer(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		// The shared customer also carries B's tags: they do not count against A's 150.
		cust := f.C["Northwind Traders Ltd"]
		e.tag(cust, f.TagsB["Enterprise"], f.TagsB["SMB"], f.TagsB["Priority"])
		other := f.C["alpine Ski House"]
		var tagIDs []string
		for i := range 151 {
			tg := e.client.Tag.Create().SetPartnerID(f.A.ID).SetName(fmt.Sprintf("Bulk %03d", i)).SaveX(sys)
			tagIDs = append(tagIDs, string(tg.ID))
		}
		for start := 0; start < 150; start += 50 {
			p := mutTagsOp(e, f.AdminA, "tagsAdd", mutStrs(cust.ID), tagIDs[start:start+50])
			mutNoUserErrors(t, fmt.Sprintf("tagsAdd batch at %d", start), p.UserErrors)
			if len(p.Customers) != 1 || len(p.Customers[0].Tags) != start+50 {
				t.Fatalf("batch at %d: payload %d customers / %d tags", start, len(p.Customers), len(p.Customers[0].Tags))
			}
		}
		if got := len(mutTagNamesOf(e, f.AdminA, cust.ID)); got != 150 {
			t.Fatalf("customer has %d tags, want 150", got)
		}
		rows := mutCountRows(e)
		// The 151st, alone or together with a customer that has room.
		for _, ids := range [][]string{mutStrs(cust.ID), mutStrs(other.ID, cust.ID)} {
			p := mutTagsOp(e, f.AdminA, "tagsAdd", ids, tagIDs[150:])
			mutWantUserError(t, fmt.Sprintf("151st tag on %v", ids), p.UserErrors, []string{"input", "tagIDs"}, "LIMIT_EXCEEDED")
			if got := mutCountRows(e); got != rows {
				t.Errorf("rows after a refused 151st tag: %+v, want %+v", got, rows)
			}
		}
		if got := mutTagNamesOf(e, f.AdminA, cust.ID); len(got) != 150 || slices.Contains(got, "Bulk 150") {
			t.Errorf("customer has %d tags (with Bulk 150: %v), want exactly 150", len(got), slices.Contains(got, "Bulk 150"))
		}
		if got := mutTagNamesOf(e, f.AdminA, other.ID); len(got) != 0 {
			t.Errorf("the other customer of the refused call got tags %v", got)
		}
		if got := mutTagNamesOf(e, f.AdminB, cust.ID); !slices.Equal(got, []string{"Enterprise", "Priority", "SMB"}) {
			t.Errorf("B's tags on the customer = %v, want its 3", got)
		}
		// More than 50 tags in one call is refused.
		p := mutTagsOp(e, f.AdminA, "tagsAdd", mutStrs(other.ID), tagIDs[:51])
		mutWantUserError(t, "51 tags in one call", p.UserErrors, []string{"input", "tagIDs"}, "LIMIT_EXCEEDED")
		if got := mutTagNamesOf(e, f.AdminA, other.ID); len(got) != 0 {
			t.Errorf("after a refused 51-tag call, the customer has tags %v", got)
		}
		// Taking one off makes room again.
		p = mutTagsOp(e, f.AdminA, "tagsRemove", mutStrs(cust.ID), tagIDs[:1])
		mutNoUserErrors(t, "tagsRemove one", p.UserErrors)
		p = mutTagsOp(e, f.AdminA, "tagsAdd", mutStrs(cust.ID), tagIDs[150:])
		mutNoUserErrors(t, "tagsAdd after making room", p.UserErrors)
		if got := mutTagNamesOf(e, f.AdminA, cust.ID); len(got) != 150 || !slices.Contains(got, "Bulk 150") {
			t.Errorf("after making room: %d tags (with Bulk 150: %v), want 150 with it", len(got), slices.Contains(got, "Bulk 150"))
		}
	})
}

// --- 5. createTag / updateTag / deleteTag ---------------------------------------------------------

func TestMutTagCRUD(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		tagNamesOf := func(as string) []string {
			var out []string
			for _, tg := range mutListTags(e, as) {
				out = append(out, tg.Name)
			}
			return out
		}

		// Create, with the default colour and with one given.
		p := mutCreateTag(e, f.AdminA, map[string]any{"name": "Renewals"})
		mutNoUserErrors(t, "createTag", p.UserErrors)
		if p.Tag == nil || p.Tag.Name != "Renewals" || p.Tag.Color != "#6b7280" || p.Tag.Version != 1 || p.Tag.ID == "" {
			t.Fatalf("createTag: %+v, want Renewals #6b7280 version 1", p.Tag)
		}
		renewals := *p.Tag
		p = mutCreateTag(e, f.AdminA, map[string]any{"name": "Ünïcödé Łabel", "color": "#1f77b4"})
		mutNoUserErrors(t, "createTag with colour", p.UserErrors)
		if p.Tag == nil || p.Tag.Color != "#1f77b4" || p.Tag.Name != "Ünïcödé Łabel" {
			t.Errorf("createTag with colour: %+v", p.Tag)
		}
		p = mutCreateTag(e, f.AdminA, map[string]any{"name": strings.Repeat("ż", 50)})
		mutNoUserErrors(t, "createTag of 50 characters", p.UserErrors)
		wantA := []string{"Enterprise", "Priority", "Renewals", "SMB", "Ünïcödé Łabel", strings.Repeat("ż", 50)}
		if got := tagNamesOf(f.AdminA); !slices.Equal(got, wantA) {
			t.Errorf("A's tags = %q, want %q", got, wantA)
		}

		// Refused creates.
		refused := []struct {
			name  string
			input map[string]any
			field []string
			code  string
		}{
			{"duplicate name", map[string]any{"name": "Enterprise"}, []string{"input", "name"}, "TAKEN"},
			{"duplicate name differing in case", map[string]any{"name": "enterprise"}, []string{"input", "name"}, "TAKEN"},
			{"duplicate of a new tag in upper case", map[string]any{"name": "RENEWALS"}, []string{"input", "name"}, "TAKEN"},
			{"empty name", map[string]any{"name": ""}, []string{"input", "name"}, "REQUIRED"},
			{"51 characters", map[string]any{"name": strings.Repeat("a", 51)}, []string{"input", "name"}, "TOO_LONG"},
			{"colour red", map[string]any{"name": "Red One", "color": "red"}, []string{"input", "color"}, "INVALID"},
			{"colour without #", map[string]any{"name": "Red Two", "color": "ff0000"}, []string{"input", "color"}, "INVALID"},
		}
		for _, r := range refused {
			rows := mutCountRows(e)
			p := mutCreateTag(e, f.AdminA, r.input)
			mutWantUserError(t, "createTag: "+r.name, p.UserErrors, r.field, r.code)
			if p.Tag != nil {
				t.Errorf("createTag %s returned a tag: %+v", r.name, p.Tag)
			}
			if got := mutCountRows(e); got != rows {
				t.Errorf("createTag %s: rows changed %+v -> %+v", r.name, rows, got)
			}
		}
		if got := tagNamesOf(f.AdminA); !slices.Equal(got, wantA) {
			t.Errorf("A's tags after refused creates = %q, want %q", got, wantA)
		}

		// Names are per partner: B may use A's names.
		p = mutCreateTag(e, f.AdminB, map[string]any{"name": "Renewals"})
		mutNoUserErrors(t, "B's createTag Renewals", p.UserErrors)
		if p.Tag == nil || p.Tag.Name != "Renewals" || p.Tag.ID == renewals.ID {
			t.Errorf("B's createTag Renewals: %+v", p.Tag)
		}
		if got, want := tagNamesOf(f.AdminB), []string{"Enterprise", "Priority", "Renewals", "SMB"}; !slices.Equal(got, want) {
			t.Errorf("B's tags = %q, want %q", got, want)
		}
		if got := tagNamesOf(f.AdminA); !slices.Equal(got, wantA) {
			t.Errorf("A's tags after B's create = %q, want %q", got, wantA)
		}

		// Rename and recolour with the right version.
		p = mutUpdateTag(e, f.AdminA, map[string]any{"id": renewals.ID, "version": renewals.Version, "name": "Renewals 2026", "color": "#AABBCC"})
		mutNoUserErrors(t, "updateTag", p.UserErrors)
		if p.Tag == nil || p.Tag.Name != "Renewals 2026" || p.Tag.Version != renewals.Version+1 || p.Tag.Color != "#AABBCC" {
			t.Fatalf("updateTag: %+v, want Renewals 2026, #AABBCC, version %d", p.Tag, renewals.Version+1)
		}
		// Changing only the case of its own name is allowed.
		p = mutUpdateTag(e, f.AdminA, map[string]any{"id": renewals.ID, "version": renewals.Version + 1, "name": "RENEWALS 2026"})
		mutNoUserErrors(t, "updateTag changing case", p.UserErrors)
		if p.Tag == nil || p.Tag.Name != "RENEWALS 2026" || p.Tag.Version != renewals.Version+2 {
			t.Fatalf("updateTag changing case: %+v", p.Tag)
		}
		cur := *p.Tag

		refusedUpdates := []struct {
			name  string
			as    string
			input map[string]any
			field []string
			code  string
		}{
			{"stale version", f.AdminA, map[string]any{"id": renewals.ID, "version": renewals.Version, "name": "Stale Rename"},
				[]string{"input", "version"}, "CONFLICT"},
			{"stale version (one behind)", f.AdminA, map[string]any{"id": renewals.ID, "version": cur.Version - 1, "color": "#000000"},
				[]string{"input", "version"}, "CONFLICT"},
			{"name of another tag", f.AdminA, map[string]any{"id": renewals.ID, "version": cur.Version, "name": "priority"},
				[]string{"input", "name"}, "TAKEN"},
			{"empty name", f.AdminA, map[string]any{"id": renewals.ID, "version": cur.Version, "name": ""},
				[]string{"input", "name"}, "REQUIRED"},
			{"bad colour", f.AdminA, map[string]any{"id": renewals.ID, "version": cur.Version, "color": "blue"},
				[]string{"input", "color"}, "INVALID"},
			{"B updating A's tag", f.AdminB, map[string]any{"id": renewals.ID, "version": cur.Version, "name": "Taken Over"},
				[]string{"input", "id"}, "NOT_FOUND"},
		}
		for _, r := range refusedUpdates {
			p := mutUpdateTag(e, r.as, r.input)
			mutWantUserError(t, "updateTag: "+r.name, p.UserErrors, r.field, r.code)
			if p.Tag != nil {
				t.Errorf("updateTag %s returned a tag: %+v", r.name, p.Tag)
			}
			got := mutTagByName(mutListTags(e, f.AdminA), "RENEWALS 2026")
			if got == nil || got.ID != cur.ID || got.Version != cur.Version || got.Color != cur.Color {
				t.Errorf("updateTag %s changed the tag: %+v, want %+v", r.name, got, cur)
			}
		}
		// A updating B's tag: NOT_FOUND, and B's tag is unchanged.
		bTag := f.TagsB["SMB"]
		p = mutUpdateTag(e, f.AdminA, map[string]any{"id": bTag.ID, "version": bTag.Version, "name": "Hijacked"})
		mutWantUserError(t, "A updating B's tag", p.UserErrors, []string{"input", "id"}, "NOT_FOUND")
		if got := mutTagByName(mutListTags(e, f.AdminB), "SMB"); got == nil || got.Version != bTag.Version || got.ID != string(bTag.ID) {
			t.Errorf("B's SMB after A's refused update: %+v", got)
		}

		// Delete: the tag leaves the customers that carried it and the tag list.
		lodz, sg := f.C["Łódź Trading Sp. z o.o."], f.C["Société Générale de Logistique"]
		e.tag(lodz, f.TagsA["Enterprise"], f.TagsA["SMB"])
		e.tag(sg, f.TagsA["Enterprise"])
		e.tag(f.C["Northwind Traders Ltd"], f.TagsB["Enterprise"])
		id, errs := mutDeleteTag(e, f.AdminA, string(f.TagsA["Enterprise"].ID))
		mutNoUserErrors(t, "deleteTag", errs)
		if id == nil || *id != string(f.TagsA["Enterprise"].ID) {
			t.Errorf("deletedTagID = %v, want %s", mutDeref(id), f.TagsA["Enterprise"].ID)
		}
		if got := mutTagNamesOf(e, f.AdminA, lodz.ID); !slices.Equal(got, []string{"SMB"}) {
			t.Errorf("Łódź's tags after deleting Enterprise = %v, want [SMB]", got)
		}
		if got := mutTagNamesOf(e, f.AdminA, sg.ID); len(got) != 0 {
			t.Errorf("Société's tags after deleting Enterprise = %v, want none", got)
		}
		if mutTagByName(mutListTags(e, f.AdminA), "Enterprise") != nil {
			t.Error("Enterprise is still in A's tags after deleteTag")
		}
		// B's tag of the same name, and its customer, are untouched.
		if got := mutTagNamesOf(e, f.AdminB, f.C["Northwind Traders Ltd"].ID); !slices.Equal(got, []string{"Enterprise"}) {
			t.Errorf("B's Northwind tags after A deleted its Enterprise = %v, want [Enterprise]", got)
		}
		// Deleting it again, or another partner's tag: NOT_FOUND, and B's tag still exists and is still on
		// B's customer.
		for _, r := range []struct {
			what, id string
		}{
			{"deleting a deleted tag", string(f.TagsA["Enterprise"].ID)},
			{"A deleting B's tag", string(f.TagsB["Enterprise"].ID)},
		} {
			rows := mutCountRows(e)
			id, errs = mutDeleteTag(e, f.AdminA, r.id)
			mutWantUserError(t, r.what, errs, []string{"input", "id"}, "NOT_FOUND")
			if id != nil {
				t.Errorf("%s: deletedTagID = %s, want null", r.what, *id)
			}
			if got := mutCountRows(e); got != rows {
				t.Errorf("%s: rows changed %+v -> %+v", r.what, rows, got)
			}
		}
		if got := mutTagByName(mutListTags(e, f.AdminB), "Enterprise"); got == nil || got.CustomerCount != 1 {
			t.Errorf("B's Enterprise after A's refused delete: %+v, want it with 1 customer", got)
		}
		if got := mutTagNamesOf(e, f.AdminB, f.C["Northwind Traders Ltd"].ID); !slices.Equal(got, []string{"Enterprise"}) {
			t.Errorf("B's Northwind tags after A's refused delete = %v, want [Enterprise]", got)
		}
	})
}

// --- 6. tags query --------------------------------------------------------------------------------

func TestMutTagsQuery(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		e.tag(f.C["Łódź Trading Sp. z o.o."], f.TagsA["Enterprise"], f.TagsA["SMB"])
		e.tag(f.C["Société Générale de Logistique"], f.TagsA["Enterprise"])
		e.tag(f.C["Northwind Traders Ltd"], f.TagsA["Enterprise"], f.TagsB["Enterprise"], f.TagsB["SMB"])
		e.tag(f.C["Beta Only Łódź Logistics"], f.TagsB["SMB"])

		type nc struct {
			Name  string
			Count int
		}
		got := func(as string) []nc {
			out := []nc{}
			for _, tg := range mutListTags(e, as) {
				out = append(out, nc{tg.Name, tg.CustomerCount})
			}
			return out
		}
		want := func(as string, w ...nc) {
			t.Helper()
			if w == nil {
				w = []nc{}
			}
			if g := got(as); !slices.Equal(g, w) {
				t.Errorf("tags of %s = %+v, want %+v", as, g, w)
			}
		}
		want(f.AdminA, nc{"Enterprise", 3}, nc{"Priority", 0}, nc{"SMB", 1})
		want(f.AdminB, nc{"Enterprise", 1}, nc{"Priority", 0}, nc{"SMB", 2})
		want(f.AdminSolo)

		// Counts follow tagsAdd / tagsRemove, and new tags take their place by name.
		p := mutCreateTag(e, f.AdminA, map[string]any{"name": "Key Account"})
		mutNoUserErrors(t, "createTag", p.UserErrors)
		tp := mutTagsOp(e, f.AdminA, "tagsAdd", mutStrs(f.C["Contoso Pharmaceuticals"].ID, f.C["ООО «Контур»"].ID),
			[]string{p.Tag.ID, string(f.TagsA["Priority"].ID)})
		mutNoUserErrors(t, "tagsAdd", tp.UserErrors)
		tp = mutTagsOp(e, f.AdminA, "tagsRemove", mutStrs(f.C["Northwind Traders Ltd"].ID), mutStrs(f.TagsA["Enterprise"].ID))
		mutNoUserErrors(t, "tagsRemove", tp.UserErrors)
		want(f.AdminA, nc{"Enterprise", 2}, nc{"Key Account", 2}, nc{"Priority", 2}, nc{"SMB", 1})
		want(f.AdminB, nc{"Enterprise", 1}, nc{"Priority", 0}, nc{"SMB", 2})
	})
}

// TestMutTagsQueryCountsOnlyOwnCustomers: a tag's customerCount is "how many of the partner's
// customers carry this tag"; a customer whose relationship was removed has left the partner's list.
func TestMutTagsQueryCountsOnlyOwnCustomers(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		lodz, sg := f.C["Łódź Trading Sp. z o.o."], f.C["Société Générale de Logistique"]
		tp := mutTagsOp(e, f.AdminA, "tagsAdd", mutStrs(lodz.ID, sg.ID), mutStrs(f.TagsA["Priority"].ID))
		mutNoUserErrors(t, "tagsAdd", tp.UserErrors)
		r := e.client.Relationship.Query().Where(relationship.PartnerID(f.A.ID), relationship.CustomerID(sg.ID)).OnlyX(sys)
		e.client.Relationship.UpdateOne(r).SetStatus(relationship.StatusREMOVED).ExecX(sys)
		if ids, _ := mutSearch(e, f.AdminA, "societe"); len(ids) != 0 {
			t.Fatalf("setup: the removed customer is still in A's list")
		}
		got := mutTagByName(mutListTags(e, f.AdminA), "Priority")
		if got == nil || got.CustomerCount != 1 {
			t.Errorf("Priority = %+v, want customerCount 1 (only Łódź is still A's customer)", got)
		}
	})
}

// --- 7. domainAvailable ---------------------------------------------------------------------------

func TestMutDomainAvailable(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		cases := []struct {
			as, prefix string
			available  bool
			code       string
		}{
			{f.AdminA, "freshprefix2026", true, ""},
			{f.AdminA, "a", true, ""},
			{f.AdminA, strings.Repeat("z", 27), true, ""},
			{f.AdminA, "lodztrading", false, "TAKEN"},
			{f.AdminB, "lodztrading", false, "TAKEN"},
			// Only B's, only P's: availability is global.
			{f.AdminA, "betalodz", false, "TAKEN"},
			{f.AdminSolo, "fabrikamres", false, "TAKEN"},
			{f.AdminA, "Bad_Prefix!", false, "INVALID"},
			{f.AdminA, "LodzTrading", false, "INVALID"},
			{f.AdminA, "with-dash", false, "INVALID"},
			{f.AdminA, "lodztrading.onmicrosoft.com", false, "INVALID"},
			{f.AdminA, strings.Repeat("z", 28), false, "INVALID"},
			{f.AdminA, "", false, "INVALID"},
		}
		for _, c := range cases {
			got := mutDomainAvailable(e, c.as, c.prefix)
			if got.Available != c.available {
				t.Errorf("domainAvailable(%q) as %s: available = %v, want %v", c.prefix, c.as, got.Available, c.available)
			}
			if got.Domain != c.prefix+".onmicrosoft.com" {
				t.Errorf("domainAvailable(%q): domain = %q", c.prefix, got.Domain)
			}
			switch {
			case c.code == "" && got.Error != nil:
				t.Errorf("domainAvailable(%q): error = %+v, want null", c.prefix, got.Error)
			case c.code != "" && (got.Error == nil || got.Error.Code != c.code || got.Error.Message == ""):
				t.Errorf("domainAvailable(%q): error = %+v, want code %s", c.prefix, got.Error, c.code)
			}
		}
	})
}
