package fake

import (
	"math/rand/v2"
	"strings"
)

var (
	plEng      = []string{"Trading", "Logistics", "Consulting", "Solutions", "Group", "Invest", "Development", "Software", "Systems", "Service", "Media", "Design", "Tech", "Partners", "Holding", "Capital", "Energy", "Pharma", "Food", "Polska", "Distribution", "Transport", "Medical", "Business Center", "IT", "Studio", "Motors", "Automotive", "Properties", "Construction", "Finance", "Catering", "Security", "Cargo", "Real Estate", "Data", "Cloud", "Packaging", "Trade", "Marine"}
	plIndustry = []string{"Zakłady Mięsne", "Zakłady Mleczarskie", "Zakłady Drobiarskie", "Przedsiębiorstwo Handlowe", "Przedsiębiorstwo Budowlane", "Przedsiębiorstwo Usługowo-Handlowe", "Przedsiębiorstwo Produkcyjno-Handlowe", "Przedsiębiorstwo Transportowe", "Fabryka Mebli", "Fabryka Okien", "Fabryka Farb", "Hurtownia Spożywcza", "Hurtownia Farmaceutyczna", "Hurtownia Elektryczna", "Biuro Rachunkowe", "Kancelaria Prawna", "Kancelaria Notarialna", "Drukarnia", "Piekarnia", "Cukiernia", "Browar", "Spółdzielnia Mleczarska", "Przetwórnia Owoców", "Przetwórnia Rybna", "Stocznia", "Huta", "Centrum Medyczne", "Przychodnia", "Apteka", "Szkoła Językowa", "Usługi Budowlane", "Pracownia Architektoniczna", "Studio Graficzne", "Agencja Reklamowa", "Dom Mody", "Salon Meblowy", "Zakład Energetyczny", "Tłocznia Soków", "Wytwórnia Wód Mineralnych", "Gospodarstwo Rolne", "Biuro Podróży", "Składnica Drewna"}
	plBrands   = []string{"Budrex", "Polmex", "Elektrobud", "Mostostal", "Energopol", "Transbud", "Drobex", "Hydrobud", "Polbud", "Agromex", "Ekoplast", "Metalplast", "Drewnex", "Stalprodukt", "Polfarb", "Mlekpol", "Orzeł", "Sokół", "Jaskółka", "Bursztyn", "Wisła", "Odra", "Warta", "Tatry", "Mazowsze", "Pomorze", "Śląsk", "Kujawy", "Podhale", "Bałtyk", "Słoneczko", "Zorza", "Jantar", "Gwiazda", "Żuraw", "Dąb", "Lipa", "Jodła", "Kasztan", "Wrzos", "Bocian", "Rybak", "Łosoś", "Świt", "Zdrój", "Pszczółka", "Krakus", "Łowicz", "Żubr", "Sosnowa Polana", "Mewa", "Sarenka", "Wawel", "Giewont", "Kormoran", "Sokolnik", "Jutrzenka", "Łabędź", "Kaszuby", "Warmia", "Roztocze", "Bieszczady"}
	plPref     = []string{"Pol", "Bud", "Elektro", "Agro", "Trans", "Hydro", "Eko", "Drew", "Metal", "Inter", "Euro", "Tech", "Med", "Farm", "Chem", "Stal", "Mar", "Kom", "Auto", "Info", "Term", "Geo", "Bio", "Plast", "Energo", "Mleko", "Gaz", "Instal", "Dom", "Szkło"}
	plSuf      = []string{"ex", "pol", "bud", "mex", "plast", "stal", "trans", "med", "tech", "soft", "net", "kom", "rol", "gaz", "kop", "mar", "lux", "pak", "san", "tel", "bis", "dom", "las", "prod", "serwis", "system", "hurt", "land"}
	plAdjF     = []string{"Zielona", "Złota", "Srebrna", "Biała", "Czerwona", "Nowa", "Stara", "Wielka", "Mała", "Polska", "Górska", "Leśna", "Morska", "Słoneczna", "Wiślana", "Bałtycka", "Śląska", "Mazowiecka", "Królewska", "Cicha", "Jasna", "Kryształowa", "Bursztynowa", "Dębowa", "Miodowa"}
	plNounF    = []string{"Dolina", "Góra", "Przystań", "Zatoka", "Polana", "Łąka", "Brama", "Wieża", "Gwiazda", "Fala", "Kraina", "Róża", "Perła", "Korona", "Sosna", "Rzeka", "Zagroda", "Stajnia", "Piekarnia", "Apteka", "Kuźnia", "Pasieka", "Chata", "Ostoja", "Przełęcz"}
	plFamily   = []string{" i Synowie", " i Wspólnicy", " & Partnerzy", " i Syn", " i Córka", " Spółka Rodzinna"}
)

