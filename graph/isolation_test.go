package graph_test

// Isolation (domain.md §1): a partner sees a customer only while it has a relationship with it, sees
// only its own tags, users and activity, and nothing it does can read or change another partner's
// data, by any path: list, node lookups, nested edges, filters, mutations. Every "B cannot" check is
// paired with the same request succeeding for the owner, so that each can fail.

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"partnerhub/ent"
	"partnerhub/ent/customertag"
	"partnerhub/ent/relationship"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/tag"
	"partnerhub/graph"
)

// isoWorld is the fixture plus what partner A sees (learned as A through the API), and the list of A's
// private IDs and names that B must never receive.
type isoWorld struct {
	*fixture
	north, soc, betaOnly, tail *ent.Customer
	aTag, bTag                 *ent.Tag // A's "Enterprise" and B's "SMB", both on Northwind

	aUserID, bUserID     string
	socBP, socRel        string // Société's billing profile and A's relationship with it
	northRelA, northRelB string
	northBP              string

	secrets map[string]string // description -> A's private ID or name
}

type isoAView struct {
	Viewer struct {
		User    struct{ ID string } `json:"user"`
		Partner struct{ ID string } `json:"partner"`
	} `json:"viewer"`
	Customers struct {
		Edges []struct {
			Node struct {
				ID             string
				DisplayName    string
				BillingProfile struct{ ID string } `json:"billingProfile"`
				Relationships  []struct {
					ID      string
					Partner struct{ ID string }
				}
				Tags []struct{ ID string }
			}
		}
	} `json:"customers"`
}

const isoAViewQuery = `{
  viewer { user { id } partner { id } }
  customers(first: 100) { edges { node {
    id displayName billingProfile { id } relationships { id partner { id } } tags { id }
  } } }
}`

// isoSetup builds the fixture, tags the shared Northwind with one tag of A and one of B, adds
// "Tailspin Toys" shared by B and the provider P (whose relationship names its reseller R, who holds
// its own relationship naming P), and learns A's IDs through the API as A.
func isoSetup(e *env) *isoWorld {
	t := e.t
	t.Helper()
	f := e.fixture()
	w := &isoWorld{fixture: f, secrets: map[string]string{}}
	w.north = f.C["Northwind Traders Ltd"]
	w.soc = f.C["Société Générale de Logistique"]
	w.betaOnly = f.C["Beta Only Łódź Logistics"]
	w.aTag, w.bTag = f.TagsA["Enterprise"], f.TagsB["SMB"]
	e.tag(w.north, w.aTag, w.bTag)

	w.tail = e.addCustomer(customerSpec{"Tailspin Toys", "tailspintoys", "GB", []*ent.Partner{f.B}})
	e.client.Relationship.Create().SetPartnerID(f.P.ID).SetCustomerID(w.tail.ID).
		SetType(relationship.TypeINDIRECT_PROVIDER).SetAssociatedPartnerID(f.R.ID).ExecX(sys)
	e.client.Relationship.Create().SetPartnerID(f.R.ID).SetCustomerID(w.tail.ID).
		SetType(relationship.TypeINDIRECT_RESELLER).SetAssociatedPartnerID(f.P.ID).ExecX(sys)

	var a isoAView
	e.query(f.AdminA, isoAViewQuery, nil, &a)
	w.aUserID = a.Viewer.User.ID
	if a.Viewer.Partner.ID != string(f.A.ID) || w.aUserID == "" {
		t.Fatalf("viewer as A = %+v, want partner %s", a.Viewer, f.A.ID)
	}
	if len(a.Customers.Edges) != 8 {
		t.Fatalf("A sees %d customers, want 8", len(a.Customers.Edges))
	}
	w.secrets["A's partner ID"] = string(f.A.ID)
	w.secrets["A's partner name"] = f.A.Name
	w.secrets["A's user ID"] = w.aUserID
	w.secrets["A's admin email"] = f.AdminA
	for n, tg := range f.TagsA {
		w.secrets["A's tag "+n] = string(tg.ID)
	}
	for _, edge := range a.Customers.Edges {
		n := edge.Node
		for _, r := range n.Relationships {
			if r.Partner.ID != string(f.A.ID) {
				t.Fatalf("A sees relationship %s of partner %s on %q", r.ID, r.Partner.ID, n.DisplayName)
			}
			w.secrets["A's relationship with "+n.DisplayName] = r.ID
		}
		switch n.ID {
		case string(w.north.ID):
			w.northRelA, w.northBP = n.Relationships[0].ID, n.BillingProfile.ID
			continue // shared with B: its own ID, name and billing profile are B's to see too
		case string(w.soc.ID):
			w.socBP, w.socRel = n.BillingProfile.ID, n.Relationships[0].ID
		}
		w.secrets["A-only customer "+n.DisplayName] = n.ID
		w.secrets["A-only customer name "+n.DisplayName] = n.DisplayName
		w.secrets["billing profile of A-only "+n.DisplayName] = n.BillingProfile.ID
	}
	if w.northRelA == "" || w.socBP == "" || w.socRel == "" {
		t.Fatalf("A's view lacks Northwind or Société: %+v", a)
	}

	var b isoAView
	e.query(f.AdminB, isoAViewQuery, nil, &b)
	w.bUserID = b.Viewer.User.ID
	for _, edge := range b.Customers.Edges {
		if edge.Node.ID == string(w.north.ID) && len(edge.Node.Relationships) > 0 {
			w.northRelB = edge.Node.Relationships[0].ID
		}
	}
	if w.northRelB == "" || w.bUserID == "" {
		t.Fatalf("B's view lacks its Northwind relationship or its user: %+v", b)
	}
	return w
}

// isoNoLeak fails the test for each of A's secrets found in raw.
func isoNoLeak(t *testing.T, what string, raw []byte, w *isoWorld) {
	t.Helper()
	keys := make([]string, 0, len(w.secrets))
	for k := range w.secrets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if v := w.secrets[k]; v != "" && bytes.Contains(raw, []byte(v)) {
			t.Errorf("%s: response reveals %s (%q):\n%s", what, k, v, raw)
		}
	}
}

// isoNoLeakEcho is isoNoLeak on a response that may quote back the IDs the caller itself sent.
func isoNoLeakEcho(t *testing.T, what string, raw []byte, w *isoWorld, sent ...string) {
	t.Helper()
	for _, id := range sent {
		raw = bytes.ReplaceAll(raw, []byte(id), []byte("<sent>"))
	}
	isoNoLeak(t, what, raw, w)
}

// isoRaw is the whole response as JSON, for leak checks.
func isoRaw(res *gqlResponse) []byte {
	b, _ := json.Marshal(map[string]any{"data": res.Data, "errors": res.Errors})
	return b
}

// isoData decodes the data of a response that must have no errors.
func isoData(t *testing.T, res *gqlResponse, dst any) {
	t.Helper()
	if len(res.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", res.Errors)
	}
	if err := json.Unmarshal(res.Data, dst); err != nil {
		t.Fatalf("decoding %s: %v", res.Data, err)
	}
}

