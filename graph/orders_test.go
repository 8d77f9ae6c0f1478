package graph_test

// Order and subscription tests: offers, placeOrder and its gates, subscription changes with versions,
// the renewal worker, relationship removal while subscriptions run, and partner isolation, through
// GraphQL over HTTP on every backend (domain.md §7, §8).

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/customer"
	"partnerhub/ent/offer"
	"partnerhub/ent/order"
	"partnerhub/ent/relationship"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/seed"
	"partnerhub/ent/subscription"
)

// --- Response types -------------------------------------------------------------------------------

type ordOffer struct {
	ID               string `json:"id"`
	Catalog          string `json:"catalog"`
	SKU              string `json:"sku"`
	Name             string `json:"name"`
	Publisher        string `json:"publisher"`
	TermMonths       int    `json:"termMonths"`
	BillingFrequency string `json:"billingFrequency"`
	MinQuantity      int    `json:"minQuantity"`
	MaxQuantity      int    `json:"maxQuantity"`
	Active           bool   `json:"active"`
}

const ordOfferFields = `id catalog sku name publisher termMonths billingFrequency minQuantity maxQuantity active`

type ordSub struct {
	ID        string    `json:"id"`
	Version   int       `json:"version"`
	Quantity  int       `json:"quantity"`
	TermEnd   time.Time `json:"termEnd"`
	AutoRenew bool      `json:"autoRenew"`
	Status    string    `json:"status"`
	Renewals  int       `json:"renewals"`
	Offer     struct {
		ID         string `json:"id"`
		Name       string `json:"name"`
		TermMonths int    `json:"termMonths"`
	} `json:"offer"`
	Customer struct {
		ID string `json:"id"`
	} `json:"customer"`
	Order *struct {
		ID string `json:"id"`
	} `json:"order"`
}

const ordSubFields = `id version quantity termEnd autoRenew status renewals offer { id name termMonths } customer { id } order { id }`

const ordUE = `userErrors { field code message }`

type ordSubConn struct {
	TotalCount int `json:"totalCount"`
	PageInfo   struct {
		HasNextPage bool   `json:"hasNextPage"`
		EndCursor   string `json:"endCursor"`
	} `json:"pageInfo"`
	Edges []struct {
		Cursor string `json:"cursor"`
		Node   ordSub `json:"node"`
	} `json:"edges"`
}

func (c ordSubConn) ids() []string {
	out := []string{}
	for _, e := range c.Edges {
		out = append(out, e.Node.ID)
	}
	return out
}

type ordPlacePayload struct {
	Order *struct {
		ID       string `json:"id"`
		PlacedBy *struct {
			Email string `json:"email"`
		} `json:"placedBy"`
		Subscriptions []ordSub `json:"subscriptions"`
	} `json:"order"`
	Customer *struct {
		ID            string     `json:"id"`
		Subscriptions ordSubConn `json:"subscriptions"`
	} `json:"customer"`
	UserErrors []userError `json:"userErrors"`
}

type ordSubPayload struct {
	Subscription *ordSub     `json:"subscription"`
	UserErrors   []userError `json:"userErrors"`
}

// --- Helpers --------------------------------------------------------------------------------------

// ordWorld is the fixture with the catalog loaded.
type ordWorld struct {
	e      *env
	f      *fixture
	offers map[string]*ent.Offer // by name
}

func ordSetup(t *testing.T, e *env) *ordWorld {
	t.Helper()
	f := e.fixture()
	if err := seed.LoadCatalog(sys, e.client); err != nil {
		t.Fatalf("loading the catalog: %v", err)
	}
	w := &ordWorld{e: e, f: f, offers: map[string]*ent.Offer{}}
	for _, o := range e.client.Offer.Query().AllX(sys) {
		w.offers[o.Name] = o
	}
	if len(w.offers) != len(seed.Catalog) {
		t.Fatalf("%d offers after LoadCatalog, want %d", len(w.offers), len(seed.Catalog))
	}
	return w
}

func (w *ordWorld) offer(name string) *ent.Offer {
	w.e.t.Helper()
	o, ok := w.offers[name]
	if !ok {
		w.e.t.Fatalf("no offer %q in the catalog", name)
	}
	return o
}

// ordLine is one line of a placeOrder input; autoRenew is left out unless given.
func ordLine(offerID pulid.ID, quantity int, autoRenew ...bool) map[string]any {
	l := map[string]any{"offerID": offerID, "quantity": quantity}
	if len(autoRenew) > 0 {
		l["autoRenew"] = autoRenew[0]
	}
	return l
}

// ordSetVerification sets a customer's verification status directly (as the verifier would).
func ordSetVerification(e *env, id pulid.ID, s customer.VerificationStatus) {
	e.t.Helper()
	e.client.Customer.UpdateOneID(id).SetVerificationStatus(s).ExecX(sys)
}

// ordDecode decodes the named field of a response's data into dst (left alone when null).
func ordDecode(t *testing.T, res *gqlResponse, field string, dst any) {
	t.Helper()
	if len(res.Data) == 0 || string(res.Data) == "null" {
		return
	}
	var data map[string]json.RawMessage
	if err := json.Unmarshal(res.Data, &data); err != nil {
		t.Fatalf("decoding %s: %v", res.Data, err)
	}
	if raw, ok := data[field]; ok && string(raw) != "null" {
		if err := json.Unmarshal(raw, dst); err != nil {
			t.Fatalf("decoding %s: %v", raw, err)
		}
	}
}

// ordConfirmAgreement confirms the customer agreement through the API; it must succeed.
func ordConfirmAgreement(t *testing.T, e *env, as string, customerID pulid.ID) {
	t.Helper()
	var p struct {
		Agreement *struct {
			ID string `json:"id"`
		} `json:"agreement"`
		UserErrors []userError `json:"userErrors"`
	}
	local := strings.NewReplacer("@", ".", "_", ".").Replace(as)
	res := e.post(as, `mutation($input: ConfirmCustomerAgreementInput!) { confirmCustomerAgreement(input: $input) {
		agreement { id } `+ordUE+` } }`, map[string]any{"input": map[string]any{
		"customerID": customerID, "firstName": "Anna", "lastName": "Nowak",
		"email": "anna." + local + "@example.com", "dateAgreed": time.Now().AddDate(0, 0, -1).Format("2006-01-02"),
	}})
	ordDecode(t, res, "confirmCustomerAgreement", &p)
	if len(res.Errors) > 0 || p.UserErrors == nil || len(p.UserErrors) > 0 || p.Agreement == nil {
		t.Fatalf("confirmCustomerAgreement as %s: errors %+v, userErrors %+v", as, res.Errors, p.UserErrors)
	}
}

// ordReady makes a customer orderable by the user's partner: ALLOWED, agreement confirmed.
func ordReady(t *testing.T, e *env, as string, customerID pulid.ID) {
	t.Helper()
	ordSetVerification(e, customerID, customer.VerificationStatusALLOWED)
	ordConfirmAgreement(t, e, as, customerID)
}

const ordPlaceSelection = `order { id placedBy { email } subscriptions { ` + ordSubFields + ` } }
	customer { id subscriptions(first: 100) { totalCount edges { node { id } } } } ` + ordUE

func ordPlace(e *env, as string, customerID pulid.ID, lines []map[string]any) (ordPlacePayload, *gqlResponse) {
	e.t.Helper()
	var p ordPlacePayload
	res := e.post(as, `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { `+ordPlaceSelection+` } }`,
		map[string]any{"input": map[string]any{"customerID": customerID, "lines": lines}})
	ordDecode(e.t, res, "placeOrder", &p)
	return p, res
}

// ordMustPlace places an order that must succeed and returns its subscriptions in line order.
func ordMustPlace(t *testing.T, e *env, as string, customerID pulid.ID, lines ...map[string]any) []ordSub {
	t.Helper()
	p, res := ordPlace(e, as, customerID, lines)
	if len(res.Errors) > 0 || p.UserErrors == nil || len(p.UserErrors) > 0 || p.Order == nil {
		t.Fatalf("placeOrder as %s: errors %+v, userErrors %+v", as, res.Errors, p.UserErrors)
	}
	return ordMatchLines(t, p.Order.Subscriptions, lines)
}

// ordMatchLines pairs an order's subscriptions with its lines (by offer, quantity and auto-renewal).
func ordMatchLines(t *testing.T, subs []ordSub, lines []map[string]any) []ordSub {
	t.Helper()
	if len(subs) != len(lines) {
		t.Fatalf("order has %d subscriptions, want one per line (%d)", len(subs), len(lines))
	}
	used := make([]bool, len(subs))
	out := make([]ordSub, len(lines))
	for i, l := range lines {
		autoRenew := true
		if v, ok := l["autoRenew"]; ok {
			autoRenew = v.(bool)
		}
		found := false
		for j, s := range subs {
			if !used[j] && s.Offer.ID == fmt.Sprint(l["offerID"]) && s.Quantity == l["quantity"].(int) && s.AutoRenew == autoRenew {
				used[j], out[i], found = true, s, true
				break
			}
		}
		if !found {
			t.Fatalf("no subscription matches line %d %v (autoRenew %v) among %+v", i, l, autoRenew, subs)
		}
	}
	return out
}

