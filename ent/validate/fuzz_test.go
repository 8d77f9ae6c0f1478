package validate

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The seeds below make these targets run as ordinary tests; run one with,
// for example, go test -fuzz FuzzCompanyName -fuzztime 20s ./ent/validate/

func FuzzCompanyName(f *testing.F) {
	for _, s := range []string{
		"", "A", "Łódź Trading Sp. z o.o.", "ООО «Контур»", "Société Générale", "北京科技有限公司",
		"999", "1 2 3", "LLC", "Sp. z o.o.", "Test Company 2", "Allegro.pl", "Amazon.com, Inc.",
		"GmbH & Co.KG", "Acme™", "\xff", " \u0301a ", "a\u0308", "\u2000x\u2000", strings.Repeat("Ab", 128),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := CompanyName(s)
		w := CompanyNameWarning(s)
		v, valid := clean(s)
		if p == nil || p.Warning {
			if !valid {
				t.Fatalf("accepted invalid UTF-8 %q", s)
			}
			if n := length(v); n < minCompanyName || n > maxCompanyName {
				t.Fatalf("accepted %q of %d characters", s, n)
			}
			for _, r := range v {
				if !companyRune(r) {
					t.Fatalf("accepted %q with %q", s, r)
				}
			}
			if !hasLetter(v) {
				t.Fatalf("accepted %q without a letter", s)
			}
			if (p != nil) != (w != nil) {
				t.Fatalf("CompanyName(%q) = %v but CompanyNameWarning = %v", s, p, w)
			}
		}
		if p != nil && p.Message == "" {
			t.Fatalf("empty message for %q", s)
		}
		if w != nil && !w.Warning {
			t.Fatalf("CompanyNameWarning(%q) is not a warning", s)
		}
		if valid {
			// What is stored (the cleaned value) gets the same verdict.
			if again, _ := clean(v); again != v {
				t.Fatalf("clean is not idempotent: %q -> %q -> %q", s, v, again)
			}
			if outcome(CompanyName(v)) != outcome(p) {
				t.Fatalf("CompanyName(%q) = %v but CompanyName(%q) = %v", s, p, v, CompanyName(v))
			}
		}
	})
}

func FuzzPersonName(f *testing.F) {
	for _, s := range []string{
		"", "A", "李", "Anna", "Jean-Pierre", "O'Brien", "Иванов", "test", "N/A", "xxx", "😀😀", "123",
		strings.Repeat("a", 41), "\xff", "a\nb", "\u0301",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := PersonName(s)
		v, valid := clean(s)
		if p == nil {
			if !valid {
				t.Fatalf("accepted invalid UTF-8 %q", s)
			}
			n := length(v)
			if n > maxPersonName || n < 1 || (n < minPersonName && !cjk(v)) {
				t.Fatalf("accepted %q of %d characters", s, n)
			}
			if !hasLetter(v) {
				t.Fatalf("accepted %q without a letter", s)
			}
		} else if p.Message == "" || p.Warning {
			t.Fatalf("bad problem for %q: %+v", s, p)
		}
		if valid && outcome(PersonName(v)) != outcome(p) {
			t.Fatalf("PersonName(%q) = %v but PersonName(%q) = %v", s, p, v, PersonName(v))
		}
	})
}

