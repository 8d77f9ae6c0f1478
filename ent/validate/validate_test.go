package validate

import (
	"slices"
	"strings"
	"testing"
)

// want is the expected outcome of a check: "" for accepted, a Code for a
// refusal, or "WARN" for accepted with a warning.
type want string

const (
	ok        want = ""
	warn      want = "WARN"
	invalid_  want = want(CodeInvalid)
	required_ want = want(CodeRequired)
	short     want = want(CodeTooShort)
	long      want = want(CodeTooLong)
)

func outcome(p *Problem) want {
	switch {
	case p == nil:
		return ok
	case p.Warning:
		return warn
	default:
		return want(p.Code)
	}
}

func checkProblem(t *testing.T, name, input string, p *Problem, w want) {
	t.Helper()
	if got := outcome(p); got != w {
		t.Errorf("%s(%q) = %s %v, want %s", name, input, got, p, w)
		return
	}
	if p != nil {
		if p.Message == "" || !strings.HasSuffix(p.Message, ".") {
			t.Errorf("%s(%q): message %q is not a sentence", name, input, p.Message)
		}
		if p.Error() != p.Message {
			t.Errorf("%s(%q): Error() = %q", name, input, p.Error())
		}
	}
}

func TestCompanyName(t *testing.T) {
	tests := []struct {
		in   string
		want want
	}{
		// Real names in several scripts.
		{"Łódź Trading Sp. z o.o.", ok},
		{"ООО «Контур»", ok},
		{"ПАО Сбербанк", ok},
		{"Société Générale", ok},
		{"北京科技有限公司", ok},
		{"株式会社日立製作所", ok},
		{"삼성전자 주식회사", ok},
		{"Microsoft Corporation", ok},
		{"AT&T Inc.", ok},
		{"3M Company", ok},
		{"Procter & Gamble", ok},
		{"McDonald's", ok},
		{"Banca d’Italia", ok},
		{"„Społem” Powszechna Spółdzielnia Spożywców", ok},
		{"Rödl & Partner GmbH", ok},
		{"Deutsche Bank AG", ok},
		{"GmbH & Co. KG Müller", ok},
		{"Enel S.p.A.", ok},
		{"Tata Consultancy Services Limited", ok},
		{"شركة الاتصالات السعودية", ok},
		{"บริษัท ปตท. จำกัด (มหาชน)", ok},
		{"Công ty TNHH ABC Việt Nam", ok},
		{"Türk Telekomünikasyon A.Ş.", ok},
		{"LG", ok},
		{"AB", invalid_}, // Swedish legal form
		{"X5 Retail Group", ok},
		{"Orange S.A.", ok},
		{"  Trimmed Name Ltd  ", ok},
		{"Fabrikam Residences", ok},
		{"Test Valley Brewing Ltd", ok},
		{"Special ~-=_#.%+:^[]$–—&@*(),\"⟨⟩`<>!\\/{}|‘'،;? Name", ok},

		// Web extensions: allowed with a warning.
		{"Allegro.pl", warn},
		{"Yandex.ru Sp. z o.o.", warn},
		{"Amazon.com, Inc.", warn},
		{"shop .com Ltd", warn},
		{"Acme.co.uk Limited", warn},
		{"GmbH & Co.KG Schmidt", ok},
		{"Sp.z o.o. Kowalski", ok},
		{"J.P. Morgan", ok},
		{"Acme Co.Ltd", ok},
		{"Web 2.0 Studio", ok},

		// Length.
		{"", required_},
		{"   ", required_},
		{"A", short},
		{"Ł", short},
		{strings.Repeat("Ab", 127) + "c", ok},
		{strings.Repeat("Ab", 128), long},

		// Characters.
		{"Acme™ Corp", invalid_},
		{"Acme 😀 Corp", invalid_},
		{"Acme\nCorp", invalid_},
		{"Acme\u200bCorp", invalid_},
		{"Acme²", invalid_},
		{"\xff\xfe", invalid_},

		// Not only digits, spaces or special characters.
		{"123", invalid_},
		{"12-34", invalid_},
		{"!?", invalid_},
		{"#1 (2)", invalid_},

		// One character repeated.
		{"999", invalid_},
		{"aaa", invalid_},
		{"A a A", invalid_},
		{"ЖЖЖЖ", invalid_},

		// Single characters separated by spaces.
		{"1 2 3", invalid_},
		{"a b c", invalid_},
		{"A B", invalid_},
		{"ł ó ż", invalid_},

		// Only a legal form.
		{"llc", invalid_},
		{"LLC", invalid_},
		{"Inc.", invalid_},
		{"Ltd", invalid_},
		{"GmbH", invalid_},
		{"SA", invalid_},
		{"S.A.", invalid_},
		{"SARL", invalid_},
		{"S.p.A.", invalid_},
		{"s.r.l.", invalid_},
		{"Sp. z o.o.", invalid_},
		{"SP Z OO", invalid_},
		{"sp.z.o.o.", invalid_},
		{"ООО", invalid_},
		{"ооо", invalid_},
		{"АО", invalid_},
		{"ОАО", invalid_},
		{"ЗАО", invalid_},
		{"ПАО", invalid_},
		{"ИП", invalid_},
		{"GmbH & Co. KG", invalid_},
		{"Co., Ltd.", invalid_},
		{"Pty Ltd", invalid_},
		{"有限公司", invalid_},
		{"A.Ş.", invalid_},

		// Test names.
		{"test", invalid_},
		{"Test", invalid_},
		{"TEST LLC", invalid_},
		{"Test Company", invalid_},
		{"Test Company 2", invalid_},
		{"test123", invalid_},
		{"Demo", invalid_},
		{"Demo Sp. z o.o.", invalid_},
		{"asdf", invalid_},
		{"qwerty", invalid_},
		{"Sample Inc.", invalid_},
		{"Example GmbH", invalid_},
		{"ООО Тест", invalid_},
		{"ООО «Тест»", invalid_},
		{"Тестовая компания", invalid_},
		{"Firma testowa Sp. z o.o.", invalid_},
		{"Société de test SARL", invalid_},
		{"Azienda di prova S.r.l.", invalid_},
		{"测试有限公司", ok}, // one token: legal forms are not split out of Chinese text
		{"测试", invalid_},
		{"Contoso", invalid_},
		{"Contoso Ltd.", invalid_},
	}
	for _, tt := range tests {
		checkProblem(t, "CompanyName", tt.in, CompanyName(tt.in), tt.want)
	}
}

