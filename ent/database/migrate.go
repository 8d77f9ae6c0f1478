package database

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"entgo.io/ent/dialect"

	"partnerhub/ent/migrate/migrations"
)

// Migrate applies the embedded migration files of the dialect (ent/migrate/migrations/<dialect>) that
// the database has not seen yet, in name order, recording each in schema_migrations. Replicas starting
// at once take turns: MySQL through a named lock (GET_LOCK), SQLite through its write lock; the one that
// comes second finds nothing left to do.
func Migrate(ctx context.Context, db *sql.DB, d string) (err error) {
	files, err := migrationFiles(d)
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	unlock, err := lock(ctx, conn, d)
	if err != nil {
		return err
	}
	defer func() { unlock(err == nil) }()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version VARCHAR(255) NOT NULL PRIMARY KEY, applied_at TIMESTAMP NOT NULL)`); err != nil {
		return fmt.Errorf("creating schema_migrations: %w", err)
	}
	applied := map[string]bool{}
	rows, err := conn.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return err
		}
		applied[v] = true
	}
	rows.Close()
	for _, f := range files {
		version := strings.TrimSuffix(path.Base(f), ".sql")
		if applied[version] {
			continue
		}
		body, err := fs.ReadFile(migrations.Files, f)
		if err != nil {
			return err
		}
		for _, stmt := range statements(string(body)) {
			if _, err := conn.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("migration %s: %w\n%s", version, err, stmt)
			}
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
			version, time.Now().UTC()); err != nil {
			return err
		}
	}
	return nil
}

func migrationFiles(d string) ([]string, error) {
	dir := map[string]string{dialect.MySQL: "mysql", dialect.SQLite: "sqlite"}[d]
	if dir == "" {
		return nil, fmt.Errorf("no migrations for dialect %q", d)
	}
	files, err := fs.Glob(migrations.Files, dir+"/*.sql")
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	return files, nil
}

// lock takes the migration lock; the returned func releases it, committing SQLite's transaction when
// ok and rolling it back otherwise.
func lock(ctx context.Context, conn *sql.Conn, d string) (func(ok bool), error) {
	switch d {
	case dialect.MySQL:
		// The lock is per database: replicas of one installation wait for each other, other
		// databases on the same server (a test run, a second installation) do not. (MD5: lock names are
		// at most 64 characters.)
		var got sql.NullInt64
		if err := conn.QueryRowContext(ctx, `SELECT GET_LOCK(CONCAT('partnerhub_migrate:', MD5(DATABASE())), 120)`).Scan(&got); err != nil {
			return nil, err
		}
		if got.Int64 != 1 {
			return nil, fmt.Errorf("another replica has held the migration lock for two minutes")
		}
		return func(bool) {
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), `SELECT RELEASE_LOCK(CONCAT('partnerhub_migrate:', MD5(DATABASE())))`)
		}, nil
	default:
		// SQLite DDL is transactional: the whole run is one write transaction.
		if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
			return nil, err
		}
		return func(ok bool) {
			end := "ROLLBACK"
			if ok {
				end = "COMMIT"
			}
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), end)
		}, nil
	}
}

// statements splits a migration file as Atlas writes it: statements end with ";" at the end of a line,
// and lines starting with "--" are comments.
func statements(body string) []string {
	var (
		out []string
		cur strings.Builder
	)
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteString("\n")
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}
