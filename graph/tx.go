package graph

import (
	"context"
	"fmt"

	"partnerhub/ent"
)

// inTx runs fn in a transaction and commits only when fn returns nil, so a mutation that ends with user
// errors leaves nothing half-written. fn gets the transactional client; hooks and privacy apply to it.
func (r *Resolver) inTx(ctx context.Context, fn func(ctx context.Context, c *ent.Client) error) error {
	tx, err := r.client.Tx(ctx)
	if err != nil {
		return fmt.Errorf("starting a transaction: %w", err)
	}
	defer func() {
		if v := recover(); v != nil {
			_ = tx.Rollback()
			panic(v)
		}
	}()
	txCtx := ent.NewTxContext(ctx, tx)
	if err := fn(txCtx, tx.Client()); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return fmt.Errorf("%w (rolling back: %v)", err, rerr)
		}
		return err
	}
	return tx.Commit()
}
