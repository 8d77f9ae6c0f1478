// Package seed loads data: the demo data set of demo mode (Demo) and large, realistic data sets for
// benchmarks and trials (Large). Both go through ent, so validators and privacy apply; Large uses the
// rule package's bulk-load mode and rebuilds derived data in batches.
package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/relationship"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/clock"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/seed/fake"
	"partnerhub/ent/user"
	"partnerhub/ent/viewer"
)

// DemoAdminEmail is the demo global admin of the dual (direct-bill and reseller) demo partner.
const DemoAdminEmail = "admin@contoso-demo.example"

// DemoPassword is every demo user's password. Demo data exists only in demo mode.
const DemoPassword = "partnerhub-demo"

// DemoPartner describes one demo partner.
type DemoPartner struct {
	Name       string
	Domain     string
	Capacities []enum.Capacity
	Customers  int
}

// DemoPartners are the demo partners: one of every kind.
var DemoPartners = []DemoPartner{
	{"Contoso Cloud Solutions", "contoso-demo.example", []enum.Capacity{enum.DirectBill, enum.IndirectReseller}, 800},
	{"Fabrikam Distribution", "fabrikam-demo.example", []enum.Capacity{enum.IndirectProvider}, 700},
	{"Northwind Resellers", "northwind-demo.example", []enum.Capacity{enum.IndirectReseller}, 0},
	{"Adatum Direct", "adatum-demo.example", []enum.Capacity{enum.DirectBill}, 500},
}

// DemoUserEmail is the demo user of a role at a demo partner's domain, e.g. sales@contoso-demo.example.
func DemoUserEmail(domain string, role enum.Role) string {
	local := map[enum.Role]string{
		enum.GlobalAdmin: "admin", enum.UserManagementAdmin: "usermanager", enum.AdminAgent: "adminagent",
		enum.SalesAgent: "sales", enum.HelpdeskAgent: "helpdesk", enum.BillingAdmin: "billing",
	}[role]
	return local + "@" + domain
}

// Named demo customers that show search across scripts (all Contoso's).
var namedCustomers = []struct{ name, prefix, locale string }{
	{"Łódź Trading Sp. z o.o.", "lodztrading", "pl-PL"},
	{"Société Générale de Logistique", "sglogistique", "fr-FR"},
	{"ООО «Контур»", "konturooo", "ru-RU"},
	{"Città di Perugia Servizi S.r.l.", "perugiaservizi", "it-IT"},
	{"Northwind Traders Ltd", "northwindtraders", "en-GB"},
}

// Demo fills an empty database with the demo data set and reports whether it did; a database that has
// partners already is left alone.
func Demo(ctx context.Context, client *ent.Client) (bool, error) {
	ctx = viewer.SystemContext(ctx)
	n, err := client.Partner.Query().Count(ctx)
	if err != nil || n > 0 {
		return false, err
	}
	tx, err := client.Tx(ctx)
	if err != nil {
		return false, err
	}
	if err := demo(ctx, tx.Client()); err != nil {
		_ = tx.Rollback()
		return false, err
	}
	return true, tx.Commit()
}