// isoDataOK is isoData without stopping the test: it reports and returns false on errors.
func isoDataOK(t *testing.T, what string, res *gqlResponse, dst any) bool {
	t.Helper()
	if len(res.Errors) > 0 {
		t.Errorf("%s: unexpected errors: %+v", what, res.Errors)
		return false
	}
	if err := json.Unmarshal(res.Data, dst); err != nil {
		t.Errorf("%s: decoding %s: %v", what, res.Data, err)
		return false
	}
	return true
}

// isoOnlyCodes checks that the response has errors and every one has the given code.
func isoOnlyCodes(t *testing.T, what string, res *gqlResponse, code string) {
	t.Helper()
	codes := res.errorCodes()
	if len(codes) == 0 {
		t.Errorf("%s: no error, want %s; data %s", what, code, res.Data)
		return
	}
	for _, c := range codes {
		if c != code {
			t.Errorf("%s: error codes %v, want only %s (errors %+v)", what, codes, code, res.Errors)
			return
		}
	}
}

const isoNodeQuery = `query($id: ID!) { node(id: $id) { __typename id } }`

// isoNode looks an ID up as the user; it returns the node's id ("" when null) and the response.
func isoNode(e *env, as, id string) (string, *gqlResponse) {
	e.t.Helper()
	res := e.post(as, isoNodeQuery, map[string]any{"id": id})
	var data struct {
		Node *struct{ ID string } `json:"node"`
	}
	if len(res.Data) > 0 && string(res.Data) != "null" {
		if err := json.Unmarshal(res.Data, &data); err != nil {
			e.t.Fatalf("decoding %s: %v", res.Data, err)
		}
	}
	if data.Node == nil {
		return "", res
	}
	return data.Node.ID, res
}

// isoErrorShape is a response's errors with the looked-up ID masked, to compare "not yours" with
// "does not exist".
func isoErrorShape(res *gqlResponse, id string) string {
	b, _ := json.Marshal(res.Errors)
	return strings.ReplaceAll(string(b), id, "<id>")
}

func isoFakeID(id string) string {
	prefix, _, _ := strings.Cut(id, "_")
	return string(pulid.MustNew(prefix))
}

func TestIsolationNodeLookups(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := isoSetup(e)
		targets := []struct{ name, id string }{
			{"customer only A has (Société)", string(w.soc.ID)},
			{"A's tag", string(w.aTag.ID)},
			{"billing profile of A's customer", w.socBP},
			{"A's relationship with Société", w.socRel},
			{"A's relationship with shared Northwind", w.northRelA},
			{"A's user", w.aUserID},
			{"partner A", string(w.A.ID)},
		}
		for _, tc := range targets {
			// The owner finds it, so a null for B means something.
			if got, res := isoNode(e, w.AdminA, tc.id); got != tc.id {
				t.Errorf("node(%s) as A = %q (errors %+v), want found", tc.name, got, res.Errors)
			}
			got, res := isoNode(e, w.AdminB, tc.id)
			if got != "" {
				t.Errorf("node(%s) as B = %q, want null", tc.name, got)
			}
			isoOnlyCodes(t, "node("+tc.name+") as B", res, "NOT_FOUND")
			isoNoLeakEcho(t, "node("+tc.name+") as B", isoRaw(res), w, tc.id)
			// "Not yours" must look exactly like "does not exist": no probing for A's IDs.
			fake := isoFakeID(tc.id)
			if _, fres := isoNode(e, w.AdminB, fake); isoErrorShape(fres, fake) != isoErrorShape(res, tc.id) {
				t.Errorf("node(%s) as B differs from a nonexistent ID:\n  A's: %s\n fake: %s",
					tc.name, isoErrorShape(res, tc.id), isoErrorShape(fres, fake))
			}
		}

		// Partners B does not sell with: P and R. P sees its reseller R.
		for _, p := range []*ent.Partner{w.P, w.R} {
			if got, _ := isoNode(e, w.AdminB, string(p.ID)); got != "" {
				t.Errorf("node(partner %s) as B = %q, want null", p.Name, got)
			}
		}
		if got, res := isoNode(e, w.AdminP, string(w.R.ID)); got != string(w.R.ID) {
			t.Errorf("node(reseller R) as its provider P = %q (errors %+v), want found", got, res.Errors)
		}
		// B's own things are found.
		for _, id := range []string{string(w.north.ID), string(w.bTag.ID), w.northRelB, w.bUserID, string(w.B.ID), w.northBP} {
			if got, res := isoNode(e, w.AdminB, id); got != id {
				t.Errorf("node(%s) as B = %q (errors %+v), want found", id, got, res.Errors)
			}
		}

		// nodes(ids:) with A's IDs mixed with B's.
		var all []string
		for _, tc := range targets {
			all = append(all, tc.id)
		}
		mine := []string{string(w.north.ID), string(w.bTag.ID)}
		q := `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`
		res := e.post(w.AdminB, q, map[string]any{"ids": append(append([]string{}, all...), mine...)})
		isoNoLeakEcho(t, "nodes as B", isoRaw(res), w, all...)
		var data struct{ Nodes []*struct{ ID string } }
		if len(res.Data) == 0 || string(res.Data) == "null" {
			t.Fatalf("nodes as B: no data (errors %+v), want B's own nodes found", res.Errors)
		}
		if err := json.Unmarshal(res.Data, &data); err != nil {
			t.Fatal(err)
		}
		if len(data.Nodes) != len(all)+len(mine) {
			t.Fatalf("nodes as B: %d results for %d IDs", len(data.Nodes), len(all)+len(mine))
		}
		for i, tc := range targets {
			if data.Nodes[i] != nil {
				t.Errorf("nodes[%d] (%s) as B = %q, want null", i, tc.name, data.Nodes[i].ID)
			}
		}
		for i, id := range mine {
			if n := data.Nodes[len(all)+i]; n == nil || n.ID != id {
				t.Errorf("nodes[%d] as B = %+v, want B's own %s", len(all)+i, n, id)
			}
		}
		isoOnlyCodes(t, "nodes as B", res, "NOT_FOUND")

		// A gets every one of its own, in a batch and one at a time.
		res = e.post(w.AdminA, q, map[string]any{"ids": all})
		isoData(t, res, &data)
		for i, tc := range targets {
			if data.Nodes[i] == nil || data.Nodes[i].ID != tc.id {
				t.Errorf("nodes[%d] (%s) as A = %+v, want found", i, tc.name, data.Nodes[i])
			}
		}
		for _, tc := range targets {
			res = e.post(w.AdminA, q, map[string]any{"ids": []string{tc.id}})
			if isoDataOK(t, "nodes(["+tc.name+"]) as A", res, &data) && (len(data.Nodes) != 1 || data.Nodes[0] == nil || data.Nodes[0].ID != tc.id) {
				t.Errorf("nodes([%s]) as A = %s, want found", tc.name, res.Data)
			}
			res = e.post(w.AdminB, q, map[string]any{"ids": []string{tc.id}})
			if strings.Contains(string(res.Data), `"id"`) {
				t.Errorf("nodes([%s]) as B = %s, want [null]", tc.name, res.Data)
			}
			isoOnlyCodes(t, "nodes(["+tc.name+"]) as B", res, "NOT_FOUND")
			isoNoLeakEcho(t, "nodes(["+tc.name+"]) as B", isoRaw(res), w, tc.id)
		}
	})
}

