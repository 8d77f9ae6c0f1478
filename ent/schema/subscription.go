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

// Subscription is a customer's use of an offer bought through a partner (domain.md §8).
type Subscription struct{ ent.Schema }

// Mixin of the Subscription.
func (Subscription) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("sub"), TimeMixin{Sortable: true}, VersionMixin{}}
}

// Fields of the Subscription.
func (Subscription) Fields() []ent.Field {
	return []ent.Field{
		field.String("partner_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("customer_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("offer_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("order_id").GoType(pulid.ID("")).Optional().Nillable().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("quantity").Positive(),
		field.Time("term_end").SchemaType(TimeColumn).Annotations(entgql.OrderField("TERM_END")).
			Comment("When the current term ends: it renews then (auto-renew) or expires."),
		field.Bool("auto_renew").Default(true),
		field.Enum("status").Values("ACTIVE", "SUSPENDED", "CANCELLED", "EXPIRED").Default("ACTIVE"),
		field.Int("renewals").Default(0).NonNegative().Comment("How many times the term has renewed."),
	}
}

// Edges of the Subscription.
func (Subscription) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("subscriptions").Field("customer_id").Unique().Required().Immutable(),
		edge.To("offer", Offer.Type).Field("offer_id").Unique().Required().Immutable(),
		edge.From("order", Order.Type).Ref("subscriptions").Field("order_id").Unique().Immutable(),
	}
}

// Indexes of the Subscription: a customer's subscriptions with a partner, and the renewal worker's
// queue (due terms).
func (Subscription) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("partner_id", "customer_id", "status"),
		index.Fields("status", "term_end"),
	}
}

// Annotations of the Subscription.
func (Subscription) Annotations() []schema.Annotation {
	return []schema.Annotation{
		// "Subscription" is GraphQL's root type of subscription operations.
		entgql.Type("CustomerSubscription"),
		entgql.RelayConnection(),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
	}
}
