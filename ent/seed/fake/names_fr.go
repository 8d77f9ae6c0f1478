package fake

import "math/rand/v2"

var (
	frHeads   = []string{"Société", "Compagnie", "Union", "Entreprise", "Coopérative", "Agence", "Manufacture", "Caisse"}
	frAdjF    = []string{"Générale", "Nouvelle", "Française", "Européenne", "Régionale", "Nationale", "Industrielle", "Commerciale", "Parisienne", "Lyonnaise", "Méditerranéenne", "Atlantique", "Alpine", "Provençale", "Bretonne", "Normande", "Alsacienne", "Centrale", "Technique", "Financière", "Continentale", "Maritime", "Savoyarde", "Lorraine", "Picarde", "Aquitaine", "Occitane", "Auvergnate", "Rhodanienne", "Ligérienne"}
	frDomains = []string{"de Logistique", "de Transport", "d'Électricité", "des Eaux", "de Distribution", "d'Ingénierie", "de Construction", "de Services", "d'Équipement", "de Conseil", "d'Études", "d'Assurances", "de Crédit", "d'Informatique", "de Télécommunications", "de Restauration", "d'Imprimerie", "de Travaux Publics", "de Menuiserie", "de Nettoyage", "des Pétroles", "d'Import-Export", "de Matériaux", "de Gestion", "d'Hôtellerie", "de Chauffage", "de Métallurgie", "des Vins", "de Boulangerie", "de Sécurité", "d'Emballage", "de Courtage", "de Maintenance", "d'Architecture", "de Publicité"}
	frTrades  = []string{"Boulangerie", "Pâtisserie", "Fromagerie", "Boucherie", "Librairie", "Pharmacie", "Brasserie", "Café", "Restaurant", "Hôtel", "Garage", "Atelier", "Cabinet", "Agence", "Imprimerie", "Menuiserie", "Épicerie", "Cave", "Domaine", "Château", "Clinique", "Laboratoire", "Studio", "Maison", "Ébénisterie", "Charcuterie", "Crèmerie", "Bijouterie", "Auto-école", "Salon", "Galerie", "Chocolaterie", "Quincaillerie", "Droguerie", "Torréfaction"}
	frBrands  = []string{"Étoile", "Soleil", "Lumière", "Horizon", "Océan", "Riviera", "Belle Époque", "Saint-Martin", "Sainte-Anne", "du Centre", "du Port", "de la Gare", "des Halles", "du Marché", "de la Place", "du Parc", "des Arts", "du Lac", "du Château", "Bel Air", "Beauséjour", "Montmartre", "de l'Olivier", "de la Fontaine", "des Tilleuls", "du Moulin", "Côte d'Azur", "Mont-Blanc", "Val de Loire", "Émeraude", "Azur", "Mistral", "Lavande", "Rivoli", "de l'Opéra", "Bastille", "Marais", "Trocadéro", "Saint-Germain", "des Lilas", "du Vieux Port", "La Rochelle", "Les Capucins", "Saint-Éloi", "Notre-Dame"}
	frNouns   = []string{"Informatique", "Numérique", "Conseil", "Immobilier", "Transports", "Logistique", "Bâtiment", "Énergies", "Sécurité", "Nettoyage", "Distribution", "Télécom", "Santé", "Formation", "Électricité", "Menuiserie", "Automobiles", "Voyages", "Événements", "Communication", "Médical", "Gestion", "Patrimoine", "Études", "Ingénierie", "Environnement", "Agroalimentaire", "Vins & Spiritueux", "Café & Thé", "Aéro Services", "Rénovation", "Espaces Verts", "Expertise Comptable", "Habitat", "Traiteur"}
	frPref    = []string{"Axi", "Télé", "Info", "Éco", "Euro", "Bio", "Agri", "Techni", "Hydro", "Méca", "Électro", "Thermo", "Aéro", "Géo", "Néo", "Proxi", "Multi", "Uni", "Alti", "Ciné", "Opti", "Inno", "Dyna", "Sécuri", "Logi"}
	frSuf     = []string{"tel", "com", "sys", "tec", "gaz", "data", "log", "flex", "nova", "plast", "matic", "concept", "services", "conseil", "pro", "net", "soft", "vision", "dis", "bat", "sol", "via", "lis", "ferm", "tys"}
	frAmp     = []string{"Pierres & Jardins", "Bois & Matériaux", "Vins & Saveurs", "Fer & Forge", "Terre & Mer", "Ciel & Terre", "Papier & Crayon", "Pain & Tradition", "Sel & Poivre", "Maison & Jardin", "Cuisine & Bains", "Mer & Montagne", "Lumière & Son", "Corps & Âme", "Fil & Aiguille", "Thé & Épices", "Verre & Acier", "Bureaux & Services", "Toit & Façade", "Eau & Chaleur"}
	frAdjM    = []string{"Agricole", "Mutuel", "Industriel", "Commercial", "Foncier", "Maritime", "Régional", "Lyonnais", "Normand", "Breton", "Alsacien", "Coopératif", "Populaire", "Général", "National", "Provençal", "Savoyard", "Auvergnat", "Hôtelier", "Artisanal"}
	frRegions = []string{"de Bretagne", "de Normandie", "de Provence", "d'Alsace", "de Lorraine", "de Bourgogne", "de Champagne", "de Picardie", "d'Aquitaine", "d'Auvergne", "de Savoie", "de Touraine", "d'Anjou", "de Gascogne", "du Languedoc", "de Franche-Comté", "du Limousin", "du Poitou", "de Vendée", "de Corrèze", "d'Île-de-France", "des Alpes", "des Pyrénées", "du Nord", "de l'Ouest", "du Centre-Est", "de Lorraine-Champagne", "du Midi"}
	frFamily  = []string{" & Fils", " Frères", " et Associés", " & Associés", " Père et Fils", " & Cie"}
)

