package graph

import (
	"context"
	"maps"
	"slices"
	"strings"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/relationship"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/clock"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/validate"
	"partnerhub/ent/viewer"
)

// requestOf is a relationship request as the API shows it.
func requestOf(info *rule.RequestInfo) *RelationshipRequest {
	rel := info.Relationship
	return &RelationshipRequest{ID: rel.ID, Type: rel.Type, Status: rel.Status, DelegatedAdmin: rel.DelegatedAdmin,
		ExpiresAt: rel.RequestExpiresAt, CreatedAt: rel.CreatedAt, PartnerName: info.PartnerName,
		CustomerName: info.CustomerName, PrimaryDomain: info.Domain}
}

// openRequests lists the viewer partner's PENDING requests. Their customers are not the partner's yet,
// so names and domains are read as the system, for these customers only.
func (r *queryResolver) openRequests(ctx context.Context) ([]*RelationshipRequest, error) {
	rels, err := r.client.Relationship.Query().
		Where(relationship.StatusEQ(relationship.StatusPENDING), relationship.RequestExpiresAtGT(clock.Now())).
		WithPartner().Order(ent.Desc(relationship.FieldCreatedAt)).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*RelationshipRequest, 0, len(rels))
	for _, rel := range rels {
		c, err := rel.QueryCustomer().Only(viewer.SystemContext(ctx))
		if err != nil {
			return nil, err
		}
		out = append(out, requestOf(&rule.RequestInfo{Relationship: rel, PartnerName: rel.Edges.Partner.Name,
			CustomerName: c.CompanyName, Domain: c.PrimaryDomain}))
	}
	return out, nil
}

// updateCustomer applies a versioned change to a customer in a transaction.
func (r *mutationResolver) updateCustomer(ctx context.Context, resource activity.ResourceType, id pulid.ID, set func(*ent.CustomerUpdateOne)) (*CustomerPayload, error) {
	var c *ent.Customer
	err := r.change(ctx, resource, &id, func(ctx context.Context, client *ent.Client) (err error) {
		u := client.Customer.UpdateOneID(id)
		set(u)
		c, err = u.Save(ctx)
		return err
	})
	if errs, err := userErrors(err); errs == nil || len(errs) > 0 {
		out := &CustomerPayload{UserErrors: errs}
		if len(errs) == 1 && errs[0].Code == UserErrorCodeConflict {
			// The customer as it is now, so the client can show what changed without another request.
			out.Customer, _ = r.client.Customer.Get(ctx, id)
		}
		return out, err
	}
	return &CustomerPayload{Customer: c.Unwrap(), UserErrors: []*UserError{}}, nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// nameWarnings tells about company names accepted with a remark (a web address in the name), by
// input field path.
func nameWarnings(names map[string]string) []*UserError {
	out := []*UserError{}
	fields := slices.Sorted(maps.Keys(names))
	for _, field := range fields {
		if name := names[field]; name != "" {
			if p := validate.CompanyNameWarning(name); p != nil {
				out = append(out, &UserError{Field: append([]string{"input"}, strings.Split(field, ".")...),
					Code: UserErrorCodeInvalid, Message: p.Message})
			}
		}
	}
	return out
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