// ordMutate runs one of the subscription mutations (updateSubscription, suspendSubscription, …).
func ordMutate(e *env, as, mutation string, input map[string]any) (ordSubPayload, *gqlResponse) {
	e.t.Helper()
	inputType := "SubscriptionStatusInput"
	if mutation == "updateSubscription" {
		inputType = "UpdateSubscriptionInput"
	}
	var p ordSubPayload
	res := e.post(as, fmt.Sprintf(`mutation($input: %s!) { %s(input: $input) { subscription { %s } %s } }`,
		inputType, mutation, ordSubFields, ordUE), map[string]any{"input": input})
	ordDecode(e.t, res, mutation, &p)
	return p, res
}

// ordMustMutate runs a subscription mutation that must succeed.
func ordMustMutate(t *testing.T, e *env, as, mutation string, input map[string]any) ordSub {
	t.Helper()
	p, res := ordMutate(e, as, mutation, input)
	if len(res.Errors) > 0 || p.UserErrors == nil || len(p.UserErrors) > 0 || p.Subscription == nil {
		t.Fatalf("%s %v: errors %+v, userErrors %+v", mutation, input, res.Errors, p.UserErrors)
	}
	return *p.Subscription
}

func ordStatusInput(s ordSub) map[string]any { return map[string]any{"id": s.ID, "version": s.Version} }

func ordQuantityInput(s ordSub, q int) map[string]any {
	return map[string]any{"id": s.ID, "version": s.Version, "quantity": q}
}

func ordAutoRenewInput(s ordSub, on bool) map[string]any {
	return map[string]any{"id": s.ID, "version": s.Version, "autoRenew": on}
}

// ordCustomerSubs reads a customer's subscriptions as the user sees them (nil when the customer is
// not visible).
func ordCustomerSubs(e *env, as string, customerID pulid.ID, first int, after string) *ordSubConn {
	e.t.Helper()
	vars := map[string]any{"id": customerID, "first": first}
	if after != "" {
		vars["after"] = after
	}
	var data struct {
		Node *struct {
			ID            string     `json:"id"`
			Subscriptions ordSubConn `json:"subscriptions"`
		} `json:"node"`
	}
	res := e.post(as, `query($id: ID!, $first: Int, $after: Cursor) { node(id: $id) { ... on Customer { id
		subscriptions(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
			edges { cursor node { `+ordSubFields+` } } } } } }`, vars)
	ordDecode(e.t, res, "node", &data.Node)
	if data.Node == nil {
		// Not the user's customer: null (with a NOT_FOUND error), nothing else.
		if codes := res.errorCodes(); len(codes) > 1 || (len(codes) == 1 && codes[0] != "NOT_FOUND") {
			e.t.Errorf("node(customer %s) as %s: errors %+v", customerID, as, res.Errors)
		}
		return nil
	}
	if len(res.Errors) > 0 {
		e.t.Errorf("node(customer %s) as %s: errors %+v", customerID, as, res.Errors)
	}
	return &data.Node.Subscriptions
}

func ordConnSummary(c *ordSubConn) string {
	if c == nil {
		return "null"
	}
	return fmt.Sprintf("totalCount %d, ids %q", c.TotalCount, c.ids())
}

func ordCustomerSummary(c *struct {
	ID            string     `json:"id"`
	Subscriptions ordSubConn `json:"subscriptions"`
}) string {
	if c == nil {
		return "null"
	}
	return c.ID + ": " + ordConnSummary(&c.Subscriptions)
}

// ordDB is the stored subscription.
func ordDB(e *env, id string) *ent.Subscription {
	e.t.Helper()
	return e.client.Subscription.GetX(sys, pulid.ID(id))
}

// ordSame reports how a stored subscription differs from what it was (quantity, auto-renewal, status,
// term end, renewals, version); "" when it did not change.
func ordSame(before, after *ent.Subscription) string {
	var d []string
	if before.Quantity != after.Quantity {
		d = append(d, fmt.Sprintf("quantity %d→%d", before.Quantity, after.Quantity))
	}
	if before.AutoRenew != after.AutoRenew {
		d = append(d, fmt.Sprintf("autoRenew %v→%v", before.AutoRenew, after.AutoRenew))
	}
	if before.Status != after.Status {
		d = append(d, fmt.Sprintf("status %s→%s", before.Status, after.Status))
	}
	if !before.TermEnd.Equal(after.TermEnd) {
		d = append(d, fmt.Sprintf("termEnd %s→%s", before.TermEnd, after.TermEnd))
	}
	if before.Renewals != after.Renewals {
		d = append(d, fmt.Sprintf("renewals %d→%d", before.Renewals, after.Renewals))
	}
	if before.Version != after.Version {
		d = append(d, fmt.Sprintf("version %d→%d", before.Version, after.Version))
	}
	return strings.Join(d, ", ")
}

func ordErr(code string, field ...string) userError { return userError{Field: field, Code: code} }

