package rule

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/customer"
	"partnerhub/ent/privacy"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/viewer"
)

// The activity log (domain.md §9) holds one record per change a user makes. A change is recorded where
// it happens: the Audited hook notes every audited entity's changed values. When the change runs inside
// an Activity (the API's mutations do), the notes are gathered and written as one record in the same
// transaction; otherwise each change writes its own record, so no path goes unrecorded.

// Change is one noted change of one record.
type Change struct {
	Type       string // ent type, such as "BillingProfile"
	ID         string
	CustomerID pulid.ID // the customer it concerns, if any
	Before     map[string]any
	After      map[string]any
}

// Activity gathers the changes of one operation.
type Activity struct {
	Operation    string
	ResourceType activity.ResourceType
	mu           sync.Mutex
	changes      []Change
}

type activityKey struct{}

// StartActivity returns a context in which changes are gathered into one record of the operation.
func StartActivity(ctx context.Context, operation string, resource activity.ResourceType) (context.Context, *Activity) {
	a := &Activity{Operation: operation, ResourceType: resource}
	return context.WithValue(ctx, activityKey{}, a), a
}

// Note records a change: into the context's Activity, or as a record of its own when there is none.
func Note(ctx context.Context, client *ent.Client, c Change) error {
	if len(c.Before) == 0 && len(c.After) == 0 {
		return nil
	}
	if a, ok := ctx.Value(activityKey{}).(*Activity); ok {
		a.mu.Lock()
		a.changes = append(a.changes, c)
		a.mu.Unlock()
		return nil
	}
	if viewer.FromContext(ctx) == nil || viewer.IsSystem(ctx) {
		return nil // the system's own work (seeding, workers) is not a user's activity
	}
	typ, ok := resourceTypes[c.Type]
	if !ok {
		return nil
	}
	a := &Activity{Operation: "update" + c.Type, ResourceType: typ, changes: []Change{c}}
	return a.Write(ctx, client)
}

var resourceTypes = map[string]activity.ResourceType{
	"Customer": activity.ResourceTypeCUSTOMER, "BillingProfile": activity.ResourceTypeBILLING_PROFILE,
	"Relationship": activity.ResourceTypeRELATIONSHIP, "Tag": activity.ResourceTypeTAG,
	"CustomerTag": activity.ResourceTypeCUSTOMER_TAGS, "User": activity.ResourceTypeUSER,
	"Invitation": activity.ResourceTypeINVITATION, "Agreement": activity.ResourceTypeAGREEMENT,
	"Order": activity.ResourceTypeORDER, "Subscription": activity.ResourceTypeSUBSCRIPTION,
}

// Write stores the gathered changes as one successful record, through client (the operation's
// transaction). An operation that changed nothing leaves no record.
func (a *Activity) Write(ctx context.Context, client *ent.Client) error {
	v := viewer.FromContext(ctx)
	a.mu.Lock()
	changes := a.changes
	a.mu.Unlock()
	if v == nil || len(changes) == 0 {
		return nil
	}
	before, after := map[string]any{}, map[string]any{}
	var customerID *pulid.ID
	resourceID := ""
	customers := map[pulid.ID]bool{}
	for _, c := range changes {
		prefix := lowerFirst(c.Type) + "."
		if c.Type == "CustomerTag" {
			prefix += c.ID + "." // one entry per customer tagged
		}
		for k, val := range c.Before {
			before[prefix+k] = val
		}
		for k, val := range c.After {
			after[prefix+k] = val
		}
		if c.CustomerID != "" {
			customers[c.CustomerID] = true
			if customerID == nil {
				id := c.CustomerID
				customerID = &id
			}
		}
		if resourceID == "" && resourceTypes[c.Type] == a.ResourceType {
			resourceID = c.ID
		}
	}
	if len(customers) > 1 {
		customerID = nil // an operation on several customers (tagging a selection)
		ids := make([]string, 0, len(customers))
		for id := range customers {
			ids = append(ids, string(id))
		}
		after["customerIDs"] = ids
	}
	if resourceID == "" {
		resourceID = changes[0].ID
	}
	return client.Activity.Create().SetPartnerID(v.PartnerID).SetUserID(v.UserID).
		SetNillableCustomerID(customerID).SetResourceType(a.ResourceType).SetResourceID(resourceID).
		SetOperation(a.Operation).SetBefore(before).SetAfter(after).SetSucceeded(true).
		Exec(viewer.SystemContext(ctx))
}

// RecordFailure stores a failed attempt of an operation: refused (validation, conflict, permission) or
// failed. Call it after the operation's transaction is rolled back, with the root client.
func RecordFailure(ctx context.Context, client *ent.Client, operation string, resource activity.ResourceType, customerID *pulid.ID, cause error) error {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil
	}
	code, msg := "INTERNAL", "The change failed."
	var (
		fe *FieldError
		fb *ForbiddenError
	)
	switch ps := ProblemsOf(cause); {
	case len(ps) > 0:
		fe = ps[0]
		code, msg = string(fe.Code), fe.Message
		for _, more := range ps[1:] {
			msg += " " + more.Message
		}
	case errors.As(cause, &fb):
		code, msg = "FORBIDDEN", fb.Message
	case errors.Is(cause, privacy.Deny):
		code, msg = "FORBIDDEN", "Not allowed."
	case ent.IsNotFound(cause):
		code, msg = "NOT_FOUND", "No such record."
	case ent.IsValidationError(cause) || ent.IsConstraintError(cause):
		code, msg = "INVALID", cause.Error()
	}
	if len(msg) > 1000 {
		msg = msg[:1000]
	}
	if customerID != nil {
		// Only name a customer the viewer sees; a probe of another partner's ID must not be linked.
		if ok, err := client.Customer.Query().Where(customer.ID(*customerID)).Exist(Consequence(ctx)); err != nil || !ok {
			customerID = nil
		}
	}
	return client.Activity.Create().SetPartnerID(v.PartnerID).SetUserID(v.UserID).
		SetNillableCustomerID(customerID).SetResourceType(resource).SetOperation(operation).
		SetSucceeded(false).SetErrorCode(code).SetErrorMessage(msg).
		Exec(viewer.SystemContext(context.WithoutCancel(ctx)))
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// unaudited fields never appear in the log: bookkeeping and secrets.
var unaudited = map[string]bool{
	"version": true, "updated_at": true, "created_at": true, "sort_name": true, "password_hash": true,
	"secret_hash": true, "failed_sign_ins": true, "locked_until": true, "last_sign_in_at": true,
	"customer_count": true, "verification_changed_at": true,
}

