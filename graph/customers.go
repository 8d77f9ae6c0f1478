package graph

import (
	"context"
	"fmt"
	"strconv"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/dialect/sql"
	"github.com/99designs/gqlgen/graphql"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/customer"
	"partnerhub/ent/customertag"
	"partnerhub/ent/predicate"
	"partnerhub/ent/relationship"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/tag"
	"partnerhub/ent/viewer"
)

// customerList pages through the viewer's customers. The query is the same few statements whatever the
// page size: the page with its billing profiles, relationships and tags eager-loaded by entgql, and a
// COUNT only when totalCount is asked for a filtered list.
func (r *queryResolver) customerList(ctx context.Context, after *ent.Cursor, first *int, before *ent.Cursor, last *int, orderBy []*ent.CustomerOrder, search *string, filter *CustomerListFilter) (*ent.CustomerConnection, error) {
	first, last, err := pageArgs(first, last, before)
	if err != nil {
		return nil, err
	}
	f := rule.ListFilter{}
	if search != nil {
		f.Search = *search
	}
	if filter != nil {
		f.TagsAny, f.TagsAll, f.RelationshipTypes = filter.TagsAny, filter.TagsAll, filter.RelationshipTypes
		f.AssociatedPartnerIDs, f.VerificationStatuses, f.Countries = filter.AssociatedPartnerIDs, filter.VerificationStatuses, filter.Countries
	}
	preds, err := rule.ListPredicates(ctx, r.client, f)
	if err != nil {
		return nil, err
	}
	total := knownTotal{skip: !selects(ctx, "totalCount"), n: -1}
	if v := viewer.FromContext(ctx); len(preds) == 0 && v != nil {
		total.n = v.CustomerCount
	}
	if len(preds) > 0 {
		ctx = rule.FilteredList(ctx)
	}
	if len(orderBy) == 0 {
		orderBy = []*ent.CustomerOrder{{Field: ent.CustomerOrderFieldSortName, Direction: entgql.OrderDirectionAsc}}
	}
	if page, ok := searchPage(f, orderBy, after, first, before, last); ok && selects(ctx, "edges") {
		return r.searchList(ctx, page, preds, total, after, first, before, last, orderBy)
	}
	if page, ok := listPage(orderBy, after, first, before, last); ok && len(preds) == 0 && total.n >= 0 {
		// The whole list: a range of the partner's list entries (rule.ListPage).
		v := viewer.FromContext(ctx)
		q := r.client.Customer.Query()
		q.Modify(page.ApplyListing(v.PartnerID))
		return q.Paginate(withKnownTotal(rule.PagedList(rule.FilteredList(ctx)), total), after, first, before, last, ent.WithCustomerOrder(orderBy))
	}
	q := r.client.Customer.Query().Where(preds...)
	// A filtered list's first page reads every match anyway (to sort them), so its total comes with it
	// from a window function instead of a second pass in a COUNT. Later pages' queries see only the rows
	// after the cursor, so they count separately.
	inPage := total.n < 0 && !total.skip && after == nil && before == nil && selects(ctx, "edges")
	if inPage {
		total.skip = true
		q.Modify(func(s *sql.Selector) { s.AppendSelectExprAs(sql.Expr("COUNT(*) OVER ()"), listTotalColumn) })
	}
	conn, err := q.Paginate(withKnownTotal(ctx, total), after, first, before, last, ent.WithCustomerOrder(orderBy))
	if err != nil || !inPage {
		return conn, err
	}
	return conn, totalFromPage(conn)
}

// totalFromPage sets conn's total from the listTotalColumn its rows carry (0 without rows).
func totalFromPage(conn *ent.CustomerConnection) error {
	conn.TotalCount = 0
	if len(conn.Edges) == 0 {
		return nil
	}
	v, err := conn.Edges[0].Node.Value(listTotalColumn)
	if err == nil {
		conn.TotalCount, err = intValue(v)
	}
	return err
}

// searchPage returns the rule.SearchPage of a search sorted by company name, when the search can be
// answered from the search terms (see rule.NewSearchPage).
func searchPage(f rule.ListFilter, orderBy []*ent.CustomerOrder, after *ent.Cursor, first *int, before *ent.Cursor, last *int) (rule.SearchPage, bool) {
	page, ok := rule.NewSearchPage(f)
	if !ok || len(orderBy) != 1 || orderBy[0].Field.String() != ent.CustomerOrderFieldSortName.String() {
		return page, false
	}
	page.ListPage, ok = listPage(orderBy, after, first, before, last)
	return page, ok
}

