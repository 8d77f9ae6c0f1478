package rule

import (
	"context"
	"fmt"

	"entgo.io/ent/dialect/sql"

	"partnerhub/ent"
	"partnerhub/ent/billingprofile"
	"partnerhub/ent/customer"
	"partnerhub/ent/partner"
	"partnerhub/ent/relationship"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/subscription"
	"partnerhub/ent/tag"
	"partnerhub/ent/user"
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
				if !bookkeepingOnly(m) {
					vm.AddVersion(1)
				}
				return next.Mutate(ctx, m)
			}
			vm.WhereP(sql.FieldEQ("version", expected))
			vm.SetVersion(expected + 1)
			v, err := next.Mutate(ctx, m)
			if ent.IsNotFound(err) {
				// Either the row is gone (or not the viewer's), or it has moved on.
				if id, ok := vm.ID(); ok {
					exists, xerr := exists(Consequence(ctx), vm.Client(), m, id)
					if xerr != nil {
						return nil, xerr
					}
					if exists {
						return nil, ErrConflict
					}
				}
			}
			return v, err
		})
	}
}

// exists reports whether the record a mutation is about exists and is visible to the viewer.
func exists(ctx context.Context, c *ent.Client, m ent.Mutation, id pulid.ID) (bool, error) {
	switch m.(type) {
	case *ent.CustomerMutation:
		return c.Customer.Query().Where(customer.ID(id)).Exist(ctx)
	case *ent.BillingProfileMutation:
		return c.BillingProfile.Query().Where(billingprofile.ID(id)).Exist(ctx)
	case *ent.RelationshipMutation:
		return c.Relationship.Query().Where(relationship.ID(id)).Exist(ctx)
	case *ent.TagMutation:
		return c.Tag.Query().Where(tag.ID(id)).Exist(ctx)
	case *ent.UserMutation:
		return c.User.Query().Where(user.ID(id)).Exist(ctx)
	case *ent.PartnerMutation:
		return c.Partner.Query().Where(partner.ID(id)).Exist(ctx)
	case *ent.SubscriptionMutation:
		return c.Subscription.Query().Where(subscription.ID(id)).Exist(ctx)
	}
	return false, fmt.Errorf("rule.Versioned: no existence check for %s", m.Type())
}

// bookkeeping fields change without the record changing for its editors (a sign-in, a verifier's
// claim): they do not move the version, so an edit based on it is not refused for them.
var bookkeeping = map[string]bool{
	"failed_sign_ins": true, "locked_until": true, "last_sign_in_at": true, "review_claimed_until": true, "updated_at": true,
}

func bookkeepingOnly(m ent.Mutation) bool {
	for _, f := range append(m.Fields(), m.ClearedFields()...) {
		if !bookkeeping[f] {
			return false
		}
	}
	return true
}
