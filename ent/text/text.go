// Package text normalises names for search and sorting: lower case, accents removed (so "lodz" finds
// "Łódź" and "societe" finds "Société"), Cyrillic kept as it is apart from case and ё.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Letters that do not decompose into a base letter and a combining mark.
var special = strings.NewReplacer(
	"ł", "l", "Ł", "l", "ø", "o", "Ø", "o", "đ", "d", "Đ", "d", "ß", "ss", "æ", "ae", "Æ", "ae",
	"œ", "oe", "Œ", "oe", "ı", "i", "þ", "th", "ð", "d", "ё", "е", "Ё", "е",
)

// Fold returns s in lower case without diacritics.
func Fold(s string) string {
	s = special.Replace(s)
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// MaxTermLen caps the length of one stored search term (in bytes, at a rune boundary).
const MaxTermLen = 64

// Words splits folded s into words: runs of letters and digits. "Contoso-Sp. z o.o." gives
// contoso, sp, z, o, o.
func Words(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Terms returns the distinct search terms of the given values: every word, truncated to MaxTermLen.
// A customer matches a query when each query word is the start of one of its terms.
func Terms(values ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range values {
		for _, w := range Words(v) {
			w = truncate(w, MaxTermLen)
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// QueryWords returns the words of a search query, at most max of them (the rest are ignored), each
// truncated like stored terms.
func QueryWords(q string, max int) []string {
	ws := Words(q)
	if len(ws) > max {
		ws = ws[:max]
	}
	for i, w := range ws {
		ws[i] = truncate(w, MaxTermLen)
	}
	return ws
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// SortKey is the key names sort by: the folded words joined by single spaces, so case, accents,
// quotes and other punctuation do not move a name ("\"Bellini & Figli\"" sorts as "bellini figli").
func SortKey(s string) string {
	return strings.Join(Words(s), " ")
}

// PrefixLen is the longest search word (in characters) answered from SearchPrefix rows: the short
// words that start the most terms.
const PrefixLen = 2

// Prefixes returns the distinct beginnings of terms, 1 to PrefixLen characters long.
func Prefixes(terms []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range terms {
		r := []rune(t)
		for n := 1; n <= PrefixLen && n <= len(r); n++ {
			if p := string(r[:n]); !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// IsPrefixWord reports whether a search word is short enough to be one of Prefixes.
func IsPrefixWord(w string) bool { return utf8.RuneCountInString(w) <= PrefixLen }