// isoCustomerView is a customer with its relationships and tags.
type isoCustomerView struct {
	ID            string
	Relationships []struct {
		ID      string
		Type    string
		Partner struct{ ID string }
	}
	Tags []struct {
		ID      string
		Name    string
		Partner struct{ ID string }
	}
}

const isoCustomerFields = `id relationships { id type partner { id } } tags { id name partner { id } }`

// isoCheckOwnView checks that c shows exactly the partner's own relationship (relID) and own tags.
func isoCheckOwnView(t *testing.T, what string, c isoCustomerView, partner pulid.ID, relID string, tagIDs ...string) {
	t.Helper()
	if len(c.Relationships) != 1 || c.Relationships[0].ID != relID || c.Relationships[0].Partner.ID != string(partner) {
		t.Errorf("%s: relationships = %+v, want only %s of partner %s", what, c.Relationships, relID, partner)
	}
	var got []string
	for _, tg := range c.Tags {
		got = append(got, tg.ID)
		if tg.Partner.ID != string(partner) {
			t.Errorf("%s: tag %s (%s) belongs to partner %s", what, tg.ID, tg.Name, tg.Partner.ID)
		}
	}
	slices.Sort(got)
	want := slices.Clone(tagIDs)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s: tags = %v, want %v", what, got, want)
	}
}

func TestIsolationSharedCustomer(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := isoSetup(e)
		nodeQ := `query($id: ID!) { node(id: $id) { ... on Customer { ` + isoCustomerFields + ` } } }`
		listQ := `{ customers(search: "Northwind") { totalCount edges { node { ` + isoCustomerFields + ` } } } }`

		// By node.
		var nb, na struct{ Node isoCustomerView }
		res := e.post(w.AdminB, nodeQ, map[string]any{"id": w.north.ID})
		isoNoLeak(t, "Northwind by node as B", isoRaw(res), w)
		if isoDataOK(t, "Northwind by node as B", res, &nb) {
			isoCheckOwnView(t, "Northwind by node as B", nb.Node, w.B.ID, w.northRelB, string(w.bTag.ID))
		}
		if res := e.post(w.AdminA, nodeQ, map[string]any{"id": w.north.ID}); isoDataOK(t, "Northwind by node as A", res, &na) {
			isoCheckOwnView(t, "Northwind by node as A", na.Node, w.A.ID, w.northRelA, string(w.aTag.ID))
		}

		// By the list.
		type list struct {
			Customers struct {
				TotalCount int
				Edges      []struct{ Node isoCustomerView }
			}
		}
		for _, as := range []struct {
			email   string
			partner pulid.ID
			rel     string
			tag     *ent.Tag
		}{{w.AdminB, w.B.ID, w.northRelB, w.bTag}, {w.AdminA, w.A.ID, w.northRelA, w.aTag}} {
			var l list
			res := e.post(as.email, listQ, nil)
			isoData(t, res, &l)
			if as.email == w.AdminB {
				isoNoLeak(t, "Northwind in the list as B", isoRaw(res), w)
			}
			if l.Customers.TotalCount != 1 || len(l.Customers.Edges) != 1 {
				t.Fatalf("search Northwind as %s: %+v, want one customer", as.email, l.Customers)
			}
			isoCheckOwnView(t, "Northwind in the list as "+as.email, l.Customers.Edges[0].Node, as.partner, as.rel, string(as.tag.ID))
		}

		// Through a mutation payload: B tags Northwind; the payload shows only B's side.
		mut := `mutation($in: TagsInput!) { tagsAdd(input: $in) {
			customers { ` + isoCustomerFields + ` } userErrors { code message } } }`
		var p struct {
			TagsAdd struct {
				Customers  []isoCustomerView
				UserErrors []userError
			}
		}
		prio := w.TagsB["Priority"]
		res = e.post(w.AdminB, mut, map[string]any{"in": map[string]any{
			"customerIDs": []string{string(w.north.ID)}, "tagIDs": []string{string(prio.ID)}}})
		isoData(t, res, &p)
		isoNoLeak(t, "tagsAdd payload as B", isoRaw(res), w)
		if len(p.TagsAdd.UserErrors) != 0 || len(p.TagsAdd.Customers) != 1 {
			t.Fatalf("tagsAdd as B: %+v", p.TagsAdd)
		}
		isoCheckOwnView(t, "tagsAdd payload as B", p.TagsAdd.Customers[0], w.B.ID, w.northRelB, string(w.bTag.ID), string(prio.ID))
		// A still sees only its own tag on Northwind.
		var l list
		e.query(w.AdminA, listQ, nil, &l)
		if len(l.Customers.Edges) != 1 {
			t.Fatalf("search Northwind as A: %+v", l)
		}
		isoCheckOwnView(t, "Northwind as A after B tagged it", l.Customers.Edges[0].Node, w.A.ID, w.northRelA, string(w.aTag.ID))
	})
}

