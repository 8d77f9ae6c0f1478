package graph_test

// CSV exports (domain.md §4 "Export", §9): Customers.csv is the partner's whole list whatever the
// screen's search and filters, one row per customer, UTF-8 with a BOM, CRLF line ends, and no cell a
// spreadsheet would run as a formula; it streams in keyset batches so memory stays flat; only roles
// that may export get it, and only their own partner's customers and tags.

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"partnerhub/ent"
	"partnerhub/ent/billingprofile"
	"partnerhub/ent/customer"
	"partnerhub/ent/relationship"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/text"
	"partnerhub/graph"
)

// expHeader is the first line of Customers.csv.
var expHeader = []string{"Microsoft ID", "Company name", "Primary domain name", "Relationship", "Tags"}

// expResp is a raw download.
type expResp struct {
	status int
	header http.Header
	body   []byte
}

// expGet downloads path (such as /export/customers.csv) as the user with the given email ("" for
// nobody), over real HTTP.
func expGet(e *env, as, path string) *expResp {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	if as != "" {
		req.Header.Set(graph.DemoUserHeader, as)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatalf("GET %s: reading the body: %v", path, err)
	}
	return &expResp{status: res.StatusCode, header: res.Header, body: raw}
}

// expMustGet downloads path and expects 200 with a CSV attachment named filename.
func expMustGet(e *env, as, path, filename string) *expResp {
	e.t.Helper()
	r := expGet(e, as, path)
	if r.status != http.StatusOK {
		e.t.Fatalf("GET %s as %s: HTTP %d %q, want 200", path, as, r.status, expHead(r.body))
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") || !strings.Contains(strings.ToLower(ct), "charset=utf-8") {
		e.t.Errorf("GET %s: Content-Type %q, want text/csv; charset=utf-8", path, ct)
	}
	disp, params, err := mime.ParseMediaType(r.header.Get("Content-Disposition"))
	if err != nil || disp != "attachment" || params["filename"] != filename {
		e.t.Errorf("GET %s: Content-Disposition %q, want an attachment named %s", path, r.header.Get("Content-Disposition"), filename)
	}
	return r
}

func expHead(b []byte) string {
	if len(b) > 200 {
		b = b[:200]
	}
	return string(b)
}

// expCSV checks a download's framing (a UTF-8 byte-order mark, valid UTF-8, every line ending in
// CRLF) and parses it with encoding/csv.
func expCSV(t *testing.T, what string, body []byte) [][]string {
	t.Helper()
	rest, ok := bytes.CutPrefix(body, []byte("\uFEFF"))
	if !ok {
		t.Errorf("%s: the file does not start with a UTF-8 byte-order mark: %q", what, expHead(body))
	}
	if !utf8.Valid(rest) {
		t.Errorf("%s: not valid UTF-8", what)
	}
	if len(rest) > 0 && !bytes.HasSuffix(rest, []byte("\r\n")) {
		t.Errorf("%s: the last line does not end in CRLF: ...%q", what, rest[max(0, len(rest)-40):])
	}
	for i, b := range rest {
		if b == '\n' && (i == 0 || rest[i-1] != '\r') {
			t.Errorf("%s: a bare LF (not CRLF) at byte %d: ...%q", what, i, rest[max(0, i-40):i+1])
			break
		}
	}
	r := csv.NewReader(bytes.NewReader(rest))
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: not RFC 4180 CSV: %v\n%s", what, err, expHead(rest))
	}
	return records
}

// expUser adds a user with the given roles to the partner.
func expUser(e *env, p *ent.Partner, email string, roles ...enum.Role) *ent.User {
	e.t.Helper()
	return e.client.User.Create().SetPartnerID(p.ID).SetEmail(email).SetName("User " + email).
		SetRoles(roles).SaveX(sys)
}

// expListed is a customer as the API's list shows it to a partner.
type expListed struct {
	ID            string `json:"id"`
	MicrosoftID   string `json:"microsoftID"`
	DisplayName   string `json:"displayName"`
	PrimaryDomain string `json:"primaryDomain"`
	Relationships []struct {
		Type   string `json:"type"`
		Status string `json:"status"`
	} `json:"relationships"`
	Tags []struct {
		Name string `json:"name"`
	} `json:"tags"`
}

