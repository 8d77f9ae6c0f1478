// Package pulid implements prefixed ULIDs: globally unique, time-ordered IDs whose prefix names the type
// (cus_…, tag_…). They are the opaque global IDs of the GraphQL API and the primary keys in the database.
package pulid

import (
	"crypto/rand"
	"database/sql/driver"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"
)

// ID is a prefixed ULID such as "cus_01JD8Q4S9W0Y3N2B8M5K7H6G4F".
type ID string

var (
	mu      sync.Mutex
	entropy = ulid.Monotonic(rand.Reader, 0)
)

// MustNew returns a new ID for the given prefix (without the underscore).
func MustNew(prefix string) ID {
	return NewAt(prefix, time.Now())
}

// NewAt returns a new ID for the given prefix whose time part is t (used by the seeders to spread
// creation times).
func NewAt(prefix string, t time.Time) ID {
	mu.Lock()
	id := ulid.MustNew(ulid.Timestamp(t), entropy)
	mu.Unlock()
	return ID(prefix + "_" + id.String())
}

// Prefix returns the type prefix of the ID ("cus" for "cus_01…"), or "" when it has none.
func (u ID) Prefix() string {
	p, _, ok := strings.Cut(string(u), "_")
	if !ok {
		return ""
	}
	return p
}

// UnmarshalGQL implements the graphql.Unmarshaler interface.
func (u *ID) UnmarshalGQL(v any) error {
	switch v := v.(type) {
	case string:
		*u = ID(v)
	case ID: // entgql's generated noder passes IDs through here
		*u = v
	default:
		return fmt.Errorf("an ID must be a string")
	}
	return nil
}

// MarshalGQL implements the graphql.Marshaler interface.
func (u ID) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, strconv.Quote(string(u)))
}

// Scan implements the sql.Scanner interface.
func (u *ID) Scan(src any) error {
	switch src := src.(type) {
	case string:
		*u = ID(src)
	case []byte:
		*u = ID(src)
	case nil:
		return fmt.Errorf("pulid: expected a value")
	default:
		return fmt.Errorf("pulid: unexpected type %T", src)
	}
	return nil
}

// Value implements the driver.Valuer interface.
func (u ID) Value() (driver.Value, error) {
	return string(u), nil
}