func FuzzEmail(f *testing.F) {
	for _, s := range []string{
		"", "anna@example.pl", "IVAN@EXAMPLE.RU", "ivan@пример.рф", "a@microsoft.com", "a@x.microsoft.com",
		"b@contoso.com", "b@sales.contoso.com", "Anna <anna@example.com>", "\"a b\"@example.com", "a@[1.2.3.4]",
		"a@b", "a@b.c", "@", "a@@b.com", "\xff@example.com",
	} {
		f.Add(s)
	}
	partner := []string{"contoso.com"}
	f.Fuzz(func(t *testing.T, s string) {
		p := Email(s, partner)
		v, valid := clean(s)
		if p == nil {
			if !valid || length(v) > maxEmail {
				t.Fatalf("accepted %q", s)
			}
			at := strings.LastIndexByte(v, '@')
			if at <= 0 {
				t.Fatalf("accepted %q without a local part", s)
			}
			domain := strings.ToLower(v[at+1:])
			if !strings.Contains(domain, ".") || underDomain(domain, "microsoft.com") || underDomain(domain, "contoso.com") {
				t.Fatalf("accepted %q", s)
			}
			if Email(s, nil) != nil {
				t.Fatalf("%q accepted with partner domains but refused without", s)
			}
		} else if p.Message == "" || p.Warning {
			t.Fatalf("bad problem for %q: %+v", s, p)
		}
		if valid && outcome(Email(v, partner)) != outcome(p) {
			t.Fatalf("Email(%q) = %v but Email(%q) = %v", s, p, v, Email(v, partner))
		}
	})
}

// fuzzCountries are the countries FuzzRegistrationID picks from: the checked
// schemes, required ones without a checksum, and ones that refuse an ID.
var fuzzCountries = []string{"RU", "PL", "BR", "UA", "KZ", "TR", "HU", "IN", "AE", "US", "DE", ""}

func FuzzRegistrationID(f *testing.F) {
	for _, seed := range []struct {
		id string
		c  uint8
	}{
		{"7707083893", 0}, {"500100732259", 0}, {"PL 526-025-02-74", 1}, {"11.222.333/0001-81", 2},
		{"12.ABC.345/01DE-35", 2}, {"00032129", 3}, {"971240001315", 4}, {"4540536920", 5},
		{"01-09-123456", 6}, {"U72900KA2000PLC026789", 7}, {" a  b ", 8}, {"HRB 12345", 9}, {"", 10},
		{"\xff", 0}, {"0000000000", 0}, {"pl", 1},
	} {
		f.Add(seed.id, seed.c)
	}
	f.Fuzz(func(t *testing.T, id string, c uint8) {
		country := fuzzCountries[int(c)%len(fuzzCountries)]
		p := RegistrationID(id, country)
		n := NormalizeRegistrationID(id, country)
		if again := NormalizeRegistrationID(n, country); again != n {
			t.Fatalf("NormalizeRegistrationID(%q, %s) not idempotent: %q -> %q", id, country, n, again)
		}
		if p != nil {
			if p.Message == "" || p.Warning {
				t.Fatalf("bad problem for %q: %+v", id, p)
			}
			return
		}
		if !RequiresRegistrationID(country) {
			if strings.TrimSpace(id) != "" {
				t.Fatalf("%s accepted %q", country, id)
			}
			return
		}
		// A valid ID stays valid once normalised, and the normalised form
		// of a checked ID is the digits (or CNPJ characters) only.
		if q := RegistrationID(n, country); q != nil {
			t.Fatalf("%s: %q valid but its normal form %q is not: %v", country, id, n, q)
		}
		if scheme, checked := registrationSchemes[country]; checked {
			if !scheme.okLength(n) || !scheme.valid(n) {
				t.Fatalf("%s: %q accepted as %q", country, id, n)
			}
			for _, r := range n {
				if !(r >= '0' && r <= '9' || scheme.alnum && r >= 'A' && r <= 'Z') {
					t.Fatalf("%s: normal form %q has %q", country, n, r)
				}
			}
		} else if l := utf8.RuneCountInString(n); l < 1 || l > maxRegistrationID {
			t.Fatalf("%s: accepted %q of %d characters", country, n, l)
		}
	})
}

var addressFields = []string{"addressLine1", "addressLine2", "city", "state", "postalCode", "country"}