func TestCompanyNameMessages(t *testing.T) {
	if p := CompanyName("LLC"); p == nil || p.Message != "A company name cannot be only a legal form such as “LLC”; enter the full registered name." {
		t.Errorf("legal form message: %v", p)
	}
	if p := CompanyName("A"); p == nil || p.Message != "Use at least 2 characters." {
		t.Errorf("too short message: %v", p)
	}
	if p := CompanyName("Acme™"); p == nil || !strings.Contains(p.Message, "“™”") {
		t.Errorf("character message: %v", p)
	}
	if p := CompanyName("Allegro.pl"); p == nil || !strings.Contains(p.Message, "“.pl”") {
		t.Errorf("warning message: %v", p)
	}
}

func TestCompanyNameWarning(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Allegro.pl", true},
		{"Yandex.ru", true},
		{"Contoso.com", true}, // a test name, but the warning is only about the extension
		{"test.com", true},    // ditto
		{"ACME.COM", true},    // case-insensitive
		{"Пример.рф", true},   // Cyrillic TLD
		{"Example.de.", true}, // followed by punctuation
		{"Microsoft Corporation", false},
		{"Sp. z o.o.", false},
		{"S.A.R.L.", false},
		{"GmbH & Co.KG", false},
		{"Mr.Bricolage", false},
		{"Acme.Software", false},
		{"", false},
		{"\xff", false},
	}
	for _, tt := range tests {
		p := CompanyNameWarning(tt.in)
		if (p != nil) != tt.want {
			t.Errorf("CompanyNameWarning(%q) = %v, want warning %v", tt.in, p, tt.want)
		}
		if p != nil && !p.Warning {
			t.Errorf("CompanyNameWarning(%q) has Warning=false", tt.in)
		}
	}
}

func TestPersonName(t *testing.T) {
	tests := []struct {
		in   string
		want want
	}{
		{"Anna", ok},
		{"Łukasz", ok},
		{"Jean-Pierre", ok},
		{"O'Brien", ok},
		{"D’Angelo", ok},
		{"José María", ok},
		{"Иванов", ok},
		{"Ng", ok},
		{"Na", ok},
		{"Li", ok},
		{"李", ok},
		{"王小明", ok},
		{"さくら", ok},
		{"김", ok},
		{"محمد", ok},
		{"Zoë 🙂", ok},
		{"Anna2", ok},
		{strings.Repeat("a", 39) + "b", ok},

		{"", required_},
		{"  ", required_},
		{"A", short},
		{"Ł", short},
		{"1", short},
		{strings.Repeat("a", 40) + "b", long},
		{"123", invalid_},
		{"!!", invalid_},
		{"😀😀", invalid_},
		{"--", invalid_},
		{"Anna\nMaria", invalid_},
		{"\xffAnna", invalid_},
		{"test", invalid_},
		{"Test1", invalid_},
		{"admin", invalid_},
		{"Administrator", invalid_},
		{"nobody", invalid_},
		{"None", invalid_},
		{"N/A", invalid_},
		{"n/a", invalid_},
		{"unknown", invalid_},
		{"asdf", invalid_},
		{"xxx", invalid_},
		{"XXXX", invalid_},
		{"тест", invalid_},
		{"Неизвестно", invalid_},
		{"First Name", invalid_},
	}
	for _, tt := range tests {
		checkProblem(t, "PersonName", tt.in, PersonName(tt.in), tt.want)
	}
}

