package fake

import (
	"strings"
	"unicode"
)

// foldTable maps lowercase Latin letters with diacritics (and a few
// ligatures) to their plain ASCII equivalents. Keys are lowercase because
// Fold lowercases every rune before looking it up. It covers Latin-1
// Supplement, Latin Extended-A and the Latin Extended-B letters used by
// Romanian and Vietnamese-free European languages.
var foldTable = map[rune]string{
	// Latin-1 Supplement
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae",
	'ç': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ð': "d", 'ñ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u",
	'ý': "y", 'ÿ': "y", 'þ': "th", 'ß': "ss",
	// Latin Extended-A
	'ā': "a", 'ă': "a", 'ą': "a",
	'ć': "c", 'ĉ': "c", 'ċ': "c", 'č': "c",
	'ď': "d", 'đ': "d",
	'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ĝ': "g", 'ğ': "g", 'ġ': "g", 'ģ': "g",
	'ĥ': "h", 'ħ': "h",
	'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i", 'ı': "i", 'ĳ': "ij",
	'ĵ': "j", 'ķ': "k", 'ĸ': "k",
	'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l", 'ł': "l",
	'ń': "n", 'ņ': "n", 'ň': "n", 'ŉ': "n", 'ŋ': "n",
	'ō': "o", 'ŏ': "o", 'ő': "o", 'œ': "oe",
	'ŕ': "r", 'ŗ': "r", 'ř': "r",
	'ś': "s", 'ŝ': "s", 'ş': "s", 'š': "s", 'ſ': "s",
	'ţ': "t", 'ť': "t", 'ŧ': "t",
	'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ŵ': "w", 'ŷ': "y",
	'ź': "z", 'ż': "z", 'ž': "z",
	// Latin Extended-B (Romanian comma-below, pinyin-style carons, horns)
	'ș': "s", 'ț': "t", 'ǎ': "a", 'ǐ': "i", 'ǒ': "o", 'ǔ': "u",
	'ơ': "o", 'ư': "u", 'ǽ': "ae", 'ǿ': "o",
	// Cyrillic: only ё is folded; everything else is merely lowercased.
	'ё': "е",
}

