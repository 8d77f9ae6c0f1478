package rule

import (
	"context"
	"errors"
	"strings"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/hook"
	"partnerhub/ent/validate"
	"partnerhub/ent/viewer"
)

// Problems is every refused value of one change, so the user sees them all at once.
type Problems []*FieldError

func (p Problems) Error() string {
	msgs := make([]string, len(p))
	for i, fe := range p {
		msgs[i] = fe.Error()
	}
	return strings.Join(msgs, "; ")
}

// problems collects field problems.
type problems Problems

func (ps *problems) add(field string, p *validate.Problem) {
	if p != nil && !p.Warning {
		*ps = append(*ps, &FieldError{Field: []string{field}, Code: Code(p.Code), Message: p.Message})
	}
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return Problems(ps)
}

// ProblemsOf returns the field errors in err: all of a Problems, or the one FieldError.
func ProblemsOf(err error) []*FieldError {
	var ps Problems
	if errors.As(err, &ps) {
		return ps
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return []*FieldError{fe}
	}
	return nil
}

// stringValue is a string field's value after the mutation: the new one when set, else the stored one.
func stringValue(ctx context.Context, m ent.Mutation, field string) (string, error) {
	if v, ok := m.Field(field); ok {
		s, _ := v.(string)
		return s, nil
	}
	if m.FieldCleared(field) || !m.Op().Is(ent.OpUpdateOne) {
		return "", nil
	}
	old, err := m.OldField(ctx, field)
	if err != nil {
		return "", err
	}
	switch v := old.(type) {
	case string:
		return v, nil
	case *string:
		if v != nil {
			return *v, nil
		}
	}
	return "", nil
}

// ValidateCustomer applies domain.md §6 to a customer's company details: the company name rules, a
// known country, and the registration ID required, refused or checked per country (stored normalised).
func ValidateCustomer() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.CustomerFunc(func(ctx context.Context, m *ent.CustomerMutation) (ent.Value, error) {
			if !m.Op().Is(ent.OpCreate | ent.OpUpdateOne) {
				return next.Mutate(ctx, m)
			}
			var ps problems
			if name, ok := m.CompanyName(); ok {
				ps.add("companyName", validate.CompanyName(name))
			}
			_, countrySet := m.Country()
			_, idSet := m.RegistrationID()
			if countrySet || idSet || m.RegistrationIDCleared() || m.Op().Is(ent.OpCreate) {
				country, err := stringValue(ctx, m, customer.FieldCountry)
				if err != nil {
					return nil, err
				}
				id, err := stringValue(ctx, m, customer.FieldRegistrationID)
				if err != nil {
					return nil, err
				}
				ps = append(ps, countryProblems(country, id)...)
				if len(ps) == 0 && id != "" {
					m.SetRegistrationID(validate.NormalizeRegistrationID(id, country))
				}
			}
			if err := ps.err(); err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		})
	}
}

// ValidateBillingProfile applies domain.md §6 to a billing profile: the contact's names and email (not
// at microsoft.com nor at the partner's own domains), the address as its country requires, and the
// phone, valid for the country (stored in E.164) and required where the customer's country requires it.
func ValidateBillingProfile() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.BillingProfileFunc(func(ctx context.Context, m *ent.BillingProfileMutation) (ent.Value, error) {
			if !m.Op().Is(ent.OpCreate | ent.OpUpdateOne) {
				return next.Mutate(ctx, m)
			}
			val := func(f string) string {
				s, _ := stringValue(ctx, m, f)
				return s
			}
			d := BillingDraft{check: map[string]bool{}}
			set := func(field string, dst *string) {
				*dst = val(field)
				if _, ok := m.Field(field); ok || m.FieldCleared(field) || m.Op().Is(ent.OpCreate) {
					d.check[field] = true
				}
			}
			set("company_name", &d.CompanyName)
			set("first_name", &d.FirstName)
			set("last_name", &d.LastName)
			set("email", &d.Email)
			for _, f := range []string{"address_line1", "address_line2", "city", "state", "postal_code", "country"} {
				if touches(m, []string{f}) || m.Op().Is(ent.OpCreate) {
					d.check["address"] = true
				}
			}
			d.AddressLine1, d.AddressLine2, d.City = val("address_line1"), val("address_line2"), val("city")
			d.State, d.PostalCode, d.Country = val("state"), val("postal_code"), val("country")
			if touches(m, []string{"phone_number", "country"}) || m.Op().Is(ent.OpCreate) {
				d.check["phone"] = true
			}
			d.PhoneNumber = val("phone_number")
			if d.check["phone"] {
				required, err := customerRequiresPhone(ctx, m)
				if err != nil {
					return nil, err
				}
				d.PhoneRequired = required
			}
			ps, normal, err := d.problems(ctx, m.Client())
			if err != nil {
				return nil, err
			}
			if err := ps.err(); err != nil {
				return nil, err
			}
			if normal.State != d.State {
				m.SetState(normal.State)
			}
			if normal.PhoneNumber != d.PhoneNumber {
				m.SetPhoneNumber(normal.PhoneNumber)
			}
			return next.Mutate(ctx, m)
		})
	}
}