// orderKeys are the customer fields of the list's sorts.
var orderKeys = map[string]string{
	ent.CustomerOrderFieldSortName.String():      customer.FieldSortName,
	ent.CustomerOrderFieldCreatedAt.String():     customer.FieldCreatedAt,
	ent.CustomerOrderFieldCountry.String():       customer.FieldCountry,
	ent.CustomerOrderFieldPrimaryDomain.String(): customer.FieldPrimaryDomain,
}

// listPage returns the rule.ListPage of a list sorted by one key: the first rows after the cursor
// after, or (paging backwards) the last rows before the cursor before. The other cursor, when given
// too, only narrows the page further (entgql applies both).
func listPage(orderBy []*ent.CustomerOrder, after *ent.Cursor, first *int, before *ent.Cursor, last *int) (rule.ListPage, bool) {
	if len(orderBy) != 1 || (first == nil) == (last == nil) {
		return rule.ListPage{}, false
	}
	size, cursor, backward := first, after, false
	if last != nil {
		size, cursor, backward = last, before, true
	}
	if *size == 0 {
		return rule.ListPage{}, false
	}
	page, ok := rule.NewListPage(orderKeys[orderBy[0].Field.String()], orderBy[0].Direction == entgql.OrderDirectionDesc, backward, *size+1)
	if !ok || cursor != nil && page.CursorFrom(cursor.ID, cursor.Value) != nil {
		return page, false // not a cursor of this order: the general query says so
	}
	return page, true
}

// searchList is customerList for a rule.SearchPage: the page and its total in one statement. The
// page's customers still go through privacy and entgql's cursor, order and limit, so the result is
// the general query's whatever the derived table holds.
func (r *queryResolver) searchList(ctx context.Context, page rule.SearchPage, preds []predicate.Customer, total knownTotal, after *ent.Cursor, first *int, before *ent.Cursor, last *int, orderBy []*ent.CustomerOrder) (*ent.CustomerConnection, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, rule.ErrNoViewer
	}
	withTotal := !total.skip
	totalAs := ""
	if withTotal {
		totalAs = listTotalColumn
	}
	q := r.client.Customer.Query()
	q.Modify(page.Apply(v.PartnerID, totalAs))
	conn, err := q.Paginate(withKnownTotal(rule.PagedList(rule.FilteredList(ctx)), knownTotal{skip: true}), after, first, before, last, ent.WithCustomerOrder(orderBy))
	if err != nil || !withTotal {
		return conn, err
	}
	if len(conn.Edges) == 0 && (after != nil || before != nil) {
		// Beyond the last match: no row carries the total, so count (a rare request). A first page
		// without customers means nothing matches: 0.
		conn.TotalCount, err = r.client.Customer.Query().Where(preds...).Count(withKnownTotal(rule.FilteredList(ctx), knownTotal{n: -1}))
		return conn, err
	}
	return conn, totalFromPage(conn)
}

// listTotalColumn carries a filtered list's total on each row of its first page.
const listTotalColumn = "list_total"

// intValue reads an integer selected by an expression: int64 from SQLite and the binary protocol,
// text from MySQL's text protocol.
func intValue(v any) (int, error) {
	switch n := v.(type) {
	case int64:
		return int(n), nil
	case []byte:
		return strconv.Atoi(string(n))
	case string:
		return strconv.Atoi(n)
	}
	return 0, fmt.Errorf("unexpected %T for a count", v)
}

// changeTags runs a tag operation on customers and returns them as they are afterwards.
func (r *mutationResolver) changeTags(ctx context.Context, input TagsInput, op func(context.Context, *ent.Client, []pulid.ID, []pulid.ID) error) (*TagsPayload, error) {
	var one *pulid.ID // a failed attempt on one customer shows in that customer's activity
	if len(input.CustomerIDs) == 1 {
		one = &input.CustomerIDs[0]
	}
	err := r.change(ctx, activity.ResourceTypeCUSTOMER_TAGS, one, func(ctx context.Context, c *ent.Client) error {
		return op(ctx, c, input.CustomerIDs, input.TagIDs)
	})
	if errs, err := userErrors(err); errs == nil || len(errs) > 0 {
		return &TagsPayload{Customers: []*ent.Customer{}, UserErrors: errs}, err
	}
	customers, err := r.client.Customer.Query().Where(customer.IDIn(input.CustomerIDs...)).
		WithTags().WithBillingProfile().WithRelationships().
		Order(customer.BySortName(), customer.ByID()).All(ctx)
	if err != nil {
		return nil, err
	}
	return &TagsPayload{Customers: customers, UserErrors: []*UserError{}}, nil
}

