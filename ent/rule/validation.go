package rule

import (
	"context"
	"errors"
	"strings"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/hook"
	"partnerhub/ent/partner"
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
			if name, ok := m.DisplayName(); ok {
				if original, _ := m.CompanyName(); original != name {
					ps.add("companyName", validate.CompanyName(name))
				}
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
				if _, known := validate.LookupCountry(country); !known {
					ps.add("country", &validate.Problem{Code: validate.CodeInvalid, Message: "Choose a country from the list (a two-letter ISO code, such as PL)."})
				} else if p := validate.RegistrationID(id, country); p != nil {
					ps.add("registrationID", p)
				} else if id != "" {
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
			var ps problems
			if name, ok := m.CompanyName(); ok {
				ps.add("companyName", validate.CompanyName(name))
			}
			if v, ok := m.FirstName(); ok {
				ps.add("firstName", validate.PersonName(v))
			}
			if v, ok := m.LastName(); ok {
				ps.add("lastName", validate.PersonName(v))
			}
			if v, ok := m.Email(); ok {
				domains, err := partnerDomains(ctx, m.Client())
				if err != nil {
					return nil, err
				}
				ps.add("email", validate.Email(v, domains))
			}
			addressFields := []string{"address_line1", "address_line2", "city", "state", "postal_code", "country"}
			if touches(m, addressFields) || m.Op().Is(ent.OpCreate) {
				for _, fp := range validate.AddressProblems(validate.Address{
					Line1: val("address_line1"), Line2: val("address_line2"), City: val("city"),
					State: val("state"), PostalCode: val("postal_code"), Country: val("country"),
				}) {
					ps.add(fp.Field, fp.Problem)
				}
				if code, ok := validate.StateCode(val("country"), val("state")); ok && code != val("state") {
					m.SetState(code)
				}
			}
			if touches(m, []string{"phone_number", "country"}) || m.Op().Is(ent.OpCreate) {
				phone, country := val("phone_number"), val("country")
				required, err := customerRequiresPhone(ctx, m)
				if err != nil {
					return nil, err
				}
				switch {
				case phone == "" && required:
					ps.add("phoneNumber", &validate.Problem{Code: validate.CodeRequired, Message: "A phone number is required for customers in this country."})
				case phone != "" && func() bool { _, ok := validate.LookupCountry(country); return ok }():
					e164, p := validate.Phone(phone, country)
					ps.add("phoneNumber", p)
					if p == nil && e164 != phone {
						m.SetPhoneNumber(e164)
					}
				}
			}
			if err := ps.err(); err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		})
	}
}

// partnerDomains are the viewer partner's own email domains.
func partnerDomains(ctx context.Context, client *ent.Client) ([]string, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, nil
	}
	p, err := client.Partner.Query().Where(partner.ID(v.PartnerID)).Only(viewer.SystemContext(ctx))
	if err != nil {
		return nil, err
	}
	return p.EmailDomains, nil
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
