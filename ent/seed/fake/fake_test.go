package fake

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }

func TestDeterminism(t *testing.T) {
	a, b := newRand(42), newRand(42)
	for i := range 2000 {
		ca, cb := NewCompany(a), NewCompany(b)
		if ca != cb {
			t.Fatalf("sample %d differs for the same seed:\n%+v\n%+v", i, ca, cb)
		}
	}
	for _, loc := range Locales {
		a, b := newRand(7), newRand(7)
		for range 200 {
			if ca, cb := NewCompanyIn(a, loc), NewCompanyIn(b, loc); ca != cb {
				t.Fatalf("%s: same seed, different company", loc)
			}
			if pa, pb := NewPerson(a, loc), NewPerson(b, loc); pa != pb {
				t.Fatalf("%s: same seed, different person", loc)
			}
		}
	}
	// different seeds give different data
	c1, c2 := newRand(1), newRand(2)
	same := 0
	for range 100 {
		if NewCompany(c1) == NewCompany(c2) {
			same++
		}
	}
	if same > 5 {
		t.Fatalf("%d of 100 companies equal across different seeds", same)
	}
}

var (
	domainRe = regexp.MustCompile(`^[a-z0-9]{3,27}$`)
	postalRe = map[string]*regexp.Regexp{
		"US": regexp.MustCompile(`^\d{5}$`),
		"GB": regexp.MustCompile(`^[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}$`),
		"RU": regexp.MustCompile(`^\d{6}$`),
		"PL": regexp.MustCompile(`^\d{2}-\d{3}$`),
		"FR": regexp.MustCompile(`^\d{5}$`),
		"IT": regexp.MustCompile(`^\d{5}$`),
	}
	// phone numbers with grouping spaces removed (strict E.164)
	phoneRe = map[string]*regexp.Regexp{
		"US": regexp.MustCompile(`^\+1[2-9]\d{2}[2-9]\d{6}$`),
		"GB": regexp.MustCompile(`^\+44(?:[12]\d{9}|7[4-9]\d{8})$`),
		"RU": regexp.MustCompile(`^\+7[3489]\d{9}$`),
		"PL": regexp.MustCompile(`^\+48[1-9]\d{8}$`),
		"FR": regexp.MustCompile(`^\+33[1-7]\d{8}$`),
		"IT": regexp.MustCompile(`^\+39[03]\d{9}$`),
	}
	callingCode = map[string]string{"US": "+1", "GB": "+44", "RU": "+7", "PL": "+48", "FR": "+33", "IT": "+39"}
	mobileLead  = map[string]string{"GB": "7", "RU": "9", "PL": "5678", "FR": "67", "IT": "3"}
	citiesOf    = map[string][]city{"US": usCities, "GB": gbCities, "RU": ruCities, "PL": plCities, "FR": frCities, "IT": itCities}
	usStates    = "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
	emailRe     = regexp.MustCompile(`^[a-z0-9]+(?:[.-][a-z0-9]+)*@([a-z0-9]{3,27})\.onmicrosoft\.com$`)
	badWords    = map[string]bool{"test": true, "demo": true, "asdf": true, "qwerty": true, "foo": true, "bar": true, "lorem": true, "ipsum": true, "sample": true, "dummy": true, "xxx": true}
)

func findCity(country, name string) (city, bool) {
	for _, c := range citiesOf[country] {
		if c.name == name {
			return c, true
		}
	}
	return city{}, false
}