func TestIsolationNestedEdges(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := isoSetup(e)
		relQ := `query($id: ID!) { node(id: $id) { ... on Relationship {
			id type partner { id name resellers { id } providers { id } } associatedPartner { id }
			customer {
				id displayName
				relationships { id partner { id } customer { id relationships { id } tags { id } } }
				tags { id name partner { id } }
				billingProfile { id customer { id relationships { id partner { id } } tags { id } } }
			}
		} } }`
		// The same walk from the customer list (relationship → customer → relationships/tags → …).
		walk := `{ customers(first: 100) { edges { node { id relationships {
			id type partner { id name resellers { id } providers { id } } associatedPartner { id }
			customer {
				id displayName
				relationships { id partner { id } customer { id relationships { id } tags { id } } }
				tags { id name partner { id } }
				billingProfile { id customer { id relationships { id partner { id } } tags { id } } }
			}
		} } } } }`
		res := e.post(w.AdminB, walk, nil)
		var wl struct {
			Customers struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
		isoData(t, res, &wl)
		if len(wl.Customers.Edges) != 3 || !bytes.Contains(res.Data, []byte(w.northRelB)) || !bytes.Contains(res.Data, []byte(w.bTag.ID)) {
			t.Errorf("nested walk from B's list: %s, want B's 3 customers with its Northwind relationship and tag", res.Data)
		}
		isoNoLeak(t, "nested walk from B's list", isoRaw(res), w)
		// As A the same walk shows A's relationship and tag on Northwind: the leak check can see them.
		res = e.post(w.AdminA, walk, nil)
		isoData(t, res, &wl)
		for _, id := range []string{w.northRelA, string(w.aTag.ID), string(w.A.ID), w.socRel} {
			if !bytes.Contains(res.Data, []byte(id)) {
				t.Errorf("A's own nested walk lacks %s", id)
			}
		}
		if bytes.Contains(res.Data, []byte(w.northRelB)) || bytes.Contains(res.Data, []byte(w.bTag.ID)) {
			t.Errorf("A's nested walk shows B's relationship or tag: %s", res.Data)
		}

		// From B's relationship by node.
		res = e.post(w.AdminB, relQ, map[string]any{"id": w.northRelB})
		var data struct {
			Node *struct {
				ID       string
				Customer struct {
					ID            string
					Relationships []struct{ ID string }
					Tags          []struct{ ID string }
				}
			}
		}
		isoNoLeak(t, "nested edges from B's relationship", isoRaw(res), w)
		if isoDataOK(t, "B's relationship by node", res, &data) {
			if data.Node == nil || data.Node.ID != w.northRelB || data.Node.Customer.ID != string(w.north.ID) {
				t.Errorf("B's relationship by node: %s", res.Data)
			} else if len(data.Node.Customer.Relationships) != 1 || len(data.Node.Customer.Tags) != 1 {
				t.Errorf("B's relationship → customer: %s, want 1 relationship and 1 tag", res.Data)
			}
		}
		// The same query from A's relationship shows A's data.
		res = e.post(w.AdminA, relQ, map[string]any{"id": w.northRelA})
		if isoDataOK(t, "A's relationship by node", res, &data) {
			for _, id := range []string{w.northRelA, string(w.aTag.ID), string(w.A.ID)} {
				if !bytes.Contains(res.Data, []byte(id)) {
					t.Errorf("A's own nested view lacks %s: %s", id, res.Data)
				}
			}
			if bytes.Contains(res.Data, []byte(w.northRelB)) || bytes.Contains(res.Data, []byte(w.bTag.ID)) {
				t.Errorf("A's nested view shows B's relationship or tag: %s", res.Data)
			}
		}

		// B's tag: its partner is B, with no provider or reseller path to A.
		tagQ := `query($id: ID!) { node(id: $id) { ... on Tag {
			id name customerCount partner { id name emailDomains resellers { id name } providers { id name } }
		} } }`
		var tg struct {
			Node struct {
				ID            string
				CustomerCount int
				Partner       struct{ ID string }
			}
		}
		res = e.post(w.AdminB, tagQ, map[string]any{"id": w.bTag.ID})
		isoNoLeak(t, "B's tag node", isoRaw(res), w)
		if isoDataOK(t, "B's tag by node", res, &tg) &&
			(tg.Node.ID != string(w.bTag.ID) || tg.Node.Partner.ID != string(w.B.ID) || tg.Node.CustomerCount != 1) {
			t.Errorf("B's tag as B: %s, want partner B and customerCount 1", res.Data)
		}
		// The same walk from the tags list.
		res = e.post(w.AdminB, `{ tags { id name customerCount partner { id name emailDomains resellers { id name } providers { id name } } } }`, nil)
		var tl struct {
			Tags []struct {
				ID            string
				CustomerCount int
				Partner       struct{ ID string }
			}
		}
		isoData(t, res, &tl)
		isoNoLeak(t, "B's tags with their partner", isoRaw(res), w)
		for _, x := range tl.Tags {
			if x.Partner.ID != string(w.B.ID) {
				t.Errorf("B's tags list has tag %s of partner %s", x.ID, x.Partner.ID)
			}
			if x.ID == string(w.bTag.ID) && x.CustomerCount != 1 {
				t.Errorf("B's SMB tag customerCount = %d, want 1", x.CustomerCount)
			}
		}

		// B's customers with every edge, all pages: nothing of A.
		listQ := `{ customers(first: 100) { totalCount edges { node {
			id displayName billingProfile { id customer { id } }
			relationships { id partner { id resellers { id } providers { id } } associatedPartner { id } }
			tags { id partner { id } }
		} } } tags { id name customerCount partner { id } } viewer { user { id partner { id } } partner { id resellers { id } providers { id } } } }`
		res = e.post(w.AdminB, listQ, nil)
		var l struct {
			Customers struct{ TotalCount int }
		}
		isoData(t, res, &l)
		isoNoLeak(t, "B's whole list with edges", isoRaw(res), w)
		if l.Customers.TotalCount != 3 {
			t.Errorf("B's totalCount = %d, want 3 (Northwind, Beta Only, Tailspin)", l.Customers.TotalCount)
		}

		// Tailspin is shared with P; B sees none of P's or R's relationships on it, nor their IDs.
		res = e.post(w.AdminB, `{ customers(search: "Tailspin") { edges { node { relationships { id partner { id } associatedPartner { id } } } } } }`, nil)
		var tv struct {
			Customers struct {
				Edges []struct {
					Node struct {
						Relationships []struct{ Partner struct{ ID string } }
					}
				}
			}
		}
		isoData(t, res, &tv)
		if len(tv.Customers.Edges) != 1 || len(tv.Customers.Edges[0].Node.Relationships) != 1 ||
			tv.Customers.Edges[0].Node.Relationships[0].Partner.ID != string(w.B.ID) {
			t.Errorf("Tailspin as B: %s, want only B's relationship", res.Data)
		}
		for _, id := range []pulid.ID{w.P.ID, w.R.ID} {
			if bytes.Contains(res.Data, []byte(id)) {
				t.Errorf("Tailspin as B reveals partner %s: %s", id, res.Data)
			}
		}
	})
}

type isoList struct {
	Customers struct {
		TotalCount int
		Edges      []struct {
			Node struct{ ID, DisplayName string }
		}
	}
}

func (l *isoList) ids() []string {
	var out []string
	for _, e := range l.Customers.Edges {
		out = append(out, e.Node.ID)
	}
	slices.Sort(out)
	return out
}

