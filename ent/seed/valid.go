package seed

import (
	"math/rand/v2"

	"partnerhub/ent/seed/fake"
	"partnerhub/ent/validate"
)

// Company returns a generated company that passes every rule of domain.md §6 (the generator is close to
// the real numbering plans and address formats; the odd company it gets wrong is drawn again).
func Company(r *rand.Rand) fake.Company {
	for {
		if c := fake.NewCompany(r); Problems(c) == nil {
			return c
		}
	}
}

// CompanyIn is Company for one locale, such as "pl-PL".
func CompanyIn(r *rand.Rand, locale string) fake.Company {
	for {
		if c := fake.NewCompanyIn(r, locale); Problems(c) == nil {
			return c
		}
	}
}

// Problems lists the rules a generated company breaks, by field.
func Problems(c fake.Company) map[string]*validate.Problem {
	out := map[string]*validate.Problem{}
	check := func(field string, p *validate.Problem) {
		if p != nil && !p.Warning {
			out[field] = p
		}
	}
	check("companyName", validate.CompanyName(c.Name))
	check("firstName", validate.PersonName(c.Contact.FirstName))
	check("lastName", validate.PersonName(c.Contact.LastName))
	check("email", validate.Email(c.Contact.Email, nil))
	check("registrationID", validate.RegistrationID(c.RegistrationID, c.Country))
	a := c.Address
	for _, fp := range validate.AddressProblems(validate.Address{Line1: a.Line1, Line2: a.Line2, City: a.City,
		State: a.State, PostalCode: a.PostalCode, Country: a.Country}) {
		check(fp.Field, fp.Problem)
	}
	if a.Phone != "" || validate.RequiresPhone(c.Country) {
		_, p := validate.Phone(a.Phone, c.Country)
		check("phoneNumber", p)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
