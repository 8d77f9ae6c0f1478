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

// SearchPrefix is the first one or two characters of a customer's search terms (text.Prefixes), for
// one partner with an ACTIVE relationship with the customer, once per customer. A search word that
// short starts thousands of terms (5,700 customers' for "ab" among 200,000), which as a range of
// SearchTerm rows the database must read, de-duplicate and sort for any page; as an equality on this
// index they are already one row per customer in the list's order, so a page reads 21 rows and the
// total counts an index range (rule.SearchPage). Kept with the search terms by the rule package.
type SearchPrefix struct{ ent.Schema }

// Fields of the SearchPrefix.
func (SearchPrefix) Fields() []ent.Field {
	return []ent.Field{
		field.String("customer_id").GoType(pulid.ID("")),
		field.String("partner_id").GoType(pulid.ID("")).MaxLen(40),
		field.String("prefix").MaxLen(8).Comment("1 or 2 characters of a folded term (up to 8 bytes)."),
		field.String("sort_name").MaxLen(255).Comment("The customer's sort_name."),
	}
}

// Edges of the SearchPrefix.
func (SearchPrefix) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("search_prefixes").Field("customer_id").Unique().Required(),
	}
}

// Indexes of the SearchPrefix: the search's (partner, prefix) in the list's order by name, A to Z and
// Z to A (ties by customer ID ascending either way, as the list's cursors order them), and the
// customer's rows for rewriting them.
func (SearchPrefix) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("partner_id", "prefix", "sort_name", "customer_id").Unique().StorageKey(rule.SearchPrefixIndex(false)),
		index.Fields("partner_id", "prefix", "sort_name", "customer_id").StorageKey(rule.SearchPrefixIndex(true)).
			Annotations(entsql.DescColumns("sort_name")),
		index.Fields("customer_id", "partner_id"),
	}
}

// Annotations of the SearchPrefix.
func (SearchPrefix) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
