package seed

import (
	"context"

	"partnerhub/ent"
	"partnerhub/ent/offer"
	"partnerhub/ent/viewer"
)

// CatalogOffer is one offer of the catalog Partnerhub ships.
type CatalogOffer struct {
	Catalog    offer.Catalog
	SKU, Name  string
	Publisher  string
	TermMonths int
	Billing    offer.BillingFrequency
}

// Catalog is the offer catalog (domain.md §8): Microsoft's common CSP offers and a few marketplace ones.
var Catalog = []CatalogOffer{
	{offer.CatalogONLINE_SERVICES, "CFQ7TTC0LH18:0001", "Microsoft 365 Business Basic", "Microsoft", 12, offer.BillingFrequencyMONTHLY},
	{offer.CatalogONLINE_SERVICES, "CFQ7TTC0LH18:0002", "Microsoft 365 Business Basic (monthly term)", "Microsoft", 1, offer.BillingFrequencyMONTHLY},
	{offer.CatalogONLINE_SERVICES, "CFQ7TTC0LDPB:0001", "Microsoft 365 Business Standard", "Microsoft", 12, offer.BillingFrequencyMONTHLY},
	{offer.CatalogONLINE_SERVICES, "CFQ7TTC0LCHC:0002", "Microsoft 365 Business Premium", "Microsoft", 12, offer.BillingFrequencyANNUAL},
	{offer.CatalogONLINE_SERVICES, "CFQ7TTC0LFLZ:0001", "Microsoft 365 E3", "Microsoft", 12, offer.BillingFrequencyMONTHLY},
	{offer.CatalogONLINE_SERVICES, "CFQ7TTC0LFLX:0001", "Microsoft 365 E5", "Microsoft", 36, offer.BillingFrequencyANNUAL},
	{offer.CatalogONLINE_SERVICES, "CFQ7TTC0LH16:0001", "Exchange Online (Plan 1)", "Microsoft", 12, offer.BillingFrequencyMONTHLY},
	{offer.CatalogONLINE_SERVICES, "CFQ7TTC0RM8K:0001", "Microsoft Teams Essentials", "Microsoft", 1, offer.BillingFrequencyMONTHLY},
	{offer.CatalogONLINE_SERVICES, "CFQ7TTC0LH0R:0001", "Power BI Pro", "Microsoft", 12, offer.BillingFrequencyMONTHLY},
	{offer.CatalogONLINE_SERVICES, "CFQ7TTC0LFJQ:0001", "Dynamics 365 Business Central Essentials", "Microsoft", 12, offer.BillingFrequencyANNUAL},
	{offer.CatalogONLINE_SERVICES, "CFQ7TTC0LCHD:0001", "Microsoft Defender for Business", "Microsoft", 12, offer.BillingFrequencyMONTHLY},
	{offer.CatalogAZURE, "DZH318Z0BPS6:0001", "Azure plan", "Microsoft", 1, offer.BillingFrequencyMONTHLY},
	{offer.CatalogAZURE, "DZH318Z0BQ3Q:0001", "Azure Reserved VM Instances, Dsv5, 1 year", "Microsoft", 12, offer.BillingFrequencyONE_TIME},
	{offer.CatalogAZURE, "DZH318Z0BQ3Q:0002", "Azure Reserved VM Instances, Dsv5, 3 years", "Microsoft", 36, offer.BillingFrequencyMONTHLY},
	{offer.CatalogAZURE, "DZH318Z0CSHF:0001", "Azure savings plan for compute, 1 year", "Microsoft", 12, offer.BillingFrequencyMONTHLY},
	{offer.CatalogSOFTWARE, "DG7GMGF0D7FV:0002", "Windows Server 2022 Standard, 16 cores", "Microsoft", 36, offer.BillingFrequencyONE_TIME},
	{offer.CatalogSOFTWARE, "DG7GMGF0FKZV:0001", "SQL Server 2022 Standard, 2 cores", "Microsoft", 36, offer.BillingFrequencyONE_TIME},
	{offer.CatalogSOFTWARE, "DG7GMGF0DVSV:0001", "Windows 11 Pro upgrade", "Microsoft", 36, offer.BillingFrequencyONE_TIME},
	{offer.CatalogMARKETPLACE, "adobe-acrobat-pro-teams", "Adobe Acrobat Pro for teams", "Adobe", 12, offer.BillingFrequencyANNUAL},
	{offer.CatalogMARKETPLACE, "zoom-workplace-business", "Zoom Workplace Business", "Zoom", 12, offer.BillingFrequencyMONTHLY},
	{offer.CatalogMARKETPLACE, "veeam-backup-m365", "Veeam Backup for Microsoft 365", "Veeam", 12, offer.BillingFrequencyANNUAL},
	{offer.CatalogMARKETPLACE, "nerdio-manager-msp", "Nerdio Manager for MSP", "Nerdio", 1, offer.BillingFrequencyMONTHLY},
}

// LoadCatalog adds the catalog's offers that the database lacks (by SKU). It runs at every start.
func LoadCatalog(ctx context.Context, client *ent.Client) error {
	ctx = viewer.SystemContext(ctx)
	have, err := client.Offer.Query().Select(offer.FieldSku).Strings(ctx)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, s := range have {
		known[s] = true
	}
	var builders []*ent.OfferCreate
	for _, o := range Catalog {
		if !known[o.SKU] {
			builders = append(builders, client.Offer.Create().SetCatalog(o.Catalog).SetSku(o.SKU).SetName(o.Name).
				SetPublisher(o.Publisher).SetTermMonths(o.TermMonths).SetBillingFrequency(o.Billing))
		}
	}
	if len(builders) == 0 {
		return nil
	}
	return client.Offer.CreateBulk(builders...).Exec(ctx)
}