func TestIsolationFilters(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := isoSetup(e)
		q := `query($search: String, $filter: CustomerListFilter) {
			customers(search: $search, filter: $filter, first: 100) { totalCount edges { node { id displayName } } } }`
		list := func(as string, search any, filter map[string]any) (*isoList, *gqlResponse) {
			res := e.post(as, q, map[string]any{"search": search, "filter": filter})
			l := &isoList{}
			if len(res.Errors) == 0 {
				isoData(t, res, l)
			}
			return l, res
		}

		// Tag filters naming A's tag: NOT_FOUND for B, like a tag that does not exist; A's own filter works.
		for _, key := range []string{"tagsAny", "tagsAll"} {
			for _, ids := range [][]string{{string(w.aTag.ID)}, {string(w.bTag.ID), string(w.aTag.ID)}} {
				l, res := list(w.AdminB, nil, map[string]any{key: ids})
				isoOnlyCodes(t, key+" with A's tag as B", res, "NOT_FOUND")
				if len(res.Data) > 0 && string(res.Data) != "null" && !strings.Contains(string(res.Data), `"customers":null`) {
					t.Errorf("%s with A's tag as B returned data: %s", key, res.Data)
				}
				if len(l.Customers.Edges) != 0 {
					t.Errorf("%s with A's tag as B listed %v", key, l.ids())
				}
				isoNoLeakEcho(t, key+" with A's tag as B", isoRaw(res), w, ids...)
				fake := isoFakeID(string(w.aTag.ID))
				_, fres := list(w.AdminB, nil, map[string]any{key: []string{fake}})
				if isoErrorShape(fres, fake) != isoErrorShape(res, string(w.aTag.ID)) && len(ids) == 1 {
					t.Errorf("%s: A's tag and a nonexistent tag answer differently:\n%s\n%s", key,
						isoErrorShape(res, string(w.aTag.ID)), isoErrorShape(fres, fake))
				}
			}
			l, res := list(w.AdminA, nil, map[string]any{key: []string{string(w.aTag.ID)}})
			if len(res.Errors) > 0 || l.Customers.TotalCount != 1 || len(l.ids()) != 1 || l.ids()[0] != string(w.north.ID) {
				t.Errorf("%s with A's tag as A: %s %+v, want Northwind", key, res.Data, res.Errors)
			}
			l, res = list(w.AdminB, nil, map[string]any{key: []string{string(w.bTag.ID)}})
			if len(res.Errors) > 0 || l.Customers.TotalCount != 1 || len(l.ids()) != 1 || l.ids()[0] != string(w.north.ID) {
				t.Errorf("%s with B's tag as B: %s %+v, want Northwind", key, res.Data, res.Errors)
			}
		}

		// associatedPartnerIDs: scoped to B's own relationships. Tailspin is B's, and P's relationship
		// on it names R, R's names P: B filtering by R or P must not find it (that would reveal P's
		// relationship), while P and R do.
		for _, p := range []*ent.Partner{w.A, w.R, w.P} {
			l, res := list(w.AdminB, nil, map[string]any{"associatedPartnerIDs": []string{string(p.ID)}})
			if len(res.Errors) == 0 && (l.Customers.TotalCount != 0 || len(l.Customers.Edges) != 0) {
				t.Errorf("associatedPartnerIDs [%s] as B = %v (total %d), want none of B's customers", p.Name, l.ids(), l.Customers.TotalCount)
			}
			if len(res.Errors) > 0 {
				isoOnlyCodes(t, "associatedPartnerIDs as B", res, "NOT_FOUND")
			}
			isoNoLeakEcho(t, "associatedPartnerIDs as B", isoRaw(res), w, string(p.ID))
		}
		if l, res := list(w.AdminP, nil, map[string]any{"associatedPartnerIDs": []string{string(w.R.ID)}}); len(res.Errors) > 0 || !slices.Equal(l.ids(), []string{string(w.tail.ID)}) {
			t.Errorf("associatedPartnerIDs [R] as P = %v %+v, want Tailspin", l.ids(), res.Errors)
		}
		if l, res := list(w.AdminR, nil, map[string]any{"associatedPartnerIDs": []string{string(w.P.ID)}}); len(res.Errors) > 0 || !slices.Equal(l.ids(), []string{string(w.tail.ID)}) {
			t.Errorf("associatedPartnerIDs [P] as R = %v %+v, want Tailspin", l.ids(), res.Errors)
		}

		// Search for what only A has.
		for _, s := range []string{"Société", "societe", "sglogistique", w.soc.MicrosoftID, "Contoso"} {
			l, res := list(w.AdminB, s, nil)
			if len(res.Errors) > 0 || l.Customers.TotalCount != 0 || len(l.Customers.Edges) != 0 {
				t.Errorf("search %q as B: total %d, %v, errors %+v; want nothing", s, l.Customers.TotalCount, l.ids(), res.Errors)
			}
			isoNoLeak(t, "search as B", isoRaw(res), w)
			if l, res := list(w.AdminA, s, nil); len(res.Errors) > 0 || l.Customers.TotalCount != 1 || len(l.Customers.Edges) != 1 {
				t.Errorf("search %q as A: total %d, %v, errors %+v; want 1", s, l.Customers.TotalCount, l.ids(), res.Errors)
			}
		}
		// "Łódź" matches A's Łódź Trading and B's Beta Only Łódź Logistics: each sees only its own.
		if l, _ := list(w.AdminB, "lodz", nil); !slices.Equal(l.ids(), []string{string(w.betaOnly.ID)}) || l.Customers.TotalCount != 1 {
			t.Errorf("search lodz as B = %v (total %d), want only Beta Only", l.ids(), l.Customers.TotalCount)
		}
		if l, _ := list(w.AdminA, "lodz", nil); !slices.Equal(l.ids(), []string{string(w.C["Łódź Trading Sp. z o.o."].ID)}) {
			t.Errorf("search lodz as A = %v, want only Łódź Trading", l.ids())
		}

		// Other filters stay within B's list.
		if l, res := list(w.AdminB, nil, map[string]any{"countries": []string{"FR"}}); len(res.Errors) > 0 || l.Customers.TotalCount != 0 {
			t.Errorf("countries [FR] as B: total %d %+v, want 0", l.Customers.TotalCount, res.Errors)
		}
		if l, _ := list(w.AdminA, nil, map[string]any{"countries": []string{"FR"}}); l.Customers.TotalCount != 1 {
			t.Errorf("countries [FR] as A: total %d, want 1", l.Customers.TotalCount)
		}
		if l, res := list(w.AdminB, nil, map[string]any{"relationshipTypes": []string{"DIRECT_BILL", "INDIRECT_PROVIDER", "INDIRECT_RESELLER"}}); len(res.Errors) > 0 || l.Customers.TotalCount != 3 {
			t.Errorf("relationshipTypes as B: total %d %v %+v, want B's 3", l.Customers.TotalCount, l.ids(), res.Errors)
		}
		if l, _ := list(w.AdminB, nil, map[string]any{"verificationStatuses": []string{"UNDER_REVIEW", "ALLOWED", "NOT_ALLOWED"}}); l.Customers.TotalCount != 3 {
			t.Errorf("verificationStatuses as B: total %d %v, want B's 3", l.Customers.TotalCount, l.ids())
		}
	})
}

