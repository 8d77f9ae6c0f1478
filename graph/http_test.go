package graph_test

// The HTTP edge (graph/handler.go): health checks, CORS, transports, body cap, page-size and
// complexity limits, and errors that never leak internals.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"partnerhub/ent"
	"partnerhub/ent/tag"
	"partnerhub/graph"
)

// httptResp is a raw HTTP response.
type httptResp struct {
	status int
	header http.Header
	body   []byte
}

// httptDo sends one request; body may be nil.
func httptDo(t *testing.T, method, target string, headers map[string]string, body []byte) *httptResp {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, target, rd)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return &httptResp{status: res.StatusCode, header: res.Header, body: raw}
}

// gql decodes the body as a GraphQL response; ok is false when it is not JSON.
func (r *httptResp) gql() (res *gqlResponse, ok bool) {
	res = &gqlResponse{status: r.status}
	return res, json.Unmarshal(r.body, res) == nil
}

// httptRefused reports whether the response refused the operation: a non-2xx status, or errors and no
// data.
func httptRefused(r *httptResp) bool {
	if r.status < 200 || r.status > 299 {
		return true
	}
	res, ok := r.gql()
	return ok && len(res.Errors) > 0 && (len(res.Data) == 0 || string(res.Data) == "null")
}

// httptInternals are strings an error must never show a client.
var httptInternals = []string{"sql", "SQL", "sqlite", "mysql", "goroutine", "panic", "runtime error", ".go:", "partnerhub/", "SELECT", "INSERT"}

// httptEntError matches an ent error message ("ent: customer not found"), not words ending in "ent".
var httptEntError = regexp.MustCompile(`(^|[^A-Za-z])ent: `)

func httptNoInternals(t *testing.T, what string, body []byte) {
	t.Helper()
	for _, s := range httptInternals {
		if bytes.Contains(body, []byte(s)) {
			t.Errorf("%s: response shows internals (%q): %s", what, s, body)
		}
	}
	if httptEntError.Match(body) {
		t.Errorf("%s: response shows an ent error: %s", what, body)
	}
}

func httptTagCount(e *env, name string) int {
	return e.client.Tag.Query().Where(tag.Name(name)).CountX(sys)
}

func TestHTTPHealth(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		r := httptDo(t, http.MethodGet, e.srv.URL+"/healthz", nil, nil)
		if r.status != http.StatusOK {
			t.Errorf("GET /healthz: HTTP %d %s, want 200", r.status, r.body)
		}
		r = httptDo(t, http.MethodGet, e.srv.URL+"/readyz", nil, nil)
		if r.status != http.StatusOK || strings.TrimSpace(string(r.body)) != "ready" {
			t.Errorf("GET /readyz: HTTP %d %q, want 200 ready", r.status, r.body)
		}
		if err := e.db.SQL.Close(); err != nil {
			t.Fatal(err)
		}
		r = httptDo(t, http.MethodGet, e.srv.URL+"/readyz", nil, nil)
		if r.status != http.StatusServiceUnavailable {
			t.Errorf("GET /readyz with the database closed: HTTP %d %q, want 503", r.status, r.body)
		}
		httptNoInternals(t, "/readyz with the database closed", r.body)
		// Liveness does not depend on the database.
		if r := httptDo(t, http.MethodGet, e.srv.URL+"/healthz", nil, nil); r.status != http.StatusOK {
			t.Errorf("GET /healthz with the database closed: HTTP %d, want 200", r.status)
		}
	})
}

