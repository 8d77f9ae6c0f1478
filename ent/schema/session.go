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

// Session is a signed-in user's session: a browser cookie (COOKIE) or an access token for the mobile
// app and API clients (TOKEN). Only a hash of its secret is stored; any replica can check it.
type Session struct{ ent.Schema }

// Mixin of the Session.
func (Session) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ses"), TimeMixin{}}
}

// Fields of the Session.
func (Session) Fields() []ent.Field {
	return []ent.Field{
		field.String("user_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("kind").Values("COOKIE", "TOKEN").Immutable(),
		field.String("name").Optional().MaxLen(100).
			Comment("What an access token is for, such as \"iPhone\"; set by its owner."),
		field.String("secret_hash").Unique().Immutable().Sensitive().
			Comment("SHA-256 of the secret, hex.").Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("expires_at").SchemaType(TimeColumn),
		field.Time("last_used_at").SchemaType(TimeColumn),
		field.Time("revoked_at").Optional().Nillable().SchemaType(TimeColumn),
	}
}

// Edges of the Session.
func (Session) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("sessions").Field("user_id").Unique().Required().Immutable(),
	}
}

// Indexes of the Session.
func (Session) Indexes() []ent.Index {
	return []ent.Index{index.Fields("user_id", "kind")}
}

// Annotations of the Session.
func (Session) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}
