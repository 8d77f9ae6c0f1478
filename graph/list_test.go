package graph_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/relationship"
	"partnerhub/ent/text"
	"partnerhub/graph"
)

type listPage struct {
	Customers struct {
		TotalCount int `json:"totalCount"`
		PageInfo   struct {
			HasNextPage     bool    `json:"hasNextPage"`
			HasPreviousPage bool    `json:"hasPreviousPage"`
			StartCursor     *string `json:"startCursor"`
			EndCursor       *string `json:"endCursor"`
		} `json:"pageInfo"`
		Edges []struct {
			Cursor string `json:"cursor"`
			Node   struct {
				ID            string `json:"id"`
				DisplayName   string `json:"displayName"`
				PrimaryDomain string `json:"primaryDomain"`
				Country       string `json:"country"`
			} `json:"node"`
		} `json:"edges"`
	} `json:"customers"`
}

func (p listPage) names() []string {
	var out []string
	for _, e := range p.Customers.Edges {
		out = append(out, e.Node.DisplayName)
	}
	return out
}

const listQuery = `query($first: Int, $after: Cursor, $last: Int, $before: Cursor, $search: String,
	$orderBy: [CustomerOrder!], $filter: CustomerListFilter) {
  customers(first: $first, after: $after, last: $last, before: $before, search: $search, orderBy: $orderBy, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id displayName primaryDomain country } }
  }
}`

func list(e *env, as string, vars map[string]any) listPage {
	e.t.Helper()
	var p listPage
	e.query(as, listQuery, vars, &p)
	return p
}

func TestListSearch(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		cases := []struct {
			search string
			want   []string
		}{
			{"lodz", []string{"Łódź Trading Sp. z o.o."}},
			{"ŁÓDŹ", []string{"Łódź Trading Sp. z o.o."}},
			{"societe", []string{"Société Générale de Logistique"}},
			{"generale", []string{"Société Générale de Logistique"}},
			{"контур", []string{"ООО «Контур»"}},
			{"КОНТ", []string{"ООО «Контур»"}},
			{"zaklady zyw", []string{"Zakłady Mięsne Żywiec S.A."}},
			{"citta perugia", []string{"Città di Perugia Servizi S.r.l."}},
			{"  Perugia,  servizi ", []string{"Città di Perugia Servizi S.r.l."}},
			// Start of any word, not the middle of one.
			{"rugia", nil},
			{"ski", []string{"alpine Ski House"}},
			// Primary domain and its parts.
			{"sglogist", []string{"Société Générale de Logistique"}},
			{"contosopharma.onmicrosoft.com", []string{"Contoso Pharmaceuticals"}},
			// All words must match.
			{"lodz logistique", nil},
			// B's "Beta Only Łódź Logistics" is never A's.
			{"beta", nil},
			// LIKE wildcards are plain characters, not patterns.
			{"lod%", []string{"Łódź Trading Sp. z o.o."}},
			{"l_dz", nil},
		}
		for _, c := range cases {
			p := list(e, f.AdminA, map[string]any{"search": c.search})
			if got := p.names(); !slices.Equal(got, c.want) {
				t.Errorf("search %q: got %q, want %q", c.search, got, c.want)
			}
			if p.Customers.TotalCount != len(c.want) {
				t.Errorf("search %q: totalCount %d, want %d", c.search, p.Customers.TotalCount, len(c.want))
			}
		}
		// A search without letters or digits does not filter.
		for _, q := range []string{"%", "_", " - "} {
			if p := list(e, f.AdminA, map[string]any{"search": q}); p.Customers.TotalCount != 8 {
				t.Errorf("search %q: totalCount %d, want the whole list (8)", q, p.Customers.TotalCount)
			}
		}
		// The Microsoft ID, whole or by its first group.
		msid := f.C["ООО «Контур»"].MicrosoftID
		for _, q := range []string{msid, strings.Split(msid, "-")[0], strings.ToUpper(msid)} {
			if got := list(e, f.AdminA, map[string]any{"search": q}).names(); !slices.Equal(got, []string{"ООО «Контур»"}) {
				t.Errorf("search by Microsoft ID %q: got %q", q, got)
			}
		}
		if got := list(e, f.AdminB, map[string]any{"search": "beta lodz"}).names(); len(got) != 1 {
			t.Errorf("B searching its own customer: got %q", got)
		}
	})
}

func TestListSearchFollowsRename(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		c := f.C["ООО «Контур»"]
		var bp struct {
			UpdateBillingProfile struct {
				UserErrors []userError `json:"userErrors"`
			} `json:"updateBillingProfile"`
		}
		e.query(f.AdminA, `mutation($id: ID!) { updateBillingProfile(input: {customerID: $id, version: 1, companyName: "Kontur Östersund"}) { userErrors { field code message } } }`,
			map[string]any{"id": c.ID}, &bp)
		if len(bp.UpdateBillingProfile.UserErrors) > 0 {
			t.Fatalf("rename: %+v", bp.UpdateBillingProfile.UserErrors)
		}
		for q, want := range map[string][]string{
			"ostersund": {"Kontur Östersund"}, // the new bill-to name
			"контур":    {"Kontur Östersund"}, // the original name still finds it
			"ооо":       {"Kontur Östersund"},
		} {
			if got := list(e, f.AdminA, map[string]any{"search": q}).names(); !slices.Equal(got, want) {
				t.Errorf("after rename, search %q: got %q, want %q", q, got, want)
			}
		}
	})
}