func TestHTTPCORS(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		const good, evil = "https://app.partnerhub.test", "https://evil.test"
		preflight := func(origin string) *httptResp {
			return httptDo(t, http.MethodOptions, e.srv.URL+"/graphql", map[string]string{
				"Origin":                         origin,
				"Access-Control-Request-Method":  "POST",
				"Access-Control-Request-Headers": "content-type",
			}, nil)
		}
		r := preflight(good)
		if got := r.header.Get("Access-Control-Allow-Origin"); got != good {
			t.Errorf("preflight from %s: Access-Control-Allow-Origin %q, want %q (HTTP %d)", good, got, good, r.status)
		}
		if got := r.header.Get("Access-Control-Allow-Credentials"); got != "true" {
			t.Errorf("preflight from %s: Access-Control-Allow-Credentials %q, want true", good, got)
		}
		if r.status < 200 || r.status > 299 {
			t.Errorf("preflight from %s: HTTP %d, want 2xx", good, r.status)
		}
		if got := strings.ToUpper(r.header.Get("Access-Control-Allow-Methods")); !strings.Contains(got, "POST") {
			t.Errorf("preflight from %s: Access-Control-Allow-Methods %q, want POST", good, got)
		}
		// The demo header needs the preflight to allow it.
		r = httptDo(t, http.MethodOptions, e.srv.URL+"/graphql", map[string]string{
			"Origin": good, "Access-Control-Request-Method": "POST",
			"Access-Control-Request-Headers": "content-type," + strings.ToLower(graph.DemoUserHeader),
		}, nil)
		if got := r.header.Get("Access-Control-Allow-Origin"); got != good {
			t.Errorf("preflight with the demo header from %s: Access-Control-Allow-Origin %q", good, got)
		}

		for _, origin := range []string{evil, "https://app.partnerhub.test.evil.test", "http://app.partnerhub.test", "null"} {
			r := preflight(origin)
			if got := r.header.Get("Access-Control-Allow-Origin"); got != "" {
				t.Errorf("preflight from %s: Access-Control-Allow-Origin %q, want none", origin, got)
			}
			if got := r.header.Get("Access-Control-Allow-Credentials"); got != "" {
				t.Errorf("preflight from %s: Access-Control-Allow-Credentials %q, want none", origin, got)
			}
		}

		body := []byte(`{"query":"{ viewer { user { email } } }"}`)
		post := func(origin string) *httptResp {
			return httptDo(t, http.MethodPost, e.srv.URL+"/graphql", map[string]string{
				"Origin": origin, "Content-Type": "application/json", graph.DemoUserHeader: f.AdminA}, body)
		}
		r = post(evil)
		if got := r.header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("POST from %s: Access-Control-Allow-Origin %q, want none", evil, got)
		}
		r = post(good)
		if got := r.header.Get("Access-Control-Allow-Origin"); got != good || r.status != http.StatusOK {
			t.Errorf("POST from %s: HTTP %d, Access-Control-Allow-Origin %q, want 200 and %q", good, r.status, got, good)
		}
		if got := r.header.Get("Access-Control-Allow-Credentials"); got != "true" {
			t.Errorf("POST from %s: Access-Control-Allow-Credentials %q, want true", good, got)
		}
	})
}

func TestHTTPTransports(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		as := map[string]string{graph.DemoUserHeader: f.AdminA}

		// A mutation over GET is refused.
		mut := `mutation{createTag(input:{name:"x"}){tag{id}}}`
		r := httptDo(t, http.MethodGet, e.srv.URL+"/graphql?query="+url.QueryEscape(mut), as, nil)
		if !httptRefused(r) {
			t.Errorf("mutation over GET: HTTP %d %s, want refused", r.status, r.body)
		}
		if n := httptTagCount(e, "x"); n != 0 {
			t.Errorf("mutation over GET created %d tags", n)
		}
		// Even named as an operation among queries.
		doc := `query Q { viewer { user { id } } } mutation M { createTag(input:{name:"x"}) { tag { id } } }`
		r = httptDo(t, http.MethodGet, e.srv.URL+"/graphql?operationName=M&query="+url.QueryEscape(doc), as, nil)
		if !httptRefused(r) || httptTagCount(e, "x") != 0 {
			t.Errorf("named mutation over GET: HTTP %d %s, want refused and nothing created", r.status, r.body)
		}
		// The same mutation over POST works (the refusal above is about GET).
		if res := e.post(f.AdminA, mut, nil); len(res.Errors) > 0 || httptTagCount(e, "x") != 1 {
			t.Errorf("mutation over POST: %+v, want the tag created", res.Errors)
		}

		// A query over GET works.
		r = httptDo(t, http.MethodGet, e.srv.URL+"/graphql?query="+url.QueryEscape(`{ viewer { user { email } } }`), as, nil)
		if res, ok := r.gql(); r.status != http.StatusOK || !ok || len(res.Errors) > 0 || !strings.Contains(string(res.Data), f.AdminA) {
			t.Errorf("query over GET: HTTP %d %s, want the viewer", r.status, r.body)
		}

		// multipart/form-data is not a transport (a cross-site form could send it without preflight).
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		_ = mw.WriteField("operations", `{"query":"mutation { createTag(input: {name: \"multipart\"}) { tag { id } } }","variables":{}}`)
		_ = mw.WriteField("map", `{}`)
		_ = mw.Close()
		r = httptDo(t, http.MethodPost, e.srv.URL+"/graphql", map[string]string{
			"Content-Type": mw.FormDataContentType(), graph.DemoUserHeader: f.AdminA}, buf.Bytes())
		if !httptRefused(r) {
			t.Errorf("multipart POST: HTTP %d %s, want refused", r.status, r.body)
		}
		if n := httptTagCount(e, "multipart"); n != 0 {
			t.Errorf("multipart POST created %d tags", n)
		}
		// Nor the other "simple request" content types.
		for _, ct := range []string{"application/x-www-form-urlencoded", "text/plain"} {
			var b []byte
			if ct == "text/plain" {
				b = []byte(`{"query":"mutation { createTag(input: {name: \"simple\"}) { tag { id } } }"}`)
			} else {
				b = []byte("query=" + url.QueryEscape(`mutation { createTag(input: {name: "simple"}) { tag { id } } }`))
			}
			r = httptDo(t, http.MethodPost, e.srv.URL+"/graphql", map[string]string{"Content-Type": ct, graph.DemoUserHeader: f.AdminA}, b)
			if !httptRefused(r) {
				t.Errorf("%s POST: HTTP %d %s, want refused", ct, r.status, r.body)
			}
		}
		if n := httptTagCount(e, "simple"); n != 0 {
			t.Errorf("simple-request POSTs created %d tags", n)
		}
	})
}

