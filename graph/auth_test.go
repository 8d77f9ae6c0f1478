package graph_test

// Sign-in, sessions, access tokens, invitations, CSRF/CORS with cookie sessions, and what anonymous
// callers may do (domain.md §1; graph/auth.graphql, graph/viewer.go, graph/handler.go,
// ent/rule/auth.go). Every request here goes over real HTTP WITHOUT the demo header: a browser-like
// client with a cookie jar, or an API client with a bearer token.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"partnerhub/ent"
	"partnerhub/ent/invitation"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/clock"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/session"
	"partnerhub/ent/tag"
	"partnerhub/ent/user"
	"partnerhub/graph"
)

// authPassword is the password of the users the tests create.
const authPassword = "correct horse battery"

// --- An HTTP client without the demo header ---------------------------------------------------------

// authClient talks to a Partnerhub server like a browser (a cookie jar) or an API client (a bearer
// token). It never sends the demo header.
type authClient struct {
	t      *testing.T
	base   string // http://127.0.0.1:port
	hc     *http.Client
	jar    *cookiejar.Jar // nil: no cookies are kept
	bearer string         // sent as Authorization: Bearer when set
	cookie string         // sent as the session cookie when set (besides the jar's)
	header map[string]string
}

// authBrowser is a client that keeps the cookies the server sets.
func authBrowser(t *testing.T, base string) *authClient {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &authClient{t: t, base: base, jar: jar, hc: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

// authBearer is an API client that sends the token.
func authBearer(t *testing.T, base, token string) *authClient {
	return &authClient{t: t, base: base, bearer: token, hc: &http.Client{Timeout: 30 * time.Second}}
}

// authWithCookie sends secret as the session cookie on every request and keeps no cookies.
func authWithCookie(t *testing.T, base, secret string) *authClient {
	return &authClient{t: t, base: base, cookie: secret, hc: &http.Client{Timeout: 30 * time.Second}}
}

// authAnon sends no credentials at all.
func authAnon(t *testing.T, base string) *authClient {
	return &authClient{t: t, base: base, hc: &http.Client{Timeout: 30 * time.Second}}
}

// authResp is a raw HTTP response with its body decoded as GraphQL when it is JSON.
type authResp struct {
	status  int
	header  http.Header
	cookies []*http.Cookie // Set-Cookie
	body    []byte
	gql     *gqlResponse // never nil; empty when the body is not JSON
	json    bool
}

// sessionCookie is the Set-Cookie of the session cookie, or nil.
func (r *authResp) sessionCookie() *http.Cookie {
	for _, c := range r.cookies {
		if c.Name == graph.SessionCookie {
			return c
		}
	}
	return nil
}

// data decodes the response's data into dst; it reports (without stopping) when there are errors.
func (r *authResp) data(t *testing.T, what string, dst any) bool {
	t.Helper()
	if !r.json {
		t.Errorf("%s: HTTP %d, body %q is not a GraphQL response", what, r.status, r.body)
		return false
	}
	if len(r.gql.Errors) > 0 {
		t.Errorf("%s: unexpected errors %+v (HTTP %d)", what, r.gql.Errors, r.status)
		return false
	}
	if err := json.Unmarshal(r.gql.Data, dst); err != nil {
		t.Errorf("%s: decoding %s: %v", what, r.gql.Data, err)
		return false
	}
	return true
}

// send sends one request to /graphql with the client's credentials.
func (c *authClient) send(method, contentType string, body []byte, extra map[string]string) *authResp {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, c.base+"/graphql", rd)
	if err != nil {
		c.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	}
	if c.cookie != "" {
		req.AddCookie(&http.Cookie{Name: graph.SessionCookie, Value: c.cookie})
	}
	for k, v := range c.header {
		req.Header.Set(k, v)
	}
	for k, v := range extra {
		req.Header.Set(k, v)
	}
	res, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatalf("%s /graphql: %v", method, err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := &authResp{status: res.StatusCode, header: res.Header, cookies: res.Cookies(), body: raw, gql: &gqlResponse{status: res.StatusCode}}
	out.json = json.Unmarshal(raw, out.gql) == nil
	return out
}

// post sends a GraphQL operation as JSON.
func (c *authClient) post(query string, vars map[string]any) *authResp {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return c.send(http.MethodPost, "application/json", body, nil)
}

// jarSecret is the session cookie the jar holds for the server ("" when none).
func (c *authClient) jarSecret() string {
	if c.jar == nil {
		return ""
	}
	u, _ := url.Parse(c.base)
	for _, k := range c.jar.Cookies(u) {
		if k.Name == graph.SessionCookie {
			return k.Value
		}
	}
	return ""
}

const authSignInQ = `mutation($in: SignInInput!) { signIn(input: $in) {
	token viewer { user { id email roles } partner { id } } userErrors { field code message } } }`

type authSignInPayload struct {
	Token  *string
	Viewer *struct {
		User struct {
			ID, Email string
			Roles     []string
		}
		Partner struct{ ID string }
	}
	UserErrors []userError
}

// signIn signs in (tokenName "" for a browser session) and returns the payload and the response.
func (c *authClient) signIn(email, password, tokenName string) (*authSignInPayload, *authResp) {
	c.t.Helper()
	in := map[string]any{"email": email, "password": password}
	if tokenName != "" {
		in["tokenName"] = tokenName
	}
	r := c.post(authSignInQ, map[string]any{"in": in})
	var d struct{ SignIn *authSignInPayload }
	if !r.data(c.t, "signIn "+email, &d) || d.SignIn == nil {
		return &authSignInPayload{}, r
	}
	return d.SignIn, r
}

// mustSignIn signs in with a browser session and returns the cookie's secret.
func (c *authClient) mustSignIn(email, password string) string {
	c.t.Helper()
	p, r := c.signIn(email, password, "")
	ck := r.sessionCookie()
	if len(p.UserErrors) > 0 || p.Viewer == nil || ck == nil || ck.Value == "" {
		c.t.Fatalf("signIn %s: %s (HTTP %d), cookie %v; want signed in", email, r.body, r.status, ck)
	}
	return ck.Value
}

// mustToken signs in for an access token and returns it.
func (c *authClient) mustToken(email, password, name string) string {
	c.t.Helper()
	p, r := c.signIn(email, password, name)
	if len(p.UserErrors) > 0 || p.Token == nil || *p.Token == "" {
		c.t.Fatalf("signIn %s for a token: %s (HTTP %d); want a token", email, r.body, r.status)
	}
	return *p.Token
}

// viewerEmail is the signed-in user's email as the server sees it ("" when the request is not signed
// in), and the response.
func (c *authClient) viewerEmail() (string, *authResp) {
	c.t.Helper()
	r := c.post(`{ viewer { user { email } } }`, nil)
	var d struct {
		Viewer *struct{ User struct{ Email string } }
	}
	if r.json && len(r.gql.Errors) == 0 && json.Unmarshal(r.gql.Data, &d) == nil && d.Viewer != nil {
		return d.Viewer.User.Email, r
	}
	return "", r
}

// --- Assertions -----------------------------------------------------------------------------------

// authWantViewer checks that the client is signed in as email.
func authWantViewer(t *testing.T, what string, c *authClient, email string) {
	t.Helper()
	got, r := c.viewerEmail()
	if got != email {
		t.Errorf("%s: viewer is %q (HTTP %d %s), want %s", what, got, r.status, r.body, email)
	}
}

// authWantUnauthenticated checks that a cookie (or no) session is treated as signed out: a GraphQL
// error UNAUTHENTICATED and no data.
func authWantUnauthenticated(t *testing.T, what string, c *authClient) {
	t.Helper()
	got, r := c.viewerEmail()
	if got != "" {
		t.Errorf("%s: still signed in as %s", what, got)
		return
	}
	if !r.json || !slices.Contains(r.gql.errorCodes(), "UNAUTHENTICATED") {
		t.Errorf("%s: HTTP %d %s, want the error UNAUTHENTICATED", what, r.status, r.body)
	}
	if len(r.gql.Data) != 0 && string(r.gql.Data) != "null" {
		t.Errorf("%s: data %s, want none", what, r.gql.Data)
	}
}

// authWant401 checks that a bearer token is refused with HTTP 401.
func authWant401(t *testing.T, what string, c *authClient) {
	t.Helper()
	got, r := c.viewerEmail()
	if r.status != http.StatusUnauthorized || got != "" {
		t.Errorf("%s: HTTP %d %s (viewer %q), want 401", what, r.status, r.body, got)
	}
	if h := r.header.Get("WWW-Authenticate"); !strings.HasPrefix(h, "Bearer") {
		t.Errorf("%s: WWW-Authenticate %q, want a Bearer challenge", what, h)
	}
}

// authWantUserError checks a payload's userErrors: exactly one, with the code (and field when given).
func authWantUserError(t *testing.T, what string, errs []userError, code string, field ...string) {
	t.Helper()
	if len(errs) != 1 || errs[0].Code != code || (field != nil && !slices.Equal(errs[0].Field, field)) {
		t.Errorf("%s: userErrors %+v, want one %s on %v", what, errs, code, field)
	}
}

// authNoSessionCookie checks that a response set no session (a Set-Cookie with a value).
func authNoSessionCookie(t *testing.T, what string, r *authResp) {
	t.Helper()
	if c := r.sessionCookie(); c != nil && c.Value != "" {
		t.Errorf("%s: set the session cookie %q", what, c.Value)
	}
}

// --- Fixture --------------------------------------------------------------------------------------

// authAddUser creates a user of the partner with the password hash (none when "").
func authAddUser(e *env, p *ent.Partner, email, hash string, roles ...enum.Role) *ent.User {
	e.t.Helper()
	c := e.client.User.Create().SetPartnerID(p.ID).SetEmail(email).SetName("User " + strings.Split(email, "@")[0]).
		SetRoles(roles)
	if hash != "" {
		c.SetPasswordHash(hash)
	}
	return c.SaveX(sys)
}

// authHash is the hash of authPassword (computed once per test: it takes a while on purpose).
func authHash(t *testing.T) string {
	t.Helper()
	h, err := rule.HashPassword(authPassword)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// authSessionOf is the stored session of a secret.
func authSessionOf(e *env, secret string) *ent.Session {
	e.t.Helper()
	s, err := e.client.Session.Query().Where(session.SecretHash(rule.HashSecret(secret))).Only(sys)
	if err != nil {
		e.t.Fatalf("finding the session of %.8s…: %v", secret, err)
	}
	return s
}

// authExec runs one SQL statement that must change exactly one row.
func authExec(e *env, query string, args ...any) {
	e.t.Helper()
	res, err := e.db.SQL.ExecContext(sys, query, args...)
	if err != nil {
		e.t.Fatalf("%s: %v", query, err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		e.t.Fatalf("%s: %d rows changed (%v), want 1", query, n, err)
	}
}

// --- 3. Sign-in -----------------------------------------------------------------------------------

func TestAuthSignIn(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		hash := authHash(t)
		alice := authAddUser(e, f.A, "alice@alpha.test", hash, enum.SalesAgent)
		gone := authAddUser(e, f.A, "gone@alpha.test", hash, enum.GlobalAdmin)
		e.client.User.UpdateOne(gone).SetActive(false).ExecX(sys)

		// The right password: a browser session in an HttpOnly, SameSite=Lax cookie for the whole site.
		b := authBrowser(t, e.srv.URL)
		p, r := b.signIn("alice@alpha.test", authPassword, "")
		if len(p.UserErrors) != 0 || p.Viewer == nil || p.Viewer.User.ID != string(alice.ID) || p.Viewer.Partner.ID != string(f.A.ID) {
			t.Fatalf("signIn with the right password: %s, want alice signed in", r.body)
		}
		if p.Token != nil {
			t.Errorf("browser signIn returned a token %q, want none", *p.Token)
		}
		ck := r.sessionCookie()
		switch {
		case ck == nil || ck.Value == "":
			t.Fatalf("signIn set no session cookie (Set-Cookie %v)", r.header.Values("Set-Cookie"))
		case !ck.HttpOnly:
			t.Errorf("session cookie is not HttpOnly: %s", r.header.Get("Set-Cookie"))
		case ck.SameSite != http.SameSiteLaxMode:
			t.Errorf("session cookie SameSite = %v, want Lax: %s", ck.SameSite, r.header.Get("Set-Cookie"))
		case ck.Path != "/":
			t.Errorf("session cookie Path = %q, want /", ck.Path)
		}
		if until := time.Until(ck.Expires); until < rule.CookieLifetime-time.Hour || until > rule.CookieLifetime+time.Hour {
			t.Errorf("session cookie expires in %v, want about %v", until, rule.CookieLifetime)
		}
		authWantViewer(t, "browser after signIn", b, "alice@alpha.test")
		// The cookie alone is the credential (no jar, no demo header), and only its hash is stored.
		authWantViewer(t, "the cookie sent alone", authWithCookie(t, e.srv.URL, ck.Value), "alice@alpha.test")
		s := authSessionOf(e, ck.Value)
		if s.Kind != session.KindCOOKIE || s.UserID != alice.ID || s.SecretHash == ck.Value || strings.Contains(s.SecretHash, ck.Value) {
			t.Errorf("stored session %+v: want a COOKIE session of alice storing only a hash", s)
		}
		if got := e.client.User.GetX(sys, alice.ID); got.LastSignInAt == nil {
			t.Error("lastSignInAt not recorded")
		}

		// Wrong password, unknown email, inactive user: the same error, no cookie, no session.
		sessionsBefore := e.client.Session.Query().CountX(sys)
		var refusals []userError
		for _, tc := range []struct{ what, email, password string }{
			{"wrong password", "alice@alpha.test", "correct horse batterY"},
			{"unknown email", "nobody@alpha.test", authPassword},
			{"inactive user", "gone@alpha.test", authPassword},
			{"empty password", "alice@alpha.test", ""},
		} {
			c := authBrowser(t, e.srv.URL)
			p, r := c.signIn(tc.email, tc.password, "")
			authWantUserError(t, "signIn with "+tc.what, p.UserErrors, "INVALID")
			if p.Viewer != nil || p.Token != nil {
				t.Errorf("signIn with %s: %s, want no viewer or token", tc.what, r.body)
			}
			authNoSessionCookie(t, "signIn with "+tc.what, r)
			if c.jarSecret() != "" {
				t.Errorf("signIn with %s: the browser holds a session cookie", tc.what)
			}
			authWantUnauthenticated(t, "browser after signIn with "+tc.what, c)
			if len(p.UserErrors) == 1 {
				refusals = append(refusals, p.UserErrors[0])
			}
		}
		for i := 1; i < len(refusals); i++ {
			if refusals[i].Message != refusals[0].Message || !slices.Equal(refusals[i].Field, refusals[0].Field) {
				t.Errorf("sign-in refusals differ (they must not tell which part was wrong): %+v vs %+v", refusals[0], refusals[i])
			}
		}
		if n := e.client.Session.Query().CountX(sys); n != sessionsBefore {
			t.Errorf("failed sign-ins created %d sessions", n-sessionsBefore)
		}

		// tokenName: an access token and no cookie; it works as a bearer token.
		api := authAnon(t, e.srv.URL)
		p, r = api.signIn("alice@alpha.test", authPassword, "iPhone")
		if len(p.UserErrors) != 0 || p.Token == nil || !strings.HasPrefix(*p.Token, "pht_") || p.Viewer == nil {
			t.Fatalf("signIn with tokenName: %s, want a pht_ token", r.body)
		}
		token := *p.Token
		if c := r.sessionCookie(); c != nil {
			t.Errorf("signIn with tokenName set a cookie: %s", r.header.Get("Set-Cookie"))
		}
		authWantViewer(t, "the token as Bearer", authBearer(t, e.srv.URL, token), "alice@alpha.test")
		ts := authSessionOf(e, token)
		if ts.Kind != session.KindTOKEN || ts.Name != "iPhone" || ts.SecretHash == token {
			t.Errorf("stored token %+v, want a TOKEN named iPhone storing only a hash", ts)
		}

		// Bearer tokens that are not valid: HTTP 401, whatever else the request carries.
		for what, tok := range map[string]string{
			"garbage":               "pht_" + strings.Repeat("A", 43),
			"a cookie secret":       ck.Value, // a browser session is not an access token
			"no prefix":             strings.TrimPrefix(token, "pht_"),
			"the token lower-cased": strings.ToLower(token),
		} {
			authWant401(t, "bearer "+what, authBearer(t, e.srv.URL, tok))
		}
		expired := authTokenFor(t, e, "alice@alpha.test", "expiring")
		authExec(e, "UPDATE sessions SET expires_at = ? WHERE id = ?", clock.Now().Add(-time.Minute), authSessionOf(e, expired).ID)
		authWant401(t, "an expired token", authBearer(t, e.srv.URL, expired))
		revoked := authTokenFor(t, e, "alice@alpha.test", "revoked")
		rc := authBearer(t, e.srv.URL, revoked)
		authWantViewer(t, "token before signOut", rc, "alice@alpha.test")
		if r := rc.post(`mutation { signOut { ok } }`, nil); !r.json || len(r.gql.Errors) > 0 {
			t.Errorf("signOut with a token: HTTP %d %s", r.status, r.body)
		}
		authWant401(t, "a token signed out", rc)
		// A bad token is not rescued by a good cookie.
		mixed := authWithCookie(t, e.srv.URL, ck.Value)
		mixed.bearer = "pht_" + strings.Repeat("B", 43)
		authWant401(t, "a bad token with a good cookie", mixed)
		// And the good ones still work.
		authWantViewer(t, "the first token after the others failed", authBearer(t, e.srv.URL, token), "alice@alpha.test")
	})
}

// authTokenFor signs the user in through a fresh API client and returns an access token named name.
func authTokenFor(t *testing.T, e *env, email, name string) string {
	t.Helper()
	return authAnon(t, e.srv.URL).mustToken(email, authPassword, name)
}

// --- 4. Lockout -----------------------------------------------------------------------------------

func TestAuthLockout(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		hash := authHash(t)
		bob := authAddUser(e, f.A, "bob@alpha.test", hash, enum.AdminAgent)
		authAddUser(e, f.A, "carol@alpha.test", hash, enum.AdminAgent)
		c := authAnon(t, e.srv.URL)
		wrong := func(want string) {
			t.Helper()
			p, r := c.signIn("bob@alpha.test", "not the password", "")
			authWantUserError(t, "wrong password", p.UserErrors, want)
			authNoSessionCookie(t, "wrong password", r)
		}
		failures := func() int { return e.client.User.GetX(sys, bob.ID).FailedSignIns }

		// A success resets the count of failures.
		wrong("INVALID")
		wrong("INVALID")
		if n := failures(); n != 2 {
			t.Errorf("failed sign-ins after 2 failures = %d, want 2", n)
		}
		c.mustSignIn("bob@alpha.test", authPassword)
		if n := failures(); n != 0 {
			t.Errorf("failed sign-ins after a success = %d, want 0", n)
		}

		// Five failures in a row: the fifth answers LOCKED; then even the right password is LOCKED.
		for i := 1; i < rule.FailuresBeforeLock; i++ {
			wrong("INVALID")
		}
		if n := failures(); n != rule.FailuresBeforeLock-1 {
			t.Errorf("failed sign-ins after %d failures = %d", rule.FailuresBeforeLock-1, n)
		}
		wrong("LOCKED")
		for _, token := range []string{"", "iPhone"} {
			p, r := c.signIn("bob@alpha.test", authPassword, token)
			authWantUserError(t, "the right password while locked (tokenName "+token+")", p.UserErrors, "LOCKED")
			if p.Token != nil || p.Viewer != nil {
				t.Errorf("the right password while locked: %s, want no session", r.body)
			}
			authNoSessionCookie(t, "the right password while locked", r)
		}
		if n := e.client.Session.Query().Where(session.UserID(bob.ID)).CountX(sys); n != 1 {
			t.Errorf("bob has %d sessions, want 1 (from before the lock)", n)
		}
		u := e.client.User.GetX(sys, bob.ID)
		if u.LockedUntil == nil || time.Until(*u.LockedUntil) < rule.LockFor-time.Minute || time.Until(*u.LockedUntil) > rule.LockFor+time.Minute {
			t.Errorf("locked_until = %v, want about %v from now", u.LockedUntil, rule.LockFor)
		}
		// The lock is bob's only.
		if p, r := authAnon(t, e.srv.URL).signIn("carol@alpha.test", authPassword, ""); len(p.UserErrors) != 0 || r.sessionCookie() == nil {
			t.Errorf("carol while bob is locked: %s, want signed in", r.body)
		}

		// Once the lock has passed, the right password works and the count starts again from zero.
		authExec(e, "UPDATE users SET locked_until = ? WHERE id = ?", clock.Now().Add(-time.Second), bob.ID)
		b := authBrowser(t, e.srv.URL)
		b.mustSignIn("bob@alpha.test", authPassword)
		authWantViewer(t, "bob after the lock", b, "bob@alpha.test")
		u = e.client.User.GetX(sys, bob.ID)
		if u.FailedSignIns != 0 || u.LockedUntil != nil {
			t.Errorf("after a success: failed sign-ins %d, locked until %v; want 0 and none", u.FailedSignIns, u.LockedUntil)
		}
		wrong("INVALID")
		if n := failures(); n != 1 {
			t.Errorf("failed sign-ins after one more failure = %d, want 1", n)
		}
	})
}