// partnerDomains are the viewer partner's own email domains (loaded with the viewer).
func partnerDomains(ctx context.Context) []string {
	if v := viewer.FromContext(ctx); v != nil {
		return v.EmailDomains
	}
	return nil
}

// customerRequiresPhone reports whether the profile's customer is in a country that requires a phone.
func customerRequiresPhone(ctx context.Context, m *ent.BillingProfileMutation) (bool, error) {
	id, ok := m.CustomerID()
	if !ok {
		old, err := m.OldCustomerID(ctx)
		if err != nil {
			return false, err
		}
		id = old
	}
	c, err := m.Client().Customer.Query().Where(customer.ID(id)).Only(Consequence(ctx))
	if ent.IsNotFound(err) {
		return false, nil // the follow-up hook answers NOT_FOUND
	}
	if err != nil {
		return false, err
	}
	return validate.RequiresPhone(c.Country), nil
}

// countryProblems checks a customer's country and registration ID (required, refused or checked per
// country).
func countryProblems(country, registrationID string) problems {
	var ps problems
	if _, known := validate.LookupCountry(country); !known {
		ps.add("country", &validate.Problem{Code: validate.CodeInvalid, Message: "Choose a country from the list (a two-letter ISO code, such as PL)."})
	} else {
		ps.add("registrationID", validate.RegistrationID(registrationID, country))
	}
	return ps
}

// BillingDraft is a billing profile's values to check. check names what to check (all when nil):
// ent field names, "address" and "phone".
type BillingDraft struct {
	CompanyName, FirstName, LastName, Email                                   string
	AddressLine1, AddressLine2, City, State, PostalCode, Country, PhoneNumber string
	PhoneRequired                                                             bool
	check                                                                     map[string]bool
}

// problems checks the draft; normal has the state as its list code and the phone in E.164.
func (d BillingDraft) problems(ctx context.Context, client *ent.Client) (problems, BillingDraft, error) {
	on := func(what string) bool { return d.check == nil || d.check[what] }
	var ps problems
	normal := d
	if on("company_name") {
		ps.add("companyName", validate.CompanyName(d.CompanyName))
	}
	if on("first_name") {
		ps.add("firstName", validate.PersonName(d.FirstName))
	}
	if on("last_name") {
		ps.add("lastName", validate.PersonName(d.LastName))
	}
	if on("email") {
		ps.add("email", validate.Email(d.Email, partnerDomains(ctx)))
	}
	if on("address") {
		for _, fp := range validate.AddressProblems(validate.Address{Line1: d.AddressLine1, Line2: d.AddressLine2,
			City: d.City, State: d.State, PostalCode: d.PostalCode, Country: d.Country}) {
			ps.add(fp.Field, fp.Problem)
		}
		if code, ok := validate.StateCode(d.Country, d.State); ok {
			normal.State = code
		}
	}
	if on("phone") {
		_, knownCountry := validate.LookupCountry(d.Country)
		switch {
		case d.PhoneNumber == "" && d.PhoneRequired:
			ps.add("phoneNumber", &validate.Problem{Code: validate.CodeRequired, Message: "A phone number is required for customers in this country."})
		case d.PhoneNumber != "" && knownCountry:
			e164, p := validate.Phone(d.PhoneNumber, d.Country)
			ps.add("phoneNumber", p)
			if p == nil {
				normal.PhoneNumber = e164
			}
		}
	}
	return ps, normal, nil
}

// CheckNewCustomer checks a new customer's company details and billing profile together, so that
// every problem is reported at once (billing fields as "billingProfile.<field>"). The hooks check
// each write again; this only gathers the answers before anything is written.
func CheckNewCustomer(ctx context.Context, client *ent.Client, companyName, country, registrationID string, b BillingDraft) error {
	var ps problems
	ps.add("companyName", validate.CompanyName(companyName))
	ps = append(ps, countryProblems(country, registrationID)...)
	b.PhoneRequired = validate.RequiresPhone(country)
	b.check = map[string]bool{"first_name": true, "last_name": true, "email": true, "address": true, "phone": true,
		// The bill-to name defaults to the company name: only a different one is checked again.
		"company_name": b.CompanyName != companyName}
	bps, _, err := b.problems(ctx, client)
	if err != nil {
		return err
	}
	for _, p := range bps {
		p.Field = append([]string{"billingProfile"}, p.Field...)
		ps = append(ps, p)
	}
	return ps.err()
}
