package fake

import "math/rand/v2"

var (
	itDomAdj   = []string{"Alimentare", "Agricola", "Immobiliare", "Edile", "Commerciale", "Finanziaria", "Industriale", "Meccanica", "Chimica", "Farmaceutica", "Tessile", "Elettrica", "Informatica", "Assicurativa", "Vinicola", "Olearia", "Casearia", "Marittima", "Ferroviaria", "Energetica", "Metallurgica", "Logistica", "Turistica", "Editoriale", "Alberghiera", "Cartaria", "Conserviera", "Ceramica", "Navale", "Autostradale"}
	itRegAdjF  = []string{"Lombarda", "Piemontese", "Toscana", "Veneta", "Siciliana", "Sarda", "Ligure", "Emiliana", "Romagnola", "Campana", "Pugliese", "Calabrese", "Laziale", "Umbra", "Marchigiana", "Abruzzese", "Friulana", "Trentina", "Lucana", "Molisana", "Romana", "Milanese", "Napoletana", "Fiorentina", "Veneziana", "Torinese", "Genovese", "Bolognese", "Italiana", "Mediterranea", "Adriatica", "Tirrenica", "Alpina", "Padana", "Appenninica"}
	itRegAdjM  = []string{"Napoletano", "Siciliano", "Toscano", "Romano", "Milanese", "Veneziano", "Piemontese", "Lombardo", "Pugliese", "Sardo", "Ligure", "Emiliano", "Friulano", "Calabrese", "Fiorentino", "Genovese", "Bolognese", "Torinese", "Italiano", "Mediterraneo", "Adriatico", "Alpino", "Padano", "Umbro"}
	itTradesM  = []string{"Caffè", "Pastificio", "Panificio", "Oleificio", "Caseificio", "Salumificio", "Mobilificio", "Calzaturificio", "Lanificio", "Forno", "Ristorante", "Albergo", "Laboratorio", "Studio", "Centro", "Magazzino", "Vivaio", "Frantoio", "Birrificio", "Maglificio"}
	itTradesF  = []string{"Pasticceria", "Trattoria", "Osteria", "Pizzeria", "Gelateria", "Enoteca", "Farmacia", "Tipografia", "Ferramenta", "Macelleria", "Cantina", "Tenuta", "Officina", "Autofficina", "Libreria", "Torrefazione", "Distilleria", "Vetreria", "Sartoria", "Agenzia Immobiliare", "Cooperativa Agricola", "Azienda Agricola"}
	itBrands   = []string{"San Marco", "Santa Lucia", "Dolce Vita", "del Borgo", "del Corso", "al Duomo", "della Piazza", "del Porto", "Il Gabbiano", "La Perla", "Bella Napoli", "Il Girasole", "La Rosa", "Stella d'Oro", "Sole Mio", "Il Faro", "La Fontana", "Bella Italia", "Belvedere", "Miramare", "Valle Verde", "Monte Bianco", "Aurora", "Primavera", "La Torre", "Tre Fontane", "Il Castello", "del Sole", "della Luna", "Vecchio Mulino", "San Giorgio", "Sant'Anna", "La Quercia", "Il Melograno", "Le Colline", "Due Mari", "L'Ulivo", "Il Vigneto", "Colle Alto", "Il Frantoio", "San Michele", "La Lanterna"}
	itServices = []string{"Servizi", "Servizi Integrati", "Logistica", "Costruzioni", "Trasporti", "Impianti", "Software", "Consulting", "Immobiliare", "Ambiente", "Energia", "Multiservizi", "Sistemi", "Engineering", "Distribuzione", "Sanità", "Formazione", "Porto Servizi", "Ricambi", "Arredamenti"}
	itPref     = []string{"Tecno", "Edil", "Idro", "Elettro", "Termo", "Auto", "Euro", "Agri", "Agro", "Metal", "Info", "Medi", "Sider", "Immobil", "Eco", "Geo", "Tele", "Foto", "Nova", "Ital", "Omni", "Poli", "Ter", "Vetro", "Legno"}
	itSuf      = []string{"plast", "casa", "tecnica", "sistemi", "service", "mec", "gas", "trasporti", "impianti", "flex", "logica", "meccanica", "form", "line", "net", "lab", "pack", "tex", "fin", "legno", "color", "data", "ware", "ital", "porte"}
	itWorks    = []string{"Costruzioni", "Trasporti", "Autotrasporti", "Impianti Elettrici", "Edilizia", "Arredamenti", "Ricambi", "Costruzioni Edili", "Serramenti", "Termoidraulica", "Onoranze Funebri", "Autoricambi", "Carpenteria Metallica", "Lavorazioni Meccaniche", "Pulizie"}
)