// --- 5. Sessions and access tokens ----------------------------------------------------------------

const authSessionsQ = `{ sessions { id kind name expiresAt lastUsedAt revokedAt user { id } } }`

type authSessionView struct {
	ID, Kind  string
	Name      *string
	RevokedAt *string
	User      struct{ ID string }
}

func authSessionIDs(t *testing.T, c *authClient) ([]string, []authSessionView) {
	t.Helper()
	var d struct{ Sessions []authSessionView }
	c.post(authSessionsQ, nil).data(t, "sessions", &d)
	var ids []string
	for _, s := range d.Sessions {
		ids = append(ids, s.ID)
	}
	slices.Sort(ids)
	return ids, d.Sessions
}

func TestAuthSignOut(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		hash := authHash(t)
		authAddUser(e, f.A, "dora@alpha.test", hash, enum.SalesAgent)
		b := authBrowser(t, e.srv.URL)
		secret := b.mustSignIn("dora@alpha.test", authPassword)
		other := authBrowser(t, e.srv.URL) // a second browser of the same user
		other.mustSignIn("dora@alpha.test", authPassword)
		token := authTokenFor(t, e, "dora@alpha.test", "laptop")

		r := b.post(`mutation { signOut { ok } }`, nil)
		var d struct{ SignOut struct{ Ok bool } }
		if r.data(t, "signOut", &d) && !d.SignOut.Ok {
			t.Errorf("signOut: %s, want ok", r.body)
		}
		// The cookie is cleared in the browser…
		ck := r.sessionCookie()
		if ck == nil || ck.Value != "" || (ck.MaxAge >= 0 && !ck.Expires.Before(time.Now())) {
			t.Errorf("signOut: Set-Cookie %q, want the session cookie cleared", r.header.Values("Set-Cookie"))
		}
		if b.jarSecret() != "" {
			t.Error("the browser still holds the session cookie after signOut")
		}
		authWantUnauthenticated(t, "the browser after signOut", b)
		// …and the session is revoked on the server, so a copy of the old cookie is refused too.
		authWantUnauthenticated(t, "the old cookie after signOut", authWithCookie(t, e.srv.URL, secret))
		if s := authSessionOf(e, secret); s.RevokedAt == nil {
			t.Error("the signed-out session is not revoked")
		}
		// Other sessions of the user go on.
		authWantViewer(t, "the other browser", other, "dora@alpha.test")
		authWantViewer(t, "the token", authBearer(t, e.srv.URL, token), "dora@alpha.test")
		// Signing out when not signed in is refused.
		if r := authAnon(t, e.srv.URL).post(`mutation { signOut { ok } }`, nil); !slices.Contains(r.gql.errorCodes(), "UNAUTHENTICATED") {
			t.Errorf("anonymous signOut: HTTP %d %s, want UNAUTHENTICATED", r.status, r.body)
		}
	})
}

