package graph

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/viewer"
)

// Limits of the API.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
	// MaxComplexity bounds one operation. A field costs 1; a connection or list of n costs n times its
	// selection, so 100 customers with their billing profile, relationships and tags fit comfortably,
	// while nesting pages inside pages does not.
	MaxComplexity = 25000
	// MaxBodyBytes caps a request body.
	MaxBodyBytes = 1 << 20
	// DefaultLargeList: from this many customers a partner's list is read index-first. Below it, its
	// relationships are few enough to gather and sort; above it, sorting them all for each page costs
	// more than walking the sort index until a page is full.
	DefaultLargeList = 5000
	requestTimout    = 30 * time.Second
)

// Options configure the HTTP handler.
type Options struct {
	// Demo accepts the X-Partnerhub-User header (see DemoUserHeader). Never in production.
	Demo bool
	// AllowedOrigins may call the API from a browser on another origin (CORS); exact origins only.
	AllowedOrigins []string
	// StaticDir holds the built web app (frontend/dist); served at / when set and present.
	StaticDir string
	// LargeList is the number of customers from which a partner's list is read by walking the sort
	// index rather than by gathering all its relationships first (see viewer.Viewer.LargeList);
	// DefaultLargeList when 0.
	LargeList int
	// ExportBatch is how many relationships one read of the customer export takes; DefaultExportBatch
	// when 0.
	ExportBatch int
	// PublicURL is where users reach the web app, such as https://partnerhub.example.com; invitation
	// links start with it. Defaults to the request's own origin.
	PublicURL string
	// MaxInFlight is how many GraphQL requests run at once; the others queue, first come first served
	// (see limitInFlight). DefaultMaxInFlight() when 0; no limit when negative. Exports are not counted.
	MaxInFlight int
	// QueueWait is how long a queued request waits for its turn before it is answered BUSY (503);
	// DefaultQueueWait when 0.
	QueueWait time.Duration
	// Ready reports whether the server can serve (the database answers); used by /readyz.
	Ready  func(context.Context) error
	Logger *slog.Logger
}

// Server is Partnerhub's HTTP edge: GraphQL, health checks, and the web app.
type Server struct {
	client *ent.Client
	cfg    Options
	log    *slog.Logger
}

// NewHandler returns the whole HTTP handler of Partnerhub.
func NewHandler(client *ent.Client, cfg Options) http.Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.LargeList == 0 {
		cfg.LargeList = DefaultLargeList
	}
	if cfg.ExportBatch == 0 {
		cfg.ExportBatch = DefaultExportBatch
	}
	if cfg.MaxInFlight == 0 {
		cfg.MaxInFlight = DefaultMaxInFlight()
	}
	if cfg.QueueWait <= 0 {
		cfg.QueueWait = DefaultQueueWait
	}
	s := &Server{client: client, cfg: cfg, log: cfg.Logger}
	client.Customer.Intercept(totalInterceptor())
	client.Activity.Intercept(totalInterceptor())

	mux := http.NewServeMux()
	api := cors.New(cors.Options{
		AllowedOrigins:   cfg.AllowedOrigins,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost},
		AllowedHeaders:   []string{"Content-Type", "Authorization", DemoUserHeader},
		AllowCredentials: true,
		MaxAge:           600,
	}).Handler(s.csrf(limitInFlight(cfg.MaxInFlight, cfg.QueueWait, s.authenticate(s.graphQL()))))
	mux.Handle("/graphql", api)
	exports := cors.New(cors.Options{AllowedOrigins: cfg.AllowedOrigins, AllowedMethods: []string{http.MethodGet},
		AllowedHeaders: []string{"Authorization", DemoUserHeader}, ExposedHeaders: []string{TotalRowsHeader, "Content-Disposition"},
		AllowCredentials: true, MaxAge: 600})
	mux.Handle("GET /export/customers.csv", exports.Handler(s.authenticate(http.HandlerFunc(s.exportCustomers))))
	mux.Handle("GET /export/activity.csv", exports.Handler(s.authenticate(http.HandlerFunc(s.exportActivity))))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if cfg.Ready != nil {
			if err := cfg.Ready(r.Context()); err != nil {
				s.log.WarnContext(r.Context(), "not ready", "err", err)
				http.Error(w, "database unavailable\n", http.StatusServiceUnavailable)
				return
			}
		}
		_, _ = w.Write([]byte("ready\n"))
	})
	if cfg.StaticDir != "" {
		mux.Handle("/", staticApp(cfg.StaticDir))
	}
	return s.logRequests(limitBody(mux))
}

