// Command partnerhub runs the Partnerhub server: the GraphQL API, the web app and the explorer.
//
//	partnerhub [flags]          serve (see -h for flags; each has a PARTNERHUB_* environment variable)
//	partnerhub seed [flags]     load a large, realistic data set (see `partnerhub seed -h`)
//	partnerhub verification [flags]   an operator's override of a customer's verification
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"partnerhub/ent/customer"
	"partnerhub/ent/database"
	"partnerhub/ent/rule"
	_ "partnerhub/ent/runtime" // registers the schema's hooks and privacy policies
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/seed"
	"partnerhub/graph"
)

func main() {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "seed":
			os.Exit(runSeed(os.Args[2:]))
		case "verification":
			os.Exit(runOverride(os.Args[2:]))
		}
	}
	os.Exit(serve(os.Args[1:]))
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	if v, ok := os.LookupEnv(name); ok {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v, ok := os.LookupEnv(name); ok {
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
	}
	return def
}

func envBool(name string, def bool) bool {
	if v, ok := os.LookupEnv(name); ok {
		b, err := strconv.ParseBool(v)
		if err == nil {
			return b
		}
	}
	return def
}

func newLogger(format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, nil))
}

func serve(args []string) int {
	fs := flag.NewFlagSet("partnerhub", flag.ExitOnError)
	addr := fs.String("addr", env("PARTNERHUB_ADDR", "127.0.0.1:8080"), "listen address ($PARTNERHUB_ADDR)")
	dbURL := fs.String("database", env("PARTNERHUB_DATABASE_URL", database.DefaultURL),
		"database: sqlite:FILE or mysql://user:password@host:port/dbname ($PARTNERHUB_DATABASE_URL)")
	origins := fs.String("allowed-origins", env("PARTNERHUB_ALLOWED_ORIGINS", ""),
		"comma-separated origins that may call the API from a browser, e.g. https://app.example.com ($PARTNERHUB_ALLOWED_ORIGINS)")
	demo := fs.Bool("demo", envBool("PARTNERHUB_DEMO", false),
		"demo mode: load demo data into an empty database and accept the X-Partnerhub-User header ($PARTNERHUB_DEMO). Never in production")
	static := fs.String("static", env("PARTNERHUB_STATIC_DIR", "frontend/dist"), "built web app to serve at / ($PARTNERHUB_STATIC_DIR)")
	logFormat := fs.String("log-format", env("PARTNERHUB_LOG_FORMAT", "text"), "text or json ($PARTNERHUB_LOG_FORMAT)")
	publicURL := fs.String("public-url", env("PARTNERHUB_PUBLIC_URL", ""), "where users reach the app, for links in invitations ($PARTNERHUB_PUBLIC_URL; default: the request's origin)")
	renewals := fs.Bool("renewals", envBool("PARTNERHUB_RENEWALS", true), "run the worker that renews or expires subscriptions at the end of their term ($PARTNERHUB_RENEWALS)")
	verifier := fs.Bool("verifier", envBool("PARTNERHUB_VERIFIER", true), "run the automatic verifier of customers under review ($PARTNERHUB_VERIFIER)")
	maxInFlight := fs.Int("max-inflight", envInt("PARTNERHUB_MAX_INFLIGHT", graph.DefaultMaxInFlight()),
		"GraphQL requests run at once; more wait their turn ($PARTNERHUB_MAX_INFLIGHT; -1: no limit)")
	queueWait := fs.Duration("queue-wait", envDuration("PARTNERHUB_QUEUE_WAIT", graph.DefaultQueueWait),
		"how long a request waits for its turn before it is answered BUSY ($PARTNERHUB_QUEUE_WAIT)")
	_ = fs.Parse(args)
	log := newLogger(*logFormat)
	slog.SetDefault(log)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := database.Open(ctx, *dbURL)
	if err != nil {
		log.Error("opening the database", "err", err)
		return 1
	}
	defer db.Close()
	log.Info("database ready", "dialect", db.Dialect, "name", db.Name)

	if *demo {
		created, err := seed.Demo(ctx, db.Client)
		if err != nil {
			log.Error("loading demo data", "err", err)
			return 1
		}
		if created {
			log.Info("demo data loaded", "sign_in_as", seed.DemoAdminEmail)
		}
		log.Warn("demo mode: the " + graph.DemoUserHeader + " header is accepted; never run production like this")
	}

	if err := seed.LoadCatalog(ctx, db.Client); err != nil {
		log.Error("loading the offer catalog", "err", err)
		return 1
	}
	if *verifier {
		go rule.RunVerifier(ctx, db.Client, rule.AutoVerifier{}, 10*time.Second, log)
	}
	if *renewals {
		go rule.RunRenewals(ctx, db.Client, time.Minute, log)
	}

	var allowed []string
	for _, o := range strings.Split(*origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			allowed = append(allowed, o)
		}
	}
	handler := graph.NewHandler(db.Client, graph.Options{
		Demo: *demo, AllowedOrigins: allowed, StaticDir: *static, Ready: db.Ping, Logger: log, PublicURL: *publicURL,
		MaxInFlight: *maxInFlight, QueueWait: *queueWait,
	})
	srv := &http.Server{
		Addr:              *addr,
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      5 * time.Minute, // exports stream for a while
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("Partnerhub is running", "app", "http://"+*addr+"/", "explorer", "http://"+*addr+"/explorer/", "graphql", "http://"+*addr+"/graphql")
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			log.Error("serving", "err", err)
			return 1
		}
	case <-ctx.Done():
		log.Info("shutting down")
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdownCtx); err != nil {
			log.Error("shutting down", "err", err)
			return 1
		}
	}
	return 0
}

