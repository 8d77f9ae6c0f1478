package validate

import (
	"slices"
	"strings"
	"unicode"
)

// Company names are 2–255 characters (domain.md §6).
const (
	minCompanyName = 2
	maxCompanyName = 255
)

// companySpecial are the special characters a company name may contain:
// domain.md §6's list
//
//	~ - = _ # . % + : ^ [ ] $ – — & @ * ( ) , " ⟨ ⟩ ` < > ! \ / { } | ‘ ' ، ; ?
//
// and, as a decision of this package, the quotation marks that registered
// Polish and Russian names use (ООО «Контур», „Społem” Sp. z o.o.) and the
// typographic apostrophe: « » „ ” “ ’. Refusing them would refuse the exact
// legal names Partner Center asks for.
const companySpecial = "~-=_#.%+:^[]$–—&@*(),\"⟨⟩`<>!\\/{}|‘'،;?" + "«»„”“’"

// legalForms are company-form abbreviations and words, folded by key: a
// name made only of these is refused, and they are ignored around a test
// name ("Test LLC", "ООО Тест").
var legalForms = keySet(
	// English-speaking countries
	"LLC", "L.C.", "Ltd", "Limited", "Inc", "Incorporated", "Corp", "Corporation",
	"Co", "Company", "PLC", "LLP", "LP", "LLLP", "PLLC", "PC", "Pty", "Pvt", "Pte",
	"Private Limited", "CIC", "Bhd", "Sdn", "Tbk", "PT", "JSC", "OJSC",
	"CJSC", "PJSC", "FZE", "FZCO", "FZ", "WLL", "SPC", "SAOC", "SAOG", "PSC",
	// German, Dutch, Nordic
	"GmbH", "mbH", "AG", "KG", "OHG", "UG", "GbR", "e.V.", "eG", "KGaA", "SE",
	"BV", "NV", "VOF", "BVBA", "AB", "Oy", "Oyj", "AS", "ASA", "ApS", "A/S", "hf", "ehf",
	// French, Italian, Spanish, Portuguese
	"SA", "SAS", "SASU", "SARL", "EURL", "SNC", "SCI", "SCOP", "SCA", "SCS", "GIE", "SELARL",
	"SPRL", "SRL", "SpA", "SRLS", "SApA", "Sc", "Scarl", "Scrl", "Soc. Coop.", "Onlus",
	"SL", "SLU", "SAU", "S.A. de C.V.", "S. de R.L.", "SAPI", "Ltda", "EIRELI", "ME", "EPP",
	"MEI", "Lda",
	// Polish
	"Sp. z o.o.", "spółka z o.o.", "spółka z ograniczoną odpowiedzialnością", "Sp.j.",
	"Sp.k.", "S.K.A.", "Sp.p.", "spółka akcyjna", "spółka jawna", "s.c.",
	// Central and Eastern Europe, Türkiye
	"s.r.o.", "a.s.", "v.o.s.", "k.s.", "d.o.o.", "d.d.", "AD", "EOOD", "OOD", "Kft",
	"Zrt", "Nyrt", "Bt", "Kkt", "Rt", "A.Ş.", "Ltd. Şti.", "Şti",
	// Russian and other CIS forms, in Cyrillic and transliterated
	"ООО", "ОАО", "ЗАО", "ПАО", "АО", "НАО", "ИП", "ТОО", "ЧП", "ПП", "ОДО", "ЧУП", "УП",
	"АНО", "НКО", "ТОВ", "ПАТ", "ПрАТ", "АТ", "ФОП", "ЖШС", "ООО", "OOO", "OAO", "ZAO",
	"PAO", "AO", "IP", "TOO", "TOV",
	// East Asia
	"KK", "GK", "YK", "株式会社", "有限会社", "合同会社", "有限公司", "股份有限公司",
	"有限责任公司", "有限責任公司", "公司", "주식회사", "유한회사", "TNHH", "Cty", "Công ty",
)

