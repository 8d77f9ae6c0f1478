package fake

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// chance returns true with probability pct/100.
func chance(r *rand.Rand, pct int) bool { return r.IntN(100) < pct }

// weighted returns an index into weights chosen proportionally.
func weighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

func pickCity(r *rand.Rand, cities []city) city {
	total := 0
	for _, c := range cities {
		total += c.weight
	}
	n := r.IntN(total)
	for _, c := range cities {
		if n < c.weight {
			return c
		}
		n -= c.weight
	}
	return cities[len(cities)-1]
}

// namePlace picks the city used inside a company name: the company's own
// city half of the time, otherwise any city of the country (uniformly, so
// that big cities do not dominate names).
func namePlace(r *rand.Rand, home string, cities []city) string {
	if chance(r, 50) {
		return home
	}
	return cities[r.IntN(len(cities))].name
}

// digits returns n random decimal digits; the first one is drawn from first
// when first is non-empty.
func digits(r *rand.Rand, n int, first string) string {
	var b strings.Builder
	for i := range n {
		if i == 0 && first != "" {
			b.WriteByte(first[r.IntN(len(first))])
			continue
		}
		b.WriteByte(byte('0' + r.IntN(10)))
	}
	return b.String()
}

// group splits s into space-separated chunks of the given sizes.
func group(s string, sizes ...int) string {
	var parts []string
	for _, n := range sizes {
		if n >= len(s) {
			break
		}
		parts = append(parts, s[:n])
		s = s[n:]
	}
	parts = append(parts, s)
	return strings.Join(parts, " ")
}

func postalCode(r *rand.Rand, country string, c city) string {
	p := pick(r, c.postal)
	switch country {
	case "US", "IT":
		lo, hi, _ := strings.Cut(p, "-")
		l, _ := strconv.Atoi(lo)
		h, _ := strconv.Atoi(hi)
		n := l + r.IntN(h-l+1)
		s := strconv.Itoa(n)
		return strings.Repeat("0", 5-len(s)) + s
	case "GB":
		const inward = "ABDEFGHJLNPQRSTUWXYZ" // letters allowed in the inward code
		return p + " " + digits(r, 1, "") + string(inward[r.IntN(len(inward))]) + string(inward[r.IntN(len(inward))])
	case "RU":
		return p + digits(r, 3, "")
	case "PL":
		return p + "-" + digits(r, 3, "")
	default: // FR: complete codes
		return p
	}
}

var (
	ruMobile = []string{"901", "903", "905", "906", "909", "910", "911", "912", "913", "915", "916", "917", "918", "919", "920", "921", "922", "925", "926", "927", "929", "950", "951", "952", "953", "960", "961", "962", "963", "964", "965", "977", "978", "980", "981", "985", "987", "989", "999"}
	plMobile = []string{"50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"}
	itMobile = []string{"320", "324", "327", "328", "329", "330", "331", "333", "334", "335", "338", "339", "340", "342", "345", "346", "347", "348", "349", "351", "366", "368", "380", "388", "389", "391", "392", "393"}
)

