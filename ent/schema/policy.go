package schema

// Privacy policies and hooks of every schema, in one place. The viewer rides in the context
// (ent/viewer); filters narrow every query, nested edge and update/delete to what the viewer's partner
// may see, so no resolver has to remember a WHERE clause. Creates are checked by hooks (rule package).

import (
	"entgo.io/ent"
	"entgo.io/ent/entql"

	"partnerhub/ent/hook"
	"partnerhub/ent/partner"
	"partnerhub/ent/privacy"
	"partnerhub/ent/relationship"
	"partnerhub/ent/rule"
	"partnerhub/ent/tag"
	"partnerhub/ent/viewer"
)

// visibleCustomer: the viewer's partner has an ACTIVE relationship with the customer.
func visibleCustomer(v *viewer.Viewer) entql.P {
	return entql.HasEdgeWith("relationships",
		entql.FieldEQ(relationship.FieldPartnerID, string(v.PartnerID)),
		entql.FieldEQ(relationship.FieldStatus, relationship.StatusACTIVE.String()),
	)
}

// policy is the usual policy: the system passes, a viewer is needed, and filter narrows every query,
// update and delete. first rules run before all that and bind the system too.
func policy(filter func(*viewer.Viewer, privacy.Filter) error, first ...privacy.MutationRule) ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.AllowSystem(), rule.Filter(filter), privacy.AlwaysAllowRule()},
		Mutation: append(append(privacy.MutationPolicy{}, first...),
			rule.AllowSystem(), rule.DenyWithoutViewer(), rule.Filter(filter), privacy.AlwaysAllowRule()),
	}
}

// Policy of the Partner: itself and the partners it sells with (providers, resellers); only the system
// changes partners.
func (Partner) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.AllowSystem(), rule.Filter(func(v *viewer.Viewer, f privacy.Filter) error {
			self := entql.FieldEQ(partner.FieldID, string(v.PartnerID))
			f.Where(entql.Or(self,
				entql.HasEdgeWith(partner.EdgeResellers, self),
				entql.HasEdgeWith(partner.EdgeProviders, self)))
			return nil
		}), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{rule.AllowSystem(), privacy.AlwaysDenyRule()},
	}
}

// Policy of the User: the users of the viewer's partner.
func (User) Policy() ent.Policy {
	return policy(func(v *viewer.Viewer, f privacy.Filter) error {
		f.Where(entql.FieldEQ("partner_id", string(v.PartnerID)))
		return nil
	})
}

// Policy of the Customer: customers the viewer's partner has an ACTIVE relationship with.
func (Customer) Policy() ent.Policy {
	return policy(func(v *viewer.Viewer, f privacy.Filter) error {
		f.Where(visibleCustomer(v))
		return nil
	})
}

// Policy of the BillingProfile: those of visible customers. Profiles change one at a time (UpdateOne),
// so the follow-up hook can rename and re-verify their customer; bulk updates are refused.
func (BillingProfile) Policy() ent.Policy {
	return policy(func(v *viewer.Viewer, f privacy.Filter) error {
		f.Where(entql.HasEdgeWith("customer", visibleCustomer(v)))
		return nil
	}, privacy.DenyMutationOperationRule(ent.OpUpdate))
}

// Policy of the Relationship: the viewer partner's own relationships.
func (Relationship) Policy() ent.Policy {
	return policy(func(v *viewer.Viewer, f privacy.Filter) error {
		f.Where(entql.FieldEQ(relationship.FieldPartnerID, string(v.PartnerID)))
		return nil
	})
}

// Policy of the Tag: the viewer partner's own tags.
func (Tag) Policy() ent.Policy {
	return policy(func(v *viewer.Viewer, f privacy.Filter) error {
		f.Where(entql.FieldEQ(tag.FieldPartnerID, string(v.PartnerID)))
		return nil
	})
}

// Policy of the CustomerTag: links to the viewer partner's tags; created only by rule.AddTags.
func (CustomerTag) Policy() ent.Policy {
	filter := func(v *viewer.Viewer, f privacy.Filter) error {
		f.Where(entql.HasEdgeWith("tag", entql.FieldEQ(tag.FieldPartnerID, string(v.PartnerID))))
		return nil
	}
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.AllowSystem(), rule.Filter(filter), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{rule.AllowSystem(), rule.DenyWithoutViewer(),
			privacy.OnMutationOperation(rule.AllowTagWrites(), ent.OpCreate),
			privacy.OnMutationOperation(privacy.AlwaysDenyRule(), ent.OpCreate),
			rule.Filter(filter), privacy.AlwaysAllowRule()},
	}
}

// Policy of the SearchTerm: never read through ent by a viewer (the search predicate is SQL); written
// by the customer hooks.
func (SearchTerm) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.AllowSystem(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.AllowSystem(), rule.DenyWithoutViewer(), privacy.AlwaysAllowRule()},
	}
}

// Hooks of the Customer.
func (Customer) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(rule.Versioned(), ent.OpUpdateOne),
		rule.CustomerDerived(),
		hook.On(rule.CustomerAddedByViewer(), ent.OpCreate),
		hook.On(rule.CustomerSearchTerms(), ent.OpCreate|ent.OpUpdateOne),
	}
}

// Hooks of the BillingProfile.
func (BillingProfile) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(rule.Versioned(), ent.OpUpdateOne),
		hook.On(rule.BillingProfileFollowUp(), ent.OpCreate|ent.OpUpdateOne),
	}
}

// Hooks of the Relationship.
func (Relationship) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(rule.Versioned(), ent.OpUpdateOne),
		hook.On(rule.RelationshipCounts(), ent.OpCreate|ent.OpUpdateOne),
	}
}

// Hooks of the Tag.
func (Tag) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(rule.Versioned(), ent.OpUpdateOne),
		hook.On(rule.TagOwner(), ent.OpCreate|ent.OpUpdateOne),
	}
}

// Hooks of the User.
func (User) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(rule.Versioned(), ent.OpUpdateOne)}
}

// Hooks of the Partner.
func (Partner) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(rule.Versioned(), ent.OpUpdateOne)}
}
