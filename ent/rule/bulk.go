package rule

import (
	"context"
	"slices"

	"entgo.io/ent/dialect/sql"

	"partnerhub/ent"
	"partnerhub/ent/relationship"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/text"
	"partnerhub/ent/viewer"
)

// Bulk loading (seeding a large data set, a future import) cannot afford the per-row statements the
// hooks spend on derived data. In a BulkLoad context the hooks defer it, and the loader must, for every
// batch, create customers with their display name equal to the billing profile's company name, call
// IndexCustomers for them, and call Recount once at the end. Validators and privacy still apply.

type bulkKey struct{}

// BulkLoad returns a system context in which derived data is deferred (see above).
func BulkLoad(ctx context.Context) context.Context {
	return context.WithValue(viewer.SystemContext(ctx), bulkKey{}, true)
}

func isBulk(ctx context.Context) bool { return ctx.Value(bulkKey{}) != nil }

// IndexCustomers writes the search terms of customers (the words of their names, domain and Microsoft
// ID), their prefixes, and their list entries (their sort keys) for each partner with an ACTIVE relationship with them;
// the hooks call it for each change, bulk loaders for each batch, after its relationships.
func IndexCustomers(ctx context.Context, client *ent.Client, customers []*ent.Customer) error {
	if len(customers) == 0 {
		return nil
	}
	ctx = viewer.SystemContext(ctx)
	ids := make([]pulid.ID, len(customers))
	for i, c := range customers {
		ids[i] = c.ID
	}
	rels, err := client.Relationship.Query().
		Where(relationship.CustomerIDIn(ids...), relationship.StatusEQ(relationship.StatusACTIVE)).
		Select(relationship.FieldCustomerID, relationship.FieldPartnerID).All(ctx)
	if err != nil {
		return err
	}
	partners := map[pulid.ID][]pulid.ID{}
	for _, r := range rels {
		if !slices.Contains(partners[r.CustomerID], r.PartnerID) {
			partners[r.CustomerID] = append(partners[r.CustomerID], r.PartnerID)
		}
	}
	return writeTermsFor(ctx, client, partners, customers)
}

// rowsPerInsert caps the rows of one INSERT of derived data.
const rowsPerInsert = 2000

// writeTermsFor writes each customer's search terms and prefixes, its list entries, and the tag
// prefixes of its tags, for the partners given for it (a partner's tags only).
func writeTermsFor(ctx context.Context, client *ent.Client, partners map[pulid.ID][]pulid.ID, customers []*ent.Customer) error {
	ids := make([]pulid.ID, 0, len(customers))
	for _, c := range customers {
		if len(partners[c.ID]) > 0 {
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	links, err := tagLinks(ctx, client, ids, nil)
	if err != nil {
		return err
	}
	tagsOf := map[[2]pulid.ID][]pulid.ID{} // (customer, partner) → tags
	for _, l := range links {
		k := [2]pulid.ID{l.CustomerID, l.PartnerID}
		tagsOf[k] = append(tagsOf[k], l.TagID)
	}
	var terms []*ent.SearchTermCreate
	var prefixes []*ent.SearchPrefixCreate
	var tagged []*ent.TagPrefixCreate
	var entries []*ent.ListEntryCreate
	flush := func(all bool) error {
		if len(terms) > 0 && (all || len(terms) >= rowsPerInsert) {
			if err := client.SearchTerm.CreateBulk(terms...).Exec(ctx); err != nil {
				return err
			}
			terms = terms[:0]
		}
		if len(prefixes) > 0 && (all || len(prefixes) >= rowsPerInsert) {
			if err := client.SearchPrefix.CreateBulk(prefixes...).Exec(ctx); err != nil {
				return err
			}
			prefixes = prefixes[:0]
		}
		if len(tagged) > 0 && (all || len(tagged) >= rowsPerInsert) {
			if err := client.TagPrefix.CreateBulk(tagged...).Exec(ctx); err != nil {
				return err
			}
			tagged = tagged[:0]
		}
		if len(entries) > 0 && (all || len(entries) >= rowsPerInsert) {
			if err := client.ListEntry.CreateBulk(entries...).Exec(ctx); err != nil {
				return err
			}
			entries = entries[:0]
		}
		return nil
	}
	for _, c := range customers {
		if len(partners[c.ID]) == 0 {
			continue
		}
		ts := text.Terms(c.CompanyName, c.DisplayName, c.PrimaryDomain, c.MicrosoftID)
		ps := text.Prefixes(ts)
		for _, p := range partners[c.ID] {
			entries = append(entries, client.ListEntry.Create().SetCustomerID(c.ID).SetPartnerID(p).SetSortName(c.SortName).
				SetCustomerCreatedAt(c.CreatedAt).SetCountry(c.Country).SetPrimaryDomain(c.PrimaryDomain))
			for _, t := range ts {
				terms = append(terms, client.SearchTerm.Create().SetCustomerID(c.ID).SetPartnerID(p).SetTerm(t).SetSortName(c.SortName))
			}
			for _, x := range ps {
				prefixes = append(prefixes, client.SearchPrefix.Create().SetCustomerID(c.ID).SetPartnerID(p).SetPrefix(x).SetSortName(c.SortName))
				for _, t := range tagsOf[[2]pulid.ID{c.ID, p}] {
					tagged = append(tagged, client.TagPrefix.Create().SetCustomerID(c.ID).SetPartnerID(p).SetTagID(t).SetPrefix(x).SetSortName(c.SortName))
				}
			}
			if err := flush(false); err != nil {
				return err
			}
		}
	}
	return flush(true)
}

// Recount recomputes every partner's customer_count from its ACTIVE relationships.
func Recount(ctx context.Context, client *ent.Client) error {
	ctx = viewer.SystemContext(ctx)
	var rows []struct {
		PartnerID pulid.ID `json:"partner_id"`
		Count     int      `json:"count"`
	}
	err := client.Relationship.Query().Where(relationship.StatusEQ(relationship.StatusACTIVE)).
		GroupBy(relationship.FieldPartnerID).
		Aggregate(func(s *sql.Selector) string {
			return sql.As(sql.Count(sql.Distinct(s.C(relationship.FieldCustomerID))), "count")
		}).
		Scan(ctx, &rows)
	if err != nil {
		return err
	}
	if _, err := client.Partner.Update().SetCustomerCount(0).Save(ctx); err != nil {
		return err
	}
	for _, r := range rows {
		if err := client.Partner.UpdateOneID(r.PartnerID).SetCustomerCount(r.Count).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}
