package text_test

import (
	"slices"
	"testing"

	"partnerhub/ent/text"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Łódź Trading":            "lodz trading",
		"Société Générale":        "societe generale",
		"ZAKŁADY MIĘSNE ŻYWIEC":   "zaklady miesne zywiec",
		"Контур":                  "контур",
		"Ёлки-Палки":              "елки-палки",
		"Straße Øresund Æble Œuf": "strasse oresund aeble oeuf",
		"Città":                   "citta",
	} {
		if got := text.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTermsAndQueryWords(t *testing.T) {
	got := text.Terms("ООО «Контур»", "Kontur-Service Sp. z o.o.", "kontur.onmicrosoft.com")
	want := []string{"ооо", "контур", "kontur", "service", "sp", "z", "o", "onmicrosoft", "com"}
	if !slices.Equal(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
	if got := text.QueryWords("  Łódź, trading  a b c d e f g h i", 3); !slices.Equal(got, []string{"lodz", "trading", "a"}) {
		t.Errorf("QueryWords = %q", got)
	}
	long := text.Terms(string(make([]rune, 0)) + "ąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąą")
	if len(long) != 1 || len(long[0]) > text.MaxTermLen {
		t.Errorf("a long word is not truncated to %d bytes: %q", text.MaxTermLen, long)
	}
}

func TestSortKey(t *testing.T) {
	names := []string{"alpine Ski House", "\"Bellini & Figli\"", "Łódź Trading", "Zeta", "ООО «Контур»"}
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = text.SortKey(n)
	}
	if !slices.IsSorted(keys) {
		t.Errorf("keys not in the expected order: %q", keys)
	}
	if text.SortKey("\"Bellini & Figli\"") != "bellini figli" {
		t.Errorf("SortKey ignores punctuation: %q", text.SortKey("\"Bellini & Figli\""))
	}
}
