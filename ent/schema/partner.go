package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"partnerhub/ent/schema/enum"
	"partnerhub/ent/schema/pulid"
)

// Partner is one tenant of Partnerhub: a cloud-solution partner.
type Partner struct{ ent.Schema }

// Mixin of the Partner.
func (Partner) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ptn"), TimeMixin{}, VersionMixin{}}
}

// Fields of the Partner.
func (Partner) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(255),
		field.JSON("capacities", []enum.Capacity{}).
			Annotations(entgql.Type("[PartnerCapacity!]")),
		field.JSON("email_domains", []string{}).Optional().
			Comment("The partner's own email domains; customer contacts may not use them."),
		field.Int("customer_count").Default(0).NonNegative().
			Comment("Customers with an ACTIVE relationship to this partner, kept by the relationship hooks.").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Edges of the Partner.
func (Partner) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("users", User.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("tags", Tag.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("relationships", Relationship.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("resellers", Partner.Type).
			From("providers").
			Comment("An indirect provider's indirect resellers (and, inversely, a reseller's providers)."),
	}
}

// Annotations of the Partner.
func (Partner) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}
