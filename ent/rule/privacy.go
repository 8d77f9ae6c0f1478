package rule

import (
	"context"
	"errors"
	"fmt"

	"partnerhub/ent/privacy"
	"partnerhub/ent/viewer"
)

// AllowSystem lets work that Partnerhub does itself (seeding, migrations, workers) through.
func AllowSystem() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.IsSystem(ctx) {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// ErrNoViewer is the privacy denial of anything tried without a signed-in viewer.
var ErrNoViewer = fmt.Errorf("%w: %w", privacy.Deny, errors.New("not signed in"))

// DenyWithoutViewer refuses everything that runs without a signed-in viewer.
func DenyWithoutViewer() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx) == nil {
			return ErrNoViewer
		}
		return privacy.Skip
	})
}

// Filter narrows a query or mutation to what the viewer may see; f receives the viewer and the
// generated filter of the schema.
func Filter(f func(v *viewer.Viewer, fl privacy.Filter) error) privacy.QueryMutationRule {
	return privacy.FilterFunc(func(ctx context.Context, fl privacy.Filter) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return ErrNoViewer
		}
		if err := f(v, fl); err != nil {
			return err
		}
		return privacy.Skip
	})
}
