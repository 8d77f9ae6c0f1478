package graph_test

// The test harness: every API test runs against the real handler over real HTTP, once on an embedded
// SQLite database and once on MariaDB/MySQL (a scratch database per test, dropped afterwards).
//
// PARTNERHUB_TEST_MYSQL is the server to use (default mysql://root@127.0.0.1:3306/). Tests fail when it
// is unreachable; set PARTNERHUB_TEST_MYSQL=skip to run SQLite only on a machine without MySQL (never
// in CI, where CI=true makes that an error too).

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	_ "github.com/go-sql-driver/mysql"

	"partnerhub/ent"
	"partnerhub/ent/database"
	"partnerhub/ent/relationship"
	_ "partnerhub/ent/runtime"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/seed"
	"partnerhub/ent/seed/fake"
	"partnerhub/ent/viewer"
	"partnerhub/graph"
)

// backends lists the databases every API test runs on.
func backends(t *testing.T) []string {
	server := os.Getenv("PARTNERHUB_TEST_MYSQL")
	if server == "skip" {
		if os.Getenv("CI") != "" {
			t.Fatal("PARTNERHUB_TEST_MYSQL=skip is not allowed in CI: the suite must run on MySQL/MariaDB")
		}
		return []string{"sqlite"}
	}
	return []string{"sqlite", "mysql"}
}

func mysqlServer() string {
	if s := os.Getenv("PARTNERHUB_TEST_MYSQL"); s != "" && s != "skip" {
		return strings.TrimSuffix(s, "/")
	}
	return "mysql://root@127.0.0.1:3306"
}

// env is one test's running Partnerhub.
type env struct {
	t      *testing.T
	name   string // "sqlite" or "mysql"
	db     *database.DB
	client *ent.Client
	rec    *database.Recorder
	srv    *httptest.Server
}

// forEachDB runs fn as a subtest on each backend, with a fresh database and server.
func forEachDB(t *testing.T, fn func(t *testing.T, e *env)) {
	forEachDBWith(t, graph.Options{Demo: true, AllowedOrigins: []string{"https://app.partnerhub.test"}}, fn)
}

// forEachDBWith is forEachDB with the server's options.
func forEachDBWith(t *testing.T, opts graph.Options, fn func(t *testing.T, e *env)) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) { fn(t, newEnv(t, b, opts)) })
	}
}