func TestIsolationMutations(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := isoSetup(e)
		e.tag(w.soc, w.aTag)
		linked := func(c *ent.Customer, tg *ent.Tag) bool {
			return e.client.CustomerTag.Query().Where(customertag.CustomerID(c.ID), customertag.TagID(tg.ID)).ExistX(sys)
		}
		codes := func(errs []userError) []string {
			var out []string
			for _, u := range errs {
				out = append(out, u.Code)
			}
			return out
		}
		wantNotFound := func(what string, res *gqlResponse, errs []userError) {
			t.Helper()
			if len(res.Errors) > 0 {
				t.Errorf("%s: top-level errors %+v, want userErrors NOT_FOUND", what, res.Errors)
			}
			if c := codes(errs); len(c) == 0 || slices.ContainsFunc(c, func(s string) bool { return s != "NOT_FOUND" }) {
				t.Errorf("%s: userErrors %+v, want NOT_FOUND", what, errs)
			}
			isoNoLeak(t, what, isoRaw(res), w)
		}

		// updateBillingProfile on A's customer.
		bpBefore := e.client.BillingProfile.GetX(sys, pulid.ID(w.socBP))
		custBefore := e.client.Customer.GetX(sys, w.soc.ID)
		ubp := `mutation($in: UpdateBillingProfileInput!) { updateBillingProfile(input: $in) {
			customer { id displayName } billingProfile { id companyName } userErrors { field code message } } }`
		in := map[string]any{"customerID": w.soc.ID, "version": bpBefore.Version, "companyName": "Beta Was Here Ltd", "city": "Gotham"}
		var up struct {
			UpdateBillingProfile struct {
				Customer       *struct{ ID string }
				BillingProfile *struct{ ID string }
				UserErrors     []userError
			}
		}
		res := e.post(w.AdminB, ubp, map[string]any{"in": in})
		_ = json.Unmarshal(res.Data, &up)
		wantNotFound("updateBillingProfile of A's customer as B", res, up.UpdateBillingProfile.UserErrors)
		if up.UpdateBillingProfile.Customer != nil || up.UpdateBillingProfile.BillingProfile != nil {
			t.Errorf("updateBillingProfile as B returned %s", res.Data)
		}
		bpAfter := e.client.BillingProfile.GetX(sys, pulid.ID(w.socBP))
		custAfter := e.client.Customer.GetX(sys, w.soc.ID)
		if bpAfter.CompanyName != bpBefore.CompanyName || bpAfter.City != bpBefore.City || bpAfter.Version != bpBefore.Version {
			t.Errorf("A's billing profile changed by B: %+v -> %+v", bpBefore, bpAfter)
		}
		if custAfter.DisplayName != custBefore.DisplayName || custAfter.VerificationStatus != custBefore.VerificationStatus || custAfter.Version != custBefore.Version {
			t.Errorf("A's customer changed by B: %+v -> %+v", custBefore, custAfter)
		}
		// The same input works for A (so B's refusal is about ownership, not the input).
		res = e.post(w.AdminA, ubp, map[string]any{"in": in})
		isoData(t, res, &up)
		if len(up.UpdateBillingProfile.UserErrors) != 0 || e.client.BillingProfile.GetX(sys, pulid.ID(w.socBP)).CompanyName != "Beta Was Here Ltd" {
			t.Errorf("updateBillingProfile as A: %s, want it applied", res.Data)
		}

		tagsMut := func(op, as string, customers []*ent.Customer, tags ...*ent.Tag) (*gqlResponse, []userError) {
			t.Helper()
			q := `mutation($in: TagsInput!) { ` + op + `(input: $in) { customers { id tags { id } } userErrors { field code message } } }`
			var cids, tids []string
			for _, c := range customers {
				cids = append(cids, string(c.ID))
			}
			for _, tg := range tags {
				tids = append(tids, string(tg.ID))
			}
			res := e.post(as, q, map[string]any{"in": map[string]any{"customerIDs": cids, "tagIDs": tids}})
			var p map[string]struct {
				Customers  []struct{ ID string }
				UserErrors []userError
			}
			_ = json.Unmarshal(res.Data, &p)
			if len(p[op].Customers) != 0 && len(p[op].UserErrors) != 0 {
				t.Errorf("%s: customers returned with user errors: %s", op, res.Data)
			}
			return res, p[op].UserErrors
		}
		bPrio, bEnt := w.TagsB["Priority"], w.TagsB["Enterprise"]

		// tagsAdd: B's tag on A's customer; A's tag on the shared customer; a mix (all or nothing).
		res, ue := tagsMut("tagsAdd", w.AdminB, []*ent.Customer{w.soc}, bPrio)
		wantNotFound("tagsAdd B's tag on A's customer", res, ue)
		if linked(w.soc, bPrio) {
			t.Error("B's tag was put on A's customer")
		}
		res, ue = tagsMut("tagsAdd", w.AdminB, []*ent.Customer{w.north}, w.TagsA["Priority"])
		wantNotFound("tagsAdd A's tag on Northwind as B", res, ue)
		if linked(w.north, w.TagsA["Priority"]) {
			t.Error("B put A's tag on Northwind")
		}
		res, ue = tagsMut("tagsAdd", w.AdminB, []*ent.Customer{w.north, w.soc}, bPrio)
		wantNotFound("tagsAdd on Northwind and A's customer as B", res, ue)
		if linked(w.north, bPrio) || linked(w.soc, bPrio) {
			t.Error("tagsAdd refused as NOT_FOUND still tagged a customer")
		}
		res, ue = tagsMut("tagsAdd", w.AdminB, []*ent.Customer{w.north}, bPrio)
		if len(res.Errors) > 0 || len(ue) > 0 || !linked(w.north, bPrio) {
			t.Errorf("tagsAdd B's tag on Northwind as B: %s %+v, want applied", res.Data, res.Errors)
		}
		res, ue = tagsMut("tagsAdd", w.AdminA, []*ent.Customer{w.soc}, w.TagsA["Priority"])
		if len(res.Errors) > 0 || len(ue) > 0 || !linked(w.soc, w.TagsA["Priority"]) {
			t.Errorf("tagsAdd A's tag on Société as A: %s %+v, want applied", res.Data, res.Errors)
		}

		// tagsRemove: A's tag from the shared customer; B's tag from A's customer.
		res, ue = tagsMut("tagsRemove", w.AdminB, []*ent.Customer{w.north}, w.aTag)
		wantNotFound("tagsRemove A's tag from Northwind as B", res, ue)
		if !linked(w.north, w.aTag) {
			t.Error("B took A's tag off Northwind")
		}
		res, ue = tagsMut("tagsRemove", w.AdminB, []*ent.Customer{w.soc}, bPrio)
		wantNotFound("tagsRemove on A's customer as B", res, ue)
		if !linked(w.soc, w.aTag) {
			t.Error("A's tag left A's customer after B's tagsRemove")
		}
		res, ue = tagsMut("tagsRemove", w.AdminB, []*ent.Customer{w.north}, bPrio)
		if len(res.Errors) > 0 || len(ue) > 0 || linked(w.north, bPrio) || !linked(w.north, w.aTag) {
			t.Errorf("tagsRemove B's tag from Northwind as B: %s %+v; want B's tag gone, A's kept", res.Data, res.Errors)
		}

		// updateTag / deleteTag on A's tag.
		aTagBefore := e.client.Tag.GetX(sys, w.aTag.ID)
		updQ := `mutation($in: UpdateTagInput!) { updateTag(input: $in) { tag { id name } userErrors { field code message } } }`
		var ut struct {
			UpdateTag struct {
				Tag        *struct{ ID, Name string }
				UserErrors []userError
			}
		}
		res = e.post(w.AdminB, updQ, map[string]any{"in": map[string]any{"id": w.aTag.ID, "version": aTagBefore.Version, "name": "Pwned", "color": "#000000"}})
		_ = json.Unmarshal(res.Data, &ut)
		wantNotFound("updateTag A's tag as B", res, ut.UpdateTag.UserErrors)
		if ut.UpdateTag.Tag != nil {
			t.Errorf("updateTag as B returned a tag: %s", res.Data)
		}
		if after := e.client.Tag.GetX(sys, w.aTag.ID); after.Name != aTagBefore.Name || after.Color != aTagBefore.Color || after.Version != aTagBefore.Version {
			t.Errorf("A's tag changed by B: %+v -> %+v", aTagBefore, after)
		}
		bEntBefore := e.client.Tag.GetX(sys, bEnt.ID)
		res = e.post(w.AdminB, updQ, map[string]any{"in": map[string]any{"id": bEnt.ID, "version": bEntBefore.Version, "name": "Enterprise Plus"}})
		isoData(t, res, &ut)
		if len(ut.UpdateTag.UserErrors) != 0 || ut.UpdateTag.Tag == nil || ut.UpdateTag.Tag.Name != "Enterprise Plus" {
			t.Errorf("updateTag own tag as B: %s, want renamed", res.Data)
		}
		if n := e.client.Tag.GetX(sys, w.aTag.ID).Name; n != "Enterprise" {
			t.Errorf("A's tag is named %q after B renamed its own, want Enterprise", n)
		}

		delQ := `mutation($id: ID!) { deleteTag(input: {id: $id}) { deletedTagID userErrors { field code message } } }`
		var dt struct {
			DeleteTag struct {
				DeletedTagID *string
				UserErrors   []userError
			}
		}
		res = e.post(w.AdminB, delQ, map[string]any{"id": w.aTag.ID})
		_ = json.Unmarshal(res.Data, &dt)
		wantNotFound("deleteTag A's tag as B", res, dt.DeleteTag.UserErrors)
		if dt.DeleteTag.DeletedTagID != nil {
			t.Errorf("deleteTag as B reports %s deleted", *dt.DeleteTag.DeletedTagID)
		}
		if !e.client.Tag.Query().Where(tag.ID(w.aTag.ID)).ExistX(sys) {
			t.Fatal("B deleted A's tag")
		}
		if !linked(w.north, w.aTag) || !linked(w.soc, w.aTag) {
			t.Error("B's deleteTag of A's tag took it off A's customers")
		}
		// B deleting its own tag (on Northwind) leaves A's tag on Northwind.
		res = e.post(w.AdminB, delQ, map[string]any{"id": w.bTag.ID})
		isoData(t, res, &dt)
		if len(dt.DeleteTag.UserErrors) != 0 || dt.DeleteTag.DeletedTagID == nil {
			t.Errorf("deleteTag own tag as B: %s", res.Data)
		}
		if e.client.Tag.Query().Where(tag.ID(w.bTag.ID)).ExistX(sys) || linked(w.north, w.bTag) || !linked(w.north, w.aTag) {
			t.Error("deleteTag of B's own tag: B's tag should be gone and A's tag kept on Northwind")
		}

		// Tag names are unique per partner only: B may use a name A uses (and learns nothing from it).
		createQ := `mutation($name: String!) { createTag(input: {name: $name}) { tag { id name } userErrors { code } } }`
		var ct struct {
			CreateTag struct {
				Tag        *struct{ ID string }
				UserErrors []userError
			}
		}
		e.query(w.AdminA, createQ, map[string]any{"name": "Alpha Secret Project"}, &ct)
		if ct.CreateTag.Tag == nil {
			t.Fatalf("createTag as A: %+v", ct)
		}
		e.query(w.AdminB, createQ, map[string]any{"name": "Alpha Secret Project"}, &ct)
		if ct.CreateTag.Tag == nil || len(ct.CreateTag.UserErrors) != 0 {
			t.Errorf("createTag as B with a name A uses: %+v, want created", ct.CreateTag)
		}
		e.query(w.AdminB, createQ, map[string]any{"name": "Alpha Secret Project"}, &ct)
		if len(ct.CreateTag.UserErrors) != 1 || ct.CreateTag.UserErrors[0].Code != "TAKEN" {
			t.Errorf("createTag as B twice: %+v, want TAKEN", ct.CreateTag)
		}

		// createCustomer naming A's tag.
		ccQ := `mutation($in: CreateCustomerInput!) { createCustomer(input: $in) { customer { id } userErrors { field code message } } }`
		newCustomer := func(prefix string, tags ...*ent.Tag) map[string]any {
			var tids []string
			for _, tg := range tags {
				tids = append(tids, string(tg.ID))
			}
			return map[string]any{"in": map[string]any{
				"domainPrefix": prefix, "companyName": "Wingtip Outfitters", "country": "GB", "language": "en", "culture": "en-GB",
				"billingProfile": map[string]any{"firstName": "Jane", "lastName": "Smith", "email": "jane@wingtip.example",
					"culture": "en-GB", "language": "en", "addressLine1": "1 High Street", "city": "London", "postalCode": "SW1A 1AA", "country": "GB"},
				"tagIDs": tids,
			}}
		}
		var cc struct {
			CreateCustomer struct {
				Customer   *struct{ ID string }
				UserErrors []userError
			}
		}
		res = e.post(w.AdminB, ccQ, newCustomer("wingtipiso", w.aTag))
		_ = json.Unmarshal(res.Data, &cc)
		wantNotFound("createCustomer with A's tag as B", res, cc.CreateCustomer.UserErrors)
		if cc.CreateCustomer.Customer != nil {
			t.Errorf("createCustomer with A's tag as B created %s", cc.CreateCustomer.Customer.ID)
		}
		res = e.post(w.AdminB, ccQ, newCustomer("wingtipiso", bPrio))
		isoData(t, res, &cc)
		if cc.CreateCustomer.Customer == nil || len(cc.CreateCustomer.UserErrors) != 0 {
			t.Errorf("createCustomer with B's own tag as B: %s, want created", res.Data)
		}
	})
}

