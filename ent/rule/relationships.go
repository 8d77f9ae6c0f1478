package rule

import (
	"context"
	"strings"
	"time"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/partner"
	"partnerhub/ent/relationship"
	"partnerhub/ent/schema/clock"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/viewer"
)

// RequestExpiry is how long a relationship request's link works (domain.md §3).
const RequestExpiry = 90 * 24 * time.Hour

// SendRelationshipRequest asks an existing customer (found by its primary domain) for a relationship with
// the viewer's partner: a PENDING relationship whose invitation link carries a secret (returned once).
// A direct-bill partner asks for DIRECT_BILL, a provider for INDIRECT_PROVIDER, a reseller-only partner
// for INDIRECT_RESELLER through one of its providers (providerID).
func SendRelationshipRequest(ctx context.Context, client *ent.Client, domain string, delegatedAdmin bool, providerID *pulid.ID) (string, *ent.Relationship, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return "", nil, ErrNoViewer
	}
	if !Can(v, RequestRelationship) {
		return "", nil, Forbidden(RequestRelationship)
	}
	domain = strings.ToLower(strings.TrimSpace(domain))
	if !strings.HasSuffix(domain, DomainSuffix) {
		domain += DomainSuffix
	}
	// The customer is not the viewer's yet, so it is looked up as the system, by its domain only.
	cust, err := client.Customer.Query().Where(customer.PrimaryDomain(domain)).Only(viewer.SystemContext(ctx))
	if ent.IsNotFound(err) {
		return "", nil, Errorf("domain", CodeNotFound, "No customer has the domain %s.", domain)
	}
	if err != nil {
		return "", nil, err
	}
	var typ relationship.Type
	switch {
	case v.HasCapacity(enum.DirectBill):
		typ = relationship.TypeDIRECT_BILL
	case v.HasCapacity(enum.IndirectProvider):
		typ = relationship.TypeINDIRECT_PROVIDER
	default:
		typ = relationship.TypeINDIRECT_RESELLER
		if providerID == nil {
			return "", nil, Errorf("providerID", CodeRequired, "Choose the indirect provider you sell this customer through.")
		}
		ok, err := client.Partner.Query().Where(partner.ID(*providerID), partner.HasResellersWith(partner.ID(v.PartnerID))).
			Exist(viewer.SystemContext(ctx))
		if err != nil {
			return "", nil, err
		}
		if !ok {
			return "", nil, Errorf("providerID", CodeNotFound, "This partner is not one of your indirect providers.")
		}
	}
	open, err := client.Relationship.Query().Where(relationship.PartnerID(v.PartnerID), relationship.CustomerID(cust.ID),
		relationship.TypeEQ(typ), relationship.Or(relationship.StatusEQ(relationship.StatusACTIVE),
			relationship.And(relationship.StatusEQ(relationship.StatusPENDING), relationship.RequestExpiresAtGT(clock.Now())))).
		Exist(ctx)
	if err != nil {
		return "", nil, err
	}
	if open {
		return "", nil, Errorf("domain", CodeTaken, "You already have this relationship with the customer, or a request that is still open.")
	}
	secret, hash := NewSecret("phr_")
	rel, err := client.Relationship.Create().SetPartnerID(v.PartnerID).SetCustomerID(cust.ID).SetType(typ).
		SetStatus(relationship.StatusPENDING).SetDelegatedAdmin(delegatedAdmin).SetNillableAssociatedPartnerID(providerID).
		SetRequestSecretHash(hash).SetRequestExpiresAt(clock.Now().Add(RequestExpiry)).Save(ctx)
	return secret, rel, err
}

// RequestInfo is what the public acceptance page shows of a request.
type RequestInfo struct {
	Relationship *ent.Relationship
	PartnerName  string
	CustomerName string
	Domain       string
}

// LookupRequest finds the request of a link's secret (for the public acceptance page).
func LookupRequest(ctx context.Context, client *ent.Client, secret string) (*RequestInfo, error) {
	ctx = viewer.SystemContext(ctx)
	rel, err := client.Relationship.Query().Where(relationship.RequestSecretHash(HashSecret(secret))).
		WithPartner().WithCustomer().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, Errorf("token", CodeNotFound, "This relationship request link is not valid.")
	}
	if err != nil {
		return nil, err
	}
	return &RequestInfo{Relationship: rel, PartnerName: rel.Edges.Partner.Name,
		CustomerName: rel.Edges.Customer.CompanyName, Domain: rel.Edges.Customer.PrimaryDomain}, nil
}

// AcceptRequest makes a PENDING request ACTIVE: the customer accepted it through the link.
func AcceptRequest(ctx context.Context, client *ent.Client, secret string) (*RequestInfo, error) {
	info, err := LookupRequest(ctx, client, secret)
	if err != nil {
		return nil, err
	}
	rel := info.Relationship
	switch {
	case rel.Status == relationship.StatusACTIVE:
		return nil, Errorf("token", CodeInvalid, "This request was accepted already.")
	case rel.Status != relationship.StatusPENDING:
		return nil, Errorf("token", CodeInvalid, "This request was withdrawn.")
	case rel.RequestExpiresAt != nil && clock.Now().After(*rel.RequestExpiresAt):
		return nil, Errorf("token", CodeInvalid, "This request has expired; ask the partner for a new one.")
	}
	rel, err = client.Relationship.UpdateOneID(rel.ID).SetStatus(relationship.StatusACTIVE).
		SetStartedAt(clock.Now()).Save(viewer.SystemContext(ctx))
	if err != nil {
		return nil, err
	}
	info.Relationship = rel
	return info, nil
}

// EndRelationship ends one of the viewer's relationships (the customer leaves its list when no
// ACTIVE relationship remains). Refused while the customer has active subscriptions with the partner.
func EndRelationship(ctx context.Context, client *ent.Client, id pulid.ID, version int) (*ent.Relationship, error) {
	rel, err := client.Relationship.Query().Where(relationship.ID(id)).Only(ctx)
	if err != nil {
		return nil, err
	}
	if rel.Status == relationship.StatusREMOVED {
		return nil, Errorf("id", CodeInvalid, "This relationship was removed already.")
	}
	if err := noActiveSubscriptions(ctx, client, rel); err != nil {
		return nil, err
	}
	return client.Relationship.UpdateOneID(id).SetVersion(version).SetStatus(relationship.StatusREMOVED).
		SetRemovedAt(clock.Now()).Save(ctx)
}

// noActiveSubscriptions refuses the removal while the customer has subscriptions with the partner
// (orders.go).
var noActiveSubscriptions func(context.Context, *ent.Client, *ent.Relationship) error

type resellerKey struct{}

// ForReseller marks a customer create as an indirect provider's on behalf of one of its resellers: the
// reseller gets its own ACTIVE INDIRECT_RESELLER relationship (see CustomerAddedByViewer).
func ForReseller(ctx context.Context, resellerID pulid.ID) context.Context {
	return context.WithValue(ctx, resellerKey{}, resellerID)
}
