package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"partnerhub/ent/rule"
	"partnerhub/ent/schema/pulid"
)

// Tag is a partner's own label for customers.
type Tag struct{ ent.Schema }

// Mixin of the Tag.
func (Tag) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("tag"), TimeMixin{}, VersionMixin{}}
}

// Fields of the Tag.
func (Tag) Fields() []ent.Field {
	return []ent.Field{
		field.String("partner_id").GoType(pulid.ID("")).Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("name").Validate(rule.Length(1, 50)),
		field.String("color").Default("#6b7280").
			Validate(rule.Pattern(rule.ColorRe, "Use a colour such as #1f77b4.")),
	}
}

// Edges of the Tag.
func (Tag) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("partner", Partner.Type).Ref("tags").Field("partner_id").Unique().Required().Immutable(),
		edge.From("customers", Customer.Type).Ref("tags").Through("customer_tags", CustomerTag.Type).
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of the Tag: names are unique per partner.
func (Tag) Indexes() []ent.Index {
	return []ent.Index{index.Fields("partner_id", "name").Unique()}
}

// Annotations of the Tag.
func (Tag) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}