// expList reads the viewer's whole customer list through the API, in the list's default order (by
// company name).
func expList(e *env, as string) []expListed {
	e.t.Helper()
	var out []expListed
	var after any
	for {
		var page struct {
			Customers struct {
				PageInfo struct {
					HasNextPage bool   `json:"hasNextPage"`
					EndCursor   string `json:"endCursor"`
				} `json:"pageInfo"`
				Edges []struct {
					Node expListed `json:"node"`
				} `json:"edges"`
			} `json:"customers"`
		}
		e.query(as, `query($after: Cursor) { customers(first: 100, after: $after) {
			pageInfo { hasNextPage endCursor }
			edges { node { id microsoftID displayName primaryDomain relationships { type status } tags { name } } } } }`,
			map[string]any{"after": after}, &page)
		for _, ed := range page.Customers.Edges {
			out = append(out, ed.Node)
		}
		if !page.Customers.PageInfo.HasNextPage {
			return out
		}
		after = page.Customers.PageInfo.EndCursor
	}
}

// expRelationshipNames are the relationship types as partner staff know them (domain.md §3).
var expRelationshipNames = map[string]string{
	"DIRECT_BILL":       "Cloud Reseller",
	"INDIRECT_PROVIDER": "Indirect provider",
	"INDIRECT_RESELLER": "Indirect reseller",
	"ADVISOR":           "Advisor",
}

// expSet normalises a "; "-joined cell to its sorted parts, so that cells listing the same
// relationships or tags in another order compare equal.
func expSet(cell string) string {
	if cell == "" {
		return ""
	}
	parts := strings.Split(cell, "; ")
	sort.Strings(parts)
	return strings.Join(parts, "; ")
}

// expNormal returns the rows with the Relationship and Tags cells normalised by expSet.
func expNormal(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = slices.Clone(r)
		if len(r) == 5 {
			out[i][3], out[i][4] = expSet(r[3]), expSet(r[4])
		}
	}
	return out
}

// expRowsByName indexes data rows by their company-name cell.
func expRowsByName(rows [][]string) map[string][]string {
	out := map[string][]string{}
	for _, r := range rows {
		if len(r) > 1 {
			out[r[1]] = r
		}
	}
	return out
}

// expOdd are customer names that a CSV writer or a spreadsheet could get wrong, with the company-name
// cell each must come out as: text, formula-like ones prefixed with an apostrophe.
var expOdd = []struct{ name, cell string }{
	{`Rossi & Figli "Vini", S.p.A.`, `Rossi & Figli "Vini", S.p.A.`},
	{"Zażółć Gęślą Jaźń Sp. z o.o.", "Zażółć Gęślą Jaźń Sp. z o.o."},
	{"Line One\nLine Two", "Line One\nLine Two"},
	{"=SUM(A1)", "'=SUM(A1)"},
	{"+1", "'+1"},
	{"-2", "'-2"},
	{"+48 Telecom", "'+48 Telecom"},
	{"-Minus Design", "'-Minus Design"},
	{"@cmd", "'@cmd"},
	{" =x", "' =x"},
	{"\tTabbed Co", "'\tTabbed Co"},
	{"Hyphen-Ated Co", "Hyphen-Ated Co"},
}

// expRename gives customer c the display name name the way staff would get it there (its billing
// profile's company name, which the customer's display name follows). Names the validators refuse
// (domain.md §6) could still be in the database from before the rules or from an import, so those are
// written with SQL: the export must be safe for whatever is stored.
func expRename(t *testing.T, e *env, c *ent.Customer, name string) {
	t.Helper()
	bp := e.client.BillingProfile.Query().Where(billingprofile.CustomerID(c.ID)).OnlyX(sys)
	err := e.client.BillingProfile.UpdateOne(bp).SetCompanyName(name).Exec(sys)
	if err == nil {
		if got := e.client.Customer.GetX(sys, c.ID).DisplayName; got != name {
			t.Fatalf("renaming %s to %q: the display name is %q", c.ID, name, got)
		}
		return
	}
	t.Logf("%s: storing %q with SQL (the validators refuse it: %v)", e.name, name, err)
	if _, err := e.db.SQL.Exec(`UPDATE customers SET display_name = ?, sort_name = ? WHERE id = ?`, name, text.SortKey(name), c.ID); err != nil {
		t.Fatal(err)
	}
}

