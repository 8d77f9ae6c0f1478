package schema

import (
	"context"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	gen "partnerhub/ent"
	"partnerhub/ent/intercept"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/tag"
)

// Tag is a partner's own label for customers.
type Tag struct{ ent.Schema }

// Mixin of the Tag.
func (Tag) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("tag"), TimeMixin{}, VersionMixin{}}
}

// Fields of the Tag.
func (Tag) Fields() []ent.Field {
	return []ent.Field{
		field.String("partner_id").GoType(pulid.ID("")).Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("name").Validate(rule.Length(1, 50)),
		field.String("color").Default("#6b7280").
			Validate(rule.Pattern(rule.ColorRe, "Use a colour such as #1f77b4.")),
	}
}

// Edges of the Tag.
func (Tag) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("partner", Partner.Type).Ref("tags").Field("partner_id").Unique().Required().Immutable(),
		edge.From("customers", Customer.Type).Ref("tags").Through("customer_tags", CustomerTag.Type).
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of the Tag: names are unique per partner.
func (Tag) Indexes() []ent.Index {
	return []ent.Index{index.Fields("partner_id", "name").Unique()}
}

// Annotations of the Tag.
func (Tag) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}

// Interceptors of the Tag: tags read as rows (a customer's tags, eager-loaded or traversed, and any
// list of tags) come by name, then ID, after whatever order the query asks for, so a customer's tag
// chips keep their places from one load to the next (without it the order was the database plan's).
// Counts, ID lists and selections are left alone: they have no use for an order, and on MySQL a
// DISTINCT selection cannot be ordered by a column it does not select.
func (Tag) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{
		ent.InterceptFunc(func(next ent.Querier) ent.Querier {
			return intercept.TagFunc(func(ctx context.Context, q *gen.TagQuery) (gen.Value, error) {
				if qc := ent.QueryFromContext(ctx); qc == nil ||
					qc.Op == ent.OpQueryAll || qc.Op == ent.OpQueryFirst || qc.Op == ent.OpQueryOnly {
					q.Order(tag.ByName(), tag.ByID())
				}
				return next.Query(ctx, q)
			})
		}),
	}
}
