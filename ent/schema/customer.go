package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/google/uuid"

	"partnerhub/ent/rule"
	"partnerhub/ent/schema/pulid"
)

// Customer is an organisation (an Entra tenant) that partners sell to. It is shared: every partner with
// an ACTIVE relationship sees it, each with its own tags.
type Customer struct{ ent.Schema }

// Mixin of the Customer.
func (Customer) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("cus"), TimeMixin{Sortable: true}, VersionMixin{}}
}

// Fields of the Customer.
func (Customer) Fields() []ent.Field {
	return []ent.Field{
		field.String("microsoft_id").Unique().Immutable().
			DefaultFunc(func() string { return uuid.NewString() }).
			Validate(rule.Pattern(rule.GUIDRe, "Use a tenant ID in GUID form.")).
			Comment("The tenant ID, assigned when the customer is added."),
		field.String("company_name").
			Validate(rule.Length(2, 255)).
			Comment("The organisation's original (tenant) name; kept when the billing name changes."),
		field.String("display_name").
			Validate(rule.Length(2, 255)).
			Comment("The bill-to (friendly) name shown in the list; follows the billing profile's company name."),
		field.String("sort_name").MaxLen(255).
			Comment("display_name as text.SortKey (folded words): the key of the company-name sort.").
			Annotations(entgql.Skip(entgql.SkipType, entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput), entgql.OrderField("COMPANY_NAME")),
		field.String("primary_domain").Unique().Immutable().MaxLen(43).
			Validate(rule.Pattern(rule.PrimaryDomainRe, "Use 1 to 27 lower-case letters and digits before .onmicrosoft.com.")).
			Annotations(entgql.OrderField("DOMAIN")),
		field.String("country").
			Validate(rule.Pattern(rule.CountryRe, "Use a two-letter ISO 3166 country code, such as PL.")).
			Annotations(entgql.OrderField("COUNTRY")),
		field.String("language").
			Validate(rule.Pattern(rule.LanguageRe, "Use a two-letter language code, such as pl.")),
		field.String("culture").
			Validate(rule.Pattern(rule.CultureRe, "Use a culture such as pl-PL.")),
		field.String("registration_id").Optional().MaxLen(64).
			Comment("Company registration or tax ID (the INN in Russia)."),
		field.Enum("verification_status").Values("UNDER_REVIEW", "ALLOWED", "NOT_ALLOWED").Default("UNDER_REVIEW"),
		field.JSON("verification_reasons", []string{}).Optional().
			Comment("Why the customer is NOT_ALLOWED."),
		field.Time("verification_changed_at").Optional().Nillable().SchemaType(TimeColumn),
		field.Enum("qualification").
			Values("NONE", "EDUCATION", "NONPROFIT", "GOVERNMENT_COMMUNITY_CLOUD", "STATE_OWNED_ENTITY").
			Default("NONE"),
		field.Bool("allow_azure_reservations").Default(false).
			Comment("Whether the customer may purchase Azure reservations."),
		field.Bool("allow_azure_savings_plan").Default(false).
			Comment("Whether the customer may purchase Azure savings plans."),
		field.Enum("cost_visibility").Values("ALLOWED", "NOT_ALLOWED").Default("NOT_ALLOWED").
			Comment("Whether the customer's users may see Azure costs at retail rates."),
		field.Bool("default_gdap").Default(true).
			Comment("Whether a default granular delegated admin relationship was requested when added."),
		field.String("creation_key").Optional().Nillable().Unique().Immutable().MaxLen(200).
			Comment("The adding partner's idempotency key (partner ID, colon, key): a retried create finds the first customer.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("review_claimed_until").Optional().Nillable().SchemaType(TimeColumn).
			Comment("A verifier works on the customer until then (claims expire, so a crashed worker's customers are taken up again).").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Edges of the Customer.
func (Customer) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("billing_profile", BillingProfile.Type).Unique(),
		edge.To("relationships", Relationship.Type).
			Comment("Only the viewer partner's relationships with the customer."),
		edge.To("tags", Tag.Type).Through("customer_tags", CustomerTag.Type).
			Comment("Only the viewer partner's tags, by name."),
		edge.To("search_terms", SearchTerm.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("list_entries", ListEntry.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("search_prefixes", SearchPrefix.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("tag_prefixes", TagPrefix.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("orders", Order.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("subscriptions", Subscription.Type).
			Comment("The customer's subscriptions with the viewer's partner.").
			Annotations(entgql.RelayConnection()),
		edge.To("agreements", Agreement.Type).
			Comment("Customer agreement confirmations, newest first; only those the viewer's partner made."),
	}
}

// Indexes of the Customer: each list sort is (key, id), the keyset the cursors walk, in both
// directions. The cursors break ties by ID ascending whichever way the key goes, so Z to A needs
// (key DESC, id): walking (key, id) backwards gives the IDs of a tie in the wrong order, and the database
// would sort every customer instead.
func (Customer) Indexes() []ent.Index {
	desc := func(key string) ent.Index {
		return index.Fields(key, "id").StorageKey("customer_" + key + "_desc_id").Annotations(entsql.DescColumns(key))
	}
	return []ent.Index{
		index.Fields("sort_name", "id"),
		index.Fields("country", "id"),
		index.Fields("created_at", "id"),
		index.Fields("primary_domain", "id"),
		desc("sort_name"), desc("country"), desc("created_at"), desc("primary_domain"),
		index.Fields("verification_status", "review_claimed_until"),
	}
}

// Annotations of the Customer.
func (Customer) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.MultiOrder(),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
	}
}