// customerOf names the customer a mutation concerns.
type customerOf func(ctx context.Context, m ent.Mutation, v ent.Value) pulid.ID

// Audited notes every change of an audited entity with its changed values before and after. It must
// run outside (before) the schema's other hooks so that it sees the final values.
func Audited(customer customerOf) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if !m.Op().Is(ent.OpCreate | ent.OpUpdateOne | ent.OpDeleteOne) {
				return next.Mutate(ctx, m)
			}
			before := map[string]any{}
			if m.Op().Is(ent.OpDeleteOne) {
				// What is deleted is named by its values, read before they are gone.
				if idm, ok := m.(interface{ ID() (pulid.ID, bool) }); ok {
					if id, ok := idm.ID(); ok {
						vals, err := deletedValues(ctx, m, id)
						if err != nil {
							return nil, err
						}
						before = vals
					}
				}
			}
			if m.Op().Is(ent.OpUpdateOne) {
				for _, f := range append(m.Fields(), m.ClearedFields()...) {
					if unaudited[f] {
						continue
					}
					old, err := m.OldField(ctx, f)
					if err != nil {
						return nil, err
					}
					before[camelField(f)] = old
				}
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			after := map[string]any{}
			for _, f := range m.Fields() {
				if unaudited[f] {
					continue
				}
				val, _ := m.Field(f)
				if m.Op().Is(ent.OpUpdateOne) && fmt.Sprint(before[camelField(f)]) == fmt.Sprint(val) {
					delete(before, camelField(f)) // set to what it was: no change
					continue
				}
				after[camelField(f)] = val
			}
			for _, f := range m.ClearedFields() {
				if old, ok := before[camelField(f)]; !ok || isEmpty(old) {
					delete(before, camelField(f)) // cleared what was empty: no change
					continue
				}
				after[camelField(f)] = nil
			}
			id := ""
			if idm, ok := m.(interface{ ID() (pulid.ID, bool) }); ok {
				if got, ok := idm.ID(); ok {
					id = string(got)
				}
			}
			if m.Op().Is(ent.OpDeleteOne) {
				before["id"], after = id, nil
			}
			c := Change{Type: m.Type(), ID: id, Before: before, After: after}
			if customer != nil {
				c.CustomerID = customer(ctx, m, v)
			}
			client := m.(interface{ Client() *ent.Client }).Client()
			return v, Note(ctx, client, c)
		})
	}
}

// camelField turns an ent field name into its API name (address_line1 → addressLine1).
func camelField(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] == "id" {
			parts[i] = "ID"
		} else if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// The customers that audited entities concern.
var (
	CustomerItself customerOf = func(_ context.Context, m ent.Mutation, _ ent.Value) pulid.ID {
		id, _ := m.(*ent.CustomerMutation).ID()
		return id
	}
	CustomerOfBillingProfile customerOf = func(_ context.Context, _ ent.Mutation, v ent.Value) pulid.ID {
		if bp, ok := v.(*ent.BillingProfile); ok {
			return bp.CustomerID
		}
		return ""
	}
	CustomerOfAgreement customerOf = func(_ context.Context, _ ent.Mutation, v ent.Value) pulid.ID {
		if a, ok := v.(*ent.Agreement); ok {
			return a.CustomerID
		}
		return ""
	}
	CustomerOfOrder customerOf = func(_ context.Context, _ ent.Mutation, v ent.Value) pulid.ID {
		if o, ok := v.(*ent.Order); ok {
			return o.CustomerID
		}
		return ""
	}
	CustomerOfSubscription customerOf = func(_ context.Context, _ ent.Mutation, v ent.Value) pulid.ID {
		if s, ok := v.(*ent.Subscription); ok {
			return s.CustomerID
		}
		return ""
	}
	CustomerOfRelationship customerOf = func(_ context.Context, _ ent.Mutation, v ent.Value) pulid.ID {
		if r, ok := v.(*ent.Relationship); ok {
			return r.CustomerID
		}
		return ""
	}
)

func isEmpty(v any) bool {
	if v == nil {
		return true
	}
	switch v := v.(type) {
	case string:
		return v == ""
	case []string:
		return len(v) == 0
	case *time.Time:
		return v == nil
	}
	return false
}

// deletedValues reads the audited values of a record about to be deleted (the types that can be).
func deletedValues(ctx context.Context, m ent.Mutation, id pulid.ID) (map[string]any, error) {
	switch m := m.(type) {
	case *ent.TagMutation:
		t, err := m.Client().Tag.Get(Consequence(ctx), id)
		if err != nil {
			return nil, err
		}
		return map[string]any{"name": t.Name, "color": t.Color}, nil
	}
	return map[string]any{}, nil
}