func itLegal(r *rand.Rand) string {
	return []string{" S.r.l.", " S.p.A.", " S.r.l.s.", " S.n.c.", " S.a.s.", " Soc. Coop.", ""}[weighted(r, []int{45, 10, 8, 7, 7, 3, 20})]
}

func itCompanyName(r *rand.Rand, cityName string, cities []city) string {
	place := namePlace(r, cityName, cities)
	surname := pick(r, itSurnames)
	switch weighted(r, []int{16, 20, 14, 7, 16, 12, 4, 3, 8}) {
	case 0: // Società Alimentare Lombarda S.p.A.
		return pick(r, []string{"Società", "Società", "Compagnia", "Industria", "Impresa"}) + " " + pick(r, itDomAdj) + " " + pick(r, itRegAdjF) + itLegal(r)
	case 1: // Caffè Napoletano, Pasticceria Dolce Vita, Trattoria da Mario
		var core string
		switch r.IntN(4) {
		case 0:
			core = pick(r, itTradesM) + " " + pick(r, itRegAdjM)
		case 1:
			core = pick(r, itTradesF) + " " + pick(r, itRegAdjF)
		case 2:
			core = pick(r, append(itTradesM[:len(itTradesM):len(itTradesM)], itTradesF...)) + " " + pick(r, itBrands)
		default:
			if chance(r, 50) {
				core = pick(r, []string{"Trattoria", "Osteria", "Pizzeria", "Ristorante", "Bottega"}) + " da " + pick(r, itNames.male)
			} else {
				core = pick(r, itTradesM[:9]) + " " + surname
			}
		}
		if chance(r, 35) { // sole proprietorship or partnership: "... di Mario Rossi"
			core += " di " + pick(r, append(itNames.male[:len(itNames.male):len(itNames.male)], itNames.female...)) + " " + surname
			return core + pick(r, []string{"", "", "", " & C. S.a.s.", " & C. S.n.c."})
		}
		return core + itLegal(r)
	case 2: // "Rossi & Figli", Fratelli Bianchi S.n.c., Rossi & C. S.a.s.
		switch weighted(r, []int{10, 20, 15, 35, 20}) {
		case 0:
			return "\"" + surname + " & Figli\"" + pick(r, []string{" S.n.c.", " S.r.l.", ""})
		case 1:
			return pick(r, []string{"Fratelli ", "F.lli ", "Eredi "}) + surname + pick(r, []string{" S.n.c.", " S.r.l.", " S.a.s.", ""})
		case 2:
			if chance(r, 70) { // Rossi Mario & C. S.n.c.
				return surname + " " + pick(r, itNames.male) + " & C. " + pick(r, []string{"S.a.s.", "S.n.c."})
			}
			return surname + " & C. " + pick(r, []string{"S.a.s.", "S.n.c."})
		case 3:
			return pick(r, []string{"Studio Legale", "Studio Associato", "Studio Commercialisti", "Studio Notarile"}) + " " + surname + " & " + pick(r, itSurnames)
		default:
			return surname + pick(r, []string{" e Figli", " & Figli", " e Associati", " Group"}) + itLegal(r)
		}
	case 3: // Città di Perugia Servizi S.r.l., Milano Servizi Integrati
		if chance(r, 30) {
			return "Città di " + place + " " + pick(r, itServices) + itLegal(r)
		}
		return place + " " + pick(r, itServices) + itLegal(r)
	case 4: // Tecnoplast S.r.l.
		return pick(r, itPref) + pick(r, itSuf) + pick(r, []string{"", "", " " + pick(r, itRegAdjF), " " + pick(r, itServices)}) + itLegal(r)
	case 5: // Costruzioni Edili Romano
		return pick(r, itWorks) + " " + surname + pick(r, []string{"", " " + pick(r, itNames.male)}) + itLegal(r)
	case 6: // "Il Gabbiano" Soc. Coop.
		if chance(r, 50) {
			return "\"" + pick(r, itBrands[8:]) + "\" di " + pick(r, itNames.male) + " " + surname + pick(r, []string{" & C. S.a.s.", " S.n.c.", ""})
		}
		return pick(r, itBrands[8:]) + " " + pick(r, itServices) + itLegal(r)
	case 7: // Azienda Trasporti Milano
		return pick(r, []string{"Azienda", "Consorzio", "Gruppo", "Istituto"}) + " " + pick(r, []string{"Trasporti", "Servizi", "Energia", "Acque"}) + " " + place + itLegal(r)
	default: // Ferrari Impianti S.r.l.
		return surname + " " + pick(r, itServices) + itLegal(r)
	}
}
