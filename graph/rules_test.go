package graph_test

// Customer rules through the API (domain.md §2, §3, §5, §6, §7): validation of createCustomer and
// updateBillingProfile (every problem reported with its field path, nothing saved), the countries
// query, verification and its worker (claims, stale claims, overrides), customer agreements,
// relationship requests and removal, indirect providers adding for their resellers, purchase
// permissions and cost visibility, and idempotent creates. Every test runs on SQLite and MariaDB/MySQL
// over real HTTP.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/agreement"
	"partnerhub/ent/billingprofile"
	"partnerhub/ent/customer"
	"partnerhub/ent/relationship"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/user"
	"partnerhub/graph"
)

// --- Response types -------------------------------------------------------------------------------

type rulPartnerRef struct {
	ID string `json:"id"`
}

type rulBilling struct {
	ID           string  `json:"id"`
	Version      int     `json:"version"`
	CompanyName  string  `json:"companyName"`
	FirstName    string  `json:"firstName"`
	LastName     string  `json:"lastName"`
	Email        string  `json:"email"`
	AddressLine1 string  `json:"addressLine1"`
	City         string  `json:"city"`
	State        *string `json:"state"`
	PostalCode   *string `json:"postalCode"`
	Country      string  `json:"country"`
	PhoneNumber  *string `json:"phoneNumber"`
}

type rulRel struct {
	ID                string         `json:"id"`
	Version           int            `json:"version"`
	Type              string         `json:"type"`
	Status            string         `json:"status"`
	DelegatedAdmin    bool           `json:"delegatedAdmin"`
	StartedAt         *string        `json:"startedAt"`
	Partner           rulPartnerRef  `json:"partner"`
	AssociatedPartner *rulPartnerRef `json:"associatedPartner"`
}

type rulCustomer struct {
	ID                     string      `json:"id"`
	Version                int         `json:"version"`
	DisplayName            string      `json:"displayName"`
	CompanyName            string      `json:"companyName"`
	PrimaryDomain          string      `json:"primaryDomain"`
	Country                string      `json:"country"`
	RegistrationID         *string     `json:"registrationID"`
	VerificationStatus     string      `json:"verificationStatus"`
	VerificationReasons    []string    `json:"verificationReasons"`
	VerificationChangedAt  *string     `json:"verificationChangedAt"`
	AllowAzureReservations bool        `json:"allowAzureReservations"`
	AllowAzureSavingsPlan  bool        `json:"allowAzureSavingsPlan"`
	CostVisibility         string      `json:"costVisibility"`
	AgreementConfirmed     bool        `json:"agreementConfirmed"`
	BillingProfile         *rulBilling `json:"billingProfile"`
	Relationships          []rulRel    `json:"relationships"`
}

const rulBillingFields = `id version companyName firstName lastName email addressLine1 city state postalCode country phoneNumber`

const rulCustomerFields = `id version displayName companyName primaryDomain country registrationID
	verificationStatus verificationReasons verificationChangedAt
	allowAzureReservations allowAzureSavingsPlan costVisibility agreementConfirmed
	billingProfile { ` + rulBillingFields + ` }
	relationships { id version type status delegatedAdmin startedAt partner { id } associatedPartner { id } }`

const rulUE = `userErrors { field code message }`

// rulPayload is the payload of createCustomer, updateBillingProfile, updateCustomerPermissions and
// updateCostVisibility (fields a mutation does not have stay empty).
type rulPayload struct {
	Customer       *rulCustomer `json:"customer"`
	BillingProfile *rulBilling  `json:"billingProfile"`
	UserErrors     []userError  `json:"userErrors"`
	Warnings       []userError  `json:"warnings"`
}

type rulRequest struct {
	ID             string  `json:"id"`
	Type           string  `json:"type"`
	Status         string  `json:"status"`
	DelegatedAdmin bool    `json:"delegatedAdmin"`
	ExpiresAt      *string `json:"expiresAt"`
	CreatedAt      string  `json:"createdAt"`
	PartnerName    string  `json:"partnerName"`
	CustomerName   string  `json:"customerName"`
	PrimaryDomain  string  `json:"primaryDomain"`
}

const rulRequestFields = `id type status delegatedAdmin expiresAt createdAt partnerName customerName primaryDomain`

type rulRequestPayload struct {
	Request    *rulRequest `json:"request"`
	Link       *string     `json:"link"`
	UserErrors []userError `json:"userErrors"`
}

type rulAgreement struct {
	ID          string  `json:"id"`
	FirstName   string  `json:"firstName"`
	LastName    string  `json:"lastName"`
	Email       string  `json:"email"`
	PhoneNumber *string `json:"phoneNumber"`
	DateAgreed  string  `json:"dateAgreed"`
	CreatedAt   string  `json:"createdAt"`
	ConfirmedBy struct {
		Email string `json:"email"`
	} `json:"confirmedBy"`
}

type rulAgreementPayload struct {
	Agreement *rulAgreement `json:"agreement"`
	Customer  *struct {
		ID                 string `json:"id"`
		AgreementConfirmed bool   `json:"agreementConfirmed"`
	} `json:"customer"`
	UserErrors []userError `json:"userErrors"`
}

type rulRemovePayload struct {
	Relationship *struct {
		ID        string  `json:"id"`
		Version   int     `json:"version"`
		Status    string  `json:"status"`
		RemovedAt *string `json:"removedAt"`
	} `json:"relationship"`
	UserErrors []userError `json:"userErrors"`
}

// --- Inputs ---------------------------------------------------------------------------------------

func rulBaseInput(prefix, name, country, lang string, bp map[string]any) map[string]any {
	culture := lang + "-" + country
	bp["culture"], bp["language"], bp["country"] = culture, lang, country
	return map[string]any{"domainPrefix": prefix, "companyName": name, "country": country,
		"language": lang, "culture": culture, "billingProfile": bp}
}

// rulDE is a valid German customer (no registration ID, phone optional).
func rulDE(prefix, name string) map[string]any {
	return rulBaseInput(prefix, name, "DE", "de", map[string]any{
		"firstName": "Greta", "lastName": "Hoffmann", "email": "greta.hoffmann@example.de",
		"addressLine1": "Friedrichstraße 12", "city": "Berlin", "postalCode": "10117", "phoneNumber": "+49 30 1234567",
	})
}

// rulPL is a valid Polish customer: NIP and phone required.
func rulPL(prefix, name string) map[string]any {
	in := rulBaseInput(prefix, name, "PL", "pl", map[string]any{
		"firstName": "Jan", "lastName": "Kowalski", "email": "jan.kowalski@example.pl",
		"addressLine1": "ul. Marszałkowska 1", "city": "Warszawa", "postalCode": "00-950", "phoneNumber": "22 345 67 89",
	})
	in["registrationID"] = "5260250274"
	return in
}

// rulRU is a valid Russian customer: INN and phone required.
func rulRU(prefix, name string) map[string]any {
	in := rulBaseInput(prefix, name, "RU", "ru", map[string]any{
		"firstName": "Иван", "lastName": "Петров", "email": "ivan.petrov@example.ru",
		"addressLine1": "ул. Тверская, д. 1", "city": "Москва", "state": "Москва", "postalCode": "125009",
		"phoneNumber": "+7 495 123-45-67",
	})
	in["registrationID"] = "7707083893"
	return in
}

// rulUS is a valid US customer (state from the list).
func rulUS(prefix, name string) map[string]any {
	return rulBaseInput(prefix, name, "US", "en", map[string]any{
		"firstName": "John", "lastName": "Smith", "email": "john.smith@example.com",
		"addressLine1": "1 Microsoft Way", "city": "Redmond", "state": "WA", "postalCode": "98052",
		"phoneNumber": "+1 425 882 8080",
	})
}

func rulBP(in map[string]any) map[string]any { return in["billingProfile"].(map[string]any) }

// --- Helpers --------------------------------------------------------------------------------------

// rulDo runs a mutation taking one `input` and decodes its payload into dst (left alone when the
// payload is null).
func rulDo(e *env, as, mutation, inputType, selection string, input map[string]any, dst any) *gqlResponse {
	e.t.Helper()
	res := e.post(as, fmt.Sprintf(`mutation($input: %s!) { %s(input: $input) { %s } }`, inputType, mutation, selection),
		map[string]any{"input": input})
	rulDecodeField(e.t, res, mutation, dst)
	return res
}

func rulDecodeField(t *testing.T, res *gqlResponse, field string, dst any) {
	t.Helper()
	if len(res.Data) == 0 || string(res.Data) == "null" {
		return
	}
	var data map[string]json.RawMessage
	if err := json.Unmarshal(res.Data, &data); err != nil {
		t.Fatalf("decoding %s: %v", res.Data, err)
	}
	if raw, ok := data[field]; ok && string(raw) != "null" && dst != nil {
		if err := json.Unmarshal(raw, dst); err != nil {
			t.Fatalf("decoding %s: %v", raw, err)
		}
	}
}

func rulCreate(e *env, as string, in map[string]any) (rulPayload, *gqlResponse) {
	e.t.Helper()
	var p rulPayload
	res := rulDo(e, as, "createCustomer", "CreateCustomerInput",
		`customer { `+rulCustomerFields+` } `+rulUE+` warnings { field code message }`, in, &p)
	return p, res
}

// rulMustCreate creates a customer that must be accepted.
func rulMustCreate(t *testing.T, e *env, as string, in map[string]any) *rulCustomer {
	t.Helper()
	p, res := rulCreate(e, as, in)
	if len(res.Errors) > 0 || len(p.UserErrors) > 0 || p.Customer == nil {
		t.Fatalf("createCustomer %v as %s: errors %+v, userErrors %+v", in["domainPrefix"], as, res.Errors, p.UserErrors)
	}
	return p.Customer
}

func rulUpdateBilling(e *env, as string, in map[string]any) (rulPayload, *gqlResponse) {
	e.t.Helper()
	var p rulPayload
	res := rulDo(e, as, "updateBillingProfile", "UpdateBillingProfileInput",
		`customer { `+rulCustomerFields+` } billingProfile { `+rulBillingFields+` } `+rulUE+` warnings { field code message }`, in, &p)
	return p, res
}

func rulCustomerMutation(e *env, as, mutation, inputType string, in map[string]any) (rulPayload, *gqlResponse) {
	e.t.Helper()
	var p rulPayload
	res := rulDo(e, as, mutation, inputType, `customer { `+rulCustomerFields+` } `+rulUE, in, &p)
	return p, res
}

// rulList is the user's whole customer list and its totalCount.
func rulList(e *env, as string) ([]rulCustomer, int) {
	e.t.Helper()
	var data struct {
		Customers struct {
			TotalCount int `json:"totalCount"`
			Edges      []struct {
				Node rulCustomer `json:"node"`
			} `json:"edges"`
		} `json:"customers"`
	}
	e.query(as, `{ customers(first: 100) { totalCount edges { node { `+rulCustomerFields+` } } } }`, nil, &data)
	out := []rulCustomer{}
	for _, ed := range data.Customers.Edges {
		out = append(out, ed.Node)
	}
	return out, data.Customers.TotalCount
}

// rulGet is the customer as the user sees it in its list; nil when it is not there.
func rulGet(e *env, as string, id string) *rulCustomer {
	e.t.Helper()
	list, _ := rulList(e, as)
	for i := range list {
		if list[i].ID == id {
			return &list[i]
		}
	}
	return nil
}