func TestListSort(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		byName := []string{
			"alpine Ski House", "Città di Perugia Servizi S.r.l.", "Contoso Pharmaceuticals",
			"Łódź Trading Sp. z o.o.", "Northwind Traders Ltd", "Société Générale de Logistique",
			"Zakłady Mięsne Żywiec S.A.", "ООО «Контур»",
		}
		order := func(field, dir string) []map[string]string {
			return []map[string]string{{"field": field, "direction": dir}}
		}
		if got := list(e, f.AdminA, map[string]any{"orderBy": order("COMPANY_NAME", "ASC")}).names(); !slices.Equal(got, byName) {
			t.Errorf("by name ASC (case- and accent-insensitive):\n got %q\nwant %q", got, byName)
		}
		// The default order is by name.
		if got := list(e, f.AdminA, nil).names(); !slices.Equal(got, byName) {
			t.Errorf("default order:\n got %q\nwant %q", got, byName)
		}
		desc := slices.Clone(byName)
		slices.Reverse(desc)
		if got := list(e, f.AdminA, map[string]any{"orderBy": order("COMPANY_NAME", "DESC")}).names(); !slices.Equal(got, desc) {
			t.Errorf("by name DESC:\n got %q\nwant %q", got, desc)
		}
		p := list(e, f.AdminA, map[string]any{"orderBy": order("DOMAIN", "ASC")})
		var domains []string
		for _, e := range p.Customers.Edges {
			domains = append(domains, e.Node.PrimaryDomain)
		}
		if !slices.IsSorted(domains) || len(domains) != 8 {
			t.Errorf("by domain: %q", domains)
		}
		p = list(e, f.AdminA, map[string]any{"orderBy": []map[string]string{
			{"field": "COUNTRY", "direction": "DESC"}, {"field": "COMPANY_NAME", "direction": "ASC"}}})
		want := []string{"alpine Ski House", "Contoso Pharmaceuticals", "ООО «Контур»", "Łódź Trading Sp. z o.o.",
			"Zakłady Mięsne Żywiec S.A.", "Città di Perugia Servizi S.r.l.", "Northwind Traders Ltd", "Société Générale de Logistique"}
		if got := p.names(); !slices.Equal(got, want) {
			t.Errorf("by country DESC then name:\n got %q\nwant %q", got, want)
		}
		// Created date: set distinct times and expect them back in order.
		for i, name := range byName {
			if _, err := e.db.SQL.Exec(`UPDATE customers SET created_at = ? WHERE id = ?`, f.C[name].CreatedAt.AddDate(0, 0, -i), f.C[name].ID); err != nil {
				t.Fatal(err)
			}
		}
		asc := slices.Clone(byName)
		slices.Reverse(asc)
		if got := list(e, f.AdminA, map[string]any{"orderBy": order("CREATED_AT", "ASC")}).names(); !slices.Equal(got, asc) {
			t.Errorf("by created ASC:\n got %q\nwant %q", got, asc)
		}
	})
}

// TestListPaging walks the whole list forwards and backwards in small pages, with ties in the sort
// key, and expects every customer exactly once and in order.
func TestListPaging(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		for i := range 23 {
			// Many customers share a name and a country: the ID breaks ties.
			e.addCustomer(customerSpec{name: fmt.Sprintf("Twin Name %d", i%3), domain: fmt.Sprintf("twin%02d", i), country: "PL", owners: []*ent.Partner{f.A}})
		}
		// Unfiltered (the maintained total) and filtered (the first page's total comes with its rows,
		// later pages count): the same pages and the same total on every page.
		for _, s := range []struct {
			vars  map[string]any
			total int
		}{
			{nil, 31},
			{map[string]any{"search": "twin"}, 23},
			{map[string]any{"search": "twin", "filter": map[string]any{"countries": []string{"PL"}}}, 23},
		} {
			with := func(v map[string]any) map[string]any {
				maps.Copy(v, s.vars)
				return v
			}
			for _, orderBy := range [][]map[string]string{
				{{"field": "COMPANY_NAME", "direction": "ASC"}},
				{{"field": "COMPANY_NAME", "direction": "DESC"}},
				{{"field": "COUNTRY", "direction": "ASC"}},
				{{"field": "CREATED_AT", "direction": "DESC"}},
			} {
				all := list(e, f.AdminA, with(map[string]any{"first": 100, "orderBy": orderBy}))
				if all.Customers.TotalCount != s.total || len(all.Customers.Edges) != s.total {
					t.Fatalf("%v: %d of %d", orderBy, len(all.Customers.Edges), all.Customers.TotalCount)
				}
				var want []string
				for _, e := range all.Customers.Edges {
					want = append(want, e.Node.ID)
				}
				// Forwards, 4 at a time.
				var got []string
				vars := with(map[string]any{"first": 4, "orderBy": orderBy})
				for pages := 0; ; pages++ {
					p := list(e, f.AdminA, vars)
					if p.Customers.TotalCount != s.total {
						t.Fatalf("%v %v page %d: totalCount %d, want %d", s.vars, orderBy, pages, p.Customers.TotalCount, s.total)
					}
					for _, e := range p.Customers.Edges {
						got = append(got, e.Node.ID)
					}
					if pages > 0 != p.Customers.PageInfo.HasPreviousPage {
						t.Errorf("%v page %d: hasPreviousPage %v", orderBy, pages, p.Customers.PageInfo.HasPreviousPage)
					}
					if !p.Customers.PageInfo.HasNextPage {
						break
					}
					vars["after"] = *p.Customers.PageInfo.EndCursor
				}
				if !slices.Equal(got, want) {
					t.Errorf("%v forwards: got %d ids, want %d (same order: %v)", orderBy, len(got), len(want), slices.Equal(got, want))
				}
				// Backwards, 5 at a time, from the end.
				got = nil
				vars = with(map[string]any{"last": 5, "orderBy": orderBy})
				for {
					p := list(e, f.AdminA, vars)
					if p.Customers.TotalCount != s.total {
						t.Fatalf("%v %v backwards: totalCount %d, want %d", s.vars, orderBy, p.Customers.TotalCount, s.total)
					}
					var page []string
					for _, e := range p.Customers.Edges {
						page = append(page, e.Node.ID)
					}
					got = append(page, got...)
					if !p.Customers.PageInfo.HasPreviousPage {
						break
					}
					vars["before"] = *p.Customers.PageInfo.StartCursor
				}
				if !slices.Equal(got, want) {
					t.Errorf("%v backwards: got %d ids, want %d", orderBy, len(got), len(want))
				}
			}
		}
		// An empty list has no cursors and no pages.
		p := list(e, f.AdminA, map[string]any{"search": "nothing matches this"})
		if p.Customers.TotalCount != 0 || len(p.Customers.Edges) != 0 || p.Customers.PageInfo.HasNextPage || p.Customers.PageInfo.EndCursor != nil {
			t.Errorf("empty list: %+v", p.Customers)
		}
	})
}

