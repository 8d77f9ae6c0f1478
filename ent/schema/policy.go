package schema

// Privacy policies and hooks of every schema, in one place. The viewer rides in the context
// (ent/viewer). Role checks come from the role matrix (rule.Matrix, through rule.Require); tenant
// filters narrow every query, nested edge, update and delete to what the viewer's partner may see, so
// no resolver has to remember a WHERE clause. Creates are checked by hooks (rule package).

import (
	"context"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/entql"

	gen "partnerhub/ent"
	"partnerhub/ent/billingprofile"
	"partnerhub/ent/customer"
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

type filterFunc = func(*viewer.Viewer, privacy.Filter) error

func where(p func(v *viewer.Viewer) entql.P) filterFunc {
	return func(v *viewer.Viewer, f privacy.Filter) error {
		f.Where(p(v))
		return nil
	}
}

var (
	ownPartner = where(func(v *viewer.Viewer) entql.P { return entql.FieldEQ("partner_id", string(v.PartnerID)) })
	ownUser    = where(func(v *viewer.Viewer) entql.P { return entql.FieldEQ("user_id", string(v.UserID)) })
)

// tenantPolicy: the system passes; a viewer needs the view action's roles to read and the tenant
// filter narrows what it reads, updates and deletes. mutation rules run after the viewer check and
// before the filter (role checks by operation, capacity rules).
func tenantPolicy(view rule.Action, filter filterFunc, mutation ...privacy.MutationRule) privacy.Policy {
	q := privacy.QueryPolicy{rule.AllowSystem(), rule.DenyWithoutViewer()}
	if view != "" {
		q = append(q, rule.Require(view))
	}
	q = append(q, rule.Filter(filter), privacy.AlwaysAllowRule())
	m := append(privacy.MutationPolicy{rule.AllowSystem(), rule.DenyWithoutViewer()}, mutation...)
	m = append(m, rule.Filter(filter), privacy.AlwaysAllowRule())
	return privacy.Policy{Query: q, Mutation: m}
}

func on(a rule.Action, op ent.Op) privacy.MutationRule {
	return privacy.OnMutationOperation(rule.Require(a), op)
}

func never(op ent.Op) privacy.MutationRule { return privacy.DenyMutationOperationRule(op) }

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

// Policy of the User: every user sees the users of its partner; managing them is ManageUsers, one user
// at a time (the hooks guard each change).
func (User) Policy() ent.Policy {
	return tenantPolicy("", ownPartner, rule.Require(rule.ManageUsers), never(ent.OpUpdate))
}

// Policy of the Invitation: ManageUsers, within the partner.
func (Invitation) Policy() ent.Policy {
	return tenantPolicy(rule.ManageUsers, ownPartner, rule.Require(rule.ManageUsers))
}

// Policy of the Session: a user's own sessions and tokens (sign-in creates them as the system).
func (Session) Policy() ent.Policy {
	return tenantPolicy("", ownUser, never(ent.OpDelete|ent.OpDeleteOne))
}

// Policy of the Customer: customers the viewer's partner has an ACTIVE relationship with. Queries get
// the form of that condition that suits the query: rule.RowwiseVisible for a page read from a derived
// table and for large partners' unfiltered lists, the semi-join otherwise; updates and deletes get the
// generic filter.
func (Customer) Policy() ent.Policy {
	p := tenantPolicy(rule.ViewCustomers, where(visibleCustomer),
		on(rule.AddCustomer, ent.OpCreate), rule.CustomerUpdateRoles(), rule.BillToOnly(),
		never(ent.OpDelete|ent.OpDeleteOne))
	p.Query = privacy.QueryPolicy{rule.AllowSystem(), rule.DenyWithoutViewer(), rule.Require(rule.ViewCustomers),
		privacy.CustomerQueryRuleFunc(func(ctx context.Context, q *gen.CustomerQuery) error {
			v := viewer.FromContext(ctx)
			if rule.IsPagedList(ctx) || v.LargeList && !rule.IsFilteredList(ctx) {
				q.Where(rule.RowwiseVisible(v.PartnerID, customer.FieldID))
			} else {
				q.Where(customer.HasRelationshipsWith(relationship.PartnerID(v.PartnerID),
					relationship.StatusEQ(relationship.StatusACTIVE)))
			}
			return privacy.Allow
		})}
	return p
}

// Policy of the BillingProfile: those of visible customers. Queries check the relationship of the
// profile's customer_id row by row (rule.RowwiseVisible; the generic edge filter would also look up each
// customer, and its EXISTS becomes a temporary table); updates get the generic filter. Profiles change
// one at a time (UpdateOne), so the follow-up hook can rename and re-verify their customer; bulk
// updates are refused, even to the system.
func (BillingProfile) Policy() ent.Policy {
	p := tenantPolicy(rule.ViewCustomers,
		where(func(v *viewer.Viewer) entql.P { return entql.HasEdgeWith("customer", visibleCustomer(v)) }),
		on(rule.AddCustomer, ent.OpCreate), on(rule.UpdateBilling, ent.OpUpdateOne), rule.BillToOnly(),
		never(ent.OpDelete|ent.OpDeleteOne))
	p.Mutation = append(privacy.MutationPolicy{never(ent.OpUpdate)}, p.Mutation...)
	p.Query = privacy.QueryPolicy{rule.AllowSystem(), rule.DenyWithoutViewer(), rule.Require(rule.ViewCustomers),
		privacy.BillingProfileQueryRuleFunc(func(ctx context.Context, q *gen.BillingProfileQuery) error {
			q.Where(rule.RowwiseVisible(viewer.FromContext(ctx).PartnerID, billingprofile.FieldCustomerID))
			return privacy.Allow
		})}
	return p
}

// Policy of the Relationship: the viewer partner's own relationships.
func (Relationship) Policy() ent.Policy {
	return tenantPolicy(rule.ViewCustomers,
		where(func(v *viewer.Viewer) entql.P { return entql.FieldEQ(relationship.FieldPartnerID, string(v.PartnerID)) }),
		on(rule.RequestRelationship, ent.OpCreate), on(rule.RemoveRelationship, ent.OpUpdate|ent.OpUpdateOne),
		never(ent.OpDelete|ent.OpDeleteOne))
}

// Policy of the Tag: the viewer partner's own tags.
func (Tag) Policy() ent.Policy {
	return tenantPolicy(rule.ViewCustomers,
		where(func(v *viewer.Viewer) entql.P { return entql.FieldEQ(tag.FieldPartnerID, string(v.PartnerID)) }),
		rule.Require(rule.ManageTags))
}

// Policy of the CustomerTag: links to the viewer partner's tags; created only by rule.AddTags. Queries
// check each link's tag by its primary key, so that links looked up by customer stay a primary-key
// lookup (a join from the partner's tags would read every link of every tag).
func (CustomerTag) Policy() ent.Policy {
	p := tenantPolicy(rule.ViewCustomers,
		where(func(v *viewer.Viewer) entql.P {
			return entql.HasEdgeWith("tag", entql.FieldEQ(tag.FieldPartnerID, string(v.PartnerID)))
		}),
		rule.Require(rule.ManageTags),
		privacy.OnMutationOperation(rule.AllowTagWrites(), ent.OpCreate),
		never(ent.OpCreate))
	p.Query = privacy.QueryPolicy{rule.AllowSystem(), rule.DenyWithoutViewer(), rule.Require(rule.ViewCustomers),
		privacy.CustomerTagQueryRuleFunc(func(ctx context.Context, q *gen.CustomerTagQuery) error {
			q.Where(ownTagLink(viewer.FromContext(ctx)))
			return privacy.Allow
		})}
	return p
}

// ownTagLink: the link's tag is the viewer partner's, checked per row by the tag's primary key.
func ownTagLink(v *viewer.Viewer) func(*sql.Selector) {
	return func(s *sql.Selector) {
		d := sql.Dialect(s.Dialect())
		t := d.Table(tag.Table).As("link_tag")
		sub := d.Select(t.C(tag.FieldPartnerID)).From(t).Where(sql.ColumnsEQ(t.C(tag.FieldID), s.C("tag_id")))
		s.Where(sql.P(func(b *sql.Builder) {
			b.Wrap(func(b *sql.Builder) { b.Join(sub) })
			b.WriteString(" = ").Arg(string(v.PartnerID))
		}))
	}
}

// Policy of the Activity: the partner's own log, for roles that may see it; records are written only
// by Partnerhub itself (rule.Activity) and never changed or deleted.
func (Activity) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.AllowSystem(), rule.DenyWithoutViewer(), rule.Require(rule.ViewActivity),
			rule.Filter(ownPartner), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{never(ent.OpUpdate | ent.OpUpdateOne | ent.OpDelete | ent.OpDeleteOne),
			rule.AllowSystem(), privacy.AlwaysDenyRule()},
	}
}