// TestExportCustomersCSV downloads A's Customers.csv and reads it back: the list's customers, in its
// order, with their relationships and A's tags, every name intact and none runnable as a formula.
func TestExportCustomersCSV(t *testing.T) {
	// Also in batches of 1 and 2 relationships: a customer with two relationships straddles batches.
	for _, batch := range []int{0, 1, 2} {
		t.Run(fmt.Sprintf("batch=%d", batch), func(t *testing.T) { testExportCustomersCSV(t, batch) })
	}
}

func testExportCustomersCSV(t *testing.T, batch int) {
	forEachDBWith(t, graph.Options{Demo: true, ExportBatch: batch}, func(t *testing.T, e *env) {
		f := e.fixture()
		north, contoso, lodz := f.C["Northwind Traders Ltd"], f.C["Contoso Pharmaceuticals"], f.C["Łódź Trading Sp. z o.o."]
		// A's and B's tags on the shared Northwind; several of A's on Łódź.
		e.tag(north, f.TagsA["Enterprise"], f.TagsB["SMB"], f.TagsB["Priority"])
		e.tag(lodz, f.TagsA["Enterprise"], f.TagsA["SMB"], f.TagsA["Priority"])
		// A dual relationship: Cloud Reseller and Advisor.
		e.client.Relationship.Create().SetPartnerID(f.A.ID).SetCustomerID(contoso.ID).
			SetType(relationship.TypeADVISOR).ExecX(sys)
		// Relationships that are not ACTIVE are not listed.
		e.client.Relationship.Create().SetPartnerID(f.A.ID).SetCustomerID(north.ID).
			SetType(relationship.TypeADVISOR).SetStatus(relationship.StatusREMOVED).ExecX(sys)
		e.client.Relationship.Create().SetPartnerID(f.A.ID).SetCustomerID(lodz.ID).
			SetType(relationship.TypeADVISOR).SetStatus(relationship.StatusPENDING).ExecX(sys)
		// A former customer of A: no longer on its list, so not in its export.
		former := e.addCustomer(customerSpec{"Former Client GmbH", "formerclient", "DE", nil})
		e.client.Relationship.Create().SetPartnerID(f.A.ID).SetCustomerID(former.ID).
			SetType(relationship.TypeDIRECT_BILL).SetStatus(relationship.StatusREMOVED).ExecX(sys)
		for i, o := range expOdd {
			c := e.addCustomer(customerSpec{fmt.Sprintf("Placeholder Name %02d", i), fmt.Sprintf("oddname%02d", i), "IT", []*ent.Partner{f.A}})
			expRename(t, e, c, o.name)
		}
		// An odd name reached by a rename through the API, as staff would do it.
		soc := f.C["Société Générale de Logistique"]
		var upd struct {
			UpdateBillingProfile struct {
				UserErrors []userError `json:"userErrors"`
			} `json:"updateBillingProfile"`
		}
		e.query(f.AdminA, `mutation($id: ID!) { updateBillingProfile(input: {customerID: $id, version: 1, companyName: "=HYPERLINK(\"http://evil.test\",\"x\")"}) { userErrors { field code message } } }`,
			map[string]any{"id": soc.ID}, &upd)
		if len(upd.UpdateBillingProfile.UserErrors) > 0 {
			t.Fatalf("renaming Société: %+v", upd.UpdateBillingProfile.UserErrors)
		}
		odd := map[string]string{`=HYPERLINK("http://evil.test","x")`: `'=HYPERLINK("http://evil.test","x")`}
		for _, o := range expOdd {
			odd[o.name] = o.cell
		}

		r := expMustGet(e, f.AdminA, "/export/customers.csv", "Customers.csv")
		records := expCSV(t, "Customers.csv", r.body)
		if len(records) == 0 || !slices.Equal(records[0], expHeader) {
			t.Fatalf("header: got %q, want %q", records[:min(1, len(records))], expHeader)
		}
		rows := records[1:]

		// The expected file, from the list as the API shows it to A (same customers, same order).
		listed := expList(e, f.AdminA)
		if len(listed) != 8+len(expOdd) {
			t.Fatalf("A's list has %d customers, want %d", len(listed), 8+len(expOdd))
		}
		var want [][]string
		for _, c := range listed {
			name, ok := odd[c.DisplayName]
			if !ok {
				name = c.DisplayName
			}
			var rels, tags []string
			for _, rel := range c.Relationships {
				if rel.Status == "ACTIVE" {
					rels = append(rels, expRelationshipNames[rel.Type])
				}
			}
			for _, tg := range c.Tags {
				tags = append(tags, tg.Name)
			}
			want = append(want, []string{c.MicrosoftID, name, c.PrimaryDomain, strings.Join(rels, "; "), strings.Join(tags, "; ")})
		}
		// The file is in the order customers were added; the list is by name: compare by Microsoft ID.
		byID := func(rows [][]string) [][]string {
			rows = expNormal(rows)
			slices.SortFunc(rows, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
			return rows
		}
		if got := byID(rows); !slices.EqualFunc(got, byID(want), slices.Equal[[]string]) {
			t.Errorf("Customers.csv rows differ from A's list:\n got %q\nwant %q", got, byID(want))
		}

		// Spot checks that do not lean on the list.
		byName := expRowsByName(rows)
		for name, cell := range odd {
			row, ok := byName[cell]
			if !ok {
				t.Errorf("%q: no row with company name cell %q", name, cell)
				continue
			}
			if row[2] == "" || strings.HasPrefix(row[2], "'") {
				t.Errorf("%q: primary domain cell %q", name, row[2])
			}
		}
		for _, name := range []string{"ООО «Контур»", "Łódź Trading Sp. z o.o.", "Zakłady Mięsne Żywiec S.A.", "Città di Perugia Servizi S.r.l."} {
			if _, ok := byName[name]; !ok {
				t.Errorf("%q is missing or mangled in Customers.csv", name)
			}
		}
		if row := byName["Northwind Traders Ltd"]; row == nil || row[3] != "Cloud Reseller" || row[4] != "Enterprise" {
			t.Errorf("Northwind (shared, B's tags SMB and Priority, a REMOVED advisor relationship): got %q, want relationship \"Cloud Reseller\" and only A's tag \"Enterprise\"", row)
		}
		if row := byName["Contoso Pharmaceuticals"]; row == nil || expSet(row[3]) != "Advisor; Cloud Reseller" || row[4] != "" {
			t.Errorf("Contoso (DIRECT_BILL and ADVISOR): got %q, want both relationships joined with \"; \" and no tags", row)
		}
		if row := byName["Łódź Trading Sp. z o.o."]; row == nil || row[3] != "Cloud Reseller" || expSet(row[4]) != "Enterprise; Priority; SMB" {
			t.Errorf("Łódź (3 tags, a PENDING advisor request): got %q", row)
		}
		if row := byName["Łódź Trading Sp. z o.o."]; row != nil && row[0] != lodz.MicrosoftID {
			t.Errorf("Łódź: Microsoft ID cell %q, want %q", row[0], lodz.MicrosoftID)
		}
		for _, name := range []string{"Former Client GmbH", "Beta Only Łódź Logistics", "Fabrikam Residences", "Société Générale de Logistique"} {
			if _, ok := byName[name]; ok {
				t.Errorf("%q is in A's export; it is not on A's list", name)
			}
		}
		for _, row := range rows {
			for i, cell := range row {
				if t0 := strings.TrimLeft(cell, " "); t0 != "" && strings.ContainsRune("=+-@\t\r", rune(t0[0])) {
					t.Errorf("row %q: cell %d %q could run as a formula", row, i, cell)
				}
			}
		}

		// X-Total-Rows is the number of rows that follow the header.
		if got := r.header.Get(graph.TotalRowsHeader); got != strconv.Itoa(len(rows)) {
			t.Errorf("%s: %q, want %d", graph.TotalRowsHeader, got, len(rows))
		}

		// Search, filters, sorting and paging never apply to the export.
		for _, q := range []string{
			"?search=lodz",
			"?search=%3DSUM&filter=x",
			"?tagsAny=" + string(f.TagsA["Enterprise"].ID) + "&tagsAll=" + string(f.TagsA["SMB"].ID),
			"?relationshipTypes=ADVISOR&countries=PL&verificationStatuses=ALLOWED",
			"?orderBy=DOMAIN&direction=DESC&first=1&after=abc",
		} {
			got := expMustGet(e, f.AdminA, "/export/customers.csv"+q, "Customers.csv")
			if g := expNormal(expCSV(t, q, got.body)); !slices.EqualFunc(g, expNormal(records), slices.Equal[[]string]) {
				t.Errorf("export%s differs from the plain export (%d vs %d lines)", q, len(g), len(records))
			}
		}
	})
}

// TestExportSafeCell checks the formula guard on its own.
func TestExportSafeCell(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"Contoso", "Contoso"},
		{"Łódź Trading", "Łódź Trading"},
		{"ООО «Контур»", "ООО «Контур»"},
		{"a=b", "a=b"},
		{"Coca-Cola", "Coca-Cola"},
		{"1-2", "1-2"},
		{"'=already quoted", "'=already quoted"},
		{"=SUM(A1)", "'=SUM(A1)"},
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+1", "'+1"},
		{"-2", "'-2"},
		{"@SUM(1)", "'@SUM(1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{" =x", "' =x"},
		{"   +x", "'   +x"},
		{" \t=x", "' \t=x"},
		{"   ", "   "},
		{"=", "'="},
	}
	for _, c := range cases {
		if got := graph.SafeCell(c.in); got != c.want {
			t.Errorf("SafeCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// expBulk adds customers from..to-1 of partner p in bulk (as the large seed does), each with a billing
// profile, a DIRECT_BILL relationship and, two in three, all the tags, then recounts. Names repeat every 250
// so that ties in the sort key straddle the export's batch boundaries.
func expBulk(t *testing.T, e *env, p *ent.Partner, tags []*ent.Tag, from, to int) {
	t.Helper()
	ctx := rule.BulkLoad(context.Background())
	for start := from; start < to; start += 500 {
		end := min(start+500, to)
		tx, err := e.client.Tx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		c := tx.Client()
		builders := make([]*ent.CustomerCreate, 0, end-start)
		for i := start; i < end; i++ {
			name := fmt.Sprintf("Bulk Customer %03d Handelsgesellschaft für Industrieautomation und Logistik", i%250)
			builders = append(builders, c.Customer.Create().SetCompanyName(name).SetDisplayName(name).
				SetPrimaryDomain(fmt.Sprintf("bulk%d.onmicrosoft.com", i)).
				SetCountry("DE").SetLanguage("de").SetCulture("de-DE"))
		}
		saved, err := c.Customer.CreateBulk(builders...).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		profiles := make([]*ent.BillingProfileCreate, len(saved))
		rels := make([]*ent.RelationshipCreate, len(saved))
		var links []*ent.CustomerTagCreate
		for i, cu := range saved {
			profiles[i] = c.BillingProfile.Create().SetCustomerID(cu.ID).SetCompanyName(cu.DisplayName).
				SetFirstName("Greta").SetLastName("Hoffmann").SetEmail("greta@hoffmann.de").SetCulture("de-DE").
				SetLanguage("de").SetAddressLine1("Unter den Linden 1").SetCity("Berlin").SetPostalCode("10117").
				SetPhoneNumber("+49 30 1234567").SetCountry("DE")
			rels[i] = c.Relationship.Create().SetPartnerID(p.ID).SetCustomerID(cu.ID).SetType(relationship.TypeDIRECT_BILL)
			if (start+i)%3 != 0 {
				for _, tg := range tags {
					links = append(links, c.CustomerTag.Create().SetCustomerID(cu.ID).SetTagID(tg.ID))
				}
			}
		}
		err = c.BillingProfile.CreateBulk(profiles...).Exec(ctx)
		if err == nil {
			err = c.Relationship.CreateBulk(rels...).Exec(ctx)
		}
		if err == nil && len(links) > 0 {
			err = c.CustomerTag.CreateBulk(links...).Exec(ctx)
		}
		if err != nil {
			_ = tx.Rollback()
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	if err := rule.Recount(ctx, e.client); err != nil {
		t.Fatal(err)
	}
}

// expBulkPartner is a direct-bill partner with a global admin and four tags, and no customers yet.
func expBulkPartner(e *env, name, domain string) (*ent.Partner, string, []*ent.Tag) {
	p := e.client.Partner.Create().SetName(name).SetCapacities([]enum.Capacity{enum.DirectBill}).
		SetEmailDomains([]string{domain}).SaveX(sys)
	admin := "admin@" + domain
	e.client.User.Create().SetPartnerID(p.ID).SetEmail(admin).SetName("Admin of " + name).
		SetRoles([]enum.Role{enum.GlobalAdmin}).ExecX(sys)
	var tags []*ent.Tag
	for _, n := range []string{"Enterprise", "Priority", "Renewal due", "Public sector"} {
		tags = append(tags, e.client.Tag.Create().SetPartnerID(p.ID).SetName(n+" "+name).SaveX(sys))
	}
	return p, admin, tags
}

// expCustomerSelect matches a statement that reads the customers table itself (not a subquery of
// another table's read).
var expCustomerSelect = regexp.MustCompile("(?is)^\\s*SELECT\\s.*?\\sFROM\\s+[`\"]?customers[`\"]?(\\s|$)")

var expLimit = regexp.MustCompile(`(?i)\sLIMIT\s+(\d+)`)

// expRelationshipSelect matches a statement that reads the relationships table itself; expByIDs one
// whose condition is a list of customer IDs.
var (
	expRelationshipSelect = regexp.MustCompile("(?is)^\\s*SELECT\\s[^()]*?\\sFROM\\s+[`\"]?relationships[`\"]?(\\s|$)")
	expByIDs              = regexp.MustCompile("(?is)[`\"]?id[`\"]?\\s+IN\\s*\\(")
)

// expDiscard is a ResponseWriter that keeps only the status and counts lines, so that the test's own
// memory does not grow with the download.
type expDiscard struct {
	header http.Header
	status int
	bytes  int
	lines  int
	lastCR bool
}

func (w *expDiscard) Header() http.Header { return w.header }
func (w *expDiscard) WriteHeader(s int) {
	if w.status == 0 {
		w.status = s
	}
}
func (w *expDiscard) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.bytes += len(b)
	w.lines += bytes.Count(b, []byte("\r\n"))
	if len(b) > 0 && b[0] == '\n' && w.lastCR {
		w.lines++ // a CRLF split between two writes
	}
	w.lastCR = len(b) > 0 && b[len(b)-1] == '\r'
	return len(b), nil
}
func (w *expDiscard) Flush() {}

// expPeakGrowth runs the export in process (the test server's handler, no network) while sampling
// the heap, and returns how far the heap in use grew above where it was after a GC, and the number of
// data rows.
func expPeakGrowth(t *testing.T, e *env, as string) (uint64, int) {
	t.Helper()
	// Collect often, so that the heap in use follows what is live rather than when the GC happens to run.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		peak := base
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		var s runtime.MemStats
		for {
			select {
			case <-stop:
				runtime.ReadMemStats(&s)
				done <- max(peak, s.HeapInuse)
				return
			case <-tick.C:
				runtime.ReadMemStats(&s)
				peak = max(peak, s.HeapInuse)
			}
		}
	}()
	w := &expDiscard{header: http.Header{}}
	req := httptest.NewRequest(http.MethodGet, "/export/customers.csv", nil)
	req.Header.Set(graph.DemoUserHeader, as)
	e.srv.Config.Handler.ServeHTTP(w, req)
	close(stop)
	peak := <-done
	if w.status != http.StatusOK {
		t.Fatalf("export: HTTP %d", w.status)
	}
	return peak - base, w.lines - 1
}

// TestExportCustomersLarge exports 1,500 and then 4,500 customers, in batches of 2,000. The file has
// every customer exactly once, in the order they were added; the partner's relationships are read in
// keyset batches and their customers by ID, never in one unbounded SELECT; and memory stays flat: with
// the heap sampled while the export runs, three times the customers take nowhere near three times the
// memory.
func TestExportCustomersLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 4,500 customers per backend")
	}
	forEachDBWith(t, graph.Options{Demo: true, ExportBatch: 2000}, func(t *testing.T, e *env) {
		p, admin, tags := expBulkPartner(e, "Bulk Partner", "bulk.test")
		other, _, otherTags := expBulkPartner(e, "Other Bulk Partner", "otherbulk.test")
		expBulk(t, e, p, tags, 0, 1500)
		expBulk(t, e, other, otherTags, 90000, 90100) // another partner's customers stay out

		// Memory: 1,500 customers (one batch), then 4,500 (three).
		// Memory: 1,500 customers (one batch), then 4,500 (three). Each is the least of three runs, as
		// noise (a GC cycle that starts late) only ever adds.
		expPeakGrowth(t, e, admin) // warm up: prepared statements, connection pool, caches
		least := func(want int) uint64 {
			var runs []uint64
			for range 3 {
				g, n := expPeakGrowth(t, e, admin)
				if n != want {
					t.Fatalf("exporting %d customers: %d rows", want, n)
				}
				runs = append(runs, g)
			}
			t.Logf("%s: %d customers: heap growth %v bytes", e.name, want, runs)
			return slices.Min(runs)
		}
		small := least(1500)
		expBulk(t, e, p, tags, 1500, 4500)
		large := least(4500)
		const mib = 1 << 20
		t.Logf("%s: heap growth while exporting 1,500 customers %.1f MiB, 4,500 customers %.1f MiB", e.name, float64(small)/mib, float64(large)/mib)
		if limit := small*3/2 + 2*mib; large >= limit {
			t.Errorf("exporting 4,500 customers grew the heap by %.1f MiB, 1,500 by %.1f MiB: want under 1.5x + 2 MiB (%.1f MiB); the export does not stream",
				float64(large)/mib, float64(small)/mib, float64(limit)/mib)
		}

		// The file over HTTP, and the statements it took.
		e.rec.Reset()
		r := expMustGet(e, admin, "/export/customers.csv", "Customers.csv")
		stmts := e.rec.Statements()
		records := expCSV(t, "Customers.csv", r.body)
		if len(records) == 0 || !slices.Equal(records[0], expHeader) {
			t.Fatalf("header: %q", records[:min(1, len(records))])
		}
		rows := records[1:]
		if len(rows) != 4500 {
			t.Fatalf("Customers.csv has %d rows, want 4500", len(rows))
		}
		if got := r.header.Get(graph.TotalRowsHeader); got != "4500" {
			t.Errorf("%s: %q, want 4500", graph.TotalRowsHeader, got)
		}
		want := e.client.Customer.Query().Where(customer.HasRelationshipsWith(relationship.PartnerID(p.ID))).
			Order(customer.ByID()).WithTags().AllX(sys)
		if len(want) != 4500 {
			t.Fatalf("the database has %d customers of the partner, want 4500", len(want))
		}
		seen := map[string]bool{}
		for i, row := range rows {
			if seen[row[0]] {
				t.Errorf("row %d: Microsoft ID %s exported twice", i+1, row[0])
			}
			seen[row[0]] = true
			w := want[i]
			var wantTags []string
			for _, tg := range w.Edges.Tags {
				wantTags = append(wantTags, tg.Name)
			}
			if row[0] != w.MicrosoftID || row[1] != w.DisplayName || row[2] != w.PrimaryDomain || row[3] != "Cloud Reseller" || expSet(row[4]) != expSet(strings.Join(wantTags, "; ")) {
				t.Errorf("row %d: got %q, want %s %q %s Cloud Reseller %q (the order customers were added: by ID)", i+1, row, w.MicrosoftID, w.DisplayName, w.PrimaryDomain, wantTags)
				break
			}
		}

		// Relationships read in keyset batches with LIMIT 2000; customers only by their IDs, never in one
		// unbounded read.
		var batches int
		for _, s := range stmts {
			if expCustomerSelect.MatchString(s) && !expByIDs.MatchString(s) {
				t.Errorf("a read of customers not by ID during the export: %.300s", s)
			}
			if !expRelationshipSelect.MatchString(s) {
				continue
			}
			m := expLimit.FindStringSubmatch(s)
			switch {
			case m == nil:
				t.Errorf("an unbounded read of relationships during the export: %.300s", s)
			case m[1] == "2000":
				batches++
			default:
				t.Errorf("a read of %s relationships at once during the export: %.300s", m[1], s)
			}
		}
		if batches < 3 {
			var short []string
			for _, s := range stmts {
				short = append(short, fmt.Sprintf("%.200s", s))
			}
			t.Errorf("%d SELECTs of relationships with LIMIT 2000 for 4,500 customers, want at least 3 (keyset batches); statements:\n%s",
				batches, strings.Join(short, "\n"))
		}
		if len(stmts) > 20 {
			t.Errorf("%d statements for the export, want a few per batch", len(stmts))
		}
	})
}

// TestExportRolesAndIsolation: only roles that may export get the files; anonymous callers are asked
// to sign in; a partner's export holds only its own customers and tags.
func TestExportRolesAndIsolation(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		north := f.C["Northwind Traders Ltd"]
		e.tag(north, f.TagsA["Enterprise"], f.TagsB["SMB"], f.TagsB["Priority"])
		users := map[enum.Role]string{}
		for _, role := range []enum.Role{enum.AdminAgent, enum.SalesAgent, enum.HelpdeskAgent, enum.BillingAdmin, enum.UserManagementAdmin} {
			email := strings.ToLower(strings.ReplaceAll(string(role), "_", "")) + "@alpha.test"
			expUser(e, f.A, email, role)
			users[role] = email
		}
		customersOK := map[enum.Role]bool{enum.AdminAgent: true, enum.SalesAgent: true}
		activityOK := map[enum.Role]bool{enum.AdminAgent: true}
		for role, email := range users {
			for path, ok := range map[string]bool{"/export/customers.csv": customersOK[role], "/export/activity.csv": activityOK[role]} {
				r := expGet(e, email, path)
				switch {
				case ok && r.status != http.StatusOK:
					t.Errorf("%s GET %s: HTTP %d %q, want 200", role, path, r.status, expHead(r.body))
				case !ok && r.status != http.StatusForbidden:
					t.Errorf("%s GET %s: HTTP %d, want 403", role, path, r.status)
				case !ok && (bytes.HasPrefix(r.body, []byte("\uFEFF")) || bytes.Contains(r.body, []byte("Microsoft ID")) || bytes.Contains(r.body, []byte("Northwind"))):
					t.Errorf("%s GET %s: a refusal with CSV content: %q", role, path, expHead(r.body))
				}
			}
		}
		// A user with several roles gets the union.
		expUser(e, f.A, "mixed@alpha.test", enum.HelpdeskAgent, enum.SalesAgent)
		if r := expGet(e, "mixed@alpha.test", "/export/customers.csv"); r.status != http.StatusOK {
			t.Errorf("HELPDESK_AGENT+SALES_AGENT: HTTP %d, want 200", r.status)
		}
		// The global admin gets both.
		for _, path := range []string{"/export/customers.csv", "/export/activity.csv"} {
			if r := expGet(e, f.AdminA, path); r.status != http.StatusOK {
				t.Errorf("GLOBAL_ADMIN GET %s: HTTP %d", path, r.status)
			}
			r := expGet(e, "", path)
			if r.status != http.StatusUnauthorized {
				t.Errorf("anonymous GET %s: HTTP %d, want 401", path, r.status)
			}
			if bytes.Contains(r.body, []byte("Northwind")) || bytes.HasPrefix(r.body, []byte("\uFEFF")) {
				t.Errorf("anonymous GET %s: got CSV content %q", path, expHead(r.body))
			}
			if r := expGet(e, "nobody@alpha.test", path); r.status != http.StatusUnauthorized {
				t.Errorf("unknown demo user GET %s: HTTP %d, want 401", path, r.status)
			}
		}
		// A deactivated exporter is refused.
		u := expUser(e, f.A, "gone@alpha.test", enum.SalesAgent)
		e.client.User.UpdateOne(u).SetActive(false).ExecX(sys)
		if r := expGet(e, "gone@alpha.test", "/export/customers.csv"); r.status == http.StatusOK {
			t.Errorf("deactivated SALES_AGENT: HTTP 200, want a refusal")
		}

		// B's export: B's customers (Beta Only and the shared Northwind) with B's tags, none of A's.
		// For contrast, A's sales agent gets A's A-only customers.
		ra := expRowsByName(expCSV(t, "A", expMustGet(e, users[enum.SalesAgent], "/export/customers.csv", "Customers.csv").body)[1:])
		if ra["Société Générale de Logistique"] == nil || ra["ООО «Контур»"] == nil {
			t.Errorf("A's sales agent's export lacks A's own customers: %q", ra)
		}
		r := expMustGet(e, f.AdminB, "/export/customers.csv", "Customers.csv")
		rows := expCSV(t, "B", r.body)[1:]
		byName := expRowsByName(rows)
		if len(rows) != 2 || byName["Beta Only Łódź Logistics"] == nil || byName["Northwind Traders Ltd"] == nil {
			t.Errorf("B's export: got %q, want exactly Beta Only Łódź Logistics and Northwind Traders Ltd", rows)
		}
		if row := byName["Northwind Traders Ltd"]; row != nil && expSet(row[4]) != "Priority; SMB" {
			t.Errorf("B's Northwind row %q: want only B's tags Priority and SMB (A's Enterprise never)", row)
		}
		if got := r.header.Get(graph.TotalRowsHeader); got != strconv.Itoa(len(rows)) {
			t.Errorf("B's %s: %q, want %d", graph.TotalRowsHeader, got, len(rows))
		}
		for name, c := range f.C {
			if name == "Northwind Traders Ltd" || name == "Beta Only Łódź Logistics" {
				continue
			}
			for _, secret := range []string{name, c.MicrosoftID, c.PrimaryDomain} {
				if bytes.Contains(r.body, []byte(secret)) {
					t.Errorf("B's export contains %q (of %s, not B's customer)", secret, name)
				}
			}
		}
	})
}
