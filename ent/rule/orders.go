package rule

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/offer"
	"partnerhub/ent/schema/clock"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/subscription"
	"partnerhub/ent/viewer"
)

// Order and subscription rules (domain.md §7, §8).

// Codes of the purchase gates.
const (
	CodeAgreementRequired Code = "AGREEMENT_REQUIRED"
	CodeNotVerified       Code = "NOT_VERIFIED"
)

// MaxOrderLines caps one order.
const MaxOrderLines = 50

// OrderLine is one offer of an order.
type OrderLine struct {
	OfferID   pulid.ID
	Quantity  int
	AutoRenew *bool // default on
}

// PlaceOrder buys offers for a customer: one subscription per line, each starting its first term now.
// Refused unless the viewer's partner confirmed the customer's agreement and the customer is ALLOWED.
func PlaceOrder(ctx context.Context, client *ent.Client, customerID pulid.ID, lines []OrderLine) (*ent.Order, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, ErrNoViewer
	}
	if !Can(v, PlaceOrders) {
		return nil, Forbidden(PlaceOrders)
	}
	c, err := client.Customer.Query().Where(customer.ID(customerID)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, Errorf("customerID", CodeNotFound, "No such customer.")
	}
	if err != nil {
		return nil, err
	}
	if err := purchasesAllowed(c, "customerID", "New purchases"); err != nil {
		return nil, err
	}
	agreed, err := HasAgreement(ctx, client, customerID)
	if err != nil {
		return nil, err
	}
	if !agreed {
		return nil, Errorf("customerID", CodeAgreementRequired, "Confirm that the customer accepted the Microsoft Customer Agreement before ordering.")
	}
	switch {
	case len(lines) == 0:
		return nil, Errorf("lines", CodeRequired, "Add at least one offer.")
	case len(lines) > MaxOrderLines:
		return nil, Errorf("lines", CodeLimitExceeded, "Order at most %d offers at a time.", MaxOrderLines)
	}
	ids := make([]pulid.ID, len(lines))
	for i, l := range lines {
		ids[i] = l.OfferID
	}
	offers, err := client.Offer.Query().Where(offer.IDIn(ids...), offer.Active(true)).All(ctx)
	if err != nil {
		return nil, err
	}
	byID := map[pulid.ID]*ent.Offer{}
	for _, o := range offers {
		byID[o.ID] = o
	}
	var ps problems
	for i, l := range lines {
		o := byID[l.OfferID]
		switch {
		case o == nil:
			ps = append(ps, Errorf(fmt.Sprintf("lines.%d.offerID", i), CodeNotFound, "No such offer, or it cannot be ordered now."))
		case l.Quantity < o.MinQuantity || l.Quantity > o.MaxQuantity:
			ps = append(ps, Errorf(fmt.Sprintf("lines.%d.quantity", i), CodeInvalid, "Order %d to %d of %s.", o.MinQuantity, o.MaxQuantity, o.Name))
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	ord, err := client.Order.Create().SetPartnerID(v.PartnerID).SetCustomerID(customerID).SetPlacedByID(v.UserID).Save(ctx)
	if err != nil {
		return nil, err
	}
	now := clock.Now()
	subs := make([]*ent.SubscriptionCreate, len(lines))
	for i, l := range lines {
		o := byID[l.OfferID]
		autoRenew := true
		if l.AutoRenew != nil {
			autoRenew = *l.AutoRenew
		}
		subs[i] = client.Subscription.Create().SetPartnerID(v.PartnerID).SetCustomerID(customerID).SetOfferID(o.ID).
			SetOrderID(ord.ID).SetQuantity(l.Quantity).SetAutoRenew(autoRenew).SetTermEnd(now.AddDate(0, o.TermMonths, 0))
	}
	if err := client.Subscription.CreateBulk(subs...).Exec(ctx); err != nil {
		return nil, err
	}
	return ord, nil
}

// purchasesAllowed refuses what a customer that is not ALLOWED may not do (domain.md §7).
// field is the input field to name ("" when the input as a whole is refused).
func purchasesAllowed(c *ent.Customer, field, what string) error {
	if c.VerificationStatus != customer.VerificationStatusALLOWED {
		return Errorf(field, CodeNotVerified, "%s are blocked until the customer is verified (now %s).", what, c.VerificationStatus)
	}
	return nil
}

// SubscriptionChange is a change to a subscription; nil fields stay as they are.
type SubscriptionChange struct {
	Quantity  *int
	AutoRenew *bool
	Status    *subscription.Status // SUSPENDED (suspend), ACTIVE (reactivate) or CANCELLED (cancel)
}

// ChangeSubscription applies a change to one of the viewer partner's subscriptions, based on version.
// Quantity changes and cancellations are blocked while the customer is not ALLOWED; cancelled and
// expired subscriptions do not change.
func ChangeSubscription(ctx context.Context, client *ent.Client, id pulid.ID, version int, ch SubscriptionChange) (*ent.Subscription, error) {
	s, err := client.Subscription.Query().Where(subscription.ID(id)).WithOffer().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, Errorf("id", CodeNotFound, "No such subscription.")
	}
	if err != nil {
		return nil, err
	}
	if s.Status == subscription.StatusCANCELLED || s.Status == subscription.StatusEXPIRED {
		return nil, Errorf("id", CodeInvalid, "This subscription is %s and cannot change.", s.Status)
	}
	c, err := client.Customer.Query().Where(customer.ID(s.CustomerID)).Only(Consequence(ctx))
	if err != nil {
		return nil, err
	}
	upd := client.Subscription.UpdateOneID(id).SetVersion(version)
	if ch.Quantity != nil {
		if err := purchasesAllowed(c, "", "Quantity changes"); err != nil {
			return nil, err
		}
		if s.Status != subscription.StatusACTIVE {
			return nil, Errorf("quantity", CodeInvalid, "Reactivate the subscription before changing its quantity.")
		}
		if q := *ch.Quantity; q < s.Edges.Offer.MinQuantity || q > s.Edges.Offer.MaxQuantity {
			return nil, Errorf("quantity", CodeInvalid, "Use %d to %d.", s.Edges.Offer.MinQuantity, s.Edges.Offer.MaxQuantity)
		}
		upd.SetQuantity(*ch.Quantity)
	}
	if ch.AutoRenew != nil {
		upd.SetAutoRenew(*ch.AutoRenew)
	}
	if ch.Status != nil {
		switch to := *ch.Status; {
		case to == subscription.StatusCANCELLED:
			if err := purchasesAllowed(c, "", "Cancellations"); err != nil {
				return nil, err
			}
		case to == subscription.StatusSUSPENDED && s.Status == subscription.StatusACTIVE,
			to == subscription.StatusACTIVE && s.Status == subscription.StatusSUSPENDED:
		default:
			return nil, Errorf("id", CodeInvalid, "A %s subscription cannot become %s.", s.Status, to)
		}
		upd.SetStatus(*ch.Status)
	}
	return upd.Save(ctx)
}