func TestListFilters(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		ent1, smb := f.TagsA["Enterprise"], f.TagsA["SMB"]
		e.tag(f.C["Łódź Trading Sp. z o.o."], ent1, smb)
		e.tag(f.C["Société Générale de Logistique"], ent1)
		e.tag(f.C["ООО «Контур»"], smb)
		e.tag(f.C["Northwind Traders Ltd"], f.TagsB["Enterprise"]) // B's tag: not A's filter
		e.client.Customer.UpdateOneID(f.C["ООО «Контур»"].ID).SetVerificationStatus(customer.VerificationStatusNOT_ALLOWED).ExecX(sys)
		e.client.Customer.UpdateOneID(f.C["alpine Ski House"].ID).SetVerificationStatus(customer.VerificationStatusALLOWED).ExecX(sys)

		// A provider's customers sold through its reseller.
		viaR := e.addCustomer(customerSpec{name: "Via Reseller Gmbh", domain: "viareseller", country: "DE"})
		e.client.Relationship.Create().SetPartnerID(f.P.ID).SetCustomerID(viaR.ID).SetType("INDIRECT_PROVIDER").SetAssociatedPartnerID(f.R.ID).ExecX(sys)
		e.client.Relationship.Create().SetPartnerID(f.R.ID).SetCustomerID(viaR.ID).SetType("INDIRECT_RESELLER").SetAssociatedPartnerID(f.P.ID).ExecX(sys)

		cases := []struct {
			as     string
			filter map[string]any
			search string
			want   []string
		}{
			{f.AdminA, map[string]any{"tagsAny": []string{string(ent1.ID), string(smb.ID)}},
				"", []string{"Łódź Trading Sp. z o.o.", "Société Générale de Logistique", "ООО «Контур»"}},
			{f.AdminA, map[string]any{"tagsAll": []string{string(ent1.ID), string(smb.ID)}},
				"", []string{"Łódź Trading Sp. z o.o."}},
			{f.AdminA, map[string]any{"tagsAny": []string{string(ent1.ID)}}, "lodz", []string{"Łódź Trading Sp. z o.o."}},
			// Search with a tag filter (checked customer by customer): every word and the tag must hold.
			{f.AdminA, map[string]any{"tagsAny": []string{string(smb.ID)}}, "контур", []string{"ООО «Контур»"}},
			{f.AdminA, map[string]any{"tagsAny": []string{string(ent1.ID)}}, "контур", []string{}},
			{f.AdminA, map[string]any{"tagsAll": []string{string(ent1.ID), string(smb.ID)}}, "trad lod", []string{"Łódź Trading Sp. z o.o."}},
			{f.AdminA, map[string]any{"tagsAny": []string{string(ent1.ID), string(smb.ID)}}, "trad société", []string{}},
			{f.AdminB, map[string]any{"tagsAny": []string{string(f.TagsB["Enterprise"].ID)}}, "north", []string{"Northwind Traders Ltd"}},
			{f.AdminA, map[string]any{"countries": []string{"PL", "IT"}},
				"", []string{"Città di Perugia Servizi S.r.l.", "Łódź Trading Sp. z o.o.", "Zakłady Mięsne Żywiec S.A."}},
			{f.AdminA, map[string]any{"verificationStatuses": []string{"NOT_ALLOWED", "ALLOWED"}},
				"", []string{"alpine Ski House", "ООО «Контур»"}},
			{f.AdminA, map[string]any{"relationshipTypes": []string{"DIRECT_BILL"}}, "", nil}, // all 8: checked below
			{f.AdminA, map[string]any{"relationshipTypes": []string{"ADVISOR"}}, "", []string{}},
			{f.AdminP, map[string]any{"associatedPartnerIDs": []string{string(f.R.ID)}}, "", []string{"Via Reseller Gmbh"}},
			{f.AdminP, map[string]any{"relationshipTypes": []string{"INDIRECT_PROVIDER"}}, "", []string{"Fabrikam Residences", "Via Reseller Gmbh"}},
			{f.AdminR, map[string]any{"relationshipTypes": []string{"INDIRECT_RESELLER"}}, "", []string{"Via Reseller Gmbh"}},
			// Every filter must hold.
			{f.AdminA, map[string]any{"countries": []string{"PL"}, "tagsAny": []string{string(smb.ID)}}, "", []string{"Łódź Trading Sp. z o.o."}},
		}
		for i, c := range cases {
			vars := map[string]any{"filter": c.filter}
			if c.search != "" {
				vars["search"] = c.search
			}
			p := list(e, c.as, vars)
			got := p.names()
			if c.want == nil {
				if len(got) != 8 {
					t.Errorf("case %d: %d customers, want 8", i, len(got))
				}
				continue
			}
			if !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
				t.Errorf("case %d %v: got %q, want %q", i, c.filter, got, c.want)
			}
			if p.Customers.TotalCount != len(c.want) {
				t.Errorf("case %d: totalCount %d, want %d", i, p.Customers.TotalCount, len(c.want))
			}
		}
	})
}

// TestListStatementCount locks in that the list screen costs the same few SQL statements whatever the
// page size: the page, its billing profiles, relationships and tags, and the total.
func TestListStatementCount(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		for i := range 110 {
			c := e.addCustomer(customerSpec{name: fmt.Sprintf("Customer %03d", i), domain: fmt.Sprintf("cust%03d", i), country: "PL", owners: []*ent.Partner{f.A}})
			e.tag(c, f.TagsA["Enterprise"], f.TagsA["SMB"])
		}
		const screen = `query($first: Int!, $search: String, $filter: CustomerListFilter) {
		  viewer { user { name } partner { name } }
		  customers(first: $first, search: $search, filter: $filter) {
		    totalCount pageInfo { hasNextPage endCursor }
		    edges { node { id displayName primaryDomain microsoftID country verificationStatus
		      billingProfile { companyName email city }
		      relationships { type status delegatedAdmin associatedPartner { name } }
		      tags { id name color } } }
		  }
		}`
		count := func(first int, vars map[string]any) (int, []string) {
			if vars == nil {
				vars = map[string]any{}
			}
			vars["first"] = first
			var p struct {
				Customers struct {
					Edges []struct {
						Node struct {
							BillingProfile *struct{ Email string } `json:"billingProfile"`
							Tags           []struct{ Name string } `json:"tags"`
						} `json:"node"`
					} `json:"edges"`
				} `json:"customers"`
			}
			e.rec.Reset()
			e.query(f.AdminA, screen, vars, &p)
			if len(p.Customers.Edges) != first {
				t.Fatalf("got %d customers, want %d", len(p.Customers.Edges), first)
			}
			for _, edge := range p.Customers.Edges {
				if edge.Node.BillingProfile == nil {
					t.Fatalf("a customer without its billing profile")
				}
			}
			return e.rec.Count(), e.rec.Statements()
		}
		for _, vars := range []map[string]any{
			nil,
			{"filter": map[string]any{"tagsAny": []string{string(f.TagsA["SMB"].ID)}}},
			{"search": "customer"},
		} {
			n10, s10 := count(10, vars)
			n100, s100 := count(100, vars)
			if n10 != n100 {
				t.Errorf("%v: %d statements for 10 customers but %d for 100:\n%s\n---\n%s", vars, n10, n100,
					strings.Join(s10, "\n"), strings.Join(s100, "\n"))
			}
			// The unfiltered list: the viewer (user and partner in one), the page and three edges (no
			// COUNT: the partner's maintained total). Filtered lists add the tag check, and their total
			// comes with the first page.
			limit := 5
			if vars != nil {
				limit = 6
			}
			if n100 > limit {
				t.Errorf("%v: %d statements, want at most %d:\n%s", vars, n100, limit, strings.Join(s100, "\n"))
			}
		}
	})
}