// openDB opens a fresh, migrated database of the backend, removed when the test ends.
func openDB(t *testing.T, backend string, opts ...database.Option) *database.DB {
	t.Helper()
	ctx := context.Background()
	var url string
	switch backend {
	case "sqlite":
		url = "sqlite:" + t.TempDir() + "/test.db"
	case "mysql":
		name := "partnerhub_test_" + randomHex(6)
		url = mysqlServer() + "/" + name
		t.Cleanup(func() { dropMySQL(t, name) })
	}
	db, err := database.Open(ctx, url, opts...)
	if err != nil {
		t.Fatalf("opening %s: %v", backend, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func dropMySQL(t *testing.T, name string) {
	cfg, err := database.MySQLConfig(mysqlServer() + "/" + name)
	if err != nil {
		t.Error(err)
		return
	}
	cfg.DBName = ""
	admin, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		t.Error(err)
		return
	}
	defer admin.Close()
	if _, err := admin.Exec("DROP DATABASE IF EXISTS `" + name + "`"); err != nil {
		t.Errorf("dropping %s: %v", name, err)
	}
}

func newEnv(t *testing.T, backend string, opts graph.Options) *env {
	t.Helper()
	rec := &database.Recorder{}
	db := openDB(t, backend, database.WithDriver(rec.Wrap))
	opts.Ready = db.Ping
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	srv := httptest.NewServer(graph.NewHandler(db.Client, opts))
	t.Cleanup(srv.Close)
	return &env{t: t, name: backend, db: db, client: db.Client, rec: rec, srv: srv}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = crand.Read(b)
	return hex.EncodeToString(b)
}

// sys is a context in which the fixture builders write without a viewer.
var sys = viewer.SystemContext(context.Background())

// gqlResponse is a GraphQL response.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	status int
}

// errorCodes lists the extensions.code of the response's errors.
func (r *gqlResponse) errorCodes() []string {
	var codes []string
	for _, e := range r.Errors {
		codes = append(codes, fmt.Sprint(e.Extensions["code"]))
	}
	return codes
}

// post sends a GraphQL operation as the user with the given email ("" for nobody).
func (e *env) post(as, query string, vars map[string]any) *gqlResponse {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if as != "" {
		req.Header.Set(graph.DemoUserHeader, as)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("POST /graphql: %v", err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := &gqlResponse{status: res.StatusCode}
	if err := json.Unmarshal(raw, out); err != nil {
		e.t.Fatalf("decoding %q (HTTP %d): %v", raw, res.StatusCode, err)
	}
	return out
}

// query runs an operation that must succeed and decodes its data into dst.
func (e *env) query(as, query string, vars map[string]any, dst any) {
	e.t.Helper()
	res := e.post(as, query, vars)
	if len(res.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v", res.Errors)
	}
	if err := json.Unmarshal(res.Data, dst); err != nil {
		e.t.Fatalf("decoding data %s: %v", res.Data, err)
	}
}

// userError is a payload's user error.
type userError struct {
	Field   []string `json:"field"`
	Code    string   `json:"code"`
	Message string   `json:"message"`
}

// --- Fixture --------------------------------------------------------------------------------------

// fixture is a small world: two direct-bill partners (A, B), an indirect provider (P) with its reseller
// (R), a reseller-only partner with no provider (Solo), and customers named to exercise search.
type fixture struct {
	A, B, P, R, Solo *ent.Partner
	// Users: the global admin of each partner.
	AdminA, AdminB, AdminP, AdminR, AdminSolo string
	// Tags by name, per partner.
	TagsA, TagsB map[string]*ent.Tag
	// Customers by display name.
	C map[string]*ent.Customer
}

// customerSpec describes a fixture customer.
type customerSpec struct {
	name, domain, country string
	owners                []*ent.Partner
}

func (e *env) fixture() *fixture {
	t := e.t
	t.Helper()
	f := &fixture{C: map[string]*ent.Customer{}, TagsA: map[string]*ent.Tag{}, TagsB: map[string]*ent.Tag{}}
	partner := func(name, domain string, caps ...enum.Capacity) (*ent.Partner, string) {
		p := e.client.Partner.Create().SetName(name).SetCapacities(caps).SetEmailDomains([]string{domain}).SaveX(sys)
		email := "admin@" + domain
		e.client.User.Create().SetPartnerID(p.ID).SetEmail(email).SetName("Admin of " + name).
			SetRoles([]enum.Role{enum.GlobalAdmin}).ExecX(sys)
		return p, email
	}
	f.A, f.AdminA = partner("Alpha Partner", "alpha.test", enum.DirectBill)
	f.B, f.AdminB = partner("Beta Partner", "beta.test", enum.DirectBill)
	f.P, f.AdminP = partner("Provider Partner", "provider.test", enum.IndirectProvider)
	f.R, f.AdminR = partner("Reseller Partner", "reseller.test", enum.IndirectReseller)
	f.Solo, f.AdminSolo = partner("Solo Reseller", "solo.test", enum.IndirectReseller)
	e.client.Partner.UpdateOne(f.P).AddResellers(f.R).ExecX(sys)
	for _, n := range []string{"Enterprise", "SMB", "Priority"} {
		f.TagsA[n] = e.client.Tag.Create().SetPartnerID(f.A.ID).SetName(n).SaveX(sys)
		f.TagsB[n] = e.client.Tag.Create().SetPartnerID(f.B.ID).SetName(n).SaveX(sys)
	}
	specs := []customerSpec{
		{"Łódź Trading Sp. z o.o.", "lodztrading", "PL", []*ent.Partner{f.A}},
		{"Société Générale de Logistique", "sglogistique", "FR", []*ent.Partner{f.A}},
		{"ООО «Контур»", "kontur", "RU", []*ent.Partner{f.A}},
		{"Zakłady Mięsne Żywiec S.A.", "zywiec", "PL", []*ent.Partner{f.A}},
		{"Città di Perugia Servizi S.r.l.", "perugia", "IT", []*ent.Partner{f.A}},
		{"Northwind Traders Ltd", "northwind", "GB", []*ent.Partner{f.A, f.B}},
		{"alpine Ski House", "alpineski", "US", []*ent.Partner{f.A}},
		{"Contoso Pharmaceuticals", "contosopharma", "US", []*ent.Partner{f.A}},
		{"Beta Only Łódź Logistics", "betalodz", "PL", []*ent.Partner{f.B}},
		{"Fabrikam Residences", "fabrikamres", "DE", []*ent.Partner{f.P}},
	}
	for _, s := range specs {
		f.C[s.name] = e.addCustomer(s)
	}
	return f
}

// validIn is a valid address, phone and registration ID for customers of a country (domain.md §6).
func validIn(country string) fake.Company {
	locales := map[string]string{"PL": "pl-PL", "FR": "fr-FR", "RU": "ru-RU", "IT": "it-IT", "GB": "en-GB", "US": "en-US"}
	if l, ok := locales[country]; ok {
		return seed.CompanyIn(rand.New(rand.NewPCG(uint64(len(country)), uint64(country[0]))), l)
	}
	if country != "DE" {
		panic("fixture: no valid address for " + country)
	}
	return fake.Company{Country: "DE", Address: fake.Address{Line1: "Unter den Linden 1", City: "Berlin",
		PostalCode: "10117", Country: "DE", Phone: "+49 30 1234567"}}
}

// addCustomer creates a customer with its billing profile and ACTIVE relationships to its owners.
func (e *env) addCustomer(s customerSpec) *ent.Customer {
	e.t.Helper()
	v := validIn(s.country)
	a := v.Address
	c := e.client.Customer.Create().SetCompanyName(s.name).SetPrimaryDomain(s.domain + ".onmicrosoft.com").
		SetCountry(s.country).SetLanguage("en").SetCulture("en-US").
		SetNillableRegistrationID(nonEmpty(v.RegistrationID)).SaveX(sys)
	e.client.BillingProfile.Create().SetCustomerID(c.ID).SetCompanyName(s.name).
		SetFirstName("Anna").SetLastName("Nowak").SetEmail("anna@" + s.domain + ".onmicrosoft.com").
		SetCulture("en-US").SetLanguage("en").SetAddressLine1(a.Line1).SetCity(a.City).
		SetNillableState(nonEmpty(a.State)).SetNillablePostalCode(nonEmpty(a.PostalCode)).
		SetNillablePhoneNumber(nonEmpty(a.Phone)).SetCountry(s.country).ExecX(sys)
	for _, p := range s.owners {
		typ := relationship.TypeDIRECT_BILL
		if p.Capacities[0] == enum.IndirectProvider {
			typ = relationship.TypeINDIRECT_PROVIDER
		}
		e.client.Relationship.Create().SetPartnerID(p.ID).SetCustomerID(c.ID).SetType(typ).ExecX(sys)
	}
	return e.client.Customer.GetX(sys, c.ID)
}

// tag puts tags on a customer directly (fixture setup).
func (e *env) tag(c *ent.Customer, tags ...*ent.Tag) {
	e.t.Helper()
	for _, t := range tags {
		e.client.CustomerTag.Create().SetCustomerID(c.ID).SetTagID(t.ID).ExecX(sys)
	}
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
