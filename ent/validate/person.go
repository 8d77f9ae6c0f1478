package validate

import (
	"slices"
	"strings"
	"unicode"
)

// Person names (first or last name of a contact) are 2–40 characters; a
// name written only in Chinese, Japanese or Korean characters may be one.
const (
	minPersonName = 2
	maxPersonName = 40
)

// personPlaceholders are words typed instead of a name, folded by key; a
// trailing number is ignored ("test1", "user123").
var personPlaceholders = keySet(
	"test", "tester", "testing", "test user", "testuser", "test name", "admin",
	"administrator", "sysadmin", "user", "username", "nobody", "no one", "noone",
	"none", "null", "nil", "unknown", "anonymous", "anon", "asdf", "asdfgh", "qwerty",
	"qwertz", "azerty", "first name", "firstname", "last name", "lastname", "surname",
	"name", "noname", "no name", "fname", "lname", "tbd", "demo", "sample", "example",
	"dummy", "fake", "foo", "foobar", "contact", "customer",
	// Russian, French, Polish, Italian
	"тест", "тестовый", "админ", "администратор", "пользователь", "неизвестно",
	"никто", "нет", "имя", "фамилия", "йцукен", "inconnu", "aucun", "prénom",
	"nieznany", "nieznana", "nikt", "imię", "nazwisko", "nessuno", "sconosciuto",
	"cognome",
	// Chinese, Japanese, Korean
	"测试", "測試", "テスト", "테스트",
)

// personPlaceholderForms are placeholders made of punctuation that key would
// fold into a real name ("n/a" into "na", a Korean surname).
var personPlaceholderForms = []string{"n/a", "n.a.", "n / a", "n/d", "н/д", "н/а", "-", "--", "?"}

// PersonName checks a contact's first or last name: 2–40 characters (one is
// enough for a name of Chinese, Japanese or Korean characters); at least one
// letter, so not only digits, special characters or emoji; no control
// characters; not a placeholder such as "test", "admin", "nobody", "n/a" or
// "xxx".
func PersonName(s string) *Problem {
	v, ok := clean(s)
	if !ok {
		return errNotUTF8
	}
	if v == "" {
		return required("Enter the name.")
	}
	if !(length(v) == 1 && cjk(v)) {
		if p := checkLength(v, minPersonName, maxPersonName); p != nil {
			return p
		}
	}
	for _, r := range v {
		if invisible(r) || (unicode.IsSpace(r) && !unicode.Is(unicode.Zs, r)) {
			return invalid("Remove the line breaks and other invisible characters from the name.")
		}
	}
	if !hasLetter(v) {
		return invalid("A name must contain letters; it cannot be only digits, special characters or emoji.")
	}
	lower := strings.ToLower(v)
	toks := trimDigitTokens(tokens(v))
	if slices.Contains(personPlaceholderForms, lower) || personPlaceholders[strings.Join(toks, "")] ||
		(length(v) >= 3 && oneRuneRepeated(v)) {
		return invalid("Enter the person's real name, not a placeholder such as “test”, “admin” or “n/a”.")
	}
	return nil
}

// cjk reports whether every character of s is Chinese, Japanese or Korean.
func cjk(s string) bool {
	for _, r := range s {
		if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return false
		}
	}
	return s != ""
}
