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

// Relationship ties one partner to one customer (domain.md §3).
type Relationship struct{ ent.Schema }

// Mixin of the Relationship.
func (Relationship) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("rel"), TimeMixin{}, VersionMixin{}}
}

// Fields of the Relationship.
func (Relationship) Fields() []ent.Field {
	return []ent.Field{
		field.String("partner_id").GoType(pulid.ID("")).Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("customer_id").GoType(pulid.ID("")).Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("type").Values("DIRECT_BILL", "INDIRECT_PROVIDER", "INDIRECT_RESELLER", "ADVISOR").Immutable(),
		field.Enum("status").Values("PENDING", "ACTIVE", "REMOVED").Default("ACTIVE"),
		field.String("associated_partner_id").GoType(pulid.ID("")).Optional().Nillable().Immutable().
			Comment("For indirect types: the provider's reseller, or the reseller's provider.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Bool("delegated_admin").Default(false).
			Comment("Whether delegated admin privileges were included."),
		field.Time("started_at").Optional().Nillable().SchemaType(TimeColumn).
			Comment("When the relationship became ACTIVE."),
		field.String("request_secret_hash").Optional().Nillable().Unique().Immutable().Sensitive().
			Comment("A PENDING relationship is a request: the SHA-256 of its invitation link's secret.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("request_expires_at").Optional().Nillable().SchemaType(TimeColumn).
			Comment("When a request's link stops working (90 days after it is sent)."),
		field.Time("removed_at").Optional().Nillable().SchemaType(TimeColumn),
	}
}

// Edges of the Relationship.
func (Relationship) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("partner", Partner.Type).Ref("relationships").Field("partner_id").Unique().Required().Immutable(),
		edge.From("customer", Customer.Type).Ref("relationships").Field("customer_id").Unique().Required().Immutable(),
		edge.To("associated_partner", Partner.Type).Field("associated_partner_id").Unique().Immutable(),
	}
}

// Indexes of the Relationship: the list filters by (partner, status) and (partner, reseller). (The
// list's sorts read ListEntry, not relationships.) A customer's relationships are found by customer
// first, with status and type in the index, so that a page's relationships and the row-wise
// visibility check (rule.RowwiseVisible) read nothing but the index.
func (Relationship) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("partner_id", "status", "customer_id"),
		index.Fields("customer_id", "partner_id", "status", "type"),
		index.Fields("partner_id", "associated_partner_id"),
	}
}

// Annotations of the Relationship.
func (Relationship) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}
