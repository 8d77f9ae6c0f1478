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

// Activity records one change made by a partner's user (domain.md §9): when, who, which customer, what
// operation on which resource, the values before and after, and whether it succeeded. Records are
// written in the transaction of the change (failed attempts right after it is rolled back) and are
// never deleted.
type Activity struct{ ent.Schema }

// Mixin of the Activity.
func (Activity) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("act")}
}

// Fields of the Activity.
func (Activity) Fields() []ent.Field {
	return []ent.Field{
		field.Time("occurred_at").Default(Now).Immutable().SchemaType(TimeColumn).
			Annotations(entgql.OrderField("OCCURRED_AT")),
		field.String("partner_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("user_id").GoType(pulid.ID("")).Optional().Nillable().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("customer_id").GoType(pulid.ID("")).Optional().Nillable().Immutable().
			Comment("The customer the change concerns, when it concerns one.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("resource_type").
			Values("CUSTOMER", "BILLING_PROFILE", "RELATIONSHIP", "TAG", "CUSTOMER_TAGS", "AGREEMENT",
				"PERMISSIONS", "ORDER", "SUBSCRIPTION", "USER", "INVITATION").Immutable(),
		field.String("resource_id").Optional().Immutable().
			Comment("The ID of the changed record, or of the first one when several changed."),
		field.String("operation").Immutable().
			Comment("What was done: the API operation, such as updateBillingProfile."),
		field.JSON("before", map[string]any{}).Optional().Immutable().
			Annotations(entgql.Type("Map")).
			Comment("Changed values before the change, keyed resource.field."),
		field.JSON("after", map[string]any{}).Optional().Immutable().
			Annotations(entgql.Type("Map")).
			Comment("Changed values after the change, keyed resource.field."),
		field.Bool("succeeded").Immutable(),
		field.String("error_code").Optional().Nillable().Immutable().
			Comment("Why the change failed: a user-error code such as CONFLICT, or INTERNAL; null when it succeeded."),
		field.String("error_message").Optional().Nillable().Immutable().MaxLen(1000).
			Comment("What went wrong, in words; null when it succeeded."),
	}
}

// Edges of the Activity.
func (Activity) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("user", User.Type).Field("user_id").Unique().Immutable(),
		edge.To("customer", Customer.Type).Field("customer_id").Unique().Immutable().
			Comment("The customer, while the viewer's partner still sees it."),
	}
}

// Indexes of the Activity: the log is read by partner and date, optionally by customer or resource.
func (Activity) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("partner_id", "occurred_at", "id"),
		index.Fields("partner_id", "customer_id", "occurred_at"),
		index.Fields("partner_id", "resource_type", "occurred_at"),
	}
}

// Annotations of the Activity.
func (Activity) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
	}
}