// phone returns a plausible phone number in E.164 form with grouping
// spaces (remove the spaces for strict E.164).
func phone(r *rand.Rand, country string, c city) string {
	area := pick(r, c.phone)
	first := "23456789"
	if a, f, ok := strings.Cut(area, ":"); ok {
		area, first = a, f
	}
	switch country {
	case "US":
		// NXX: first digit 2-9, not an N11 service code
		var nxx string
		for {
			nxx = digits(r, 3, "23456789")
			if nxx[1:] != "11" {
				break
			}
		}
		return "+1 " + area + " " + nxx + " " + digits(r, 4, "")
	case "GB":
		if chance(r, 25) {
			// 076… numbers are pagers, not mobiles.
			return "+44 7" + digits(r, 1, "45789") + digits(r, 2, "") + " " + digits(r, 6, "")
		}
		if first == "23456789" {
			first = "234" // the ranges most allocated in every area (others are often unallocated)
		}
		sub := digits(r, 10-len(area), first)
		switch len(area) {
		case 2:
			return "+44 " + area + " " + group(sub, 4)
		case 3:
			return "+44 " + area + " " + group(sub, 3)
		default:
			return "+44 " + area + " " + sub
		}
	case "RU":
		if chance(r, 30) {
			return "+7 " + pick(r, ruMobile) + " " + group(digits(r, 7, ""), 3, 2)
		}
		sub := digits(r, 10-len(area), "234567")
		if len(sub) == 7 {
			return "+7 " + area + " " + group(sub, 3, 2)
		}
		return "+7 " + area + " " + group(sub, 2, 2)
	case "PL":
		if chance(r, 35) {
			return "+48 " + pick(r, plMobile) + digits(r, 1, "") + " " + group(digits(r, 6, ""), 3)
		}
		return "+48 " + area + " " + group(digits(r, 7, "2345678"), 3, 2)
	case "FR":
		lead := area
		if chance(r, 30) {
			lead = pick(r, []string{"6", "6", "7"})
			if lead == "7" {
				return "+33 7 " + group(digits(r, 8, "345678"), 2, 2, 2)
			}
		}
		// Not "2 62…"/"2 69…": those are Réunion's and Mayotte's numbers, not metropolitan France's.
		return "+33 " + lead + " " + group(digits(r, 8, "1234578"), 2, 2, 2)
	default: // IT
		if chance(r, 30) {
			return "+39 " + pick(r, itMobile) + " " + group(digits(r, 7, ""), 3)
		}
		sub := digits(r, 10-len(area), "23456789")
		switch len(area) {
		case 2:
			return "+39 " + area + " " + group(sub, 4)
		case 3:
			return "+39 " + area + " " + group(sub, 3)
		default:
			return "+39 " + area + " " + sub
		}
	}
}

// ---- street lines ----

