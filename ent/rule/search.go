package rule

import (
	"fmt"
	"slices"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"partnerhub/ent/customer"
	"partnerhub/ent/customertag"
	"partnerhub/ent/listentry"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/searchprefix"
	"partnerhub/ent/searchterm"
	"partnerhub/ent/tagprefix"
	"partnerhub/ent/text"
)

// ListPage is where a page of the list starts (or, paging backwards, ends), in which order, and how
// long it is.
type ListPage struct {
	Key      string // the customer field the list is sorted by: customer.FieldSortName (searches: only this), FieldCreatedAt, FieldCountry or FieldPrimaryDomain
	Desc     bool   // Z to A, newest first (ties by ID, ascending, as the cursors order them)
	Backward bool   // the last rows before Cursor (or of the whole list), read in reverse
	Cursor   *ListCursor
	Limit    int // rows to read: the page size plus one, to know whether another page follows
}

// ListCursor is where a ListPage starts (after this customer) or, Backward, ends (before it).
type ListCursor struct {
	Value any // the customer's sort key: a string, or a time for FieldCreatedAt
	ID    pulid.ID
}

// listEntryKeys are the ListEntry columns holding the customer's sort keys.
var listEntryKeys = map[string]string{
	customer.FieldSortName:      listentry.FieldSortName,
	customer.FieldCreatedAt:     listentry.FieldCustomerCreatedAt,
	customer.FieldCountry:       listentry.FieldCountry,
	customer.FieldPrimaryDomain: listentry.FieldPrimaryDomain,
}

// ListEntryIndex is the name of the ListEntry index for the list sorted by column key of list_entries,
// ascending or (desc) descending; each serves its order read either way.
func ListEntryIndex(key string, desc bool) string {
	if desc {
		return "listentry_partner_id_" + key + "_desc_customer_id"
	}
	return "listentry_partner_id_" + key + "_customer_id"
}

// SearchPrefixIndex is the name of the SearchPrefix index for searches by name A to Z or (desc) Z to A.
func SearchPrefixIndex(desc bool) string {
	if desc {
		return "searchprefix_partner_id_prefix_sort_name_desc_customer_id"
	}
	return "searchprefix_partner_id_prefix_sort_name_customer_id"
}

// TagPrefixIndex is the name of the TagPrefix index for searches by name A to Z or (desc) Z to A.
func TagPrefixIndex(desc bool) string {
	if desc {
		return "tagprefix_partner_id_tag_id_prefix_sort_name_desc_customer_id"
	}
	return "tagprefix_partner_id_tag_id_prefix_sort_name_customer_id"
}

// NewListPage returns the page of the list sorted by the customer field key, if ListEntry holds it.
func NewListPage(key string, desc, backward bool, limit int) (ListPage, bool) {
	_, ok := listEntryKeys[key]
	return ListPage{Key: key, Desc: desc, Backward: backward, Limit: limit}, ok
}

// CursorFrom reads a list cursor of the page's order (the key, or a list holding it, and the customer
// ID).
func (p *ListPage) CursorFrom(id pulid.ID, value any) error {
	if vs, ok := value.([]any); ok && len(vs) == 1 {
		value = vs[0]
	}
	ok := false
	switch value.(type) {
	case string:
		ok = p.Key != customer.FieldCreatedAt
	case time.Time:
		ok = p.Key == customer.FieldCreatedAt
	}
	if !ok {
		return fmt.Errorf("list page by %s: cursor value %T", p.Key, value)
	}
	p.Cursor = &ListCursor{Value: value, ID: id}
	return nil
}