func demo(ctx context.Context, c *ent.Client) error {
	r := rand.New(rand.NewPCG(2026, 11))
	password, err := rule.HashPassword(DemoPassword)
	if err != nil {
		return err
	}
	partners := make([]*ent.Partner, len(DemoPartners))
	for i, dp := range DemoPartners {
		p, err := c.Partner.Create().SetName(dp.Name).SetCapacities(dp.Capacities).
			SetEmailDomains([]string{dp.Domain}).Save(ctx)
		if err != nil {
			return err
		}
		partners[i] = p
		for _, role := range enum.Roles {
			name := fake.NewPerson(r, "en-US")
			err := c.User.Create().SetPartnerID(p.ID).SetEmail(DemoUserEmail(dp.Domain, role)).
				SetName(name.FirstName + " " + name.LastName).SetRoles([]enum.Role{role}).
				SetPasswordHash(password).Exec(ctx)
			if err != nil {
				return err
			}
		}
	}
	contoso, fabrikam, northwind, adatum := partners[0], partners[1], partners[2], partners[3]
	// Fabrikam (a distributor) sells through Northwind and Contoso.
	if err := c.Partner.UpdateOne(fabrikam).AddResellers(northwind, contoso).Exec(ctx); err != nil {
		return err
	}
	tags := map[pulid.ID][]*ent.Tag{}
	palette := []string{"#2563eb", "#16a34a", "#dc2626", "#9333ea", "#ea580c", "#0891b2", "#4b5563"}
	for _, p := range partners {
		for i, name := range []string{"Enterprise", "SMB", "Education", "Priority", "Renewal Q1", "Public sector", "Азия-Тихоокеанский"} {
			t, err := c.Tag.Create().SetPartnerID(p.ID).SetName(name).SetColor(palette[i%len(palette)]).Save(ctx)
			if err != nil {
				return err
			}
			tags[p.ID] = append(tags[p.ID], t)
		}
	}
	add := func(comp fake.Company, owner *ent.Partner, typ relationship.Type, reseller *ent.Partner) (*ent.Customer, error) {
		cu, err := createCustomer(ctx, c, r, comp)
		if err != nil {
			return nil, err
		}
		rel := c.Relationship.Create().SetPartnerID(owner.ID).SetCustomerID(cu.ID).SetType(typ).SetDelegatedAdmin(r.IntN(2) == 0)
		if reseller != nil {
			rel.SetAssociatedPartnerID(reseller.ID)
		}
		if err := rel.Exec(ctx); err != nil {
			return nil, err
		}
		if reseller != nil {
			err := c.Relationship.Create().SetPartnerID(reseller.ID).SetCustomerID(cu.ID).
				SetType(relationship.TypeINDIRECT_RESELLER).SetAssociatedPartnerID(owner.ID).Exec(ctx)
			if err != nil {
				return nil, err
			}
		}
		return cu, tagRandomly(ctx, c, r, cu, owner, tags[owner.ID])
	}
	for _, nc := range namedCustomers {
		comp := CompanyIn(r, nc.locale)
		comp = comp.WithDomainPrefix(nc.prefix)
		comp.Name = nc.name
		if _, err := add(comp, contoso, relationship.TypeDIRECT_BILL, nil); err != nil {
			return fmt.Errorf("%s: %w", nc.name, err)
		}
	}
	for i := 0; i < DemoPartners[0].Customers; i++ {
		cu, err := add(Company(r), contoso, relationship.TypeDIRECT_BILL, nil)
		if err != nil {
			return err
		}
		// Some of Contoso's customers also buy from Adatum.
		if i%20 == 0 {
			if err := c.Relationship.Create().SetPartnerID(adatum.ID).SetCustomerID(cu.ID).
				SetType(relationship.TypeDIRECT_BILL).Exec(ctx); err != nil {
				return err
			}
		}
	}
	for i := 0; i < DemoPartners[1].Customers; i++ {
		var reseller *ent.Partner
		switch {
		case i%3 == 0:
			reseller = northwind
		case i%5 == 0:
			reseller = contoso
		}
		if _, err := add(Company(r), fabrikam, relationship.TypeINDIRECT_PROVIDER, reseller); err != nil {
			return err
		}
	}
	for i := 0; i < DemoPartners[3].Customers; i++ {
		if _, err := add(Company(r), adatum, relationship.TypeDIRECT_BILL, nil); err != nil {
			return err
		}
	}
	return demoOrders(ctx, c, r, contoso)
}

