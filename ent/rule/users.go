package rule

import (
	"context"

	"partnerhub/ent"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/user"
	"partnerhub/ent/viewer"
)

// KeepAGlobalAdmin refuses a change to users that leaves their partner without an active global admin.
func KeepAGlobalAdmin() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			um, ok := m.(*ent.UserMutation)
			if !ok {
				return next.Mutate(ctx, m)
			}
			_, rolesChanged := um.Roles()
			_, activeChanged := um.Active()
			v, err := next.Mutate(ctx, m)
			if err != nil || !(rolesChanged || activeChanged) {
				return v, err
			}
			u := v.(*ent.User)
			admins, err := um.Client().User.Query().Where(user.PartnerID(u.PartnerID), user.Active(true)).
				All(viewer.SystemContext(ctx))
			if err != nil {
				return nil, err
			}
			for _, a := range admins {
				for _, r := range a.Roles {
					if r == enum.GlobalAdmin {
						return v, nil
					}
				}
			}
			return nil, Errorf("roles", CodeInvalid, "A partner must keep at least one active global admin.")
		})
	}
}
