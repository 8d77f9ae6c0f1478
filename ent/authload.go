package ent

// Not generated: who a request runs as is read on every request, so it is read in one statement. The
// functions here join a session (when there is one), its user and the user's partner, and fill the
// same entities, edges included, as Session.Query().WithUser(...WithPartner()) would, with one round
// trip instead of two or three. They read below interceptors and privacy, as the system context that
// authentication runs in would allow anyway; only the authentication path (ent/rule, graph) uses them.

import (
	"context"
	"fmt"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"partnerhub/ent/partner"
	"partnerhub/ent/predicate"
	"partnerhub/ent/session"
	"partnerhub/ent/user"
)

// ForAuth returns the one session that matches ps, with its user and the user's partner, read in one
// statement. A NotFoundError when none matches.
func (c *SessionClient) ForAuth(ctx context.Context, ps ...predicate.Session) (*Session, error) {
	st, ut, pt := sql.Table(session.Table), sql.Table(user.Table), sql.Table(partner.Table)
	s := sql.Dialect(c.driver.Dialect()).Select().From(st)
	s.Join(ut).On(st.C(session.UserColumn), ut.C(user.FieldID))
	s.Join(pt).On(ut.C(user.PartnerColumn), pt.C(partner.FieldID))
	s.Select(append(append(qualified(st, session.Columns), qualified(ut, user.Columns)...), qualified(pt, partner.Columns)...)...)
	for _, p := range ps {
		p(s)
	}
	var out *Session
	err := scanOne(ctx, c.driver, s, session.Label, func(scan func(...any) error) error {
		se, u, p := &Session{config: c.config}, &User{config: c.config}, &Partner{config: c.config}
		if err := scanJoined(scan, entityCols{se, session.Columns}, entityCols{u, user.Columns}, entityCols{p, partner.Columns}); err != nil {
			return err
		}
		u.Edges.Partner, u.Edges.loadedTypes[0] = p, true
		se.Edges.User, se.Edges.loadedTypes[0] = u, true
		out = se
		return nil
	})
	return out, err
}

// ForAuth returns the one user that matches ps, with its partner, read in one statement. A
// NotFoundError when none matches.
func (c *UserClient) ForAuth(ctx context.Context, ps ...predicate.User) (*User, error) {
	ut, pt := sql.Table(user.Table), sql.Table(partner.Table)
	s := sql.Dialect(c.driver.Dialect()).Select().From(ut)
	s.Join(pt).On(ut.C(user.PartnerColumn), pt.C(partner.FieldID))
	s.Select(append(qualified(ut, user.Columns), qualified(pt, partner.Columns)...)...)
	for _, p := range ps {
		p(s)
	}
	var out *User
	err := scanOne(ctx, c.driver, s, user.Label, func(scan func(...any) error) error {
		u, p := &User{config: c.config}, &Partner{config: c.config}
		if err := scanJoined(scan, entityCols{u, user.Columns}, entityCols{p, partner.Columns}); err != nil {
			return err
		}
		u.Edges.Partner, u.Edges.loadedTypes[0] = p, true
		out = u
		return nil
	})
	return out, err
}

// scanOne runs s (limited to two rows) and hands the row to row; NotFoundError for none,
// NotSingularError for more.
func scanOne(ctx context.Context, drv dialect.Driver, s *sql.Selector, label string, row func(scan func(...any) error) error) error {
	s.Limit(2)
	query, args := s.Query()
	rows := &sql.Rows{}
	if err := drv.Query(ctx, query, args, rows); err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if n++; n > 1 {
			return &NotSingularError{label}
		}
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if n == 0 {
		return &NotFoundError{label}
	}
	return nil
}

// entityCols is an entity and the columns of it that a joined row carries.
type entityCols struct {
	e interface {
		scanValues([]string) ([]any, error)
		assignValues([]string, []any) error
	}
	columns []string
}

// scanJoined scans one joined row into its entities, in order.
func scanJoined(scan func(...any) error, parts ...entityCols) error {
	var all []any
	values := make([][]any, len(parts))
	for i, p := range parts {
		v, err := p.e.scanValues(p.columns)
		if err != nil {
			return err
		}
		values[i] = v
		all = append(all, v...)
	}
	if err := scan(all...); err != nil {
		return fmt.Errorf("ent: scanning a joined row: %w", err)
	}
	for i, p := range parts {
		if err := p.e.assignValues(p.columns, values[i]); err != nil {
			return err
		}
	}
	return nil
}

func qualified(t *sql.SelectTable, columns []string) []string {
	out := make([]string, len(columns))
	for i, c := range columns {
		out[i] = t.C(c)
	}
	return out
}