func TestHTTPBodyLimit(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		// The padding rides in "extensions", which nothing reads: without the cap, this is a valid
		// mutation that would create the tag.
		body, _ := json.Marshal(map[string]any{
			"query":      `mutation { createTag(input: {name: "big"}) { tag { id } } }`,
			"extensions": map[string]any{"pad": strings.Repeat("a", graph.MaxBodyBytes+1024)},
		})
		r := httptDo(t, http.MethodPost, e.srv.URL+"/graphql", map[string]string{
			"Content-Type": "application/json", graph.DemoUserHeader: f.AdminA}, body)
		res, ok := r.gql()
		switch {
		case r.status == http.StatusRequestEntityTooLarge:
		case r.status >= 500:
			t.Errorf("body over 1 MiB: HTTP %d %s, want 413 or a 4xx error", r.status, r.body)
		case ok && len(res.Errors) > 0 && (len(res.Data) == 0 || string(res.Data) == "null"):
		default:
			t.Errorf("body over 1 MiB: HTTP %d %.300s, want refused", r.status, r.body)
		}
		httptNoInternals(t, "body over 1 MiB", r.body)
		if n := httptTagCount(e, "big"); n != 0 {
			t.Errorf("a body over 1 MiB created %d tags", n)
		}

		// Just under the cap is accepted: the limit is the cap, not something smaller.
		small, _ := json.Marshal(map[string]any{
			"query":      `mutation { createTag(input: {name: "small"}) { tag { id } } }`,
			"extensions": map[string]any{"pad": strings.Repeat("a", graph.MaxBodyBytes-4096)},
		})
		r = httptDo(t, http.MethodPost, e.srv.URL+"/graphql", map[string]string{
			"Content-Type": "application/json", graph.DemoUserHeader: f.AdminA}, small)
		if res, ok := r.gql(); r.status != http.StatusOK || !ok || len(res.Errors) > 0 || httptTagCount(e, "small") != 1 {
			t.Errorf("body just under 1 MiB: HTTP %d %.300s, want accepted and the tag created", r.status, r.body)
		}

		// Still healthy afterwards.
		if r := httptDo(t, http.MethodGet, e.srv.URL+"/healthz", nil, nil); r.status != http.StatusOK {
			t.Errorf("/healthz after an oversized body: HTTP %d", r.status)
		}
		var v struct {
			Viewer struct{ User struct{ Email string } }
		}
		e.query(f.AdminA, `{ viewer { user { email } } }`, nil, &v)
		if v.Viewer.User.Email != f.AdminA {
			t.Errorf("viewer after an oversized body: %+v", v)
		}
	})
}