func runSeed(args []string) int {
	fs := flag.NewFlagSet("partnerhub seed", flag.ExitOnError)
	dbURL := fs.String("database", env("PARTNERHUB_DATABASE_URL", database.DefaultURL), "database URL, as for the server")
	spec := seed.LargeSpec{}
	fs.IntVar(&spec.Customers, "customers", 1_000_000, "customers in all")
	fs.IntVar(&spec.Partners, "partners", 100, "partners")
	fs.IntVar(&spec.Largest, "largest", 200_000, "customers of the largest partner")
	fs.Uint64Var(&spec.Seed, "seed", 1, "random seed (the same seed gives the same data)")
	fs.BoolVar(&spec.Resume, "resume", false, "continue a load that stopped part-way (same flags as the first run)")
	_ = fs.Parse(args)
	log := newLogger("text")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	db, err := database.Open(ctx, *dbURL)
	if err != nil {
		log.Error("opening the database", "err", err)
		return 1
	}
	defer db.Close()
	spec.Progress = func(done, total int) {
		fmt.Fprintf(os.Stderr, "\rseeding: %d of %d customers (%.0f%%)", done, total, 100*float64(done)/float64(total))
	}
	start := time.Now()
	if err := seed.Large(ctx, db.Client, spec); err != nil {
		fmt.Fprintln(os.Stderr)
		log.Error("seeding", "err", err)
		return 1
	}
	fmt.Fprintln(os.Stderr)
	log.Info("seeded", "customers", spec.Customers, "partners", spec.Partners, "took", time.Since(start).Round(time.Second))
	return 0
}

func runOverride(args []string) int {
	fs := flag.NewFlagSet("partnerhub verification", flag.ExitOnError)
	dbURL := fs.String("database", env("PARTNERHUB_DATABASE_URL", database.DefaultURL), "database URL, as for the server")
	id := fs.String("customer", "", "the customer's ID (cus_…)")
	status := fs.String("status", "", "ALLOWED, NOT_ALLOWED or UNDER_REVIEW")
	reason := fs.String("reason", "", "why (kept with the decision)")
	operator := fs.String("operator", os.Getenv("USER"), "who overrides")
	_ = fs.Parse(args)
	ctx := context.Background()
	db, err := database.Open(ctx, *dbURL)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer db.Close()
	c, err := rule.OverrideVerification(ctx, db.Client, pulid.ID(*id), customer.VerificationStatus(*status), *reason, *operator)
	if err != nil {
		fmt.Fprintln(os.Stderr, "override refused:", err)
		return 1
	}
	fmt.Printf("%s (%s) is now %s\n", c.DisplayName, c.PrimaryDomain, c.VerificationStatus)
	return 0
}
