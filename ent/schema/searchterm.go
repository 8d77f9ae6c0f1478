package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"partnerhub/ent/schema/pulid"
)

// SearchTerm is one folded word of a customer's names, domain or Microsoft ID, for one partner that has
// an ACTIVE relationship with the customer. The list's search box matches the start of any word by a
// prefix range scan over the viewer partner's terms (see text.Terms): the scan stays within the
// partner, however many customers other partners have. Each term carries its customer's sort key, so a
// search by name finds, sorts and counts its page from this table's index alone and reads only the
// page's customers (rule.SearchPage). The rule package keeps them in step with the customer's names and
// the partner's relationships.
type SearchTerm struct{ ent.Schema }

// Fields of the SearchTerm.
func (SearchTerm) Fields() []ent.Field {
	return []ent.Field{
		field.String("customer_id").GoType(pulid.ID("")),
		field.String("partner_id").GoType(pulid.ID("")).MaxLen(40),
		field.String("term").MaxLen(64),
		field.String("sort_name").MaxLen(255).Default("").
			Comment("The customer's sort_name, so that a search sorts its matches without reading them."),
	}
}

// Edges of the SearchTerm.
func (SearchTerm) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("search_terms").Field("customer_id").Unique().Required(),
	}
}

// Indexes of the SearchTerm.
func (SearchTerm) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("partner_id", "term", "customer_id", "sort_name"),
		index.Fields("customer_id", "partner_id", "term").Unique(),
	}
}

// Annotations of the SearchTerm.
func (SearchTerm) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