func checkCompany(t *testing.T, c Company) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("%s (company %+v)", fmt.Sprintf(format, args...), c)
	}
	// name
	if strings.TrimSpace(c.Name) == "" || c.Name != strings.TrimSpace(c.Name) || strings.Contains(c.Name, "  ") {
		fail("bad name spacing %q", c.Name)
	}
	letters := 0
	for _, r := range c.Name {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 3 {
		fail("name %q has too few letters", c.Name)
	}
	for _, w := range strings.FieldsFunc(Fold(c.Name), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if badWords[w] {
			fail("name %q contains placeholder word %q", c.Name, w)
		}
	}
	if !domainRe.MatchString(c.DomainPrefix) {
		fail("bad domain prefix %q", c.DomainPrefix)
	}
	if c.DomainPrefix != DomainPrefix(c.Name) {
		fail("domain prefix %q not derived from name", c.DomainPrefix)
	}
	// locale fields
	want := map[string]string{"US": "en-US", "GB": "en-GB", "RU": "ru-RU", "PL": "pl-PL", "FR": "fr-FR", "IT": "it-IT"}[c.Country]
	if want == "" || c.Culture != want || c.Language != want[:2] || c.Address.Country != c.Country {
		fail("inconsistent country/culture/language")
	}
	// registration id
	switch c.Country {
	case "RU":
		if len(c.RegistrationID) != 10 || !ValidINN(c.RegistrationID) {
			fail("invalid INN %q", c.RegistrationID)
		}
	case "PL":
		if !ValidNIP(c.RegistrationID) {
			fail("invalid NIP %q", c.RegistrationID)
		}
	default:
		if c.RegistrationID != "" {
			fail("unexpected registration id %q", c.RegistrationID)
		}
	}
	// address
	a := c.Address
	ct, ok := findCity(c.Country, a.City)
	if !ok {
		fail("unknown city %q", a.City)
	}
	if a.State != ct.state || a.State == "" {
		fail("state %q does not match city %q", a.State, a.City)
	}
	if c.Country == "US" && (len(a.State) != 2 || !strings.Contains(usStates, a.State)) {
		fail("bad US state %q", a.State)
	}
	if c.Country == "RU" && !strings.HasPrefix(c.RegistrationID, ct.regID[0]) {
		fail("INN region %q does not match city %q", c.RegistrationID[:2], a.City)
	}
	if c.Country == "PL" {
		okPrefix := false
		for _, p := range ct.regID {
			okPrefix = okPrefix || strings.HasPrefix(c.RegistrationID, p)
		}
		if !okPrefix {
			fail("NIP %q not from a tax office of %q", c.RegistrationID, a.City)
		}
	}
	if strings.TrimSpace(a.Line1) == "" || !utf8.ValidString(a.Line1+a.Line2) {
		fail("bad street line")
	}
	if !postalRe[c.Country].MatchString(a.PostalCode) {
		fail("postal code %q does not match %s format", a.PostalCode, c.Country)
	}
	switch c.Country {
	case "RU", "PL", "FR", "GB":
		okPostal := false
		for _, p := range ct.postal {
			okPostal = okPostal || strings.HasPrefix(a.PostalCode, p)
		}
		if !okPostal {
			fail("postal code %q not in %q", a.PostalCode, a.City)
		}
	case "US", "IT":
		lo, hi, _ := strings.Cut(ct.postal[0], "-")
		if a.PostalCode < lo || a.PostalCode > hi {
			fail("postal code %q outside %s", a.PostalCode, ct.postal[0])
		}
	}
	ph := strings.ReplaceAll(a.Phone, " ", "")
	if !phoneRe[c.Country].MatchString(ph) {
		fail("phone %q is not a valid %s number", a.Phone, c.Country)
	}
	national := strings.TrimPrefix(ph, callingCode[c.Country])
	areaOK := strings.ContainsAny(national[:1], mobileLead[c.Country]) && c.Country != "US"
	for _, area := range ct.phone {
		area, _, _ = strings.Cut(area, ":")
		areaOK = areaOK || strings.HasPrefix(national, area)
	}
	if !areaOK {
		fail("phone %q has an area code that does not belong to %q", a.Phone, a.City)
	}
	// contact
	checkPerson(t, c.Contact, c.Culture)
	m := emailRe.FindStringSubmatch(c.Contact.Email)
	if m == nil || m[1] != c.DomainPrefix {
		fail("bad contact email %q", c.Contact.Email)
	}
}

