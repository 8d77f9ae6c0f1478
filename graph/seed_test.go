package graph_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/seed"
)

// TestSeedLargeResume: a large load that stops part-way (here, cancelled after its first batch) is
// refused a second plain run, and -resume completes it into the data set an uninterrupted load gives.
func TestSeedLargeResume(t *testing.T) {
	spec := seed.LargeSpec{Customers: 1200, Partners: 3, Largest: 500, Seed: 3, TagsPerPartner: 4}
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			whole := openDB(t, b)
			if err := seed.Large(context.Background(), whole.Client, spec); err != nil {
				t.Fatal(err)
			}

			resumed := openDB(t, b)
			ctx, cancel := context.WithCancel(context.Background())
			stopping := spec
			stopping.Progress = func(done, _ int) {
				if done == 500 {
					cancel()
				}
			}
			if err := seed.Large(ctx, resumed.Client, stopping); err == nil {
				t.Fatal("the cancelled load reported success")
			}
			if n := resumed.Client.Customer.Query().CountX(sys); n != 500 {
				t.Fatalf("the cancelled load left %d customers, want its first batch of 500", n)
			}
			if err := seed.Large(context.Background(), resumed.Client, spec); err == nil || !strings.Contains(err.Error(), "-resume") {
				t.Fatalf("a plain second run: %v, want a refusal that mentions -resume", err)
			}
			spec := spec
			spec.Resume = true
			if err := seed.Large(context.Background(), resumed.Client, spec); err != nil {
				t.Fatal(err)
			}
			got, want := seedFingerprint(t, resumed.Client), seedFingerprint(t, whole.Client)
			if len(got) != spec.Customers || !slices.Equal(got, want) {
				t.Errorf("resumed load: %d customers, differing from the uninterrupted one's %d", len(got), len(want))
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Fatalf("first difference:\n got %s\nwant %s", got[i], want[i])
					}
				}
			}
		})
	}
}

// seedFingerprint describes every customer of a large load by what the seed drew for it, and each
// partner by its maintained count: IDs and times differ from load to load.
func seedFingerprint(t *testing.T, client *ent.Client) []string {
	t.Helper()
	cs := client.Customer.Query().Order(ent.Asc(customer.FieldPrimaryDomain)).
		WithRelationships(func(q *ent.RelationshipQuery) { q.WithPartner() }).WithTags().WithBillingProfile().AllX(sys)
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		var tags []string
		for _, tg := range c.Edges.Tags {
			tags = append(tags, tg.Name)
		}
		slices.Sort(tags)
		partner := ""
		for _, r := range c.Edges.Relationships {
			partner += r.Edges.Partner.Name + fmt.Sprintf(" (%d)", r.Edges.Partner.CustomerCount)
		}
		out = append(out, fmt.Sprintf("%s %q %s %s %s | %s | %v | %s", c.PrimaryDomain, c.DisplayName, c.Country,
			c.VerificationStatus, c.Language, partner, tags, c.Edges.BillingProfile.City))
	}
	return out
}
