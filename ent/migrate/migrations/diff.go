//go:build ignore

// diff.go writes the migration that brings the previous migrations up to the current ent schema, for
// MySQL (computed on a scratch database of a local MySQL/MariaDB) and for SQLite (in memory).
//
//	go run -mod=mod ./ent/migrate/migrations/diff.go NAME
//
// Environment: PARTNERHUB_DEV_MYSQL (default mysql://root@127.0.0.1:3306/) — a server where a scratch
// database partnerhub_migrate_dev may be created and dropped.
package main

import (
	"context"
	"database/sql"
	"log"
	"net/url"
	"os"
	"strings"

	atlas "ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/go-sql-driver/mysql"
	sqlite "modernc.org/sqlite"

	"partnerhub/ent/migrate"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run -mod=mod ./ent/migrate/migrations/diff.go NAME")
	}
	name := os.Args[1]
	ctx := context.Background()
	sql.Register("sqlite3", &sqlite.Driver{})

	server := os.Getenv("PARTNERHUB_DEV_MYSQL")
	if server == "" {
		server = "mysql://root@127.0.0.1:3306/"
	}
	u, err := url.Parse(server)
	if err != nil {
		log.Fatal(err)
	}
	pass, _ := u.User.Password()
	admin, err := sql.Open("mysql", u.User.Username()+":"+pass+"@tcp("+u.Host+")/")
	if err != nil {
		log.Fatal(err)
	}
	mustExec(admin, "DROP DATABASE IF EXISTS partnerhub_migrate_dev")
	mustExec(admin, "CREATE DATABASE partnerhub_migrate_dev CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
	defer mustExec(admin, "DROP DATABASE IF EXISTS partnerhub_migrate_dev")

	for _, t := range []struct{ dialect, dir, url string }{
		{dialect.MySQL, "ent/migrate/migrations/mysql", strings.TrimSuffix(server, "/") + "/partnerhub_migrate_dev"},
		{dialect.SQLite, "ent/migrate/migrations/sqlite", "sqlite://dev?mode=memory&_pragma=foreign_keys(1)"},
	} {
		dir, err := atlas.NewLocalDir(t.dir)
		if err != nil {
			log.Fatal(err)
		}
		err = migrate.NamedDiff(ctx, t.url, name,
			schema.WithDir(dir),
			schema.WithMigrationMode(schema.ModeReplay),
			schema.WithDialect(t.dialect),
			schema.WithFormatter(atlas.DefaultFormatter),
			schema.WithDropColumn(true),
			schema.WithDropIndex(true),
		)
		if err != nil {
			log.Fatalf("%s: %v", t.dialect, err)
		}
	}
}

func mustExec(db *sql.DB, q string) {
	if _, err := db.Exec(q); err != nil {
		log.Fatal(err)
	}
}
