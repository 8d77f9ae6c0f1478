package validate

//go:generate go run gen_postal_examples.go

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/Boostport/address"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Country is what Partnerhub knows about a country: its names and what its
// customers and addresses must provide.
type Country struct {
	Code string // ISO 3166-1 alpha-2, upper case
	// Names in English, Russian, French, Polish and Italian, keyed "en",
	// "ru", "fr", "pl", "it" (CLDR, through golang.org/x/text).
	Names map[string]string

	RequiresRegistrationID bool // domain.md §6: the 24 countries
	RequiresPhone          bool // the same 24 countries
	// Address fields the country's postal service requires (Google's
	// address data, through github.com/Boostport/address).
	RequiresState      bool
	RequiresPostalCode bool
	RequiresCity       bool
	// PostalCodeExample is a postal code in the country's format, empty for
	// countries without postal codes.
	PostalCodeExample string
	// States is the list a state must be chosen from: set for US, CA, CN
	// and MX only.
	States []State
}

// State is an entry of a country's list of states or provinces. Code is the
// ISO 3166-2 subdivision code without the country prefix ("WA", "ON", "11"
// for Beijing, "CMX" for Mexico City).
type State struct {
	Code, Name string
}

// nameLanguages are the languages of Country.Names.
var nameLanguages = []string{"en", "ru", "fr", "pl", "it"}

// stateListCountries are the countries whose state must be one of a list
// (domain.md §6).
var stateListCountries = []string{"US", "CA", "CN", "MX"}

// notISO are codes in Google's address data that are not ISO 3166-1
// assigned codes: Ascension Island and Tristan da Cunha (exceptionally
// reserved; ISO lists them under SH) and Kosovo (user-assigned).
var notISO = []string{"AC", "TA", "XK"}

// countryInfo is a Country with what the checks need precomputed.
type countryInfo struct {
	Country
	postalFormat *regexp.Regexp            // nil: the country has no postal codes
	statePostal  map[string]*regexp.Regexp // postal code prefixes by state code
	stateNames   map[string][]string       // every name of each state, all languages
}

type countryTable struct {
	sorted []*countryInfo
	byCode map[string]*countryInfo
}

var countries = sync.OnceValue(buildCountries)

func buildCountries() *countryTable {
	namers := map[string]display.Namer{}
	for _, lang := range nameLanguages {
		namers[lang] = display.Regions(language.MustParse(lang))
	}

	t := &countryTable{byCode: map[string]*countryInfo{}}
	for _, item := range address.ListCountries("en") {
		code := item.Code
		if slices.Contains(notISO, code) {
			continue
		}
		region, err := language.ParseRegion(code)
		if err != nil {
			continue
		}
		data := address.GetCountry(code)

		c := &countryInfo{Country: Country{
			Code:                   code,
			Names:                  map[string]string{},
			RequiresRegistrationID: slices.Contains(registrationIDCountries, code),
			RequiresPhone:          slices.Contains(registrationIDCountries, code),
			RequiresState:          slices.Contains(data.Required, address.AdministrativeArea),
			RequiresPostalCode:     slices.Contains(data.Required, address.PostCode),
			RequiresCity:           slices.Contains(data.Required, address.Locality),
			PostalCodeExample:      postalCodeExamples[code],
		}}
		for _, lang := range nameLanguages {
			name := namers[lang].Name(region)
			if name == "" {
				name = namers["en"].Name(region)
			}
			if name == "" {
				name = item.Name
			}
			c.Names[lang] = name
		}

		if re := data.PostCodeRegex.Regex; re != "" {
			c.postalFormat = regexp.MustCompile(re)
		}

		if slices.Contains(stateListCountries, code) {
			addStates(c, data)
		}

		t.sorted = append(t.sorted, c)
		t.byCode[code] = c
	}

	col := collate.New(language.English, collate.IgnoreCase, collate.IgnoreDiacritics)
	slices.SortStableFunc(t.sorted, func(a, b *countryInfo) int {
		return col.CompareString(a.Names["en"], b.Names["en"])
	})
	return t
}

