package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/pulid"
)

// change runs one mutation's work in a transaction that commits only when fn returns nil, so a
// mutation that ends with user errors leaves nothing half-written. It is also one entry of the
// activity log (domain.md §9): the changes fn makes are written as one record in the same transaction,
// named after the GraphQL operation; a refused or failed attempt is recorded as failed after the
// rollback. customerID names the customer concerned when it is known up front.
func (r *Resolver) change(ctx context.Context, resource activity.ResourceType, customerID *pulid.ID, fn func(ctx context.Context, c *ent.Client) error) error {
	operation := "unknown"
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		operation = fc.Field.Name
	}
	err := r.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		ctx, act := rule.StartActivity(ctx, operation, resource)
		if err := fn(ctx, c); err != nil {
			return err
		}
		return act.Write(ctx, c)
	})
	if err != nil {
		if rerr := rule.RecordFailure(ctx, r.client, operation, resource, customerID, err); rerr != nil {
			return fmt.Errorf("%w (recording the failure: %v)", err, rerr)
		}
	}
	return err
}

// inTx runs fn in a transaction and commits only when fn returns nil. fn gets the transactional client;
// hooks and privacy apply to it.
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
	if err := fn(ent.NewTxContext(ctx, tx), tx.Client()); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return fmt.Errorf("%w (rolling back: %v)", err, rerr)
		}
		return err
	}
	return tx.Commit()
}