var (
	usStreets = []string{"Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Lincoln", "Jefferson", "Madison", "Franklin", "Highland", "Sunset", "River", "Spring", "Church", "Market", "Broadway", "Center", "Union", "Mill", "Walnut", "Chestnut", "Willow", "Meadow", "Ridge", "Harbor", "Forest", "Valley", "Prospect", "Grand", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "Pacific", "Liberty", "Commerce", "Industrial", "College", "Airport", "Stewart", "Westlake"}
	usSuffix  = []string{"St", "Ave", "Blvd", "Rd", "Dr", "Ln", "Way", "Pkwy", "Ct", "Pl", "Street", "Avenue"}
	usLine2   = []string{"Suite 100", "Suite 200", "Suite 210", "Suite 300", "Suite 450", "Suite 1200", "Floor 2", "Floor 5", "Floor 12", "Bldg 4", "Unit B", "Ste 150"}

	gbStreets = []string{"High", "Station", "Church", "Victoria", "Park", "Mill", "King", "Queen", "George", "Albert", "Baker", "Oxford", "Regent", "Bridge", "Market", "London", "York", "Manor", "Castle", "New", "Princes", "Chapel", "North", "South", "West", "Grove", "Kingsway", "Newton", "Windsor", "Cambridge", "Richmond", "Elm", "Moorgate", "Bishopsgate", "Cheapside", "Fleet", "Whitehall", "Deansgate", "Portland", "Clarence"}
	gbSuffix  = []string{"Street", "Road", "Lane", "Avenue", "Way", "Place", "Square", "Gardens", "Close", "Crescent", "Terrace", "Row", "Hill", "Walk"}
	gbLine2   = []string{"Unit 4", "Unit 12", "Suite 2", "Suite 3.01", "Floor 3", "Floor 7", "First Floor", "Second Floor", "Ground Floor", "Riverside House", "Kings Court", "Victoria House", "The Old Mill", "Unit 5, Enterprise Park"}

	ruStreets  = []string{"Ленина", "Мира", "Советская", "Гагарина", "Пушкина", "Кирова", "Московская", "Садовая", "Лесная", "Школьная", "Центральная", "Молодёжная", "Победы", "Октябрьская", "Первомайская", "Комсомольская", "Чехова", "Горького", "Лермонтова", "Толстого", "Карла Маркса", "Маяковского", "Свердлова", "Суворова", "Тверская", "Большая Садовая", "Зелёная", "Заводская", "Строителей", "Южная", "Северная", "Полевая", "Вокзальная", "Железнодорожная", "Профсоюзная", "Ломоносова", "Менделеева", "Королёва", "Академика Павлова", "Новый Арбат", "Льва Толстого", "Мясницкая", "Большая Ордынка", "Пятницкая", "Красная"}
	ruProspect = []string{"Мира", "Ленина", "Победы", "Строителей", "Космонавтов", "Гагарина", "Вернадского", "Маршала Жукова", "Металлургов", "Энтузиастов", "Октября", "Ленинградский", "Невский", "Ленинский", "Кутузовский", "Московский", "Комсомольский"}
	ruLine2    = []string{"офис 101", "офис 204", "офис 305", "офис 412", "оф. 12", "оф. 7", "пом. 3", "этаж 2", "этаж 5", "БЦ «Север»", "помещение 1Н", "комн. 14"}

	plStreets = []string{"Piotrkowska", "Marszałkowska", "Długa", "Krakowska", "Mickiewicza", "Słowackiego", "Kościuszki", "Żeromskiego", "Sienkiewicza", "Wojska Polskiego", "Jana Pawła II", "Kolejowa", "Ogrodowa", "Polna", "Leśna", "Lipowa", "Kwiatowa", "Szkolna", "Świętokrzyska", "Grunwaldzka", "Poznańska", "Gdańska", "Wrocławska", "Chopina", "Konopnickiej", "Reymonta", "Piłsudskiego", "Nowy Świat", "Kopernika", "Mostowa", "Żelazna", "Złota", "Prosta", "Puławska", "Grójecka", "Słoneczna", "Zielona", "Łąkowa", "Różana", "Fabryczna", "Przemysłowa", "Dworcowa", "Rynek Główny", "Floriańska", "Świętojańska"}
	plAleje   = []string{"Jerozolimskie", "Niepodległości", "Solidarności", "Jana Pawła II", "Grunwaldzka", "Róż", "Wojska Polskiego", "Kościuszki", "Armii Krajowej", "Zwycięstwa"}
	plPlace   = []string{"Grunwaldzki", "Wolności", "Bankowy", "Konstytucji", "Trzech Krzyży", "Kościuszki", "Teatralny", "Zbawiciela"}
	plLine2   = []string{"lok. 2", "lok. 5", "lok. 12", "lok. 101", "piętro 3", "piętro II", "budynek B", "wejście od podwórza", "bud. C, lok. 4"}

	frStreets = []string{"rue de la République", "rue Victor Hugo", "rue du Général de Gaulle", "rue de la Paix", "rue Jean Jaurès", "avenue Foch", "boulevard Gambetta", "rue Pasteur", "rue des Écoles", "place de l'Église", "rue de l'Hôtel de Ville", "avenue de la Libération", "rue Émile Zola", "rue Saint-Michel", "chemin des Vignes", "allée des Tilleuls", "rue du Château", "rue Nationale", "rue de Rivoli", "boulevard Haussmann", "rue Sainte-Catherine", "cours Mirabeau", "quai des Chartrons", "rue d'Alsace", "rue Molière", "avenue des Champs-Élysées", "rue Saint-Honoré", "boulevard Saint-Germain", "rue du Faubourg Saint-Antoine", "avenue Jean Médecin", "rue de la Liberté", "place Bellecour", "rue Lafayette", "avenue de Verdun", "rue des Lilas", "impasse des Roses", "rue du Moulin", "rue de Metz", "quai de la Loire", "rue Pierre Brossolette"}
	frLine2   = []string{"Bâtiment A", "Bâtiment B", "Bâtiment C", "2e étage", "3e étage", "5e étage", "Rez-de-chaussée", "Escalier B", "Immeuble Le Méridien", "Parc d'activités des Chênes", "Zone industrielle Nord", "Résidence Les Pins"}

	itStreets = []string{"Via Roma", "Via Giuseppe Garibaldi", "Via Giuseppe Mazzini", "Via Cavour", "Via Dante Alighieri", "Via Giuseppe Verdi", "Corso Vittorio Emanuele II", "Via XX Settembre", "Via IV Novembre", "Via della Repubblica", "Via Nazionale", "Via dei Mille", "Via Guglielmo Marconi", "Via Giacomo Matteotti", "Via Antonio Gramsci", "Via Alessandro Manzoni", "Via San Francesco", "Via Santa Lucia", "Corso Italia", "Via Aurelia", "Via Appia Nuova", "Via Toledo", "Via Montenapoleone", "Via Torino", "Via Milano", "Via Napoli", "Via Cristoforo Colombo", "Via Giacomo Leopardi", "Viale della Libertà", "Via dell'Indipendenza", "Via Galileo Galilei", "Piazza del Duomo", "Piazza Garibaldi", "Piazza della Repubblica", "Piazza San Marco", "Viale Europa", "Viale Monza", "Corso Buenos Aires", "Largo Augusto", "Via del Corso", "Lungomare Caracciolo", "Via Po", "Via Etnea", "Via Sparano"}
	itLine2   = []string{"Scala A", "Scala B", "Interno 3", "Interno 12", "Piano 2", "Piano 4", "Palazzina C", "Edificio 5", "Piano terra", "Scala C, Interno 7"}
)