// TestListLargePartnerPlan runs the list with the visibility condition every large partner gets
// (walking the sort index, checking each customer's relationship): the same customers, order, pages,
// filters and isolation as the semi-join form the other list tests use.
func TestListLargePartnerPlan(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			e := newEnv(t, b, graph.Options{Demo: true, LargeList: 1})
			f := e.fixture()
			e.tag(f.C["Łódź Trading Sp. z o.o."], f.TagsA["SMB"])
			e.tag(f.C["Northwind Traders Ltd"], f.TagsB["SMB"])
			want := []string{"alpine Ski House", "Città di Perugia Servizi S.r.l.", "Contoso Pharmaceuticals",
				"Łódź Trading Sp. z o.o.", "Northwind Traders Ltd", "Société Générale de Logistique",
				"Zakłady Mięsne Żywiec S.A.", "ООО «Контур»"}
			// A sort by two keys walks the sort index (a sort by one key reads the partner's list
			// entries: see TestListFromEntries).
			var got []string
			vars := map[string]any{"first": 3, "orderBy": []map[string]string{{"field": "COMPANY_NAME", "direction": "DESC"}, {"field": "COUNTRY", "direction": "ASC"}}}
			for {
				p := list(e, f.AdminA, vars)
				if p.Customers.TotalCount != 8 {
					t.Fatalf("totalCount %d", p.Customers.TotalCount)
				}
				got = append(got, p.names()...)
				if !p.Customers.PageInfo.HasNextPage {
					break
				}
				vars["after"] = *p.Customers.PageInfo.EndCursor
			}
			slices.Reverse(got)
			if !slices.Equal(got, want) {
				t.Errorf("pages:\n got %q\nwant %q", got, want)
			}
			if got := list(e, f.AdminA, map[string]any{"search": "lodz"}).names(); !slices.Equal(got, []string{"Łódź Trading Sp. z o.o."}) {
				t.Errorf("search: %q", got)
			}
			if got := list(e, f.AdminA, map[string]any{"filter": map[string]any{"tagsAny": []string{string(f.TagsA["SMB"].ID)}}}).names(); !slices.Equal(got, []string{"Łódź Trading Sp. z o.o."}) {
				t.Errorf("tag filter: %q", got)
			}
			if got := list(e, f.AdminB, map[string]any{"orderBy": []map[string]string{{"field": "COMPANY_NAME", "direction": "DESC"}}}).names(); !slices.Equal(got, []string{"Northwind Traders Ltd", "Beta Only Łódź Logistics"}) {
				t.Errorf("B's list: %q", got)
			}
			res := e.post(f.AdminB, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": f.C["ООО «Контур»"].ID})
			if string(res.Data) != `{"node":null}` || !slices.Equal(res.errorCodes(), []string{"NOT_FOUND"}) {
				t.Errorf("B reaching A's customer by ID: %s %v", res.Data, res.errorCodes())
			}
			// The SQL really is the index-walking form.
			e.rec.Reset()
			list(e, f.AdminA, map[string]any{"orderBy": []map[string]string{{"field": "COUNTRY", "direction": "ASC"}, {"field": "COMPANY_NAME", "direction": "ASC"}}})
			if !strings.Contains(strings.Join(e.rec.Statements(), "\n"), "visible_rel") {
				t.Errorf("the large-partner form was not used:\n%s", strings.Join(e.rec.Statements(), "\n"))
			}
		})
	}
}