func TestAuthSessionExpiry(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		hash := authHash(t)
		authAddUser(e, f.A, "erin@alpha.test", hash, enum.SalesAgent)

		// A browser session idle for less than 12 hours works; idle for longer, it ends.
		idle := authBrowser(t, e.srv.URL)
		idleSecret := idle.mustSignIn("erin@alpha.test", authPassword)
		s := authSessionOf(e, idleSecret)
		authExec(e, "UPDATE sessions SET last_used_at = ? WHERE id = ?", clock.Now().Add(-rule.CookieIdle+time.Hour), s.ID)
		authWantViewer(t, "a cookie idle for 11h", idle, "erin@alpha.test")
		if got := e.client.Session.GetX(sys, s.ID).LastUsedAt; time.Since(got) > time.Hour {
			t.Errorf("using a session did not record it (last used %v)", got)
		}
		authExec(e, "UPDATE sessions SET last_used_at = ? WHERE id = ?", clock.Now().Add(-rule.CookieIdle-time.Hour), s.ID)
		authWantUnauthenticated(t, "a cookie idle for 13h", idle)
		authWantUnauthenticated(t, "a copy of the cookie idle for 13h", authWithCookie(t, e.srv.URL, idleSecret))

		// A browser session past its expiry ends, however recently used.
		old := authBrowser(t, e.srv.URL)
		s = authSessionOf(e, old.mustSignIn("erin@alpha.test", authPassword))
		authWantViewer(t, "a fresh cookie", old, "erin@alpha.test")
		authExec(e, "UPDATE sessions SET expires_at = ?, last_used_at = ? WHERE id = ?", clock.Now().Add(-time.Minute), clock.Now(), s.ID)
		authWantUnauthenticated(t, "a cookie past expires_at", old)

		// Access tokens have no idle limit, only their expiry.
		token := authTokenFor(t, e, "erin@alpha.test", "cli")
		authExec(e, "UPDATE sessions SET last_used_at = ? WHERE id = ?", clock.Now().Add(-30*24*time.Hour), authSessionOf(e, token).ID)
		authWantViewer(t, "a token unused for 30 days", authBearer(t, e.srv.URL, token), "erin@alpha.test")
	})
}

