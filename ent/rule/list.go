package rule

import (
	"context"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/customertag"
	"partnerhub/ent/predicate"
	"partnerhub/ent/relationship"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/searchterm"
	"partnerhub/ent/tag"
	"partnerhub/ent/text"
	"partnerhub/ent/viewer"
)

// MaxSearchWords caps the words of one search; further words are ignored.
const MaxSearchWords = 8

// ListFilter narrows the customer list (domain.md §4). Empty fields do not filter.
type ListFilter struct {
	Search               string
	TagsAny, TagsAll     []pulid.ID
	RelationshipTypes    []relationship.Type
	AssociatedPartnerIDs []pulid.ID
	VerificationStatuses []customer.VerificationStatus
	Countries            []string
}

// ListPredicates returns the predicates of f for the viewer's customer list (privacy adds the viewer's
// own scope). Edge predicates are plain SQL that privacy does not see, so each one that looks at
// relationships or tags is scoped to the viewer's partner here; tag IDs are checked through privacy, so
// another partner's tag is NOT_FOUND rather than a probe. An empty result means "no filter".
func ListPredicates(ctx context.Context, client *ent.Client, f ListFilter) ([]predicate.Customer, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, ErrNoViewer
	}
	var preds []predicate.Customer
	for _, w := range text.QueryWords(f.Search, MaxSearchWords) {
		preds = append(preds, customer.HasSearchTermsWith(searchterm.PartnerID(v.PartnerID), searchterm.TermHasPrefix(w)))
	}
	if ids := dedupe(append(append([]pulid.ID{}, f.TagsAny...), f.TagsAll...)); len(ids) > 0 {
		n, err := client.Tag.Query().Where(tag.IDIn(ids...)).Count(ctx)
		if err != nil {
			return nil, err
		}
		if n != len(ids) {
			return nil, Errorf("filter.tags", CodeNotFound, "One or more of these tags do not exist.")
		}
	}
	if len(f.TagsAny) > 0 {
		preds = append(preds, customer.HasCustomerTagsWith(customertag.TagIDIn(f.TagsAny...)))
	}
	for _, id := range dedupe(f.TagsAll) {
		preds = append(preds, customer.HasCustomerTagsWith(customertag.TagID(id)))
	}
	own := []predicate.Relationship{relationship.PartnerID(v.PartnerID), relationship.StatusEQ(relationship.StatusACTIVE)}
	if len(f.RelationshipTypes) > 0 {
		preds = append(preds, customer.HasRelationshipsWith(append(own, relationship.TypeIn(f.RelationshipTypes...))...))
	}
	if len(f.AssociatedPartnerIDs) > 0 {
		preds = append(preds, customer.HasRelationshipsWith(append(own, relationship.AssociatedPartnerIDIn(f.AssociatedPartnerIDs...))...))
	}
	if len(f.VerificationStatuses) > 0 {
		preds = append(preds, customer.VerificationStatusIn(f.VerificationStatuses...))
	}
	if len(f.Countries) > 0 {
		preds = append(preds, customer.CountryIn(f.Countries...))
	}
	return preds, nil
}

type filteredKey struct{}

// FilteredList marks a list query narrowed by search or filters. Such a query is best driven from its
// filters, so the Customer privacy rule keeps the semi-join form of visibility even for large
// partners.
func FilteredList(ctx context.Context) context.Context {
	return context.WithValue(ctx, filteredKey{}, true)
}

// IsFilteredList reports whether ctx was marked by FilteredList.
func IsFilteredList(ctx context.Context) bool { return ctx.Value(filteredKey{}) != nil }

type pagedKey struct{}

// PagedList marks a list query whose customers come from a page-sized derived table (ListPage,
// SearchPage): the Customer privacy rule checks each of its few rows by one index lookup
// (RowwiseVisible), which beats any semi-join whatever the partner's size.
func PagedList(ctx context.Context) context.Context {
	return context.WithValue(ctx, pagedKey{}, true)
}

// IsPagedList reports whether ctx was marked by PagedList.
func IsPagedList(ctx context.Context) bool { return ctx.Value(pagedKey{}) != nil }
