// Package migrations embeds the versioned migration files, one directory per dialect, written by
// `make migration NAME=…` (diff.go) and applied at start-up by database.Migrate. Never edit a file
// that has been released: add a new one.
package migrations

import "embed"

// Files holds mysql/*.sql and sqlite/*.sql.
//
//go:embed mysql/*.sql sqlite/*.sql
var Files embed.FS
