package database

import (
	"context"
	"sync"

	"entgo.io/ent/dialect"
)

// Recorder wraps ent's driver and records every SQL statement sent through it, for tests that lock in
// how many statements a request costs and for the benchmark's statements-per-request figure.
type Recorder struct {
	mu         sync.Mutex
	statements []string
}

// Wrap is a WithDriver function.
func (r *Recorder) Wrap(d dialect.Driver) dialect.Driver { return &recDriver{Driver: d, r: r} }

// Reset forgets the statements recorded so far.
func (r *Recorder) Reset() {
	r.mu.Lock()
	r.statements = nil
	r.mu.Unlock()
}

// Statements returns the statements recorded since the last Reset.
func (r *Recorder) Statements() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.statements...)
}

// Count returns how many statements were recorded since the last Reset.
func (r *Recorder) Count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.statements)
}

func (r *Recorder) add(q string) {
	r.mu.Lock()
	r.statements = append(r.statements, q)
	r.mu.Unlock()
}

type recDriver struct {
	dialect.Driver
	r *Recorder
}

func (d *recDriver) Exec(ctx context.Context, query string, args, v any) error {
	d.r.add(query)
	return d.Driver.Exec(ctx, query, args, v)
}

func (d *recDriver) Query(ctx context.Context, query string, args, v any) error {
	d.r.add(query)
	return d.Driver.Query(ctx, query, args, v)
}

func (d *recDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	return &recTx{Tx: tx, r: d.r}, nil
}

type recTx struct {
	dialect.Tx
	r *Recorder
}

func (t *recTx) Exec(ctx context.Context, query string, args, v any) error {
	t.r.add(query)
	return t.Tx.Exec(ctx, query, args, v)
}

func (t *recTx) Query(ctx context.Context, query string, args, v any) error {
	t.r.add(query)
	return t.Tx.Query(ctx, query, args, v)
}
