package validate

import "strings"

// The prefix of a customer's <prefix>.onmicrosoft.com domain is 1–27
// characters, so that the domain is 17–43 characters in all (domain.md §2).
const maxDomainPrefix = 27

// DomainPrefix checks the prefix of a customer's onmicrosoft.com domain:
// 1–27 lower-case letters a–z and digits 0–9.
func DomainPrefix(s string) *Problem {
	s = strings.TrimSpace(s)
	if s == "" {
		return required("Enter a domain prefix.")
	}
	for i := range len(s) {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			if c >= 'A' && c <= 'Z' {
				return invalid("Use lower-case letters: a domain prefix has only the letters a–z and the digits 0–9.")
			}
			return invalid("A domain prefix has only the letters a–z and the digits 0–9: no spaces, dots, hyphens or accents.")
		}
	}
	if len(s) > maxDomainPrefix {
		return tooLong(maxDomainPrefix)
	}
	return nil
}
