package rule

import (
	"fmt"
	"slices"

	"entgo.io/ent/dialect/sql"

	"partnerhub/ent/customer"
	"partnerhub/ent/customertag"
	"partnerhub/ent/relationship"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/searchterm"
	"partnerhub/ent/text"
)

// NamePage is where a page of the list sorted by company name starts and how long it is.
type NamePage struct {
	Desc  bool // company name Z to A (ties by ID, ascending, as the cursors order them)
	After *NameCursor
	Limit int // rows to read: the page size plus one, to know whether another page follows
}

// NameCursor is where a NamePage starts: after this customer.
type NameCursor struct {
	SortName string
	ID       pulid.ID
}

// CursorFrom reads a list cursor of the company-name order (the sort key, or a list holding it, and
// the customer ID).
func (p *NamePage) CursorFrom(id pulid.ID, value any) error {
	if vs, ok := value.([]any); ok && len(vs) == 1 {
		value = vs[0]
	}
	name, ok := value.(string)
	if !ok {
		return fmt.Errorf("name page: cursor value %T", value)
	}
	p.After = &NameCursor{SortName: name, ID: id}
	return nil
}

// page is the derived table of the page's customer IDs from table t (search terms or relationships,
// both carrying the sort key and the customer ID) where match holds: one row per customer, in the
// page's order, after its cursor.
func (p NamePage) page(d *sql.DialectBuilder, t *sql.SelectTable, match *sql.Predicate, sortName, customerID string) *sql.Selector {
	where := match
	if c := p.After; c != nil {
		beyond := sql.GT(t.C(sortName), c.SortName)
		if p.Desc {
			beyond = sql.LT(t.C(sortName), c.SortName)
		}
		where = sql.And(match, sql.Or(beyond, sql.And(sql.EQ(t.C(sortName), c.SortName), sql.GT(t.C(customerID), string(c.ID)))))
	}
	byName := sql.Asc(t.C(sortName))
	if p.Desc {
		byName = sql.Desc(t.C(sortName))
	}
	return d.Select(t.C(customerID)).From(t).Where(where).
		GroupBy(t.C(sortName), t.C(customerID)).
		OrderBy(byName, sql.Asc(t.C(customerID))).Limit(p.Limit)
}

// ApplyListing restricts a customer query of the viewer partner to the page of its whole list: a
// range of the partner's ACTIVE relationships in the order of their sort key (relationship.sort_name;
// an index for each direction), joined as a derived table, so the page costs the same whatever the
// partner's share of all customers.
func (p NamePage) ApplyListing(partnerID pulid.ID) func(*sql.Selector) {
	return func(s *sql.Selector) {
		d := sql.Dialect(s.Dialect())
		r := d.Table(relationship.Table).As("listed")
		page := p.page(d, r, sql.And(sql.EQ(r.C(relationship.FieldPartnerID), string(partnerID)),
			sql.EQ(r.C(relationship.FieldStatus), relationship.StatusACTIVE.String())),
			relationship.FieldSortName, relationship.FieldCustomerID).As("list_page")
		s.Join(page).On(s.C(customer.FieldID), page.C(relationship.FieldCustomerID))
	}
}

// SearchPage is one page of a search sorted by company name, found from the searching partner's
// search terms alone: each term carries its customer's sort key, so the database finds, de-duplicates,
// sorts and counts the matches in the search-term index (checking tags by their links) and reads only
// the page's customers. Without it a search reads every matching customer to sort them: 5,600
// customer rows for "ab" in a partner with 200,000 customers.
type SearchPage struct {
	NamePage
	Words            []string   // the search's words (text.QueryWords)
	TagsAny, TagsAll []pulid.ID // the tag filters, already checked to be the partner's tags
}