func TestEmail(t *testing.T) {
	partner := []string{"contoso.com", " @Fabrikam.PL. "}
	tests := []struct {
		in   string
		want want
	}{
		{"anna.kowalska@example.pl", ok},
		{"first+tag@sub.example.co.uk", ok},
		{"IVAN@EXAMPLE.RU", ok},
		{"ivan@пример.рф", ok},
		{"a@xn--e1afmkfd.xn--p1ai", ok},
		{"someone@notmicrosoft.com", ok},
		{"someone@microsoft.com.evil.example", ok},
		{"a@contoso.com.pl", ok},
		{"  anna@example.com  ", ok},

		{"", required_},
		{"anna", invalid_},
		{"anna@", invalid_},
		{"@example.com", invalid_},
		{"anna@example", invalid_},
		{"anna@example.c", invalid_},
		{"anna@example..com", invalid_},
		{"anna@-example.com", invalid_},
		{"anna@exa mple.com", invalid_},
		{"anna@@example.com", invalid_},
		{"Anna <anna@example.com>", invalid_},
		{"<anna@example.com>", invalid_},
		{"\"anna kowalska\"@example.com", invalid_},
		{"anna@[192.168.0.1]", invalid_},
		{"anna@example.com (work)", invalid_},
		{"anna@example.123", invalid_},
		{strings.Repeat("a", 65) + "@example.com", invalid_},
		{strings.Repeat("a", 64) + "@" + strings.Repeat("b", 63) + "." + strings.Repeat("c", 63) + "." + strings.Repeat("d", 63) + ".com", long},

		{"someone@microsoft.com", invalid_},
		{"Someone@MICROSOFT.COM", invalid_},
		{"someone@europe.microsoft.com", invalid_},
		{"buyer@contoso.com", invalid_},
		{"buyer@Sales.Contoso.COM", invalid_},
		{"buyer@fabrikam.pl", invalid_},
	}
	for _, tt := range tests {
		checkProblem(t, "Email", tt.in, Email(tt.in, partner), tt.want)
	}
	if p := Email("buyer@contoso.com", nil); p != nil {
		t.Errorf("without partner domains: %v", p)
	}
	if p := Email("buyer@contoso.com", []string{"", "  "}); p != nil {
		t.Errorf("blank partner domains: %v", p)
	}
}

func TestDomainPrefix(t *testing.T) {
	tests := []struct {
		in   string
		want want
	}{
		{"contoso", ok},
		{"a", ok},
		{"abc123", ok},
		{"0", ok},
		{strings.Repeat("a", 27), ok},
		{"", required_},
		{strings.Repeat("a", 28), long},
		{"Contoso", invalid_},
		{"con-toso", invalid_},
		{"con.toso", invalid_},
		{"con toso", invalid_},
		{"żółw", invalid_},
		{strings.Repeat("ż", 20), invalid_},
	}
	for _, tt := range tests {
		checkProblem(t, "DomainPrefix", tt.in, DomainPrefix(tt.in), tt.want)
	}
}

