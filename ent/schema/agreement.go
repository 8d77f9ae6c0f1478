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

// Agreement records that a partner user confirmed the customer accepted the Microsoft Customer
// Agreement (domain.md §2): the customer's primary contact, the date agreed, who confirmed and when.
type Agreement struct{ ent.Schema }

// Mixin of the Agreement.
func (Agreement) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("agr"), TimeMixin{}}
}

// Fields of the Agreement.
func (Agreement) Fields() []ent.Field {
	return []ent.Field{
		field.String("customer_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("partner_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("confirmed_by_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("first_name").Immutable(),
		field.String("last_name").Immutable(),
		field.String("email").Immutable(),
		field.String("email_key").Immutable().Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("The email folded to lower case: one confirmation per contact and customer."),
		field.String("phone_number").Optional().Immutable(),
		field.Time("date_agreed").Immutable().SchemaType(map[string]string{"mysql": "date"}).
			Comment("The day the customer agreed (not in the future)."),
	}
}

// Edges of the Agreement.
func (Agreement) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("agreements").Field("customer_id").Unique().Required().Immutable(),
		edge.To("confirmed_by", User.Type).Field("confirmed_by_id").Unique().Required().Immutable(),
	}
}

// Indexes of the Agreement.
func (Agreement) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id", "email_key").Unique()}
}

// Annotations of the Agreement.
func (Agreement) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}