func frLegal(r *rand.Rand) string {
	return []string{" SARL", " SAS", " SA", " EURL", " SASU", " SNC", ""}[weighted(r, []int{28, 30, 8, 8, 10, 3, 13})]
}

func frCompanyName(r *rand.Rand, cityName string, cities []city) string {
	place := namePlace(r, cityName, cities)
	surname := pick(r, frNames.last)
	switch weighted(r, []int{18, 20, 12, 8, 2, 18, 5, 12}) {
	case 0: // Société Générale de Logistique
		return pick(r, frHeads) + " " + pick(r, frAdjF) + " " + pick(r, frDomains) + frLegal(r)
	case 1: // Boulangerie Étoile SARL, Pharmacie Dupont, Brasserie du Port Marseille
		switch r.IntN(3) {
		case 0:
			return pick(r, frTrades) + " " + pick(r, frBrands) + frLegal(r)
		case 1:
			return pick(r, frTrades) + " " + surname + frLegal(r)
		default:
			return pick(r, frTrades) + " " + pick(r, frBrands) + " " + place + frLegal(r)
		}
	case 2: // Dupont & Fils, Établissements Mercier, Cabinet Girard et Associés
		switch r.IntN(3) {
		case 0:
			return surname + pick(r, frFamily) + frLegal(r)
		case 1:
			return pick(r, []string{"Établissements", "Ets", "Maison", "Garage", "Cabinet", "Atelier", "Transports"}) + " " + surname + frLegal(r)
		default:
			return pick(r, []string{"Cabinet", "Études", "Office Notarial"}) + " " + surname + " & " + pick(r, frNames.last)
		}
	case 3: // Lyon Informatique SAS
		return place + " " + pick(r, frNouns) + frLegal(r)
	case 4: // Crédit Agricole Régional, Banque Populaire de Bretagne
		switch r.IntN(3) {
		case 0:
			a, b := pick(r, frAdjM), pick(r, frAdjM[6:])
			if a == b {
				return "Crédit " + a
			}
			return "Crédit " + a + " " + b // Crédit Mutuel Breton
		case 1:
			return pick(r, []string{"Crédit", "Comptoir", "Office"}) + " " + pick(r, frAdjM) + " " + pick(r, frRegions)
		default:
			return pick(r, []string{"Banque Populaire", "Caisse d'Épargne", "Mutuelle Générale", "Assurances Mutuelles"}) + " " + pick(r, frRegions)
		}
	case 5: // Électromatic SAS
		return pick(r, frPref) + pick(r, frSuf) + pick(r, []string{"", "", " " + pick(r, frNouns)}) + frLegal(r)
	case 6: // Terre & Mer Bordeaux
		switch r.IntN(5) {
		case 0:
			return pick(r, frAmp) + frLegal(r)
		case 1, 2:
			return pick(r, frAmp) + " " + place + frLegal(r)
		default:
			return pick(r, frAmp) + " " + pick(r, []string{"Conseil", "Services", "Distribution", "Création", "Boutique", "Atelier", "Diffusion", "Import", "Rénovation", "Traiteur"}) + frLegal(r)
		}
	default: // Groupe Mercier, Bordeaux Métropole Services
		head := pick(r, []string{"Groupe " + surname, surname, place + " Métropole", "Holding " + surname})
		return head + " " + pick(r, frNouns) + frLegal(r)
	}
}
