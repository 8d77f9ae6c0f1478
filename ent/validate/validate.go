// Package validate checks the values that partners type into Partnerhub
// (domain.md §6): company and person names, email addresses, the
// onmicrosoft.com domain prefix, addresses, phone numbers and company
// registration IDs, plus the country metadata those checks depend on.
//
// Every check returns nil or a *Problem whose Message is a sentence that a
// partner's staff can act on. A Problem with Warning set is not an error: the
// value may be saved, but the user should be told. Beware that a nil
// *Problem stored in an error variable is a non-nil error; compare the
// *Problem with nil before converting it.
//
// The checks validate the value with surrounding white space trimmed, so
// callers should store strings.TrimSpace of what they validated.
//
// The package is pure Go. Its data comes from maintained libraries:
// github.com/nyaruka/phonenumbers (Google's libphonenumber) for phone
// numbers, github.com/Boostport/address (Google's address data) for postal
// code formats, required address fields and state lists, and
// golang.org/x/text/language/display (CLDR) for country names. The postal
// code examples used in messages are generated from Google's data by
// gen_postal_examples.go.
package validate

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Code classifies a Problem.
type Code string

// The codes a Problem can carry.
const (
	CodeInvalid  Code = "INVALID"
	CodeRequired Code = "REQUIRED"
	CodeTooShort Code = "TOO_SHORT"
	CodeTooLong  Code = "TOO_LONG"
)

// Problem is what is wrong with a value. Warning=true means the value is
// allowed but worth telling the user about (for example ".com" in a company
// name).
type Problem struct {
	Code    Code
	Message string
	Warning bool
}

// Error returns the message, so that a Problem can be used as an error.
func (p *Problem) Error() string {
	if p == nil {
		return ""
	}
	return p.Message
}

func invalid(format string, args ...any) *Problem {
	return &Problem{Code: CodeInvalid, Message: fmt.Sprintf(format, args...)}
}

func required(message string) *Problem {
	return &Problem{Code: CodeRequired, Message: message}
}

func tooShort(min int) *Problem {
	return &Problem{Code: CodeTooShort, Message: fmt.Sprintf("Use at least %d %s.", min, plural(min, "character"))}
}

func tooLong(max int) *Problem {
	return &Problem{Code: CodeTooLong, Message: fmt.Sprintf("Use at most %d %s.", max, plural(max, "character"))}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

var errNotUTF8 = &Problem{Code: CodeInvalid, Message: "This text contains characters that could not be read; type it again."}

// clean returns s with surrounding white space trimmed and in Unicode NFC,
// the form whose length the checks measure. ok is false for invalid UTF-8.
func clean(s string) (string, bool) {
	if !utf8.ValidString(s) {
		return "", false
	}
	return norm.NFC.String(strings.TrimSpace(s)), true
}

// length counts characters (code points) of a cleaned string.
func length(s string) int { return utf8.RuneCountInString(s) }

// checkLength returns TOO_SHORT or TOO_LONG when the cleaned s is out of
// bounds.
func checkLength(s string, min, max int) *Problem {
	n := length(s)
	if n < min {
		return tooShort(min)
	}
	if n > max {
		return tooLong(max)
	}
	return nil
}

// hasLetter reports whether s has a letter of any script.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// invisible reports characters that never belong in a typed value: control
// characters and format characters other than the zero-width (non-)joiners
// that Persian, Indic and emoji text need.
func invisible(r rune) bool {
	if r == '\u200c' || r == '\u200d' {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError
}

// quoteRune shows a character in a message.
func quoteRune(r rune) string {
	if unicode.IsGraphic(r) && !unicode.IsSpace(r) {
		return "“" + string(r) + "”"
	}
	return fmt.Sprintf("U+%04X", r)
}

// key folds s for comparing with the word lists: lower case, accents
// removed, and everything but letters and digits dropped ("Sp. z o.o." and
// "SP Z OO" both give "spzoo").
func key(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// tokens splits s into its runs of letters, digits and marks, each folded
// by key ("Sp. z o.o." gives sp, z, o, o).
func tokens(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	}) {
		if k := key(f); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// keySet builds a set of folded words.
func keySet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[key(w)] = true
	}
	return m
}

// oneRuneRepeated reports whether s, ignoring spaces and case, is a single
// character typed two or more times ("999", "aaa", "A a").
func oneRuneRepeated(s string) bool {
	var first rune
	n := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		r = unicode.ToLower(r)
		if n == 0 {
			first = r
		} else if r != first {
			return false
		}
		n++
	}
	return n >= 2
}

// trimDigitTokens drops number tokens at the end ("test 2", "user123").
func trimDigitTokens(toks []string) []string {
	out := slices.Clone(toks)
	for len(out) > 0 {
		last := &out[len(out)-1]
		trimmed := strings.TrimRightFunc(*last, unicode.IsDigit)
		if trimmed != "" {
			*last = trimmed
			break
		}
		out = out[:len(out)-1]
	}
	return out
}
