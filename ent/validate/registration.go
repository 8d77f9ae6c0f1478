package validate

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// registrationIDCountries must give a company registration ID and a phone
// number (domain.md §6, Partner Center's list).
var registrationIDCountries = []string{
	"AM", "AZ", "BY", "BR", "HU", "IN", "IQ", "KZ", "KG", "MD", "MM", "PL",
	"RU", "SA", "ZA", "SS", "TJ", "TH", "TR", "UA", "AE", "UZ", "VE", "VN",
}

// maxRegistrationID bounds IDs of countries without a checked format.
const maxRegistrationID = 64

// registrationScheme is a country's ID with a public format and checksum.
type registrationScheme struct {
	name    string // as the country calls it
	lengths string // for messages: "10 or 12 digits"
	// alnum: letters are part of the ID (Brazil's alphanumeric CNPJ).
	alnum bool
	valid func(id string) bool // id is normalised
	// okLength reports a normalised ID of the right length.
	okLength func(id string) bool
}

var registrationSchemes = map[string]registrationScheme{
	"RU": {name: "INN", lengths: "10 digits (organisations) or 12 digits (individual entrepreneurs)",
		okLength: lengthIn(10, 12), valid: validINN},
	"PL": {name: "NIP", lengths: "10 digits", okLength: lengthIn(10), valid: validNIP},
	"BR": {name: "CNPJ", lengths: "14 characters", alnum: true, okLength: lengthIn(14), valid: validCNPJ},
	"UA": {name: "EDRPOU code", lengths: "8 digits", okLength: lengthIn(8), valid: validEDRPOU},
	"KZ": {name: "BIN", lengths: "12 digits", okLength: lengthIn(12), valid: validBIN},
	"TR": {name: "tax number (VKN)", lengths: "10 digits", okLength: lengthIn(10), valid: validVKN},
}

func lengthIn(ns ...int) func(string) bool {
	return func(id string) bool { return slices.Contains(ns, len(id)) }
}

// RequiresRegistrationID reports whether customers in the country must give
// a company registration ID (and a phone number): AM AZ BY BR HU IN IQ KZ
// KG MD MM PL RU SA ZA SS TJ TH TR UA AE UZ VE VN.
func RequiresRegistrationID(country string) bool {
	return slices.Contains(registrationIDCountries, normCountry(country))
}

// RegistrationID checks a company registration ID for a country. It is
// REQUIRED in the countries of RequiresRegistrationID and refused (INVALID)
// anywhere else when not empty. Where the country's ID has a public
// checksum it is checked: Russia's INN (10 or 12 digits), Poland's NIP
// (10 digits, "PL" prefix allowed), Brazil's CNPJ (14 characters, numeric or
// the alphanumeric form issued from July 2026), Ukraine's EDRPOU (8
// digits), Kazakhstan's BIN (12 digits) and Türkiye's VKN (10 digits);
// spaces, hyphens, dots and slashes between the characters are ignored.
// Other countries accept 1–64 letters, digits, spaces, hyphens and slashes.
func RegistrationID(id, country string) *Problem {
	v, ok := clean(id)
	if !ok {
		return errNotUTF8
	}
	cc := normCountry(country)
	if !RequiresRegistrationID(cc) {
		if v != "" {
			return invalid("A registration ID is not accepted for this country; leave it empty.")
		}
		return nil
	}
	scheme, checked := registrationSchemes[cc]
	if v == "" {
		if checked {
			return required("Enter the company's " + scheme.name + "; it is required for customers in " + countryName(cc) + ".")
		}
		return required("Enter the company registration ID; it is required for customers in " + countryName(cc) + ".")
	}

	if !checked {
		if p := checkLength(v, 1, maxRegistrationID); p != nil {
			return p
		}
		for _, r := range v {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '-' || r == ' ' || r == '/') {
				return invalid("Use only letters, digits, spaces, hyphens (-) and slashes (/) in the registration ID.")
			}
		}
		if !strings.ContainsFunc(v, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			return invalid("A registration ID must contain letters or digits.")
		}
		return nil
	}

	if utf8.RuneCountInString(v) > maxRegistrationID {
		return tooLong(maxRegistrationID)
	}
	body := v
	if cc == "PL" && len(body) >= 2 && strings.EqualFold(body[:2], "PL") {
		body = body[2:] // the EU VAT form of the NIP
	}
	for _, r := range body {
		switch {
		case r >= '0' && r <= '9', r == ' ', r == '-', r == '.', r == '/':
		case scheme.alnum && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'):
		default:
			if scheme.alnum {
				return invalid("The %s has %s: use only digits, letters and the separators . / -.", scheme.name, scheme.lengths)
			}
			return invalid("The %s has %s: use only digits.", scheme.name, scheme.lengths)
		}
	}
	n := NormalizeRegistrationID(v, cc)
	if !scheme.okLength(n) {
		return invalid("The %s has %s; this one has %d.", scheme.name, scheme.lengths, len(n))
	}
	if strings.Trim(n, "0") == "" || !scheme.valid(n) {
		return invalid("This %s is not valid: its check digit does not match. Check it for typing mistakes.", scheme.name)
	}
	return nil
}

