package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"partnerhub/ent/rule"
	"partnerhub/ent/schema/pulid"
)

// BillingProfile is a customer's bill-to name, billing contact and default address (one per customer).
type BillingProfile struct{ ent.Schema }

// Mixin of the BillingProfile.
func (BillingProfile) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("bil"), TimeMixin{}, VersionMixin{}}
}

// Fields of the BillingProfile.
func (BillingProfile) Fields() []ent.Field {
	return []ent.Field{
		field.String("customer_id").GoType(pulid.ID("")).Unique().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("company_name").Validate(rule.Length(2, 255)).
			Comment("The bill-to (friendly) name; changing it renames the customer in the list."),
		field.String("first_name").Validate(rule.Length(1, 40)),
		field.String("last_name").Validate(rule.Length(1, 40)),
		field.String("email").MaxLen(254).
			Validate(rule.Pattern(rule.EmailRe, "Use a valid email address, such as anna@contoso.com.")),
		field.String("culture").Validate(rule.Pattern(rule.CultureRe, "Use a culture such as pl-PL.")),
		field.String("language").Validate(rule.Pattern(rule.LanguageRe, "Use a two-letter language code, such as pl.")),
		field.String("address_line1").Validate(rule.Length(1, 200)),
		field.String("address_line2").Optional().MaxLen(200),
		field.String("city").Validate(rule.Length(1, 100)),
		field.String("state").Optional().MaxLen(100),
		field.String("postal_code").Optional().MaxLen(20),
		field.String("country").Validate(rule.Pattern(rule.CountryRe, "Use a two-letter ISO 3166 country code, such as PL.")),
		field.String("phone_number").Optional().MaxLen(32),
	}
}

// Edges of the BillingProfile.
func (BillingProfile) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("billing_profile").Field("customer_id").
			Unique().Required().Immutable(),
	}
}

// Annotations of the BillingProfile.
func (BillingProfile) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}