func rulMustGet(t *testing.T, e *env, as string, id string) *rulCustomer {
	t.Helper()
	c := rulGet(e, as, id)
	if c == nil {
		t.Fatalf("customer %s is not in %s's list", id, as)
	}
	return c
}

func rulTotal(e *env, as string) int {
	e.t.Helper()
	var data struct {
		Customers struct {
			TotalCount int `json:"totalCount"`
		} `json:"customers"`
	}
	e.query(as, `{ customers { totalCount } }`, nil, &data)
	return data.Customers.TotalCount
}

// rulCounts counts the rows a customer change writes, bypassing privacy.
type rulCounts struct{ Customers, BillingProfiles, Relationships, Agreements, CustomerTags int }

func rulCount(e *env) rulCounts {
	e.t.Helper()
	return rulCounts{
		Customers:       e.client.Customer.Query().CountX(sys),
		BillingProfiles: e.client.BillingProfile.Query().CountX(sys),
		Relationships:   e.client.Relationship.Query().CountX(sys),
		Agreements:      e.client.Agreement.Query().CountX(sys),
		CustomerTags:    e.client.CustomerTag.Query().CountX(sys),
	}
}

func rulErr(code string, field ...string) userError { return userError{Field: field, Code: code} }

// rulWantErrs checks that got is exactly the wanted errors (field path and code, any order), each
// with a message.
func rulWantErrs(t *testing.T, what string, got []userError, want ...userError) {
	t.Helper()
	key := func(u userError) string { return strings.Join(u.Field, ".") + " " + u.Code }
	g, w := []string{}, []string{}
	for _, u := range got {
		g = append(g, key(u))
		if u.Message == "" {
			t.Errorf("%s: userError %+v has no message", what, u)
		}
	}
	for _, u := range want {
		w = append(w, key(u))
	}
	slices.Sort(g)
	slices.Sort(w)
	if got == nil || !slices.Equal(g, w) {
		t.Errorf("%s: userErrors = %+v, want %q", what, got, w)
	}
}

// rulWantTopLevel checks that the response failed with exactly one top-level error of the code.
func rulWantTopLevel(t *testing.T, what string, res *gqlResponse, code string) {
	t.Helper()
	if codes := res.errorCodes(); len(codes) != 1 || codes[0] != code {
		t.Errorf("%s: top-level error codes = %v (data %s), want [%s]", what, codes, res.Data, code)
	}
}

func rulNoErrors(t *testing.T, what string, res *gqlResponse, errs []userError) {
	t.Helper()
	if len(res.Errors) > 0 || errs == nil || len(errs) > 0 {
		t.Fatalf("%s: errors %+v, userErrors %+v; want none", what, res.Errors, errs)
	}
}

// rulUser adds a user of the partner with the roles and returns its email (the demo header).
func rulUser(e *env, p *ent.Partner, email string, roles ...enum.Role) string {
	e.t.Helper()
	e.client.User.Create().SetPartnerID(p.ID).SetEmail(email).SetName("User " + email).SetRoles(roles).ExecX(sys)
	return email
}

func rulExec(t *testing.T, e *env, q string, args ...any) {
	t.Helper()
	if _, err := e.db.SQL.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// rulStatus is the stored verification status of a customer.
func rulStatus(e *env, id string) customer.VerificationStatus {
	e.t.Helper()
	return e.client.Customer.GetX(sys, pulid.ID(id)).VerificationStatus
}

// rulPostAsync posts like e.post but may run on any goroutine (it reports failures instead of
// stopping the test).
func rulPostAsync(e *env, as, query string, vars map[string]any) (*gqlResponse, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(graph.DemoUserHeader, as)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := &gqlResponse{status: res.StatusCode}
	if err := json.Unmarshal(raw, out); err != nil {
		return nil, fmt.Errorf("decoding %q (HTTP %d): %w", raw, res.StatusCode, err)
	}
	return out, nil
}

// rulVerifier is a Verifier made of a function.
type rulVerifier func(ctx context.Context, c *ent.Customer, bp *ent.BillingProfile) (rule.Decision, error)

func (f rulVerifier) Verify(ctx context.Context, c *ent.Customer, bp *ent.BillingProfile) (rule.Decision, error) {
	return f(ctx, c, bp)
}

func rulVerify(t *testing.T, e *env, v rule.Verifier) int {
	t.Helper()
	n, err := rule.VerifyPending(context.Background(), e.client, v, 100)
	if err != nil {
		t.Fatalf("VerifyPending: %v", err)
	}
	return n
}

func rulWaiting(e *env) int {
	e.t.Helper()
	return e.client.Customer.Query().Where(customer.VerificationStatusEQ(customer.VerificationStatusUNDER_REVIEW)).CountX(sys)
}

func rulDeref(s *string) string {
	if s == nil {
		return "<null>"
	}
	return *s
}

// --- 1. Validation through createCustomer ----------------------------------------------------------

func TestRulesValidationCreateCustomer(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		in := func(country string) func(prefix string) map[string]any {
			return func(prefix string) map[string]any {
				switch country {
				case "PL":
					return rulPL(prefix, "Kowalski Handel")
				case "RU":
					return rulRU(prefix, "Северные Технологии")
				case "US":
					return rulUS(prefix, "Cascade Outfitters Inc")
				}
				return rulDE(prefix, "Spreewald Gurken Manufaktur")
			}
		}
		set := func(k string, v any) func(map[string]any) { return func(m map[string]any) { m[k] = v } }
		setBP := func(k string, v any) func(map[string]any) { return func(m map[string]any) { rulBP(m)[k] = v } }
		delBP := func(k string) func(map[string]any) { return func(m map[string]any) { delete(rulBP(m), k) } }
		del := func(k string) func(map[string]any) { return func(m map[string]any) { delete(m, k) } }
		country := func(c, lang string) func(map[string]any) {
			return func(m map[string]any) { m["country"], m["language"], m["culture"] = c, lang, lang+"-"+c }
		}
		name := []string{"input", "companyName"}
		bp := func(f string) []string { return []string{"input", "billingProfile", f} }
		regID := []string{"input", "registrationID"}

		cases := []struct {
			name  string
			base  func(string) map[string]any
			edits []func(map[string]any)
			want  []userError
		}{
			// Company name (domain.md §6).
			{"name only digits", in("DE"), []func(map[string]any){set("companyName", "12345")}, []userError{rulErr("INVALID", name...)}},
			{"name one digit repeated", in("DE"), []func(map[string]any){set("companyName", "999")}, []userError{rulErr("INVALID", name...)}},
			{"name one letter repeated", in("DE"), []func(map[string]any){set("companyName", "aaa")}, []userError{rulErr("INVALID", name...)}},
			{"name spaced single characters", in("DE"), []func(map[string]any){set("companyName", "1 2 3")}, []userError{rulErr("INVALID", name...)}},
			{"name only a legal form (LLC)", in("DE"), []func(map[string]any){set("companyName", "LLC")}, []userError{rulErr("INVALID", name...)}},
			{"name only a legal form (Sp. z o.o.)", in("PL"), []func(map[string]any){set("companyName", "Sp. z o.o.")}, []userError{rulErr("INVALID", name...)}},
			{"name a test name (test)", in("DE"), []func(map[string]any){set("companyName", "test")}, []userError{rulErr("INVALID", name...)}},
			{"name a test name (Demo)", in("DE"), []func(map[string]any){set("companyName", "Demo")}, []userError{rulErr("INVALID", name...)}},
			{"name with a forbidden character", in("DE"), []func(map[string]any){set("companyName", "Acme ☺ Handel")}, []userError{rulErr("INVALID", name...)}},
			{"bill-to name a test name", in("DE"), []func(map[string]any){setBP("companyName", "test")}, []userError{rulErr("INVALID", bp("companyName")...)}},
			// Person names.
			{"first name a placeholder", in("DE"), []func(map[string]any){setBP("firstName", "admin")}, []userError{rulErr("INVALID", bp("firstName")...)}},
			{"last name only digits", in("DE"), []func(map[string]any){setBP("lastName", "12345")}, []userError{rulErr("INVALID", bp("lastName")...)}},
			// Email.
			{"email invalid", in("DE"), []func(map[string]any){setBP("email", "not-an-email")}, []userError{rulErr("INVALID", bp("email")...)}},
			{"email at microsoft.com", in("DE"), []func(map[string]any){setBP("email", "x@microsoft.com")}, []userError{rulErr("INVALID", bp("email")...)}},
			{"email at the partner's own domain", in("DE"), []func(map[string]any){setBP("email", "x@alpha.test")}, []userError{rulErr("INVALID", bp("email")...)}},
			// Address per country.
			{"PL postal code 12345", in("PL"), []func(map[string]any){setBP("postalCode", "12345")}, []userError{rulErr("INVALID", bp("postalCode")...)}},
			{"US state XX", in("US"), []func(map[string]any){setBP("state", "XX")}, []userError{rulErr("INVALID", bp("state")...)}},
			{"PL city missing", in("PL"), []func(map[string]any){setBP("city", "")}, []userError{rulErr("REQUIRED", bp("city")...)}},
			// Phone.
			{"PL phone invalid", in("PL"), []func(map[string]any){setBP("phoneNumber", "+48 12")}, []userError{rulErr("INVALID", bp("phoneNumber")...)}},
			{"PL phone missing", in("PL"), []func(map[string]any){delBP("phoneNumber")}, []userError{rulErr("REQUIRED", bp("phoneNumber")...)}},
			{"RU phone missing", in("RU"), []func(map[string]any){delBP("phoneNumber")}, []userError{rulErr("REQUIRED", bp("phoneNumber")...)}},
			// Registration ID.
			{"PL registration ID missing", in("PL"), []func(map[string]any){del("registrationID")}, []userError{rulErr("REQUIRED", regID...)}},
			{"RU registration ID missing", in("RU"), []func(map[string]any){del("registrationID")}, []userError{rulErr("REQUIRED", regID...)}},
			{"PL NIP with a wrong check digit", in("PL"), []func(map[string]any){set("registrationID", "5260250275")}, []userError{rulErr("INVALID", regID...)}},
			{"DE registration ID given", in("DE"), []func(map[string]any){set("registrationID", "HRB 12345")}, []userError{rulErr("INVALID", regID...)}},
			{"FR registration ID given", in("DE"), []func(map[string]any){country("FR", "fr"), set("registrationID", "732829320")}, []userError{rulErr("INVALID", regID...)}},
			{"GB registration ID given", in("DE"), []func(map[string]any){country("GB", "en"), set("registrationID", "01234567")}, []userError{rulErr("INVALID", regID...)}},
			{"US registration ID given", in("US"), []func(map[string]any){set("registrationID", "91-1144442")}, []userError{rulErr("INVALID", regID...)}},
			// Several problems at once.
			{"three billing problems", in("PL"), []func(map[string]any){setBP("firstName", "admin"), setBP("email", "x@microsoft.com"), setBP("postalCode", "12345")},
				[]userError{rulErr("INVALID", bp("firstName")...), rulErr("INVALID", bp("email")...), rulErr("INVALID", bp("postalCode")...)}},
			{"two company problems", in("PL"), []func(map[string]any){set("companyName", "LLC"), del("registrationID")},
				[]userError{rulErr("INVALID", name...), rulErr("REQUIRED", regID...)}},
			{"company and billing problems", in("PL"), []func(map[string]any){set("companyName", "test"), setBP("email", "not-an-email"), delBP("phoneNumber")},
				[]userError{rulErr("INVALID", name...), rulErr("INVALID", bp("email")...), rulErr("REQUIRED", bp("phoneNumber")...)}},
		}
		totalA := rulTotal(e, f.AdminA)
		for i, tc := range cases {
			prefix := fmt.Sprintf("rulinvalid%d", i)
			input := tc.base(prefix)
			for _, edit := range tc.edits {
				edit(input)
			}
			before := rulCount(e)
			p, res := rulCreate(e, f.AdminA, input)
			if len(res.Errors) > 0 {
				t.Errorf("%s: unexpected top-level errors %+v", tc.name, res.Errors)
			}
			if p.Customer != nil {
				t.Errorf("%s: a customer was returned: %+v", tc.name, p.Customer)
			}
			rulWantErrs(t, tc.name, p.UserErrors, tc.want...)
			if after := rulCount(e); after != before {
				t.Errorf("%s: rows changed: before %+v, after %+v", tc.name, before, after)
			}
			if e.client.Customer.Query().Where(customer.PrimaryDomain(prefix + ".onmicrosoft.com")).ExistX(sys) {
				t.Errorf("%s: the customer was saved", tc.name)
			}
		}
		if got := rulTotal(e, f.AdminA); got != totalA {
			t.Errorf("A's totalCount after refused creates = %d, want %d", got, totalA)
		}

		// Accepted: a web extension in the name is saved with a warning.
		p, res := rulCreate(e, f.AdminA, rulDE("rulallegro", "Allegro.com"))
		rulNoErrors(t, "name with .com", res, p.UserErrors)
		if p.Customer == nil || p.Customer.CompanyName != "Allegro.com" {
			t.Errorf("name with .com: customer = %+v, want one named Allegro.com", p.Customer)
		}
		if len(p.Warnings) != 1 || !slices.Equal(p.Warnings[0].Field, name) || p.Warnings[0].Message == "" {
			t.Errorf("name with .com: warnings = %+v, want one on %v", p.Warnings, name)
		}
		// ... and a plain name has no warning.
		p, res = rulCreate(e, f.AdminA, rulDE("rulplainname", "Spreewald Gurken Manufaktur"))
		rulNoErrors(t, "plain name", res, p.UserErrors)
		if p.Warnings == nil || len(p.Warnings) != 0 {
			t.Errorf("plain name: warnings = %+v, want []", p.Warnings)
		}

		// Accepted: a Polish customer with a valid NIP, postal code 00-950 and a national phone number,
		// stored in E.164.
		pl := rulMustCreate(t, e, f.AdminA, rulPL("rulkowalski", "Kowalski Handel"))
		for what, c := range map[string]*rulCustomer{"payload": pl, "stored": rulMustGet(t, e, f.AdminA, pl.ID)} {
			if rulDeref(c.RegistrationID) != "5260250274" {
				t.Errorf("PL %s registrationID = %s, want 5260250274", what, rulDeref(c.RegistrationID))
			}
			if c.BillingProfile == nil || rulDeref(c.BillingProfile.PhoneNumber) != "+48223456789" || rulDeref(c.BillingProfile.PostalCode) != "00-950" {
				t.Errorf("PL %s billing profile = %+v, want phone +48223456789 and postal code 00-950", what, c.BillingProfile)
			}
		}
		if bp := e.client.Customer.GetX(sys, pulid.ID(pl.ID)).QueryBillingProfile().OnlyX(sys); bp.PhoneNumber != "+48223456789" {
			t.Errorf("PL stored phone_number = %q, want +48223456789", bp.PhoneNumber)
		}
		// A Russian customer with a valid INN, a US customer in WA.
		ru := rulMustCreate(t, e, f.AdminA, rulRU("rulsever", "Северные Технологии"))
		if rulDeref(ru.RegistrationID) != "7707083893" {
			t.Errorf("RU registrationID = %s, want 7707083893", rulDeref(ru.RegistrationID))
		}
		us := rulMustCreate(t, e, f.AdminA, rulUS("rulcascade", "Cascade Outfitters Inc"))
		if us.BillingProfile == nil || rulDeref(us.BillingProfile.State) != "WA" {
			t.Errorf("US billing profile = %+v, want state WA", us.BillingProfile)
		}
		// An address at A's domain is refused for A but fine for B (not B's domain).
		in2 := rulDE("rulbetacontact", "Havelkai Versand")
		rulBP(in2)["email"] = "x@alpha.test"
		rulMustCreate(t, e, f.AdminB, in2)
		if got := rulTotal(e, f.AdminA); got != totalA+5 {
			t.Errorf("A's totalCount = %d, want %d", got, totalA+5)
		}
	})
}

