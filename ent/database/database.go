// Package database opens Partnerhub's database, MySQL in production or an embedded SQLite file by
// default, and brings its schema up to date from the versioned migration files.
package database

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/go-sql-driver/mysql"
	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"partnerhub/ent"
)

func init() {
	// modernc.org/sqlite registers itself as "sqlite"; Atlas (ent's migration engine) looks for
	// "sqlite3", the name ent's SQLite dialect goes by.
	sql.Register("sqlite3", &sqlite.Driver{})
}

// DefaultURL is the embedded default: a SQLite file in the working directory.
const DefaultURL = "sqlite:partnerhub.db"

// DB is an open database.
type DB struct {
	Client  *ent.Client
	SQL     *sql.DB
	Dialect string
	// Name is the database (MySQL) or file (SQLite).
	Name string
}

// Option changes how Open opens the database.
type Option func(*options)

type options struct {
	wrap func(dialect.Driver) dialect.Driver
}

// WithDriver wraps ent's driver (to count statements, say).
func WithDriver(wrap func(dialect.Driver) dialect.Driver) Option {
	return func(o *options) { o.wrap = wrap }
}

// Open opens the database at rawURL and migrates it. URLs:
//
//	sqlite:partnerhub.db                      a SQLite file (created when missing)
//	sqlite::memory:                           a private in-memory SQLite database
//	mysql://user:password@host:3306/dbname     MySQL 8 or MariaDB 10.11+ (the database is created when missing)
func Open(ctx context.Context, rawURL string, opts ...Option) (*DB, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if rawURL == "" {
		rawURL = DefaultURL
	}
	var (
		db  *DB
		err error
	)
	switch {
	case strings.HasPrefix(rawURL, "sqlite:"):
		db, err = openSQLite(strings.TrimPrefix(strings.TrimPrefix(rawURL, "sqlite:"), "//"))
	case strings.HasPrefix(rawURL, "mysql://"):
		db, err = openMySQL(ctx, rawURL)
	default:
		return nil, fmt.Errorf("database URL %q: use sqlite:FILE or mysql://user:password@host:port/dbname", redact(rawURL))
	}
	if err != nil {
		return nil, err
	}
	if err := Migrate(ctx, db.SQL, db.Dialect); err != nil {
		db.SQL.Close()
		return nil, err
	}
	var drv dialect.Driver = entsql.OpenDB(db.Dialect, db.SQL)
	if o.wrap != nil {
		drv = o.wrap(drv)
	}
	db.Client = ent.NewClient(ent.Driver(drv))
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error { return db.Client.Close() }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return db.SQL.PingContext(ctx)
}

func openSQLite(file string) (*DB, error) {
	if file == "" {
		return nil, fmt.Errorf("sqlite: name a file, such as sqlite:partnerhub.db")
	}
	dsn := "file:" + file + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_time_format=sqlite"
	if file == ":memory:" {
		// One shared in-memory database for all connections of this pool.
		dsn = "file:partnerhub-" + fmt.Sprint(time.Now().UnixNano()) + "?mode=memory&cache=shared&_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_time_format=sqlite"
	}
	sqlDB, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	// SQLite has one writer: a single connection serialises writes instead of failing them with
	// SQLITE_BUSY, and is plenty for a trial installation.
	sqlDB.SetMaxOpenConns(1)
	// Switching a new file to WAL needs it to itself for a moment; a second process opening the same
	// new file at that moment gets SQLITE_BUSY at once, whatever the busy timeout: try again (each try
	// opens a new connection and runs the pragmas again).
	deadline := time.Now().Add(10 * time.Second)
	for {
		err = sqlDB.Ping()
		var busy *sqlite.Error
		if err == nil || !errors.As(err, &busy) || busy.Code()&0xff != sqlite3.SQLITE_BUSY || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("opening %s: %w", file, err)
	}
	return &DB{SQL: sqlDB, Dialect: dialect.SQLite, Name: file}, nil
}

// MySQLConfig turns a mysql:// URL into the driver's configuration: UTC times, utf8mb4 with a
// collation that MySQL 8 and MariaDB both have.
func MySQLConfig(rawURL string) (*mysql.Config, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("database URL: %w", err)
	}
	cfg := mysql.NewConfig()
	cfg.Net = "tcp"
	cfg.Addr = u.Host
	if u.Port() == "" {
		cfg.Addr = u.Hostname() + ":3306"
	}
	cfg.User = u.User.Username()
	cfg.Passwd, _ = u.User.Password()
	cfg.DBName = strings.TrimPrefix(u.Path, "/")
	if cfg.DBName == "" {
		return nil, fmt.Errorf("database URL %s names no database", redact(rawURL))
	}
	cfg.ParseTime = true
	cfg.Loc = time.UTC
	cfg.Collation = "utf8mb4_unicode_ci"
	cfg.Params = map[string]string{"charset": "utf8mb4", "time_zone": "'+00:00'",
		// Estimate IN lists of 10 or more values from index statistics instead of one B-tree descent
		// ("index dive") per value before running the statement (the default up to 200 values). The
		// list loads each page's billing profiles, relationships and tags by the page's customer IDs:
		// each such statement read every customer's entry twice, once to estimate and once to fetch
		// (218 and 168 page reads for a page of 20 before, 158 and 108 after). 10 was MySQL's default
		// before 5.7.4; short lists (filters by a few tags or statuses) keep their exact estimates.
		"eq_range_index_dive_limit": "10"}
	// Arguments are escaped by the driver (safe with utf8mb4): one round trip per statement instead of
	// prepare, execute and close, which tripled the statements the server handles for every query.
	cfg.InterpolateParams = true
	for k, v := range u.Query() {
		cfg.Params[k] = v[0]
	}
	return cfg, nil
}

func openMySQL(ctx context.Context, rawURL string) (*DB, error) {
	cfg, err := MySQLConfig(rawURL)
	if err != nil {
		return nil, err
	}
	if err := createDatabase(ctx, cfg); err != nil {
		return nil, err
	}
	sqlDB, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(32)
	sqlDB.SetMaxIdleConns(32)
	sqlDB.SetConnMaxLifetime(30 * time.Minute)
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("connecting to MySQL at %s: %w", cfg.Addr, err)
	}
	return &DB{SQL: sqlDB, Dialect: dialect.MySQL, Name: cfg.DBName}, nil
}

func createDatabase(ctx context.Context, cfg *mysql.Config) error {
	server := *cfg
	server.DBName = ""
	db, err := sql.Open("mysql", server.FormatDSN())
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "CREATE DATABASE IF NOT EXISTS `"+strings.ReplaceAll(cfg.DBName, "`", "")+
		"` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
	if err != nil {
		return fmt.Errorf("connecting to MySQL at %s: %w", cfg.Addr, err)
	}
	return nil
}

func redact(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
	}
	return rawURL
}