// Fold lowercases s and strips diacritics from Latin letters (ł→l, é→e,
// ß→ss, œ→oe, ...). Cyrillic text is only lowercased, except that ё is
// folded to е. Combining diacritical marks (decomposed input) are dropped.
// Everything else (digits, punctuation, spaces) is kept unchanged.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= 0x0300 && r <= 0x036F { // combining diacritical marks
			continue
		}
		r = unicode.ToLower(r)
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if rep, ok := foldTable[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cyrLatin transliterates lowercase Cyrillic letters to ASCII (a practical
// variant of the Russian passport / BGN scheme).
var cyrLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u",
}

// ASCII returns an ASCII-only rendering of s: it folds s and transliterates
// Cyrillic to Latin. Characters that have no ASCII rendering are dropped.
func ASCII(s string) string {
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	for _, r := range f {
		if r < 0x80 {
			b.WriteRune(r)
		} else if rep, ok := cyrLatin[r]; ok {
			b.WriteString(rep)
		}
	}
	return b.String()
}

// alnum keeps only [a-z0-9] of an already folded ASCII string.
func alnum(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// legalForms lists legal-form designators that DomainPrefix drops when they
// appear at the start or the end of a company name. Longer forms come
// first so that "Sp. z o.o. sp.k." wins over "Sp. z o.o.".
var legalForms = [][]string{
	strings.Fields("sp. z o.o. sp.k."),
	strings.Fields("sp. z o.o."),
	strings.Fields("soc. coop."),
	strings.Fields("& c."),
	strings.Fields("sp. j."),
	strings.Fields("sp. k."),
	strings.Fields("sp. p."),
	{"sp.j."}, {"sp.k."}, {"s.a."}, {"s.c."},
	{"s.p.a."}, {"s.r.l.s."}, {"s.r.l."}, {"s.n.c."}, {"s.a.s."},
	{"sarl"}, {"sas"}, {"sasu"}, {"eurl"}, {"sa"}, {"snc"}, {"sci"},
	{"inc."}, {"inc"}, {"llc"}, {"corp."}, {"corp"}, {"corporation"},
	{"co."}, {"ltd"}, {"ltd."}, {"limited"}, {"plc"}, {"llp"}, {"pllc"},
	{"ооо"}, {"ао"}, {"пао"}, {"зао"}, {"нао"}, {"гк"}, {"тд"}, {"нпо"}, {"нпп"}, {"пк"},
}

var prefixStopWords = map[string]bool{
	"de": true, "des": true, "du": true, "la": true, "le": true, "les": true,
	"di": true, "del": true, "della": true, "dei": true, "e": true, "et": true,
	"i": true, "the": true, "of": true, "and": true, "da": true, "d": true,
	"l": true, "w": true, "z": true, "na": true, "v": true,
}

func matchForm(tokens []string, form []string, atEnd bool) bool {
	if len(form) >= len(tokens) { // never strip the whole name
		return false
	}
	off := 0
	if atEnd {
		off = len(tokens) - len(form)
	}
	for i, f := range form {
		if Fold(tokens[off+i]) != f {
			return false
		}
	}
	return true
}

// DomainPrefix derives an onmicrosoft.com-style tenant prefix from a company
// name: legal forms are removed, the rest is folded and transliterated to
// ASCII and only [a-z0-9] is kept. The result is 3..27 characters long.
// Callers should append a uniqueness suffix themselves when needed (and
// keep the result within 27 characters).
func DomainPrefix(name string) string {
	tokens := strings.Fields(name)
	for changed := true; changed; {
		changed = false
		for _, f := range legalForms {
			if matchForm(tokens, f, false) {
				tokens = tokens[len(f):]
				changed = true
			}
			if matchForm(tokens, f, true) {
				tokens = tokens[:len(tokens)-len(f)]
				changed = true
			}
		}
	}
	type word struct {
		s    string
		stop bool
	}
	var words []word
	total := 0
	for _, t := range tokens {
		a := ASCII(t)
		// split "d'electricite" into "d" and "electricite" for stop words
		parts := strings.FieldsFunc(a, func(r rune) bool { return r == '\'' || r == '-' })
		for _, p := range parts {
			w := alnum(p)
			if w == "" {
				continue
			}
			words = append(words, word{w, prefixStopWords[w]})
			total += len(w)
		}
	}
	const maxLen = 27
	var b strings.Builder
	if total <= maxLen {
		for _, w := range words {
			b.WriteString(w.s)
		}
	} else {
		// too long: drop stop words, then take whole words while they fit
		for _, w := range words {
			if w.stop {
				continue
			}
			if b.Len()+len(w.s) > maxLen {
				if b.Len() < 3 {
					b.WriteString(w.s[:maxLen-b.Len()])
				}
				break
			}
			b.WriteString(w.s)
		}
	}
	out := b.String()
	for len(out) < 3 {
		out += "co"
	}
	if len(out) > maxLen {
		out = out[:maxLen]
	}
	return out
}

// emailLocal renders one name part as an ASCII e-mail local-part fragment.
func emailLocal(s string) string {
	a := ASCII(s)
	var b strings.Builder
	for i := 0; i < len(a); i++ {
		c := a[i]
		switch {
		case (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'):
			b.WriteByte(c)
		case c == '-' || c == ' ':
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

// Email builds "first.last@domain" with an ASCII-only local part.
func Email(first, last, domain string) string {
	f, l := emailLocal(first), emailLocal(last)
	local := f
	switch {
	case f != "" && l != "":
		local = f + "." + l
	case l != "":
		local = l
	case f == "":
		local = "contact"
	}
	return local + "@" + domain
}
