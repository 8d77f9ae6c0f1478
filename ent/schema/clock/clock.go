// Package clock gives the time as Partnerhub stores it.
package clock

import "time"

// Now is the current time as stored: UTC, to the microsecond (what MySQL's datetime(6) keeps), so a
// value read back equals the one written and keyset cursors on times are exact.
func Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }
