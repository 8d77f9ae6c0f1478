package rule

import (
	"context"
	"strings"
	"time"

	"partnerhub/ent"
	"partnerhub/ent/agreement"
	"partnerhub/ent/customer"
	"partnerhub/ent/schema/clock"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/validate"
	"partnerhub/ent/viewer"
)

// AgreementContact is who accepted the Microsoft Customer Agreement for the customer, and when.
type AgreementContact struct {
	FirstName, LastName, Email, PhoneNumber string
	DateAgreed                              string // YYYY-MM-DD
}

// RecordAgreement records that the customer accepted the customer agreement (domain.md §2): the
// contact's names, email and optional phone are checked like a billing contact's, the date may not be
// in the future, and a second confirmation with the same contact is refused.
func RecordAgreement(ctx context.Context, client *ent.Client, customerID pulid.ID, c AgreementContact) (*ent.Agreement, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, ErrNoViewer
	}
	if !Can(v, ConfirmAgreement) {
		return nil, Forbidden(ConfirmAgreement)
	}
	cust, err := client.Customer.Query().Where(customer.ID(customerID)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, Errorf("customerID", CodeNotFound, "No such customer.")
	}
	if err != nil {
		return nil, err
	}
	var ps problems
	ps.add("firstName", validate.PersonName(c.FirstName))
	ps.add("lastName", validate.PersonName(c.LastName))
	ps.add("email", validate.Email(c.Email, partnerDomains(ctx)))
	phone := strings.TrimSpace(c.PhoneNumber)
	if phone != "" {
		e164, p := validate.Phone(phone, cust.Country)
		ps.add("phoneNumber", p)
		phone = e164
	}
	date, derr := time.Parse(time.DateOnly, c.DateAgreed)
	switch {
	case derr != nil:
		ps = append(ps, &FieldError{Field: []string{"dateAgreed"}, Code: CodeInvalid, Message: "Use a date such as 2026-11-22."})
	case date.After(clock.Now()):
		ps = append(ps, &FieldError{Field: []string{"dateAgreed"}, Code: CodeInvalid, Message: "The date the customer agreed cannot be in the future."})
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	key := strings.ToLower(strings.TrimSpace(c.Email))
	dup, err := client.Agreement.Query().Where(agreement.CustomerID(customerID), agreement.EmailKey(key)).Exist(Consequence(ctx))
	if err != nil {
		return nil, err
	}
	if dup {
		return nil, Errorf("email", CodeTaken, "The agreement was confirmed with this contact already.")
	}
	return client.Agreement.Create().SetCustomerID(customerID).SetPartnerID(v.PartnerID).SetConfirmedByID(v.UserID).
		SetFirstName(strings.TrimSpace(c.FirstName)).SetLastName(strings.TrimSpace(c.LastName)).
		SetEmail(strings.TrimSpace(c.Email)).SetEmailKey(key).SetPhoneNumber(phone).SetDateAgreed(date).Save(ctx)
}

// HasAgreement reports whether the viewer's partner confirmed the customer's agreement.
func HasAgreement(ctx context.Context, client *ent.Client, customerID pulid.ID) (bool, error) {
	return client.Agreement.Query().Where(agreement.CustomerID(customerID)).Exist(ctx)
}
