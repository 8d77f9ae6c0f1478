package fake

import (
	"math/rand/v2"
	"strings"
)

type namePools struct {
	male, female, last []string
	feminine           func(last string) string // nil: surnames do not inflect
}

var (
	enNames = namePools{
		male:   []string{"James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Andrew", "Joshua", "Kevin", "Brian", "George", "Oliver", "Harry", "Jack", "Charlie", "Samuel", "Benjamin", "Ethan", "Liam", "Noah", "Lucas", "Henry", "Alexander", "Ryan", "Nathan", "Patrick", "Sean", "Edward", "Steven", "Gregory", "Jonathan", "Timothy"},
		female: []string{"Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Emily", "Emma", "Olivia", "Sophia", "Charlotte", "Amelia", "Isla", "Grace", "Chloe", "Lucy", "Hannah", "Megan", "Rachel", "Laura", "Rebecca", "Amanda", "Stephanie", "Nicole", "Michelle", "Ashley", "Victoria", "Zoe", "Abigail", "Madison", "Natalie", "Kimberly", "Catherine", "Eleanor", "Fiona", "Heather"},
		last:   []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Allen", "Young", "King", "Wright", "Hill", "Scott", "Green", "Baker", "Adams", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Hughes", "Bennett", "Wood", "Ward", "O'Brien", "O'Connor", "McDonald", "MacLeod", "Fitzgerald", "Patel", "Nguyen", "Kim", "Garcia", "Rodriguez", "Lee", "Sullivan", "Russell", "Palmer", "Fletcher", "Harrison", "Knight", "Shaw"},
	}
	ruNames = namePools{
		male:     []string{"Александр", "Алексей", "Андрей", "Антон", "Артём", "Борис", "Вадим", "Валерий", "Василий", "Виктор", "Виталий", "Владимир", "Владислав", "Всеволод", "Вячеслав", "Геннадий", "Георгий", "Григорий", "Денис", "Дмитрий", "Евгений", "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Константин", "Леонид", "Максим", "Михаил", "Никита", "Николай", "Олег", "Павел", "Пётр", "Роман", "Руслан", "Сергей", "Станислав", "Степан", "Тимур", "Фёдор", "Юрий", "Ярослав"},
		female:   []string{"Александра", "Алина", "Алла", "Анастасия", "Анна", "Валентина", "Валерия", "Вера", "Вероника", "Виктория", "Галина", "Дарья", "Екатерина", "Елена", "Елизавета", "Жанна", "Зоя", "Инна", "Ирина", "Карина", "Кристина", "Ксения", "Лариса", "Любовь", "Людмила", "Маргарита", "Марина", "Мария", "Надежда", "Наталья", "Нина", "Оксана", "Ольга", "Полина", "Светлана", "Софья", "Таисия", "Татьяна", "Ульяна", "Юлия", "Яна"},
		last:     []string{"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов", "Калинин", "Щербаков", "Назаров", "Быков", "Голубев", "Пономарёв", "Журавлёв", "Громов", "Цветков", "Воронцов", "Успенский", "Покровский", "Вознесенский", "Троицкий", "Островский", "Шевченко", "Бондаренко", "Ткаченко", "Черных", "Седых", "Толстой"},
		feminine: ruFeminine,
	}
	plNames = namePools{
		male:     []string{"Piotr", "Krzysztof", "Andrzej", "Tomasz", "Jan", "Paweł", "Michał", "Marcin", "Stanisław", "Jakub", "Adam", "Marek", "Łukasz", "Grzegorz", "Mateusz", "Wojciech", "Mariusz", "Dariusz", "Zbigniew", "Jerzy", "Maciej", "Rafał", "Robert", "Kamil", "Józef", "Tadeusz", "Ryszard", "Sławomir", "Przemysław", "Bartłomiej", "Szymon", "Kacper", "Dawid", "Damian", "Sebastian", "Artur", "Jacek", "Janusz", "Henryk", "Mirosław", "Bogdan", "Zdzisław", "Włodzimierz", "Bolesław"},
		female:   []string{"Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna", "Elżbieta", "Magdalena", "Joanna", "Zofia", "Aleksandra", "Monika", "Teresa", "Danuta", "Natalia", "Karolina", "Marta", "Beata", "Dorota", "Halina", "Jadwiga", "Janina", "Alicja", "Iwona", "Grażyna", "Bożena", "Urszula", "Renata", "Justyna", "Paulina", "Sylwia", "Weronika", "Julia", "Wiktoria", "Żaneta", "Jolanta", "Izabela", "Łucja"},
		last:     []string{"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Wojciechowski", "Kwiatkowski", "Krawczyk", "Kaczmarek", "Piotrowski", "Grabowski", "Zając", "Pawłowski", "Michalski", "Król", "Nowakowski", "Wieczorek", "Wróbel", "Jabłoński", "Wróblewski", "Majewski", "Olszewski", "Stępień", "Malinowski", "Jaworski", "Adamczyk", "Dudek", "Nowicki", "Pawlak", "Górski", "Witkowski", "Walczak", "Sikora", "Baran", "Rutkowski", "Michalak", "Szewczyk", "Ostrowski", "Tomaszewski", "Pietrzak", "Zalewski", "Marciniak", "Jasiński", "Zawadzki", "Bąk", "Jakubowski", "Sadowski", "Duda", "Włodarczyk", "Wilk", "Chmielewski", "Borkowski", "Sokołowski", "Szczepański", "Sawicki", "Lis", "Kucharski", "Mazurek", "Kubiak", "Kalinowski", "Wysocki", "Kołodziej", "Czarnecki", "Kaźmierczak", "Sobczak", "Konieczny", "Głowacki", "Zakrzewski", "Krupa", "Żak", "Gołębiowski", "Łuczak", "Kasprzak", "Żurek", "Śliwiński", "Łukasik"},
		feminine: plFeminine,
	}
	frNames = namePools{
		male:   []string{"Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Jacques", "Bernard", "Éric", "Nicolas", "Christophe", "Laurent", "Stéphane", "Frédéric", "Sébastien", "Julien", "Olivier", "Thierry", "Patrick", "Gérard", "François", "Jérôme", "Mathieu", "Antoine", "Guillaume", "Hugo", "Théo", "Louis", "Gabriel", "Raphaël", "Léo", "Noé", "Benoît", "Loïc", "Clément", "Cédric", "Aurélien", "Rémi", "Hervé", "Joël", "Jean-Pierre", "Jean-Luc", "Jean-François"},
		female: []string{"Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Christine", "Monique", "Valérie", "Sandrine", "Stéphanie", "Céline", "Aurélie", "Émilie", "Julie", "Camille", "Léa", "Manon", "Chloé", "Inès", "Zoé", "Océane", "Mélanie", "Hélène", "Cécile", "Élodie", "Amélie", "Anaïs", "Clémence", "Laëtitia", "Gaëlle", "Noémie", "Agnès", "Béatrice", "Geneviève", "Thérèse", "Mélissa", "Margaux", "Jeanne", "Marie-Claire"},
		last:   []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Gérard", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Roche", "Noël", "Meyer", "Lucas", "Meunier", "Pérez", "Marchand", "Dufour", "Blanchard", "Brunet", "Lemoine", "Barbier", "Arnaud", "Bérenger", "Séguin", "Bélanger", "Lebœuf", "Daoust", "Fréchette", "Thévenin", "Bégué"},
	}
	itNames = namePools{
		male:   []string{"Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Francesco", "Angelo", "Vincenzo", "Pietro", "Salvatore", "Carlo", "Franco", "Domenico", "Bruno", "Paolo", "Michele", "Giorgio", "Aldo", "Sergio", "Luciano", "Alessandro", "Andrea", "Marco", "Matteo", "Lorenzo", "Leonardo", "Riccardo", "Davide", "Federico", "Stefano", "Roberto", "Massimo", "Fabio", "Simone", "Gabriele", "Tommaso", "Niccolò", "Nicolò", "Emanuele", "Raffaele"},
		female: []string{"Maria", "Anna", "Giuseppina", "Rosa", "Angela", "Giovanna", "Teresa", "Lucia", "Carmela", "Francesca", "Giulia", "Chiara", "Sofia", "Aurora", "Alice", "Ginevra", "Emma", "Giorgia", "Martina", "Sara", "Valentina", "Alessandra", "Elena", "Federica", "Silvia", "Paola", "Laura", "Roberta", "Elisa", "Beatrice", "Ilaria", "Caterina", "Benedetta", "Serena", "Simona", "Raffaella", "Antonella", "Daniela", "Stefania", "Noemi"},
		last:   itSurnames,
	}
)

