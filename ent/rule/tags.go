package rule

import (
	"context"
	"fmt"
	"slices"

	"entgo.io/ent/dialect/sql"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/customertag"
	"partnerhub/ent/hook"
	"partnerhub/ent/privacy"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/searchprefix"
	"partnerhub/ent/tag"
	"partnerhub/ent/tagprefix"
	"partnerhub/ent/viewer"
)

// Limits of one tag operation and of a customer's tags (domain.md §4, §6).
const (
	MaxTagsPerCustomer   = 150
	MaxCustomersPerTagOp = 500
	MaxTagsPerTagOp      = 50
)

type tagWriteKey struct{}

// AllowTagWrites lets CustomerTag rows be created only from AddTags, which checks what they refer to.
func AllowTagWrites() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if ctx.Value(tagWriteKey{}) != nil {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// AddTags puts every tag on every customer (those already there stay as they are). The tags must be the
// viewer's and the customers visible to it; no customer may end with more than MaxTagsPerCustomer of
// the partner's tags. Run it in a transaction: on error nothing should be kept.
func AddTags(ctx context.Context, client *ent.Client, customerIDs, tagIDs []pulid.ID) error {
	customerIDs, tagIDs, err := checkTagOp(ctx, client, customerIDs, tagIDs)
	if err != nil {
		return err
	}
	existing, err := client.CustomerTag.Query().
		Where(customertag.CustomerIDIn(customerIDs...), customertag.TagIDIn(tagIDs...)).All(ctx)
	if err != nil {
		return err
	}
	type pair struct{ c, t pulid.ID }
	have := make(map[pair]bool, len(existing))
	for _, ct := range existing {
		have[pair{ct.CustomerID, ct.TagID}] = true
	}
	var builders []*ent.CustomerTagCreate
	for _, c := range customerIDs {
		for _, t := range tagIDs {
			if !have[pair{c, t}] {
				builders = append(builders, client.CustomerTag.Create().SetCustomerID(c).SetTagID(t))
			}
		}
	}
	if len(builders) == 0 {
		return nil
	}
	if err := client.CustomerTag.CreateBulk(builders...).Exec(context.WithValue(ctx, tagWriteKey{}, true)); err != nil {
		return err
	}
	if err := indexTags(ctx, client, customerIDs, tagIDs); err != nil {
		return err
	}
	added := map[pulid.ID][]string{}
	for _, b := range builders {
		m := b.Mutation()
		c, _ := m.CustomerID()
		t, _ := m.TagID()
		added[c] = append(added[c], string(t))
	}
	for c, tags := range added {
		if err := Note(ctx, client, Change{Type: "CustomerTag", ID: string(c), CustomerID: c,
			After: map[string]any{"addedTagIDs": tags}}); err != nil {
			return err
		}
	}
	var counts []struct {
		CustomerID pulid.ID `json:"customer_id"`
		Count      int      `json:"count"`
	}
	err = client.CustomerTag.Query().Where(customertag.CustomerIDIn(customerIDs...)).
		GroupBy(customertag.FieldCustomerID).Aggregate(ent.Count()).Scan(ctx, &counts)
	if err != nil {
		return err
	}
	for _, c := range counts {
		if c.Count > MaxTagsPerCustomer {
			return Errorf("tagIDs", CodeLimitExceeded, "A customer can carry at most %d of your tags.", MaxTagsPerCustomer)
		}
	}
	return nil
}

// RemoveTags takes the tags off the customers; tags a customer does not carry are ignored.
func RemoveTags(ctx context.Context, client *ent.Client, customerIDs, tagIDs []pulid.ID) error {
	customerIDs, tagIDs, err := checkTagOp(ctx, client, customerIDs, tagIDs)
	if err != nil {
		return err
	}
	links, err := client.CustomerTag.Query().
		Where(customertag.CustomerIDIn(customerIDs...), customertag.TagIDIn(tagIDs...)).All(ctx)
	if err != nil || len(links) == 0 {
		return err
	}
	if _, err = client.CustomerTag.Delete().
		Where(customertag.CustomerIDIn(customerIDs...), customertag.TagIDIn(tagIDs...)).Exec(context.WithValue(ctx, tagWriteKey{}, true)); err != nil {
		return err
	}
	if _, err := client.TagPrefix.Delete().
		Where(tagprefix.CustomerIDIn(customerIDs...), tagprefix.TagIDIn(tagIDs...)).Exec(viewer.SystemContext(ctx)); err != nil {
		return err
	}
	removed := map[pulid.ID][]string{}
	for _, l := range links {
		removed[l.CustomerID] = append(removed[l.CustomerID], string(l.TagID))
	}
	for c, tags := range removed {
		if err := Note(ctx, client, Change{Type: "CustomerTag", ID: string(c), CustomerID: c,
			Before: map[string]any{"removedTagIDs": tags}}); err != nil {
			return err
		}
	}
	return nil
}

// checkTagOp deduplicates the IDs and checks that the viewer sees every customer and owns every tag.
func checkTagOp(ctx context.Context, client *ent.Client, customerIDs, tagIDs []pulid.ID) ([]pulid.ID, []pulid.ID, error) {
	customerIDs, tagIDs = dedupe(customerIDs), dedupe(tagIDs)
	switch {
	case len(customerIDs) == 0:
		return nil, nil, Errorf("customerIDs", CodeRequired, "Choose at least one customer.")
	case len(tagIDs) == 0:
		return nil, nil, Errorf("tagIDs", CodeRequired, "Choose at least one tag.")
	case len(customerIDs) > MaxCustomersPerTagOp:
		return nil, nil, Errorf("customerIDs", CodeLimitExceeded, "Tag at most %d customers at a time.", MaxCustomersPerTagOp)
	case len(tagIDs) > MaxTagsPerTagOp:
		return nil, nil, Errorf("tagIDs", CodeLimitExceeded, "Use at most %d tags at a time.", MaxTagsPerTagOp)
	}
	n, err := client.Tag.Query().Where(tag.IDIn(tagIDs...)).Count(ctx)
	if err != nil {
		return nil, nil, err
	}
	if n != len(tagIDs) {
		return nil, nil, Errorf("tagIDs", CodeNotFound, "One or more of these tags do not exist.")
	}
	n, err = client.Customer.Query().Where(customer.IDIn(customerIDs...)).Count(ctx)
	if err != nil {
		return nil, nil, err
	}
	if n != len(customerIDs) {
		return nil, nil, Errorf("customerIDs", CodeNotFound, "One or more of these customers do not exist.")
	}
	return customerIDs, tagIDs, nil
}

func dedupe(ids []pulid.ID) []pulid.ID {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}

// DeleteTag deletes one of the viewer's tags and takes it off every customer, noting each removal.
func DeleteTag(ctx context.Context, client *ent.Client, id pulid.ID) error {
	links, err := client.CustomerTag.Query().Where(customertag.TagID(id)).All(ctx)
	if err != nil {
		return err
	}
	if _, err := client.CustomerTag.Delete().Where(customertag.TagID(id)).Exec(context.WithValue(ctx, tagWriteKey{}, true)); err != nil {
		return err
	}
	if _, err := client.TagPrefix.Delete().Where(tagprefix.TagID(id)).Exec(viewer.SystemContext(ctx)); err != nil {
		return err
	}
	for _, l := range links {
		if err := Note(ctx, client, Change{Type: "CustomerTag", ID: string(l.CustomerID), CustomerID: l.CustomerID,
			Before: map[string]any{"removedTagIDs": []string{string(id)}}}); err != nil {
			return err
		}
	}
	return client.Tag.DeleteOneID(id).Exec(ctx)
}

// TagLinks keeps the tag prefixes (schema.TagPrefix) with the tag links. rule.AddTags, rule.RemoveTags
// and rule.DeleteTag keep them for many links at once (and mark their context so); a link created
// elsewhere (seeding) gets its tag prefixes here, one link at a time, and a bulk load writes them with
// the other derived data (IndexCustomers). A link deleted elsewhere would leave its tag prefixes
// behind, so that is refused.
func TagLinks() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.CustomerTagFunc(func(ctx context.Context, m *ent.CustomerTagMutation) (ent.Value, error) {
			if ctx.Value(tagWriteKey{}) != nil || isBulk(ctx) {
				return next.Mutate(ctx, m)
			}
			if !m.Op().Is(ent.OpCreate) {
				return nil, fmt.Errorf("rule: tag links are removed by rule.RemoveTags or rule.DeleteTag, which keep their tag prefixes")
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return nil, err
			}
			c, _ := m.CustomerID()
			t, _ := m.TagID()
			return v, indexTags(ctx, m.Client(), []pulid.ID{c}, []pulid.ID{t})
		})
	}
}