// --- 1b. Validation through updateBillingProfile ---------------------------------------------------

func TestRulesValidationUpdateBillingProfile(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		pl := rulMustCreate(t, e, f.AdminA, rulPL("rulupdatepl", "Kowalski Handel"))
		us := rulMustCreate(t, e, f.AdminA, rulUS("rulupdateus", "Cascade Outfitters Inc"))
		field := func(f string) []string { return []string{"input", f} }
		cases := []struct {
			name   string
			target *rulCustomer
			set    map[string]any
			want   []userError
		}{
			{"bill-to name repeated digit", pl, map[string]any{"companyName": "999"}, []userError{rulErr("INVALID", field("companyName")...)}},
			{"bill-to name only a legal form", pl, map[string]any{"companyName": "Sp. z o.o."}, []userError{rulErr("INVALID", field("companyName")...)}},
			{"first name a placeholder", pl, map[string]any{"firstName": "admin"}, []userError{rulErr("INVALID", field("firstName")...)}},
			{"last name only digits", pl, map[string]any{"lastName": "12345"}, []userError{rulErr("INVALID", field("lastName")...)}},
			{"email invalid", pl, map[string]any{"email": "not-an-email"}, []userError{rulErr("INVALID", field("email")...)}},
			{"email at microsoft.com", pl, map[string]any{"email": "x@microsoft.com"}, []userError{rulErr("INVALID", field("email")...)}},
			{"email at the partner's own domain", pl, map[string]any{"email": "x@alpha.test"}, []userError{rulErr("INVALID", field("email")...)}},
			{"PL postal code 12345", pl, map[string]any{"postalCode": "12345"}, []userError{rulErr("INVALID", field("postalCode")...)}},
			{"PL city emptied", pl, map[string]any{"city": ""}, []userError{rulErr("REQUIRED", field("city")...)}},
			{"PL phone invalid", pl, map[string]any{"phoneNumber": "+48 12"}, []userError{rulErr("INVALID", field("phoneNumber")...)}},
			{"PL phone cleared", pl, map[string]any{"phoneNumber": ""}, []userError{rulErr("REQUIRED", field("phoneNumber")...)}},
			{"US state XX", us, map[string]any{"state": "XX"}, []userError{rulErr("INVALID", field("state")...)}},
			{"several at once", pl, map[string]any{"firstName": "admin", "email": "x@microsoft.com", "postalCode": "12345"},
				[]userError{rulErr("INVALID", field("firstName")...), rulErr("INVALID", field("email")...), rulErr("INVALID", field("postalCode")...)}},
		}
		for _, tc := range cases {
			bp := e.client.Customer.GetX(sys, pulid.ID(tc.target.ID)).QueryBillingProfile().OnlyX(sys)
			cust := e.client.Customer.GetX(sys, pulid.ID(tc.target.ID))
			input := map[string]any{"customerID": tc.target.ID, "version": bp.Version}
			for k, v := range tc.set {
				input[k] = v
			}
			p, res := rulUpdateBilling(e, f.AdminA, input)
			if len(res.Errors) > 0 {
				t.Errorf("%s: unexpected top-level errors %+v", tc.name, res.Errors)
			}
			if p.BillingProfile != nil || p.Customer != nil {
				t.Errorf("%s: payload carries a result: %+v", tc.name, p)
			}
			rulWantErrs(t, tc.name, p.UserErrors, tc.want...)
			after := e.client.BillingProfile.GetX(sys, bp.ID)
			if after.Version != bp.Version || after.Email != bp.Email || after.FirstName != bp.FirstName ||
				after.LastName != bp.LastName || after.PostalCode != bp.PostalCode || after.City != bp.City ||
				after.PhoneNumber != bp.PhoneNumber || after.State != bp.State || after.CompanyName != bp.CompanyName {
				t.Errorf("%s: billing profile changed: before %+v, after %+v", tc.name, bp, after)
			}
			if c := e.client.Customer.GetX(sys, cust.ID); c.Version != cust.Version || c.DisplayName != cust.DisplayName {
				t.Errorf("%s: customer changed: version %d→%d, name %q→%q", tc.name, cust.Version, c.Version, cust.DisplayName, c.DisplayName)
			}
		}

		// A valid change: the phone is normalised, a web extension in the name is warned about.
		bp := e.client.Customer.GetX(sys, pulid.ID(pl.ID)).QueryBillingProfile().OnlyX(sys)
		p, res := rulUpdateBilling(e, f.AdminA, map[string]any{"customerID": pl.ID, "version": bp.Version,
			"phoneNumber": "0048 22 345 67 90", "companyName": "Kowalski-Handel.pl"})
		rulNoErrors(t, "valid update", res, p.UserErrors)
		if p.BillingProfile == nil || rulDeref(p.BillingProfile.PhoneNumber) != "+48223456790" || p.BillingProfile.Version != bp.Version+1 {
			t.Errorf("valid update: billing profile = %+v, want phone +48223456790 and version %d", p.BillingProfile, bp.Version+1)
		}
		if got := e.client.BillingProfile.GetX(sys, bp.ID).PhoneNumber; got != "+48223456790" {
			t.Errorf("stored phone = %q, want +48223456790", got)
		}
		if len(p.Warnings) != 1 || !slices.Equal(p.Warnings[0].Field, field("companyName")) {
			t.Errorf("valid update with .pl in the name: warnings = %+v, want one on [input companyName]", p.Warnings)
		}
		// The US state from the list is accepted.
		ubp := e.client.Customer.GetX(sys, pulid.ID(us.ID)).QueryBillingProfile().OnlyX(sys)
		p, res = rulUpdateBilling(e, f.AdminA, map[string]any{"customerID": us.ID, "version": ubp.Version, "state": "WA", "city": "Seattle", "postalCode": "98101"})
		rulNoErrors(t, "US update", res, p.UserErrors)
		if p.BillingProfile == nil || rulDeref(p.BillingProfile.State) != "WA" || p.BillingProfile.City != "Seattle" {
			t.Errorf("US update: billing profile = %+v", p.BillingProfile)
		}
	})
}

// --- 2. countries -----------------------------------------------------------------------------------