// demoOrders gives a third of a partner's verified customers a confirmed agreement and subscriptions.
func demoOrders(ctx context.Context, c *ent.Client, r *rand.Rand, p *ent.Partner) error {
	if err := LoadCatalog(ctx, c); err != nil {
		return err
	}
	offers, err := c.Offer.Query().All(ctx)
	if err != nil {
		return err
	}
	admin, err := c.User.Query().Where(user.Email(DemoUserEmail(DemoPartners[0].Domain, enum.GlobalAdmin))).Only(ctx)
	if err != nil {
		return err
	}
	customers, err := c.Customer.Query().Where(customer.VerificationStatusEQ(customer.VerificationStatusALLOWED),
		customer.HasRelationshipsWith(relationship.PartnerID(p.ID))).WithBillingProfile().All(ctx)
	if err != nil {
		return err
	}
	now := clock.Now()
	for i, cu := range customers {
		if i%3 != 0 || cu.Edges.BillingProfile == nil {
			continue
		}
		bp := cu.Edges.BillingProfile
		err := c.Agreement.Create().SetCustomerID(cu.ID).SetPartnerID(p.ID).SetConfirmedByID(admin.ID).
			SetFirstName(bp.FirstName).SetLastName(bp.LastName).SetEmail(bp.Email).SetEmailKey(strings.ToLower(bp.Email)).
			SetDateAgreed(now.AddDate(0, -r.IntN(24), 0).Truncate(24 * time.Hour)).Exec(ctx)
		if err != nil {
			return err
		}
		ord, err := c.Order.Create().SetPartnerID(p.ID).SetCustomerID(cu.ID).SetPlacedByID(admin.ID).Save(ctx)
		if err != nil {
			return err
		}
		for range 1 + r.IntN(3) {
			o := offers[r.IntN(len(offers))]
			err := c.Subscription.Create().SetPartnerID(p.ID).SetCustomerID(cu.ID).SetOfferID(o.ID).SetOrderID(ord.ID).
				SetQuantity(1 + r.IntN(50)).SetAutoRenew(r.IntN(4) != 0).
				SetTermEnd(now.AddDate(0, o.TermMonths, -r.IntN(300))).Exec(ctx)
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// createCustomer creates a customer with its billing profile and a realistic verification state.
func createCustomer(ctx context.Context, c *ent.Client, r *rand.Rand, comp fake.Company) (*ent.Customer, error) {
	prefix := uniquePrefix(comp.DomainPrefix, r)
	status, reasons := verification(r)
	cu, err := c.Customer.Create().
		SetCompanyName(comp.Name).SetPrimaryDomain(prefix + rule.DomainSuffix).
		SetCountry(comp.Country).SetLanguage(comp.Language).SetCulture(comp.Culture).
		SetNillableRegistrationID(nonEmpty(comp.RegistrationID)).
		SetVerificationStatus(status).SetVerificationReasons(reasons).
		SetCreatedAt(clock.Now().Add(-time.Duration(r.IntN(3*365*24)) * time.Hour)).
		Save(ctx)
	if err != nil {
		return nil, err
	}
	err = billing(c, cu.ID, comp).Exec(ctx)
	return cu, err
}

func billing(c *ent.Client, customerID pulid.ID, comp fake.Company) *ent.BillingProfileCreate {
	a := comp.Address
	return c.BillingProfile.Create().SetCustomerID(customerID).SetCompanyName(comp.Name).
		SetFirstName(comp.Contact.FirstName).SetLastName(comp.Contact.LastName).SetEmail(comp.Contact.Email).
		SetCulture(comp.Culture).SetLanguage(comp.Language).
		SetAddressLine1(a.Line1).SetNillableAddressLine2(nonEmpty(a.Line2)).SetCity(a.City).
		SetNillableState(nonEmpty(a.State)).SetNillablePostalCode(nonEmpty(a.PostalCode)).
		SetCountry(a.Country).SetNillablePhoneNumber(nonEmpty(a.Phone))
}

func tagRandomly(ctx context.Context, c *ent.Client, r *rand.Rand, cu *ent.Customer, owner *ent.Partner, tags []*ent.Tag) error {
	n := r.IntN(4) // 0..3 tags
	if n == 0 || len(tags) == 0 {
		return nil
	}
	picked := map[pulid.ID]bool{}
	var builders []*ent.CustomerTagCreate
	for range n {
		t := tags[r.IntN(len(tags))]
		if !picked[t.ID] {
			picked[t.ID] = true
			builders = append(builders, c.CustomerTag.Create().SetCustomerID(cu.ID).SetTagID(t.ID))
		}
	}
	return c.CustomerTag.CreateBulk(builders...).Exec(ctx)
}

func verification(r *rand.Rand) (customer.VerificationStatus, []string) {
	switch x := r.IntN(100); {
	case x < 80:
		return customer.VerificationStatusALLOWED, nil
	case x < 95:
		return customer.VerificationStatusUNDER_REVIEW, nil
	default:
		return customer.VerificationStatusNOT_ALLOWED, []string{"The registration ID does not match the company name."}
	}
}

// uniquePrefix appends random digits so that generated domains do not collide (max 27 characters).
func uniquePrefix(p string, r *rand.Rand) string {
	suffix := strconv.Itoa(100000 + r.IntN(900000))
	if len(p) > 27-len(suffix) {
		p = p[:27-len(suffix)]
	}
	return p + suffix
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
