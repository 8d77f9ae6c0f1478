package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/partner"
	"partnerhub/ent/relationship"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/clock"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/seed/fake"
)

// LargeSpec sizes a large data set.
type LargeSpec struct {
	Customers int // in all
	Partners  int
	Largest   int // customers of the largest partner ("Bench Partner 000")
	Seed      uint64
	// TagsPerPartner each partner gets; customers carry 0–2 of them.
	TagsPerPartner int
	// Progress, when set, is told how far the load has got.
	Progress func(done, total int)
	// Resume continues a load that stopped part-way (each batch of customers is one transaction)
	// instead of refusing a database with data: with the same spec, the result is the data set an
	// uninterrupted load gives.
	Resume bool
}

// BenchUserEmail is the global admin of partner i of a large data set.
func BenchUserEmail(i int) string { return fmt.Sprintf("admin@bench%03d.example", i) }

// Large loads a large data set: Partners direct-bill partners, the first holding Largest customers and
// the rest sharing the others; customers with realistic multilingual names, billing profiles and tags.
// It refuses a database that has partners already, unless spec.Resume.
func Large(ctx context.Context, client *ent.Client, spec LargeSpec) error {
	if spec.Partners < 1 || spec.Largest > spec.Customers || spec.Customers < spec.Partners {
		return fmt.Errorf("seed: need partners >= 1 and partners <= largest <= customers")
	}
	if spec.TagsPerPartner == 0 {
		spec.TagsPerPartner = 20
	}
	bctx := rule.BulkLoad(ctx)
	n, err := client.Partner.Query().Count(bctx)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(spec.Seed, 7))
	partners := make([]*ent.Partner, spec.Partners)
	tags := make([][]*ent.Tag, spec.Partners)
	done := 0
	switch {
	case n > 0 && !spec.Resume:
		return fmt.Errorf("seed: the database has data already; seed an empty one (or resume a load that stopped: -resume)")
	case n > 0:
		if done, err = resumable(bctx, client, spec, partners, tags); err != nil {
			return err
		}
	}
	for i := range partners {
		if n > 0 {
			break // resumed: resumable found them
		}
		p, err := client.Partner.Create().SetName(fmt.Sprintf("Bench Partner %03d", i)).
			SetCapacities([]enum.Capacity{enum.DirectBill}).
			SetEmailDomains([]string{fmt.Sprintf("bench%03d.example", i)}).Save(bctx)
		if err != nil {
			return err
		}
		partners[i] = p
		if err := client.User.Create().SetPartnerID(p.ID).SetEmail(BenchUserEmail(i)).
			SetName(fmt.Sprintf("Bench Admin %03d", i)).SetRoles([]enum.Role{enum.GlobalAdmin}).Exec(bctx); err != nil {
			return err
		}
		builders := make([]*ent.TagCreate, spec.TagsPerPartner)
		for t := range builders {
			builders[t] = client.Tag.Create().SetPartnerID(p.ID).SetName(fmt.Sprintf("Tag %02d", t))
		}
		if tags[i], err = client.Tag.CreateBulk(builders...).Save(bctx); err != nil {
			return err
		}
	}
	// partnerOf spreads customers: the first Largest go to partner 0, the rest round-robin.
	partnerOf := func(i int) int {
		if i < spec.Largest || spec.Partners == 1 {
			return 0
		}
		return 1 + (i-spec.Largest)%(spec.Partners-1)
	}
	// Customers arrive over five years, in order, as they would: their IDs (time-ordered) then append
	// to the primary key instead of landing at random places in it.
	epoch, spacing := time.Now().AddDate(-5, 0, 0), 5*365*24*time.Hour/time.Duration(spec.Customers)
	createdAt := func(i int) time.Time { return epoch.Add(time.Duration(i) * spacing) }
	for start := 0; start < spec.Customers; start += largeBatchSize {
		end := min(start+largeBatchSize, spec.Customers)
		if end <= done {
			replayBatch(r, start, end, spec.TagsPerPartner) // loaded before: draw what it drew
			continue
		}
		if err := largeBatch(bctx, client, r, start, end, partners, tags, partnerOf, createdAt); err != nil {
			return err
		}
		if spec.Progress != nil {
			spec.Progress(end, spec.Customers)
		}
	}
	return rule.Recount(ctx, client)
}

// largeBatchSize customers are loaded in one transaction.
const largeBatchSize = 500