func TestAuthAccessTokensAndSessions(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		hash := authHash(t)
		fay := authAddUser(e, f.A, "fay@alpha.test", hash, enum.SalesAgent)
		gus := authAddUser(e, f.A, "gus@alpha.test", hash, enum.GlobalAdmin) // same partner, an admin
		authAddUser(e, f.B, "hal@beta.test", hash, enum.GlobalAdmin)

		fb := authBrowser(t, e.srv.URL)
		fb.mustSignIn("fay@alpha.test", authPassword)
		gb := authBrowser(t, e.srv.URL)
		gb.mustSignIn("gus@alpha.test", authPassword)
		gusToken := authTokenFor(t, e, "gus@alpha.test", "gus phone")
		hal := authBearer(t, e.srv.URL, authTokenFor(t, e, "hal@beta.test", "hal phone"))

		// createAccessToken: returned once, works as a bearer token.
		q := `mutation($in: CreateAccessTokenInput!) { createAccessToken(input: $in) {
			token session { id kind name expiresAt } userErrors { field code message } } }`
		var ct struct {
			CreateAccessToken struct {
				Token   *string
				Session *struct {
					ID, Kind  string
					Name      string
					ExpiresAt time.Time
				}
				UserErrors []userError
			}
		}
		r := fb.post(q, map[string]any{"in": map[string]any{"name": "Build server", "expiresInDays": 30}})
		if !r.data(t, "createAccessToken", &ct) || ct.CreateAccessToken.Token == nil || ct.CreateAccessToken.Session == nil {
			t.Fatalf("createAccessToken: %s", r.body)
		}
		tok, ts := *ct.CreateAccessToken.Token, ct.CreateAccessToken.Session
		if !strings.HasPrefix(tok, "pht_") || ts.Kind != "TOKEN" || ts.Name != "Build server" {
			t.Errorf("createAccessToken: token %.8s…, session %+v; want a pht_ TOKEN named Build server", tok, ts)
		}
		if d := time.Until(ts.ExpiresAt); d < 29*24*time.Hour || d > 31*24*time.Hour {
			t.Errorf("token expires in %v, want 30 days", d)
		}
		fayTok := authBearer(t, e.srv.URL, tok)
		authWantViewer(t, "the created token", fayTok, "fay@alpha.test")
		for _, bad := range []map[string]any{{"name": "x", "expiresInDays": 0}, {"name": "x", "expiresInDays": 366}, {"name": ""}} {
			var bt struct {
				CreateAccessToken struct {
					Token      *string
					UserErrors []userError
				}
			}
			before := e.client.Session.Query().CountX(sys)
			if fb.post(q, map[string]any{"in": bad}).data(t, "createAccessToken bad", &bt) &&
				(len(bt.CreateAccessToken.UserErrors) != 1 || bt.CreateAccessToken.Token != nil) {
				t.Errorf("createAccessToken %v: %+v, want one user error and no token", bad, bt.CreateAccessToken)
			}
			if n := e.client.Session.Query().CountX(sys); n != before {
				t.Errorf("createAccessToken %v created a session", bad)
			}
		}

		// sessions: exactly the viewer's own valid sessions and tokens.
		own := func(u *ent.User) []string {
			var ids []string
			for _, s := range e.client.Session.Query().Where(session.UserID(u.ID), session.RevokedAtIsNil()).AllX(sys) {
				ids = append(ids, string(s.ID))
			}
			slices.Sort(ids)
			return ids
		}
		ids, list := authSessionIDs(t, fb)
		if want := own(fay); !slices.Equal(ids, want) || len(want) != 2 {
			t.Errorf("fay's sessions = %v, want her %d: %v", ids, len(want), want)
		}
		for _, s := range list {
			if s.User.ID != string(fay.ID) {
				t.Errorf("fay's sessions list shows a session of %s", s.User.ID)
			}
		}
		// An admin of the same partner sees only their own too.
		if ids, _ := authSessionIDs(t, gb); !slices.Equal(ids, own(gus)) {
			t.Errorf("gus's sessions = %v, want %v", ids, own(gus))
		}

		// revokeSession of another user's session (same partner, even as its global admin; or another
		// partner): NOT_FOUND, and it goes on working.
		rq := `mutation($id: ID!) { revokeSession(input: {id: $id}) { revokedSessionID userErrors { field code message } } }`
		type revoked struct {
			RevokeSession struct {
				RevokedSessionID *string
				UserErrors       []userError
			}
		}
		gusTokID := authSessionOf(e, gusToken).ID
		for who, c := range map[string]*authClient{"fay (same partner)": fb, "fay's token": fayTok, "hal (partner B)": hal} {
			var rv revoked
			if c.post(rq, map[string]any{"id": gusTokID}).data(t, "revokeSession of gus's token as "+who, &rv) {
				authWantUserError(t, "revokeSession of gus's token as "+who, rv.RevokeSession.UserErrors, "NOT_FOUND")
				if rv.RevokeSession.RevokedSessionID != nil {
					t.Errorf("revokeSession of gus's token as %s reports it revoked", who)
				}
			}
		}
		if s := e.client.Session.GetX(sys, gusTokID); s.RevokedAt != nil {
			t.Error("gus's token was revoked by someone else")
		}
		authWantViewer(t, "gus's token after others tried to revoke it", authBearer(t, e.srv.URL, gusToken), "gus@alpha.test")
		var rv revoked
		if gb.post(rq, map[string]any{"id": "ses_" + strings.Repeat("0", 26)}).data(t, "revokeSession of a nonexistent ID", &rv) {
			authWantUserError(t, "revokeSession of a nonexistent ID", rv.RevokeSession.UserErrors, "NOT_FOUND")
		}

		// revokeSession of one's own token: it stops working at once; the rest go on.
		tokID := authSessionOf(e, tok).ID
		if fb.post(rq, map[string]any{"id": tokID}).data(t, "revokeSession of own token", &rv) {
			if len(rv.RevokeSession.UserErrors) != 0 || rv.RevokeSession.RevokedSessionID == nil || *rv.RevokeSession.RevokedSessionID != string(tokID) {
				t.Errorf("revokeSession of own token: %+v", rv.RevokeSession)
			}
		}
		authWant401(t, "a revoked token", fayTok)
		authWantViewer(t, "fay's browser after revoking her token", fb, "fay@alpha.test")
		ids, _ = authSessionIDs(t, fb)
		if slices.Contains(ids, string(tokID)) || len(ids) != 1 {
			t.Errorf("fay's sessions after revoking her token = %v, want only her browser", ids)
		}
	})
}

func TestAuthDeactivationEndsSessions(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		hash := authHash(t)
		authAddUser(e, f.A, "ivy@alpha.test", hash, enum.GlobalAdmin)
		jon := authAddUser(e, f.A, "jon@alpha.test", hash, enum.SalesAgent)
		admin := authBrowser(t, e.srv.URL)
		admin.mustSignIn("ivy@alpha.test", authPassword)
		jb := authBrowser(t, e.srv.URL)
		jb.mustSignIn("jon@alpha.test", authPassword)
		jt := authBearer(t, e.srv.URL, authTokenFor(t, e, "jon@alpha.test", "phone"))
		authWantViewer(t, "jon's browser", jb, "jon@alpha.test")
		authWantViewer(t, "jon's token", jt, "jon@alpha.test")

		q := `mutation($in: SetUserActiveInput!) { setUserActive(input: $in) { user { id active } userErrors { field code message } } }`
		var d struct {
			SetUserActive struct {
				User       *struct{ Active bool }
				UserErrors []userError
			}
		}
		// (Signing in records the time on the user, so read its version now.)
		r := admin.post(q, map[string]any{"in": map[string]any{"id": jon.ID, "version": e.client.User.GetX(sys, jon.ID).Version, "active": false}})
		if r.data(t, "setUserActive false", &d) && (len(d.SetUserActive.UserErrors) != 0 || d.SetUserActive.User == nil || d.SetUserActive.User.Active) {
			t.Fatalf("setUserActive false: %s", r.body)
		}
		authWantUnauthenticated(t, "jon's browser after deactivation", jb)
		authWant401(t, "jon's token after deactivation", jt)
		if p, r := authAnon(t, e.srv.URL).signIn("jon@alpha.test", authPassword, ""); len(p.UserErrors) != 1 || p.UserErrors[0].Code != "INVALID" {
			t.Errorf("signIn of a deactivated user: %s, want INVALID", r.body)
		}
		authWantViewer(t, "the admin who deactivated jon", admin, "ivy@alpha.test")
	})
}