// TagEdges refuses tag links put on or taken off through an edge of the customer ("tags") or of the
// tag ("customers"): ent writes those rows itself, past the CustomerTag's hooks and privacy, so they
// would get no tag prefixes (or leave theirs behind). rule.AddTags, rule.RemoveTags and rule.DeleteTag
// are the ways to change them.
func TagEdges(edge string) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if ctx.Value(tagWriteKey{}) == nil && !isBulk(ctx) && (slices.Contains(m.AddedEdges(), edge) ||
				slices.Contains(m.RemovedEdges(), edge) || slices.Contains(m.ClearedEdges(), edge)) {
				return nil, fmt.Errorf("rule: tags are put on customers by rule.AddTags and taken off by rule.RemoveTags, which keep their tag prefixes, not through the %s edge of the %s", edge, m.Type())
			}
			return next.Mutate(ctx, m)
		})
	}
}

// tagLink is a tag link with the tag's partner.
type tagLink struct {
	CustomerID pulid.ID `json:"customer_id"`
	TagID      pulid.ID `json:"tag_id"`
	PartnerID  pulid.ID `json:"partner_id"`
}

// tagLinks returns the tag links of the customers (to the tags given, or to any tag) with each tag's
// partner, in one statement.
func tagLinks(ctx context.Context, client *ent.Client, customerIDs, tagIDs []pulid.ID) ([]tagLink, error) {
	q := client.CustomerTag.Query().Where(customertag.CustomerIDIn(customerIDs...))
	if len(tagIDs) > 0 {
		q.Where(customertag.TagIDIn(tagIDs...))
	}
	var links []tagLink
	err := q.Modify(func(s *sql.Selector) {
		t := sql.Table(tag.Table).As("link_tag")
		s.Join(t).On(s.C(customertag.FieldTagID), t.C(tag.FieldID))
		s.Select(s.C(customertag.FieldCustomerID), s.C(customertag.FieldTagID), sql.As(t.C(tag.FieldPartnerID), "partner_id"))
	}).Scan(viewer.SystemContext(ctx), &links)
	return links, err
}

