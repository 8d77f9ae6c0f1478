package graph

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"partnerhub/ent"
	"partnerhub/ent/rule"
	"partnerhub/ent/user"
	"partnerhub/ent/viewer"
)

// DemoUserHeader names the demo user a request runs as. It is honoured only when the server runs in
// demo mode (-demo); otherwise it is refused outright.
const DemoUserHeader = "X-Partnerhub-User"

// SessionCookie holds a browser session's secret: HttpOnly, SameSite=Lax, Secure over HTTPS.
const SessionCookie = "partnerhub_session"

var errUnauthenticated = errors.New("unauthenticated")

// request is what resolvers may need of the HTTP request: who signed in, with which session, and the
// response, to set or clear the session cookie.
type request struct {
	w       http.ResponseWriter
	r       *http.Request
	user    *ent.User
	session *ent.Session // nil for the demo header
}

type requestKey struct{}

func requestFrom(ctx context.Context) *request {
	req, _ := ctx.Value(requestKey{}).(*request)
	return req
}

// signedInUser is the user (with its partner) the request runs as.
func signedInUser(ctx context.Context) *ent.User {
	if req := requestFrom(ctx); req != nil {
		return req.user
	}
	return nil
}

// viewerOf is the viewer a user implies.
func (s *Server) viewerOf(u *ent.User) *viewer.Viewer {
	p := u.Edges.Partner
	return &viewer.Viewer{UserID: u.ID, PartnerID: p.ID, Roles: u.Roles, Capacities: p.Capacities, EmailDomains: p.EmailDomains,
		CustomerCount: p.CustomerCount, LargeList: p.CustomerCount >= s.cfg.LargeList}
}

// authenticate resolves who a request runs as: an access token (Authorization: Bearer), else the
// browser session cookie, else, in demo mode only, the demo header. A request with none of them is
// anonymous and may only sign in.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		req := &request{w: w, r: r}
		ctx = context.WithValue(ctx, requestKey{}, req)
		switch {
		case r.Header.Get("Authorization") != "":
			token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			sess, err := s.session(ctx, token)
			if !ok || err != nil || !strings.HasPrefix(token, "pht_") {
				w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
				http.Error(w, "The access token is not valid, has expired or was revoked.", http.StatusUnauthorized)
				return
			}
			req.user, req.session = sess.Edges.User, sess
		case cookie(r) != "":
			sess, err := s.session(ctx, cookie(r))
			if err != nil || !strings.HasPrefix(cookie(r), "phs_") {
				clearSessionCookie(w, r) // expired or revoked: carry on signed out
				break
			}
			req.user, req.session = sess.Edges.User, sess
		case r.Header.Get(DemoUserHeader) != "":
			if !s.cfg.Demo {
				http.Error(w, DemoUserHeader+" is only accepted when the server runs in demo mode", http.StatusUnauthorized)
				return
			}
			u, err := s.client.User.ForAuth(viewer.SystemContext(ctx),
				user.Email(rule.EmailKey(r.Header.Get(DemoUserHeader))), user.Active(true))
			if err != nil {
				http.Error(w, "no active demo user "+r.Header.Get(DemoUserHeader), http.StatusUnauthorized)
				return
			}
			req.user = u
		}
		if req.user != nil {
			ctx = viewer.NewContext(ctx, s.viewerOf(req.user))
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (s *Server) session(ctx context.Context, secret string) (*ent.Session, error) {
	sess, err := rule.Authenticate(ctx, s.client, secret)
	if err != nil && !errors.Is(err, rule.ErrSessionInvalid) {
		s.log.ErrorContext(ctx, "checking a session", "err", err)
	}
	return sess, err
}

func cookie(r *http.Request) string {
	c, err := r.Cookie(SessionCookie)
	if err != nil {
		return ""
	}
	return c.Value
}

func setSessionCookie(ctx context.Context, secret string, expires time.Time) {
	req := requestFrom(ctx)
	if req == nil {
		return
	}
	http.SetCookie(req.w, &http.Cookie{
		Name: SessionCookie, Value: secret, Path: "/", Expires: expires,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: isHTTPS(req.r),
	})
}

func clearSessionCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: isHTTPS(r)})
}

func isHTTPS(r *http.Request) bool {
	return r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https"
}