func TestIsolationViewer(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := isoSetup(e)
		q := `{ viewer { user { id email partner { id } } partner { id name } } tags { id name customerCount } }`
		type view struct {
			Viewer struct {
				User struct {
					ID, Email string
					Partner   struct{ ID string }
				}
				Partner struct{ ID, Name string }
			}
			Tags []struct {
				ID, Name      string
				CustomerCount int
			}
		}
		for _, as := range []struct {
			email, userID string
			partner       *ent.Partner
			tags          map[string]*ent.Tag
		}{{w.AdminB, w.bUserID, w.B, w.TagsB}, {w.AdminA, w.aUserID, w.A, w.TagsA}} {
			var v view
			res := e.post(as.email, q, nil)
			isoData(t, res, &v)
			if as.email == w.AdminB {
				isoNoLeak(t, "viewer as B", isoRaw(res), w)
			}
			if v.Viewer.User.Email != as.email || v.Viewer.User.ID != as.userID || v.Viewer.Partner.ID != string(as.partner.ID) ||
				v.Viewer.Partner.Name != as.partner.Name || v.Viewer.User.Partner.ID != string(as.partner.ID) {
				t.Errorf("viewer as %s = %+v", as.email, v.Viewer)
			}
			var got, want []string
			for _, tg := range v.Tags {
				got = append(got, tg.ID)
				// Each partner's tag on the shared Northwind counts 1; the other partner's tags do not add.
				wantCount := 0
				if tg.ID == string(w.aTag.ID) || tg.ID == string(w.bTag.ID) {
					wantCount = 1
				}
				if tg.CustomerCount != wantCount {
					t.Errorf("tags as %s: %s customerCount %d, want %d", as.email, tg.Name, tg.CustomerCount, wantCount)
				}
			}
			for _, tg := range as.tags {
				want = append(want, string(tg.ID))
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("tags as %s = %v, want %v", as.email, got, want)
			}
		}
	})
}

