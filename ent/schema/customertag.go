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

// CustomerTag is a tag on a customer. Written only through rule.AddTags / rule.RemoveTags, which check
// that the tag is the viewer's and the customer's tag limit.
type CustomerTag struct{ ent.Schema }

// Fields of the CustomerTag.
func (CustomerTag) Fields() []ent.Field {
	return []ent.Field{
		field.String("customer_id").GoType(pulid.ID("")),
		field.String("tag_id").GoType(pulid.ID("")),
		field.Time("created_at").Default(Now).Immutable().SchemaType(TimeColumn),
	}
}

// Edges of the CustomerTag.
func (CustomerTag) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("customer", Customer.Type).Field("customer_id").Unique().Required(),
		edge.To("tag", Tag.Type).Field("tag_id").Unique().Required(),
	}
}

// Indexes of the CustomerTag: the tag filter looks customers up by tag.
func (CustomerTag) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tag_id", "customer_id")}
}

// Annotations of the CustomerTag.
func (CustomerTag) Annotations() []schema.Annotation {
	return []schema.Annotation{
		field.ID("customer_id", "tag_id"),
		entgql.Skip(entgql.SkipAll),
	}
}