func checkPerson(t *testing.T, p Person, locale string) {
	t.Helper()
	for _, n := range []string{p.FirstName, p.LastName} {
		if l := utf8.RuneCountInString(n); l < 2 || l > 40 {
			t.Fatalf("%s: name part %q has length %d", locale, n, l)
		}
		for _, r := range n {
			cyr := unicode.Is(unicode.Cyrillic, r)
			if unicode.IsLetter(r) && (locale == "ru-RU") != cyr {
				t.Fatalf("%s: unexpected script in %q", locale, n)
			}
		}
	}
	if !regexp.MustCompile(`^[a-z0-9]+(?:[.-][a-z0-9]+)*@[a-z0-9.]+$`).MatchString(p.Email) {
		t.Fatalf("%s: bad email %q", locale, p.Email)
	}
}

func TestCompanies(t *testing.T) {
	r := newRand(2024)
	counts := map[string]int{}
	const n = 5000
	for range n {
		c := NewCompany(r)
		checkCompany(t, c)
		counts[c.Culture]++
	}
	// locale weights: en-US 18, en-GB 12, ru 20, pl 20, fr 15, it 15 (±2.5%)
	for i, loc := range Locales {
		got := float64(counts[loc]) * 100 / n
		if d := got - float64(localeWeights[i]); d > 2.5 || d < -2.5 {
			t.Errorf("%s: %.1f%% of companies, want about %d%%", loc, got, localeWeights[i])
		}
	}
	en := float64(counts["en-US"]+counts["en-GB"]) * 100 / n
	if en < 27 || en > 33 {
		t.Errorf("English share %.1f%%, want about 30%%", en)
	}
	for _, loc := range Locales {
		for range 1000 {
			checkCompany(t, NewCompanyIn(r, loc))
		}
	}
}

func TestNameFeatures(t *testing.T) {
	r := newRand(99)
	var amp, ruQuotes, plainQuotes, lodz, societe, kontur int
	diacritics := map[string]int{}
	for range 20000 {
		c := NewCompany(r)
		f := Fold(c.Name)
		if strings.Contains(c.Name, "&") {
			amp++
		}
		if strings.Contains(c.Name, "«") {
			ruQuotes++
		}
		if strings.Contains(c.Name, `"`) || strings.Contains(c.Name, "„") {
			plainQuotes++
		}
		if strings.Contains(c.Name, "Łódź") && strings.Contains(f, "lodz") {
			lodz++
		}
		if strings.Contains(c.Name, "Société") && strings.Contains(f, "societe") {
			societe++
		}
		if strings.Contains(c.Name, "Контур") && strings.Contains(f, "контур") {
			kontur++
		}
		if Fold(f) != f {
			t.Fatalf("Fold not idempotent on %q", c.Name)
		}
		if c.Country == "RU" && !strings.ContainsFunc(c.Name, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
			t.Fatalf("Russian name without Cyrillic: %q", c.Name)
		}
		if f != strings.ToLower(c.Name) {
			diacritics[c.Country]++
		}
	}
	for name, v := range map[string]int{"&": amp, "«»": ruQuotes, "quotes": plainQuotes, "Łódź": lodz, "Société": societe, "Контур": kontur} {
		if v == 0 {
			t.Errorf("no generated company name with %s", name)
		}
	}
	for _, cc := range []string{"PL", "FR", "IT"} {
		if diacritics[cc] < 200 {
			t.Errorf("%s: only %d names with diacritics", cc, diacritics[cc])
		}
	}
}

func TestDistinctNames(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	r := newRand(7)
	seen := make(map[string]int, 200000)
	const n = 200000
	for range n {
		seen[NewCompany(r).Name]++
	}
	maxDup := 0
	for _, v := range seen {
		maxDup = max(maxDup, v)
	}
	ratio := float64(len(seen)) / n
	t.Logf("%d distinct names of %d (%.1f%%), most frequent name occurs %d times", len(seen), n, ratio*100, maxDup)
	if ratio < 0.8 || maxDup > 40 {
		t.Errorf("not enough variety: %.1f%% distinct, max duplicates %d", ratio*100, maxDup)
	}
}

