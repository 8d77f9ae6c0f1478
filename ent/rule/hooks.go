package rule

import (
	"context"
	"slices"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/hook"
	"partnerhub/ent/listentry"
	"partnerhub/ent/partner"
	"partnerhub/ent/relationship"
	"partnerhub/ent/schema/clock"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/searchprefix"
	"partnerhub/ent/searchterm"
	"partnerhub/ent/tag"
	"partnerhub/ent/tagprefix"
	"partnerhub/ent/text"
	"partnerhub/ent/viewer"
)

// companyDetails are the customer fields whose change sends the customer back to verification.
var companyDetails = []string{
	customer.FieldCompanyName, customer.FieldDisplayName, customer.FieldCountry,
	customer.FieldRegistrationID, customer.FieldLanguage, customer.FieldCulture,
}

// searchedFields are the customer fields the search box matches.
var searchedFields = []string{
	customer.FieldCompanyName, customer.FieldDisplayName, customer.FieldPrimaryDomain, customer.FieldMicrosoftID,
}

// indexedFields are the customer fields copied into search terms and list entries: the searched ones
// and the sort keys (the display name's sort key, the domain, the creation time are among them or
// immutable; the country is not).
var indexedFields = append(slices.Clone(searchedFields), customer.FieldCountry)

// CustomerDerived keeps a customer's derived fields right on every write: the display name defaults to
// the company name, the sort key follows the display name, and a change of company details puts the
// customer back under review (domain.md §5, §7).
func CustomerDerived() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.CustomerFunc(func(ctx context.Context, m *ent.CustomerMutation) (ent.Value, error) {
			if m.Op().Is(ent.OpCreate) {
				if _, ok := m.DisplayName(); !ok {
					if name, ok := m.CompanyName(); ok {
						m.SetDisplayName(name)
					}
				}
			}
			if name, ok := m.DisplayName(); ok {
				m.SetSortName(text.SortKey(name))
			}
			if m.Op().Is(ent.OpUpdateOne|ent.OpUpdate) && touches(m, companyDetails) {
				if _, set := m.VerificationStatus(); !set {
					m.SetVerificationStatus(customer.VerificationStatusUNDER_REVIEW)
					m.ClearVerificationReasons()
				}
			}
			if _, set := m.VerificationStatus(); set {
				m.SetVerificationChangedAt(clock.Now())
			}
			return next.Mutate(ctx, m)
		})
	}
}

// CustomerSearchTerms rewrites a customer's search terms and list entries after its names or country
// change. A new customer has none yet: they are written for each partner as its relationship becomes
// ACTIVE (RelationshipCounts).
func CustomerSearchTerms() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.CustomerFunc(func(ctx context.Context, m *ent.CustomerMutation) (ent.Value, error) {
			v, err := next.Mutate(ctx, m)
			if err != nil || isBulk(ctx) || !touches(m, indexedFields) {
				return v, err
			}
			return v, rewriteTerms(ctx, m.Client(), v.(*ent.Customer))
		})
	}
}

// CustomerAddedByViewer gives the partner that adds a customer its ACTIVE relationship (domain.md §3):
// DIRECT_BILL for a direct-bill partner, INDIRECT_PROVIDER for a provider. A partner that is only an
// indirect reseller cannot add customers.
func CustomerAddedByViewer() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.CustomerFunc(func(ctx context.Context, m *ent.CustomerMutation) (ent.Value, error) {
			v := viewer.FromContext(ctx)
			if v == nil || viewer.IsSystem(ctx) {
				return next.Mutate(ctx, m)
			}
			reseller, forReseller := ctx.Value(resellerKey{}).(pulid.ID)
			var typ relationship.Type
			switch {
			case forReseller && !v.HasCapacity(enum.IndirectProvider):
				return nil, Errorf("associatedResellerID", CodeInvalid, "Only an indirect provider adds customers for a reseller.")
			case forReseller:
				typ = relationship.TypeINDIRECT_PROVIDER
				ok, err := m.Client().Partner.Query().Where(partner.ID(v.PartnerID), partner.HasResellersWith(partner.ID(reseller))).
					Exist(viewer.SystemContext(ctx))
				if err != nil {
					return nil, err
				}
				if !ok {
					return nil, Errorf("associatedResellerID", CodeNotFound, "This partner is not one of your indirect resellers.")
				}
			case v.HasCapacity(enum.DirectBill):
				typ = relationship.TypeDIRECT_BILL
			case v.HasCapacity(enum.IndirectProvider):
				typ = relationship.TypeINDIRECT_PROVIDER
			default:
				return nil, &ForbiddenError{Message: "A partner that is only an indirect reseller cannot add customers; its indirect provider adds them on its behalf."}
			}
			val, err := next.Mutate(ctx, m)
			if err != nil {
				return nil, err
			}
			c := val.(*ent.Customer)
			now := clock.Now()
			rel := m.Client().Relationship.Create().
				SetPartnerID(v.PartnerID).SetCustomerID(c.ID).SetType(typ).
				SetStatus(relationship.StatusACTIVE).SetDelegatedAdmin(c.DefaultGdap).SetStartedAt(now)
			if forReseller {
				rel.SetAssociatedPartnerID(reseller)
			}
			if err := rel.Exec(Consequence(ctx)); err != nil {
				return nil, err
			}
			if forReseller {
				// The reseller's side, written as the system: it is another partner's record, made after
				// the checks above.
				err := m.Client().Relationship.Create().SetPartnerID(reseller).SetCustomerID(c.ID).
					SetType(relationship.TypeINDIRECT_RESELLER).SetAssociatedPartnerID(v.PartnerID).
					SetStatus(relationship.StatusACTIVE).SetStartedAt(now).Exec(viewer.SystemContext(ctx))
				if err != nil {
					return nil, err
				}
			}
			return c, nil
		})
	}
}