func TestRulesCountries(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		type country struct {
			Code                   string `json:"code"`
			Name                   string `json:"name"`
			En, Pl, Ru, Fr, It     string
			RequiresRegistrationID bool    `json:"requiresRegistrationID"`
			RequiresPhone          bool    `json:"requiresPhone"`
			RequiresCity           bool    `json:"requiresCity"`
			RequiresPostalCode     bool    `json:"requiresPostalCode"`
			PostalCodeExample      *string `json:"postalCodeExample"`
			States                 []struct {
				Code string `json:"code"`
				Name string `json:"name"`
			} `json:"states"`
		}
		var data struct {
			Countries []country `json:"countries"`
		}
		e.query(f.AdminA, `{ countries { code name en: name(language: EN) pl: name(language: PL) ru: name(language: RU)
			fr: name(language: FR) it: name(language: IT) requiresRegistrationID requiresPhone requiresCity
			requiresPostalCode postalCodeExample states { code name } } }`, nil, &data)
		by := map[string]country{}
		index := map[string]int{}
		for i, c := range data.Countries {
			by[c.Code] = c
			index[c.Code] = i
		}
		if len(data.Countries) < 240 {
			t.Errorf("countries: %d, want every ISO country (about 249)", len(data.Countries))
		}
		pl, ok := by["PL"]
		if !ok {
			t.Fatal("countries has no PL")
		}
		wantNames := map[string]string{"default": "Poland", "en": "Poland", "pl": "Polska", "ru": "Польша", "fr": "Pologne", "it": "Polonia"}
		gotNames := map[string]string{"default": pl.Name, "en": pl.En, "pl": pl.Pl, "ru": pl.Ru, "fr": pl.Fr, "it": pl.It}
		for k, want := range wantNames {
			if gotNames[k] != want {
				t.Errorf("PL name (%s) = %q, want %q", k, gotNames[k], want)
			}
		}
		if !pl.RequiresRegistrationID || !pl.RequiresPhone || !pl.RequiresCity || !pl.RequiresPostalCode {
			t.Errorf("PL requirements = %+v, want registration ID, phone, city and postal code required", pl)
		}
		if !regexp.MustCompile(`^[0-9]{2}-[0-9]{3}$`).MatchString(rulDeref(pl.PostalCodeExample)) {
			t.Errorf("PL postalCodeExample = %s, want a code like 00-950", rulDeref(pl.PostalCodeExample))
		}
		if len(pl.States) != 0 {
			t.Errorf("PL states = %+v, want none (no list)", pl.States)
		}
		de := by["DE"]
		if de.Code != "DE" || de.RequiresRegistrationID || de.RequiresPhone {
			t.Errorf("DE = %+v, want neither a registration ID nor a phone required", de)
		}
		if ru := by["RU"]; !ru.RequiresRegistrationID || !ru.RequiresPhone {
			t.Errorf("RU = %+v, want registration ID and phone required", ru)
		}
		us := by["US"]
		hasWA := false
		for _, s := range us.States {
			if s.Code == "WA" && s.Name != "" {
				hasWA = true
			}
		}
		if len(us.States) < 50 || !hasWA {
			t.Errorf("US states (%d) = %+v, want the list with WA", len(us.States), us.States)
		}
		if !(index["DE"] < index["PL"] && index["PL"] < index["US"]) {
			t.Errorf("countries not sorted by English name: DE at %d, PL at %d, US at %d", index["DE"], index["PL"], index["US"])
		}

		// An unknown language is refused once, before anything runs (the argument is an enum), not once
		// per country.
		res := e.post(f.AdminA, `{ countries { code name(language: XX) } }`, nil)
		if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "AppLanguage") || (len(res.Data) > 0 && string(res.Data) != "null") {
			t.Errorf(`name(language: XX): data %s, errors %+v; want one error naming AppLanguage and no data`, res.Data, res.Errors)
		}
		res = e.post(f.AdminA, `{ countries { code pl: name(language: PL) } }`, nil)
		if len(res.Errors) > 0 {
			t.Errorf(`name(language: PL): %+v`, res.Errors)
		}
	})
}

// --- 3. Verification --------------------------------------------------------------------------------

func TestRulesVerification(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		good := rulMustCreate(t, e, f.AdminA, rulDE("rulverifygood", "Spreewald Gurken Manufaktur"))
		bad := rulMustCreate(t, e, f.AdminA, rulPL("rulverifybad", "Kowalski Handel"))
		for _, c := range []*rulCustomer{good, bad} {
			if c.VerificationStatus != "UNDER_REVIEW" || len(c.VerificationReasons) != 0 {
				t.Errorf("new customer %s: status %s reasons %v, want UNDER_REVIEW without reasons", c.PrimaryDomain, c.VerificationStatus, c.VerificationReasons)
			}
		}
		// Break a rule behind the API's back.
		rulExec(t, e, `UPDATE billing_profiles SET email = ? WHERE customer_id = ?`, "x@microsoft.com", bad.ID)

		waiting := rulWaiting(e)
		if waiting != len(f.C)+2 {
			t.Errorf("waiting customers = %d, want %d (fixture and two new)", waiting, len(f.C)+2)
		}
		if n := rulVerify(t, e, rule.AutoVerifier{}); n != waiting {
			t.Errorf("VerifyPending decided %d, want %d", n, waiting)
		}
		g := rulMustGet(t, e, f.AdminA, good.ID)
		if g.VerificationStatus != "ALLOWED" || len(g.VerificationReasons) != 0 || g.VerificationChangedAt == nil {
			t.Errorf("valid customer after verification: %s %v changedAt %s, want ALLOWED without reasons", g.VerificationStatus, g.VerificationReasons, rulDeref(g.VerificationChangedAt))
		}
		b := rulMustGet(t, e, f.AdminA, bad.ID)
		if b.VerificationStatus != "NOT_ALLOWED" || len(b.VerificationReasons) != 1 ||
			!strings.Contains(strings.ToLower(b.VerificationReasons[0]), "email") || !strings.Contains(b.VerificationReasons[0], "microsoft.com") {
			t.Errorf("invalid customer after verification: %s %q, want NOT_ALLOWED with one reason about the email at microsoft.com", b.VerificationStatus, b.VerificationReasons)
		}
		for name, c := range f.C {
			if s := rulStatus(e, string(c.ID)); s != customer.VerificationStatusALLOWED {
				t.Errorf("fixture customer %s: %s, want ALLOWED", name, s)
			}
		}
		if n := rulVerify(t, e, rule.AutoVerifier{}); n != 0 {
			t.Errorf("second round decided %d, want 0", n)
		}

		// A billing change sends an ALLOWED customer back to review.
		gbp := e.client.Customer.GetX(sys, pulid.ID(good.ID)).QueryBillingProfile().OnlyX(sys)
		p, res := rulUpdateBilling(e, f.AdminA, map[string]any{"customerID": good.ID, "version": gbp.Version, "city": "Potsdam", "postalCode": "14467"})
		rulNoErrors(t, "billing change", res, p.UserErrors)
		if p.Customer == nil || p.Customer.VerificationStatus != "UNDER_REVIEW" {
			t.Errorf("after a billing change: payload customer %+v, want UNDER_REVIEW", p.Customer)
		}
		if c := rulMustGet(t, e, f.AdminA, good.ID); c.VerificationStatus != "UNDER_REVIEW" || rulDeref(c.VerificationChangedAt) == rulDeref(g.VerificationChangedAt) {
			t.Errorf("after a billing change: stored %s changedAt %s (was %s), want UNDER_REVIEW with a new time", c.VerificationStatus, rulDeref(c.VerificationChangedAt), rulDeref(g.VerificationChangedAt))
		}
		// Fixing the NOT_ALLOWED customer clears its reasons.
		bbp := e.client.Customer.GetX(sys, pulid.ID(bad.ID)).QueryBillingProfile().OnlyX(sys)
		p, res = rulUpdateBilling(e, f.AdminA, map[string]any{"customerID": bad.ID, "version": bbp.Version, "email": "jan.kowalski@example.pl"})
		rulNoErrors(t, "fixing the email", res, p.UserErrors)
		if c := rulMustGet(t, e, f.AdminA, bad.ID); c.VerificationStatus != "UNDER_REVIEW" || len(c.VerificationReasons) != 0 {
			t.Errorf("after fixing: %s %q, want UNDER_REVIEW without reasons", c.VerificationStatus, c.VerificationReasons)
		}
		if n := rulVerify(t, e, rule.AutoVerifier{}); n != 2 {
			t.Errorf("third round decided %d, want 2", n)
		}
		for _, id := range []string{good.ID, bad.ID} {
			if c := rulMustGet(t, e, f.AdminA, id); c.VerificationStatus != "ALLOWED" || len(c.VerificationReasons) != 0 {
				t.Errorf("%s after re-verification: %s %q, want ALLOWED", c.PrimaryDomain, c.VerificationStatus, c.VerificationReasons)
			}
		}

		// A friendly rename (a company detail) also sends it back.
		gbp = e.client.Customer.GetX(sys, pulid.ID(good.ID)).QueryBillingProfile().OnlyX(sys)
		p, res = rulUpdateBilling(e, f.AdminA, map[string]any{"customerID": good.ID, "version": gbp.Version, "companyName": "Spreewald Feinkost"})
		rulNoErrors(t, "rename", res, p.UserErrors)
		if c := rulMustGet(t, e, f.AdminA, good.ID); c.VerificationStatus != "UNDER_REVIEW" || c.DisplayName != "Spreewald Feinkost" {
			t.Errorf("after a rename: %s %q, want UNDER_REVIEW named Spreewald Feinkost", c.VerificationStatus, c.DisplayName)
		}
		// CustomerDerived directly: a company detail (culture) sends an ALLOWED customer back and clears
		// the reasons; a purchase permission does not.
		rulVerify(t, e, rule.AutoVerifier{})
		if s := rulStatus(e, bad.ID); s != customer.VerificationStatusALLOWED {
			t.Fatalf("setup: %s", s)
		}
		e.client.Customer.UpdateOneID(pulid.ID(bad.ID)).SetAllowAzureReservations(true).ExecX(sys)
		if s := rulStatus(e, bad.ID); s != customer.VerificationStatusALLOWED {
			t.Errorf("after a permission change: %s, want ALLOWED", s)
		}
		if _, err := rule.OverrideVerification(context.Background(), e.client, pulid.ID(bad.ID), customer.VerificationStatusNOT_ALLOWED, "checking", "ops"); err != nil {
			t.Fatal(err)
		}
		e.client.Customer.UpdateOneID(pulid.ID(bad.ID)).SetCulture("en-GB").ExecX(sys)
		if c := e.client.Customer.GetX(sys, pulid.ID(bad.ID)); c.VerificationStatus != customer.VerificationStatusUNDER_REVIEW || len(c.VerificationReasons) != 0 {
			t.Errorf("after a company detail change: %s %q, want UNDER_REVIEW without reasons", c.VerificationStatus, c.VerificationReasons)
		}
	})
}

