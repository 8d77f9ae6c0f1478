package validate

import (
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxEmail is the longest address that can be used in SMTP (RFC 5321 with
// RFC 3696 errata).
const maxEmail = 254

// Email checks a contact's email address: a plain address (no display name,
// no angle brackets, no quoted or commented parts) that net/mail accepts,
// at most 254 characters, whose domain has a dot and well-formed labels. An
// address at microsoft.com or one of its subdomains is refused, and so is
// one at partnerDomains (the partner's own domains, case-insensitive,
// subdomains included): the contact must be the customer's.
func Email(s string, partnerDomains []string) *Problem {
	v, ok := clean(s)
	if !ok {
		return errNotUTF8
	}
	if v == "" {
		return required("Enter an email address.")
	}
	if length(v) > maxEmail {
		return tooLong(maxEmail)
	}
	domain, ok := emailDomain(v)
	if !ok {
		return invalid("Enter a valid email address, such as name@example.com.")
	}
	if underDomain(domain, "microsoft.com") {
		return invalid("An email address at microsoft.com cannot be used; enter the customer's own address.")
	}
	for _, pd := range partnerDomains {
		pd = normDomain(pd)
		if pd != "" && underDomain(domain, pd) {
			return invalid("This address is at your own domain (%s); enter the customer's own address.", pd)
		}
	}
	return nil
}

// emailDomain parses a plain address and returns its domain in lower case.
func emailDomain(s string) (string, bool) {
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Name != "" || addr.Address != s {
		return "", false
	}
	at := strings.LastIndexByte(s, '@')
	local, domain := s[:at], strings.ToLower(s[at+1:])
	if local == "" || len(local) > 64 || strings.ContainsAny(local, "\" ") {
		return "", false
	}
	if !validDomainName(domain) {
		return "", false
	}
	return domain, true
}

// validDomainName accepts host names with at least two labels: letters
// (any script, for internationalised domains), digits and inner hyphens,
// 1–63 characters a label, and a top-level label of two or more letters.
func validDomainName(d string) bool {
	labels := strings.Split(d, ".")
	if len(labels) < 2 || len(d) > 253 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '-') {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	if strings.HasPrefix(tld, "xn--") {
		return len(tld) > 4
	}
	if utf8.RuneCountInString(tld) < 2 {
		return false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return false
		}
	}
	return true
}

// normDomain folds a configured domain: lower case, no "@" or trailing dot.
func normDomain(d string) string {
	d = strings.ToLower(strings.TrimSpace(d))
	d = strings.TrimPrefix(d, "@")
	return strings.TrimSuffix(d, ".")
}

// underDomain reports whether d is parent or one of its subdomains.
func underDomain(d, parent string) bool {
	return d == parent || strings.HasSuffix(d, "."+parent)
}