func houseNumber(r *rand.Rand, maxN int) string {
	// small numbers are far more common than large ones
	n := 1 + r.IntN(1+r.IntN(maxN))
	return strconv.Itoa(n)
}

func streetAddress(r *rand.Rand, country string) (line1, line2 string) {
	switch country {
	case "US":
		num := houseNumber(r, 9800)
		dir := ""
		if chance(r, 15) {
			dir = pick(r, []string{"N ", "S ", "E ", "W ", "NE ", "NW ", "SE ", "SW "})
		}
		line1 = num + " " + dir + pick(r, usStreets) + " " + pick(r, usSuffix)
		if chance(r, 45) {
			line2 = pick(r, usLine2)
		}
	case "GB":
		num := houseNumber(r, 300)
		if chance(r, 8) {
			num += pick(r, []string{"A", "B", "C"})
		}
		line1 = num + " " + pick(r, gbStreets) + " " + pick(r, gbSuffix)
		if chance(r, 35) {
			line2 = pick(r, gbLine2)
		}
	case "RU":
		num := houseNumber(r, 160)
		if chance(r, 12) {
			num += pick(r, []string{"А", "Б", "В"})
		}
		switch weighted(r, []int{70, 20, 10}) {
		case 0:
			line1 = "ул. " + pick(r, ruStreets) + ", д. " + num
		case 1:
			p := pick(r, ruProspect)
			if strings.HasSuffix(p, "ий") || strings.HasSuffix(p, "ой") {
				line1 = p + " просп., д. " + num // "Ленинградский просп."
			} else {
				line1 = "просп. " + p + ", д. " + num
			}
		default:
			line1 = pick(r, []string{"пер. ", "пл. ", "б-р ", "наб. "}) + pick(r, []string{"Гоголя", "Пушкина", "Победы", "Революции", "Чкалова", "Свободы", "Славы", "Дзержинского", "Горького", "Островского"}) + ", д. " + num
		}
		if chance(r, 20) {
			line1 += pick(r, []string{", корп. ", ", стр. "}) + strconv.Itoa(1+r.IntN(5))
		}
		if chance(r, 60) {
			line2 = pick(r, ruLine2)
		}
	case "PL":
		num := houseNumber(r, 180)
		if chance(r, 8) {
			num += pick(r, []string{"a", "b", "c"})
		}
		if chance(r, 20) {
			num += "/" + strconv.Itoa(1+r.IntN(60))
		}
		switch weighted(r, []int{80, 12, 8}) {
		case 0:
			line1 = "ul. " + pick(r, plStreets) + " " + num
		case 1:
			line1 = "al. " + pick(r, plAleje) + " " + num
		default:
			line1 = "pl. " + pick(r, plPlace) + " " + num
		}
		if chance(r, 20) {
			line2 = pick(r, plLine2)
		}
	case "FR":
		num := houseNumber(r, 180)
		if chance(r, 8) {
			num += pick(r, []string{" bis", " ter"})
		}
		line1 = num + " " + pick(r, frStreets)
		if chance(r, 25) {
			line2 = pick(r, frLine2)
		}
	default: // IT
		num := houseNumber(r, 200)
		if chance(r, 8) {
			num += pick(r, []string{"/A", "/B", "/C"})
		}
		line1 = pick(r, itStreets) + " " + num
		if chance(r, 25) {
			line2 = pick(r, itLine2)
		}
	}
	return line1, line2
}

func newAddress(r *rand.Rand, country string, c city) Address {
	l1, l2 := streetAddress(r, country)
	return Address{
		Line1:      l1,
		Line2:      l2,
		City:       c.name,
		State:      c.state,
		PostalCode: postalCode(r, country, c),
		Country:    country,
		Phone:      phone(r, country, c),
	}
}