// TestSearchTermsFollowRelationships: search terms belong to the partners with an ACTIVE relationship
// with the customer. They follow a rename (for every such partner), a partner gaining a customer (a
// relationship becoming ACTIVE) and losing it (removed), and a second relationship of the same
// partner changes nothing.
func TestSearchTermsFollowRelationships(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		termsMatch(t, e, "fixture")

		// A renames a customer it shares with B: B's search finds the new name.
		nw := f.C["Northwind Traders Ltd"]
		var bp struct {
			UpdateBillingProfile struct {
				UserErrors []userError `json:"userErrors"`
			} `json:"updateBillingProfile"`
		}
		e.query(f.AdminA, `mutation($id: ID!) { updateBillingProfile(input: {customerID: $id, version: 1, companyName: "Nordwind Handel Ltd"}) { userErrors { field code message } } }`,
			map[string]any{"id": nw.ID}, &bp)
		if len(bp.UpdateBillingProfile.UserErrors) > 0 {
			t.Fatalf("rename: %+v", bp.UpdateBillingProfile.UserErrors)
		}
		if got := list(e, f.AdminB, map[string]any{"search": "nordwind"}).names(); !slices.Equal(got, []string{"Nordwind Handel Ltd"}) {
			t.Errorf("B after A's rename, search \"nordwind\": got %q", got)
		}
		termsMatch(t, e, "after a rename")

		// B gains A's customer Contoso (a request accepted): B finds it; then a second relationship.
		contoso := f.C["Contoso Pharmaceuticals"]
		if got := list(e, f.AdminB, map[string]any{"search": "contoso"}).names(); len(got) != 0 {
			t.Errorf("B before its relationship, search \"contoso\": got %q", got)
		}
		req := e.client.Relationship.Create().SetPartnerID(f.B.ID).SetCustomerID(contoso.ID).
			SetType(relationship.TypeDIRECT_BILL).SetStatus(relationship.StatusPENDING).SaveX(sys)
		termsMatch(t, e, "after a request")
		e.client.Relationship.UpdateOne(req).SetStatus(relationship.StatusACTIVE).ExecX(sys)
		if got := list(e, f.AdminB, map[string]any{"search": "pharma"}).names(); !slices.Equal(got, []string{"Contoso Pharmaceuticals"}) {
			t.Errorf("B after the request was accepted, search \"pharma\": got %q", got)
		}
		termsMatch(t, e, "after acceptance")
		// B tags it: a search for a short word in that tag finds it (from B's tag prefixes).
		smbB := string(f.TagsB["SMB"].ID)
		if p := mutTagsOp(e, f.AdminB, "tagsAdd", []string{string(contoso.ID)}, []string{smbB, string(f.TagsB["Priority"].ID)}); len(p.UserErrors) > 0 {
			t.Fatalf("tagsAdd: %+v", p.UserErrors)
		}
		inSMB := map[string]any{"search": "ph", "filter": map[string]any{"tagsAny": []string{smbB}}}
		if got := list(e, f.AdminB, inSMB).names(); !slices.Equal(got, []string{"Contoso Pharmaceuticals"}) {
			t.Errorf("B, search \"ph\" in its tag SMB: got %q", got)
		}
		termsMatch(t, e, "after B tagged it")
		advisor := e.client.Relationship.Create().SetPartnerID(f.B.ID).SetCustomerID(contoso.ID).SetType(relationship.TypeADVISOR).SaveX(sys)
		termsMatch(t, e, "after a second relationship")

		// B loses it only with its last relationship.
		e.client.Relationship.UpdateOne(req).SetStatus(relationship.StatusREMOVED).ExecX(sys)
		if got := list(e, f.AdminB, map[string]any{"search": "pharma"}).names(); !slices.Equal(got, []string{"Contoso Pharmaceuticals"}) {
			t.Errorf("B with its advisor relationship left, search \"pharma\": got %q", got)
		}
		termsMatch(t, e, "after removing one of two")
		e.client.Relationship.UpdateOne(advisor).SetStatus(relationship.StatusREMOVED).ExecX(sys)
		termsMatch(t, e, "after removing the last")
		if got := list(e, f.AdminA, map[string]any{"search": "pharma"}).names(); !slices.Equal(got, []string{"Contoso Pharmaceuticals"}) {
			t.Errorf("A, search \"pharma\": got %q", got)
		}
		// Its tag links stay while B does not see it; its tag prefixes come back with a relationship,
		// follow a rename, and go with the tag taken off and with a deleted tag.
		if p := list(e, f.AdminB, inSMB); len(p.Customers.Edges) != 0 || p.Customers.TotalCount != 0 {
			t.Errorf("B without a relationship, search \"ph\" in its tag SMB: %+v", p.Customers)
		}
		e.client.Relationship.Create().SetPartnerID(f.B.ID).SetCustomerID(contoso.ID).SetType(relationship.TypeDIRECT_BILL).ExecX(sys)
		if got := list(e, f.AdminB, inSMB).names(); !slices.Equal(got, []string{"Contoso Pharmaceuticals"}) {
			t.Errorf("B with a relationship again, search \"ph\" in its tag SMB: got %q", got)
		}
		termsMatch(t, e, "after a new relationship")
		e.query(f.AdminA, `mutation($id: ID!) { updateBillingProfile(input: {customerID: $id, version: 1, companyName: "Kontoso Labs"}) { userErrors { field code message } } }`,
			map[string]any{"id": contoso.ID}, &bp)
		if len(bp.UpdateBillingProfile.UserErrors) > 0 {
			t.Fatalf("rename: %+v", bp.UpdateBillingProfile.UserErrors)
		}
		inSMB["search"] = "ko"
		if got := list(e, f.AdminB, inSMB).names(); !slices.Equal(got, []string{"Kontoso Labs"}) {
			t.Errorf("B after A's rename, search \"ko\" in its tag SMB: got %q", got)
		}
		termsMatch(t, e, "after renaming a tagged customer")
		if p := mutTagsOp(e, f.AdminB, "tagsRemove", []string{string(contoso.ID)}, []string{smbB}); len(p.UserErrors) > 0 {
			t.Fatalf("tagsRemove: %+v", p.UserErrors)
		}
		if p := list(e, f.AdminB, inSMB); len(p.Customers.Edges) != 0 || p.Customers.TotalCount != 0 {
			t.Errorf("B after taking the tag off, search \"ko\" in its tag SMB: %+v", p.Customers)
		}
		termsMatch(t, e, "after taking a tag off")
		if _, errs := mutDeleteTag(e, f.AdminB, string(f.TagsB["Priority"].ID)); len(errs) > 0 {
			t.Fatalf("deleteTag: %+v", errs)
		}
		termsMatch(t, e, "after deleting a tag")
		// A tag link can only be removed by the rules that keep its tag prefixes.
		if _, err := e.client.CustomerTag.Delete().Exec(sys); err == nil {
			t.Error("deleting tag links directly: no error")
		}
		// Nor put on or taken off through the edges of customers and tags, which ent writes past the
		// tag links' hooks.
		lodz := f.C["Łódź Trading Sp. z o.o."]
		for what, err := range map[string]error{
			"a customer's tags edge":   e.client.Customer.UpdateOne(lodz).AddTagIDs(f.TagsA["SMB"].ID).Exec(sys),
			"a tag's customers edge":   e.client.Tag.UpdateOne(f.TagsA["Enterprise"]).AddCustomerIDs(lodz.ID).Exec(sys),
			"a customer's tags, off":   e.client.Customer.UpdateOne(contoso).RemoveTagIDs(f.TagsA["SMB"].ID).Exec(sys),
			"a customer's tags, clear": e.client.Customer.UpdateOne(contoso).ClearTags().Exec(sys),
		} {
			if err == nil || !strings.Contains(err.Error(), "keep their tag prefixes") {
				t.Errorf("tag links through %s: %v, want refused", what, err)
			}
		}
		termsMatch(t, e, "after tag links refused through edges")
	})
}