// Hooks of the Invitation.
func (Invitation) Hooks() []ent.Hook {
	return []ent.Hook{rule.Audited(nil)}
}

// Policy of the Agreement: the viewer partner's confirmations; confirming is ConfirmAgreement; records
// are never changed.
func (Agreement) Policy() ent.Policy {
	return tenantPolicy(rule.ViewCustomers, ownPartner, on(rule.ConfirmAgreement, ent.OpCreate),
		never(ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne))
}

// Hooks of the Agreement.
func (Agreement) Hooks() []ent.Hook {
	return []ent.Hook{rule.Audited(rule.CustomerOfAgreement)}
}

// Policy of the Offer: the catalog, readable by every signed-in user, kept by Partnerhub.
func (Offer) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.AllowSystem(), rule.DenyWithoutViewer(), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{rule.AllowSystem(), privacy.AlwaysDenyRule()},
	}
}

// Policy of the Order: the viewer partner's orders; placing them is PlaceOrders.
func (Order) Policy() ent.Policy {
	return tenantPolicy(rule.ViewCustomers, ownPartner, on(rule.PlaceOrders, ent.OpCreate),
		never(ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne))
}

// Hooks of the Order.
func (Order) Hooks() []ent.Hook {
	return []ent.Hook{rule.Audited(rule.CustomerOfOrder)}
}