// ordWantErrs checks that got is exactly the wanted errors (field path and code, any order), each with
// a message.
func ordWantErrs(t *testing.T, what string, got []userError, want ...userError) {
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

// ordWantCode checks that got is exactly one error of the code, on no field or on a field the
// mutation's input has (inputFields).
func ordWantCode(t *testing.T, what string, got []userError, code string, inputFields ...string) {
	t.Helper()
	if len(got) != 1 || got[0].Code != code || got[0].Message == "" {
		t.Errorf("%s: userErrors = %+v, want one %s", what, got, code)
		return
	}
	if f := got[0].Field; f != nil && (len(f) != 2 || f[0] != "input" || !slices.Contains(inputFields, f[1])) {
		t.Errorf("%s: %s error names field %q, which the input does not have (its fields: %q)", what, code, f, inputFields)
	}
}

// ordWantTopLevel checks that the response failed with exactly one top-level error of the code.
func ordWantTopLevel(t *testing.T, what string, res *gqlResponse, code string) {
	t.Helper()
	if codes := res.errorCodes(); len(codes) != 1 || codes[0] != code {
		t.Errorf("%s: top-level error codes = %v (data %s), want [%s]", what, codes, res.Data, code)
	}
}

// ordCounts counts what a placeOrder may leave behind.
type ordCounts struct {
	orders, subs         int // of the customer (all partners)
	activity             int // the partner's records, any operation
	failed, failedByCode int // the partner's failed placeOrder records (with the code)
}

func ordCount(e *env, p *ent.Partner, customerID pulid.ID, code string) ordCounts {
	e.t.Helper()
	failed := e.client.Activity.Query().Where(activity.PartnerID(p.ID), activity.Operation("placeOrder"), activity.Succeeded(false))
	return ordCounts{
		orders:       e.client.Order.Query().Where(order.CustomerID(customerID)).CountX(sys),
		subs:         e.client.Subscription.Query().Where(subscription.CustomerID(customerID)).CountX(sys),
		activity:     e.client.Activity.Query().Where(activity.PartnerID(p.ID)).CountX(sys),
		failed:       failed.Clone().CountX(sys),
		failedByCode: failed.Clone().Where(activity.ErrorCode(code)).CountX(sys),
	}
}

// ordRefused checks that a refused placeOrder left no order and no subscription, and exactly one
// failed activity record with the code.
func ordRefused(t *testing.T, e *env, what string, p *ent.Partner, customerID pulid.ID, code string, before ordCounts) {
	t.Helper()
	after := ordCount(e, p, customerID, code)
	if after.orders != before.orders || after.subs != before.subs {
		t.Errorf("%s: orders %d→%d, subscriptions %d→%d; want no change", what, before.orders, after.orders, before.subs, after.subs)
	}
	if after.activity != before.activity+1 || after.failed != before.failed+1 || after.failedByCode != before.failedByCode+1 {
		t.Errorf("%s: activity records %d→%d, failed placeOrder records %d→%d (with code %s %d→%d); want one more failed record with the code",
			what, before.activity, after.activity, before.failed, after.failed, code, before.failedByCode, after.failedByCode)
	}
}

// ordWithin checks that got is the offer term after a moment between from and to.
func ordWithin(t *testing.T, what string, got time.Time, months int, from, to time.Time) {
	t.Helper()
	lo, hi := from.UTC().AddDate(0, months, 0).Add(-time.Second), to.UTC().AddDate(0, months, 0).Add(time.Second)
	if got.Before(lo) || got.After(hi) {
		t.Errorf("%s: termEnd %s, want now + %d months (%s … %s)", what, got.UTC(), months, lo, hi)
	}
}

// ordSetTermEnd moves a subscription's term end directly in the database.
func ordSetTermEnd(t *testing.T, e *env, id string, at time.Time) {
	t.Helper()
	res, err := e.db.SQL.Exec("UPDATE subscriptions SET term_end = ? WHERE id = ?", at.UTC(), id)
	if err != nil {
		t.Fatalf("setting term_end of %s: %v", id, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("setting term_end of %s: %d rows", id, n)
	}
	if got := ordDB(e, id).TermEnd; !got.Equal(at) {
		t.Fatalf("term_end of %s reads back as %s, set %s", id, got, at)
	}
}

// ordPast is a due term end: days in the past, to the second.
func ordPast(days int) time.Time {
	return time.Now().UTC().Add(-time.Duration(days) * 24 * time.Hour).Truncate(time.Second)
}

// ordRel is the user's partner's relationship with the customer, read through the API.
type ordRel struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	Status  string `json:"status"`
	Partner struct {
		ID string `json:"id"`
	} `json:"partner"`
}

func ordRelationship(t *testing.T, e *env, as string, customerID pulid.ID, p *ent.Partner) ordRel {
	t.Helper()
	var data struct {
		Node *struct {
			Relationships []ordRel `json:"relationships"`
		} `json:"node"`
	}
	e.query(as, `query($id: ID!) { node(id: $id) { ... on Customer { relationships { id version status partner { id } } } } }`,
		map[string]any{"id": customerID}, &data)
	if data.Node == nil {
		t.Fatalf("%s does not see customer %s", as, customerID)
	}
	for _, r := range data.Node.Relationships {
		if r.Partner.ID == string(p.ID) && r.Status == "ACTIVE" {
			return r
		}
	}
	t.Fatalf("%s: no ACTIVE relationship of %s with %s in %+v", as, p.Name, customerID, data.Node.Relationships)
	return ordRel{}
}

// ordHookDriver runs before once, just before the first UPDATE of the subscriptions table.
type ordHookDriver struct {
	dialect.Driver
	once   sync.Once
	before func()
	fired  bool
}

func (d *ordHookDriver) Exec(ctx context.Context, query string, args, v any) error {
	if strings.HasPrefix(strings.TrimSpace(query), "UPDATE") && strings.Contains(query, "subscriptions") {
		d.once.Do(func() { d.fired = true; d.before() })
	}
	return d.Driver.Exec(ctx, query, args, v)
}

// --- 1. Offers --------------------------------------------------------------------------------------

func TestOrdersOffers(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := ordSetup(t, e)
		offers := func(catalog, search any) []ordOffer {
			t.Helper()
			var data struct {
				Offers []ordOffer `json:"offers"`
			}
			e.query(w.f.AdminA, `query($c: OfferCatalog, $s: String) { offers(catalog: $c, search: $s) { `+ordOfferFields+` } }`,
				map[string]any{"c": catalog, "s": search}, &data)
			return data.Offers
		}
		names := func(os []ordOffer) []string {
			out := []string{}
			for _, o := range os {
				out = append(out, o.Name)
			}
			return out
		}
		// The expected order: catalogs as the OfferCatalog enum (and domain.md §8) lists them, names
		// ignoring case within a catalog.
		catalogs := []offer.Catalog{offer.CatalogAZURE, offer.CatalogMARKETPLACE, offer.CatalogSOFTWARE, offer.CatalogONLINE_SERVICES}
		inCatalog := func(c offer.Catalog) []string {
			out := []string{}
			for _, o := range seed.Catalog {
				if o.Catalog == c {
					out = append(out, o.Name)
				}
			}
			sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
			return out
		}
		var want []string
		for _, c := range catalogs {
			want = append(want, inCatalog(c)...)
		}

		all := offers(nil, nil)
		if len(all) != len(seed.Catalog) {
			t.Errorf("offers: %d, want the %d of the catalog", len(all), len(seed.Catalog))
		}
		bySKU := map[string]seed.CatalogOffer{}
		for _, o := range seed.Catalog {
			bySKU[o.SKU] = o
		}
		for _, o := range all {
			c, ok := bySKU[o.SKU]
			if !ok || o.Name != c.Name || o.Catalog != string(c.Catalog) || o.Publisher != c.Publisher ||
				o.TermMonths != c.TermMonths || o.BillingFrequency != string(c.Billing) || !o.Active ||
				o.MinQuantity != 1 || o.MaxQuantity != 10000 || o.ID != string(w.offer(c.Name).ID) {
				t.Errorf("offer %+v does not match the catalog's %+v", o, c)
			}
		}
		// Grouped by catalog, each catalog once, in the enum's order.
		var groups []string
		for _, o := range all {
			if len(groups) == 0 || groups[len(groups)-1] != o.Catalog {
				groups = append(groups, o.Catalog)
			}
		}
		wantGroups := []string{"AZURE", "MARKETPLACE", "SOFTWARE", "ONLINE_SERVICES"}
		if !slices.Equal(groups, wantGroups) {
			t.Errorf("offers: catalogs in the order %q, want %q (the OfferCatalog enum's order)", groups, wantGroups)
		}
		for _, c := range catalogs {
			var got []string
			for _, o := range all {
				if o.Catalog == string(c) {
					got = append(got, o.Name)
				}
			}
			if want := inCatalog(c); !slices.Equal(got, want) {
				t.Errorf("offers of %s by name:\n got %q\nwant %q", c, got, want)
			}
		}
		if got := slices.Sorted(slices.Values(names(all))); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
			t.Errorf("offers: %q, want the catalog's %q", got, want)
		}

		// Filtered by catalog.
		azure := offers("AZURE", nil)
		got := names(azure)
		wantAzure := inCatalog(offer.CatalogAZURE)
		if len(wantAzure) != 4 {
			t.Fatalf("the catalog has %d Azure offers, the test expects 4", len(wantAzure))
		}
		if s := slices.Sorted(slices.Values(got)); !slices.Equal(s, slices.Sorted(slices.Values(wantAzure))) {
			t.Errorf("offers(catalog: AZURE) = %q, want %q", got, wantAzure)
		} else if !slices.Equal(got, wantAzure) {
			t.Errorf("offers(catalog: AZURE) in the order %q, want %q", got, wantAzure)
		}
		for _, o := range azure {
			if o.Catalog != "AZURE" {
				t.Errorf("offers(catalog: AZURE) has %s offer %q", o.Catalog, o.Name)
			}
		}
		if got := names(offers("MARKETPLACE", nil)); len(got) != 4 || !slices.Contains(got, "Zoom Workplace Business") || slices.Contains(got, "Azure plan") {
			t.Errorf("offers(catalog: MARKETPLACE) = %q", got)
		}

		// Searched: every word of the search starts a word of the name.
		for _, c := range []struct {
			catalog any
			search  string
			want    []string
		}{
			{nil, "business prem", []string{"Microsoft 365 Business Premium"}},
			{nil, "BUSINESS PREMIUM", []string{"Microsoft 365 Business Premium"}},
			{nil, "prem business", []string{"Microsoft 365 Business Premium"}},
			{nil, "usiness premium", []string{}},
			{nil, "business zoom", []string{"Zoom Workplace Business"}},
			{"ONLINE_SERVICES", "basic", []string{"Microsoft 365 Business Basic", "Microsoft 365 Business Basic (monthly term)"}},
			{"AZURE", "business", []string{}},
			{"MARKETPLACE", "business", []string{"Zoom Workplace Business"}},
		} {
			if got := names(offers(c.catalog, c.search)); !slices.Equal(got, c.want) {
				t.Errorf("offers(catalog: %v, search: %q) = %q, want %q", c.catalog, c.search, got, c.want)
			}
		}

		// Offers that cannot be ordered now are not listed.
		e.client.Offer.UpdateOne(w.offer("Azure plan")).SetActive(false).ExecX(sys)
		if got := names(offers("AZURE", nil)); len(got) != 3 || slices.Contains(got, "Azure plan") {
			t.Errorf("offers(catalog: AZURE) after deactivating Azure plan = %q", got)
		}
		if got := names(offers(nil, "azure plan")); !slices.Equal(got, []string{"Azure savings plan for compute, 1 year"}) {
			t.Errorf("offers(search: azure plan) after deactivating Azure plan = %q, want only the savings plan", got)
		}
	})
}

// --- 2. placeOrder and its gates -----------------------------------------------------------------

