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

// Invitation invites someone to join a partner's staff. Its link carries a secret; accepting it sets the
// new user's password. It expires.
type Invitation struct{ ent.Schema }

// Mixin of the Invitation.
func (Invitation) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("inv"), TimeMixin{}}
}

// Fields of the Invitation.
func (Invitation) Fields() []ent.Field {
	return []ent.Field{
		field.String("partner_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("user_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("The invited user, inactive until the invitation is accepted."),
		field.String("invited_by_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("email").Immutable(),
		field.JSON("roles", []enum.Role{}).Immutable().Annotations(entgql.Type("[Role!]")),
		field.String("secret_hash").Unique().Immutable().Sensitive().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("expires_at").SchemaType(TimeColumn),
		field.Time("accepted_at").Optional().Nillable().SchemaType(TimeColumn),
	}
}

// Edges of the Invitation.
func (Invitation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("partner", Partner.Type).Field("partner_id").Unique().Required().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("user", User.Type).Field("user_id").Unique().Required().Immutable(),
		edge.To("invited_by", User.Type).Field("invited_by_id").Unique().Required().Immutable(),
	}
}

// Annotations of the Invitation.
func (Invitation) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}
