// Package fake generates deterministic, realistic demo data (companies,
// contacts, addresses, tax identifiers) for a Microsoft CSP-style partner's
// customer records. All randomness comes from a caller-supplied
// *rand.Rand (math/rand/v2), so the same seed always yields the same data:
//
//	r := rand.New(rand.NewPCG(42, 1))
//	c := fake.NewCompany(r)
//
// The package depends on the standard library only.
package fake

import (
	"math/rand/v2"
	"strings"
)

// Company is a generated customer company.
type Company struct {
	Name           string // realistic for its country/language, may contain «», „”, quotes, & and diacritics
	DomainPrefix   string // [a-z0-9]{3,27}, derived from Name; callers add a uniqueness suffix if needed
	Country        string // ISO 3166-1 alpha-2
	Language       string // ISO 639-1, e.g. "ru"
	Culture        string // e.g. "ru-RU"
	RegistrationID string // RU: 10-digit INN, PL: 10-digit NIP (valid checksums); "" elsewhere
	Contact        Person
	Address        Address
}

// Person is a contact person. Email has an ASCII-only local part.
type Person struct {
	FirstName, LastName, Email string
}

// Address is a postal address with a phone number in E.164 form with
// grouping spaces ("+48 22 123 45 67"); strip spaces for strict E.164.
type Address struct {
	Line1, Line2, City, State, PostalCode, Country, Phone string
}

// Locales supported by NewCompanyIn and NewPerson.
var Locales = []string{"en-US", "en-GB", "ru-RU", "pl-PL", "fr-FR", "it-IT"}

// localeWeights are the NewCompany weights (percent) matching Locales:
// English 30% (US 18, GB 12), Russian 20%, Polish 20%, French 15%, Italian 15%.
var localeWeights = []int{18, 12, 20, 20, 15, 15}

// NewCompany returns a company in a locale picked with the weights
// en (US/GB) 30%, ru 20%, pl 20%, fr 15%, it 15%.
func NewCompany(r *rand.Rand) Company {
	return NewCompanyIn(r, Locales[weighted(r, localeWeights)])
}

// NewCompanyIn returns a company for the given locale, one of "en-US",
// "en-GB", "ru-RU", "pl-PL", "fr-FR", "it-IT". It panics on any other value.
func NewCompanyIn(r *rand.Rand, locale string) Company {
	var (
		c      Company
		cities []city
	)
	c.Culture = locale
	switch locale {
	case "en-US":
		c.Country, cities = "US", usCities
	case "en-GB":
		c.Country, cities = "GB", gbCities
	case "ru-RU":
		c.Country, cities = "RU", ruCities
	case "pl-PL":
		c.Country, cities = "PL", plCities
	case "fr-FR":
		c.Country, cities = "FR", frCities
	case "it-IT":
		c.Country, cities = "IT", itCities
	default:
		panic("fake: unsupported locale " + locale)
	}
	c.Language = locale[:2]
	home := pickCity(r, cities)

	switch c.Country {
	case "US", "GB":
		c.Name = enCompanyName(r, c.Country == "GB", home.name, cities)
	case "RU":
		c.Name = ruCompanyName(r, home.name)
	case "PL":
		c.Name = plCompanyName(r, home.name, cities)
	case "FR":
		c.Name = frCompanyName(r, home.name, cities)
	case "IT":
		c.Name = itCompanyName(r, home.name, cities)
	}
	c.DomainPrefix = DomainPrefix(c.Name)

	switch c.Country {
	case "RU":
		c.RegistrationID = inn10(r, pick(r, home.regID))
	case "PL":
		c.RegistrationID = nip(r, home.regID)
	}

	c.Address = newAddress(r, c.Country, home)
	c.Contact = NewPerson(r, locale)
	c.Contact.Email = Email(c.Contact.FirstName, c.Contact.LastName, c.DomainPrefix+".onmicrosoft.com")
	return c
}

// WithDomainPrefix returns a copy of c using prefix as its tenant domain
// prefix, with the contact's e-mail moved to <prefix>.onmicrosoft.com.
// Use it after appending a uniqueness suffix.
func (c Company) WithDomainPrefix(prefix string) Company {
	c.DomainPrefix = prefix
	if local, _, ok := strings.Cut(c.Contact.Email, "@"); ok {
		c.Contact.Email = local + "@" + prefix + ".onmicrosoft.com"
	}
	return c
}