func TestRulesVerifierClaims(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		for i := range 5 {
			rulMustCreate(t, e, f.AdminA, rulDE(fmt.Sprintf("rulclaim%d", i), fmt.Sprintf("Spreewald Gurken Werk %d", i+1)))
		}
		waiting := rulWaiting(e)
		if waiting != len(f.C)+5 {
			t.Fatalf("waiting = %d, want %d", waiting, len(f.C)+5)
		}

		// Two workers at once: each customer is decided exactly once.
		var mu sync.Mutex
		calls := map[pulid.ID]int{}
		counting := rulVerifier(func(ctx context.Context, c *ent.Customer, bp *ent.BillingProfile) (rule.Decision, error) {
			mu.Lock()
			calls[c.ID]++
			mu.Unlock()
			time.Sleep(5 * time.Millisecond) // widen the window in which the other worker looks
			return rule.AutoVerifier{}.Verify(ctx, c, bp)
		})
		var (
			wg    sync.WaitGroup
			start = make(chan struct{})
			ns    [2]int
			errs  [2]error
		)
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				ns[i], errs[i] = rule.VerifyPending(context.Background(), e.client, counting, 100)
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("worker %d: %v", i, err)
			}
		}
		if ns[0]+ns[1] != waiting {
			t.Errorf("workers decided %d + %d, want %d in all", ns[0], ns[1], waiting)
		}
		if len(calls) != waiting {
			t.Errorf("verifier saw %d customers, want %d", len(calls), waiting)
		}
		for id, n := range calls {
			if n != 1 {
				t.Errorf("customer %s verified %d times, want once", id, n)
			}
		}
		if w := rulWaiting(e); w != 0 {
			t.Errorf("still waiting after both workers: %d", w)
		}

		// A customer changed between claim and decision is not decided.
		changed := rulMustCreate(t, e, f.AdminA, rulDE("rulchanged", "Havelkai Versand"))
		seen := 0
		editing := rulVerifier(func(ctx context.Context, c *ent.Customer, bp *ent.BillingProfile) (rule.Decision, error) {
			seen++
			if string(c.ID) == changed.ID {
				p, res := rulUpdateBilling(e, f.AdminA, map[string]any{"customerID": changed.ID, "version": bp.Version, "city": "Potsdam", "postalCode": "14467"})
				if len(res.Errors) > 0 || len(p.UserErrors) > 0 {
					t.Errorf("editing during verification: %+v %+v", res.Errors, p.UserErrors)
				}
			}
			return rule.Decision{Allowed: true}, nil
		})
		if n := rulVerify(t, e, editing); n != 0 || seen != 1 {
			t.Errorf("round with an edit during verification: decided %d (verifier called %d times), want 0 decided of 1", n, seen)
		}
		c := rulMustGet(t, e, f.AdminA, changed.ID)
		if c.VerificationStatus != "UNDER_REVIEW" || c.BillingProfile == nil || c.BillingProfile.City != "Potsdam" {
			t.Errorf("customer edited during verification: %s, billing %+v; want UNDER_REVIEW with the edit kept", c.VerificationStatus, c.BillingProfile)
		}

		// A stale claim is taken up again; a live one is not.
		rulExec(t, e, `UPDATE customers SET review_claimed_until = ? WHERE id = ?`, time.Now().UTC().Add(-time.Hour), changed.ID)
		held := rulMustCreate(t, e, f.AdminA, rulDE("rulheld", "Brandenburger Logistik GmbH"))
		rulExec(t, e, `UPDATE customers SET review_claimed_until = ? WHERE id = ?`, time.Now().UTC().Add(time.Hour), held.ID)
		var decided []pulid.ID
		recording := rulVerifier(func(ctx context.Context, c *ent.Customer, bp *ent.BillingProfile) (rule.Decision, error) {
			decided = append(decided, c.ID)
			return rule.AutoVerifier{}.Verify(ctx, c, bp)
		})
		if n := rulVerify(t, e, recording); n != 1 || !slices.Equal(decided, []pulid.ID{pulid.ID(changed.ID)}) {
			t.Errorf("round with a stale and a live claim: decided %d %v, want only %s", n, decided, changed.ID)
		}
		if s := rulStatus(e, changed.ID); s != customer.VerificationStatusALLOWED {
			t.Errorf("customer with a stale claim: %s, want ALLOWED", s)
		}
		if s := rulStatus(e, held.ID); s != customer.VerificationStatusUNDER_REVIEW {
			t.Errorf("customer with a live claim: %s, want UNDER_REVIEW", s)
		}
		rulExec(t, e, `UPDATE customers SET review_claimed_until = ? WHERE id = ?`, time.Now().UTC().Add(-time.Second), held.ID)
		if n := rulVerify(t, e, rule.AutoVerifier{}); n != 1 || rulStatus(e, held.ID) != customer.VerificationStatusALLOWED {
			t.Errorf("after its claim ran out: decided %d, status %s; want 1, ALLOWED", n, rulStatus(e, held.ID))
		}

		// An operator's override, with its reason.
		target := f.C["Contoso Pharmaceuticals"]
		oc, err := rule.OverrideVerification(context.Background(), e.client, target.ID, customer.VerificationStatusNOT_ALLOWED, "Sanctions list match", "ops@partnerhub.test")
		if err != nil || oc == nil {
			t.Fatalf("OverrideVerification: %v", err)
		}
		got := rulMustGet(t, e, f.AdminA, string(target.ID))
		wantReason := "Overridden by ops@partnerhub.test: Sanctions list match"
		if got.VerificationStatus != "NOT_ALLOWED" || !slices.Equal(got.VerificationReasons, []string{wantReason}) {
			t.Errorf("after override: %s %q, want NOT_ALLOWED [%q]", got.VerificationStatus, got.VerificationReasons, wantReason)
		}
		_, err = rule.OverrideVerification(context.Background(), e.client, target.ID, customer.VerificationStatusALLOWED, "", "ops@partnerhub.test")
		if err == nil || rule.CodeOf(err) != rule.CodeRequired {
			t.Errorf("override without a reason: err %v, want REQUIRED", err)
		}
		if s := rulStatus(e, string(target.ID)); s != customer.VerificationStatusNOT_ALLOWED {
			t.Errorf("after a refused override: %s, want NOT_ALLOWED", s)
		}
		if _, err := rule.OverrideVerification(context.Background(), e.client, target.ID, customer.VerificationStatusALLOWED, "Cleared by compliance", "ops@partnerhub.test"); err != nil {
			t.Fatal(err)
		}
		got = rulMustGet(t, e, f.AdminA, string(target.ID))
		if got.VerificationStatus != "ALLOWED" || !slices.Equal(got.VerificationReasons, []string{"Overridden by ops@partnerhub.test: Cleared by compliance"}) {
			t.Errorf("after override to ALLOWED: %s %q", got.VerificationStatus, got.VerificationReasons)
		}
	})
}

// --- 4. Customer agreement --------------------------------------------------------------------------

func TestRulesAgreement(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		target := f.C["Northwind Traders Ltd"] // A's and B's
		confirm := func(as string, in map[string]any) (rulAgreementPayload, *gqlResponse) {
			t.Helper()
			var p rulAgreementPayload
			res := rulDo(e, as, "confirmCustomerAgreement", "ConfirmCustomerAgreementInput",
				`agreement { id firstName lastName email phoneNumber dateAgreed createdAt confirmedBy { email } }
				customer { id agreementConfirmed } `+rulUE, in, &p)
			return p, res
		}
		contact := func(id pulid.ID, first, last, email, date string) map[string]any {
			return map[string]any{"customerID": id, "firstName": first, "lastName": last, "email": email, "dateAgreed": date}
		}
		withPhone := func(in map[string]any, phone string) map[string]any { in["phoneNumber"] = phone; return in }
		polish := f.C["Łódź Trading Sp. z o.o."] // A's, in PL
		agreements := func() int {
			return e.client.Agreement.Query().Where(agreement.CustomerID(target.ID)).CountX(sys)
		}
		for _, as := range []string{f.AdminA, f.AdminB} {
			if rulMustGet(t, e, as, string(target.ID)).AgreementConfirmed {
				t.Errorf("agreementConfirmed for %s before any confirmation", as)
			}
		}

		started := time.Now().Add(-time.Minute)
		p, res := confirm(f.AdminA, contact(target.ID, "Oliver", "Bennett", "oliver.bennett@northwind.example", "2025-03-14"))
		rulNoErrors(t, "confirm", res, p.UserErrors)
		if p.Agreement == nil || p.Customer == nil {
			t.Fatalf("confirm: payload %+v", p)
		}
		a := p.Agreement
		if a.FirstName != "Oliver" || a.LastName != "Bennett" || a.Email != "oliver.bennett@northwind.example" ||
			!strings.HasPrefix(a.DateAgreed, "2025-03-14") || a.ConfirmedBy.Email != f.AdminA {
			t.Errorf("confirm: agreement %+v, want Oliver Bennett on 2025-03-14 confirmed by %s", a, f.AdminA)
		}
		if created, err := time.Parse(time.RFC3339Nano, a.CreatedAt); err != nil || created.Before(started) || created.After(time.Now().Add(time.Minute)) {
			t.Errorf("confirm: createdAt %q (%v), want now", a.CreatedAt, err)
		}
		if !p.Customer.AgreementConfirmed || p.Customer.ID != string(target.ID) {
			t.Errorf("confirm: payload customer %+v, want agreementConfirmed", p.Customer)
		}
		if !rulMustGet(t, e, f.AdminA, string(target.ID)).AgreementConfirmed {
			t.Error("A's list: agreementConfirmed false after confirming")
		}
		if rulMustGet(t, e, f.AdminB, string(target.ID)).AgreementConfirmed {
			t.Error("B's list: agreementConfirmed true though only A confirmed")
		}
		stored := e.client.Agreement.Query().Where(agreement.CustomerID(target.ID)).OnlyX(sys)
		adminAID := e.client.User.Query().Where(user.Email(f.AdminA)).OnlyIDX(sys)
		if stored.PartnerID != f.A.ID || stored.ConfirmedByID != adminAID {
			t.Errorf("stored agreement: partner %s confirmed by %s, want %s by %s", stored.PartnerID, stored.ConfirmedByID, f.A.ID, adminAID)
		}

		future := time.Now().UTC().AddDate(0, 0, 2).Format(time.DateOnly)
		refused := []struct {
			name string
			as   string
			in   map[string]any
			want userError
		}{
			{"date in the future", f.AdminA, contact(target.ID, "Emma", "Clarke", "emma.clarke@northwind.example", future), rulErr("INVALID", "input", "dateAgreed")},
			{"date in another format", f.AdminA, contact(target.ID, "Emma", "Clarke", "emma.clarke@northwind.example", "14.03.2025"), rulErr("INVALID", "input", "dateAgreed")},
			{"same contact again", f.AdminA, contact(target.ID, "Oliver", "Bennett", "oliver.bennett@northwind.example", "2025-03-15"), rulErr("TAKEN", "input", "email")},
			{"same contact in other case", f.AdminA, contact(target.ID, "Oliver", "Bennett", "Oliver.Bennett@NORTHWIND.example", "2025-03-15"), rulErr("TAKEN", "input", "email")},
			{"another partner's customer", f.AdminA, contact(f.C["Beta Only Łódź Logistics"].ID, "Emma", "Clarke", "emma.clarke@betalodz.example", "2025-03-14"), rulErr("NOT_FOUND", "input", "customerID")},
			{"contact name a placeholder", f.AdminA, contact(target.ID, "admin", "Clarke", "emma.clarke@northwind.example", "2025-03-14"), rulErr("INVALID", "input", "firstName")},
			{"contact email at the partner's domain", f.AdminA, contact(target.ID, "Emma", "Clarke", "emma@alpha.test", "2025-03-14"), rulErr("INVALID", "input", "email")},
			{"phone invalid for the customer's country", f.AdminA, withPhone(contact(polish.ID, "Anna", "Nowak", "anna.nowak@lodz.example", "2025-03-14"), "+48 12"), rulErr("INVALID", "input", "phoneNumber")},
		}
		for _, tc := range refused {
			before := rulCount(e)
			p, res := confirm(tc.as, tc.in)
			if len(res.Errors) > 0 {
				t.Errorf("%s: top-level errors %+v", tc.name, res.Errors)
			}
			if p.Agreement != nil {
				t.Errorf("%s: agreement returned %+v", tc.name, p.Agreement)
			}
			rulWantErrs(t, tc.name, p.UserErrors, tc.want)
			if after := rulCount(e); after != before {
				t.Errorf("%s: rows changed %+v → %+v", tc.name, before, after)
			}
		}

		helpdesk := rulUser(e, f.A, "helpdesk@alpha.test", enum.HelpdeskAgent)
		_, res = confirm(helpdesk, contact(target.ID, "Emma", "Clarke", "emma.clarke@northwind.example", "2025-03-14"))
		rulWantTopLevel(t, "HELPDESK_AGENT confirming", res, "FORBIDDEN")
		if n := agreements(); n != 1 {
			t.Errorf("agreements after refusals = %d, want 1", n)
		}

		// Another contact may confirm too; so may a SALES_AGENT.
		sales := rulUser(e, f.A, "sales@alpha.test", enum.SalesAgent)
		p, res = confirm(sales, contact(target.ID, "Emma", "Clarke", "emma.clarke@northwind.example", time.Now().UTC().Format(time.DateOnly)))
		rulNoErrors(t, "another contact", res, p.UserErrors)
		if p.Agreement == nil || p.Agreement.ConfirmedBy.Email != sales {
			t.Errorf("another contact: agreement %+v, want confirmed by %s", p.Agreement, sales)
		}
		if n := agreements(); n != 2 {
			t.Errorf("agreements = %d, want 2", n)
		}
		// The contact's phone is checked for the customer's country and kept in E.164.
		p, res = confirm(f.AdminA, withPhone(contact(polish.ID, "Anna", "Nowak", "anna.nowak@lodz.example", "2025-03-14"), "22 345 67 89"))
		rulNoErrors(t, "with a phone", res, p.UserErrors)
		if p.Agreement == nil || rulDeref(p.Agreement.PhoneNumber) != "+48223456789" {
			t.Errorf("with a phone: agreement %+v, want phone +48223456789", p.Agreement)
		}
		// B confirms on its own account.
		p, res = confirm(f.AdminB, contact(target.ID, "Sophie", "Turner", "sophie.turner@northwind.example", "2025-03-14"))
		rulNoErrors(t, "B confirming", res, p.UserErrors)
		if !rulMustGet(t, e, f.AdminB, string(target.ID)).AgreementConfirmed {
			t.Error("B's list: agreementConfirmed false after B confirmed")
		}
	})
}

