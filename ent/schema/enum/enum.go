// Package enum holds the enumerations stored as lists (JSON columns) that GraphQL exposes as enums:
// a partner's capacities and a user's roles.
package enum

import (
	"fmt"
	"io"
	"slices"
	"strconv"
)

// Capacity is one of the ways a partner sells (domain.md §1).
type Capacity string

// The partner capacities.
const (
	DirectBill       Capacity = "DIRECT_BILL"
	IndirectProvider Capacity = "INDIRECT_PROVIDER"
	IndirectReseller Capacity = "INDIRECT_RESELLER"
)

// Capacities lists every capacity.
var Capacities = []Capacity{DirectBill, IndirectProvider, IndirectReseller}

// MarshalGQL implements graphql.Marshaler.
func (c Capacity) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(c))) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (c *Capacity) UnmarshalGQL(v any) error { return unmarshal(v, Capacities, c) }

// Role is a partner user's role (domain.md §1).
type Role string

// The roles.
const (
	GlobalAdmin         Role = "GLOBAL_ADMIN"
	UserManagementAdmin Role = "USER_MANAGEMENT_ADMIN"
	AdminAgent          Role = "ADMIN_AGENT"
	SalesAgent          Role = "SALES_AGENT"
	HelpdeskAgent       Role = "HELPDESK_AGENT"
	BillingAdmin        Role = "BILLING_ADMIN"
)

// Roles lists every role.
var Roles = []Role{GlobalAdmin, UserManagementAdmin, AdminAgent, SalesAgent, HelpdeskAgent, BillingAdmin}

// MarshalGQL implements graphql.Marshaler.
func (r Role) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(r))) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (r *Role) UnmarshalGQL(v any) error { return unmarshal(v, Roles, r) }

func unmarshal[T ~string](v any, valid []T, dst *T) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("enums must be strings")
	}
	if !slices.Contains(valid, T(s)) {
		return fmt.Errorf("%q is not a valid value", s)
	}
	*dst = T(s)
	return nil
}
