// Package rule holds Partnerhub's business rules that every write path obeys: typed field errors,
// privacy rules, and the hooks and operations that keep derived data (search terms, counters, versions)
// right. The ent schema wires them in; resolvers only translate their errors.
package rule

import (
	"errors"
	"fmt"
	"strings"
)

// Code is a stable, machine-readable reason for a refused change.
type Code string

// The error codes. Clients branch on these; the messages are for people.
const (
	CodeInvalid       Code = "INVALID"
	CodeRequired      Code = "REQUIRED"
	CodeTooShort      Code = "TOO_SHORT"
	CodeTooLong       Code = "TOO_LONG"
	CodeTaken         Code = "TAKEN"
	CodeNotFound      Code = "NOT_FOUND"
	CodeConflict      Code = "CONFLICT"
	CodeLimitExceeded Code = "LIMIT_EXCEEDED"
	CodeForbidden     Code = "FORBIDDEN"
)

// FieldError is one refused value: which field, why, and a sentence for people. Field is a path of
// GraphQL input field names, e.g. ["billingProfile", "email"]; empty when the whole input is refused.
type FieldError struct {
	Field   []string
	Code    Code
	Message string
}

func (e *FieldError) Error() string {
	if len(e.Field) == 0 {
		return e.Message
	}
	return strings.Join(e.Field, ".") + ": " + e.Message
}

// Errorf returns a FieldError for field (a dotted path such as "billingProfile.email", or "").
func Errorf(field string, code Code, format string, args ...any) *FieldError {
	var path []string
	if field != "" {
		path = strings.Split(field, ".")
	}
	return &FieldError{Field: path, Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrConflict reports a save based on a version that is no longer the current one.
var ErrConflict = &FieldError{Field: []string{"version"}, Code: CodeConflict,
	Message: "This record was changed by someone else after you opened it. Reload it and make your change again."}

// CodeOf returns the code of a rule error found in err's chain, or "" when there is none.
func CodeOf(err error) Code {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Code
	}
	return ""
}
