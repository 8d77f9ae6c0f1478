package fake

import (
	"math/rand/v2"
	"strconv"
)

// Russian INN (ИНН, taxpayer identification number).
//
// A legal entity has a 10-digit INN: 2 digits region code, 2 digits tax
// inspection code, 5 digits record number and one check digit
//
//	n10 = (Σ w_i·d_i mod 11) mod 10, w = 2,4,10,3,5,9,4,6,8.
//
// Individuals have 12 digits with two check digits:
//
//	n11 = (Σ w_i·d_i, i=1..10 mod 11) mod 10, w = 7,2,4,10,3,5,9,4,6,8
//	n12 = (Σ w_i·d_i, i=1..11 mod 11) mod 10, w = 3,7,2,4,10,3,5,9,4,6,8
var (
	inn10Weights = []int{2, 4, 10, 3, 5, 9, 4, 6, 8}
	inn11Weights = []int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}
	inn12Weights = []int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}
	nipWeights   = []int{6, 5, 7, 2, 3, 4, 5, 6, 7}
)

func weightedSum(digits []byte, weights []int) int {
	s := 0
	for i, w := range weights {
		s += int(digits[i]-'0') * w
	}
	return s
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func allZeros(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '0' {
			return false
		}
	}
	return true
}

// ValidINN reports whether s is a syntactically valid Russian INN: exactly
// 10 (legal entity) or 12 (individual) ASCII digits, a non-zero region code
// and correct check digit(s). No separators are accepted.
func ValidINN(s string) bool {
	if (len(s) != 10 && len(s) != 12) || !allDigits(s) || s[:2] == "00" {
		return false
	}
	d := []byte(s)
	if len(s) == 10 {
		return weightedSum(d, inn10Weights)%11%10 == int(d[9]-'0')
	}
	return weightedSum(d, inn11Weights)%11%10 == int(d[10]-'0') &&
		weightedSum(d, inn12Weights)%11%10 == int(d[11]-'0')
}

// innRegions are real two-digit region codes used as INN prefixes.
var innRegions = []string{
	"77", "78", "50", "54", "66", "16", "52", "74", "63", "55", "61", "02",
	"24", "59", "36", "34", "23", "64", "72", "38", "25", "27", "76", "70",
	"39", "71", "62", "69", "51", "29", "22", "18", "56", "53",
}

// inn10 generates a valid 10-digit INN in the given region.
func inn10(r *rand.Rand, region string) string {
	maxInsp := 20
	switch region {
	case "77":
		maxInsp = 51
	case "78":
		maxInsp = 42
	}
	d := make([]byte, 0, 10)
	d = append(d, region...)
	d = append(d, twoDigits(1+r.IntN(maxInsp))...)
	for range 5 {
		d = append(d, byte('0'+r.IntN(10)))
	}
	d = append(d, byte('0'+weightedSum(d, inn10Weights)%11%10))
	return string(d)
}

// INN10 returns a random valid 10-digit Russian INN of a legal entity.
func INN10(r *rand.Rand) string {
	return inn10(r, innRegions[r.IntN(len(innRegions))])
}

// INN12 returns a random valid 12-digit Russian INN of an individual.
func INN12(r *rand.Rand) string {
	d := make([]byte, 0, 12)
	d = append(d, innRegions[r.IntN(len(innRegions))]...)
	d = append(d, twoDigits(1+r.IntN(20))...)
	for range 6 {
		d = append(d, byte('0'+r.IntN(10)))
	}
	d = append(d, byte('0'+weightedSum(d, inn11Weights)%11%10))
	d = append(d, byte('0'+weightedSum(d, inn12Weights)%11%10))
	return string(d)
}

// ValidNIP reports whether s is a valid Polish NIP (tax identification
// number): exactly 10 ASCII digits (no dashes, no "PL" prefix) whose check
// digit equals Σ w_i·d_i mod 11 with w = 6,5,7,2,3,4,5,6,7. A remainder of
// 10 never occurs in issued numbers and is rejected.
func ValidNIP(s string) bool {
	if len(s) != 10 || !allDigits(s) || allZeros(s) {
		return false
	}
	d := []byte(s)
	c := weightedSum(d, nipWeights) % 11
	return c != 10 && c == int(d[9]-'0')
}

// nipOffices are three-digit tax office codes (NIP prefixes) of real Polish
// tax offices, used when the city is not known.
var nipOffices = []string{
	"521", "522", "524", "525", "526", "527", "113", "118", "951", "701",
	"676", "677", "679", "725", "727", "729", "894", "896", "898", "778",
	"779", "783", "583", "584", "586", "851", "852", "554", "712", "946",
	"542", "634", "631", "954", "813", "657", "739", "754", "929", "796",
}

// nip generates a valid NIP starting with one of the given office codes.
func nip(r *rand.Rand, offices []string) string {
	if len(offices) == 0 {
		offices = nipOffices
	}
	prefix := offices[r.IntN(len(offices))]
	for {
		d := make([]byte, 0, 10)
		d = append(d, prefix...)
		for range 6 {
			d = append(d, byte('0'+r.IntN(10)))
		}
		c := weightedSum(d, nipWeights) % 11
		if c == 10 {
			continue
		}
		d = append(d, byte('0'+c))
		return string(d)
	}
}

// NIP returns a random valid 10-digit Polish NIP (digits only).
func NIP(r *rand.Rand) string { return nip(r, nil) }

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