func TestPersons(t *testing.T) {
	r := newRand(5)
	for _, loc := range Locales {
		withMarks := 0
		for range 2000 {
			p := NewPerson(r, loc)
			checkPerson(t, p, loc)
			if !strings.HasSuffix(p.Email, "@example.com") {
				t.Fatalf("%s: unexpected email domain %q", loc, p.Email)
			}
			if Fold(p.FirstName+p.LastName) != strings.ToLower(p.FirstName+p.LastName) {
				withMarks++
			}
		}
		if (loc == "pl-PL" || loc == "fr-FR" || loc == "it-IT") && withMarks == 0 {
			t.Errorf("%s: no person names with diacritics", loc)
		}
	}
	if got := ruFeminine("Иванов"); got != "Иванова" {
		t.Errorf("ruFeminine(Иванов) = %q", got)
	}
	if got := ruFeminine("Успенский"); got != "Успенская" {
		t.Errorf("ruFeminine(Успенский) = %q", got)
	}
	if got := ruFeminine("Шевченко"); got != "Шевченко" {
		t.Errorf("ruFeminine(Шевченко) = %q", got)
	}
	if got := plFeminine("Wiśniewski"); got != "Wiśniewska" {
		t.Errorf("plFeminine(Wiśniewski) = %q", got)
	}
	if got := plFeminine("Nowak"); got != "Nowak" {
		t.Errorf("plFeminine(Nowak) = %q", got)
	}
}

func TestUnknownLocalePanics(t *testing.T) {
	for _, f := range []func(){
		func() { NewCompanyIn(newRand(1), "de-DE") },
		func() { NewPerson(newRand(1), "xx") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("expected panic for unsupported locale")
				}
			}()
			f()
		}()
	}
}

func TestWithDomainPrefix(t *testing.T) {
	c := NewCompanyIn(newRand(3), "pl-PL")
	d := c.WithDomainPrefix(c.DomainPrefix + "2")
	if d.DomainPrefix != c.DomainPrefix+"2" || !strings.HasSuffix(d.Contact.Email, "@"+c.DomainPrefix+"2.onmicrosoft.com") {
		t.Fatalf("WithDomainPrefix: %+v", d)
	}
	if c.Contact.Email == d.Contact.Email {
		t.Fatal("original modified or email not updated")
	}
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Łódź Trading":                 "lodz trading",
		"Société Générale":             "societe generale",
		"Контур":                       "контур",
		"ООО «Ёлка»":                   "ооо «елка»",
		"Zakłady Mięsne Żywiec S.A.":   "zaklady miesne zywiec s.a.",
		"ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż":          "acelnoszz acelnoszz",
		"Città di Perugia, Caffè":      "citta di perugia, caffe",
		"Crème Brûlée Œuvre Æther":     "creme brulee oeuvre aether",
		"Straße GROSS ẞ":               "strasse gross ss",
		"Ñandú Çà Ÿ İstanbul Şişli ğı": "nandu ca y istanbul sisli gi",
		"Žluťoučký kůň ŘÍŠE":           "zlutoucky kun rise",
		"Øresund Ångström Ægir":        "oresund angstrom aegir",
		"e\u0301cole":                  "ecole", // decomposed é
		"Rossi & Figli \"Nuovo\" 123":  "rossi & figli \"nuovo\" 123",
		"":                             "",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	for _, q := range [][2]string{{"Łódź Trading", "lodz"}, {"Société Générale", "societe"}, {"Контур", "контур"}, {"Caffè Napoletano", "caffe"}} {
		if !strings.Contains(Fold(q[0]), Fold(q[1])) {
			t.Errorf("search %q should find %q", q[1], q[0])
		}
	}
}