// indexTags (re)writes the tag prefixes of the links between the customers and the tags: the search
// prefixes of each linked customer for its tag's partner, with the tag.
func indexTags(ctx context.Context, client *ent.Client, customerIDs, tagIDs []pulid.ID) error {
	sys := viewer.SystemContext(ctx)
	if _, err := client.TagPrefix.Delete().Where(tagprefix.CustomerIDIn(customerIDs...), tagprefix.TagIDIn(tagIDs...)).Exec(sys); err != nil {
		return err
	}
	links, err := tagLinks(sys, client, customerIDs, tagIDs)
	if err != nil || len(links) == 0 {
		return err
	}
	prefixes, err := client.SearchPrefix.Query().Where(searchprefix.CustomerIDIn(customerIDs...)).All(sys)
	if err != nil {
		return err
	}
	of := map[[2]pulid.ID][]*ent.SearchPrefix{} // (customer, partner) → prefixes
	for _, sp := range prefixes {
		k := [2]pulid.ID{sp.CustomerID, sp.PartnerID}
		of[k] = append(of[k], sp)
	}
	var rows []*ent.TagPrefixCreate
	for _, l := range links {
		for _, sp := range of[[2]pulid.ID{l.CustomerID, l.PartnerID}] {
			rows = append(rows, client.TagPrefix.Create().SetCustomerID(l.CustomerID).SetPartnerID(l.PartnerID).
				SetTagID(l.TagID).SetPrefix(sp.Prefix).SetSortName(sp.SortName))
		}
	}
	for len(rows) > 0 {
		n := min(len(rows), rowsPerInsert)
		if err := client.TagPrefix.CreateBulk(rows[:n]...).Exec(sys); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}