var itSurnames = []string{"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi", "Villa", "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini", "Messina", "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi", "Monti", "Cattaneo", "Morelli", "Amato", "Silvestri", "Mazza", "Testa", "Grassi", "Pellegrino", "Carbone", "Giuliani", "Benedetti", "Barone", "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi", "Fiore", "De Rosa", "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras", "Sartori", "Neri", "Orlando", "D'Amico", "Sorrentino", "Cassarà", "Aliquò", "D'Alò"}

// ruFeminine derives the feminine form of a Russian surname.
func ruFeminine(last string) string {
	switch {
	case strings.HasSuffix(last, "ский"), strings.HasSuffix(last, "цкий"):
		return strings.TrimSuffix(last, "ий") + "ая"
	case strings.HasSuffix(last, "ой"):
		return strings.TrimSuffix(last, "ой") + "ая"
	case strings.HasSuffix(last, "ов"), strings.HasSuffix(last, "ев"),
		strings.HasSuffix(last, "ёв"), strings.HasSuffix(last, "ин"),
		strings.HasSuffix(last, "ын"):
		return last + "а"
	}
	return last // Шевченко, Черных: invariable
}

// plFeminine derives the feminine form of a Polish surname.
func plFeminine(last string) string {
	switch {
	case strings.HasSuffix(last, "ki"):
		return strings.TrimSuffix(last, "i") + "a"
	case strings.HasSuffix(last, "ny"):
		return strings.TrimSuffix(last, "y") + "a"
	}
	return last // Nowak, Wójcik: invariable
}

func poolsFor(locale string) namePools {
	switch locale {
	case "en-US", "en-GB":
		return enNames
	case "ru-RU":
		return ruNames
	case "pl-PL":
		return plNames
	case "fr-FR":
		return frNames
	case "it-IT":
		return itNames
	}
	panic("fake: unsupported locale " + locale)
}

// NewPerson returns a person with a realistic name for the locale ("en-US",
// "en-GB", "ru-RU", "pl-PL", "fr-FR" or "it-IT"). The e-mail address is at
// the reserved example.com domain; NewCompany replaces it with an address at
// the company's tenant domain.
func NewPerson(r *rand.Rand, locale string) Person {
	p := poolsFor(locale)
	var first, last string
	if r.IntN(2) == 0 {
		first, last = pick(r, p.male), pick(r, p.last)
	} else {
		first, last = pick(r, p.female), pick(r, p.last)
		if p.feminine != nil {
			last = p.feminine(last)
		}
	}
	return Person{FirstName: first, LastName: last, Email: Email(first, last, "example.com")}
}