// graphQL builds the gqlgen server with only what it means to offer: POST JSON, GET for queries
// (gqlgen refuses mutations over GET), no multipart forms (a cross-site form could skip the CORS
// preflight with them).
func (s *Server) graphQL() http.Handler {
	cfg := Config{Resolvers: &Resolver{client: s.client, publicBase: strings.TrimSuffix(s.cfg.PublicURL, "/")}}
	cfg.Complexity.Query.Customers = func(child int, _ *ent.Cursor, first *int, _ *ent.Cursor, last *int, _ []*ent.CustomerOrder, _ *string, _ *CustomerListFilter) int {
		return 1 + pageSize(first, last)*child
	}
	cfg.Complexity.Query.ActivityLog = func(child int, _ *ent.Cursor, first *int, _ *ent.Cursor, last *int, _ *time.Time, _ *time.Time, _ *pulid.ID, _ []activity.ResourceType, _ []string, _ *bool) int {
		return 1 + pageSize(first, last)*child
	}
	srv := handler.New(NewExecutableSchema(cfg))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(extension.FixedComplexityLimit(MaxComplexity))
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if viewer.FromContext(ctx) == nil && !public(graphql.GetOperationContext(ctx)) {
			return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
				Message: "Sign in first.", Extensions: map[string]any{"code": codeUnauthenticated},
			}}})
		}
		return next(ctx)
	})
	// What signIn and acceptInvitation return is resolved as the user who just signed in: the request
	// itself is anonymous, but the payload's viewer may ask for fields that read the database.
	srv.AroundFields(func(ctx context.Context, next graphql.Resolver) (any, error) {
		if viewer.FromContext(ctx) == nil {
			if u := signedInBy(ctx); u != nil {
				ctx = viewer.NewContext(ctx, s.viewerOf(u))
			}
		}
		return next(ctx)
	})
	srv.SetErrorPresenter(presentError(func(ctx context.Context, err error) {
		s.log.ErrorContext(ctx, "graphql error", "err", err, "path", graphql.GetPath(ctx).String())
	}))
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		s.log.ErrorContext(ctx, "panic in resolver", "panic", v, "path", graphql.GetPath(ctx).String())
		return errPanic
	})
	return srv
}

// signedInBy is the user of the sign-in payload whose viewer the field being resolved is part of, if
// it is.
func signedInBy(ctx context.Context) *ent.User {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if fc.Object == "SignInPayload" && fc.Field.Name == "viewer" {
			if v, ok := fc.Result.(*Viewer); ok && v != nil {
				return v.User
			}
		}
	}
	return nil
}

// errPanic stands for a resolver that panicked (logged where it is recovered); clients see INTERNAL.
var errPanic = errors.New("panic in resolver")

// publicFields are the only root fields an anonymous caller may use.
var publicFields = map[string]bool{"signIn": true, "acceptInvitation": true,
	"acceptRelationshipRequest": true, "relationshipRequest": true}

// public reports whether an operation asks only for public root fields (so no introspection either).
func public(oc *graphql.OperationContext) bool {
	if oc == nil || oc.Operation == nil {
		return false
	}
	for _, f := range graphql.CollectFields(oc, oc.Operation.SelectionSet, nil) {
		if !publicFields[f.Name] {
			return false
		}
	}
	return true
}

// csrf refuses cross-origin browser requests that change state (a form posted from another site, a
// fetch from an origin not on the allowlist), using the browser's Sec-Fetch-Site and Origin headers.
// Together with JSON-only transports and SameSite cookies it protects cookie sessions; requests with
// bearer tokens carry no ambient credentials and are not affected in practice (mobile apps send no
// Origin).
func (s *Server) csrf(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	for _, o := range s.cfg.AllowedOrigins {
		if err := cop.AddTrustedOrigin(o); err != nil {
			s.log.Warn("ignoring an allowed origin", "origin", o, "err", err)
		}
	}
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "Cross-origin request refused.", http.StatusForbidden)
	}))
	return cop.Handler(next)
}

func pageSize(first, last *int) int {
	switch {
	case first != nil:
		return *first
	case last != nil:
		return *last
	}
	return DefaultPageSize
}

func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		ctx, cancel := context.WithTimeout(r.Context(), requestTimout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
	queued time.Duration // how long the request waited for its turn (limitInFlight)
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
			return
		}
		attrs := []any{"method", r.Method, "path", r.URL.Path,
			"status", sw.status, "duration_ms", float64(time.Since(start).Microseconds()) / 1000}
		if sw.queued > 0 {
			attrs = append(attrs, "queued_ms", float64(sw.queued.Microseconds())/1000)
		}
		s.log.InfoContext(r.Context(), "request", attrs...)
	})
}

// staticApp serves the built web app; unknown paths without a file extension get index.html so the
// single-page app can route them.
func staticApp(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(dir, filepath.FromSlash(filepath.Clean("/"+r.URL.Path)))
		if _, err := os.Stat(p); err != nil && filepath.Ext(p) == "" {
			if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
				http.Error(w, "The web app is not built. Run `make run` (or `npm run build` in frontend/).", http.StatusNotFound)
				return
			}
			if strings.HasPrefix(r.URL.Path, "/explorer") {
				http.ServeFile(w, r, filepath.Join(dir, "explorer", "index.html"))
				return
			}
			http.ServeFile(w, r, filepath.Join(dir, "index.html"))
			return
		}
		files.ServeHTTP(w, r)
	})
}