func TestOrdersPlaceOrder(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := ordSetup(t, e)
		f := w.f
		c := f.C["Contoso Pharmaceuticals"] // A's only
		premium := w.offer("Microsoft 365 Business Premium")
		basicMonthly := w.offer("Microsoft 365 Business Basic (monthly term)")
		e5 := w.offer("Microsoft 365 E5")
		if premium.TermMonths != 12 || basicMonthly.TermMonths != 1 || e5.TermMonths != 36 {
			t.Fatalf("catalog terms changed: %d %d %d", premium.TermMonths, basicMonthly.TermMonths, e5.TermMonths)
		}
		lines := []map[string]any{ordLine(premium.ID, 5), ordLine(basicMonthly.ID, 1, false), ordLine(e5.ID, 3, true)}

		refused := func(what, as string, in []map[string]any, code string, want ...userError) {
			t.Helper()
			before := ordCount(e, f.A, c.ID, code)
			p, res := ordPlace(e, as, c.ID, in)
			if len(res.Errors) > 0 || p.Order != nil || p.Customer != nil {
				t.Errorf("%s: errors %+v, order returned %v, customer returned %v; want only userErrors", what, res.Errors, p.Order != nil, p.Customer != nil)
			}
			ordWantErrs(t, what, p.UserErrors, want...)
			ordRefused(t, e, what, f.A, c.ID, code, before)
		}

		if s := e.client.Customer.GetX(sys, c.ID).VerificationStatus; s != customer.VerificationStatusUNDER_REVIEW {
			t.Fatalf("a new customer is %s, want UNDER_REVIEW", s)
		}
		refused("UNDER_REVIEW customer", f.AdminA, lines, "NOT_VERIFIED", ordErr("NOT_VERIFIED", "input", "customerID"))

		ordSetVerification(e, c.ID, customer.VerificationStatusALLOWED)
		refused("ALLOWED customer without an agreement", f.AdminA, lines, "AGREEMENT_REQUIRED",
			ordErr("AGREEMENT_REQUIRED", "input", "customerID"))

		ordConfirmAgreement(t, e, f.AdminA, c.ID)
		ordSetVerification(e, c.ID, customer.VerificationStatusNOT_ALLOWED)
		refused("NOT_ALLOWED customer with an agreement", f.AdminA, lines, "NOT_VERIFIED", ordErr("NOT_VERIFIED", "input", "customerID"))
		ordSetVerification(e, c.ID, customer.VerificationStatusALLOWED)

		// The lines: every problem at once.
		unknown := pulid.MustNew("ofr")
		refused("unknown offer and quantity 0", f.AdminA,
			[]map[string]any{ordLine(unknown, 1), ordLine(premium.ID, 0), ordLine(e5.ID, 2)}, "NOT_FOUND",
			ordErr("NOT_FOUND", "input", "lines", "0", "offerID"), ordErr("INVALID", "input", "lines", "1", "quantity"))
		refused("unknown offer and quantity above the maximum", f.AdminA,
			[]map[string]any{ordLine(pulid.ID(c.ID), 1), ordLine(premium.ID, premium.MaxQuantity+1)}, "NOT_FOUND",
			ordErr("NOT_FOUND", "input", "lines", "0", "offerID"), ordErr("INVALID", "input", "lines", "1", "quantity"))
		refused("quantity above the maximum", f.AdminA,
			[]map[string]any{ordLine(premium.ID, premium.MaxQuantity), ordLine(e5.ID, e5.MaxQuantity+1)}, "INVALID",
			ordErr("INVALID", "input", "lines", "1", "quantity"))
		refused("negative quantity", f.AdminA,
			[]map[string]any{ordLine(premium.ID, 1), ordLine(e5.ID, -3)}, "INVALID",
			ordErr("INVALID", "input", "lines", "1", "quantity"))
		refused("no lines", f.AdminA, []map[string]any{}, "REQUIRED", ordErr("REQUIRED", "input", "lines"))
		many := make([]map[string]any, rule.MaxOrderLines+1)
		for i := range many {
			many[i] = ordLine(premium.ID, 1)
		}
		refused("too many lines", f.AdminA, many, "LIMIT_EXCEEDED", ordErr("LIMIT_EXCEEDED", "input", "lines"))
		inactive := w.offer("Windows 11 Pro upgrade")
		e.client.Offer.UpdateOne(inactive).SetActive(false).ExecX(sys)
		refused("an offer that cannot be ordered now", f.AdminA,
			[]map[string]any{ordLine(premium.ID, 1), ordLine(inactive.ID, 1)}, "NOT_FOUND",
			ordErr("NOT_FOUND", "input", "lines", "1", "offerID"))

		// Roles: HELPDESK_AGENT may see customers but not order.
		helpdesk := "helpdesk@alpha.test"
		e.client.User.Create().SetPartnerID(f.A.ID).SetEmail(helpdesk).SetName("Helpdesk").SetRoles([]enum.Role{enum.HelpdeskAgent}).ExecX(sys)
		before := ordCount(e, f.A, c.ID, "FORBIDDEN")
		_, res := ordPlace(e, helpdesk, c.ID, lines)
		ordWantTopLevel(t, "HELPDESK_AGENT ordering", res, "FORBIDDEN")
		ordRefused(t, e, "HELPDESK_AGENT ordering", f.A, c.ID, "FORBIDDEN", before)

		// Another partner's customer, orderable by its own partner: not found for A.
		betaOnly := f.C["Beta Only Łódź Logistics"]
		ordReady(t, e, f.AdminB, betaOnly.ID)
		before = ordCount(e, f.A, betaOnly.ID, "NOT_FOUND")
		bActivity := e.client.Activity.Query().Where(activity.PartnerID(f.B.ID)).CountX(sys)
		p, res := ordPlace(e, f.AdminA, betaOnly.ID, lines)
		if len(res.Errors) > 0 || p.Order != nil {
			t.Errorf("A ordering for B's customer: errors %+v, order returned %v", res.Errors, p.Order != nil)
		}
		ordWantErrs(t, "A ordering for B's customer", p.UserErrors, ordErr("NOT_FOUND", "input", "customerID"))
		ordRefused(t, e, "A ordering for B's customer", f.A, betaOnly.ID, "NOT_FOUND", before)
		if n := e.client.Activity.Query().Where(activity.PartnerID(f.B.ID)).CountX(sys); n != bActivity {
			t.Errorf("A's attempt on B's customer wrote %d records in B's activity log", n-bActivity)
		}
		if n := e.client.Activity.Query().Where(activity.PartnerID(f.A.ID), activity.CustomerID(betaOnly.ID)).CountX(sys); n != 0 {
			t.Errorf("A's activity log names B's customer %d times", n)
		}

		// The order succeeds once the customer is ALLOWED and its agreement confirmed.
		before = ordCount(e, f.A, c.ID, "")
		succeeded := e.client.Activity.Query().Where(activity.PartnerID(f.A.ID), activity.Operation("placeOrder"), activity.Succeeded(true)).CountX(sys)
		from := time.Now()
		p, res = ordPlace(e, f.AdminA, c.ID, lines)
		to := time.Now()
		if len(res.Errors) > 0 || p.UserErrors == nil || len(p.UserErrors) > 0 || p.Order == nil {
			t.Fatalf("placing the order: errors %+v, userErrors %+v", res.Errors, p.UserErrors)
		}
		if p.Order.PlacedBy == nil || p.Order.PlacedBy.Email != f.AdminA {
			t.Errorf("order placedBy %+v, want %s", p.Order.PlacedBy, f.AdminA)
		}
		subs := ordMatchLines(t, p.Order.Subscriptions, lines)
		wantAutoRenew := []bool{true, false, true}
		wantTerm := []int{12, 1, 36}
		for i, s := range subs {
			what := fmt.Sprintf("line %d (%s)", i, s.Offer.Name)
			if s.Status != "ACTIVE" || s.AutoRenew != wantAutoRenew[i] || s.Renewals != 0 || s.Version != 1 ||
				s.Customer.ID != string(c.ID) || s.Order == nil || s.Order.ID != p.Order.ID || s.Offer.TermMonths != wantTerm[i] {
				t.Errorf("%s: %+v; want ACTIVE, autoRenew %v, 0 renewals, version 1, of the customer and the order",
					what, s, wantAutoRenew[i])
			}
			ordWithin(t, what, s.TermEnd, wantTerm[i], from, to)
			db := ordDB(e, s.ID)
			if db.PartnerID != f.A.ID || db.CustomerID != c.ID || db.Quantity != s.Quantity || !db.TermEnd.Equal(s.TermEnd) ||
				db.AutoRenew != s.AutoRenew || db.Status != subscription.StatusACTIVE {
				t.Errorf("%s: stored %+v differs from %+v", what, db, s)
			}
		}
		after := ordCount(e, f.A, c.ID, "")
		if after.orders != before.orders+1 || after.subs != before.subs+3 {
			t.Errorf("after the order: orders %d→%d, subscriptions %d→%d; want +1, +3", before.orders, after.orders, before.subs, after.subs)
		}
		if after.activity != before.activity+1 || after.failed != before.failed {
			t.Errorf("after the order: activity records %d→%d (failed %d→%d); want exactly one new record",
				before.activity, after.activity, before.failed, after.failed)
		}
		okRecs := e.client.Activity.Query().Where(activity.PartnerID(f.A.ID), activity.Operation("placeOrder"), activity.Succeeded(true))
		if n := okRecs.Clone().CountX(sys); n != succeeded+1 {
			t.Errorf("placeOrder success records: %d, want %d", n, succeeded+1)
		} else if r, err := okRecs.Clone().Where(activity.ResourceID(p.Order.ID)).Only(sys); err != nil {
			t.Errorf("the placeOrder record of order %s: %v", p.Order.ID, err)
		} else {
			if r.CustomerID == nil || *r.CustomerID != c.ID || r.ResourceType != activity.ResourceTypeORDER || r.ResourceID != p.Order.ID ||
				r.UserID == nil || r.OccurredAt.Before(from.Add(-time.Second)) {
				t.Errorf("placeOrder record: %+v; want the customer, resource ORDER %s, a user", r, p.Order.ID)
			}
		}

		// The payload's customer, and the customer read again, list the new subscriptions.
		wantIDs := []string{subs[0].ID, subs[1].ID, subs[2].ID}
		slices.Sort(wantIDs)
		if p.Customer == nil || p.Customer.ID != string(c.ID) || p.Customer.Subscriptions.TotalCount != 3 {
			t.Errorf("payload customer: %v, want the customer with 3 subscriptions", ordCustomerSummary(p.Customer))
		} else if got := slices.Sorted(slices.Values(p.Customer.Subscriptions.ids())); !slices.Equal(got, wantIDs) {
			t.Errorf("payload customer's subscriptions %q, want %q", got, wantIDs)
		}
		conn := ordCustomerSubs(e, f.AdminA, c.ID, 100, "")
		if conn == nil || conn.TotalCount != 3 || len(conn.Edges) != 3 {
			t.Fatalf("customer.subscriptions: %+v, want the 3", ordConnSummary(conn))
		}
		if got := slices.Sorted(slices.Values(conn.ids())); !slices.Equal(got, wantIDs) {
			t.Errorf("customer.subscriptions %q, want %q", got, wantIDs)
		}
		for _, ed := range conn.Edges {
			for _, s := range subs {
				if s.ID == ed.Node.ID && (s.Quantity != ed.Node.Quantity || s.Status != ed.Node.Status || s.AutoRenew != ed.Node.AutoRenew) {
					t.Errorf("customer.subscriptions %+v differs from the order's %+v", ed.Node, s)
				}
			}
		}
		// Paged: two, then the rest.
		page1 := ordCustomerSubs(e, f.AdminA, c.ID, 2, "")
		if page1 == nil || len(page1.Edges) != 2 || !page1.PageInfo.HasNextPage || page1.TotalCount != 3 {
			t.Fatalf("customer.subscriptions(first: 2): %s, hasNextPage %v", ordConnSummary(page1), page1 != nil && page1.PageInfo.HasNextPage)
		}
		page2 := ordCustomerSubs(e, f.AdminA, c.ID, 2, page1.PageInfo.EndCursor)
		if page2 == nil || len(page2.Edges) != 1 || page2.PageInfo.HasNextPage || page2.TotalCount != 3 {
			t.Fatalf("customer.subscriptions(first: 2, after: …): %s, hasNextPage %v", ordConnSummary(page2), page2 != nil && page2.PageInfo.HasNextPage)
		}
		if got := slices.Sorted(slices.Values(append(page1.ids(), page2.ids()...))); !slices.Equal(got, wantIDs) {
			t.Errorf("pages %q + %q, want %q", page1.ids(), page2.ids(), wantIDs)
		}

		// A SALES_AGENT may order too; the order names who placed it.
		sales := "sales@alpha.test"
		e.client.User.Create().SetPartnerID(f.A.ID).SetEmail(sales).SetName("Sales").SetRoles([]enum.Role{enum.SalesAgent}).ExecX(sys)
		p, res = ordPlace(e, sales, c.ID, []map[string]any{ordLine(premium.ID, 2)})
		if len(res.Errors) > 0 || len(p.UserErrors) > 0 || p.Order == nil || len(p.Order.Subscriptions) != 1 {
			t.Fatalf("SALES_AGENT ordering: errors %+v, payload %+v", res.Errors, p)
		}
		if p.Order.PlacedBy == nil || p.Order.PlacedBy.Email != sales {
			t.Errorf("SALES_AGENT's order placedBy %+v", p.Order.PlacedBy)
		}
		if n := e.client.Subscription.Query().Where(subscription.CustomerID(c.ID)).CountX(sys); n != 4 {
			t.Errorf("after the SALES_AGENT's order: %d subscriptions, want 4", n)
		}
	})
}

