package database_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"

	"partnerhub/ent/database"
	"partnerhub/ent/migrate/migrations"
)

func mysqlServer(t *testing.T) string {
	s := os.Getenv("PARTNERHUB_TEST_MYSQL")
	if s == "skip" {
		if os.Getenv("CI") != "" {
			t.Fatal("PARTNERHUB_TEST_MYSQL=skip is not allowed in CI")
		}
		t.Skip("PARTNERHUB_TEST_MYSQL=skip")
	}
	if s == "" {
		s = "mysql://root@127.0.0.1:3306"
	}
	return strings.TrimSuffix(s, "/")
}

// scratchMySQL returns the URL of a new MySQL database, dropped when the test ends.
func scratchMySQL(t *testing.T) string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	url := mysqlServer(t) + "/partnerhub_test_" + hex.EncodeToString(b)
	t.Cleanup(func() {
		cfg, _ := database.MySQLConfig(url)
		name := cfg.DBName
		cfg.DBName = ""
		if db, err := sql.Open("mysql", cfg.FormatDSN()); err == nil {
			_, _ = db.Exec("DROP DATABASE IF EXISTS `" + name + "`")
			db.Close()
		}
	})
	return url
}

func urls(t *testing.T) map[string]string {
	out := map[string]string{"sqlite": "sqlite:" + t.TempDir() + "/m.db"}
	if os.Getenv("PARTNERHUB_TEST_MYSQL") != "skip" {
		out["mysql"] = scratchMySQL(t)
	}
	return out
}

// TestMigrationsMatchSchema proves the checked-in migration files produce exactly the schema the ent
// code expects: after applying them, ent finds nothing to change.
func TestMigrationsMatchSchema(t *testing.T) {
	for name, url := range urls(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db, err := database.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var buf bytes.Buffer
			if err := db.Client.Schema.WriteTo(ctx, &buf); err != nil {
				t.Fatal(err)
			}
			var changes []string
			for _, line := range strings.Split(buf.String(), "\n") {
				line = strings.TrimSpace(line)
				if line == "" || line == "BEGIN;" || line == "COMMIT;" || strings.HasPrefix(line, "--") {
					continue
				}
				changes = append(changes, line)
			}
			if len(changes) > 0 {
				t.Errorf("the migrations differ from the ent schema; run `make migration NAME=...`:\n%s", strings.Join(changes, "\n"))
			}
			// Every file is recorded once.
			files, _ := fs.Glob(migrations.Files, map[string]string{"sqlite": "sqlite", "mysql": "mysql"}[name]+"/*.sql")
			var n int
			if err := db.SQL.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != len(files) || n == 0 {
				t.Errorf("schema_migrations has %d rows, want %d", n, len(files))
			}
		})
	}
}

// TestMigrateConcurrently starts several replicas at once on one database: all come up, and each
// migration is applied once.
func TestMigrateConcurrently(t *testing.T) {
	for name, url := range urls(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			var wg sync.WaitGroup
			errs := make([]error, 4)
			dbs := make([]*database.DB, 4)
			for i := range dbs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					dbs[i], errs[i] = database.Open(ctx, url)
				}()
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Fatalf("replica %d: %v", i, err)
				}
				defer dbs[i].Close()
			}
			var n, distinct int
			if err := dbs[0].SQL.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations`).Scan(&n, &distinct); err != nil {
				t.Fatal(err)
			}
			if n != distinct {
				t.Errorf("a migration was applied more than once: %d rows, %d versions", n, distinct)
			}
			// And a later start has nothing to do.
			again, err := database.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			again.Close()
		})
	}
}

func TestOpenRejectsUnknownURL(t *testing.T) {
	_, err := database.Open(context.Background(), "postgres://localhost/x")
	if err == nil || !strings.Contains(err.Error(), "sqlite:FILE or mysql://") {
		t.Fatalf("err = %v", err)
	}
	_, err = database.Open(context.Background(), "mysql://root:secret@127.0.0.1:1/")
	if err == nil || strings.Contains(err.Error(), "secret") {
		t.Fatalf("a URL without a database must be refused without showing the password: %v", err)
	}
}

// TestMySQLSessionSettings: every connection to MySQL gets Partnerhub's session settings, and the
// database URL can override them.
func TestMySQLSessionSettings(t *testing.T) {
	url := scratchMySQL(t)
	for _, c := range []struct{ url, want string }{
		{url, "10"},
		{url + "?eq_range_index_dive_limit=200", "200"},
	} {
		db, err := database.Open(context.Background(), c.url)
		if err != nil {
			t.Fatal(err)
		}
		var limit, zone string
		if err := db.SQL.QueryRow(`SELECT @@SESSION.eq_range_index_dive_limit, @@SESSION.time_zone`).Scan(&limit, &zone); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if limit != c.want || zone != "+00:00" {
			t.Errorf("%s: eq_range_index_dive_limit %s, time_zone %s; want %s, +00:00", c.url, limit, zone, c.want)
		}
	}
}
