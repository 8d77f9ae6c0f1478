package seed_test

import (
	"math/rand/v2"
	"testing"

	"partnerhub/ent/seed"
	"partnerhub/ent/seed/fake"
)

// TestGeneratedDataIsValid: demo and benchmark data go through the same validation as the API, so what
// the seeders draw must pass every rule of domain.md §6, and the raw generator must rarely miss.
func TestGeneratedDataIsValid(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	misses := 0
	for range 3000 {
		if seed.Problems(fake.NewCompany(r)) != nil {
			misses++
		}
		if p := seed.Problems(seed.Company(r)); p != nil {
			t.Fatalf("seed.Company drew an invalid company: %v", p)
		}
	}
	if misses > 30 {
		t.Errorf("the generator misses the rules for %d of 3000 companies; keep it close to the rules", misses)
	}
	for _, l := range fake.Locales {
		if p := seed.Problems(seed.CompanyIn(r, l)); p != nil {
			t.Errorf("%s: %v", l, p)
		}
	}
}