// --- 5. Relationship requests and removal -----------------------------------------------------------

func rulRequestRel(e *env, as string, in map[string]any) (rulRequestPayload, *gqlResponse) {
	e.t.Helper()
	var p rulRequestPayload
	res := rulDo(e, as, "requestRelationship", "RequestRelationshipInput", `request { `+rulRequestFields+` } link `+rulUE, in, &p)
	return p, res
}

func rulAccept(e *env, token string) (rulRequestPayload, *gqlResponse) {
	e.t.Helper()
	var p rulRequestPayload
	res := rulDo(e, "", "acceptRelationshipRequest", "AcceptRelationshipRequestInput", `request { `+rulRequestFields+` } `+rulUE,
		map[string]any{"token": token}, &p)
	return p, res
}

func rulToken(t *testing.T, p rulRequestPayload) string {
	t.Helper()
	if p.Link == nil {
		t.Fatalf("no link in %+v", p)
	}
	_, token, ok := strings.Cut(*p.Link, "#token=")
	if !ok || !strings.HasPrefix(token, "phr_") {
		t.Fatalf("link %q has no #token=phr_…", *p.Link)
	}
	return token
}

func rulOpenRequests(e *env, as string) []rulRequest {
	e.t.Helper()
	var data struct {
		RelationshipRequests []rulRequest `json:"relationshipRequests"`
	}
	e.query(as, `{ relationshipRequests { `+rulRequestFields+` } }`, nil, &data)
	return data.RelationshipRequests
}

func rulFindRequest(list []rulRequest, id string) *rulRequest {
	for i := range list {
		if list[i].ID == id {
			return &list[i]
		}
	}
	return nil
}

func rulOwnRel(t *testing.T, c *rulCustomer, partner *ent.Partner) *rulRel {
	t.Helper()
	for i := range c.Relationships {
		if c.Relationships[i].Partner.ID == string(partner.ID) {
			return &c.Relationships[i]
		}
	}
	t.Fatalf("customer %s has no relationship of %s: %+v", c.PrimaryDomain, partner.Name, c.Relationships)
	return nil
}

func TestRulesRelationshipRequests(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		target := f.C["alpine Ski House"] // A's only
		totalA, totalB := rulTotal(e, f.AdminA), rulTotal(e, f.AdminB)

		p, res := rulRequestRel(e, f.AdminB, map[string]any{"domain": "alpineski", "delegatedAdmin": true})
		rulNoErrors(t, "request by prefix", res, p.UserErrors)
		token := rulToken(t, p)
		r := p.Request
		if r == nil || r.Type != "DIRECT_BILL" || r.Status != "PENDING" || !r.DelegatedAdmin || r.PartnerName != "Beta Partner" ||
			r.CustomerName != "alpine Ski House" || r.PrimaryDomain != "alpineski.onmicrosoft.com" {
			t.Fatalf("request: %+v", r)
		}
		if exp, err := time.Parse(time.RFC3339Nano, rulDeref(r.ExpiresAt)); err != nil || exp.Sub(time.Now()) < 89*24*time.Hour || exp.Sub(time.Now()) > 91*24*time.Hour {
			t.Errorf("request expiresAt %s, want in 90 days", rulDeref(r.ExpiresAt))
		}
		if got := rulFindRequest(rulOpenRequests(e, f.AdminB), r.ID); got == nil || got.CustomerName != "alpine Ski House" || got.Status != "PENDING" {
			t.Errorf("B's relationshipRequests: %+v, want the request with the customer's name", got)
		}
		if got := rulFindRequest(rulOpenRequests(e, f.AdminA), r.ID); got != nil {
			t.Errorf("A's relationshipRequests lists B's request: %+v", got)
		}
		if rulGet(e, f.AdminB, string(target.ID)) != nil || rulTotal(e, f.AdminB) != totalB {
			t.Error("the customer is in B's list before accepting")
		}

		// The public page, without sign-in.
		var pub struct {
			RelationshipRequest *rulRequest `json:"relationshipRequest"`
		}
		e.query("", `query($t: String!) { relationshipRequest(token: $t) { `+rulRequestFields+` } }`, map[string]any{"t": token}, &pub)
		if pub.RelationshipRequest == nil || pub.RelationshipRequest.PartnerName != "Beta Partner" || pub.RelationshipRequest.CustomerName != "alpine Ski House" ||
			pub.RelationshipRequest.Status != "PENDING" {
			t.Errorf("relationshipRequest(token) anonymously: %+v", pub.RelationshipRequest)
		}
		pub.RelationshipRequest = nil
		e.query("", `query($t: String!) { relationshipRequest(token: $t) { id } }`, map[string]any{"t": "phr_nosuchtoken"}, &pub)
		if pub.RelationshipRequest != nil {
			t.Errorf("relationshipRequest(unknown token) = %+v, want null", pub.RelationshipRequest)
		}

		// Asking again while the request is open.
		before := rulCount(e)
		p2, res := rulRequestRel(e, f.AdminB, map[string]any{"domain": "alpineski.onmicrosoft.com"})
		if len(res.Errors) > 0 || p2.Link != nil {
			t.Errorf("second request: %+v %+v", res.Errors, p2)
		}
		rulWantErrs(t, "second request while open", p2.UserErrors, rulErr("TAKEN", "input", "domain"))
		if after := rulCount(e); after != before {
			t.Errorf("second request: rows changed %+v → %+v", before, after)
		}

		// The customer accepts.
		ap, res := rulAccept(e, token)
		rulNoErrors(t, "accept", res, ap.UserErrors)
		if ap.Request == nil || ap.Request.Status != "ACTIVE" {
			t.Errorf("accept: %+v, want ACTIVE", ap.Request)
		}
		c := rulGet(e, f.AdminB, string(target.ID))
		if c == nil {
			t.Fatal("after accepting, the customer is not in B's list")
		}
		if rel := rulOwnRel(t, c, f.B); rel.Type != "DIRECT_BILL" || rel.Status != "ACTIVE" || !rel.DelegatedAdmin || rel.StartedAt == nil {
			t.Errorf("B's relationship after accepting: %+v, want ACTIVE DIRECT_BILL with delegated admin", rel)
		}
		if got := rulTotal(e, f.AdminB); got != totalB+1 {
			t.Errorf("B's totalCount = %d, want %d", got, totalB+1)
		}
		if got := rulTotal(e, f.AdminA); got != totalA {
			t.Errorf("A's totalCount = %d, want %d (unchanged)", got, totalA)
		}
		if got := rulFindRequest(rulOpenRequests(e, f.AdminB), r.ID); got != nil {
			t.Errorf("accepted request still open: %+v", got)
		}
		ap, res = rulAccept(e, token)
		if len(res.Errors) > 0 || ap.Request != nil {
			t.Errorf("accepting twice: %+v %+v", res.Errors, ap.Request)
		}
		rulWantErrs(t, "accepting twice", ap.UserErrors, rulErr("INVALID", "input", "token"))
		if got := rulTotal(e, f.AdminB); got != totalB+1 {
			t.Errorf("B's totalCount after accepting twice = %d, want %d", got, totalB+1)
		}
		p2, _ = rulRequestRel(e, f.AdminB, map[string]any{"domain": "alpineski"})
		rulWantErrs(t, "request with an ACTIVE relationship", p2.UserErrors, rulErr("TAKEN", "input", "domain"))

		// By full domain, without delegated admin; the request expires before it is accepted.
		p, res = rulRequestRel(e, f.AdminB, map[string]any{"domain": "contosopharma.onmicrosoft.com"})
		rulNoErrors(t, "request by full domain", res, p.UserErrors)
		expToken := rulToken(t, p)
		if p.Request == nil || p.Request.DelegatedAdmin || p.Request.CustomerName != "Contoso Pharmaceuticals" {
			t.Fatalf("request by full domain: %+v", p.Request)
		}
		rulExec(t, e, `UPDATE relationships SET request_expires_at = ? WHERE id = ?`, time.Now().UTC().Add(-time.Hour), p.Request.ID)
		ap, res = rulAccept(e, expToken)
		if len(res.Errors) > 0 || ap.Request != nil {
			t.Errorf("accepting an expired request: %+v %+v", res.Errors, ap.Request)
		}
		rulWantErrs(t, "accepting an expired request", ap.UserErrors, rulErr("INVALID", "input", "token"))
		if rulGet(e, f.AdminB, string(f.C["Contoso Pharmaceuticals"].ID)) != nil || rulTotal(e, f.AdminB) != totalB+1 {
			t.Error("an expired request was accepted")
		}
		if got := rulFindRequest(rulOpenRequests(e, f.AdminB), p.Request.ID); got != nil {
			t.Errorf("expired request still listed as open: %+v", got)
		}
		// Once expired, a new request may be sent.
		p, res = rulRequestRel(e, f.AdminB, map[string]any{"domain": "contosopharma"})
		rulNoErrors(t, "request after expiry", res, p.UserErrors)

		// Unknown domain.
		p, res = rulRequestRel(e, f.AdminB, map[string]any{"domain": "nosuchcustomer"})
		if len(res.Errors) > 0 || p.Request != nil {
			t.Errorf("unknown domain: %+v %+v", res.Errors, p)
		}
		rulWantErrs(t, "unknown domain", p.UserErrors, rulErr("NOT_FOUND", "input", "domain"))

		// Reseller-only partners name their provider.
		before = rulCount(e)
		for _, tc := range []struct {
			name string
			as   string
			in   map[string]any
			want userError
		}{
			{"Solo without a provider", f.AdminSolo, map[string]any{"domain": "kontur"}, rulErr("REQUIRED", "input", "providerID")},
			{"Solo naming P (not its provider)", f.AdminSolo, map[string]any{"domain": "kontur", "providerID": f.P.ID}, rulErr("NOT_FOUND", "input", "providerID")},
			{"R naming A (not its provider)", f.AdminR, map[string]any{"domain": "kontur", "providerID": f.A.ID}, rulErr("NOT_FOUND", "input", "providerID")},
		} {
			p, res := rulRequestRel(e, tc.as, tc.in)
			if len(res.Errors) > 0 || p.Request != nil || p.Link != nil {
				t.Errorf("%s: %+v %+v", tc.name, res.Errors, p)
			}
			rulWantErrs(t, tc.name, p.UserErrors, tc.want)
		}
		if after := rulCount(e); after != before {
			t.Errorf("refused requests: rows changed %+v → %+v", before, after)
		}
		totalR := rulTotal(e, f.AdminR)
		p, res = rulRequestRel(e, f.AdminR, map[string]any{"domain": "kontur", "providerID": f.P.ID})
		rulNoErrors(t, "R through P", res, p.UserErrors)
		if p.Request == nil || p.Request.Type != "INDIRECT_RESELLER" || p.Request.PartnerName != "Reseller Partner" {
			t.Fatalf("R through P: %+v", p.Request)
		}
		ap, res = rulAccept(e, rulToken(t, p))
		rulNoErrors(t, "accepting R's request", res, ap.UserErrors)
		kontur := rulGet(e, f.AdminR, string(f.C["ООО «Контур»"].ID))
		if kontur == nil {
			t.Fatal("after accepting, the customer is not in R's list")
		}
		if rel := rulOwnRel(t, kontur, f.R); rel.Type != "INDIRECT_RESELLER" || rel.Status != "ACTIVE" || rel.AssociatedPartner == nil || rel.AssociatedPartner.ID != string(f.P.ID) {
			t.Errorf("R's relationship: %+v, want ACTIVE INDIRECT_RESELLER through P", rel)
		}
		if got := rulTotal(e, f.AdminR); got != totalR+1 {
			t.Errorf("R's totalCount = %d, want %d", got, totalR+1)
		}
	})
}