// Policy of the Subscription: the viewer partner's subscriptions; buying and managing them is
// PlaceOrders.
func (Subscription) Policy() ent.Policy {
	return tenantPolicy(rule.ViewCustomers, ownPartner, rule.Require(rule.PlaceOrders),
		never(ent.OpDelete|ent.OpDeleteOne))
}

// Hooks of the Subscription.
func (Subscription) Hooks() []ent.Hook {
	return []ent.Hook{rule.Audited(rule.CustomerOfSubscription), hook.On(rule.Versioned(), ent.OpUpdateOne)}
}

// Policy of the SearchTerm: never read through ent by a viewer (the search predicate is SQL); written
// by the customer hooks.
func (SearchTerm) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.AllowSystem(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.AllowSystem(), rule.DenyWithoutViewer(), privacy.AlwaysAllowRule()},
	}
}

// Policy of the SearchPrefix: like the SearchTerm's.
func (SearchPrefix) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.AllowSystem(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.AllowSystem(), rule.DenyWithoutViewer(), privacy.AlwaysAllowRule()},
	}
}

// Policy of the TagPrefix: like the SearchTerm's.
func (TagPrefix) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.AllowSystem(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.AllowSystem(), rule.DenyWithoutViewer(), privacy.AlwaysAllowRule()},
	}
}

// Policy of the ListEntry: like the SearchTerm's (read by the list's SQL, written by the rule hooks).
func (ListEntry) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.AllowSystem(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.AllowSystem(), rule.DenyWithoutViewer(), privacy.AlwaysAllowRule()},
	}
}

// Hooks of the Customer.
func (Customer) Hooks() []ent.Hook {
	return []ent.Hook{
		rule.TagEdges("tags"),
		rule.Audited(rule.CustomerItself),
		hook.On(rule.Versioned(), ent.OpUpdateOne),
		rule.ValidateCustomer(),
		rule.CustomerDerived(),
		hook.On(rule.CustomerAddedByViewer(), ent.OpCreate),
		hook.On(rule.CustomerSearchTerms(), ent.OpUpdateOne),
	}
}

// Hooks of the BillingProfile.
func (BillingProfile) Hooks() []ent.Hook {
	return []ent.Hook{
		rule.Audited(rule.CustomerOfBillingProfile),
		hook.On(rule.Versioned(), ent.OpUpdateOne),
		rule.ValidateBillingProfile(),
		hook.On(rule.BillingProfileFollowUp(), ent.OpCreate|ent.OpUpdateOne),
	}
}

// Hooks of the Relationship.
func (Relationship) Hooks() []ent.Hook {
	return []ent.Hook{
		rule.Audited(rule.CustomerOfRelationship),
		hook.On(rule.Versioned(), ent.OpUpdateOne),
		hook.On(rule.RelationshipCounts(), ent.OpCreate|ent.OpUpdateOne),
	}
}

// Hooks of the Tag.
func (Tag) Hooks() []ent.Hook {
	return []ent.Hook{
		rule.TagEdges("customers"),
		rule.Audited(nil),
		hook.On(rule.Versioned(), ent.OpUpdateOne),
		hook.On(rule.TagOwner(), ent.OpCreate|ent.OpUpdateOne),
	}
}

// Hooks of the CustomerTag.
func (CustomerTag) Hooks() []ent.Hook {
	return []ent.Hook{rule.TagLinks()}
}

// Hooks of the User.
func (User) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(rule.UserEmailKey(), ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne),
		rule.Audited(nil),
		hook.On(rule.Versioned(), ent.OpUpdateOne),
		hook.On(rule.RolesRequired(), ent.OpCreate|ent.OpUpdateOne),
		hook.On(rule.OnlyAdminsGrantAdmin(), ent.OpCreate|ent.OpUpdateOne),
		hook.On(rule.KeepAGlobalAdmin(), ent.OpUpdateOne),
		hook.On(rule.RevokeOnDeactivate(), ent.OpUpdateOne),
	}
}

// Hooks of the Partner.
func (Partner) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(rule.Versioned(), ent.OpUpdateOne)}
}
