package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"partnerhub/ent"
	"partnerhub/ent/privacy"
	"partnerhub/ent/rule"
	"partnerhub/ent/viewer"
)

// inField marks err as concerning the input object at path (such as "billingProfile"), so the fields
// its ent validation names are reported under it. renames maps ent field names to input names where
// they differ (primaryDomain is given as domainPrefix).
func inField(path string, err error, renames ...string) error {
	if err == nil {
		return nil
	}
	r := map[string]string{}
	for i := 0; i+1 < len(renames); i += 2 {
		r[renames[i]] = renames[i+1]
	}
	return &fieldScope{path: path, renames: r, err: err}
}

type fieldScope struct {
	path    string
	renames map[string]string
	err     error
}

func (e *fieldScope) Error() string { return e.err.Error() }
func (e *fieldScope) Unwrap() error { return e.err }

// userErrors turns an expected failure (a rule error, an ent validation or constraint error, a privacy
// denial, a missing record) into the payload's userErrors. Anything else is unexpected and returned as
// err, to become a top-level error.
func userErrors(err error) ([]*UserError, error) {
	if err == nil {
		return []*UserError{}, nil
	}
	scope := &fieldScope{}
	errors.As(err, &scope)
	path := func(field string) []string {
		if field == "" {
			return nil
		}
		if to, ok := scope.renames[field]; ok {
			field = to
		}
		p := []string{"input"}
		if scope.path != "" {
			p = append(p, strings.Split(scope.path, ".")...)
		}
		return append(p, strings.Split(field, ".")...)
	}
	var (
		fe *rule.FieldError
		ve *ent.ValidationError
		ce *ent.ConstraintError
		nf *ent.NotFoundError
	)
	switch {
	case errors.As(err, &ve):
		var inner *rule.FieldError
		code, msg := rule.CodeInvalid, ve.Unwrap().Error()
		if errors.As(ve, &inner) {
			code, msg = inner.Code, inner.Message
		}
		return []*UserError{{Field: path(camel(ve.Name)), Code: UserErrorCode(code), Message: msg}}, nil
	case len(rule.ProblemsOf(err)) > 0 && !(errors.As(err, &fe) && fe.Code == rule.CodeForbidden):
		var out []*UserError
		for _, fe := range rule.ProblemsOf(err) {
			out = append(out, &UserError{Field: path(strings.Join(fe.Field, ".")), Code: UserErrorCode(fe.Code), Message: fe.Message})
		}
		return out, nil
	case errors.As(err, &ce):
		return []*UserError{constraintError(ce, path)}, nil
	case errors.Is(err, privacy.Deny):
		// Role and capacity refusals are top-level FORBIDDEN errors: nothing in the input can fix them.
		return nil, err
	case errors.As(err, &nf):
		return []*UserError{{Field: path("id"), Code: UserErrorCodeNotFound, Message: "No such record, or it is not yours."}}, nil
	}
	return nil, err
}

// constraintError names the field behind a unique-key violation that a check before the write could
// not rule out (two people adding the same domain at once).
func constraintError(ce *ent.ConstraintError, path func(string) []string) *UserError {
	msg := ce.Error()
	switch {
	case strings.Contains(msg, "primary_domain"):
		return &UserError{Field: path("primaryDomain"), Code: UserErrorCodeTaken, Message: "This domain is already in use."}
	case strings.Contains(msg, "microsoft_id"):
		return &UserError{Code: UserErrorCodeConflict, Message: "Please try again."}
	case strings.Contains(msg, "name"):
		return &UserError{Field: path("name"), Code: UserErrorCodeTaken, Message: "This name is already in use."}
	}
	return &UserError{Code: UserErrorCodeConflict, Message: "This change conflicts with another one. Please try again."}
}

// camel turns an ent field name (address_line1) into its GraphQL input name (addressLine1); "_id"
// becomes "ID" as in the generated schema.
func camel(s string) string {
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

// Error codes of top-level errors (in extensions.code).
const (
	codeForbidden       = "FORBIDDEN"
	codeUnauthenticated = "UNAUTHENTICATED"
	codeBadRequest      = "BAD_USER_INPUT"
	codeInternal        = "INTERNAL"
	codeBusy            = "BUSY" // every slot taken for longer than the queue wait (limitInFlight)
)

// presentError gives top-level errors a stable extensions.code and never leaks internals:
//   - parsing and validation errors keep gqlgen's message for signed-in users; anonymous callers get
//     no hints about the schema;
//   - arguments that cannot be read (a malformed ID or cursor) are BAD_USER_INPUT;
//   - privacy denials are FORBIDDEN (UNAUTHENTICATED without a viewer), missing records NOT_FOUND;
//   - anything else is INTERNAL with a generic message, and logged.
func presentError(log func(ctx context.Context, err error)) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		set := func(code, msg string) *gqlerror.Error {
			gqlErr.Extensions = map[string]any{"code": code}
			gqlErr.Message = msg
			return gqlErr
		}
		var (
			gqlgenErr *gqlerror.Error
			fe        *rule.FieldError
			forbidden *rule.ForbiddenError
		)
		// gqlgen wraps resolver and argument errors in a *gqlerror.Error whose Err is the cause;
		// parsing and validation errors have none.
		if errors.As(err, &gqlgenErr) && gqlgenErr.Err == nil {
			if viewer.FromContext(ctx) == nil {
				gqlErr.Locations, gqlErr.Path = nil, nil
				return set(codeBadRequest, "The request is not valid.")
			}
			if code, ok := gqlErr.Extensions["code"].(string); ok {
				return set(code, gqlErr.Message)
			}
			return set(codeBadRequest, gqlErr.Message)
		}
		switch {
		case errors.Is(err, errUnauthenticated), errors.Is(err, rule.ErrNoViewer):
			return set(codeUnauthenticated, "Sign in first.")
		case errors.As(err, &forbidden):
			return set(codeForbidden, forbidden.Message)
		case errors.Is(err, privacy.Deny):
			return set(codeForbidden, "You are not allowed to do this.")
		case ent.IsNotFound(err):
			return set(string(UserErrorCodeNotFound), "No such record, or it is not yours.")
		case errors.As(err, &fe):
			return set(string(fe.Code), fe.Message)
		}
		if fc := graphql.GetFieldContext(ctx); fc != nil && fc.Args == nil && len(fc.Field.Arguments) > 0 {
			// The field's arguments could not be read.
			msg := err.Error()
			if cause := errors.Unwrap(err); cause != nil {
				msg = cause.Error()
			}
			return set(codeBadRequest, "Invalid input: "+msg)
		}
		log(ctx, err)
		return set(codeInternal, "Something went wrong on our side. Please try again.")
	}
}

// badInput is a top-level BAD_USER_INPUT error for arguments out of range.
func badInput(format string, args ...any) error {
	return &rule.FieldError{Code: codeBadRequest, Message: fmt.Sprintf(format, args...)}
}
