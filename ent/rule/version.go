package rule

import (
	"context"

	"entgo.io/ent/dialect/sql"

	"partnerhub/ent"
	"partnerhub/ent/schema/pulid"
)

type versionedMutation interface {
	ent.Mutation
	ID() (pulid.ID, bool)
	Version() (int, bool)
	SetVersion(int)
	AddVersion(int)
	WhereP(...func(*sql.Selector))
	Client() *ent.Client
}

// Versioned is the optimistic-concurrency hook of every editable record (UpdateOne only). An update
// that sets "version" names the version it was based on: it applies only while the row still has that
// version, and is refused with ErrConflict otherwise. Every update moves the version on by one.
func Versioned() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			vm, ok := m.(versionedMutation)
			if !ok || !m.Op().Is(ent.OpUpdateOne) {
				return next.Mutate(ctx, m)
			}
			expected, based := vm.Version()
			if !based {
				vm.AddVersion(1)
				return next.Mutate(ctx, m)
			}
			vm.WhereP(sql.FieldEQ("version", expected))
			vm.SetVersion(expected + 1)
			v, err := next.Mutate(ctx, m)
			if ent.IsNotFound(err) {
				// Either the row is gone (or not the viewer's), or it has moved on.
				if id, ok := vm.ID(); ok {
					if _, nerr := vm.Client().Noder(ctx, id, ent.WithNodeType(ent.IDToType)); nerr == nil {
						return nil, ErrConflict
					}
				}
			}
			return v, err
		})
	}
}