// --- 3. Subscription changes ------------------------------------------------------------------------

func TestOrdersSubscriptionChanges(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := ordSetup(t, e)
		f := w.f
		c := f.C["Contoso Pharmaceuticals"]
		premium := w.offer("Microsoft 365 Business Premium")
		ordReady(t, e, f.AdminA, c.ID)
		subs := ordMustPlace(t, e, f.AdminA, c.ID, ordLine(premium.ID, 5), ordLine(premium.ID, 10), ordLine(premium.ID, 20))
		s := subs[0]

		// refusedChange checks a change that must be refused with the code and change nothing.
		refusedChange := func(what, mutation string, in map[string]any, code string, fields ...string) {
			t.Helper()
			before := ordDB(e, fmt.Sprint(in["id"]))
			p, res := ordMutate(e, f.AdminA, mutation, in)
			if len(res.Errors) > 0 || p.Subscription != nil {
				t.Errorf("%s: errors %+v, subscription %+v; want only a userError", what, res.Errors, p.Subscription)
			}
			ordWantCode(t, what, p.UserErrors, code, fields...)
			if d := ordSame(before, ordDB(e, string(before.ID))); d != "" {
				t.Errorf("%s: the subscription changed: %s", what, d)
			}
		}
		updateFields := []string{"id", "version", "quantity", "autoRenew"}
		statusFields := []string{"id", "version"}

		got := ordMustMutate(t, e, f.AdminA, "updateSubscription", ordQuantityInput(s, 7))
		if got.Quantity != 7 || got.Version != s.Version+1 || got.Status != "ACTIVE" || got.AutoRenew != s.AutoRenew || !got.TermEnd.Equal(s.TermEnd) {
			t.Errorf("quantity 5→7: %+v (was %+v)", got, s)
		}
		if db := ordDB(e, s.ID); db.Quantity != 7 || db.Version != s.Version+1 {
			t.Errorf("quantity 5→7: stored quantity %d version %d", db.Quantity, db.Version)
		}
		stale := s
		s = got

		p, res := ordMutate(e, f.AdminA, "updateSubscription", ordQuantityInput(stale, 9))
		if len(res.Errors) > 0 || p.Subscription != nil {
			t.Errorf("stale version: errors %+v, subscription %+v", res.Errors, p.Subscription)
		}
		ordWantErrs(t, "stale version", p.UserErrors, ordErr("CONFLICT", "input", "version"))
		if db := ordDB(e, s.ID); db.Quantity != 7 || db.Version != s.Version {
			t.Errorf("stale version: stored quantity %d version %d, want 7, %d", db.Quantity, db.Version, s.Version)
		}
		refusedChange("stale suspend", "suspendSubscription", ordStatusInput(stale), "CONFLICT", statusFields...)
		refusedChange("quantity 0", "updateSubscription", ordQuantityInput(s, 0), "INVALID", updateFields...)
		refusedChange("quantity above the maximum", "updateSubscription", ordQuantityInput(s, premium.MaxQuantity+1), "INVALID", updateFields...)

		got = ordMustMutate(t, e, f.AdminA, "suspendSubscription", ordStatusInput(s))
		if got.Status != "SUSPENDED" || got.Version != s.Version+1 || got.Quantity != 7 {
			t.Errorf("suspend: %+v", got)
		}
		if db := ordDB(e, s.ID); db.Status != subscription.StatusSUSPENDED {
			t.Errorf("suspend: stored status %s", db.Status)
		}
		s = got
		refusedChange("quantity change while SUSPENDED", "updateSubscription", ordQuantityInput(s, 8), "INVALID", updateFields...)
		refusedChange("suspending a SUSPENDED subscription", "suspendSubscription", ordStatusInput(s), "INVALID", statusFields...)

		got = ordMustMutate(t, e, f.AdminA, "reactivateSubscription", ordStatusInput(s))
		if got.Status != "ACTIVE" || got.Version != s.Version+1 {
			t.Errorf("reactivate: %+v", got)
		}
		s = got
		refusedChange("reactivating an ACTIVE subscription", "reactivateSubscription", ordStatusInput(s), "INVALID", statusFields...)

		got = ordMustMutate(t, e, f.AdminA, "updateSubscription", ordAutoRenewInput(s, false))
		if got.AutoRenew || got.Version != s.Version+1 || got.Quantity != 7 || got.Status != "ACTIVE" {
			t.Errorf("autoRenew off: %+v", got)
		}
		if db := ordDB(e, s.ID); db.AutoRenew {
			t.Errorf("autoRenew off: stored on")
		}
		s = got

		got = ordMustMutate(t, e, f.AdminA, "cancelSubscription", ordStatusInput(s))
		if got.Status != "CANCELLED" || got.Version != s.Version+1 {
			t.Errorf("cancel: %+v", got)
		}
		if db := ordDB(e, s.ID); db.Status != subscription.StatusCANCELLED {
			t.Errorf("cancel: stored status %s", db.Status)
		}
		s = got
		refusedChange("quantity change after cancel", "updateSubscription", ordQuantityInput(s, 3), "INVALID", updateFields...)
		refusedChange("autoRenew after cancel", "updateSubscription", ordAutoRenewInput(s, true), "INVALID", updateFields...)
		refusedChange("suspend after cancel", "suspendSubscription", ordStatusInput(s), "INVALID", statusFields...)
		refusedChange("reactivate after cancel", "reactivateSubscription", ordStatusInput(s), "INVALID", statusFields...)
		refusedChange("cancel after cancel", "cancelSubscription", ordStatusInput(s), "INVALID", statusFields...)

		// Each change is one activity record named after its operation.
		for op, want := range map[string]int{"updateSubscription": 2, "suspendSubscription": 1, "reactivateSubscription": 1, "cancelSubscription": 1} {
			recs := e.client.Activity.Query().Where(activity.PartnerID(f.A.ID), activity.Operation(op), activity.Succeeded(true)).AllX(sys)
			if len(recs) != want {
				t.Errorf("%s: %d success records, want %d", op, len(recs), want)
			}
			for _, r := range recs {
				if r.ResourceType != activity.ResourceTypeSUBSCRIPTION || r.ResourceID != s.ID || r.CustomerID == nil || *r.CustomerID != c.ID {
					t.Errorf("%s record %+v: want SUBSCRIPTION %s of the customer", op, r, s.ID)
				}
			}
		}

		// While the customer is not ALLOWED: quantity changes and cancellations are blocked; suspending,
		// reactivating and auto-renewal are not (domain.md §7).
		s2 := subs[1]
		for _, status := range []customer.VerificationStatus{customer.VerificationStatusNOT_ALLOWED, customer.VerificationStatusUNDER_REVIEW} {
			ordSetVerification(e, c.ID, status)
			s2 = ordSubOf(t, e, f.AdminA, s2.ID)
			refusedChange(string(status)+": quantity change", "updateSubscription", ordQuantityInput(s2, s2.Quantity+1), "NOT_VERIFIED", updateFields...)
			refusedChange(string(status)+": quantity and autoRenew together", "updateSubscription",
				map[string]any{"id": s2.ID, "version": s2.Version, "quantity": s2.Quantity + 1, "autoRenew": !s2.AutoRenew}, "NOT_VERIFIED", updateFields...)
			refusedChange(string(status)+": cancel", "cancelSubscription", ordStatusInput(s2), "NOT_VERIFIED", statusFields...)

			got := ordMustMutate(t, e, f.AdminA, "suspendSubscription", ordStatusInput(s2))
			if got.Status != "SUSPENDED" || got.Version != s2.Version+1 {
				t.Errorf("%s: suspend: %+v", status, got)
			}
			refusedChange(string(status)+": cancel while SUSPENDED", "cancelSubscription", ordStatusInput(got), "NOT_VERIFIED", statusFields...)
			s2 = got
			got = ordMustMutate(t, e, f.AdminA, "reactivateSubscription", ordStatusInput(s2))
			if got.Status != "ACTIVE" || got.Version != s2.Version+1 {
				t.Errorf("%s: reactivate: %+v", status, got)
			}
			s2 = got
			got = ordMustMutate(t, e, f.AdminA, "updateSubscription", ordAutoRenewInput(s2, !s2.AutoRenew))
			if got.AutoRenew == s2.AutoRenew || got.Version != s2.Version+1 || got.Quantity != s2.Quantity {
				t.Errorf("%s: autoRenew toggle: %+v (was %+v)", status, got, s2)
			}
			s2 = got
			if db := ordDB(e, s2.ID); db.Quantity != 10 || db.Status != subscription.StatusACTIVE || db.AutoRenew != s2.AutoRenew {
				t.Errorf("%s: stored %+v", status, db)
			}
		}

		// ALLOWED again: quantity changes and cancellations work.
		ordSetVerification(e, c.ID, customer.VerificationStatusALLOWED)
		s2 = ordSubOf(t, e, f.AdminA, s2.ID)
		got = ordMustMutate(t, e, f.AdminA, "updateSubscription", ordQuantityInput(s2, 11))
		if got.Quantity != 11 {
			t.Errorf("ALLOWED again: quantity %d, want 11", got.Quantity)
		}
		got = ordMustMutate(t, e, f.AdminA, "cancelSubscription", ordStatusInput(got))
		if got.Status != "CANCELLED" {
			t.Errorf("ALLOWED again: cancel: %+v", got)
		}

		// A HELPDESK_AGENT sees subscriptions but may not change them.
		helpdesk := "helpdesk@alpha.test"
		e.client.User.Create().SetPartnerID(f.A.ID).SetEmail(helpdesk).SetName("Helpdesk").SetRoles([]enum.Role{enum.HelpdeskAgent}).ExecX(sys)
		s3 := ordSubOf(t, e, helpdesk, subs[2].ID)
		before := ordDB(e, s3.ID)
		for _, op := range []struct {
			mutation string
			in       map[string]any
		}{
			{"updateSubscription", ordQuantityInput(s3, 21)},
			{"suspendSubscription", ordStatusInput(s3)},
			{"cancelSubscription", ordStatusInput(s3)},
		} {
			_, res := ordMutate(e, helpdesk, op.mutation, op.in)
			ordWantTopLevel(t, "HELPDESK_AGENT "+op.mutation, res, "FORBIDDEN")
		}
		if d := ordSame(before, ordDB(e, s3.ID)); d != "" {
			t.Errorf("HELPDESK_AGENT changed the subscription: %s", d)
		}
	})
}

