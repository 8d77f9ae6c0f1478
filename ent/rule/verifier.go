package rule

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"partnerhub/ent"
	"partnerhub/ent/billingprofile"
	"partnerhub/ent/customer"
	"partnerhub/ent/schema/clock"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/validate"
	"partnerhub/ent/viewer"
)

// Verification (domain.md §7): customers wait UNDER_REVIEW until a Verifier decides. The verification
// worker takes them up in the background; each replica may run one.

// Decision is a verifier's answer.
type Decision struct {
	Allowed bool
	Reasons []string // why not, when not allowed
}

// Verifier decides whether a customer may buy. Microsoft's takes days; AutoVerifier decides at once.
type Verifier interface {
	Verify(ctx context.Context, c *ent.Customer, bp *ent.BillingProfile) (Decision, error)
}

// AutoVerifier applies the rules of domain.md §6 to the stored company details and billing profile.
type AutoVerifier struct{}

// Verify implements Verifier.
func (AutoVerifier) Verify(_ context.Context, c *ent.Customer, bp *ent.BillingProfile) (Decision, error) {
	var reasons []string
	note := func(what string, p *validate.Problem) {
		if p != nil && !p.Warning {
			reasons = append(reasons, what+": "+p.Message)
		}
	}
	note("Company name", validate.CompanyName(c.CompanyName))
	note("Registration ID", validate.RegistrationID(c.RegistrationID, c.Country))
	if bp == nil {
		reasons = append(reasons, "Billing profile: missing.")
	} else {
		note("Bill-to name", validate.CompanyName(bp.CompanyName))
		note("Contact first name", validate.PersonName(bp.FirstName))
		note("Contact last name", validate.PersonName(bp.LastName))
		note("Contact email", validate.Email(bp.Email, nil))
		for _, fp := range validate.AddressProblems(validate.Address{Line1: bp.AddressLine1, Line2: bp.AddressLine2,
			City: bp.City, State: bp.State, PostalCode: bp.PostalCode, Country: bp.Country}) {
			note("Address ("+fp.Field+")", fp.Problem)
		}
		if bp.PhoneNumber != "" || validate.RequiresPhone(c.Country) {
			_, p := validate.Phone(bp.PhoneNumber, bp.Country)
			note("Phone", p)
		}
	}
	return Decision{Allowed: len(reasons) == 0, Reasons: reasons}, nil
}

// ClaimFor is how long a worker owns a customer it took up; a crashed worker's claims run out and the
// customers are taken up again.
const ClaimFor = 2 * time.Minute

// VerifyPending takes up to limit customers waiting UNDER_REVIEW, oldest change first, and decides them.
// Each is claimed with a conditional update first, so two workers (two replicas) never decide the same
// customer at once; a decision is only saved if the customer did not change meanwhile (its version),
// otherwise it waits for the next round. It returns how many were decided.
func VerifyPending(ctx context.Context, client *ent.Client, v Verifier, limit int) (int, error) {
	ctx = viewer.SystemContext(ctx)
	now := clock.Now()
	waiting := customer.And(customer.VerificationStatusEQ(customer.VerificationStatusUNDER_REVIEW),
		customer.Or(customer.ReviewClaimedUntilIsNil(), customer.ReviewClaimedUntilLT(now)))
	ids, err := client.Customer.Query().Where(waiting).Order(customer.ByVerificationChangedAt(), customer.ByID()).
		Limit(limit).IDs(ctx)
	if err != nil {
		return 0, err
	}
	decided := 0
	for _, id := range ids {
		n, err := client.Customer.Update().Where(customer.ID(id), waiting).SetReviewClaimedUntil(now.Add(ClaimFor)).Save(ctx)
		if err != nil {
			return decided, err
		}
		if n == 0 {
			continue // another worker took it
		}
		ok, err := decide(ctx, client, v, id)
		if err != nil {
			return decided, err
		}
		if ok {
			decided++
		}
	}
	return decided, nil
}

func decide(ctx context.Context, client *ent.Client, v Verifier, id pulid.ID) (bool, error) {
	c, err := client.Customer.Get(ctx, id)
	if err != nil {
		return false, err
	}
	bp, err := client.BillingProfile.Query().Where(billingprofile.CustomerID(id)).Only(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return false, err
	}
	d, err := v.Verify(ctx, c, bp)
	if err != nil {
		// Leave the claim to run out: the customer is taken up again later.
		return false, err
	}
	status := customer.VerificationStatusALLOWED
	if !d.Allowed {
		status = customer.VerificationStatusNOT_ALLOWED
	}
	err = client.Customer.UpdateOneID(id).SetVersion(c.Version).SetVerificationStatus(status).
		SetVerificationReasons(d.Reasons).ClearReviewClaimedUntil().Exec(ctx)
	if errors.Is(err, ErrConflict) {
		// Changed while we looked: it is UNDER_REVIEW again; release it for the next round.
		_, err := client.Customer.Update().Where(customer.ID(id)).ClearReviewClaimedUntil().Save(ctx)
		return false, err
	}
	return err == nil, err
}

// RunVerifier decides waiting customers every interval until ctx ends.
func RunVerifier(ctx context.Context, client *ent.Client, v Verifier, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		for {
			n, err := VerifyPending(ctx, client, v, 50)
			if err != nil && ctx.Err() == nil {
				log.Error("verifying customers", "err", err)
			}
			if n > 0 {
				log.Info("verified customers", "decided", n)
			}
			if n < 50 || err != nil {
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

// OverrideVerification lets a Partnerhub operator set a customer's verification by hand, with a reason
// (kept as the decision's reason).
func OverrideVerification(ctx context.Context, client *ent.Client, id pulid.ID, status customer.VerificationStatus, reason, operator string) (*ent.Customer, error) {
	if reason == "" || operator == "" {
		return nil, Errorf("reason", CodeRequired, "Give the reason and who overrides.")
	}
	if err := customer.VerificationStatusValidator(status); err != nil {
		return nil, Errorf("status", CodeInvalid, "Use ALLOWED, NOT_ALLOWED or UNDER_REVIEW.")
	}
	return client.Customer.UpdateOneID(id).SetVerificationStatus(status).
		SetVerificationReasons([]string{"Overridden by " + operator + ": " + reason}).ClearReviewClaimedUntil().
		Save(viewer.SystemContext(ctx))
}