// termsMatch checks the search_terms, search_prefixes and tag_prefixes tables against what they must
// hold: for every partner with an ACTIVE relationship with a customer, exactly the customer's terms and
// their prefixes (with its sort key), and those prefixes again for each of the partner's tags on the
// customer; nothing else.
func termsMatch(t *testing.T, e *env, when string) {
	t.Helper()
	want := map[string]bool{}
	for _, c := range e.client.Customer.Query().WithRelationships().WithTags().AllX(sys) {
		terms := text.Terms(c.CompanyName, c.DisplayName, c.PrimaryDomain, c.MicrosoftID)
		for _, r := range c.Edges.Relationships {
			if r.Status != relationship.StatusACTIVE {
				continue
			}
			for _, term := range terms {
				want["term "+string(r.PartnerID)+" "+string(c.ID)+" "+term+" "+c.SortName] = true
			}
			for _, x := range text.Prefixes(terms) {
				want["prefix "+string(r.PartnerID)+" "+string(c.ID)+" "+x+" "+c.SortName] = true
				for _, tg := range c.Edges.Tags {
					if tg.PartnerID == r.PartnerID {
						want["tag "+string(tg.ID)+" "+string(r.PartnerID)+" "+string(c.ID)+" "+x+" "+c.SortName] = true
					}
				}
			}
		}
	}
	got := map[string]bool{}
	for _, st := range e.client.SearchTerm.Query().AllX(sys) {
		got["term "+string(st.PartnerID)+" "+string(st.CustomerID)+" "+st.Term+" "+st.SortName] = true
	}
	for _, sp := range e.client.SearchPrefix.Query().AllX(sys) {
		got["prefix "+string(sp.PartnerID)+" "+string(sp.CustomerID)+" "+sp.Prefix+" "+sp.SortName] = true
	}
	tagged := 0
	for _, tp := range e.client.TagPrefix.Query().AllX(sys) {
		got["tag "+string(tp.TagID)+" "+string(tp.PartnerID)+" "+string(tp.CustomerID)+" "+tp.Prefix+" "+tp.SortName] = true
		tagged++
	}
	for k := range want {
		if !got[k] {
			t.Errorf("%s: missing %s", when, k)
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("%s: %s should not be there", when, k)
		}
	}
	if n := e.client.SearchPrefix.Query().CountX(sys) + tagged; n != len(got)-e.client.SearchTerm.Query().CountX(sys) {
		t.Errorf("%s: repeated prefix rows", when)
	}
}