func TestPhone(t *testing.T) {
	tests := []struct {
		number, country string
		e164            string // "" when refused
		want            want
	}{
		{"512 345 678", "PL", "+48512345678", ok},
		{"+48 512 345 678", "PL", "+48512345678", ok},
		{"0048 22 123 45 67", "PL", "+48221234567", ok},
		{"(22) 123-45-67", "pl", "+48221234567", ok},
		{"+7 495 123-45-67", "RU", "+74951234567", ok},
		{"8 (495) 123-45-67", "RU", "+74951234567", ok},
		{"+7 912 345 67 89", "RU", "+79123456789", ok},
		{"(425) 882-8080", "US", "+14258828080", ok},
		{"+1 425 882 8080", "US", "+14258828080", ok},
		{"425.882.8080", "US", "+14258828080", ok},
		{"01 23 45 67 89", "FR", "+33123456789", ok},
		{"+33 6 12 34 56 78", "FR", "+33612345678", ok},
		{"+48 512 345 678", "", "+48512345678", ok},

		{"", "PL", "", required_},
		{"123", "PL", "", invalid_},
		{"512 345 67", "PL", "", invalid_},
		{"+48 512 345 678", "RU", "", invalid_},
		{"495 123 45 67", "RU", "", ok}, // national format without trunk prefix is accepted by libphonenumber
		{"+7 123 456 78 90", "RU", "", invalid_},
		{"555-0100", "US", "", invalid_},
		{"+1 123 456 7890", "US", "", invalid_},
		{"1-800-FLOWERS", "US", "", invalid_},
		{"425 882 8080 ext 12", "US", "", invalid_},
		{"+33 1 23", "FR", "", invalid_},
		{"06 12 34 56", "FR", "", invalid_},
		{"512 345 678", "", "", invalid_},
		{"512 345 678", "XX", "", invalid_},
		{"5+12", "PL", "", invalid_},
		{strings.Repeat("1", 41), "PL", "", long},
	}
	for _, tt := range tests {
		e164, p := Phone(tt.number, tt.country)
		checkProblem(t, "Phone", tt.number+" / "+tt.country, p, tt.want)
		if tt.want == ok && tt.e164 != "" && e164 != tt.e164 {
			t.Errorf("Phone(%q, %q) = %q, want %q", tt.number, tt.country, e164, tt.e164)
		}
		if p != nil && e164 != "" {
			t.Errorf("Phone(%q, %q) returned %q with a problem", tt.number, tt.country, e164)
		}
	}
	if _, p := Phone("512 345 67", "PL"); p == nil || !strings.Contains(p.Message, "Poland") || !strings.Contains(p.Message, "+48") {
		t.Errorf("message should name the country and show an example: %v", p)
	}
}

func TestRequiresRegistrationID(t *testing.T) {
	listed := strings.Fields("AM AZ BY BR HU IN IQ KZ KG MD MM PL RU SA ZA SS TJ TH TR UA AE UZ VE VN")
	for _, c := range Countries() {
		wantReq := slices.Contains(listed, c.Code)
		if RequiresRegistrationID(c.Code) != wantReq || RequiresPhone(c.Code) != wantReq ||
			c.RequiresRegistrationID != wantReq || c.RequiresPhone != wantReq {
			t.Errorf("%s: requirement flags wrong, want %v", c.Code, wantReq)
		}
	}
	if !RequiresRegistrationID(" pl ") || RequiresRegistrationID("") || RequiresRegistrationID("US") {
		t.Error("RequiresRegistrationID normalisation")
	}
}