// Deactivation ends the user's sessions: reactivating the user later does not bring back the old
// cookies and tokens (a lost phone's token, a former employee's browser); the user signs in anew.
func TestAuthReactivationDoesNotReviveSessions(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		hash := authHash(t)
		authAddUser(e, f.A, "rita@alpha.test", hash, enum.UserManagementAdmin)
		sam := authAddUser(e, f.A, "sam@alpha.test", hash, enum.SalesAgent)
		admin := authBrowser(t, e.srv.URL)
		admin.mustSignIn("rita@alpha.test", authPassword)
		cookie := authAnon(t, e.srv.URL).mustSignIn("sam@alpha.test", authPassword)
		token := authTokenFor(t, e, "sam@alpha.test", "phone")
		q := `mutation($in: SetUserActiveInput!) { setUserActive(input: $in) { user { id active } userErrors { field code message } } }`
		set := func(active bool) {
			t.Helper()
			var d struct {
				SetUserActive struct {
					User       *struct{ Active bool }
					UserErrors []userError
				}
			}
			r := admin.post(q, map[string]any{"in": map[string]any{"id": sam.ID, "version": e.client.User.GetX(sys, sam.ID).Version, "active": active}})
			if r.data(t, "setUserActive", &d) && (len(d.SetUserActive.UserErrors) != 0 || d.SetUserActive.User == nil || d.SetUserActive.User.Active != active) {
				t.Fatalf("setUserActive %v: %s", active, r.body)
			}
		}
		set(false)
		authWantUnauthenticated(t, "sam's cookie while deactivated", authWithCookie(t, e.srv.URL, cookie))
		authWant401(t, "sam's token while deactivated", authBearer(t, e.srv.URL, token))
		set(true)
		authWantUnauthenticated(t, "sam's old cookie after reactivation", authWithCookie(t, e.srv.URL, cookie))
		authWant401(t, "sam's old token after reactivation", authBearer(t, e.srv.URL, token))
		// Signing in again works.
		authWantViewer(t, "sam signed in again", authWithCookie(t, e.srv.URL, authAnon(t, e.srv.URL).mustSignIn("sam@alpha.test", authPassword)), "sam@alpha.test")
	})
}

// --- 6. Invitations -------------------------------------------------------------------------------

const authInviteQ = `mutation($in: InviteUserInput!) { inviteUser(input: $in) {
	invitation { id email roles expiresAt acceptedAt user { id email active } invitedBy { id } } link userErrors { field code message } } }`

type authInvitePayload struct {
	Invitation *struct {
		ID, Email  string
		Roles      []string
		ExpiresAt  time.Time
		AcceptedAt *time.Time
		User       struct {
			ID, Email string
			Active    bool
		}
		InvitedBy struct{ ID string }
	}
	Link       *string
	UserErrors []userError
}

func authInvite(t *testing.T, c *authClient, email string, roles ...enum.Role) (*authInvitePayload, *authResp) {
	t.Helper()
	r := c.post(authInviteQ, map[string]any{"in": map[string]any{"email": email, "name": "Invited Person", "roles": roles}})
	var d struct{ InviteUser *authInvitePayload }
	if !r.data(t, "inviteUser "+email, &d) || d.InviteUser == nil {
		return &authInvitePayload{}, r
	}
	return d.InviteUser, r
}

// authLinkToken is the invitation secret in a link.
func authLinkToken(t *testing.T, link string) string {
	t.Helper()
	_, tok, ok := strings.Cut(link, "#token=")
	if !ok || !strings.HasPrefix(tok, "phi_") {
		t.Fatalf("invitation link %q has no #token=phi_…", link)
	}
	return tok
}

const authAcceptQ = `mutation($in: AcceptInvitationInput!) { acceptInvitation(input: $in) {
	token viewer { user { id email roles active } partner { id } } userErrors { field code message } } }`

type authAcceptPayload struct {
	Token  *string
	Viewer *struct {
		User struct {
			ID, Email string
			Roles     []string
			Active    bool
		}
		Partner struct{ ID string }
	}
	UserErrors []userError
}

func authAccept(t *testing.T, c *authClient, token, password string) (*authAcceptPayload, *authResp) {
	t.Helper()
	r := c.post(authAcceptQ, map[string]any{"in": map[string]any{"token": token, "password": password}})
	var d struct{ AcceptInvitation *authAcceptPayload }
	if !r.data(t, "acceptInvitation", &d) || d.AcceptInvitation == nil {
		return &authAcceptPayload{}, r
	}
	return d.AcceptInvitation, r
}