func TestDomainPrefix(t *testing.T) {
	cases := map[string]string{
		"Łódź Trading Sp. z o.o.":            "lodztrading",
		"ООО «Контур-Сервис»":                "konturservis",
		"АО Северный Ветер":                  "severnyyveter",
		"Société Générale de Logistique":     "societegeneraledelogistique",
		"\"Rossi & Figli\" S.n.c.":           "rossifigli",
		"Rossi Mario & C. S.a.s.":            "rossimario",
		"Northwind Traders Ltd":              "northwindtraders",
		"Contoso Pharmaceuticals Inc":        "contosopharmaceuticals",
		"Zakłady Mięsne Żywiec S.A.":         "zakladymiesnezywiec",
		"Boulangerie Étoile SARL":            "boulangerieetoile",
		"Città di Perugia Servizi S.r.l.":    "cittadiperugiaservizi",
		"Société Alimentare Lombarda S.p.A.": "societealimentarelombarda",
		"Przedsiębiorstwo Handlowe Gdańsk":   "przedsiebiorstwohandlowe",
		"Margie's Travel":                    "margiestravel",
		"ООО «Ромашка»":                      "romashka",
		"Kowalski i Synowie Sp. j.":          "kowalskiisynowie",
		"Nowak Transport Sp. z o.o. sp.k.":   "nowaktransport",
		"Caisse d'Épargne d'Île-de-France":   "caissedepargnediledefrance",
		"Sp. z o.o.":                         "spzoo",
		"AB":                                 "abco",
		"АО «Уральский завод металлоконструкций»":            "uralskiyzavod",
		"Compagnie Méditerranéenne de Télécommunications SA": "compagniemediterraneenne",
	}
	for in, want := range cases {
		got := DomainPrefix(in)
		if got != want {
			t.Errorf("DomainPrefix(%q) = %q, want %q", in, got, want)
		}
		if !domainRe.MatchString(got) {
			t.Errorf("DomainPrefix(%q) = %q is not a valid prefix", in, got)
		}
	}
}

func TestEmail(t *testing.T) {
	cases := []struct{ first, last, want string }{
		{"Łucja", "Sadowska", "lucja.sadowska@x.com"},
		{"Пётр", "Щербаков", "petr.shcherbakov@x.com"},
		{"Jean-Pierre", "Lefèvre", "jean-pierre.lefevre@x.com"},
		{"Giovanna", "D'Alò", "giovanna.dalo@x.com"},
		{"Benjamin", "O'Connor", "benjamin.oconnor@x.com"},
		{"Giulia", "De Luca", "giulia.de-luca@x.com"},
	}
	for _, c := range cases {
		if got := Email(c.first, c.last, "x.com"); got != c.want {
			t.Errorf("Email(%q, %q) = %q, want %q", c.first, c.last, got, c.want)
		}
	}
}

// Real, published identifiers.
var (
	knownINN = []string{
		"7707083893",   // ПАО Сбербанк
		"7736050003",   // ПАО «Газпром»
		"7708004767",   // ПАО «Лукойл»
		"7740000076",   // ПАО «МТС»
		"7702070139",   // Банк ВТБ (ПАО)
		"7736207543",   // ООО «Яндекс»
		"500100732259", // 12-digit example from FNS documentation
	}
	knownNIP = []string{
		"5260250274", // Ministerstwo Finansów
		"7740001454", // ORLEN S.A.
		"5250007738", // PKO Bank Polski S.A.
		"5260251049", // PZU S.A.
	}
)

// corruptions returns every string obtained by replacing exactly one digit
// of s with a different digit.
func corruptions(s string) []string {
	var out []string
	for i := range len(s) {
		for d := byte('0'); d <= '9'; d++ {
			if d != s[i] {
				out = append(out, s[:i]+string(d)+s[i+1:])
			}
		}
	}
	return out
}

func TestKnownINN(t *testing.T) {
	for _, s := range knownINN {
		if !ValidINN(s) {
			t.Errorf("ValidINN(%s) = false, want true", s)
		}
		// All check digits of these INNs are non-zero, so every single-digit
		// error is detected (the mod 11 mod 10 scheme only misses errors
		// that turn a remainder of 10 into 0 or vice versa).
		for _, c := range corruptions(s) {
			if ValidINN(c) {
				t.Errorf("ValidINN(%s) = true for corruption of %s", c, s)
			}
		}
	}
	for _, s := range []string{"", "770708389", "77070838930", "7707083894", "770708389a", "7707 83893", "0000000000", "000000000000", "0012345678", "+707083893", "５２６０２５０２７４"} {
		if ValidINN(s) {
			t.Errorf("ValidINN(%q) = true, want false", s)
		}
	}
}