// NewSearchPage returns the SearchPage of f when a search can be answered from the search terms: f
// searches and filters by nothing but tags (the other filters are columns of customers and
// relationships, so those searches stay a filter over customers).
func NewSearchPage(f ListFilter) (SearchPage, bool) {
	words := text.QueryWords(f.Search, MaxSearchWords)
	if len(words) == 0 || len(f.RelationshipTypes) > 0 || len(f.AssociatedPartnerIDs) > 0 ||
		len(f.VerificationStatuses) > 0 || len(f.Countries) > 0 {
		return SearchPage{}, false
	}
	// The longest word picks the fewest terms: it drives, the others are checked per match.
	words = slices.Clone(words)
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	return SearchPage{Words: words, TagsAny: f.TagsAny, TagsAll: dedupe(f.TagsAll)}, true
}

// Apply restricts a customer query of the viewer partner to the page (joined as a derived table that
// holds at most Limit customers). With totalAs set it also selects, under that name, the number of
// customers that match in all (on every page, not only the first).
func (p SearchPage) Apply(partnerID pulid.ID, totalAs string) func(*sql.Selector) {
	return func(s *sql.Selector) {
		d := sql.Dialect(s.Dialect())
		st, match := p.matches(d, partnerID, "st")
		page := p.page(d, st, match, searchterm.FieldSortName, searchterm.FieldCustomerID).As("search_page")
		// The total: where each match costs lookups (tags, further words) and the page holds every
		// match (the first page), the page's own pass counts them (a window over its groups);
		// otherwise a second pass counts them, which for one word alone is a range of the index.
		inPage := totalAs != "" && p.After == nil && (len(p.Words) > 1 || len(p.TagsAny) > 0 || len(p.TagsAll) > 0)
		if inPage {
			page.AppendSelectExprAs(sql.Expr("COUNT(*) OVER ()"), searchTotal)
		}
		s.Join(page).On(s.C(customer.FieldID), page.C(searchterm.FieldCustomerID))
		switch {
		case inPage:
			s.AppendSelectAs(page.C(searchTotal), totalAs)
		case totalAs != "":
			all, match := p.matches(d, partnerID, "st_all")
			s.AppendSelectExprAs(d.Select(sql.Count(sql.Distinct(all.C(searchterm.FieldCustomerID)))).From(all).Where(match), totalAs)
		}
	}
}

// searchTotal is the derived table's column with the number of matches.
const searchTotal = "search_total"

// matches is the condition on the search terms (as alias) of a customer the page holds: the partner's
// terms that start with the first word; another term for each further word; the tags.
func (p SearchPage) matches(d *sql.DialectBuilder, partnerID pulid.ID, alias string) (*sql.SelectTable, *sql.Predicate) {
	st := d.Table(searchterm.Table).As(alias)
	preds := []*sql.Predicate{sql.EQ(st.C(searchterm.FieldPartnerID), string(partnerID)), sql.HasPrefix(st.C(searchterm.FieldTerm), p.Words[0])}
	for i, w := range p.Words[1:] {
		o := d.Table(searchterm.Table).As(fmt.Sprintf("%s_%d", alias, i+1))
		preds = append(preds, sql.Exists(d.Select(o.C(searchterm.FieldID)).From(o).Where(sql.And(
			sql.ColumnsEQ(o.C(searchterm.FieldCustomerID), st.C(searchterm.FieldCustomerID)),
			sql.EQ(o.C(searchterm.FieldPartnerID), string(partnerID)),
			sql.HasPrefix(o.C(searchterm.FieldTerm), w)))))
	}
	tagged := func(name string, ids []pulid.ID) *sql.Predicate {
		ct := d.Table(customertag.Table).As(name)
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = string(id)
		}
		return sql.Exists(d.Select(ct.C(customertag.FieldTagID)).From(ct).Where(sql.And(
			sql.ColumnsEQ(ct.C(customertag.FieldCustomerID), st.C(searchterm.FieldCustomerID)),
			sql.In(ct.C(customertag.FieldTagID), args...))))
	}
	if len(p.TagsAny) > 0 {
		preds = append(preds, tagged(alias+"_any", p.TagsAny))
	}
	for i, id := range p.TagsAll {
		preds = append(preds, tagged(fmt.Sprintf("%s_all_%d", alias, i), []pulid.ID{id}))
	}
	return st, sql.And(preds...)
}