func tagPayload(t *ent.Tag, err error) (*TagPayload, error) {
	if errs, err := userErrors(err); errs == nil || len(errs) > 0 {
		return &TagPayload{UserErrors: errs}, err
	}
	return &TagPayload{Tag: t.Unwrap(), UserErrors: []*UserError{}}, nil
}

const customerCountColumn = "customer_count"

// customerCountOf counts the customers carrying the tag whose ID is in column tagID that its partner
// (column partnerID) still has an ACTIVE relationship with.
func customerCountOf(tagID, partnerID string) *sql.Selector {
	ct, r := sql.Table(customertag.Table).As("ct"), sql.Table(relationship.Table).As("r")
	return sql.Select(sql.Count("*")).From(ct).Where(sql.And(
		sql.ColumnsEQ(ct.C(customertag.FieldTagID), tagID),
		sql.Exists(sql.Select(r.C(relationship.FieldID)).From(r).Where(sql.And(
			sql.ColumnsEQ(r.C(relationship.FieldCustomerID), ct.C(customertag.FieldCustomerID)),
			sql.ColumnsEQ(r.C(relationship.FieldPartnerID), partnerID),
			sql.EQ(r.C(relationship.FieldStatus), relationship.StatusACTIVE.String()),
		))),
	))
}

// withCustomerCount selects each tag's number of customers in the same statement as the tags.
func withCustomerCount(s *sql.Selector) {
	s.AppendSelectExprAs(customerCountOf(s.C(tag.FieldID), s.C(tag.FieldPartnerID)), customerCountColumn)
}

// tagCustomerCount reads the count selected by withCustomerCount, counting when the tag was loaded
// without it.
func tagCustomerCount(ctx context.Context, client *ent.Client, t *ent.Tag) (int, error) {
	if v, err := t.Value(customerCountColumn); err == nil {
		return intValue(v)
	}
	q := client.Tag.Query().Where(tag.ID(t.ID))
	q.Modify(withCustomerCount)
	tags, err := q.All(ctx)
	if err != nil || len(tags) == 0 {
		return 0, err
	}
	return tagCustomerCount(ctx, client, tags[0])
}

// domainAvailable checks a prefix's format and whether any customer (of any partner) uses it.
func (r *queryResolver) domainAvailable(ctx context.Context, prefix string) (*DomainAvailability, error) {
	domain := prefix + rule.DomainSuffix
	res := &DomainAvailability{Domain: domain}
	if !rule.DomainPrefixRe.MatchString(prefix) {
		res.Error = &UserError{Field: []string{"prefix"}, Code: UserErrorCodeInvalid,
			Message: "Use 1 to 27 lower-case letters and digits."}
		return res, nil
	}
	taken, err := r.client.Customer.Query().Where(customer.PrimaryDomain(domain)).Exist(viewer.SystemContext(ctx))
	if err != nil {
		return nil, err
	}
	res.Available = !taken
	if taken {
		res.Error = &UserError{Field: []string{"prefix"}, Code: UserErrorCodeTaken, Message: "This domain is already in use."}
	}
	return res, nil
}

// selects reports whether the current field's selection includes the named sub-field.
func selects(ctx context.Context, name string) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return true
	}
	for _, f := range graphql.CollectFields(graphql.GetOperationContext(ctx), fc.Field.Selections, nil) {
		if f.Name == name {
			return true
		}
	}
	return false
}

// pageArgs checks first/last (0 to MaxPageSize) and defaults the page size: DefaultPageSize forwards,
// or backwards when only before is given.
func pageArgs(first, last *int, before *ent.Cursor) (*int, *int, error) {
	for _, n := range []*int{first, last} {
		if n != nil && (*n < 0 || *n > MaxPageSize) {
			return nil, nil, badInput("first and last must be between 0 and %d.", MaxPageSize)
		}
	}
	if first == nil && last == nil {
		n := DefaultPageSize
		if before != nil {
			return nil, &n, nil
		}
		return &n, nil, nil
	}
	return first, last, nil
}