func FuzzAddress(f *testing.F) {
	f.Add("ul. Marszałkowska 1", "", "Warszawa", "", "00-950", "PL")
	f.Add("1 Microsoft Way", "Building 92", "Redmond", "WA", "98052-6399", "US")
	f.Add("111 Wellington St", "", "Ottawa", "Ontario", "K1A 0A9", "ca")
	f.Add("朝阳区建国路1号", "", "北京", "北京", "100020", "CN")
	f.Add("Calle 1", "", "Tijuana", "Baja", "22000", "MX")
	f.Add("10 Downing Street", "", "London", "", "sw1a 2aa", "GB")
	f.Add("", "", "", "", "", "")
	f.Add("\xff", "\n", "x", "US-", "9", "XK")
	f.Fuzz(func(t *testing.T, line1, line2, city, state, postal, country string) {
		a := Address{Line1: line1, Line2: line2, City: city, State: state, PostalCode: postal, Country: country}
		ps := AddressProblems(a)
		seen := map[string]bool{}
		for _, fp := range ps {
			if !slices.Contains(addressFields, fp.Field) || seen[fp.Field] {
				t.Fatalf("bad or repeated field %q in %+v", fp.Field, ps)
			}
			seen[fp.Field] = true
			if fp.Problem == nil || fp.Problem.Message == "" || fp.Problem.Warning {
				t.Fatalf("bad problem for %s: %+v", fp.Field, fp.Problem)
			}
		}
		if !seen["addressLine1"] {
			v, _ := clean(line1)
			if n := length(v); n < 1 || n > maxAddressLine {
				t.Fatalf("line 1 %q of %d characters accepted", line1, n)
			}
		}
		if !seen["addressLine2"] {
			v, _ := clean(line2)
			if n := length(v); n > maxAddressLine {
				t.Fatalf("line 2 %q of %d characters accepted", line2, n)
			}
		}
		if !seen["country"] && lookup(country) == nil {
			t.Fatalf("unknown country %q accepted", country)
		}
		if len(ps) == 0 {
			c := lookup(country)
			if c.stateNames != nil && strings.TrimSpace(state) != "" {
				if _, ok := StateCode(country, state); !ok {
					t.Fatalf("state %q accepted but not in the list of %s", state, c.Code)
				}
			}
			if c.RequiresPostalCode && strings.TrimSpace(postal) == "" {
				t.Fatalf("missing postal code accepted for %s", c.Code)
			}
		}
		// The trimmed address gets the same verdict.
		trim := func(s string) string { v, _ := clean(s); return v }
		if allValid(line1, line2, city, state, postal, country) {
			again := AddressProblems(Address{trim(line1), trim(line2), trim(city), trim(state), trim(postal), trim(country)})
			if len(again) != len(ps) {
				t.Fatalf("trimmed address differs: %+v vs %+v", ps, again)
			}
		}
	})
}

func allValid(ss ...string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}

func FuzzPhone(f *testing.F) {
	for _, seed := range [][2]string{
		{"512 345 678", "PL"}, {"+48 512 345 678", "RU"}, {"8 (495) 123-45-67", "RU"}, {"(425) 882-8080", "US"},
		{"01 23 45 67 89", "FR"}, {"+33 6 12 34 56 78", ""}, {"1-800-FLOWERS", "US"}, {"", "PL"}, {"+", "ZZ"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, number, country string) {
		e164, p := Phone(number, country)
		if p != nil {
			if e164 != "" || p.Message == "" || p.Warning {
				t.Fatalf("Phone(%q, %q) = %q, %+v", number, country, e164, p)
			}
			return
		}
		if !strings.HasPrefix(e164, "+") || len(e164) < 3 || len(e164) > 16 {
			t.Fatalf("Phone(%q, %q) = %q, not E.164", number, country, e164)
		}
		// The E.164 form is itself accepted, unchanged.
		if again, q := Phone(e164, country); q != nil || again != e164 {
			t.Fatalf("Phone(%q, %q) = %q, %v; from %q", e164, country, again, q, number)
		}
	})
}
