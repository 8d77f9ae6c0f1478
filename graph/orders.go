package graph

import (
	"context"
	"slices"
	"strings"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/offer"
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

// sortOffers orders offers by catalog, in the order catalogs are declared (AZURE, MARKETPLACE, SOFTWARE,
// ONLINE_SERVICES, as domain.md §8 lists them), then by name ignoring case and accents — the same on
// every database.
func sortOffers(offers []*ent.Offer) {
	rank := map[offer.Catalog]int{}
	for i, c := range []offer.Catalog{offer.CatalogAZURE, offer.CatalogMARKETPLACE, offer.CatalogSOFTWARE, offer.CatalogONLINE_SERVICES} {
		rank[c] = i
	}
	slices.SortStableFunc(offers, func(a, b *ent.Offer) int {
		if d := rank[a.Catalog] - rank[b.Catalog]; d != 0 {
			return d
		}
		return strings.Compare(text.SortKey(a.Name), text.SortKey(b.Name))
	})
}