func TestAuthInvitations(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		hash := authHash(t)
		kim := authAddUser(e, f.A, "kim@alpha.test", hash, enum.GlobalAdmin)
		lee := authAddUser(e, f.A, "lee@alpha.test", hash, enum.UserManagementAdmin)
		authAddUser(e, f.A, "max@alpha.test", hash, enum.SalesAgent)
		ga, uma, sales := authBrowser(t, e.srv.URL), authBrowser(t, e.srv.URL), authBrowser(t, e.srv.URL)
		ga.mustSignIn("kim@alpha.test", authPassword)
		uma.mustSignIn("lee@alpha.test", authPassword)
		sales.mustSignIn("max@alpha.test", authPassword)

		// A global admin and a user management admin invite; the link carries a phi_ token.
		type invited struct {
			email string
			roles []enum.Role
			by    *ent.User
			token string
			id    string
		}
		var invs []*invited
		for _, tc := range []struct {
			c     *authClient
			by    *ent.User
			email string
			roles []enum.Role
		}{
			{ga, kim, "New.Sales@Alpha.test", []enum.Role{enum.SalesAgent}}, // the account is new.sales@alpha.test
			{uma, lee, "new.billing@alpha.test", []enum.Role{enum.BillingAdmin, enum.HelpdeskAgent}},
			{ga, kim, "expiring@alpha.test", []enum.Role{enum.AdminAgent}},
		} {
			p, r := authInvite(t, tc.c, tc.email, tc.roles...)
			if len(p.UserErrors) != 0 || p.Invitation == nil || p.Link == nil {
				t.Fatalf("inviteUser %s by %s: %s", tc.email, tc.by.Email, r.body)
			}
			if !strings.HasPrefix(*p.Link, e.srv.URL+"/") || !strings.Contains(*p.Link, "#token=phi_") {
				t.Errorf("invitation link %q: want %s/…#token=phi_…", *p.Link, e.srv.URL)
			}
			inv := p.Invitation
			if inv.Email != tc.email || !slices.Equal(inv.Roles, rolesStrings(tc.roles)) || inv.AcceptedAt != nil ||
				inv.InvitedBy.ID != string(tc.by.ID) || inv.User.Email != strings.ToLower(tc.email) || inv.User.Active {
				t.Errorf("invitation of %s: %+v", tc.email, inv)
			}
			if d := time.Until(inv.ExpiresAt); d < rule.InvitationExpiry-time.Hour || d > rule.InvitationExpiry+time.Hour {
				t.Errorf("invitation of %s expires in %v, want about %v", tc.email, d, rule.InvitationExpiry)
			}
			tok := authLinkToken(t, *p.Link)
			if stored := e.client.Invitation.GetX(sys, pulid.ID(inv.ID)); stored.SecretHash == tok || stored.PartnerID != f.A.ID {
				t.Errorf("stored invitation %+v: want partner A and only a hash of the token", stored)
			}
			invs = append(invs, &invited{strings.ToLower(tc.email), tc.roles, tc.by, tok, inv.ID})
		}

		// invitations: pending ones, for those who manage users; FORBIDDEN for a sales agent.
		invQ := `{ invitations { id email roles } }`
		for who, c := range map[string]*authClient{"global admin": ga, "user management admin": uma} {
			var d struct{ Invitations []struct{ ID, Email string } }
			if c.post(invQ, nil).data(t, "invitations as "+who, &d) {
				var got []string
				for _, i := range d.Invitations {
					got = append(got, i.ID)
				}
				slices.Sort(got)
				want := []string{invs[0].id, invs[1].id, invs[2].id}
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("invitations as %s = %v, want %v", who, got, want)
				}
			}
		}
		r := sales.post(invQ, nil)
		if !slices.Contains(r.gql.errorCodes(), "FORBIDDEN") || strings.Contains(string(r.body), invs[0].email) {
			t.Errorf("invitations as a sales agent: HTTP %d %s, want FORBIDDEN", r.status, r.body)
		}
		// B's admin does not see A's invitations.
		authAddUser(e, f.B, "nia@beta.test", hash, enum.GlobalAdmin)
		bAdmin := authBrowser(t, e.srv.URL)
		bAdmin.mustSignIn("nia@beta.test", authPassword)
		var bi struct{ Invitations []struct{ ID string } }
		if bAdmin.post(invQ, nil).data(t, "invitations as B's admin", &bi) && len(bi.Invitations) != 0 {
			t.Errorf("B's admin sees A's invitations: %+v", bi.Invitations)
		}

		// The invited person cannot sign in before accepting.
		first := invs[0]
		if p, r := authAnon(t, e.srv.URL).signIn(first.email, authPassword, ""); len(p.UserErrors) != 1 || p.UserErrors[0].Code != "INVALID" || r.sessionCookie() != nil {
			t.Errorf("signIn before accepting: %s, want INVALID", r.body)
		}

		// A short password: TOO_SHORT, nothing changed.
		anon := authBrowser(t, e.srv.URL)
		p, r := authAccept(t, anon, first.token, "short pass")
		authWantUserError(t, "acceptInvitation with a short password", p.UserErrors, "TOO_SHORT", "input", "password")
		authNoSessionCookie(t, "acceptInvitation with a short password", r)
		newUser := e.client.User.Query().Where(user.Email(first.email)).OnlyX(sys)
		if newUser.Active || newUser.PasswordHash != "" || e.client.Invitation.GetX(sys, pulid.ID(first.id)).AcceptedAt != nil {
			t.Errorf("a refused acceptInvitation changed the user or invitation: %+v", newUser)
		}

		// A good password: signed in (a cookie), with the roles invited.
		const newPassword = "a long enough passphrase"
		p, r = authAccept(t, anon, first.token, newPassword)
		if len(p.UserErrors) != 0 || p.Viewer == nil || p.Viewer.User.Email != first.email || !p.Viewer.User.Active ||
			!slices.Equal(p.Viewer.User.Roles, rolesStrings(first.roles)) || p.Viewer.Partner.ID != string(f.A.ID) || p.Token != nil {
			t.Errorf("acceptInvitation: %s, want signed in as %s with %v", r.body, first.email, first.roles)
		}
		if ck := r.sessionCookie(); ck == nil || !strings.HasPrefix(ck.Value, "phs_") || !ck.HttpOnly {
			t.Errorf("acceptInvitation set no HttpOnly session cookie: %v", r.header.Values("Set-Cookie"))
		}
		authWantViewer(t, "the browser after acceptInvitation", anon, first.email)
		// Now the person can sign in with the password chosen, with the address in any case.
		authAnon(t, e.srv.URL).mustSignIn(first.email, newPassword)
		authAnon(t, e.srv.URL).mustSignIn(" "+strings.ToUpper(first.email), newPassword)

		// Accepting twice: INVALID, no new session.
		sessionsBefore := e.client.Session.Query().CountX(sys)
		p, r = authAccept(t, authBrowser(t, e.srv.URL), first.token, "another long passphrase")
		authWantUserError(t, "accepting twice", p.UserErrors, "INVALID")
		authNoSessionCookie(t, "accepting twice", r)
		if n := e.client.Session.Query().CountX(sys); n != sessionsBefore {
			t.Error("accepting twice started a session")
		}
		if !rule.CheckPassword(e.client.User.GetX(sys, newUser.ID).PasswordHash, newPassword) {
			t.Error("accepting twice changed the password")
		}

		// An expired invitation: INVALID, the user stays inactive.
		exp := invs[2]
		authExec(e, "UPDATE invitations SET expires_at = ? WHERE id = ?", clock.Now().Add(-time.Minute), exp.id)
		p, r = authAccept(t, authBrowser(t, e.srv.URL), exp.token, newPassword)
		authWantUserError(t, "an expired invitation", p.UserErrors, "INVALID")
		authNoSessionCookie(t, "an expired invitation", r)
		if u := e.client.User.Query().Where(user.Email(exp.email)).OnlyX(sys); u.Active || u.PasswordHash != "" {
			t.Errorf("an expired invitation activated the user: %+v", u)
		}
		// Expired and accepted invitations are no longer pending.
		var d struct{ Invitations []struct{ ID string } }
		if ga.post(invQ, nil).data(t, "invitations after accepting", &d) && (len(d.Invitations) != 1 || d.Invitations[0].ID != invs[1].id) {
			t.Errorf("pending invitations = %+v, want only %s", d.Invitations, invs[1].id)
		}

		// An unknown token: refused.
		p, _ = authAccept(t, authBrowser(t, e.srv.URL), "phi_"+strings.Repeat("x", 43), newPassword)
		if len(p.UserErrors) != 1 || p.Viewer != nil {
			t.Errorf("acceptInvitation with an unknown token: %+v, want one user error", p)
		}

		// Inviting an existing email (of this partner, of another, any case): TAKEN, nothing created.
		usersBefore, invsBefore := e.client.User.Query().CountX(sys), e.client.Invitation.Query().CountX(sys)
		for _, email := range []string{"max@alpha.test", f.AdminB, strings.ToUpper(first.email), invs[1].email} {
			p, r := authInvite(t, ga, email, enum.SalesAgent)
			authWantUserError(t, "inviting "+email, p.UserErrors, "TAKEN", "input", "email")
			if p.Link != nil || p.Invitation != nil {
				t.Errorf("inviting %s: %s, want no invitation", email, r.body)
			}
		}
		if e.client.User.Query().CountX(sys) != usersBefore || e.client.Invitation.Query().CountX(sys) != invsBefore {
			t.Error("refused invitations created users or invitations")
		}
		// The invitation token is not a credential.
		authWant401(t, "an invitation token as bearer", authBearer(t, e.srv.URL, invs[1].token))
		authWantUnauthenticated(t, "an invitation token as cookie", authWithCookie(t, e.srv.URL, invs[1].token))
		if n := e.client.Invitation.Query().Where(invitation.AcceptedAtNotNil()).CountX(sys); n != 1 {
			t.Errorf("%d invitations accepted, want 1", n)
		}
	})
}

// rolesStrings are the roles as GraphQL spells them.
func rolesStrings(roles []enum.Role) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = string(r)
	}
	return out
}

// --- 8. CSRF and CORS with cookie sessions --------------------------------------------------------