// ordSubOf reads one subscription through node(id) as the user; it must be visible.
func ordSubOf(t *testing.T, e *env, as, id string) ordSub {
	t.Helper()
	var data struct {
		Node *ordSub `json:"node"`
	}
	e.query(as, `query($id: ID!) { node(id: $id) { ... on CustomerSubscription { `+ordSubFields+` } } }`, map[string]any{"id": id}, &data)
	if data.Node == nil || data.Node.ID != id {
		t.Fatalf("%s does not see subscription %s", as, id)
	}
	return *data.Node
}

// --- 4. Renewals ------------------------------------------------------------------------------------

func TestOrdersRenewals(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := ordSetup(t, e)
		f := w.f
		c := f.C["Contoso Pharmaceuticals"]
		premium := w.offer("Microsoft 365 Business Premium")              // 12 months
		monthly := w.offer("Microsoft 365 Business Basic (monthly term)") // 1 month
		e5 := w.offer("Microsoft 365 E5")                                 // 36 months
		ordReady(t, e, f.AdminA, c.ID)
		subs := ordMustPlace(t, e, f.AdminA, c.ID,
			ordLine(premium.ID, 5),        // 0: due, auto-renew: renews
			ordLine(monthly.ID, 2, false), // 1: due, no auto-renew: expires
			ordLine(e5.ID, 3),             // 2: due, SUSPENDED: expires
			ordLine(monthly.ID, 4),        // 3: due, auto-renew, monthly: renews by a month
			ordLine(premium.ID, 6),        // 4: not due: untouched
			ordLine(premium.ID, 7),        // 5: due but CANCELLED: untouched
		)
		suspended := ordMustMutate(t, e, f.AdminA, "suspendSubscription", ordStatusInput(subs[2]))
		if suspended.Status != "SUSPENDED" {
			t.Fatalf("suspend: %+v", suspended)
		}
		ordMustMutate(t, e, f.AdminA, "cancelSubscription", ordStatusInput(subs[5]))
		due := map[int]time.Time{0: ordPast(3), 1: ordPast(2), 2: ordPast(5), 3: ordPast(1), 5: ordPast(4)}
		for i, at := range due {
			ordSetTermEnd(t, e, subs[i].ID, at)
		}
		// Renewals go on whatever the customer's verification.
		ordSetVerification(e, c.ID, customer.VerificationStatusNOT_ALLOWED)
		before := map[int]*ent.Subscription{}
		for i, s := range subs {
			before[i] = ordDB(e, s.ID)
		}

		n, err := rule.RenewDue(context.Background(), e.client, 100)
		if err != nil {
			t.Fatalf("RenewDue: %v", err)
		}
		if n != 4 {
			t.Errorf("RenewDue changed %d subscriptions, want 4 (2 renewed, 2 expired)", n)
		}
		after := map[int]*ent.Subscription{}
		for i, s := range subs {
			after[i] = ordDB(e, s.ID)
		}
		for _, r := range []struct {
			i      int
			months int
		}{{0, 12}, {3, 1}} {
			a, b := after[r.i], before[r.i]
			if a.Status != subscription.StatusACTIVE || !a.TermEnd.Equal(due[r.i].AddDate(0, r.months, 0)) || a.Renewals != 1 ||
				a.Version != b.Version+1 || a.Quantity != b.Quantity || !a.AutoRenew {
				t.Errorf("auto-renewing subscription %d: status %s termEnd %s renewals %d version %d; want ACTIVE, %s, 1, %d",
					r.i, a.Status, a.TermEnd, a.Renewals, a.Version, due[r.i].AddDate(0, r.months, 0), b.Version+1)
			}
		}
		for _, i := range []int{1, 2} {
			a, b := after[i], before[i]
			if a.Status != subscription.StatusEXPIRED || !a.TermEnd.Equal(b.TermEnd) || a.Renewals != 0 || a.Version != b.Version+1 {
				t.Errorf("subscription %d (was %s, autoRenew %v): status %s termEnd %s renewals %d version %d; want EXPIRED, term unchanged, version %d",
					i, b.Status, b.AutoRenew, a.Status, a.TermEnd, a.Renewals, a.Version, b.Version+1)
			}
		}
		for _, i := range []int{4, 5} {
			if d := ordSame(before[i], after[i]); d != "" {
				t.Errorf("subscription %d (%s) changed: %s", i, before[i].Status, d)
			}
		}
		if s := e.client.Customer.GetX(sys, c.ID).VerificationStatus; s != customer.VerificationStatusNOT_ALLOWED {
			t.Errorf("the customer became %s", s)
		}
		// The partner sees the outcome.
		got := ordSubOf(t, e, f.AdminA, subs[0].ID)
		if got.Status != "ACTIVE" || got.Renewals != 1 || !got.TermEnd.Equal(due[0].AddDate(0, 12, 0)) {
			t.Errorf("renewed subscription through the API: %+v", got)
		}
		if got := ordSubOf(t, e, f.AdminA, subs[1].ID); got.Status != "EXPIRED" {
			t.Errorf("expired subscription through the API: %+v", got)
		}
		// Expired subscriptions do not change any more.
		ordSetVerification(e, c.ID, customer.VerificationStatusALLOWED)
		exp := ordSubOf(t, e, f.AdminA, subs[2].ID)
		p, _ := ordMutate(e, f.AdminA, "reactivateSubscription", ordStatusInput(exp))
		ordWantCode(t, "reactivating an EXPIRED subscription", p.UserErrors, "INVALID", "id", "version")
		ordSetVerification(e, c.ID, customer.VerificationStatusNOT_ALLOWED)

		if n, err := rule.RenewDue(context.Background(), e.client, 100); err != nil || n != 0 {
			t.Errorf("RenewDue again: %d, %v; want 0, nil", n, err)
		}
		for i, s := range subs {
			if d := ordSame(after[i], ordDB(e, s.ID)); d != "" {
				t.Errorf("subscription %d changed after the first run: %s", i, d)
			}
		}
	})
}