func TestIsolationUnauthenticated(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := isoSetup(e)
		ops := map[string]string{
			"customers":     `{ customers { totalCount edges { node { id } } } }`,
			"viewer":        `{ viewer { user { id } } }`,
			"tags":          `{ tags { id } }`,
			"node":          `{ node(id: "` + string(w.soc.ID) + `") { id } }`,
			"domain":        `{ domainAvailable(prefix: "northwind") { available } }`,
			"typename":      `{ __typename }`,
			"introspection": `{ __schema { types { name } } }`,
			"type":          `{ __type(name: "Customer") { fields { name } } }`,
			"createTag":     `mutation { createTag(input: {name: "Anonymous"}) { tag { id } userErrors { code } } }`,
		}
		for name, q := range ops {
			res := e.post("", q, nil)
			if codes := res.errorCodes(); len(codes) == 0 || codes[0] != "UNAUTHENTICATED" {
				t.Errorf("%s without a user: errors %+v, want UNAUTHENTICATED", name, res.Errors)
			}
			if len(res.Data) != 0 && string(res.Data) != "null" {
				t.Errorf("%s without a user: data %s, want null", name, res.Data)
			}
			isoNoLeak(t, name+" without a user", isoRaw(res), w)
			// The same operation as a signed-in user gets through.
			if res := e.post(w.AdminA, q, nil); slices.Contains(res.errorCodes(), "UNAUTHENTICATED") || len(res.Data) == 0 || string(res.Data) == "null" {
				t.Errorf("%s as A: %s %+v, want data", name, res.Data, res.Errors)
			}
		}
		if n := e.client.Tag.Query().Where(tag.Name("Anonymous")).CountX(sys); n != 1 {
			t.Errorf("%d tags named Anonymous, want 1 (A's only)", n)
		}
		// A blank header is no user.
		res := e.httptPostAs("  ", `{ viewer { user { id } } }`)
		if codes := res.errorCodes(); len(codes) == 0 || codes[0] != "UNAUTHENTICATED" {
			t.Errorf("blank demo header: HTTP %d errors %+v, want UNAUTHENTICATED", res.status, res.Errors)
		}
	})
}

// httptPostAs posts a query with the demo header set verbatim (even blank) and decodes the response
// when it is JSON.
func (e *env) httptPostAs(header, query string) *gqlResponse {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	r := httptDo(e.t, http.MethodPost, e.srv.URL+"/graphql", map[string]string{
		"Content-Type": "application/json", graph.DemoUserHeader: header}, body)
	out := &gqlResponse{status: r.status}
	_ = json.Unmarshal(r.body, out)
	return out
}

func TestIsolationDemoHeader(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		w := isoSetup(e)
		inactive := "gone@beta.test"
		e.client.User.Create().SetPartnerID(w.B.ID).SetEmail(inactive).SetName("Former Beta").
			SetRoles([]enum.Role{enum.GlobalAdmin}).SetActive(false).ExecX(sys)
		q := `{ viewer { user { email } } }`
		for _, email := range []string{"nobody@nowhere.test", "admin@alpha.test.evil", inactive, "%", "admin@%"} {
			res := e.httptPostAs(email, q)
			if res.status != http.StatusUnauthorized {
				t.Errorf("demo user %q: HTTP %d (data %s), want 401", email, res.status, res.Data)
			}
			if len(res.Data) != 0 && string(res.Data) != "null" {
				t.Errorf("demo user %q: data %s", email, res.Data)
			}
		}
		// Known users get in, whatever the case of the email.
		for _, email := range []string{w.AdminA, strings.ToUpper(w.AdminA)} {
			var v struct {
				Viewer struct{ User struct{ Email string } }
			}
			res := e.httptPostAs(email, q)
			if res.status != http.StatusOK {
				t.Errorf("demo user %q: HTTP %d, want 200", email, res.status)
				continue
			}
			isoData(t, res, &v)
			if v.Viewer.User.Email != w.AdminA {
				t.Errorf("demo user %q signed in as %q", email, v.Viewer.User.Email)
			}
		}

		// Outside demo mode the header is refused, even for a real user.
		prod := newEnv(t, e.name, graph.Options{Demo: false})
		p := prod.client.Partner.Create().SetName("Prod Partner").SetCapacities([]enum.Capacity{enum.DirectBill}).
			SetEmailDomains([]string{"prod.test"}).SaveX(sys)
		prod.client.User.Create().SetPartnerID(p.ID).SetEmail("admin@prod.test").SetName("Prod Admin").
			SetRoles([]enum.Role{enum.GlobalAdmin}).ExecX(sys)
		res := prod.httptPostAs("admin@prod.test", q)
		if res.status != http.StatusUnauthorized {
			t.Errorf("demo header on a non-demo server: HTTP %d (data %s), want 401", res.status, res.Data)
		}
		if len(res.Data) != 0 && string(res.Data) != "null" {
			t.Errorf("demo header on a non-demo server: data %s", res.Data)
		}
		res = prod.post("", q, nil)
		if codes := res.errorCodes(); len(codes) == 0 || codes[0] != "UNAUTHENTICATED" {
			t.Errorf("non-demo server without a user: %+v, want UNAUTHENTICATED", res.Errors)
		}
	})
}
