package graph

import (
	"context"
	"strings"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/text"
)

// changeSubscription applies a subscription change in a transaction.
func (r *mutationResolver) changeSubscription(ctx context.Context, id pulid.ID, version int, ch rule.SubscriptionChange) (*SubscriptionPayload, error) {
	var s *ent.Subscription
	err := r.change(ctx, activity.ResourceTypeSUBSCRIPTION, nil, func(ctx context.Context, c *ent.Client) (err error) {
		s, err = rule.ChangeSubscription(ctx, c, id, version, ch)
		return err
	})
	if errs, err := userErrors(err); errs == nil || len(errs) > 0 {
		return &SubscriptionPayload{UserErrors: errs}, err
	}
	return &SubscriptionPayload{Subscription: s.Unwrap(), UserErrors: []*UserError{}}, nil
}

// filterOffers keeps the offers with a word of the name starting with each word of the search (the
// catalog is small: matching in memory is enough).
func filterOffers(offers []*ent.Offer, search string) []*ent.Offer {
	words := text.QueryWords(search, 8)
	out := []*ent.Offer{}
	for _, o := range offers {
		name := text.Words(o.Name)
		match := true
		for _, w := range words {
			found := false
			for _, n := range name {
				if strings.HasPrefix(n, w) {
					found = true
					break
				}
			}
			match = match && found
		}
		if match {
			out = append(out, o)
		}
	}
	return out
}

func ptr[T any](v T) *T { return &v }