func TestRegistrationID(t *testing.T) {
	tests := []struct {
		id, country string
		want        want
	}{
		// Russia: INN (Sberbank; a 12-digit individual entrepreneur INN).
		{"7707083893", "RU", ok},
		{"7707083894", "RU", invalid_},
		{"7707083873", "RU", invalid_},
		{"500100732259", "RU", ok},
		{"500100732258", "RU", invalid_},
		{"500100732269", "RU", invalid_},
		{"770708389", "RU", invalid_},
		{"77070838931", "RU", invalid_},
		{"7707 083 893", "RU", ok},
		{"INN 7707083893", "RU", invalid_},
		{"0000000000", "RU", invalid_},
		{"", "RU", required_},

		// Poland: NIP.
		{"5260250274", "PL", ok},
		{"526-025-02-74", "PL", ok},
		{"PL 526 025 02 74", "PL", ok},
		{"pl5260250274", "PL", ok},
		{"5260250275", "PL", invalid_},
		{"5260250284", "PL", invalid_},
		{"1234567890", "PL", invalid_}, // remainder 10: never issued
		{"526025027", "PL", invalid_},
		{"DE5260250274", "PL", invalid_},
		{"", "PL", required_},

		// Brazil: CNPJ, numeric and alphanumeric (Receita Federal's example).
		{"11.222.333/0001-81", "BR", ok},
		{"11222333000181", "BR", ok},
		{"11.222.333/0001-82", "BR", invalid_},
		{"11.222.333/0001-91", "BR", invalid_},
		{"11.222.334/0001-81", "BR", invalid_},
		{"12.ABC.345/01DE-35", "BR", ok},
		{"12abc34501de35", "BR", ok},
		{"12.ABC.345/01DE-36", "BR", invalid_},
		{"12.ABD.345/01DE-35", "BR", invalid_},
		{"00000000000000", "BR", invalid_},
		{"11.222.333/0001-8", "BR", invalid_},
		{"11.222.333/0001-8A", "BR", invalid_},

		// Ukraine: EDRPOU (Oschadbank, PrivatBank; a code in the 30–60 million
		// range; codes that need the second pass).
		{"00032129", "UA", ok},
		{"00032128", "UA", invalid_},
		{"10032129", "UA", invalid_},
		{"14360570", "UA", ok},
		{"14360571", "UA", invalid_},
		{"32855961", "UA", ok},
		{"32855962", "UA", invalid_},
		{"14360667", "UA", ok},
		{"40000081", "UA", ok},
		{"40000082", "UA", invalid_},
		{"0003212", "UA", invalid_},

		// Kazakhstan: BIN (Kaspi Bank, Halyk Bank; one that needs the second
		// weights).
		{"971240001315", "KZ", ok},
		{"971240001316", "KZ", invalid_},
		{"971250001315", "KZ", invalid_},
		{"940140000385", "KZ", ok},
		{"940140000386", "KZ", invalid_},
		{"971240001911", "KZ", ok},
		{"971240001912", "KZ", invalid_},
		{"97124000131", "KZ", invalid_},

		// Türkiye: VKN.
		{"4540536920", "TR", ok},
		{"4540536921", "TR", invalid_},
		{"4540536930", "TR", invalid_},
		{"5540536920", "TR", invalid_},
		{"454053692", "TR", invalid_},

		// Other required countries: 1–64 letters, digits, -, space, /.
		{"01-09-123456", "HU", ok},
		{"U72900KA2000PLC026789", "IN", ok},
		{"0105536000123", "TH", ok},
		{"2011/123456/07", "ZA", ok},
		{"CN-1234 567", "AE", ok},
		{"Рег 123", "BY", ok},
		{"", "HU", required_},
		{"   ", "VN", required_},
		{"123.456", "HU", invalid_},
		{"123_456", "HU", invalid_},
		{"--", "HU", invalid_},
		{strings.Repeat("1", 64), "IN", ok},
		{strings.Repeat("1", 65), "IN", long},

		// Elsewhere an ID is not accepted.
		{"", "US", ok},
		{"", "", ok},
		{"  ", "DE", ok},
		{"HRB 12345", "DE", invalid_},
		{"5260250274", "US", invalid_},
	}
	for _, tt := range tests {
		checkProblem(t, "RegistrationID", tt.id+" / "+tt.country, RegistrationID(tt.id, tt.country), tt.want)
	}
	if p := RegistrationID("HRB 12345", "DE"); p == nil || !strings.Contains(p.Message, "not accepted for this country") {
		t.Errorf("refusal message: %v", p)
	}
	if p := RegistrationID("", "RU"); p == nil || !strings.Contains(p.Message, "INN") || !strings.Contains(p.Message, "Russia") {
		t.Errorf("required message: %v", p)
	}
}

// TestRegistrationIDCorruptions changes each digit of real IDs in turn.
// The INN, NIP and CNPJ schemes catch every such change for these IDs. The
// EDRPOU, BIN and VKN schemes cannot catch all of them by design (the BIN's
// 11th digit has weight 11, so it only counts when the second weights are
// used; an EDRPOU change that moves the sum by 10 swaps passes), so for them
// almost all must be caught, and every change of the check digit itself.
func TestRegistrationIDCorruptions(t *testing.T) {
	valid := map[string][]string{
		"RU": {"7707083893", "500100732259"},
		"PL": {"5260250274"},
		"BR": {"11222333000181"},
		"UA": {"00032129", "14360570", "32855961"},
		"KZ": {"971240001315", "940140000385"},
		"TR": {"4540536920"},
	}
	exact := map[string]bool{"RU": true, "PL": true, "BR": true}
	for country, ids := range valid {
		for _, id := range ids {
			if p := RegistrationID(id, country); p != nil {
				t.Fatalf("%s %s: %v", country, id, p)
			}
			tried, caught := 0, 0
			for i := range len(id) {
				for d := byte('0'); d <= '9'; d++ {
					if d == id[i] {
						continue
					}
					bad := id[:i] + string(d) + id[i+1:]
					tried++
					if RegistrationID(bad, country) != nil {
						caught++
					} else if exact[country] || i == len(id)-1 {
						t.Errorf("%s: %s (from %s) accepted", country, bad, id)
					}
				}
			}
			if caught*100 < tried*85 {
				t.Errorf("%s %s: only %d of %d single-digit changes caught", country, id, caught, tried)
			}
		}
	}
}

