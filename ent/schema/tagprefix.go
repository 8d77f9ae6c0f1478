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

// TagPrefix is a SearchPrefix of a customer that carries a tag, once per tag: the rows of the tag's
// partner's search prefixes for the customer, with the tag. A short word with a tag filter (the list
// screen's "ab" in the "Renewal Q3" tag) finds its customers as one range of this index, already in
// the list's order: the page reads 21 rows and the total counts the range (280 rows for "ab" in a tag
// on 9,800 of 200,000 customers), where the search prefixes alone would check the tag of each of the
// 5,700 customers whose words start with "ab". Kept with the search prefixes and the tag links by the
// rule package: it holds a row exactly when the customer carries the tag and the tag's partner has an
// ACTIVE relationship with the customer.
type TagPrefix struct{ ent.Schema }

// Fields of the TagPrefix.
func (TagPrefix) Fields() []ent.Field {
	return []ent.Field{
		field.String("customer_id").GoType(pulid.ID("")),
		field.String("partner_id").GoType(pulid.ID("")).MaxLen(40).Comment("The tag's partner."),
		field.String("tag_id").GoType(pulid.ID("")).MaxLen(40),
		field.String("prefix").MaxLen(8).Comment("1 or 2 characters of a folded term (up to 8 bytes)."),
		field.String("sort_name").MaxLen(255).Comment("The customer's sort_name."),
	}
}

// Edges of the TagPrefix.
func (TagPrefix) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("tag_prefixes").Field("customer_id").Unique().Required(),
	}
}

// Indexes of the TagPrefix: the search's (partner, tag, prefix) in the list's order by name, A to Z
// and Z to A (ties by customer ID ascending either way), and the customer's rows for rewriting them.
func (TagPrefix) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("partner_id", "tag_id", "prefix", "sort_name", "customer_id").Unique().StorageKey(rule.TagPrefixIndex(false)),
		index.Fields("partner_id", "tag_id", "prefix", "sort_name", "customer_id").StorageKey(rule.TagPrefixIndex(true)).
			Annotations(entsql.DescColumns("sort_name")),
		index.Fields("customer_id", "tag_id"),
	}
}

// Annotations of the TagPrefix.
func (TagPrefix) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
