package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"partnerhub/ent/rule"
	"partnerhub/ent/schema/pulid"
)

// ListEntry is one customer in one partner's list: there is one for each customer the partner has an
// ACTIVE relationship with, carrying a copy of the customer's sort keys. Its indexes give each sort of
// the partner's whole list, each way, as a range of the partner's own entries (rule.ListPage), so a
// page costs the same whatever the partner's share of all customers and wherever its customers fall in
// the order of all customers. The keys live in their own narrow table rather than on relationships
// because every index on (partner, …) of relationships is one more for the optimizer to weigh in every
// statement that reads relationships by partner. The rule package keeps the entries in step with the
// relationships and the customer (with the search terms, whose life they share).
type ListEntry struct{ ent.Schema }

// Fields of the ListEntry.
func (ListEntry) Fields() []ent.Field {
	return []ent.Field{
		field.String("customer_id").GoType(pulid.ID("")),
		field.String("partner_id").GoType(pulid.ID("")).MaxLen(40),
		field.String("sort_name").MaxLen(255).Comment("The customer's sort_name."),
		field.Time("customer_created_at").SchemaType(TimeColumn).Comment("The customer's created_at."),
		field.String("country").Comment("The customer's country."),
		field.String("primary_domain").MaxLen(43).Comment("The customer's primary_domain."),
	}
}

// Edges of the ListEntry.
func (ListEntry) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("list_entries").Field("customer_id").Unique().Required(),
	}
}

// Indexes of the ListEntry: one customer per partner, and each sort key both ways (ties by customer ID
// ascending either way, as the list's cursors order them; see Customer.Indexes).
func (ListEntry) Indexes() []ent.Index {
	idx := []ent.Index{index.Fields("customer_id", "partner_id").Unique()}
	for _, key := range []string{"sort_name", "customer_created_at", "country", "primary_domain"} {
		idx = append(idx, index.Fields("partner_id", key, "customer_id").StorageKey(rule.ListEntryIndex(key, false)),
			index.Fields("partner_id", key, "customer_id").StorageKey(rule.ListEntryIndex(key, true)).
				Annotations(entsql.DescColumns(key)))
	}
	return idx
}

// Annotations of the ListEntry.
func (ListEntry) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
