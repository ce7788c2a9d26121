package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/web"
)

// Ref is what another module needs of an org it was given by ID.
type Ref struct {
	ID   int64
	Name string
	Path string // materialized path, e.g. "/1/7/"
	// Disabled: the org is disabled (org_disable.go); nothing new is
	// recorded in it.
	Disabled bool
}

// NotFoundError says no org has the ID. It unwraps to db.ErrNotFound, so a
// handler shows it as "not found" and a caller tests it with errors.Is.
type NotFoundError struct{ ID int64 }

func (e *NotFoundError) Error() string { return fmt.Sprintf("org %d: not found", e.ID) }

// Unwrap makes errors.Is(err, db.ErrNotFound) hold.
func (e *NotFoundError) Unwrap() error { return db.ErrNotFound }

// Lookup reads the org with id through q (the database or a transaction):
// the one place any module turns an org ID into its name and path. A
// missing org is a *NotFoundError; any other failure is the database's
// error, wrapped, and never a not-found, so a broken database shows as a
// server error instead of "no such org".
func Lookup(ctx context.Context, q db.Q, id int64) (Ref, error) {
	ref := Ref{ID: id}
	var disabled int64
	err := q.QueryRow(ctx, `SELECT name, path, disabled_at FROM orgs WHERE id = ?`, id).Scan(&ref.Name, &ref.Path, &disabled)
	ref.Disabled = disabled != 0
	if errors.Is(err, sql.ErrNoRows) {
		return Ref{}, &NotFoundError{ID: id}
	}
	if err != nil {
		return Ref{}, fmt.Errorf("org: look up %d: %w", id, err)
	}
	return ref, nil
}

// Resource returns the access resource of the org with id.
func (s *Store) Resource(ctx context.Context, id int64) (access.Resource, error) {
	ref, err := Lookup(ctx, s.db, id)
	if err != nil {
		return access.Resource{}, err
	}
	return access.Resource{OrgID: id, OrgPath: ref.Path}, nil
}

// PathResolver returns a route Resource function that reads the org ID
// from the path parameter param.
func (s *Store) PathResolver(param string) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.PathValue(param), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		return s.Resource(r.Context(), id)
	}
}

// FormResolver returns a route Resource function that reads the org from
// the query or form field name (used when creating something under an
// org). The field holds what the org picker sends — a code, an ID, or a
// name no other org has — and is rewritten to the org's ID, so the handler
// behind the route reads an ID whatever was typed. A disabled org takes
// nothing new: it answers ErrDisabled.
func (s *Store) FormResolver(name string) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		v := strings.TrimSpace(r.FormValue(name))
		o, err := s.FromForm(r.Context(), v)
		if err != nil {
			if !errors.Is(err, db.ErrNotFound) {
				return access.Resource{}, err
			}
			if _, perr := strconv.ParseInt(v, 10, 64); v == "" || perr == nil {
				return access.Resource{}, web.ErrNotFound
			}
			// Typed without the picker (no scripts): say what was not found.
			return access.Resource{}, web.Errorf(http.StatusUnprocessableEntity, "orgpick.err.unknown", v)
		}
		ref, err := Lookup(r.Context(), s.db, o.ID)
		if err != nil {
			return access.Resource{}, err
		}
		if ref.Disabled {
			return access.Resource{}, ErrDisabled
		}
		id := strconv.FormatInt(o.ID, 10)
		r.Form.Set(name, id)
		if r.PostForm != nil && r.PostForm.Has(name) {
			r.PostForm.Set(name, id)
		}
		return access.Resource{OrgID: o.ID, OrgPath: o.Path}, nil
	}
}

// FromForm finds the org a form field names: by code first (what the org
// picker puts in the field), then by ID, then by a name no other org
// shares. Nothing found wraps db.ErrNotFound. It does not check access:
// the caller checks the org against the scope of its action.
func (s *Store) FromForm(ctx context.Context, v string) (Org, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return Org{}, fmt.Errorf("org: no org given: %w", db.ErrNotFound)
	}
	o, err := s.GetByCode(ctx, v)
	if err == nil || !errors.Is(err, db.ErrNotFound) {
		return o, err
	}
	if id, perr := strconv.ParseInt(v, 10, 64); perr == nil {
		if o, err = s.Get(ctx, id); err == nil || !errors.Is(err, db.ErrNotFound) {
			return o, err
		}
	}
	rows, err := s.db.Query(ctx, `SELECT `+cols+` FROM orgs WHERE name = ? OR short_name = ? LIMIT 2`, v, v)
	if err != nil {
		return Org{}, fmt.Errorf("org: find %q: %w", v, err)
	}
	defer rows.Close()
	var found []Org
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return Org{}, fmt.Errorf("org: find %q: %w", v, err)
		}
		found = append(found, o)
	}
	if err := rows.Err(); err != nil {
		return Org{}, fmt.Errorf("org: find %q: %w", v, err)
	}
	if len(found) != 1 {
		return Org{}, fmt.Errorf("org: find %q: %w", v, db.ErrNotFound)
	}
	return found[0], nil
}

// FormID is FromForm for handlers that need only the ID: 0 when nothing
// matches (the caller reports the field as unknown).
func (s *Store) FormID(ctx context.Context, v string) (int64, error) {
	o, err := s.FromForm(ctx, v)
	if errors.Is(err, db.ErrNotFound) {
		return 0, nil
	}
	return o.ID, err
}

// ErrDisabled answers a request to record something in a disabled org.
var ErrDisabled = &web.Error{Status: http.StatusConflict, Key: "org.err.disabled"}

// ParentResolver is the route Resource of /orgs/{param}/disable and
// /enable: the org's parent, so that an org is switched off or on by the
// administrators above it, never by those it would lock out. The root
// resolves to itself (and is never disabled).
func (s *Store) ParentResolver(param string) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.PathValue(param), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		o, err := s.Get(r.Context(), id)
		if err != nil {
			return access.Resource{}, err
		}
		if o.ParentID == 0 {
			return access.Resource{OrgID: o.ID, OrgPath: o.Path}, nil
		}
		return s.Resource(r.Context(), o.ParentID)
	}
}
