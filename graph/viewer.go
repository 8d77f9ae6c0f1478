package graph

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"partnerhub/ent"
	"partnerhub/ent/user"
	"partnerhub/ent/viewer"
)

// DemoUserHeader names the demo user a request runs as. It is honoured only when the server runs in
// demo mode (-demo); otherwise it is refused outright.
const DemoUserHeader = "X-Partnerhub-User"

var errUnauthenticated = errors.New("unauthenticated")

type userKey struct{}

// signedInUser is the user (with its partner) the request runs as, loaded once per request.
func signedInUser(ctx context.Context) *ent.User {
	u, _ := ctx.Value(userKey{}).(*ent.User)
	return u
}

// withUser puts u and the viewer it implies into ctx.
func withUser(ctx context.Context, u *ent.User) context.Context {
	p := u.Edges.Partner
	ctx = context.WithValue(ctx, userKey{}, u)
	return viewer.NewContext(ctx, &viewer.Viewer{
		UserID: u.ID, PartnerID: p.ID, Roles: u.Roles, Capacities: p.Capacities, CustomerCount: p.CustomerCount,
	})
}

// authenticate resolves the viewer of a request. Until sign-in exists, the only way in is the demo
// header, and only in demo mode.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		email := strings.TrimSpace(r.Header.Get(DemoUserHeader))
		if email == "" {
			next.ServeHTTP(w, r)
			return
		}
		if !s.cfg.Demo {
			http.Error(w, DemoUserHeader+" is only accepted when the server runs in demo mode", http.StatusUnauthorized)
			return
		}
		ctx := r.Context()
		u, err := s.client.User.Query().
			Where(user.EmailEqualFold(email), user.Active(true)).
			WithPartner().Only(viewer.SystemContext(ctx))
		switch {
		case ent.IsNotFound(err):
			http.Error(w, "no active demo user "+email, http.StatusUnauthorized)
			return
		case err != nil:
			s.log.ErrorContext(ctx, "loading the demo user", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		next.ServeHTTP(w, r.WithContext(withUser(ctx, u)))
	})
}