func plLegal(r *rand.Rand) string {
	return []string{" Sp. z o.o.", " S.A.", " Sp. j.", " Sp. k.", " s.c.", " Sp. z o.o. sp.k.", ""}[weighted(r, []int{55, 10, 7, 6, 5, 3, 14})]
}

func plQuote(r *rand.Rand, s string) string {
	if chance(r, 50) {
		return "„" + s + "”"
	}
	return "\"" + s + "\""
}

func plCompound(r *rand.Rand) string {
	for {
		p, s := pick(r, plPref), pick(r, plSuf)
		if !strings.HasSuffix(Fold(p), s) { // no "Polpol", "Budbud"
			return p + s
		}
	}
}

func plCompanyName(r *rand.Rand, cityName string, cities []city) string {
	place := namePlace(r, cityName, cities)
	surname := pick(r, plNames.last)
	switch weighted(r, []int{9, 8, 14, 18, 12, 8, 11, 10, 10}) {
	case 0: // Łódź Trading Sp. z o.o.
		return place + " " + pick(r, plEng) + pick(r, []string{"", "", "", " Polska", " Group", " Center", " Services", " Partners"}) + plLegal(r)
	case 1: // Zakłady Mięsne Żywiec S.A., Przedsiębiorstwo Handlowe Gdańsk
		return pick(r, plIndustry) + " " + place + plLegal(r)
	case 2: // Elektropol Sp. z o.o., Agrobud Serwis, Transmex Kraków
		switch r.IntN(3) {
		case 0:
			return plCompound(r) + plLegal(r)
		case 1:
			return plCompound(r) + " " + pick(r, plEng) + plLegal(r)
		default:
			return plCompound(r) + " " + place + plLegal(r)
		}
	case 3: // Przedsiębiorstwo Usługowo-Handlowe "Budrex"
		b := pick(r, plBrands)
		if chance(r, 50) {
			b = plCompound(r)
		}
		return pick(r, plIndustry) + " " + plQuote(r, b) + plLegal(r)
	case 4: // Kowalski i Synowie Sp. j., Kancelaria Prawna Nowak & Wiśniewski
		if chance(r, 70) {
			other := pick(r, plNames.last)
			for other == surname {
				other = pick(r, plNames.last)
			}
			return pick(r, []string{"Kancelaria Prawna", "Kancelaria Radców Prawnych", "Kancelaria Adwokacka", "Biuro Rachunkowe", "Pracownia Architektoniczna", "Biuro Projektowe"}) + " " + surname + pick(r, []string{" & ", " i ", " "}) + other + pick(r, []string{" Sp. k.", " Sp. p.", ""})
		}
		return surname + pick(r, plFamily) + pick(r, []string{" Sp. j.", " Sp. k.", " s.c.", " Sp. z o.o."})
	case 5: // Złota Przystań Sp. z o.o.
		core := pick(r, plAdjF) + " " + pick(r, plNounF)
		if chance(r, 60) {
			core += " " + pick(r, plEng)
		}
		return core + plLegal(r)
	case 6: // Wisła Logistics Sp. z o.o., Bursztyn Gdańsk
		if chance(r, 50) {
			return pick(r, plBrands) + " " + pick(r, plEng) + plLegal(r)
		}
		return pick(r, plBrands) + " " + place + plLegal(r)
	case 7: // F.H.U. Jan Kowalski
		first := pick(r, plNames.male)
		if chance(r, 40) {
			first = pick(r, plNames.female)
			surname = plFeminine(surname)
		}
		return pick(r, []string{"F.H.U.", "P.H.U.", "P.P.H.U.", "Firma Handlowa", "Zakład Usługowy", "Usługi Remontowe", "Transport Ciężarowy", "Gabinet Stomatologiczny", "Usługi Księgowe", "Zakład Stolarski"}) + " " + first + " " + surname
	default: // Kowalski Transport, Nowak Meble Sp. z o.o.
		return surname + " " + pick(r, append([]string{"Meble", "Okna", "Transport", "Serwis", "Budownictwo", "Instalacje", "Piekarnia", "Ogrody", "Drewno", "Stal"}, plEng...)) + plLegal(r)
	}
}