func TestRulesRemoveRelationship(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		remove := func(as string, id string, version int) (rulRemovePayload, *gqlResponse) {
			t.Helper()
			var p rulRemovePayload
			res := rulDo(e, as, "removeRelationship", "RemoveRelationshipInput", `relationship { id version status removedAt } `+rulUE,
				map[string]any{"id": id, "version": version}, &p)
			return p, res
		}
		target := f.C["alpine Ski House"]
		c := rulMustGet(t, e, f.AdminA, string(target.ID))
		rel := *rulOwnRel(t, c, f.A)
		totalA, totalB := rulTotal(e, f.AdminA), rulTotal(e, f.AdminB)
		stillThere := func(what string) {
			t.Helper()
			if rulGet(e, f.AdminA, string(target.ID)) == nil || rulTotal(e, f.AdminA) != totalA {
				t.Errorf("%s: the customer left A's list", what)
			}
			if s := e.client.Relationship.GetX(sys, pulid.ID(rel.ID)).Status; s != relationship.StatusACTIVE {
				t.Errorf("%s: relationship %s, want ACTIVE", what, s)
			}
		}

		sales := rulUser(e, f.A, "sales@alpha.test", enum.SalesAgent)
		_, res := remove(sales, rel.ID, rel.Version)
		rulWantTopLevel(t, "SALES_AGENT removing", res, "FORBIDDEN")
		stillThere("SALES_AGENT removing")

		p, res := remove(f.AdminA, rel.ID, rel.Version+1)
		if len(res.Errors) > 0 || p.Relationship != nil {
			t.Errorf("stale version: %+v %+v", res.Errors, p)
		}
		rulWantErrs(t, "stale version", p.UserErrors, rulErr("CONFLICT", "input", "version"))
		stillThere("stale version")

		p, res = remove(f.AdminB, rel.ID, rel.Version)
		if len(res.Errors) > 0 || p.Relationship != nil {
			t.Errorf("B removing A's relationship: %+v %+v", res.Errors, p)
		}
		rulWantErrs(t, "B removing A's relationship", p.UserErrors, rulErr("NOT_FOUND", "input", "id"))
		stillThere("B removing A's relationship")

		bp := e.client.BillingProfile.Query().Where(billingprofile.CustomerID(target.ID)).OnlyX(sys)
		if res := e.post(f.AdminA, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": bp.ID}); !strings.Contains(string(res.Data), string(bp.ID)) {
			t.Errorf("before removing, A reaching the customer's billing profile by ID: %s %v", res.Data, res.errorCodes())
		}
		p, res = remove(f.AdminA, rel.ID, rel.Version)
		rulNoErrors(t, "remove", res, p.UserErrors)
		if p.Relationship == nil || p.Relationship.Status != "REMOVED" || p.Relationship.RemovedAt == nil || p.Relationship.Version != rel.Version+1 {
			t.Errorf("remove: %+v, want REMOVED with removedAt", p.Relationship)
		}
		if rulGet(e, f.AdminA, string(target.ID)) != nil {
			t.Error("after removing, the customer is still in A's list")
		}
		// Its billing profile went with it (reachable by ID just before: see above).
		if res := e.post(f.AdminA, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": bp.ID}); string(res.Data) != `{"node":null}` || !slices.Equal(res.errorCodes(), []string{"NOT_FOUND"}) {
			t.Errorf("after removing, A reaching the customer's billing profile by ID: %s %v", res.Data, res.errorCodes())
		}
		if got := rulTotal(e, f.AdminA); got != totalA-1 {
			t.Errorf("A's totalCount = %d, want %d", got, totalA-1)
		}
		if got := rulTotal(e, f.AdminB); got != totalB {
			t.Errorf("B's totalCount = %d, want %d", got, totalB)
		}
		p, _ = remove(f.AdminA, rel.ID, rel.Version+1)
		rulWantErrs(t, "removing twice", p.UserErrors, rulErr("INVALID", "input", "id"))
		if got := rulTotal(e, f.AdminA); got != totalA-1 {
			t.Errorf("A's totalCount after removing twice = %d, want %d", got, totalA-1)
		}

		// A shared customer leaves only A's list; an ADMIN_AGENT may remove.
		shared := f.C["Northwind Traders Ltd"]
		srel := *rulOwnRel(t, rulMustGet(t, e, f.AdminA, string(shared.ID)), f.A)
		agent := rulUser(e, f.A, "agent@alpha.test", enum.AdminAgent)
		p, res = remove(agent, srel.ID, srel.Version)
		rulNoErrors(t, "ADMIN_AGENT removing", res, p.UserErrors)
		if rulGet(e, f.AdminA, string(shared.ID)) != nil || rulGet(e, f.AdminB, string(shared.ID)) == nil {
			t.Error("after A removed its relationship with a shared customer: want it gone from A's list only")
		}
		if got, got2 := rulTotal(e, f.AdminA), rulTotal(e, f.AdminB); got != totalA-2 || got2 != totalB {
			t.Errorf("totalCounts A %d B %d, want %d %d", got, got2, totalA-2, totalB)
		}
	})
}

// --- 6. Indirect provider adding for a reseller -----------------------------------------------------

func TestRulesIndirectResellerCreate(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		totalP, totalR := rulTotal(e, f.AdminP), rulTotal(e, f.AdminR)
		in := rulDE("rulforreseller", "Havelkai Versand")
		in["associatedResellerID"] = f.R.ID
		c := rulMustCreate(t, e, f.AdminP, in)
		check := func(who string, c *rulCustomer, partner *ent.Partner, typ string, assoc *ent.Partner) {
			t.Helper()
			if len(c.Relationships) != 1 {
				t.Errorf("%s: relationships %+v, want one", who, c.Relationships)
				return
			}
			rel := c.Relationships[0]
			if rel.Partner.ID != string(partner.ID) || rel.Type != typ || rel.Status != "ACTIVE" || rel.AssociatedPartner == nil || rel.AssociatedPartner.ID != string(assoc.ID) {
				t.Errorf("%s: relationship %+v, want ACTIVE %s of %s with %s", who, rel, typ, partner.Name, assoc.Name)
			}
		}
		check("P's payload", c, f.P, "INDIRECT_PROVIDER", f.R)
		check("P's list", rulMustGet(t, e, f.AdminP, c.ID), f.P, "INDIRECT_PROVIDER", f.R)
		check("R's list", rulMustGet(t, e, f.AdminR, c.ID), f.R, "INDIRECT_RESELLER", f.P)
		if got := rulTotal(e, f.AdminR); got != totalR+1 {
			t.Errorf("R's totalCount = %d, want %d", got, totalR+1)
		}
		if got := rulTotal(e, f.AdminP); got != totalP+1 {
			t.Errorf("P's totalCount = %d, want %d", got, totalP+1)
		}
		// R filters… its list by its provider.
		var data struct {
			Customers struct {
				TotalCount int `json:"totalCount"`
			} `json:"customers"`
		}
		e.query(f.AdminR, `query($p: [ID!]) { customers(filter: {associatedPartnerIDs: $p}) { totalCount } }`, map[string]any{"p": []string{string(f.P.ID)}}, &data)
		if data.Customers.TotalCount != 1 {
			t.Errorf("R's customers through P = %d, want 1", data.Customers.TotalCount)
		}

		for i, tc := range []struct {
			name, as string
			reseller pulid.ID
			want     userError
		}{
			{"P naming B (not its reseller)", f.AdminP, f.B.ID, rulErr("NOT_FOUND", "input", "associatedResellerID")},
			{"P naming Solo (not its reseller)", f.AdminP, f.Solo.ID, rulErr("NOT_FOUND", "input", "associatedResellerID")},
			{"A (direct bill) naming R", f.AdminA, f.R.ID, rulErr("INVALID", "input", "associatedResellerID")},
		} {
			prefix := fmt.Sprintf("rulrefused%d", i)
			in := rulDE(prefix, "Brandenburger Logistik GmbH")
			in["associatedResellerID"] = tc.reseller
			before := rulCount(e)
			totals := []int{rulTotal(e, f.AdminA), rulTotal(e, f.AdminB), rulTotal(e, f.AdminP), rulTotal(e, f.AdminR)}
			p, res := rulCreate(e, tc.as, in)
			if len(res.Errors) > 0 || p.Customer != nil {
				t.Errorf("%s: %+v %+v", tc.name, res.Errors, p.Customer)
			}
			rulWantErrs(t, tc.name, p.UserErrors, tc.want)
			if after := rulCount(e); after != before {
				t.Errorf("%s: rows changed %+v → %+v", tc.name, before, after)
			}
			if got := []int{rulTotal(e, f.AdminA), rulTotal(e, f.AdminB), rulTotal(e, f.AdminP), rulTotal(e, f.AdminR)}; !slices.Equal(got, totals) {
				t.Errorf("%s: totalCounts %v → %v", tc.name, totals, got)
			}
		}
	})
}

// --- 7. Permissions and cost visibility ------------------------------------------------------------

