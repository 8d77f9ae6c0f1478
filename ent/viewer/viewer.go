// Package viewer carries who is acting (a user of a partner, or the system itself) in the context. The
// ent privacy rules read it, so isolation between partners never depends on a resolver's WHERE clause.
package viewer

import (
	"context"
	"slices"

	"partnerhub/ent/schema/enum"
	"partnerhub/ent/schema/pulid"
)

// Viewer is a signed-in user of a partner.
type Viewer struct {
	UserID    pulid.ID
	PartnerID pulid.ID
	Roles     []enum.Role
	// Capacities of the viewer's partner.
	Capacities []enum.Capacity
	// EmailDomains are the partner's own email domains (customer contacts may not use them).
	EmailDomains []string
	// CustomerCount is the partner's number of customers as loaded with the viewer (used to answer the
	// unfiltered list's total without a COUNT over the whole list).
	CustomerCount int
	// LargeList is set when the partner holds a large share of all customers. Its list is then fastest
	// read by walking a sort index and checking each customer's relationship, rather than gathering
	// all its relationships first (see the Customer privacy filter).
	LargeList bool
}

// HasRole reports whether the viewer holds any of the roles.
func (v *Viewer) HasRole(roles ...enum.Role) bool {
	for _, r := range roles {
		if slices.Contains(v.Roles, r) {
			return true
		}
	}
	return false
}

// HasCapacity reports whether the viewer's partner has the capacity.
func (v *Viewer) HasCapacity(c enum.Capacity) bool { return slices.Contains(v.Capacities, c) }

type ctxKey struct{}

type systemKey struct{}

// NewContext returns a context carrying the viewer.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer of the context, or nil.
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(ctxKey{}).(*Viewer)
	return v
}

// SystemContext marks work done by Partnerhub itself (migrations, seeding, background workers, the
// sign-in lookup): privacy rules let it through. Never derive it from a request.
func SystemContext(ctx context.Context) context.Context {
	return context.WithValue(ctx, systemKey{}, true)
}

// IsSystem reports whether the context was made by SystemContext.
func IsSystem(ctx context.Context) bool {
	b, _ := ctx.Value(systemKey{}).(bool)
	return b
}