func TestHTTPPageSize(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		for i := 0; i < 25; i++ {
			e.addCustomer(customerSpec{fmt.Sprintf("Page Size Company %02d", i), fmt.Sprintf("httptpage%02d", i), "GB", []*ent.Partner{f.A}})
		}
		const total = 8 + 25
		type page struct {
			Customers struct {
				TotalCount int
				PageInfo   struct{ HasNextPage, HasPreviousPage bool }
				Edges      []struct{ Node struct{ ID string } }
			}
		}
		q := func(args string) string {
			return `{ customers` + args + ` { totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { id } } } }`
		}
		for _, args := range []string{"(first: 101)", "(last: 101)", "(first: -1)", "(last: -1)", "(first: 1000000)"} {
			res := e.post(f.AdminA, q(args), nil)
			codes := res.errorCodes()
			ok := len(codes) > 0 && codes[0] == "BAD_USER_INPUT"
			if args == "(first: 1000000)" && len(codes) > 0 && codes[0] == "COMPLEXITY_LIMIT_EXCEEDED" {
				ok = true // refused even before the resolver sees it
			}
			if !ok {
				t.Errorf("customers%s: errors %+v, want BAD_USER_INPUT", args, res.Errors)
			}
			if strings.Contains(string(res.Data), `"edges"`) {
				t.Errorf("customers%s returned edges: %.200s", args, res.Data)
			}
		}
		var p page
		e.query(f.AdminA, q("(first: 100)"), nil, &p)
		if len(p.Customers.Edges) != total || p.Customers.TotalCount != total || p.Customers.PageInfo.HasNextPage {
			t.Errorf("customers(first: 100): %d edges, total %d, hasNext %v; want %d, %d, false",
				len(p.Customers.Edges), p.Customers.TotalCount, p.Customers.PageInfo.HasNextPage, total, total)
		}
		e.query(f.AdminA, q(""), nil, &p)
		if len(p.Customers.Edges) != graph.DefaultPageSize || p.Customers.TotalCount != total || !p.Customers.PageInfo.HasNextPage {
			t.Errorf("customers without first: %d edges, total %d, hasNext %v; want %d, %d, true",
				len(p.Customers.Edges), p.Customers.TotalCount, p.Customers.PageInfo.HasNextPage, graph.DefaultPageSize, total)
		}
		if graph.DefaultPageSize != 20 {
			t.Errorf("DefaultPageSize = %d, want 20", graph.DefaultPageSize)
		}
		e.query(f.AdminA, q("(last: 5)"), nil, &p)
		if len(p.Customers.Edges) != 5 || !p.Customers.PageInfo.HasPreviousPage {
			t.Errorf("customers(last: 5): %d edges, hasPrevious %v; want 5, true", len(p.Customers.Edges), p.Customers.PageInfo.HasPreviousPage)
		}
	})
}

func TestHTTPComplexity(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		var b strings.Builder
		b.WriteString("{")
		for i := 0; i < 30; i++ {
			fmt.Fprintf(&b, " c%d: customers(first: 100) { edges { node { id displayName tags { id name } relationships { id } } } }", i)
		}
		b.WriteString(" }")
		e.rec.Reset()
		res := e.post(f.AdminA, b.String(), nil)
		if len(res.Errors) == 0 || !strings.Contains(strings.ToLower(res.Errors[0].Message), "complexity") {
			t.Errorf("30 aliased pages of 100: errors %+v, want a complexity error", res.Errors)
		}
		if len(res.Data) != 0 && string(res.Data) != "null" {
			t.Errorf("30 aliased pages of 100 returned data (%d bytes)", len(res.Data))
		}
		if res.status >= 500 {
			t.Errorf("complexity refusal: HTTP %d", res.status)
		}
		for _, s := range e.rec.Statements() {
			if strings.Contains(s, "customers") {
				t.Errorf("the refused operation still queried customers: %s", s)
				break
			}
		}

		// One full page with the fields the list screen needs is fine.
		single := `{ customers(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
			id microsoftID displayName companyName primaryDomain country verificationStatus
			billingProfile { id version companyName firstName lastName email addressLine1 city country }
			relationships { id type status partner { id name } }
			tags { id name color }
		} } } }`
		var p struct {
			Customers struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
		e.query(f.AdminA, single, nil, &p)
		if len(p.Customers.Edges) != 8 {
			t.Errorf("one full page: %d edges, want 8", len(p.Customers.Edges))
		}
		// And a few aliased pages of that kind too (three list views at once).
		e.query(f.AdminA, `{ a: customers(first: 100) { edges { node { id tags { id } } } } b: customers(first: 100, search: "lodz") { edges { node { id } } } }`, nil, &struct{}{})
	})
}