// companyTestNames are names used for testing rather than a customer's
// legal name, folded by key. Legal forms around them and a trailing number
// are ignored ("Test Company 2", "Demo LLC", "ООО Тест").
var companyTestNames = keySet(
	"test", "tests", "testing", "tester", "test test", "test company", "test company name",
	"test customer", "test client", "test org", "test organization", "test organisation",
	"test account", "test tenant", "test corp", "test firm", "testfirma",
	"demo", "demo company", "demo customer", "demo account", "demo tenant",
	"sample", "sample company", "example", "example company", "example org",
	"asdf", "asdfg", "asdfgh", "asdfghjkl", "qwerty", "qwertz", "qwertyuiop", "azerty",
	"zxcv", "zxcvbn", "foobar", "lorem ipsum", "dummy company", "fake company",
	"no name", "noname", "none", "null", "tbd", "company name", "your company",
	"your company name", "my company", "new company", "new customer", "customer name",
	// Microsoft's fictitious companies, used in documentation and sandboxes
	"contoso", "fabrikam",
	// Russian, French, Polish, Italian
	"тест", "тесты", "тестовая", "тестовый", "тестовая компания", "тестовая организация",
	"тестовый клиент", "демо", "пример", "проверка", "йцукен", "фыва",
	"essai", "exemple", "société test", "société de test", "entreprise test",
	"firma testowa", "spółka testowa", "testowa", "przykład", "firma przykładowa",
	"esempio", "azienda di prova", "società di prova", "azienda test", "società test",
	// Chinese, Japanese, Korean
	"测试", "測試", "测试公司", "測試公司", "テスト", "テスト会社", "테스트",
)

// webTLDs are the extensions that make a company name look like a web
// address, besides every ISO country code (isWebTLD).
var webTLDs = map[string]bool{
	"com": true, "net": true, "org": true, "info": true, "biz": true, "io": true,
	"app": true, "dev": true, "online": true, "shop": true, "store": true, "site": true,
	"tech": true, "xyz": true, "cloud": true, "digital": true, "eu": true, "uk": true,
	"su": true, "рф": true, "укр": true, "бел": true, "қаз": true, "срб": true,
}

// genericTLDs may be warned about even without a name before the dot
// ("Shop .com").
var genericTLDs = []string{"com", "net", "org", "info", "biz"}

// CompanyName checks a company name (domain.md §6): 2–255 characters of
// letters (any script), digits, spaces and the allowed special characters;
// not one character repeated ("999"); not single characters separated by
// spaces ("a b c"); not only digits, spaces or special characters; not only
// a legal form ("LLC", "Sp. z o.o.", "ООО"); not a test name ("test",
// "demo", "asdf"). A name that passes but contains a web extension (".com")
// gets a Problem with Warning set: it may be saved, and the user told.
func CompanyName(s string) *Problem {
	if p := companyNameError(s); p != nil {
		return p
	}
	return CompanyNameWarning(s)
}

func companyNameError(s string) *Problem {
	v, ok := clean(s)
	if !ok {
		return errNotUTF8
	}
	if v == "" {
		return required("Enter the company's legal name.")
	}
	if p := checkLength(v, minCompanyName, maxCompanyName); p != nil {
		return p
	}
	for _, r := range v {
		if !companyRune(r) {
			return invalid("A company name cannot contain %s. Use letters, digits, spaces and common punctuation.", quoteRune(r))
		}
	}
	if oneRuneRepeated(v) {
		return invalid("A company name cannot be one character repeated, such as “999”.")
	}
	if singleCharacterWords(v) {
		return invalid("A company name cannot be single characters separated by spaces, such as “a b c”.")
	}
	if !hasLetter(v) {
		return invalid("A company name must contain letters; it cannot be only digits, spaces or special characters.")
	}
	toks := tokens(v)
	if onlyLegalForms(toks) {
		return invalid("A company name cannot be only a legal form such as “LLC”; enter the full registered name.")
	}
	if companyTestNames[strings.Join(trimDigitTokens(stripLegalForms(toks)), "")] {
		return invalid("Enter the customer's registered legal name, not a test name such as “test” or “demo”.")
	}
	return nil
}

func companyRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) ||
		unicode.Is(unicode.Zs, r) || strings.ContainsRune(companySpecial, r)
}

// singleCharacterWords reports names such as "1 2 3" or "a b c": two or more
// words of one character each.
func singleCharacterWords(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if length(w) != 1 {
			return false
		}
	}
	return true
}

// legalFormAt returns the ends of the runs of tokens starting at i that
// join into a legal form ("sp","z","o","o" joins into "spzoo").
func legalFormAt(toks []string, i int) []int {
	var ends []int
	joined := ""
	for j := i; j < len(toks) && j < i+6; j++ {
		joined += toks[j]
		if legalForms[joined] {
			ends = append(ends, j+1)
		}
	}
	return ends
}

// onlyLegalForms reports whether the tokens split wholly into legal forms
// ("LLC", "GmbH & Co. KG", "Sp. z o.o.").
func onlyLegalForms(toks []string) bool {
	if len(toks) == 0 {
		return false
	}
	reach := make([]bool, len(toks)+1)
	reach[0] = true
	for i := range toks {
		if !reach[i] {
			continue
		}
		for _, end := range legalFormAt(toks, i) {
			reach[end] = true
		}
	}
	return reach[len(toks)]
}

// stripLegalForms removes legal forms from both ends of the tokens.
func stripLegalForms(toks []string) []string {
	for changed := true; changed && len(toks) > 0; {
		changed = false
		if ends := legalFormAt(toks, 0); len(ends) > 0 && ends[len(ends)-1] < len(toks) {
			toks = toks[ends[len(ends)-1]:]
			changed = true
		}
		for start := max(0, len(toks)-6); start < len(toks); start++ {
			if start == 0 {
				continue
			}
			ends := legalFormAt(toks, start)
			if len(ends) > 0 && ends[len(ends)-1] == len(toks) {
				toks = toks[:start]
				changed = true
				break
			}
		}
	}
	return toks
}

// CompanyNameWarning returns the web-extension warning for a company name
// that contains one (".com", ".pl", ".ru"), nil otherwise; it does not check
// anything else, so callers can save the name and still show the warning.
func CompanyNameWarning(s string) *Problem {
	v, ok := clean(s)
	if !ok {
		return nil
	}
	if ext := webExtension(v); ext != "" {
		return &Problem{
			Code:    CodeInvalid,
			Message: "The company name contains a web extension (“." + ext + "”). Use the registered legal name, with the extension only if it is part of that name.",
			Warning: true,
		}
	}
	return nil
}

// webExtension finds a ".tld" that ends a word, after a name ("allegro.pl",
// "Yandex.ru") or, for generic extensions, on its own (".com"). A legal
// form before the dot ("Co.KG", "Pvt.Ltd") is not a web address.
func webExtension(s string) string {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	rs := []rune(s)
	for i, r := range rs {
		if r != '.' {
			continue
		}
		end := i + 1
		for end < len(rs) && (unicode.IsLetter(rs[end]) || unicode.IsMark(rs[end])) {
			end++
		}
		if end == i+1 || (end < len(rs) && isWord(rs[end])) {
			continue
		}
		tld := strings.ToLower(string(rs[i+1 : end]))
		if !isWebTLD(tld) {
			continue
		}
		start := i
		for start > 0 && (isWord(rs[start-1]) || rs[start-1] == '-') {
			start--
		}
		label := string(rs[start:i])
		switch {
		case label == "":
			if !slices.Contains(genericTLDs, tld) {
				continue
			}
		case length(label) < 2, legalForms[key(label)]:
			continue
		}
		return tld
	}
	return ""
}

func isWebTLD(tld string) bool {
	if webTLDs[tld] {
		return true
	}
	return len(tld) == 2 && tld[0] >= 'a' && tld[0] <= 'z' && tld[1] >= 'a' && tld[1] <= 'z' && lookup(tld) != nil
}