func TestAuthCSRF(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		hash := authHash(t)
		authAddUser(e, f.A, "olga@alpha.test", hash, enum.GlobalAdmin)
		secret := authAnon(t, e.srv.URL).mustSignIn("olga@alpha.test", authPassword)
		token := authAnon(t, e.srv.URL).mustToken("olga@alpha.test", authPassword, "mobile")
		const good, evil = "https://app.partnerhub.test", "https://evil.test"
		c := authWithCookie(t, e.srv.URL, secret)
		tags := func(name string) int { return e.client.Tag.Query().Where(tag.Name(name)).CountX(sys) }
		mutation := func(name string) string {
			return `mutation { createTag(input: {name: "` + name + `"}) { tag { id } userErrors { code } } }`
		}
		jsonBody := func(name string) []byte {
			b, _ := json.Marshal(map[string]any{"query": mutation(name)})
			return b
		}

		// An HTML form posted from another site, with the cookie (as an old browser would send it): its
		// body url-encoded, or JSON smuggled through a form's field names (enctype="text/plain").
		form := []byte(url.Values{"query": {mutation("csrf form")}}.Encode())
		for what, hdr := range map[string]map[string]string{
			"cross-site":          {"Origin": evil, "Sec-Fetch-Site": "cross-site"},
			"without any headers": {},
		} {
			for _, ct := range []string{"application/x-www-form-urlencoded", "text/plain"} {
				for kind, body := range map[string][]byte{"url-encoded": form, "JSON": jsonBody("csrf form")} {
					r := c.send(http.MethodPost, ct, body, hdr)
					if r.status >= 200 && r.status < 300 {
						t.Errorf("%s POST of a %s body %s: HTTP %d %s, want refused", ct, kind, what, r.status, r.body)
					}
				}
			}
		}
		r := c.send(http.MethodPost, "multipart/form-data; boundary=x", []byte("--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n"+mutation("csrf form")+"\r\n--x--\r\n"),
			map[string]string{"Origin": evil, "Sec-Fetch-Site": "cross-site"})
		if r.status >= 200 && r.status < 300 {
			t.Errorf("multipart POST cross-site: HTTP %d %s, want refused", r.status, r.body)
		}
		if n := tags("csrf form"); n != 0 {
			t.Errorf("cross-site forms created %d tags", n)
		}

		// A cross-site fetch with the cookie and JSON (a page on evil.test): 403, nothing created.
		for what, hdr := range map[string]map[string]string{
			"Sec-Fetch-Site and Origin":       {"Origin": evil, "Sec-Fetch-Site": "cross-site"},
			"Origin only (no Sec-Fetch-Site)": {"Origin": evil},
			"same-site subdomain":             {"Origin": "https://evil.partnerhub.test", "Sec-Fetch-Site": "same-site"},
		} {
			r := c.send(http.MethodPost, "application/json", jsonBody("csrf json"), hdr)
			if r.status != http.StatusForbidden {
				t.Errorf("JSON POST from %s: HTTP %d %s, want 403", what, r.status, r.body)
			}
			if got := r.header.Get("Access-Control-Allow-Origin"); got != "" {
				t.Errorf("JSON POST from %s: Access-Control-Allow-Origin %q", what, got)
			}
		}
		if n := tags("csrf json"); n != 0 {
			t.Errorf("cross-site JSON POSTs created %d tags", n)
		}

		// The same from the allowlisted web app works.
		r = c.send(http.MethodPost, "application/json", jsonBody("from the app"), map[string]string{"Origin": good, "Sec-Fetch-Site": "cross-site"})
		if !r.json || r.status != http.StatusOK || len(r.gql.Errors) > 0 || tags("from the app") != 1 {
			t.Errorf("JSON POST from %s: HTTP %d %s, want the tag created", good, r.status, r.body)
		}
		if got := r.header.Get("Access-Control-Allow-Origin"); got != good {
			t.Errorf("JSON POST from %s: Access-Control-Allow-Origin %q, want %q", good, got, good)
		}
		// And from the same origin.
		r = c.send(http.MethodPost, "application/json", jsonBody("same origin"), map[string]string{"Origin": e.srv.URL, "Sec-Fetch-Site": "same-origin"})
		if r.status != http.StatusOK || tags("same origin") != 1 {
			t.Errorf("same-origin JSON POST: HTTP %d %s, want the tag created", r.status, r.body)
		}

		// Preflights: none for evil; the app's is answered.
		for origin, want := range map[string]string{evil: "", good: good} {
			r := c.send(http.MethodOptions, "", nil, map[string]string{"Origin": origin,
				"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
			if got := r.header.Get("Access-Control-Allow-Origin"); got != want {
				t.Errorf("preflight from %s: Access-Control-Allow-Origin %q, want %q", origin, got, want)
			}
		}

		// A bearer-token request without Origin (the mobile app) works.
		api := authBearer(t, e.srv.URL, token)
		r = api.send(http.MethodPost, "application/json", jsonBody("from mobile"), nil)
		if r.status != http.StatusOK || !r.json || len(r.gql.Errors) > 0 || tags("from mobile") != 1 {
			t.Errorf("bearer POST without Origin: HTTP %d %s, want the tag created", r.status, r.body)
		}
	})
}

// --- 9. Anonymous callers -------------------------------------------------------------------------

func TestAuthAnonymous(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		hash := authHash(t)
		pat := authAddUser(e, f.A, "pat@alpha.test", hash, enum.GlobalAdmin)
		anon := authAnon(t, e.srv.URL)

		// signIn and acceptInvitation answer anonymous callers.
		p, r := anon.signIn("pat@alpha.test", "wrong password!", "")
		if !r.json || len(r.gql.Errors) > 0 || len(p.UserErrors) != 1 {
			t.Errorf("anonymous signIn: HTTP %d %s, want a user error", r.status, r.body)
		}
		ap, r := authAccept(t, anon, "phi_nothing", "long enough password")
		if !r.json || len(r.gql.Errors) > 0 || len(ap.UserErrors) != 1 {
			t.Errorf("anonymous acceptInvitation: HTTP %d %s, want a user error", r.status, r.body)
		}
		// Both at once (aliases) too.
		r = anon.post(`mutation { a: signIn(input: {email: "x@y.test", password: "z"}) { token } b: signIn(input: {email: "pat@alpha.test", password: "`+authPassword+`", tokenName: "t"}) { token } }`, nil)
		if !r.json || len(r.gql.Errors) > 0 || !strings.Contains(string(r.gql.Data), `"pht_`) {
			t.Errorf("two anonymous signIns: HTTP %d %s, want the second to give a token", r.status, r.body)
		}

		// Everything else: UNAUTHENTICATED, nothing done.
		sessions, tagsBefore := e.client.Session.Query().CountX(sys), e.client.Tag.Query().CountX(sys)
		for name, q := range map[string]string{
			"viewer":            `{ viewer { user { id } } }`,
			"users":             `{ users { id email } }`,
			"sessions":          `{ sessions { id } }`,
			"invitations":       `{ invitations { id } }`,
			"introspection":     `{ __schema { types { name } } }`,
			"type":              `{ __type(name: "User") { fields { name } } }`,
			"typename":          `{ __typename }`,
			"mutation typename": `mutation { __typename }`,
			"signOut":           `mutation { signOut { ok } }`,
			"createAccessToken": `mutation { createAccessToken(input: {name: "x"}) { token } }`,
			"revokeSession":     `mutation { revokeSession(input: {id: "ses_x"}) { revokedSessionID } }`,
			"inviteUser":        `mutation { inviteUser(input: {email: "anon@alpha.test", name: "Anon", roles: [GLOBAL_ADMIN]}) { link } }`,
			"updateUserRoles":   `mutation { updateUserRoles(input: {id: "` + string(pat.ID) + `", version: 1, roles: [SALES_AGENT]}) { user { id } } }`,
			"setUserActive":     `mutation { setUserActive(input: {id: "` + string(pat.ID) + `", version: 1, active: false}) { user { id } } }`,
			"createTag":         `mutation { createTag(input: {name: "Anonymous"}) { tag { id } } }`,
			"signIn with createTag": `mutation { signIn(input: {email: "pat@alpha.test", password: "` + authPassword + `", tokenName: "t"}) { token }
				createTag(input: {name: "Anonymous"}) { tag { id } } }`,
		} {
			r := anon.post(q, nil)
			if !r.json || !slices.Contains(r.gql.errorCodes(), "UNAUTHENTICATED") {
				t.Errorf("anonymous %s: HTTP %d %s, want UNAUTHENTICATED", name, r.status, r.body)
			}
			if len(r.gql.Data) != 0 && string(r.gql.Data) != "null" {
				t.Errorf("anonymous %s: data %s, want none", name, r.gql.Data)
			}
		}
		if n := e.client.Session.Query().CountX(sys); n != sessions {
			t.Errorf("refused anonymous calls created %d sessions", n-sessions)
		}
		if e.client.Tag.Query().CountX(sys) != tagsBefore || e.client.User.Query().Where(user.Email("anon@alpha.test")).ExistX(sys) {
			t.Error("anonymous calls created tags or users")
		}
		if u := e.client.User.GetX(sys, pat.ID); !u.Active || !slices.Equal(u.Roles, []enum.Role{enum.GlobalAdmin}) {
			t.Errorf("anonymous calls changed pat: %+v", u)
		}

		// A misspelled field: no hints about the schema. The names the schema has must not appear.
		admin := authAnon(t, e.srv.URL)
		admin.bearer = admin.mustToken("pat@alpha.test", authPassword, "introspect")
		var schema struct {
			Schema struct {
				Types []struct {
					Name   string
					Fields []struct {
						Name string
						Args []struct{ Name string }
					}
					InputFields []struct{ Name string }
				}
			} `json:"__schema"`
		}
		admin.post(`{ __schema { types { name fields { name args { name } } inputFields { name } } } }`, nil).data(t, "introspection as a user", &schema)
		names := map[string]bool{}
		for _, ty := range schema.Schema.Types {
			if !strings.HasPrefix(ty.Name, "__") {
				names[ty.Name] = true
			}
			for _, fl := range ty.Fields {
				names[fl.Name] = true
				for _, a := range fl.Args {
					names[a.Name] = true
				}
			}
			for _, fl := range ty.InputFields {
				names[fl.Name] = true
			}
		}
		if !names["signIn"] || !names["customers"] || !names["SignInPayload"] {
			t.Fatalf("introspection as a user lacks known names: %d names", len(names))
		}
		// A name of the schema is flagged when it is an identifier (camelCase or PascalCase, such as
		// SignInPayload or acceptInvitation) or one the misspelling is close to (a hint would name it).
		word := regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
		identifier := regexp.MustCompile(`[a-z][A-Z]|^[A-Z][a-z]+[A-Z]`)
		var messages []string
		for _, tc := range []struct {
			what, query string
			near        []string // the names a hint would give
		}{
			{"query", `{ custmers { totalCount } }`, []string{"customers", "Query"}},
			{"signIn payload", `mutation { signIn(input: {email: "a@b.test", password: "x"}) { viewr { user { id } } } }`, []string{"viewer", "SignInPayload"}},
			{"signIn argument", `mutation { signIn(inpt: {email: "a@b.test", password: "x"}) { token } }`, []string{"input", "signIn", "Mutation"}},
			{"acceptInvitation", `mutation { acceptInvitaton(input: {token: "x", password: "y"}) { token } }`, []string{"acceptInvitation", "Mutation"}},
			{"signIn input field", `mutation { signIn(input: {emial: "a@b.test", password: "x"}) { token } }`, []string{"email", "SignInInput", "String"}},
		} {
			r := anon.post(tc.query, nil)
			if !r.json || len(r.gql.Errors) == 0 {
				t.Errorf("anonymous misspelled %s: HTTP %d %s, want an error", tc.what, r.status, r.body)
				continue
			}
			for _, n := range tc.near {
				if !names[n] {
					t.Fatalf("the schema has no %q: update the misspelling probe %q", n, tc.what)
				}
			}
			for _, ge := range r.gql.Errors {
				messages = append(messages, ge.Message)
				if strings.Contains(ge.Message, "Did you mean") {
					t.Errorf("anonymous misspelled %s: %q gives hints", tc.what, ge.Message)
				}
				for _, w := range word.FindAllString(ge.Message, -1) {
					if names[w] && (identifier.MatchString(w) || slices.Contains(tc.near, w)) {
						t.Errorf("anonymous misspelled %s: the error names %q of the schema: %q", tc.what, w, ge.Message)
					}
				}
				if strings.Contains(ge.Message, `"`) {
					t.Errorf("anonymous misspelled %s: the error quotes something: %q", tc.what, ge.Message)
				}
				if len(ge.Path) > 0 {
					t.Errorf("anonymous misspelled %s: the error has a path %v", tc.what, ge.Path)
				}
			}
			if bytes.Contains(r.body, []byte(`"locations"`)) {
				t.Errorf("anonymous misspelled %s: the error points into the request: %s", tc.what, r.body)
			}
			if r.gql.Data != nil && string(r.gql.Data) != "null" {
				t.Errorf("anonymous misspelled %s: data %s", tc.what, r.gql.Data)
			}
		}
		// Every misspelling gets the same answer: nothing about the request is reflected.
		for _, m := range messages {
			if m != messages[0] {
				t.Errorf("anonymous misspellings get different messages: %q and %q", messages[0], m)
				break
			}
		}
	})
}

