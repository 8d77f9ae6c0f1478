package rule

import (
	"context"
	"slices"
	"strings"

	"partnerhub/ent"
	"partnerhub/ent/hook"
	"partnerhub/ent/schema/clock"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/session"
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

// OnlyAdminsGrantAdmin lets only a global admin make someone a global admin (a user management admin
// manages the other roles).
func OnlyAdminsGrantAdmin() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.UserFunc(func(ctx context.Context, m *ent.UserMutation) (ent.Value, error) {
			roles, ok := m.Roles()
			v := viewer.FromContext(ctx)
			if ok && v != nil && !viewer.IsSystem(ctx) && slices.Contains(roles, enum.GlobalAdmin) && !v.HasRole(enum.GlobalAdmin) {
				return nil, &ForbiddenError{Message: "Only a global admin can make someone a global admin."}
			}
			return next.Mutate(ctx, m)
		})
	}
}

// RevokeOnDeactivate ends every session and access token of a user who is deactivated, so that
// reactivating them later does not bring old sessions back.
func RevokeOnDeactivate() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.UserFunc(func(ctx context.Context, m *ent.UserMutation) (ent.Value, error) {
			v, err := next.Mutate(ctx, m)
			if active, ok := m.Active(); err != nil || !ok || active {
				return v, err
			}
			u := v.(*ent.User)
			_, err = m.Client().Session.Update().Where(session.UserID(u.ID), session.RevokedAtIsNil()).
				SetRevokedAt(clock.Now()).Save(viewer.SystemContext(ctx))
			return v, err
		})
	}
}

// EmailKey is how a user's email address is stored and looked up: trimmed and lower-cased, so an
// address is one account whatever its case, enforced by the unique index and found through it (a
// case-insensitive comparison cannot use the index, and read every user at each sign-in).
func EmailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// UserEmailKey stores users' email addresses as EmailKey, whoever writes them.
func UserEmailKey() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.UserFunc(func(ctx context.Context, m *ent.UserMutation) (ent.Value, error) {
			if email, ok := m.Email(); ok {
				m.SetEmail(EmailKey(email))
			}
			return next.Mutate(ctx, m)
		})
	}
}

// RolesRequired refuses a user without any role.
func RolesRequired() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.UserFunc(func(ctx context.Context, m *ent.UserMutation) (ent.Value, error) {
			if roles, ok := m.Roles(); ok && len(roles) == 0 {
				return nil, Errorf("roles", CodeRequired, "Give the user at least one role.")
			}
			return next.Mutate(ctx, m)
		})
	}
}
