package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"partnerhub/ent/schema/pulid"
)

// Offer is something partners sell from a catalog (domain.md §8): a product with a term and a billing
// frequency. The catalog is Partnerhub's (the same for every partner).
type Offer struct{ ent.Schema }

// Mixin of the Offer.
func (Offer) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ofr"), TimeMixin{}}
}

// Fields of the Offer.
func (Offer) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("catalog").Values("AZURE", "MARKETPLACE", "SOFTWARE", "ONLINE_SERVICES"),
		field.String("sku").Unique().Comment("The product's catalog ID, such as CFQ7TTC0LH18:0001."),
		field.String("name").NotEmpty(),
		field.String("publisher").Default("Microsoft"),
		field.Int("term_months").Positive().Comment("The subscription term: 1, 12 or 36 months."),
		field.Enum("billing_frequency").Values("MONTHLY", "ANNUAL", "ONE_TIME"),
		field.Int("min_quantity").Default(1).Positive(),
		field.Int("max_quantity").Default(10000).Positive(),
		field.Bool("active").Default(true).Comment("Whether it can be ordered now."),
	}
}

// Indexes of the Offer.
func (Offer) Indexes() []ent.Index {
	return []ent.Index{index.Fields("catalog", "name")}
}

// Annotations of the Offer.
func (Offer) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}