// BillingProfileFollowUp applies a billing profile change to its customer: the bill-to company name is
// the customer's display name (a "friendly" rename, domain.md §5), and any change to an existing
// profile puts the customer back under review. A profile can only be created for a customer the viewer
// sees.
func BillingProfileFollowUp() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.BillingProfileFunc(func(ctx context.Context, m *ent.BillingProfileMutation) (ent.Value, error) {
			if isBulk(ctx) {
				return next.Mutate(ctx, m)
			}
			client := m.Client()
			if cid, ok := m.CustomerID(); ok && m.Op().Is(ent.OpCreate) {
				exists, err := client.Customer.Query().Where(customer.ID(cid)).Exist(Consequence(ctx))
				if err != nil {
					return nil, err
				}
				if !exists {
					return nil, Errorf("customerID", CodeNotFound, "No such customer.")
				}
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return nil, err
			}
			bp := v.(*ent.BillingProfile)
			ctx = Consequence(ctx)
			name, renamed := m.CompanyName()
			if m.Op().Is(ent.OpCreate) {
				if !renamed {
					return bp, nil
				}
				// Only touch the customer when the bill-to name differs from the one it was created with.
				n, err := client.Customer.Update().
					Where(customer.ID(bp.CustomerID), customer.DisplayNameNEQ(name)).
					SetDisplayName(name).SetSortName(text.SortKey(name)).Save(ctx)
				if err != nil || n == 0 {
					return bp, err
				}
				c, err := client.Customer.Get(ctx, bp.CustomerID)
				if err != nil {
					return nil, err
				}
				return bp, rewriteTerms(ctx, client, c)
			}
			upd := client.Customer.UpdateOneID(bp.CustomerID)
			if renamed {
				upd.SetDisplayName(name)
			}
			upd.SetVerificationStatus(customer.VerificationStatusUNDER_REVIEW).ClearVerificationReasons()
			if err := upd.Exec(ctx); err != nil {
				return nil, err
			}
			return bp, nil
		})
	}
}

// rewriteTerms replaces c's search terms, prefixes, tag prefixes and list entries for every partner
// with an ACTIVE relationship with it: all partners search and sort by the same names.
func rewriteTerms(ctx context.Context, client *ent.Client, c *ent.Customer) error {
	sys := viewer.SystemContext(ctx)
	if _, err := client.SearchTerm.Delete().Where(searchterm.CustomerID(c.ID)).Exec(sys); err != nil {
		return err
	}
	if _, err := client.SearchPrefix.Delete().Where(searchprefix.CustomerID(c.ID)).Exec(sys); err != nil {
		return err
	}
	if _, err := client.TagPrefix.Delete().Where(tagprefix.CustomerID(c.ID)).Exec(sys); err != nil {
		return err
	}
	if _, err := client.ListEntry.Delete().Where(listentry.CustomerID(c.ID)).Exec(sys); err != nil {
		return err
	}
	return IndexCustomers(sys, client, []*ent.Customer{c})
}

