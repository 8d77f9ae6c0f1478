package validate

import (
	"strings"
	"unicode"
)

// Address is a billing or company address as typed.
type Address struct {
	Line1, Line2, City, State, PostalCode, Country string
}

// FieldProblem is a Problem with one address field, named as the input
// field: "addressLine1", "addressLine2", "city", "state", "postalCode",
// "country".
type FieldProblem struct {
	Field   string
	Problem *Problem
}

// Length limits of the address fields. Lines are from domain.md §2; city,
// state and postal code have no documented limit, so these are generous.
const (
	maxAddressLine = 200
	maxCity        = 100
	maxState       = 100
	maxPostalCode  = 20
)

// AddressProblems checks an address: line 1 is required (1–200 characters),
// line 2 optional (up to 200); the country must be an ISO 3166-1 alpha-2
// code; city, state and postal code are required where the country's postal
// service requires them (Google's address data); a postal code must match
// the country's format (and the state's range, where the state is from a
// list); for US, CA, CN and MX the state must be in the country's list
// (code or name). It returns nil when the address is acceptable.
func AddressProblems(a Address) []FieldProblem {
	var out []FieldProblem
	add := func(field string, p *Problem) {
		if p != nil {
			out = append(out, FieldProblem{Field: field, Problem: p})
		}
	}

	add("addressLine1", addressText(a.Line1, true, maxAddressLine, "Enter the street address."))
	add("addressLine2", addressText(a.Line2, false, maxAddressLine, ""))

	country, cp := addressCountry(a.Country)
	add("country", cp)

	requiresCity, requiresState, requiresPostal := true, false, false
	if country != nil {
		requiresCity, requiresState, requiresPostal = country.RequiresCity, country.RequiresState, country.RequiresPostalCode
	}
	add("city", addressText(a.City, requiresCity, maxCity, "Enter the city."))

	stateCode := ""
	sp := addressText(a.State, requiresState, maxState, "Enter the state or province.")
	if sp == nil && country != nil && country.stateNames != nil && strings.TrimSpace(a.State) != "" {
		code, ok := StateCode(country.Code, a.State)
		if ok {
			stateCode = code
		} else {
			sp = invalid("Choose a state or province from the list for %s.", country.Names["en"])
		}
	}
	add("state", sp)

	pp := addressText(a.PostalCode, requiresPostal, maxPostalCode, "Enter the postal code.")
	if pp == nil && country != nil && strings.TrimSpace(a.PostalCode) != "" {
		pp = postalCode(country, stateCode, a.PostalCode)
	}
	add("postalCode", pp)

	return out
}

// addressCountry resolves the country field.
func addressCountry(s string) (*countryInfo, *Problem) {
	code, ok := clean(s)
	if !ok {
		return nil, errNotUTF8
	}
	if code == "" {
		return nil, required("Choose the country.")
	}
	c := lookup(code)
	if c == nil {
		return nil, invalid("Choose a country from the list (a two-letter ISO 3166 code such as PL or US).")
	}
	return c, nil
}

// addressText checks a free-text address field.
func addressText(s string, isRequired bool, max int, requiredMessage string) *Problem {
	v, ok := clean(s)
	if !ok {
		return errNotUTF8
	}
	if v == "" {
		if isRequired {
			return required(requiredMessage)
		}
		return nil
	}
	if p := checkLength(v, 1, max); p != nil {
		return p
	}
	for _, r := range v {
		if invisible(r) || (unicode.IsSpace(r) && r != ' ' && !unicode.Is(unicode.Zs, r)) {
			return invalid("Remove the line breaks and other invisible characters.")
		}
	}
	if !strings.ContainsFunc(v, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return invalid("Use letters or digits, not only punctuation.")
	}
	return nil
}

// postalCode checks a postal code against the country's format, compared
// in upper case ("sw1a 1aa" is a valid UK code).
func postalCode(c *countryInfo, stateCode, s string) *Problem {
	v, _ := clean(s)
	v = strings.ToUpper(v)
	if c.postalFormat == nil {
		// The country has no postal codes; accept a plausible one rather
		// than refuse what the customer uses.
		for _, r := range v {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || r == '-') {
				return invalid("Use only letters, digits, spaces and hyphens in the postal code.")
			}
		}
		return nil
	}
	if !c.postalFormat.MatchString(v) {
		if c.PostalCodeExample != "" {
			return invalid("This postal code does not match the format for %s, such as %s.", c.Names["en"], c.PostalCodeExample)
		}
		return invalid("This postal code does not match the format for %s.", c.Names["en"])
	}
	if re, ok := c.statePostal[stateCode]; ok && !re.MatchString(v) {
		return invalid("This postal code is not in %s; check the postal code and the state.", stateName(c, stateCode))
	}
	return nil
}

func stateName(c *countryInfo, code string) string {
	for _, s := range c.States {
		if s.Code == code {
			return s.Name
		}
	}
	return code
}