// TestListSearchPage checks the search answered from the search terms alone (sorted by company name,
// paged forwards, filtered by tags at most; rule.SearchPage) against the general query, which the
// same search takes with a country filter that holds every country: the same customers in the same
// order, page by page, with the same total on every page and after the last one.
func TestListSearchPage(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		words := []string{"Alpha", "Alpine", "Alpaca", "Beta", "Альфа", "Ålborg", "Łask"}
		countries := []string{"PL", "FR", "RU", "IT", "GB", "US"}
		var cs []*ent.Customer
		for i := range 42 {
			// Few distinct names: many ties, which the ID breaks.
			name := fmt.Sprintf("%s %s %d", words[i%len(words)], words[(i*3+1)%len(words)], i%3)
			c := e.addCustomer(customerSpec{name: name, domain: fmt.Sprintf("sp%02d", i), country: countries[i%len(countries)], owners: []*ent.Partner{f.A}})
			switch i % 3 {
			case 0:
				e.tag(c, f.TagsA["SMB"])
			case 1:
				e.tag(c, f.TagsA["SMB"], f.TagsA["Priority"])
			}
			cs = append(cs, c)
		}
		// A renamed customer sorts by its new name: its terms carry the new sort key.
		var bp struct {
			UpdateBillingProfile struct {
				UserErrors []userError `json:"userErrors"`
			} `json:"updateBillingProfile"`
		}
		e.query(f.AdminA, `mutation($id: ID!) { updateBillingProfile(input: {customerID: $id, version: 1, companyName: "Zeta Alpha Renamed"}) { userErrors { field code message } } }`,
			map[string]any{"id": cs[4].ID}, &bp)
		if len(bp.UpdateBillingProfile.UserErrors) > 0 {
			t.Fatalf("rename: %+v", bp.UpdateBillingProfile.UserErrors)
		}
		smb, prio := string(f.TagsA["SMB"].ID), string(f.TagsA["Priority"].ID)
		everyCountry := []string{"PL", "FR", "RU", "IT", "GB", "US", "DE"}
		// walk pages through the list, forwards (first/after) or backwards from its end (last/before),
		// and returns its customers in the list's order.
		walk := func(vars map[string]any, backward bool) (ids []string, total int) {
			t.Helper()
			size, cursor := "first", "after"
			if backward {
				size, cursor = "last", "before"
			}
			vars[size] = 4
			for pages := 0; ; pages++ {
				p := list(e, f.AdminA, vars)
				if pages == 0 {
					total = p.Customers.TotalCount
				} else if p.Customers.TotalCount != total {
					t.Fatalf("%v page %d: totalCount %d, first page said %d", vars, pages, p.Customers.TotalCount, total)
				}
				var page []string
				for _, e := range p.Customers.Edges {
					page = append(page, e.Node.ID)
				}
				more, next := p.Customers.PageInfo.HasNextPage, p.Customers.PageInfo.EndCursor
				if backward {
					ids = append(page, ids...)
					more, next = p.Customers.PageInfo.HasPreviousPage, p.Customers.PageInfo.StartCursor
				} else {
					ids = append(ids, page...)
				}
				if !more {
					if next != nil {
						// Beyond the last customer: no customers, the same total, no further page.
						vars[cursor] = *next
						end := list(e, f.AdminA, vars)
						further := end.Customers.PageInfo.HasNextPage
						if backward {
							further = end.Customers.PageInfo.HasPreviousPage
						}
						if len(end.Customers.Edges) != 0 || end.Customers.TotalCount != total || further {
							t.Errorf("%v beyond the last page: %d customers, totalCount %d (want %d)", vars, len(end.Customers.Edges), end.Customers.TotalCount, total)
						}
					}
					return ids, total
				}
				vars[cursor] = *next
			}
		}
		for _, c := range []struct {
			search string
			filter map[string]any
			want   int
		}{
			{"al", nil, 32},
			{"alp", nil, 26},
			{"alpha alpine", nil, 6},
			{"al alpine", nil, 13},
			{"ал", nil, 12},
			{"a", nil, -1}, // the customers' random Microsoft IDs match too: as many as the general query finds
			{"alpine alpha", nil, 6},
			{"альфа", nil, 12},
			{"alborg lask", nil, 6},
			{"l", nil, 16},
			{"zeta", nil, 1},
			{"ze", nil, 1},
			{"sp0", nil, 10},
			{"al", map[string]any{"tagsAny": []string{smb}}, 21},
			{"al", map[string]any{"tagsAny": []string{smb, prio}}, 21},
			{"al", map[string]any{"tagsAll": []string{smb, prio}}, 11},
			{"al", map[string]any{"tagsAny": []string{prio}, "tagsAll": []string{smb}}, 11},
			{"al", map[string]any{"tagsAny": []string{prio}}, 11},
			{"al", map[string]any{"tagsAll": []string{prio}}, 11},
			{"a", map[string]any{"tagsAny": []string{smb, smb}}, -1},
			{"ал", map[string]any{"tagsAll": []string{prio, smb}}, 4},
			{"ze", map[string]any{"tagsAny": []string{smb}}, 1},
			{"alp", map[string]any{"tagsAny": []string{prio}}, 9},
			{"nothing", nil, 0},
		} {
			for _, dir := range []string{"ASC", "DESC"} {
				orderBy := []map[string]string{{"field": "COMPANY_NAME", "direction": dir}}
				general := map[string]any{"countries": everyCountry}
				maps.Copy(general, c.filter)
				want, wantTotal := walk(map[string]any{"search": c.search, "filter": general, "orderBy": orderBy}, false)
				for _, backward := range []bool{false, true} {
					fast, total := walk(map[string]any{"search": c.search, "filter": c.filter, "orderBy": orderBy}, backward)
					if c.want < 0 && wantTotal > 0 {
						c.want = wantTotal
					}
					if total != c.want || wantTotal != c.want || len(fast) != c.want {
						t.Errorf("search %q %v %s backward=%v: %d customers, totalCount %d; general query: totalCount %d; want %d",
							c.search, c.filter, dir, backward, len(fast), total, wantTotal, c.want)
					}
					if !slices.Equal(fast, want) {
						t.Errorf("search %q %v %s backward=%v: not the general query's customers and order", c.search, c.filter, dir, backward)
					}
				}
			}
		}
		// A word of one or two characters is read from the search prefixes (on MySQL naming the index
		// of its direction), or with a tag that every match carries from the tag prefixes; a longer one
		// from the search terms.
		for _, c := range []struct {
			search, table, index string
			filter               map[string]any
		}{
			{"al", "search_prefixes", "searchprefix_partner_id_prefix_sort_name_desc_customer_id", nil},
			{"al", "tag_prefixes", "tagprefix_partner_id_tag_id_prefix_sort_name_desc_customer_id", map[string]any{"tagsAll": []string{smb, prio}}},
			{"al", "search_prefixes", "searchprefix_partner_id_prefix_sort_name_desc_customer_id", map[string]any{"tagsAny": []string{smb, prio}}},
			{"alp", "search_terms", "", nil},
		} {
			table := "`" + c.table + "` AS `st`"
			if e.name == "mysql" && c.index != "" {
				table += " FORCE INDEX (`" + c.index + "`)"
			}
			e.rec.Reset()
			list(e, f.AdminA, map[string]any{"search": c.search, "filter": c.filter, "first": 20, "orderBy": []map[string]string{{"field": "COMPANY_NAME", "direction": "DESC"}}})
			if s := strings.Join(e.rec.Statements(), "\n"); !strings.Contains(s, table) {
				t.Errorf("search %q %v did not read %s:\n%s", c.search, c.filter, table, s)
			}
		}
		// A search that finds nothing (as the user types, often) knows its total from its empty page:
		// the viewer and the page, no count.
		e.rec.Reset()
		if p := list(e, f.AdminA, map[string]any{"search": "nothing", "first": 20}); p.Customers.TotalCount != 0 || len(p.Customers.Edges) != 0 {
			t.Errorf("search that finds nothing: %+v", p.Customers)
		}
		if n := e.rec.Count(); n != 2 {
			t.Errorf("search that finds nothing: %d statements, want 2 (viewer, page):\n%s", n, strings.Join(e.rec.Statements(), "\n"))
		}
	})
}