// partnerTerms writes (the partner gained the customer) or removes (it lost it) the search terms,
// prefixes, tag prefixes and the list entry of one customer for one partner.
func partnerTerms(ctx context.Context, client *ent.Client, partnerID, customerID pulid.ID, gained bool) error {
	sys := viewer.SystemContext(ctx)
	if !gained {
		if _, err := client.ListEntry.Delete().Where(listentry.CustomerID(customerID), listentry.PartnerID(partnerID)).Exec(sys); err != nil {
			return err
		}
		if _, err := client.SearchPrefix.Delete().Where(searchprefix.CustomerID(customerID), searchprefix.PartnerID(partnerID)).Exec(sys); err != nil {
			return err
		}
		if _, err := client.TagPrefix.Delete().Where(tagprefix.CustomerID(customerID), tagprefix.PartnerID(partnerID)).Exec(sys); err != nil {
			return err
		}
		_, err := client.SearchTerm.Delete().Where(searchterm.CustomerID(customerID), searchterm.PartnerID(partnerID)).Exec(sys)
		return err
	}
	c, err := client.Customer.Get(sys, customerID)
	if err != nil {
		return err
	}
	return writeTermsFor(sys, client, map[pulid.ID][]pulid.ID{c.ID: {partnerID}}, []*ent.Customer{c})
}

// RelationshipCounts keeps Partner.customer_count (customers with an ACTIVE relationship) right, so the
// list's total needs no COUNT over hundreds of thousands of rows, and the partner's search terms for
// the customer (written when the partner gains the customer, removed when it loses it). A viewer may
// only create relationships for its own partner.
func RelationshipCounts() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.RelationshipFunc(func(ctx context.Context, m *ent.RelationshipMutation) (ent.Value, error) {
			if isBulk(ctx) {
				return next.Mutate(ctx, m)
			}
			if v := viewer.FromContext(ctx); v != nil && !viewer.IsSystem(ctx) && m.Op().Is(ent.OpCreate) {
				if pid, _ := m.PartnerID(); pid != v.PartnerID {
					return nil, &ForbiddenError{Message: "A partner can only create its own relationships."}
				}
			}
			var wasActive bool
			if m.Op().Is(ent.OpUpdateOne) {
				old, err := m.OldStatus(ctx)
				if err != nil {
					return nil, err
				}
				wasActive = old == relationship.StatusACTIVE
			}
			val, err := next.Mutate(ctx, m)
			if err != nil {
				return nil, err
			}
			if !m.Op().Is(ent.OpCreate | ent.OpUpdateOne) {
				return val, nil
			}
			r := val.(*ent.Relationship)
			isActive := r.Status == relationship.StatusACTIVE
			if isActive == wasActive {
				return val, nil
			}
			// Count the customer once however many ACTIVE relationships the partner holds with it.
			others, err := m.Client().Relationship.Query().Where(
				relationship.PartnerID(r.PartnerID), relationship.CustomerID(r.CustomerID),
				relationship.StatusEQ(relationship.StatusACTIVE), relationship.IDNEQ(r.ID),
			).Exist(viewer.SystemContext(ctx))
			if err != nil || others {
				return val, err
			}
			delta := 1
			if !isActive {
				delta = -1
			}
			if err := m.Client().Partner.UpdateOneID(r.PartnerID).AddCustomerCount(delta).Exec(viewer.SystemContext(ctx)); err != nil {
				return nil, err
			}
			// The partner gained or lost the customer: its search terms for it follow.
			return val, partnerTerms(ctx, m.Client(), r.PartnerID, r.CustomerID, isActive)
		})
	}
}

// TagOwner sets a new tag's partner to the viewer's, and refuses a name the partner already uses
// (ignoring case).
func TagOwner() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.TagFunc(func(ctx context.Context, m *ent.TagMutation) (ent.Value, error) {
			if v := viewer.FromContext(ctx); v != nil && m.Op().Is(ent.OpCreate) {
				m.SetPartnerID(v.PartnerID)
			}
			if name, ok := m.Name(); ok {
				q := m.Client().Tag.Query().Where(tag.NameEqualFold(name))
				if pid, ok := m.PartnerID(); ok {
					q.Where(tag.PartnerID(pid))
				}
				if id, ok := m.ID(); ok {
					q.Where(tag.IDNEQ(id))
				}
				taken, err := q.Exist(Consequence(ctx))
				if err != nil {
					return nil, err
				}
				if taken {
					return nil, Errorf("name", CodeTaken, "You already have a tag named %q.", name)
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}

func touches(m ent.Mutation, fields []string) bool {
	for _, f := range fields {
		if _, ok := m.Field(f); ok {
			return true
		}
		if m.FieldCleared(f) {
			return true
		}
	}
	return false
}