func TestKnownNIP(t *testing.T) {
	for _, s := range knownNIP {
		if !ValidNIP(s) {
			t.Errorf("ValidNIP(%s) = false, want true", s)
		}
		for _, c := range corruptions(s) {
			if ValidNIP(c) {
				t.Errorf("ValidNIP(%s) = true for corruption of %s", c, s)
			}
		}
	}
	for _, s := range []string{"", "526025027", "52602502740", "526-025-02-74", "PL5260250274", "0000000000", "526025027a", "1234567890"} {
		if ValidNIP(s) {
			t.Errorf("ValidNIP(%q) = true, want false", s)
		}
	}
	// A weighted sum with remainder 10 has no valid check digit: find such
	// prefixes and make sure no final digit is accepted.
	for p := 100000000; p < 100000100; p++ {
		prefix := itoa9(p)
		if weightedSum([]byte(prefix+"0"), nipWeights)%11 != 10 {
			continue
		}
		for d := '0'; d <= '9'; d++ {
			if ValidNIP(prefix + string(d)) {
				t.Errorf("ValidNIP(%s) accepted a number with remainder 10", prefix+string(d))
			}
		}
	}
}

func itoa9(n int) string {
	b := make([]byte, 9)
	for i := 8; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b)
}

func TestGeneratedIDs(t *testing.T) {
	r := newRand(11)
	for range 20000 {
		if s := INN10(r); len(s) != 10 || !ValidINN(s) {
			t.Fatalf("INN10 produced invalid %q", s)
		}
		if s := INN12(r); len(s) != 12 || !ValidINN(s) {
			t.Fatalf("INN12 produced invalid %q", s)
		}
		if s := NIP(r); !ValidNIP(s) {
			t.Fatalf("NIP produced invalid %q", s)
		}
	}
	a, b := newRand(3), newRand(3)
	if INN10(a) != INN10(b) || NIP(a) != NIP(b) || INN12(a) != INN12(b) {
		t.Fatal("ID generators are not deterministic")
	}
}

func TestDataTables(t *testing.T) {
	pools := map[string]int{
		"enBrands": len(enBrands), "enInd": len(enInd), "enAdj": len(enAdj),
		"ruWords": len(ruWords), "ruPlaces": len(ruPlaces), "ruAdj": len(ruAdj),
		"plBrands": len(plBrands), "plIndustry": len(plIndustry), "plEng": len(plEng),
		"frBrands": len(frBrands), "frTrades": len(frTrades), "frDomains": len(frDomains) + len(frNouns),
		"itBrands": len(itBrands), "itRegAdjF": len(itRegAdjF), "itSurnames": len(itSurnames),
	}
	for name, n := range pools {
		if n < 30 {
			t.Errorf("pool %s has only %d words", name, n)
		}
	}
	for cc, cities := range citiesOf {
		if len(cities) < 15 {
			t.Errorf("%s: only %d cities", cc, len(cities))
		}
		seen := map[string]bool{}
		for _, c := range cities {
			if seen[c.name] {
				t.Errorf("%s: duplicate city %s", cc, c.name)
			}
			seen[c.name] = true
			if c.weight <= 0 || len(c.postal) == 0 || len(c.phone) == 0 {
				t.Errorf("%s: incomplete city %+v", cc, c)
			}
			if (cc == "RU" || cc == "PL") && len(c.regID) == 0 {
				t.Errorf("%s: city %s has no registration prefixes", cc, c.name)
			}
			if cc == "RU" && !containsStr(innRegions, c.regID[0]) {
				t.Errorf("RU: region %s of %s missing from innRegions", c.regID[0], c.name)
			}
		}
	}
}

func containsStr(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
