package rule

import (
	"time"

	"partnerhub/ent/activity"
	"partnerhub/ent/predicate"
	"partnerhub/ent/schema/clock"
	"partnerhub/ent/schema/pulid"
)

// DefaultActivityWindow is how far back the activity log looks when no start is given.
const DefaultActivityWindow = 30 * 24 * time.Hour

// ActivityFilter narrows the activity log (the screen and its CSV export alike).
type ActivityFilter struct {
	From, To      *time.Time // default: the last 30 days
	CustomerID    *pulid.ID
	ResourceTypes []activity.ResourceType
	Operations    []string
	Succeeded     *bool
}

// Predicates returns the filter's predicates; privacy adds the viewer's partner.
func (f ActivityFilter) Predicates() []predicate.Activity {
	to := clock.Now()
	if f.To != nil {
		to = *f.To
	}
	from := to.Add(-DefaultActivityWindow)
	if f.From != nil {
		from = *f.From
	}
	preds := []predicate.Activity{activity.OccurredAtGTE(from), activity.OccurredAtLT(to)}
	if f.CustomerID != nil {
		preds = append(preds, activity.CustomerID(*f.CustomerID))
	}
	if len(f.ResourceTypes) > 0 {
		preds = append(preds, activity.ResourceTypeIn(f.ResourceTypes...))
	}
	if len(f.Operations) > 0 {
		preds = append(preds, activity.OperationIn(f.Operations...))
	}
	if f.Succeeded != nil {
		preds = append(preds, activity.Succeeded(*f.Succeeded))
	}
	return preds
}