// NormalizeRegistrationID returns the ID as stored: for the countries with a
// checked format, the digits only (Poland's "PL" prefix and all separators
// removed; Brazil keeps the letters of an alphanumeric CNPJ, in upper case);
// elsewhere the ID with surrounding spaces trimmed and inner runs of white
// space collapsed. Normalising twice gives the same result.
func NormalizeRegistrationID(id, country string) string {
	cc := normCountry(country)
	scheme, checked := registrationSchemes[cc]
	if !checked {
		return strings.Join(strings.Fields(id), " ")
	}
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case scheme.alnum && r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case scheme.alnum && r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// digits converts an ASCII digit string.
func digits(s string) []int {
	d := make([]int, len(s))
	for i := range len(s) {
		d[i] = int(s[i] - '0')
	}
	return d
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func weighted(d, w []int) int {
	sum := 0
	for i, wi := range w {
		sum += d[i] * wi
	}
	return sum
}

// validINN checks a Russian INN: 10 digits with one check digit, or 12
// digits with two (weights of the Federal Tax Service, sum mod 11 mod 10).
func validINN(s string) bool {
	if !allDigits(s) {
		return false
	}
	d := digits(s)
	check := func(w []int) int { return weighted(d, w) % 11 % 10 }
	switch len(d) {
	case 10:
		return check([]int{2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[9]
	case 12:
		return check([]int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[10] &&
			check([]int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[11]
	}
	return false
}

// validNIP checks a Polish NIP: weights 6 5 7 2 3 4 5 6 7, sum mod 11 is
// the check digit; a remainder of 10 is never issued.
func validNIP(s string) bool {
	if len(s) != 10 || !allDigits(s) {
		return false
	}
	d := digits(s)
	r := weighted(d, []int{6, 5, 7, 2, 3, 4, 5, 6, 7}) % 11
	return r != 10 && r == d[9]
}

// validCNPJ checks a Brazilian CNPJ: two mod-11 check digits over weights
// 5…2,9…2 and 6…2,9…2. Characters count as their ASCII code minus 48, which
// gives digits their value and covers the alphanumeric CNPJ (letters in the
// first 12 positions, Receita Federal, from July 2026).
func validCNPJ(s string) bool {
	if len(s) != 14 || !allDigits(s[12:]) {
		return false
	}
	v := make([]int, 14)
	for i := range 14 {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
		v[i] = int(c) - '0'
	}
	dv := func(w []int) int {
		r := weighted(v, w) % 11
		if r < 2 {
			return 0
		}
		return 11 - r
	}
	return dv([]int{5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}) == v[12] &&
		dv([]int{6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}) == v[13]
}

// validEDRPOU checks a Ukrainian EDRPOU code: weights 1…7, or 7,1…6 for
// codes from 30000000 to 60000000; when the sum mod 11 is 10 the weights are
// raised by 2 and the sum taken again, and a second 10 counts as 0.
func validEDRPOU(s string) bool {
	if len(s) != 8 || !allDigits(s) {
		return false
	}
	d := digits(s)
	w := []int{1, 2, 3, 4, 5, 6, 7}
	if s >= "30000000" && s <= "60000000" {
		w = []int{7, 1, 2, 3, 4, 5, 6}
	}
	r := weighted(d, w) % 11
	if r == 10 {
		w2 := make([]int, len(w))
		for i := range w {
			w2[i] = w[i] + 2
		}
		r = weighted(d, w2) % 11
		if r == 10 {
			r = 0
		}
	}
	return r == d[7]
}

// validBIN checks a Kazakh BIN (or IIN): weights 1…11, and when the sum mod
// 11 is 10, weights 3…11,1,2; a second 10 means the number is never issued.
func validBIN(s string) bool {
	if len(s) != 12 || !allDigits(s) {
		return false
	}
	d := digits(s)
	r := weighted(d, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) % 11
	if r == 10 {
		r = weighted(d, []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2}) % 11
		if r == 10 {
			return false
		}
	}
	return r == d[11]
}

// validVKN checks a Turkish tax number (Vergi Kimlik Numarası): for the
// digit at position i (1…9 from the left), t = (digit + 10 - i) mod 10 and,
// unless t is 0, v = t·2^(10-i) mod 9, with 9 for 0; the check digit is
// (10 - Σv mod 10) mod 10.
func validVKN(s string) bool {
	if len(s) != 10 || !allDigits(s) {
		return false
	}
	d := digits(s)
	sum := 0
	for i := 1; i <= 9; i++ {
		t := (d[i-1] + 10 - i) % 10
		if t == 0 {
			continue
		}
		v := t * (1 << (10 - i)) % 9
		if v == 0 {
			v = 9
		}
		sum += v
	}
	return (10-sum%10)%10 == d[9]
}