func TestRulesPermissions(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		target := f.C["Contoso Pharmaceuticals"] // A's only
		if _, err := rule.OverrideVerification(context.Background(), e.client, target.ID, customer.VerificationStatusALLOWED, "verified", "ops"); err != nil {
			t.Fatal(err)
		}
		perms := func(as string, in map[string]any) (rulPayload, *gqlResponse) {
			return rulCustomerMutation(e, as, "updateCustomerPermissions", "UpdateCustomerPermissionsInput", in)
		}
		cost := func(as string, in map[string]any) (rulPayload, *gqlResponse) {
			return rulCustomerMutation(e, as, "updateCostVisibility", "UpdateCostVisibilityInput", in)
		}
		c0 := rulMustGet(t, e, f.AdminA, string(target.ID))
		if c0.AllowAzureReservations || c0.AllowAzureSavingsPlan || c0.CostVisibility != "NOT_ALLOWED" || c0.VerificationStatus != "ALLOWED" {
			t.Fatalf("defaults: %+v", c0)
		}

		p, res := perms(f.AdminA, map[string]any{"customerID": target.ID, "version": c0.Version, "allowAzureReservations": true, "allowAzureSavingsPlan": true})
		rulNoErrors(t, "permissions", res, p.UserErrors)
		if p.Customer == nil || !p.Customer.AllowAzureReservations || !p.Customer.AllowAzureSavingsPlan || p.Customer.Version != c0.Version+1 {
			t.Errorf("permissions: %+v", p.Customer)
		}
		c1 := rulMustGet(t, e, f.AdminA, string(target.ID))
		if !c1.AllowAzureReservations || !c1.AllowAzureSavingsPlan || c1.VerificationStatus != "ALLOWED" ||
			rulDeref(c1.VerificationChangedAt) != rulDeref(c0.VerificationChangedAt) {
			t.Errorf("after permissions: %+v, want both allowed and still ALLOWED (changed at %s)", c1, rulDeref(c0.VerificationChangedAt))
		}
		// Only one switch; the other keeps its value.
		p, res = perms(f.AdminA, map[string]any{"customerID": target.ID, "version": c1.Version, "allowAzureSavingsPlan": false})
		rulNoErrors(t, "one permission", res, p.UserErrors)
		c2 := rulMustGet(t, e, f.AdminA, string(target.ID))
		if !c2.AllowAzureReservations || c2.AllowAzureSavingsPlan {
			t.Errorf("after switching savings plans off: reservations %v savings %v, want true false", c2.AllowAzureReservations, c2.AllowAzureSavingsPlan)
		}
		p, res = perms(f.AdminA, map[string]any{"customerID": target.ID, "version": c1.Version, "allowAzureSavingsPlan": true})
		// On CONFLICT the payload carries the customer as it is now, for the client to show.
		if len(res.Errors) > 0 || p.Customer == nil || p.Customer.Version != c2.Version || p.Customer.AllowAzureSavingsPlan || !p.Customer.AllowAzureReservations {
			t.Errorf("stale permissions: errors %+v, customer %+v (want the current one, version %d)", res.Errors, p.Customer, c2.Version)
		}
		rulWantErrs(t, "stale permissions", p.UserErrors, rulErr("CONFLICT", "input", "version"))
		if c := e.client.Customer.GetX(sys, target.ID); c.AllowAzureSavingsPlan || c.Version != c2.Version {
			t.Errorf("stale permissions changed the customer: savings %v version %d (want false %d)", c.AllowAzureSavingsPlan, c.Version, c2.Version)
		}

		p, res = cost(f.AdminA, map[string]any{"customerID": target.ID, "version": c2.Version, "costVisibility": "ALLOWED"})
		rulNoErrors(t, "cost visibility", res, p.UserErrors)
		c3 := rulMustGet(t, e, f.AdminA, string(target.ID))
		if c3.CostVisibility != "ALLOWED" || c3.VerificationStatus != "ALLOWED" || c3.Version != c2.Version+1 ||
			rulDeref(c3.VerificationChangedAt) != rulDeref(c0.VerificationChangedAt) {
			t.Errorf("after cost visibility: %+v, want ALLOWED and still verified ALLOWED", c3)
		}
		p, res = cost(f.AdminA, map[string]any{"customerID": target.ID, "version": c2.Version, "costVisibility": "NOT_ALLOWED"})
		if len(res.Errors) > 0 || p.Customer == nil || p.Customer.Version != c3.Version || p.Customer.CostVisibility != "ALLOWED" {
			t.Errorf("stale cost visibility: errors %+v, customer %+v (want the current one, version %d)", res.Errors, p.Customer, c3.Version)
		}
		rulWantErrs(t, "stale cost visibility", p.UserErrors, rulErr("CONFLICT", "input", "version"))
		if c := e.client.Customer.GetX(sys, target.ID); c.CostVisibility != customer.CostVisibilityALLOWED {
			t.Errorf("stale cost visibility changed it to %s", c.CostVisibility)
		}

		// Who may not.
		unchanged := func(what string) {
			t.Helper()
			c := e.client.Customer.GetX(sys, target.ID)
			if c.Version != c3.Version || !c.AllowAzureReservations || c.AllowAzureSavingsPlan || c.CostVisibility != customer.CostVisibilityALLOWED {
				t.Errorf("%s changed the customer: %+v", what, c)
			}
		}
		e.client.Relationship.Create().SetPartnerID(f.B.ID).SetCustomerID(target.ID).SetType(relationship.TypeADVISOR).ExecX(sys)
		if rulGet(e, f.AdminB, string(target.ID)) == nil {
			t.Fatal("setup: B (advisor) does not see the customer")
		}
		_, res = perms(f.AdminB, map[string]any{"customerID": target.ID, "version": c3.Version, "allowAzureSavingsPlan": true})
		rulWantTopLevel(t, "advisor B setting permissions", res, "FORBIDDEN")
		_, res = cost(f.AdminB, map[string]any{"customerID": target.ID, "version": c3.Version, "costVisibility": "NOT_ALLOWED"})
		rulWantTopLevel(t, "advisor B setting cost visibility", res, "FORBIDDEN")
		unchanged("advisor B")

		sales := rulUser(e, f.A, "sales@alpha.test", enum.SalesAgent)
		_, res = perms(sales, map[string]any{"customerID": target.ID, "version": c3.Version, "allowAzureSavingsPlan": true})
		rulWantTopLevel(t, "SALES_AGENT setting permissions", res, "FORBIDDEN")
		_, res = cost(sales, map[string]any{"customerID": target.ID, "version": c3.Version, "costVisibility": "NOT_ALLOWED"})
		rulWantTopLevel(t, "SALES_AGENT setting cost visibility", res, "FORBIDDEN")
		unchanged("SALES_AGENT")

		billing := rulUser(e, f.A, "billing@alpha.test", enum.BillingAdmin)
		_, res = perms(billing, map[string]any{"customerID": target.ID, "version": c3.Version, "allowAzureSavingsPlan": true})
		rulWantTopLevel(t, "BILLING_ADMIN setting permissions", res, "FORBIDDEN")
		unchanged("BILLING_ADMIN setting permissions")
		p, res = cost(billing, map[string]any{"customerID": target.ID, "version": c3.Version, "costVisibility": "NOT_ALLOWED"})
		rulNoErrors(t, "BILLING_ADMIN setting cost visibility", res, p.UserErrors)
		if c := e.client.Customer.GetX(sys, target.ID); c.CostVisibility != customer.CostVisibilityNOT_ALLOWED || c.VerificationStatus != customer.VerificationStatusALLOWED {
			t.Errorf("after BILLING_ADMIN: cost visibility %s status %s, want NOT_ALLOWED and ALLOWED", c.CostVisibility, c.VerificationStatus)
		}
	})
}

// --- 8. Idempotent creates --------------------------------------------------------------------------

func TestRulesIdempotency(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		created := func(p *ent.Partner) int {
			return e.client.Activity.Query().Where(activity.PartnerID(p.ID), activity.Operation("createCustomer"), activity.Succeeded(true)).CountX(sys)
		}
		customers := func() int { return e.client.Customer.Query().CountX(sys) }
		key := "0b7c5f7e-4f43-4b55-9f0e-3c1f6a2d9e11"
		n0, acts0, totalA := customers(), created(f.A), rulTotal(e, f.AdminA)

		in := rulDE("rulidem", "Spreewald Gurken Manufaktur")
		in["idempotencyKey"] = key
		first := rulMustCreate(t, e, f.AdminA, in)
		again := rulMustCreate(t, e, f.AdminA, in)
		if again.ID != first.ID || again.PrimaryDomain != "rulidem.onmicrosoft.com" {
			t.Errorf("retry returned %s (%s), want %s", again.ID, again.PrimaryDomain, first.ID)
		}
		// A retry whose input changed meanwhile still returns the first customer.
		in2 := rulDE("rulidemchanged", "Spreewald Gurken Manufaktur")
		in2["idempotencyKey"] = key
		if c := rulMustCreate(t, e, f.AdminA, in2); c.ID != first.ID {
			t.Errorf("retry with other input returned %s, want %s", c.ID, first.ID)
		}
		if got := customers(); got != n0+1 {
			t.Errorf("customers = %d, want %d", got, n0+1)
		}
		if got := created(f.A); got != acts0+1 {
			t.Errorf("A's createCustomer activity records = %d, want %d", got, acts0+1)
		}
		if got := rulTotal(e, f.AdminA); got != totalA+1 {
			t.Errorf("A's totalCount = %d, want %d", got, totalA+1)
		}

		// The key is per partner: B's own create with the same key.
		inB := rulDE("rulidembeta", "Havelkai Versand")
		inB["idempotencyKey"] = key
		b := rulMustCreate(t, e, f.AdminB, inB)
		if b.ID == first.ID || b.PrimaryDomain != "rulidembeta.onmicrosoft.com" || rulOwnRel(t, b, f.B).Type != "DIRECT_BILL" {
			t.Errorf("B's create with A's key: %+v", b)
		}
		if got := customers(); got != n0+2 {
			t.Errorf("customers = %d, want %d", got, n0+2)
		}
		if rulGet(e, f.AdminB, first.ID) != nil {
			t.Error("B sees A's customer through the shared key")
		}

		// Two attempts at once with the same key.
		key2 := "6d1e2c0a-8f9b-4c3d-a1e2-b3c4d5e6f708"
		inC := rulDE("rulidemconcurrent", "Brandenburger Logistik GmbH")
		inC["idempotencyKey"] = key2
		query := `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } ` + rulUE + ` } }`
		var (
			wg    sync.WaitGroup
			start = make(chan struct{})
			ids   [2]string
			fails [2]string
		)
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				res, err := rulPostAsync(e, f.AdminA, query, map[string]any{"input": inC})
				if err != nil {
					fails[i] = err.Error()
					return
				}
				var data struct {
					CreateCustomer *struct {
						Customer   *struct{ ID string } `json:"customer"`
						UserErrors []userError          `json:"userErrors"`
					} `json:"createCustomer"`
				}
				_ = json.Unmarshal(res.Data, &data)
				switch {
				case len(res.Errors) > 0:
					fails[i] = fmt.Sprintf("errors %+v", res.Errors)
				case data.CreateCustomer == nil || data.CreateCustomer.Customer == nil:
					fails[i] = fmt.Sprintf("no customer, data %s", res.Data)
				default:
					ids[i] = data.CreateCustomer.Customer.ID
				}
			}()
		}
		close(start)
		wg.Wait()
		for i, msg := range fails {
			if msg != "" {
				t.Errorf("concurrent create %d: %s", i, msg)
			}
		}
		if ids[0] == "" || ids[0] != ids[1] {
			t.Errorf("concurrent creates returned %q and %q, want the same customer", ids[0], ids[1])
		}
		if got := e.client.Customer.Query().Where(customer.PrimaryDomain("rulidemconcurrent.onmicrosoft.com")).CountX(sys); got != 1 {
			t.Errorf("customers created by the concurrent attempts = %d, want 1", got)
		}
		if got := customers(); got != n0+3 {
			t.Errorf("customers = %d, want %d", got, n0+3)
		}
	})
}