func TestHTTPErrors(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		check := func(what string, r *httptResp, wantCodes ...string) {
			t.Helper()
			if r.status >= 500 {
				t.Errorf("%s: HTTP %d %s, want no 5xx", what, r.status, r.body)
			}
			if r.status != http.StatusOK && r.status != http.StatusUnprocessableEntity && r.status != http.StatusBadRequest {
				t.Errorf("%s: HTTP %d, want 200, 400 or 422", what, r.status)
			}
			res, ok := r.gql()
			if !ok || len(res.Errors) == 0 {
				t.Errorf("%s: body %s, want a GraphQL error", what, r.body)
				return
			}
			if len(wantCodes) > 0 {
				code := fmt.Sprint(res.Errors[0].Extensions["code"])
				found := false
				for _, c := range wantCodes {
					found = found || c == code
				}
				if !found {
					t.Errorf("%s: code %s, want one of %v (%+v)", what, code, wantCodes, res.Errors)
				}
			}
			for _, c := range res.errorCodes() {
				if c == "INTERNAL" {
					t.Errorf("%s: INTERNAL error %+v, want a client error", what, res.Errors)
				}
			}
			httptNoInternals(t, what, r.body)
		}
		send := func(body string) *httptResp {
			return httptDo(t, http.MethodPost, e.srv.URL+"/graphql", map[string]string{
				"Content-Type": "application/json", graph.DemoUserHeader: f.AdminA}, []byte(body))
		}
		gq := func(q string, vars map[string]any) *httptResp {
			b, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
			return send(string(b))
		}
		check("malformed query", gq(`{ customers { edges { node { id `, nil), "GRAPHQL_PARSE_FAILED", "BAD_USER_INPUT")
		check("unknown field", gq(`{ customers { nope } }`, nil), "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT")
		check("wrong variable type", gq(`query($n: Int) { customers(first: $n) { totalCount } }`, map[string]any{"n": "many"}), "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT")
		check("bad enum", gq(`{ customers(filter: {relationshipTypes: [NOPE]}) { totalCount } }`, nil), "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT")
		check("bad cursor", gq(`{ customers(after: "not-a-cursor") { totalCount } }`, nil))
		check("garbage node ID", gq(`{ node(id: "garbage") { id } }`, nil), "NOT_FOUND")
		check("unknown ID prefix", gq(`{ node(id: "zzz_01JD8Q4S9W0Y3N2B8M5K7H6G4F") { id } }`, nil), "NOT_FOUND")
		check("over-long ID", gq(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": "cus_" + strings.Repeat("9", 500)}), "NOT_FOUND")
		check("invalid JSON", send(`{"query": "{ viewer { user { id } } }"`))
		check("no query", send(`{}`))
		check("unknown operation name", send(`{"query": "query A { viewer { user { id } } }", "operationName": "B"}`))
		check("query is not a string", send(`{"query": 42}`))

		// The server is fine afterwards.
		var v struct {
			Viewer struct{ User struct{ Email string } }
		}
		e.query(f.AdminA, `{ viewer { user { email } } }`, nil, &v)
		if v.Viewer.User.Email != f.AdminA {
			t.Errorf("viewer after bad requests: %+v", v)
		}
	})
}

// TestHTTPInternalErrorsHidden makes a resolver fail inside the database (the tags table is renamed
// away) and checks the client sees a generic INTERNAL error, not the database's message.
func TestHTTPInternalErrorsHidden(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		// Before: the tags query works.
		var before struct{ Tags []struct{ ID string } }
		e.query(f.AdminA, `{ tags { id } }`, nil, &before)
		if len(before.Tags) != 3 {
			t.Fatalf("tags as A: %d, want 3", len(before.Tags))
		}
		if _, err := e.db.SQL.Exec("ALTER TABLE tags RENAME TO httpt_gone_tags"); err != nil {
			t.Fatal(err)
		}
		body, _ := json.Marshal(map[string]any{"query": `{ tags { id name } }`})
		r := httptDo(t, http.MethodPost, e.srv.URL+"/graphql", map[string]string{
			"Content-Type": "application/json", graph.DemoUserHeader: f.AdminA}, body)
		res, ok := r.gql()
		if !ok || len(res.Errors) == 0 {
			t.Fatalf("tags with its table gone: HTTP %d %s, want a GraphQL error", r.status, r.body)
		}
		if c := fmt.Sprint(res.Errors[0].Extensions["code"]); c != "INTERNAL" {
			t.Errorf("tags with its table gone: code %s (%q), want INTERNAL", c, res.Errors[0].Message)
		}
		for _, s := range append([]string{"httpt_gone_tags", "tags", "table", "exist"}, httptInternals...) {
			if strings.Contains(strings.ToLower(res.Errors[0].Message), strings.ToLower(s)) {
				t.Errorf("tags with its table gone: message %q shows internals (%q)", res.Errors[0].Message, s)
				break
			}
		}
		httptNoInternals(t, "tags with its table gone", r.body)
	})
}