func TestOrdersRenewalsConcurrent(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := ordSetup(t, e)
		f := w.f
		c := f.C["Northwind Traders Ltd"]
		premium := w.offer("Microsoft 365 Business Premium")
		ordReady(t, e, f.AdminA, c.ID)
		const count = 20
		lines := make([]map[string]any, count)
		for i := range lines {
			lines[i] = ordLine(premium.ID, i+1)
		}
		subs := ordMustPlace(t, e, f.AdminA, c.ID, lines...)
		ordSetVerification(e, c.ID, customer.VerificationStatusNOT_ALLOWED)

		for round := 1; round <= 3; round++ {
			due := map[string]time.Time{}
			for i, s := range subs {
				at := ordPast(1 + i%7).Add(-time.Duration(round*100+i) * time.Minute)
				ordSetTermEnd(t, e, s.ID, at)
				due[s.ID] = at
			}
			var (
				wg    sync.WaitGroup
				start = make(chan struct{})
				ns    [2]int
				errs  [2]error
			)
			for g := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					ns[g], errs[g] = rule.RenewDue(context.Background(), e.client, 100)
				}()
			}
			close(start)
			wg.Wait()
			for g, err := range errs {
				if err != nil {
					t.Errorf("round %d: RenewDue %d: %v", round, g, err)
				}
			}
			if ns[0]+ns[1] != count {
				t.Errorf("round %d: the two RenewDue calls changed %d + %d subscriptions, want %d in all", round, ns[0], ns[1], count)
			}
			for _, s := range subs {
				db := ordDB(e, s.ID)
				if want := due[s.ID].AddDate(0, 12, 0); !db.TermEnd.Equal(want) || db.Renewals != round || db.Status != subscription.StatusACTIVE {
					t.Errorf("round %d: subscription %s: termEnd %s renewals %d status %s; want %s, %d, ACTIVE (renewed exactly once)",
						round, s.ID, db.TermEnd, db.Renewals, db.Status, want, round)
				}
			}
			if n, err := rule.RenewDue(context.Background(), e.client, 100); err != nil || n != 0 {
				t.Errorf("round %d: RenewDue right after: %d, %v; want 0, nil", round, n, err)
			}
		}
	})
}

// TestOrdersRenewalRace changes subscriptions between the worker's read of the due ones and its writes:
// a subscription whose auto-renewal was switched off, or that was suspended, in between must not start
// a new term.
func TestOrdersRenewalRace(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := ordSetup(t, e)
		f := w.f
		c := f.C["Contoso Pharmaceuticals"]
		premium := w.offer("Microsoft 365 Business Premium")
		ordReady(t, e, f.AdminA, c.ID)
		subs := ordMustPlace(t, e, f.AdminA, c.ID, ordLine(premium.ID, 1), ordLine(premium.ID, 2), ordLine(premium.ID, 3))
		due := []time.Time{ordPast(3), ordPast(2), ordPast(1)}
		for i, s := range subs {
			ordSetTermEnd(t, e, s.ID, due[i])
		}
		subs[0], subs[1] = ordSubOf(t, e, f.AdminA, subs[0].ID), ordSubOf(t, e, f.AdminA, subs[1].ID)

		drv := &ordHookDriver{Driver: entsql.OpenDB(e.db.Dialect, e.db.SQL), before: func() {
			// The user acts after the worker read the due subscriptions.
			ordMustMutate(t, e, f.AdminA, "updateSubscription", ordAutoRenewInput(subs[0], false))
			ordMustMutate(t, e, f.AdminA, "suspendSubscription", ordStatusInput(subs[1]))
		}}
		worker := ent.NewClient(ent.Driver(drv))
		if _, err := rule.RenewDue(context.Background(), worker, 100); err != nil {
			t.Fatalf("RenewDue: %v", err)
		}
		if !drv.fired {
			t.Fatal("RenewDue wrote nothing: the race was not staged")
		}
		for i, what := range []string{"auto-renewal switched off", "suspended"} {
			db := ordDB(e, subs[i].ID)
			if db.Renewals != 0 || !db.TermEnd.Equal(due[i]) {
				t.Errorf("subscription %s while the worker ran: renewed anyway (renewals %d, termEnd %s → %s, autoRenew %v, status %s)",
					what, db.Renewals, due[i], db.TermEnd, db.AutoRenew, db.Status)
			}
		}
		if db := ordDB(e, subs[2].ID); db.Renewals != 1 || !db.TermEnd.Equal(due[2].AddDate(0, 12, 0)) {
			t.Errorf("the untouched due subscription: renewals %d termEnd %s, want renewed once", db.Renewals, db.TermEnd)
		}
		// The next run sees them as they now are: both expire.
		if _, err := rule.RenewDue(context.Background(), e.client, 100); err != nil {
			t.Fatalf("RenewDue: %v", err)
		}
		for i := range 2 {
			if db := ordDB(e, subs[i].ID); db.Status != subscription.StatusEXPIRED || db.Renewals != 0 {
				t.Errorf("subscription %d after the next run: status %s renewals %d, want EXPIRED, 0", i, db.Status, db.Renewals)
			}
		}
	})
}

// --- 5. Relationship removal ---------------------------------------------------------------------

type ordRemovePayload struct {
	Relationship *ordRel     `json:"relationship"`
	UserErrors   []userError `json:"userErrors"`
}

