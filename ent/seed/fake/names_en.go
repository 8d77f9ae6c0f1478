package fake

import "math/rand/v2"

var (
	// Microsoft's well-known fictitious company names plus generic brands.
	enBrands = []string{"Northwind", "Contoso", "Fabrikam", "Adventure Works", "Tailspin", "Wingtip", "Litware", "Proseware", "Woodgrove", "Coho", "Lucerne", "Trey", "Wide World", "Blue Yonder", "Fourth Coffee", "Relecloud", "Southridge", "VanArsdel", "Lamna", "Humongous", "Alpine Ski House", "Margie's", "Stonebridge", "Brightwater", "Clearwater", "Oakridge", "Westfield", "Northgate", "Kingsway", "Ashford", "Thornbury", "Hawthorne", "Blackstone", "Greenfield", "Silverline", "Redwood", "Ironbridge", "Highland", "Crestview", "Riverside", "Lakeside", "Meridian", "Keystone", "Pinnacle", "Evergreen", "Summit", "Horizon", "Beacon", "Sterling", "Atlas", "Vertex", "Apex", "Falcon", "Pioneer", "Frontier", "Heritage", "Lighthouse", "Cornerstone", "Bluebird", "Foxglove", "Windmill", "Copperfield", "Millbrook", "Fairview", "Briarwood", "Harborview", "Elmstead", "Sandpiper", "Kestrel", "Osprey"}
	enAdj    = []string{"Blue", "Green", "Silver", "Golden", "Red", "Northern", "Southern", "Western", "Eastern", "Royal", "Grand", "Bright", "Rapid", "Smart", "Prime", "First", "United", "National", "Global", "Pacific", "Atlantic", "Coastal", "Mountain", "Urban", "Modern", "Classic", "Swift", "Clear", "True", "Crystal", "Iron", "Copper", "Maple", "Cedar", "Pine", "Oak", "Stone", "Sun", "Star", "Liberty", "Granite", "Emerald", "Sapphire", "Polar"}
	enNoun   = []string{"Ridge", "River", "Peak", "Bay", "Field", "Brook", "Gate", "Bridge", "Point", "Valley", "Wave", "Leaf", "Tree", "Rock", "Crest", "Hill", "Stream", "Wind", "Light", "Path", "Arrow", "Forge", "Mill", "Lake", "Shore", "Spring", "Grove", "Haven", "Line", "Harbor", "Canyon", "Meadow", "Summit", "Falls", "Creek", "Horizon", "Anchor", "Compass", "Lantern"}
	enInd    = []string{"Traders", "Pharmaceuticals", "Logistics", "Consulting", "Solutions", "Systems", "Technologies", "Software", "Analytics", "Manufacturing", "Industries", "Foods", "Brewing", "Coffee", "Construction", "Engineering", "Energy", "Healthcare", "Medical", "Dental", "Insurance", "Capital", "Partners", "Realty", "Properties", "Legal", "Accounting", "Design", "Media", "Marketing", "Motors", "Auto Parts", "Electric", "Plumbing", "Landscaping", "Bakery", "Hospitality", "Hotels", "Travel", "Shipping", "Freight", "Labs", "Robotics", "Biotech", "Security", "Networks", "Telecom", "Outfitters", "Apparel", "Furniture", "Supply", "Distribution", "Retail", "Publishing", "Education", "Clinic", "Veterinary", "Interiors", "Roofing", "Aviation", "Marine", "Farms", "Wines", "Studios", "Data", "Cloud Services", "IT Services", "Staffing", "Printing", "Packaging"}
	enPairs  = []string{"Heating & Air", "Sand & Gravel", "Tile & Stone", "Food & Beverage", "Lock & Key", "Tool & Die", "Arts & Crafts", "Sales & Service", "Heating & Cooling", "Paint & Decor", "Steel & Wire", "Glass & Mirror", "Wine & Spirits", "Lumber & Supply", "Title & Escrow", "Tax & Accounting", "Plumbing & Heating", "Doors & Windows", "Kitchen & Bath", "Power & Light", "Sign & Display", "Pool & Spa", "Fence & Deck", "Tire & Auto"}
	enTrades = []string{"Bakery", "Hardware", "Pharmacy", "Garage", "Deli", "Diner", "Bookshop", "Florist", "Auto Repair", "Plumbing", "Landscaping", "Coffee House", "Tailoring", "Butchers", "Dry Cleaning", "Pet Supplies", "Print Shop", "Furniture", "Kitchens", "Travel", "Pickles and Preserves", "Catering", "Bicycles", "Opticians"}
	enGroups = []string{"Group", "Holdings", "Associates", "Partners", "Enterprises", "Ventures", "Collective", "Consulting Group"}
	enProf   = []string{"Law", "Accounting", "Advisory", "Consulting", "Architects", "Surveyors", "Solicitors", "Wealth Management", "Tax Advisors", "Engineering"}
)

func enLegal(r *rand.Rand, gb bool) string {
	if gb {
		return []string{" Ltd", " Limited", " PLC", ""}[weighted(r, []int{55, 15, 4, 26})]
	}
	return []string{" Inc", " Inc.", " LLC", " Corp", " Corporation", " Co.", ""}[weighted(r, []int{22, 10, 30, 8, 4, 4, 22})]
}

func enBrand(r *rand.Rand) string {
	if chance(r, 45) {
		return pick(r, enBrands)
	}
	return pick(r, enAdj) + " " + pick(r, enNoun)
}

func enCompanyName(r *rand.Rand, gb bool, cityName string, cities []city) string {
	place := namePlace(r, cityName, cities)
	surname := func() string { return pick(r, enNames.last) }
	switch weighted(r, []int{30, 9, 8, 14, 8, 9, 6, 12, 4}) {
	case 0: // Contoso Pharmaceuticals Inc
		return enBrand(r) + " " + pick(r, enInd) + enLegal(r, gb)
	case 1: // Baker & Hughes LLP
		a, b := surname(), surname()
		for b == a {
			b = surname()
		}
		return a + " & " + b + pick(r, []string{" LLP", " LLP", "", " " + pick(r, enProf)})
	case 2: // Miller & Sons Ltd
		return surname() + pick(r, []string{" & Sons", " Brothers", " & Daughters", " & Co.", " Family"}) + " " + pick(r, enInd) + enLegal(r, gb)
	case 3: // Seattle Freight LLC
		return place + " " + pick(r, enInd) + enLegal(r, gb)
	case 4: // The Walker Group
		return pick(r, []string{"The ", ""}) + surname() + " " + pick(r, enGroups) + enLegal(r, gb)
	case 5: // Silver Ridge Heating & Air LLC
		return enBrand(r) + " " + pick(r, enPairs) + enLegal(r, gb)
	case 6: // Murphy's Bakery
		return surname() + "'s " + pick(r, enTrades) + enLegal(r, gb)
	case 7: // Northwind Traders of Boston
		return enBrand(r) + " " + pick(r, enInd) + " of " + place + enLegal(r, gb)
	default: // Golden Gate Consulting Group
		return pick(r, enAdj) + " " + pick(r, enNoun) + " " + pick(r, enGroups)
	}
}