func TestNormalizeRegistrationID(t *testing.T) {
	tests := []struct{ id, country, want string }{
		{"PL 526-025-02-74", "PL", "5260250274"},
		{"11.222.333/0001-81", "BR", "11222333000181"},
		{"12.abc.345/01de-35", "br", "12ABC34501DE35"},
		{" 7707 083 893 ", "RU", "7707083893"},
		{"  01-09  123456 ", "HU", "01-09 123456"},
		{"HRB 12345", "DE", "HRB 12345"},
	}
	for _, tt := range tests {
		if got := NormalizeRegistrationID(tt.id, tt.country); got != tt.want {
			t.Errorf("NormalizeRegistrationID(%q, %q) = %q, want %q", tt.id, tt.country, got, tt.want)
		}
	}
}

func TestAddress(t *testing.T) {
	type fields map[string]want
	tests := []struct {
		name string
		a    Address
		want fields
	}{
		{"PL", Address{Line1: "ul. Marszałkowska 1", City: "Warszawa", PostalCode: "00-950", Country: "PL"}, fields{}},
		{"PL lower-case country", Address{Line1: "ul. Piotrkowska 1", City: "Łódź", PostalCode: "90-001", Country: " pl "}, fields{}},
		{"PL postal code without hyphen", Address{Line1: "ul. Marszałkowska 1", City: "Warszawa", PostalCode: "00950", Country: "PL"}, fields{"postalCode": invalid_}},
		{"PL missing city and postal code", Address{Line1: "ul. Marszałkowska 1", Country: "PL"}, fields{"city": required_, "postalCode": required_}},
		{"US", Address{Line1: "1 Microsoft Way", City: "Redmond", State: "WA", PostalCode: "98052", Country: "US"}, fields{}},
		{"US ZIP+4", Address{Line1: "1 Microsoft Way", City: "Redmond", State: "WA", PostalCode: "98052-6399", Country: "US"}, fields{}},
		{"US state name", Address{Line1: "1 Microsoft Way", City: "Redmond", State: "washington", PostalCode: "98052", Country: "US"}, fields{}},
		{"US state with country prefix", Address{Line1: "1 Microsoft Way", City: "Redmond", State: "US-WA", PostalCode: "98052", Country: "US"}, fields{}},
		{"US ZIP of another state", Address{Line1: "1 Microsoft Way", City: "Redmond", State: "NY", PostalCode: "98052", Country: "US"}, fields{"postalCode": invalid_}},
		{"US short ZIP", Address{Line1: "1 Microsoft Way", City: "Redmond", State: "WA", PostalCode: "9805", Country: "US"}, fields{"postalCode": invalid_}},
		{"US unknown state", Address{Line1: "1 Microsoft Way", City: "Redmond", State: "Wash", PostalCode: "98052", Country: "US"}, fields{"state": invalid_}},
		{"US missing state", Address{Line1: "1 Microsoft Way", City: "Redmond", PostalCode: "98052", Country: "US"}, fields{"state": required_}},
		{"GB", Address{Line1: "10 Downing Street", City: "London", PostalCode: "SW1A 2AA", Country: "GB"}, fields{}},
		{"GB lower case", Address{Line1: "10 Downing Street", City: "London", PostalCode: "sw1a 2aa", Country: "GB"}, fields{}},
		{"GB bad postcode", Address{Line1: "10 Downing Street", City: "London", PostalCode: "SW1A", Country: "GB"}, fields{"postalCode": invalid_}},
		{"CA code", Address{Line1: "111 Wellington St", City: "Ottawa", State: "ON", PostalCode: "K1A 0A9", Country: "CA"}, fields{}},
		{"CA English name", Address{Line1: "111 Wellington St", City: "Ottawa", State: "Ontario", PostalCode: "K1A0A9", Country: "CA"}, fields{}},
		{"CA French name", Address{Line1: "1 rue Notre-Dame", City: "Montréal", State: "Québec", PostalCode: "H3Z 2Y7", Country: "CA"}, fields{}},
		{"CA name without accent", Address{Line1: "1 rue Notre-Dame", City: "Montréal", State: "quebec", PostalCode: "H3Z 2Y7", Country: "CA"}, fields{}},
		{"CA postal code of another province", Address{Line1: "1 rue Notre-Dame", City: "Montréal", State: "QC", PostalCode: "M5V 3L9", Country: "CA"}, fields{"postalCode": invalid_}},
		{"CA bad postal code", Address{Line1: "111 Wellington St", City: "Ottawa", State: "ON", PostalCode: "12345", Country: "CA"}, fields{"postalCode": invalid_}},
		{"CA unknown province", Address{Line1: "111 Wellington St", City: "Ottawa", State: "Texas", PostalCode: "K1A 0A9", Country: "CA"}, fields{"state": invalid_}},
		{"RU", Address{Line1: "ул. Вавилова, 19", City: "Москва", State: "Москва", PostalCode: "117312", Country: "RU"}, fields{}},
		{"RU bad postal code", Address{Line1: "ул. Вавилова, 19", City: "Москва", State: "Москва", PostalCode: "11731", Country: "RU"}, fields{"postalCode": invalid_}},
		{"CN Chinese name", Address{Line1: "朝阳区建国路1号", City: "北京", State: "北京市", PostalCode: "100020", Country: "CN"}, fields{}},
		{"CN short Chinese name", Address{Line1: "朝阳区建国路1号", City: "北京", State: "北京", PostalCode: "100020", Country: "CN"}, fields{}},
		{"CN pinyin", Address{Line1: "1 Jianguo Road", City: "Beijing", State: "Beijing", PostalCode: "100020", Country: "CN"}, fields{}},
		{"CN code", Address{Line1: "1 Jianguo Road", City: "Beijing", State: "11", PostalCode: "100020", Country: "CN"}, fields{}},
		{"CN unknown province", Address{Line1: "1 Jianguo Road", City: "Beijing", State: "Peking Province", PostalCode: "100020", Country: "CN"}, fields{"state": invalid_}},
		{"MX", Address{Line1: "Paseo de la Reforma 1", City: "Ciudad de México", State: "Ciudad de México", PostalCode: "06600", Country: "MX"}, fields{}},
		{"MX code", Address{Line1: "Av. Juárez 1", City: "Guadalajara", State: "JAL", PostalCode: "44100", Country: "MX"}, fields{}},
		{"MX leading words", Address{Line1: "Calle 1", City: "Saltillo", State: "Coahuila", PostalCode: "25000", Country: "MX"}, fields{}},
		{"MX ambiguous leading words", Address{Line1: "Calle 1", City: "Tijuana", State: "Baja", PostalCode: "22000", Country: "MX"}, fields{"state": invalid_}},
		{"MX exact name among longer ones", Address{Line1: "Calle 1", City: "Tijuana", State: "Baja California", PostalCode: "22000", Country: "MX"}, fields{}},
		{"IE without Eircode", Address{Line1: "1 Grafton Street", City: "Dublin", Country: "IE"}, fields{}},
		{"HK without postal code or city", Address{Line1: "1 Queen's Road Central", State: "Hong Kong Island", Country: "HK"}, fields{}},
		{"HK postal code given", Address{Line1: "1 Queen's Road Central", State: "Hong Kong Island", PostalCode: "999077", Country: "HK"}, fields{}},
		{"DE free-text state is fine", Address{Line1: "Unter den Linden 1", City: "Berlin", State: "Berlin", PostalCode: "10117", Country: "DE"}, fields{}},
		{"empty", Address{}, fields{"addressLine1": required_, "country": required_, "city": required_}},
		{"unknown country", Address{Line1: "x 1", City: "y", Country: "XX"}, fields{"country": invalid_}},
		{"not ISO", Address{Line1: "x 1", City: "y", Country: "XK"}, fields{"country": invalid_}},
		{"long lines", Address{Line1: strings.Repeat("a", 201), Line2: strings.Repeat("b", 201), City: "Warszawa", PostalCode: "00-950", Country: "PL"}, fields{"addressLine1": long, "addressLine2": long}},
		{"max lines", Address{Line1: strings.Repeat("ą", 200), Line2: strings.Repeat("b", 200), City: "Warszawa", PostalCode: "00-950", Country: "PL"}, fields{}},
		{"line break", Address{Line1: "ul. Marszałkowska\n1", City: "Warszawa", PostalCode: "00-950", Country: "PL"}, fields{"addressLine1": invalid_}},
		{"punctuation only", Address{Line1: "--", City: "Warszawa", PostalCode: "00-950", Country: "PL"}, fields{"addressLine1": invalid_}},
	}
	for _, tt := range tests {
		got := fields{}
		for _, fp := range AddressProblems(tt.a) {
			if _, dup := got[fp.Field]; dup {
				t.Errorf("%s: field %s reported twice", tt.name, fp.Field)
			}
			got[fp.Field] = outcome(fp.Problem)
			checkProblem(t, "AddressProblems["+fp.Field+"]", tt.name, fp.Problem, got[fp.Field])
		}
		if !mapsEqual(got, tt.want) {
			t.Errorf("%s: AddressProblems = %v, want %v", tt.name, got, tt.want)
		}
	}

	ps := AddressProblems(Address{Line1: "ul. Marszałkowska 1", City: "Warszawa", PostalCode: "00950", Country: "PL"})
	if len(ps) != 1 || ps[0].Problem.Message != "This postal code does not match the format for Poland, such as 00-950." {
		t.Errorf("postal code message: %+v", ps)
	}
}

