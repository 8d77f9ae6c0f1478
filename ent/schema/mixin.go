package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"

	"partnerhub/ent/schema/clock"
)

// Now is clock.Now: the current time as stored.
var Now = clock.Now

// TimeColumn stores times with microseconds on MySQL (a plain timestamp keeps seconds and ends in 2038).
var TimeColumn = map[string]string{dialect.MySQL: "datetime(6)"}

// TimeMixin records when a row was created and last updated.
type TimeMixin struct {
	mixin.Schema
	// Sortable makes CREATED_AT an order field of the type's connection.
	Sortable bool
}

// Fields of the TimeMixin.
func (m TimeMixin) Fields() []ent.Field {
	created := field.Time("created_at").Immutable().Default(Now).SchemaType(TimeColumn).
		Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))
	if m.Sortable {
		created.Annotations(entgql.OrderField("CREATED_AT"))
	}
	return []ent.Field{
		created,
		field.Time("updated_at").Default(Now).UpdateDefault(Now).SchemaType(TimeColumn).
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
