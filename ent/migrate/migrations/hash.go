//go:build ignore

// hash.go recomputes atlas.sum of both migration directories after a migration file written by
// `make migration` was edited by hand (a data step added, say), so that the next `make migration` and
// Atlas accept the directory again.
//
//	go run -mod=mod ./ent/migrate/migrations/hash.go   (make migration-hash)
package main

import (
	"log"

	atlas "ariga.io/atlas/sql/migrate"
)

func main() {
	for _, d := range []string{"ent/migrate/migrations/mysql", "ent/migrate/migrations/sqlite"} {
		dir, err := atlas.NewLocalDir(d)
		if err != nil {
			log.Fatal(err)
		}
		sum, err := dir.Checksum()
		if err != nil {
			log.Fatal(err)
		}
		if err := atlas.WriteSumFile(dir, sum); err != nil {
			log.Fatal(err)
		}
	}
}