// page is the derived table of the page's customer IDs from table t (search terms or list entries,
// both carrying the sort key and the customer ID) where match holds, in the page's order (reversed
// when Backward: the same index walked the other way), beyond its cursor. With group, a customer
// matching several rows is one row.
func (p ListPage) page(d *sql.DialectBuilder, t *sql.SelectTable, match *sql.Predicate, key, customerID string, group bool) *sql.Selector {
	keyUp := p.Desc == p.Backward // the key ascends in the order read
	where := match
	if c := p.Cursor; c != nil {
		beyondKey, beyondID := sql.GT(t.C(key), c.Value), sql.GT(t.C(customerID), string(c.ID))
		if !keyUp {
			beyondKey = sql.LT(t.C(key), c.Value)
		}
		if p.Backward {
			beyondID = sql.LT(t.C(customerID), string(c.ID))
		}
		where = sql.And(match, sql.Or(beyondKey, sql.And(sql.EQ(t.C(key), c.Value), beyondID)))
	}
	byKey, byID := sql.Asc(t.C(key)), sql.Asc(t.C(customerID))
	if !keyUp {
		byKey = sql.Desc(t.C(key))
	}
	if p.Backward {
		byID = sql.Desc(t.C(customerID))
	}
	s := d.Select(t.C(customerID)).From(t).Where(where).OrderBy(byKey, byID).Limit(p.Limit)
	if group {
		s.GroupBy(t.C(key), t.C(customerID))
	}
	return s
}

// ApplyListing restricts a customer query of the viewer partner to the page of its whole list: a
// range of the partner's list entries in the order of their copy of the sort key (an index for each
// key and direction), joined as a derived table, so the page costs the same whatever the partner's
// share of all customers and wherever its customers fall in the order of all customers.
//
// On MySQL the derived table names its index (FORCE INDEX, which MariaDB accepts too): without it the
// optimizer estimates the partner's range in each of the table's nine indexes before it picks the one
// that serves the order, which took about 1 ms of a statement that then runs in 0.2 ms.
func (p ListPage) ApplyListing(partnerID pulid.ID) func(*sql.Selector) {
	return func(s *sql.Selector) {
		d := sql.Dialect(s.Dialect())
		key := listEntryKeys[p.Key]
		le := d.Table(listentry.Table).As("listed")
		page := p.page(d, le, sql.EQ(le.C(listentry.FieldPartnerID), string(partnerID)), key, listentry.FieldCustomerID, false)
		if s.Dialect() == dialect.MySQL {
			page.From(hinted(d, listentry.Table, "listed", ListEntryIndex(key, p.Desc)))
		}
		page.As("list_page")
		byPrimaryKey(s)
		s.Join(page).On(s.C(customer.FieldID), page.C(listentry.FieldCustomerID))
	}
}

// byPrimaryKey has s, a customer query joined to a page-sized derived table, read customers by primary
// key alone (on MySQL). Pagination repeats the cursor's condition on the customers' own sort columns;
// left to choose, the optimizer estimated that range in the customers' sort indexes (most of a million
// rows past the cursor) before settling on the join by primary key it always picks: 127 of the 216
// page reads of a page 20 deep.
func byPrimaryKey(s *sql.Selector) {
	if s.Dialect() != dialect.MySQL {
		return
	}
	b := sql.Dialect(s.Dialect()).Table(customer.Table)
	s.From(sql.Table(b.Quote(customer.Table) + " FORCE INDEX (PRIMARY)").Unquote().As(customer.Table))
}

// hinted is table as alias with MySQL's FORCE INDEX for index, for a FROM clause (the builder has no
// index hints; a table of the same name and alias still names the columns).
func hinted(d *sql.DialectBuilder, table, alias, index string) *sql.SelectTable {
	b := d.Table(table)
	return sql.Table(fmt.Sprintf("%s AS %s FORCE INDEX (%s)", b.Quote(table), b.Quote(alias), b.Quote(index))).Unquote()
}

// SearchPage is one page of a search sorted by company name, found from the searching partner's
// search terms alone: each term carries its customer's sort key, so the database finds, de-duplicates,
// sorts and counts the matches in the search-term index (checking tags by their links) and reads only
// the page's customers. Without it a search reads every matching customer to sort them: 5,600
// customer rows for "ab" in a partner with 200,000 customers.
type SearchPage struct {
	ListPage                    // by customer.FieldSortName
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
	return SearchPage{Words: words, TagsAny: dedupe(f.TagsAny), TagsAll: dedupe(f.TagsAll)}, true
}