// RenewDue renews subscriptions whose term has ended: ACTIVE ones with auto-renew start a new term,
// the others expire. Renewals go on whatever the customer's verification (domain.md §7). Each change
// applies only if the term end is still the one seen, so two workers (two replicas) never renew the
// same term twice. It returns how many subscriptions it changed.
func RenewDue(ctx context.Context, client *ent.Client, limit int) (int, error) {
	ctx = viewer.SystemContext(ctx)
	now := clock.Now()
	due, err := client.Subscription.Query().
		Where(subscription.StatusIn(subscription.StatusACTIVE, subscription.StatusSUSPENDED), subscription.TermEndLTE(now)).
		WithOffer().Order(subscription.ByTermEnd(), subscription.ByID()).Limit(limit).All(ctx)
	if err != nil {
		return 0, err
	}
	changed := 0
	for _, s := range due {
		// Only if nothing changed since it was read (a user may switch auto-renew off meanwhile).
		upd := client.Subscription.Update().Where(subscription.ID(s.ID), subscription.Version(s.Version))
		if s.AutoRenew && s.Status == subscription.StatusACTIVE {
			upd.SetTermEnd(s.TermEnd.AddDate(0, s.Edges.Offer.TermMonths, 0)).AddRenewals(1)
		} else {
			upd.SetStatus(subscription.StatusEXPIRED)
		}
		n, err := upd.AddVersion(1).Save(ctx)
		if err != nil {
			return changed, err
		}
		changed += n
	}
	return changed, nil
}

// RunRenewals renews due subscriptions every interval until ctx ends.
func RunRenewals(ctx context.Context, client *ent.Client, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		for {
			n, err := RenewDue(ctx, client, 100)
			if err != nil && ctx.Err() == nil {
				log.Error("renewing subscriptions", "err", err)
			}
			if n > 0 {
				log.Info("renewed or expired subscriptions", "count", n)
			}
			if n < 100 || err != nil {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func init() {
	noActiveSubscriptions = func(ctx context.Context, client *ent.Client, rel *ent.Relationship) error {
		n, err := client.Subscription.Query().Where(subscription.PartnerID(rel.PartnerID), subscription.CustomerID(rel.CustomerID),
			subscription.StatusIn(subscription.StatusACTIVE, subscription.StatusSUSPENDED)).Count(viewer.SystemContext(ctx))
		if err != nil {
			return err
		}
		if n > 0 {
			return Errorf("id", CodeInvalid, "The customer has %d active subscriptions with you; cancel them before removing the relationship.", n)
		}
		return nil
	}
}
