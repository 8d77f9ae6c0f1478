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

// User is a member of a partner's staff.
type User struct{ ent.Schema }

// Mixin of the User.
func (User) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("usr"), TimeMixin{}, VersionMixin{}}
}

// Fields of the User.
func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("partner_id").GoType(pulid.ID("")).Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("email").NotEmpty().MaxLen(254).Unique(),
		field.String("name").NotEmpty().MaxLen(120),
		field.JSON("roles", []enum.Role{}).Annotations(entgql.Type("[Role!]")),
		field.Bool("active").Default(true),
		field.String("password_hash").Optional().Sensitive().
			Comment("argon2id hash in PHC form; empty until the invitation is accepted.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("failed_sign_ins").Default(0).NonNegative().
			Comment("Failed sign-ins since the last success; sign-in slows, then locks.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("locked_until").Optional().Nillable().SchemaType(TimeColumn).
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("last_sign_in_at").Optional().Nillable().SchemaType(TimeColumn),
	}
}

// Edges of the User.
func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("partner", Partner.Type).Ref("users").Field("partner_id").Unique().Required().Immutable(),
		edge.To("sessions", Session.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Annotations of the User.
func (User) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}