// TestListFromEntries checks the whole list by each sort, both ways (read from the partner's list
// entries by their copy of the sort key; rule.ListPage.ApplyListing) against the general query (the
// same list filtered by every verification status): the same customers in the same order, page by
// page, after a rename and a change of country, with a customer held twice, a relationship ended and
// one started afterwards.
func TestListFromEntries(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		for i := range 13 {
			e.addCustomer(customerSpec{name: fmt.Sprintf("Same Name %d", i%2), domain: fmt.Sprintf("same%02d", i), country: "PL", owners: []*ent.Partner{f.A}})
		}
		// A renamed customer moves: its list entries carry the new sort key.
		var bp struct {
			UpdateBillingProfile struct {
				UserErrors []userError `json:"userErrors"`
			} `json:"updateBillingProfile"`
		}
		e.query(f.AdminA, `mutation($id: ID!) { updateBillingProfile(input: {customerID: $id, version: 1, companyName: "Aaa First After Rename"}) { userErrors { field code message } } }`,
			map[string]any{"id": f.C["ООО «Контур»"].ID}, &bp)
		if len(bp.UpdateBillingProfile.UserErrors) > 0 {
			t.Fatalf("rename: %+v", bp.UpdateBillingProfile.UserErrors)
		}
		// A customer that moves to another country (as an import could) moves in the country sort.
		e.client.Customer.UpdateOneID(f.C["Contoso Pharmaceuticals"].ID).SetCountry("AD").ExecX(sys)
		// A customer A holds twice, one A no longer holds, one B starts holding now.
		e.client.Relationship.Create().SetPartnerID(f.A.ID).SetCustomerID(f.C["Northwind Traders Ltd"].ID).
			SetType(relationship.TypeADVISOR).ExecX(sys)
		old := e.client.Relationship.Query().Where(relationship.PartnerID(f.A.ID), relationship.CustomerID(f.C["alpine Ski House"].ID)).OnlyX(sys)
		e.client.Relationship.UpdateOne(old).SetStatus(relationship.StatusREMOVED).ExecX(sys)
		e.client.Relationship.Create().SetPartnerID(f.B.ID).SetCustomerID(f.C["Zakłady Mięsne Żywiec S.A."].ID).
			SetType(relationship.TypeDIRECT_BILL).ExecX(sys)

		// walk pages through the list, forwards or backwards from its end, and returns its customers
		// in the list's order.
		walk := func(as string, vars map[string]any, backward bool) (names []string, total int) {
			t.Helper()
			if backward {
				vars["last"] = 4
			} else {
				vars["first"] = 4
			}
			for pages := 0; ; pages++ {
				p := list(e, as, vars)
				if pages == 0 {
					total = p.Customers.TotalCount
				} else if p.Customers.TotalCount != total {
					t.Fatalf("%v page %d: totalCount %d, first page said %d", vars, pages, p.Customers.TotalCount, total)
				}
				if backward {
					names = append(p.names(), names...)
					if !p.Customers.PageInfo.HasPreviousPage {
						return names, total
					}
					vars["before"] = *p.Customers.PageInfo.StartCursor
					continue
				}
				names = append(names, p.names()...)
				if !p.Customers.PageInfo.HasNextPage {
					return names, total
				}
				vars["after"] = *p.Customers.PageInfo.EndCursor
			}
		}
		everyStatus := map[string]any{"verificationStatuses": []string{"UNDER_REVIEW", "ALLOWED", "NOT_ALLOWED"}}
		for _, c := range []struct {
			as    string
			first map[string]string // the first customer of the list (ascending) by each sort
			want  int
		}{
			{f.AdminA, map[string]string{"COMPANY_NAME": "Aaa First After Rename", "COUNTRY": "Contoso Pharmaceuticals"}, 20}, // 8 + 13 - alpine Ski House; Northwind once
			{f.AdminB, map[string]string{"COMPANY_NAME": "Beta Only Łódź Logistics"}, 3},
		} {
			for _, field := range []string{"COMPANY_NAME", "CREATED_AT", "COUNTRY", "DOMAIN"} {
				for _, dir := range []string{"ASC", "DESC"} {
					by := []map[string]string{{"field": field, "direction": dir}}
					want, wantTotal := walk(c.as, map[string]any{"orderBy": by, "filter": everyStatus}, false)
					back, backTotal := walk(c.as, map[string]any{"orderBy": by}, true)
					got, total := walk(c.as, map[string]any{"orderBy": by}, false)
					if len(got) != c.want || total != c.want || wantTotal != c.want || backTotal != c.want {
						t.Errorf("%s %s %s: %d customers, totalCount %d (backwards %d); general query: totalCount %d; want %d", c.as, field, dir, len(got), total, backTotal, wantTotal, c.want)
					}
					if !slices.Equal(got, want) || !slices.Equal(back, want) {
						t.Errorf("%s %s %s: pages\n      got %q\nbackwards %q\n     want %q", c.as, field, dir, got, back, want)
					}
					if dir == "DESC" {
						slices.Reverse(got)
					}
					if first, ok := c.first[field]; ok && len(got) > 0 && got[0] != first {
						t.Errorf("%s %s %s: the list starts (ascending) with %q, want %q", c.as, field, dir, got[0], first)
					}
					if slices.Contains(got, "alpine Ski House") {
						t.Errorf("%s: a customer whose relationship ended is listed", c.as)
					}
				}
			}
		}
		// The page reads the partner's list entries, not the sort index of all customers, either way;
		// on MySQL it names the index of its order.
		for field, key := range map[string]string{"COMPANY_NAME": "sort_name", "CREATED_AT": "customer_created_at", "COUNTRY": "country", "DOMAIN": "primary_domain"} {
			for _, size := range []string{"first", "last"} {
				e.rec.Reset()
				list(e, f.AdminA, map[string]any{size: 20, "orderBy": []map[string]string{{"field": field, "direction": "DESC"}}})
				want := "`list_entries` AS `listed`"
				if e.name == "mysql" {
					want += " FORCE INDEX (`listentry_partner_id_" + key + "_desc_customer_id`)"
				}
				if s := strings.Join(e.rec.Statements(), "\n"); !strings.Contains(s, want) {
					t.Errorf("the list by %s (%s) did not read the list entries (%s):\n%s", field, size, want, s)
				}
			}
		}
	})
}

// A customer's tags come by name wherever they are read (the list, node), not in the order they were
// created or whatever order the database's plan happens to give, so tag chips keep their places from
// one load to the next.
func TestCustomerTagsByName(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		c := f.C["Northwind Traders Ltd"]
		accounts := e.client.Tag.Create().SetPartnerID(f.A.ID).SetName("Accounts").SaveX(sys)
		// Created Enterprise, SMB, Priority, Accounts: neither their IDs' order nor this one is by name.
		e.tag(c, f.TagsA["SMB"], accounts, f.TagsA["Enterprise"], f.TagsA["Priority"], f.TagsB["SMB"], f.TagsB["Enterprise"])
		want := []string{"Accounts", "Enterprise", "Priority", "SMB"}
		type tagged struct {
			Tags []struct{ Name string } `json:"tags"`
		}
		names := func(n tagged) []string {
			var out []string
			for _, t := range n.Tags {
				out = append(out, t.Name)
			}
			return out
		}
		var page struct {
			Customers struct{ Edges []struct{ Node tagged } }
		}
		e.query(f.AdminA, `{ customers(search: "Northwind") { edges { node { tags { name } } } } }`, nil, &page)
		if len(page.Customers.Edges) != 1 || !slices.Equal(names(page.Customers.Edges[0].Node), want) {
			t.Fatalf("list: %+v, want one customer with tags %v", page, want)
		}
		var node struct{ Node tagged }
		e.query(f.AdminA, `query($id: ID!) { node(id: $id) { ... on Customer { tags { name } } } }`,
			map[string]any{"id": c.ID}, &node)
		if got := names(node.Node); !slices.Equal(got, want) {
			t.Fatalf("node: tags %v, want %v", got, want)
		}
		var b struct{ Node tagged }
		e.query(f.AdminB, `query($id: ID!) { node(id: $id) { ... on Customer { tags { name } } } }`,
			map[string]any{"id": c.ID}, &b)
		if got := names(b.Node); !slices.Equal(got, []string{"Enterprise", "SMB"}) {
			t.Fatalf("the other partner's view: tags %v, want [Enterprise SMB]", got)
		}
	})
}