// Apply restricts a customer query of the viewer partner to the page (joined as a derived table that
// holds at most Limit customers). With totalAs set it also selects, under that name, the number of
// customers that match in all (on every page, not only the first).
func (p SearchPage) Apply(partnerID pulid.ID, totalAs string) func(*sql.Selector) {
	return func(s *sql.Selector) {
		d := sql.Dialect(s.Dialect())
		st, match := p.matches(d, partnerID, "st")
		byPrefix := text.IsPrefixWord(p.Words[0])
		page := p.page(d, st, match, searchterm.FieldSortName, searchterm.FieldCustomerID, !byPrefix)
		if table, index := p.source(); index != "" && s.Dialect() == dialect.MySQL {
			page.From(hinted(d, table, "st", index))
		}
		page.As("search_page")
		byPrimaryKey(s)
		// The total: where each match costs lookups (tags, further words) and the page holds every
		// match (the first page of terms, grouped and sorted anyway), the page's own pass counts them
		// (a window over its groups); otherwise a second pass counts them, which for one word alone is
		// a range of the index. A page of prefixes reads only its rows, so it never counts.
		inPage := totalAs != "" && !byPrefix && p.Cursor == nil && (len(p.Words) > 1 || len(p.TagsAny) > 0 || len(p.TagsAll) > 0)
		if inPage {
			page.AppendSelectExprAs(sql.Expr("COUNT(*) OVER ()"), searchTotal)
		}
		s.Join(page).On(s.C(customer.FieldID), page.C(searchterm.FieldCustomerID))
		switch {
		case inPage:
			s.AppendSelectAs(page.C(searchTotal), totalAs)
		case totalAs != "":
			all, match := p.matches(d, partnerID, "st_all")
			count := sql.Count(sql.Distinct(all.C(searchterm.FieldCustomerID)))
			if byPrefix {
				count = sql.Count("*") // one prefix row per customer
			}
			s.AppendSelectExprAs(d.Select(count).From(all).Where(match), totalAs)
		}
	}
}

// searchTotal is the derived table's column with the number of matches.
const searchTotal = "search_total"

// source is the table whose rows drive the search, and (for a prefix table) its index in the page's
// direction: the search terms; for a first word of text.PrefixLen characters or fewer the search
// prefixes, or the tag prefixes of the tag every match must carry.
func (p SearchPage) source() (table, index string) {
	switch _, tagged := p.drivingTag(); {
	case !text.IsPrefixWord(p.Words[0]):
		return searchterm.Table, ""
	case tagged:
		return tagprefix.Table, TagPrefixIndex(p.Desc)
	default:
		return searchprefix.Table, SearchPrefixIndex(p.Desc)
	}
}

// drivingTag is the tag that every match carries, when there is one: the first of "all of", or the
// only one of "any of".
func (p SearchPage) drivingTag() (pulid.ID, bool) {
	switch {
	case len(p.TagsAll) > 0:
		return p.TagsAll[0], true
	case len(p.TagsAny) == 1:
		return p.TagsAny[0], true
	}
	return "", false
}

// matches is the condition on the search terms (as alias) of a customer the page holds: the partner's
// terms that start with the first word (or, for a word of text.PrefixLen characters or fewer, its
// search prefix, or its tag prefix of the driving tag: the same customers, one row each); another term
// for each further word; the tags.
func (p SearchPage) matches(d *sql.DialectBuilder, partnerID pulid.ID, alias string) (*sql.SelectTable, *sql.Predicate) {
	table, _ := p.source()
	st := d.Table(table).As(alias)
	first := sql.HasPrefix(st.C(searchterm.FieldTerm), p.Words[0])
	tagsAny, tagsAll := p.TagsAny, p.TagsAll
	switch table {
	case searchprefix.Table:
		first = sql.EQ(st.C(searchprefix.FieldPrefix), p.Words[0])
	case tagprefix.Table:
		id, _ := p.drivingTag()
		first = sql.And(sql.EQ(st.C(tagprefix.FieldTagID), string(id)), sql.EQ(st.C(tagprefix.FieldPrefix), p.Words[0]))
		if len(tagsAll) > 0 {
			tagsAll = tagsAll[1:]
		} else {
			tagsAny = nil
		}
	}
	preds := []*sql.Predicate{sql.EQ(st.C(searchterm.FieldPartnerID), string(partnerID)), first}
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
	if len(tagsAny) > 0 {
		preds = append(preds, tagged(alias+"_any", tagsAny))
	}
	for i, id := range tagsAll {
		preds = append(preds, tagged(fmt.Sprintf("%s_all_%d", alias, i), []pulid.ID{id}))
	}
	return st, sql.And(preds...)
}