func TestOrdersRemoveRelationship(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := ordSetup(t, e)
		f := w.f
		c := f.C["Northwind Traders Ltd"] // A's and B's
		premium := w.offer("Microsoft 365 Business Premium")
		ordReady(t, e, f.AdminA, c.ID)
		ordConfirmAgreement(t, e, f.AdminB, c.ID)
		subs := ordMustPlace(t, e, f.AdminA, c.ID, ordLine(premium.ID, 1), ordLine(premium.ID, 2), ordLine(premium.ID, 3))
		bSubs := ordMustPlace(t, e, f.AdminB, c.ID, ordLine(premium.ID, 4))
		suspended := ordMustMutate(t, e, f.AdminA, "suspendSubscription", ordStatusInput(subs[1]))
		// An expired one does not hold the relationship.
		if _, err := e.db.SQL.Exec("UPDATE subscriptions SET status = 'EXPIRED' WHERE id = ?", subs[2].ID); err != nil {
			t.Fatal(err)
		}

		remove := func(as string, rel ordRel) (ordRemovePayload, *gqlResponse) {
			t.Helper()
			var p ordRemovePayload
			res := e.post(as, `mutation($input: RemoveRelationshipInput!) { removeRelationship(input: $input) {
				relationship { id version status partner { id } } `+ordUE+` } }`,
				map[string]any{"input": map[string]any{"id": rel.ID, "version": rel.Version}})
			ordDecode(t, res, "removeRelationship", &p)
			return p, res
		}
		refused := func(what string, rel ordRel) {
			t.Helper()
			p, res := remove(f.AdminA, rel)
			if len(res.Errors) > 0 || p.Relationship != nil {
				t.Errorf("%s: errors %+v, relationship %+v; want a userError", what, res.Errors, p.Relationship)
			}
			if len(p.UserErrors) != 1 || p.UserErrors[0].Message == "" {
				t.Errorf("%s: userErrors %+v, want one", what, p.UserErrors)
			} else if u := p.UserErrors[0]; u.Code != "INVALID" || !slices.Equal(u.Field, []string{"input", "id"}) {
				t.Errorf("%s: userError %+v, want INVALID on input.id", what, u)
			}
			if s := e.client.Relationship.GetX(sys, pulid.ID(rel.ID)).Status; s != relationship.StatusACTIVE {
				t.Errorf("%s: relationship %s, want ACTIVE", what, s)
			}
			if ordCustomerSubs(e, f.AdminA, c.ID, 10, "") == nil {
				t.Errorf("%s: A no longer sees the customer", what)
			}
		}

		rel := ordRelationship(t, e, f.AdminA, c.ID, f.A)
		refused("ACTIVE and SUSPENDED subscriptions", rel)
		ordMustMutate(t, e, f.AdminA, "cancelSubscription", ordStatusInput(subs[0]))
		refused("a SUSPENDED subscription left", ordRelationship(t, e, f.AdminA, c.ID, f.A))
		ordMustMutate(t, e, f.AdminA, "cancelSubscription", ordStatusInput(suspended))

		// Only EXPIRED and CANCELLED subscriptions are left with A (B's ACTIVE one is B's business).
		rel = ordRelationship(t, e, f.AdminA, c.ID, f.A)
		p, res := remove(f.AdminA, rel)
		if len(res.Errors) > 0 || p.UserErrors == nil || len(p.UserErrors) > 0 || p.Relationship == nil || p.Relationship.Status != "REMOVED" {
			t.Fatalf("removing after cancelling: errors %+v, payload %+v", res.Errors, p)
		}
		if s := e.client.Relationship.GetX(sys, pulid.ID(rel.ID)).Status; s != relationship.StatusREMOVED {
			t.Errorf("relationship %s, want REMOVED", s)
		}
		if got := ordCustomerSubs(e, f.AdminA, c.ID, 10, ""); got != nil {
			t.Errorf("after removal A still sees the customer: %s", ordConnSummary(got))
		}
		// B's relationship and subscription are untouched.
		if db := ordDB(e, bSubs[0].ID); db.Status != subscription.StatusACTIVE {
			t.Errorf("B's subscription %s", db.Status)
		}
		if r := ordRelationship(t, e, f.AdminB, c.ID, f.B); r.Status != "ACTIVE" {
			t.Errorf("B's relationship %s", r.Status)
		}
		// B, with an ACTIVE subscription, may not remove its own.
		p, _ = remove(f.AdminB, ordRelationship(t, e, f.AdminB, c.ID, f.B))
		if len(p.UserErrors) != 1 || p.Relationship != nil {
			t.Errorf("B removing with an ACTIVE subscription: %+v", p)
		}
	})
}

// --- 6. Isolation -----------------------------------------------------------------------------------

func TestOrdersIsolation(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := ordSetup(t, e)
		f := w.f
		c := f.C["Northwind Traders Ltd"] // A's and B's
		premium := w.offer("Microsoft 365 Business Premium")
		e3 := w.offer("Microsoft 365 E3")
		ordReady(t, e, f.AdminA, c.ID)

		// The agreement is the partner's own: B has not confirmed it.
		p, res := ordPlace(e, f.AdminB, c.ID, []map[string]any{ordLine(premium.ID, 1)})
		if len(res.Errors) > 0 || p.Order != nil {
			t.Errorf("B ordering without its own agreement: errors %+v, order returned %v", res.Errors, p.Order != nil)
		}
		ordWantErrs(t, "B ordering without its own agreement", p.UserErrors, ordErr("AGREEMENT_REQUIRED", "input", "customerID"))

		ordConfirmAgreement(t, e, f.AdminB, c.ID)
		aSubs := ordMustPlace(t, e, f.AdminA, c.ID, ordLine(premium.ID, 5), ordLine(e3.ID, 6))
		bSubs := ordMustPlace(t, e, f.AdminB, c.ID, ordLine(premium.ID, 7))
		aIDs := slices.Sorted(slices.Values([]string{aSubs[0].ID, aSubs[1].ID}))

		seen := func(as string) []string {
			t.Helper()
			conn := ordCustomerSubs(e, as, c.ID, 100, "")
			if conn == nil {
				t.Fatalf("%s does not see the shared customer", as)
			}
			if conn.TotalCount != len(conn.Edges) {
				t.Errorf("%s: totalCount %d, %d edges", as, conn.TotalCount, len(conn.Edges))
			}
			return slices.Sorted(slices.Values(conn.ids()))
		}
		if got := seen(f.AdminB); !slices.Equal(got, []string{bSubs[0].ID}) {
			t.Errorf("B sees subscriptions %q of the shared customer, want only its own %q", got, bSubs[0].ID)
		}
		if got := seen(f.AdminA); !slices.Equal(got, aIDs) {
			t.Errorf("A sees subscriptions %q of the shared customer, want only its own %q", got, aIDs)
		}

		// node(id) and nodes(ids) of A's subscription and order: null for B, as for an ID that does not exist.
		missing := string(pulid.MustNew("sub"))
		nodeShape := func(as, id string) (bool, string) {
			t.Helper()
			res := e.post(as, `query($id: ID!) { node(id: $id) { id ... on CustomerSubscription { quantity } } }`, map[string]any{"id": id})
			var data struct {
				Node *struct{ ID string } `json:"node"`
			}
			ordDecode(t, res, "node", &data.Node)
			b, _ := json.Marshal(res.Errors)
			return data.Node != nil, strings.ReplaceAll(string(b), id, "<id>")
		}
		_, missingShape := nodeShape(f.AdminB, missing)
		for _, id := range aIDs {
			if found, shape := nodeShape(f.AdminB, id); found || shape != missingShape {
				t.Errorf("B: node(A's subscription %s): found %v, errors %s; want null as for a missing ID (%s)", id, found, shape, missingShape)
			}
			if found, _ := nodeShape(f.AdminA, id); !found {
				t.Errorf("A: node(its subscription %s) is null", id)
			}
		}
		if found, _ := nodeShape(f.AdminB, aSubs[0].Order.ID); found {
			t.Errorf("B: node(A's order) is not null")
		}
		var nodes struct {
			Nodes []*struct{ ID string } `json:"nodes"`
		}
		res = e.post(f.AdminB, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": aIDs})
		ordDecode(t, res, "nodes", &nodes.Nodes)
		for i, n := range nodes.Nodes {
			if n != nil {
				t.Errorf("B: nodes(A's subscriptions)[%d] = %+v, want null", i, n)
			}
		}

		// B cannot change A's subscription, even naming its version.
		target := aSubs[0]
		before := ordDB(e, target.ID)
		for _, op := range []struct {
			mutation string
			in       map[string]any
		}{
			{"updateSubscription", ordQuantityInput(target, 9)},
			{"updateSubscription", ordAutoRenewInput(target, false)},
			{"suspendSubscription", ordStatusInput(target)},
			{"cancelSubscription", ordStatusInput(target)},
		} {
			p, res := ordMutate(e, f.AdminB, op.mutation, op.in)
			if len(res.Errors) > 0 || p.Subscription != nil {
				t.Errorf("B %s on A's subscription: errors %+v, subscription %+v", op.mutation, res.Errors, p.Subscription)
			}
			ordWantErrs(t, "B "+op.mutation+" on A's subscription", p.UserErrors, ordErr("NOT_FOUND", "input", "id"))
			// The same as for a subscription that does not exist.
			in := maps.Clone(op.in)
			in["id"] = missing
			pm, _ := ordMutate(e, f.AdminB, op.mutation, in)
			ordWantErrs(t, "B "+op.mutation+" on a missing subscription", pm.UserErrors, ordErr("NOT_FOUND", "input", "id"))
		}
		if d := ordSame(before, ordDB(e, target.ID)); d != "" {
			t.Errorf("B changed A's subscription: %s", d)
		}
		// B's failed attempts are in B's log without naming A's subscription.
		if n := e.client.Activity.Query().Where(activity.PartnerID(f.B.ID), activity.ResourceID(target.ID)).CountX(sys); n != 0 {
			t.Errorf("B's activity log names A's subscription %d times", n)
		}

		// A partner that does not see the customer at all sees none of its subscriptions.
		if conn := ordCustomerSubs(e, f.AdminP, c.ID, 100, ""); conn != nil {
			t.Errorf("P sees the customer's subscriptions: %s", ordConnSummary(conn))
		}
		if found, _ := nodeShape(f.AdminP, bSubs[0].ID); found {
			t.Errorf("P: node(B's subscription) is not null")
		}
	})
}