// addStates fills the state list, the names each state is known by, and the
// postal code prefixes of each state.
func addStates(c *countryInfo, data address.CountryData) {
	listLang := "en"
	if _, ok := data.AdministrativeAreas[listLang]; !ok {
		listLang = data.DefaultLanguage
	}
	for _, a := range data.AdministrativeAreas[listLang] {
		c.States = append(c.States, State{Code: a.ID, Name: a.Name})
	}

	c.stateNames = map[string][]string{}
	for _, areas := range data.AdministrativeAreas {
		for _, a := range areas {
			if !slices.Contains(c.stateNames[a.ID], a.Name) {
				c.stateNames[a.ID] = append(c.stateNames[a.ID], a.Name)
			}
		}
	}

	c.statePostal = map[string]*regexp.Regexp{}
	for id, sub := range data.PostCodeRegex.SubdivisionRegex {
		if sub.Regex == "" {
			continue
		}
		// Google's subdivision formats are prefixes such as "98|99[0-4]";
		// Boostport prepends "^", which binds to the first alternative only.
		c.statePostal[id] = regexp.MustCompile("^(?:" + strings.TrimPrefix(sub.Regex, "^") + ")")
	}
}

func (c *countryInfo) export() Country {
	out := c.Country
	out.Names = maps.Clone(c.Names)
	out.States = slices.Clone(c.States)
	return out
}

// Countries returns every ISO 3166-1 country, sorted by English name.
func Countries() []Country {
	t := countries()
	out := make([]Country, len(t.sorted))
	for i, c := range t.sorted {
		out[i] = c.export()
	}
	return out
}

// LookupCountry returns the country with the ISO 3166-1 alpha-2 code (any
// case, surrounding spaces ignored).
func LookupCountry(code string) (Country, bool) {
	c := lookup(code)
	if c == nil {
		return Country{}, false
	}
	return c.export(), true
}

func lookup(code string) *countryInfo {
	return countries().byCode[normCountry(code)]
}

func normCountry(code string) string {
	return strings.ToUpper(strings.TrimSpace(code))
}

// countryName is the English name for messages, or the code itself.
func countryName(code string) string {
	if c := lookup(code); c != nil {
		return c.Names["en"]
	}
	return code
}

// StateCode returns the code of state in the list of country (US, CA, CN
// and MX have lists). It accepts the code ("WA", "US-WA"), a name in any
// language of the list ("Washington", "Québec", "Quebec", "北京市",
// "Beijing Shi") or the leading words of a name, when only one state
// starts with them ("Beijing", "北京", "Coahuila"). ok is false for a
// country without a list or a state not in it.
func StateCode(country, state string) (code string, ok bool) {
	c := lookup(country)
	if c == nil || c.stateNames == nil {
		return "", false
	}
	s, valid := clean(state)
	if !valid || s == "" {
		return "", false
	}
	upper := strings.ToUpper(s)
	upper = strings.TrimPrefix(upper, c.Code+"-")
	if _, ok := c.stateNames[upper]; ok {
		return upper, true
	}

	want := key(s)
	wantWords := tokens(s)
	if want == "" {
		return "", false
	}
	var prefixMatch string
	prefixMatches := 0
	for _, st := range c.States {
		for _, name := range c.stateNames[st.Code] {
			if key(name) == want {
				return st.Code, true
			}
			if startsWithWords(name, wantWords, want) {
				if prefixMatch != st.Code {
					prefixMatches++
				}
				prefixMatch = st.Code
			}
		}
	}
	if prefixMatches == 1 {
		return prefixMatch, true
	}
	return "", false
}

// startsWithWords reports whether name begins with the words typed: whole
// words for names written with spaces, at least two characters for names
// written without them (Chinese).
func startsWithWords(name string, words []string, joined string) bool {
	nameWords := tokens(name)
	if len(nameWords) == 1 && len(words) == 1 {
		// A single-word name: Chinese has no spaces, so "北京" starts "北京市".
		return utf8.RuneCountInString(joined) >= 2 && !isLatin(joined) &&
			strings.HasPrefix(nameWords[0], joined) && nameWords[0] != joined
	}
	if len(words) >= len(nameWords) {
		return false
	}
	return slices.Equal(nameWords[:len(words)], words)
}

func isLatin(s string) bool {
	for _, r := range s {
		if r >= 0x250 {
			return false
		}
	}
	return true
}