// resumable checks that the database holds a load of spec that stopped between batches, fills in its
// partners and their tags, and returns how many customers it has.
func resumable(ctx context.Context, client *ent.Client, spec LargeSpec, partners []*ent.Partner, tags [][]*ent.Tag) (int, error) {
	// Tags come by name (the Tag schema's interceptor orders them).
	found, err := client.Partner.Query().WithTags().Order(ent.Asc(partner.FieldName)).All(ctx)
	if err != nil {
		return 0, err
	}
	if len(found) != len(partners) {
		return 0, fmt.Errorf("seed: cannot resume: the database has %d partners, not %d", len(found), len(partners))
	}
	for i, p := range found {
		if p.Name != fmt.Sprintf("Bench Partner %03d", i) || len(p.Edges.Tags) != spec.TagsPerPartner {
			return 0, fmt.Errorf("seed: cannot resume: partner %q is not the load's partner %d with %d tags", p.Name, i, spec.TagsPerPartner)
		}
		partners[i], tags[i] = p, p.Edges.Tags
	}
	done, err := client.Customer.Query().Count(ctx)
	if err != nil {
		return 0, err
	}
	if done%largeBatchSize != 0 && done != spec.Customers {
		return 0, fmt.Errorf("seed: cannot resume: %d customers is not a whole number of batches", done)
	}
	return done, nil
}

// replayBatch draws from r what largeBatch draws for the same customers, without loading them.
func replayBatch(r *rand.Rand, start, end, tagsPerPartner int) {
	for range end - start {
		Company(r)
		pick(r)
	}
	for range end - start {
		for range r.IntN(3) {
			r.IntN(tagsPerPartner)
		}
	}
}

func largeBatch(ctx context.Context, client *ent.Client, r *rand.Rand, start, end int, partners []*ent.Partner, tags [][]*ent.Tag, partnerOf func(int) int, createdAt func(int) time.Time) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	c := tx.Client()
	err = func() error {
		n := end - start
		comps := make([]fake.Company, n)
		customers := make([]*ent.CustomerCreate, n)
		for i := range comps {
			comp := Company(r)
			comps[i] = comp
			created := createdAt(start + i)
			customers[i] = c.Customer.Create().
				SetID(pulid.NewAt("cus", created)).
				SetCompanyName(comp.Name).SetDisplayName(comp.Name).
				SetPrimaryDomain(fmt.Sprintf("%s%d%s", trim(comp.DomainPrefix, 19), start+i, rule.DomainSuffix)).
				SetCountry(comp.Country).SetLanguage(comp.Language).SetCulture(comp.Culture).
				SetNillableRegistrationID(nonEmpty(comp.RegistrationID)).
				SetVerificationStatus(pick(r)).
				SetCreatedAt(created.UTC().Truncate(time.Microsecond)).SetUpdatedAt(clock.Now())
		}
		saved, err := c.Customer.CreateBulk(customers...).Save(ctx)
		if err != nil {
			return err
		}
		profiles := make([]*ent.BillingProfileCreate, n)
		rels := make([]*ent.RelationshipCreate, n)
		var links []*ent.CustomerTagCreate
		for i, cu := range saved {
			profiles[i] = billing(c, cu.ID, comps[i])
			p := partnerOf(start + i)
			rels[i] = c.Relationship.Create().SetPartnerID(partners[p].ID).SetCustomerID(cu.ID).
				SetType(relationship.TypeDIRECT_BILL).SetStartedAt(cu.CreatedAt)
			picked := map[int]bool{}
			for range r.IntN(3) {
				t := r.IntN(len(tags[p]))
				if !picked[t] {
					picked[t] = true
					links = append(links, c.CustomerTag.Create().SetCustomerID(cu.ID).SetTagID(tags[p][t].ID))
				}
			}
		}
		if err := c.BillingProfile.CreateBulk(profiles...).Exec(ctx); err != nil {
			return err
		}
		if err := c.Relationship.CreateBulk(rels...).Exec(ctx); err != nil {
			return err
		}
		if len(links) > 0 {
			if err := c.CustomerTag.CreateBulk(links...).Exec(ctx); err != nil {
				return err
			}
		}
		return rule.IndexCustomers(ctx, c, saved)
	}()
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

func pick(r *rand.Rand) customer.VerificationStatus {
	s, _ := verification(r)
	return s
}

func trim(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
