package rule

import (
	"regexp"
	"unicode/utf8"
)

// The validators below are used by the ent schema's field validators. They return FieldErrors without
// a field: ent names the field (ValidationError.Name) and the API maps it to the input's path.

// Length checks that s has min..max characters (not bytes).
func Length(min, max int) func(string) error {
	return func(s string) error {
		n := utf8.RuneCountInString(s)
		switch {
		case n == 0 && min > 0:
			return Errorf("", CodeRequired, "This field is required.")
		case n < min:
			return Errorf("", CodeTooShort, "Use at least %d characters.", min)
		case n > max:
			return Errorf("", CodeTooLong, "Use at most %d characters.", max)
		}
		return nil
	}
}

// Pattern checks s against re, refusing it with message.
func Pattern(re *regexp.Regexp, message string) func(string) error {
	return func(s string) error {
		if s == "" {
			return Errorf("", CodeRequired, "This field is required.")
		}
		if !re.MatchString(s) {
			return Errorf("", CodeInvalid, "%s", message)
		}
		return nil
	}
}

// Formats shared by the schema and the API.
var (
	// DomainPrefixRe is the part of a primary domain before ".onmicrosoft.com".
	DomainPrefixRe  = regexp.MustCompile(`^[a-z0-9]{1,27}$`)
	PrimaryDomainRe = regexp.MustCompile(`^[a-z0-9]{1,27}\.onmicrosoft\.com$`)
	CountryRe       = regexp.MustCompile(`^[A-Z]{2}$`)
	LanguageRe      = regexp.MustCompile(`^[a-z]{2}$`)
	CultureRe       = regexp.MustCompile(`^[a-z]{2}-[A-Z]{2}$`)
	ColorRe         = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	GUIDRe          = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	EmailRe         = regexp.MustCompile(`^[^\s@]+@[^\s@]+\.[^\s@]+$`)
)

// DomainSuffix is what every primary domain ends with.
const DomainSuffix = ".onmicrosoft.com"