// Failures that arrive at once count as much as failures one after another: guessing in parallel must
// not get around the lockout.
func TestAuthLockoutConcurrent(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		u := authAddUser(e, f.A, "quinn@alpha.test", authHash(t), enum.AdminAgent)
		const guesses = 4 * rule.FailuresBeforeLock
		hc := &http.Client{Timeout: 30 * time.Second}
		var wg sync.WaitGroup
		codes := make([]string, guesses)
		for i := range guesses {
			wg.Add(1)
			go func() {
				defer wg.Done()
				body, _ := json.Marshal(map[string]any{"query": authSignInQ, "variables": map[string]any{
					"in": map[string]any{"email": "quinn@alpha.test", "password": fmt.Sprintf("guess number %d", i)}}})
				res, err := hc.Post(e.srv.URL+"/graphql", "application/json", bytes.NewReader(body))
				if err != nil {
					return
				}
				defer res.Body.Close()
				var d struct {
					Data struct {
						SignIn struct{ UserErrors []userError }
					}
				}
				if json.NewDecoder(res.Body).Decode(&d) == nil && len(d.Data.SignIn.UserErrors) == 1 {
					codes[i] = d.Data.SignIn.UserErrors[0].Code
				}
			}()
		}
		wg.Wait()
		for i, c := range codes {
			if c != "INVALID" && c != "LOCKED" {
				t.Errorf("guess %d: code %q, want INVALID or LOCKED", i, c)
			}
		}
		got := e.client.User.GetX(sys, u.ID)
		t.Logf("after %d parallel wrong passwords: codes %v; failed_sign_ins %d, locked_until %v", guesses, codes, got.FailedSignIns, got.LockedUntil)
		if !slices.Contains(codes, "LOCKED") {
			t.Errorf("%d wrong passwords at once: none answered LOCKED (codes %v)", guesses, codes)
		}
		p, r := authAnon(t, e.srv.URL).signIn("quinn@alpha.test", authPassword, "")
		authWantUserError(t, fmt.Sprintf("the right password after %d wrong ones at once", guesses), p.UserErrors, "LOCKED")
		authNoSessionCookie(t, "the right password after parallel guesses", r)
	})
}

// TestAuthSignInPayloadReadsAsTheUser: what signIn returns is resolved as the user who just signed in,
// also the viewer's fields that read the database (a provider's resellers), though the request itself
// came without a session.
func TestAuthSignInPayloadReadsAsTheUser(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		authAddUser(e, f.P, "paula@provider.test", authHash(t), enum.GlobalAdmin)
		b := authBrowser(t, e.srv.URL)
		r := b.post(`mutation { signIn(input: {email: "paula@provider.test", password: "`+authPassword+`"}) {
			viewer { user { email } partner { name resellers { name } } } userErrors { code } } }`, nil)
		var d struct {
			SignIn struct {
				Viewer *struct {
					User    struct{ Email string }
					Partner struct {
						Name      string
						Resellers []struct{ Name string }
					}
				}
				UserErrors []userError
			}
		}
		if !r.data(t, "signIn with nested fields", &d) || d.SignIn.Viewer == nil {
			t.Fatalf("signIn: %s", r.body)
		}
		if len(d.SignIn.Viewer.Partner.Resellers) != 1 || d.SignIn.Viewer.Partner.Resellers[0].Name != f.R.Name {
			t.Errorf("the signed-in provider's resellers: %+v, want [%s] (%s)", d.SignIn.Viewer.Partner.Resellers, f.R.Name, r.body)
		}
		// A failed sign-in reads nothing as anyone.
		r = authBrowser(t, e.srv.URL).post(`mutation { signIn(input: {email: "paula@provider.test", password: "wrong password!!"}) {
			viewer { partner { resellers { name } } } userErrors { code } } }`, nil)
		if strings.Contains(string(r.body), f.R.Name) {
			t.Errorf("a failed sign-in showed the reseller: %s", r.body)
		}
	})
}

// TestAuthOneStatement: who a request runs as (the session, its user and the partner) is read in one SQL
// statement, for a bearer token, a browser session and the demo header alike, and the viewer's user and
// partner fields need nothing more.
func TestAuthOneStatement(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		authAddUser(e, f.A, "olga@alpha.test", authHash(t), enum.AdminAgent)
		token := authTokenFor(t, e, "olga@alpha.test", "one statement")
		browser := authBrowser(t, e.srv.URL)
		browser.mustSignIn("olga@alpha.test", authPassword)
		const q = `{ viewer { user { email name roles } partner { name capacities } } }`
		for _, c := range []struct {
			what string
			post func() []byte
		}{
			{"bearer token", func() []byte { return authBearer(t, e.srv.URL, token).post(q, nil).body }},
			{"browser session", func() []byte { return browser.post(q, nil).body }},
			{"demo header", func() []byte { return e.post("olga@alpha.test", q, nil).Data }},
		} {
			e.rec.Reset()
			body := c.post()
			if !strings.Contains(string(body), `"olga@alpha.test"`) || !strings.Contains(string(body), f.A.Name) {
				t.Errorf("%s: %s, want olga and %s", c.what, body, f.A.Name)
			}
			if n := e.rec.Count(); n != 1 {
				t.Errorf("%s: %d SQL statements, want 1:\n%s", c.what, n, strings.Join(e.rec.Statements(), "\n"))
			}
		}
	})
}