func mapsEqual[K comparable, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestStateCode(t *testing.T) {
	tests := []struct{ country, state, code string }{
		{"US", "wa", "WA"},
		{"US", "Washington", "WA"},
		{"US", "District of Columbia", "DC"},
		{"CA", "Quebec", "QC"},
		{"CA", "CA-BC", "BC"},
		{"CN", "广东", "44"},
		{"CN", "Guangdong Sheng", "44"},
		{"CN", "Guangdong", "44"},
		{"CN", "Guangxi", "45"},
		{"MX", "Jalisco", "JAL"},
		{"MX", "Nuevo Leon", "NLE"},
		{"US", "New", ""},
		{"US", "", ""},
		{"PL", "mazowieckie", ""},
		{"XX", "WA", ""},
	}
	for _, tt := range tests {
		code, ok := StateCode(tt.country, tt.state)
		if code != tt.code || ok != (tt.code != "") {
			t.Errorf("StateCode(%q, %q) = %q, %v; want %q", tt.country, tt.state, code, ok, tt.code)
		}
	}
}

func TestCountries(t *testing.T) {
	all := Countries()
	if len(all) != 249 {
		t.Errorf("Countries() has %d countries, want the 249 of ISO 3166-1", len(all))
	}
	seen := map[string]bool{}
	for i, c := range all {
		if seen[c.Code] {
			t.Errorf("%s listed twice", c.Code)
		}
		seen[c.Code] = true
		for _, lang := range []string{"en", "ru", "fr", "pl", "it"} {
			if c.Names[lang] == "" {
				t.Errorf("%s has no %s name", c.Code, lang)
			}
		}
		if i > 0 && strings.ToLower(all[i-1].Names["en"]) > strings.ToLower(c.Names["en"]) &&
			!strings.ContainsAny(all[i-1].Names["en"]+c.Names["en"], "ÅÇÉÍÎÓÖØÜåçéíîóöøü’") {
			t.Errorf("not sorted by English name: %q before %q", all[i-1].Names["en"], c.Names["en"])
		}
		wantStates := slices.Contains([]string{"US", "CA", "CN", "MX"}, c.Code)
		if (len(c.States) > 0) != wantStates {
			t.Errorf("%s: %d states", c.Code, len(c.States))
		}
		if c.PostalCodeExample != "" {
			if p := postalCode(countries().byCode[c.Code], "", c.PostalCodeExample); p != nil {
				t.Errorf("%s: example %q refused: %v", c.Code, c.PostalCodeExample, p)
			}
		}
	}
	for _, code := range []string{"AC", "TA", "XK"} {
		if seen[code] {
			t.Errorf("%s is not an ISO 3166-1 code", code)
		}
	}

	pl, found := LookupCountry("pl")
	if !found {
		t.Fatal("LookupCountry(pl) not found")
	}
	wantNames := map[string]string{"en": "Poland", "ru": "Польша", "fr": "Pologne", "pl": "Polska", "it": "Polonia"}
	if !mapsEqual(pl.Names, wantNames) {
		t.Errorf("Poland names = %v", pl.Names)
	}
	if !pl.RequiresRegistrationID || !pl.RequiresPhone || pl.RequiresState || !pl.RequiresPostalCode || !pl.RequiresCity || pl.PostalCodeExample != "00-950" {
		t.Errorf("Poland = %+v", pl)
	}

	us, _ := LookupCountry("US")
	if !us.RequiresState || us.RequiresRegistrationID || !slices.Contains(us.States, State{Code: "WA", Name: "Washington"}) {
		t.Errorf("United States = %+v", us)
	}
	ca, _ := LookupCountry("CA")
	if len(ca.States) != 13 || !slices.Contains(ca.States, State{Code: "ON", Name: "Ontario"}) {
		t.Errorf("Canada states = %v", ca.States)
	}
	cn, _ := LookupCountry("CN")
	mx, _ := LookupCountry("MX")
	if len(cn.States) == 0 || len(mx.States) != 32 {
		t.Errorf("China %d states, Mexico %d states", len(cn.States), len(mx.States))
	}

	// Callers get copies.
	pl.Names["en"] = "changed"
	us.States[0].Name = "changed"
	if again, _ := LookupCountry("PL"); again.Names["en"] != "Poland" {
		t.Error("LookupCountry shares its Names map")
	}
	if again, _ := LookupCountry("US"); again.States[0].Name == "changed" {
		t.Error("LookupCountry shares its States slice")
	}
	if _, found := LookupCountry("XX"); found {
		t.Error("LookupCountry(XX) found")
	}
}
