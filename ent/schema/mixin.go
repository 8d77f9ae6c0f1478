package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"
)

// TimeMixin records when a row was created and last updated.
type TimeMixin struct {
	mixin.Schema
	// Sortable makes CREATED_AT an order field of the type's connection.
	Sortable bool
}

// Fields of the TimeMixin.
func (m TimeMixin) Fields() []ent.Field {
	created := field.Time("created_at").Immutable().Default(time.Now).
		Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))
	if m.Sortable {
		created.Annotations(entgql.OrderField("CREATED_AT"))
	}
	return []ent.Field{
		created,
		field.Time("updated_at").Default(time.Now).UpdateDefault(time.Now).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// VersionMixin gives an editable record a version for optimistic concurrency: an update that names the
// version it was based on is refused with CONFLICT when the record has moved on (see rule.Versioned).
type VersionMixin struct{ mixin.Schema }

// Fields of the VersionMixin.
func (VersionMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Int("version").Default(1).NonNegative().
			Comment("Incremented by every update; updates from clients must name the version they saw.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
	}
}
