package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strconv"

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

// FormResolver returns a route Resource function that reads the org ID
// from the query or form field name (used when creating something under an
// org). A disabled org takes nothing new: it answers ErrDisabled.
func (s *Store) FormResolver(name string) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.FormValue(name), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		ref, err := Lookup(r.Context(), s.db, id)
		if err != nil {
			return access.Resource{}, err
		}
		if ref.Disabled {
			return access.Resource{}, ErrDisabled
		}
		return access.Resource{OrgID: id, OrgPath: ref.Path}, nil
	}
}

// ErrDisabled answers a request to record something in a disabled org.
var ErrDisabled = &web.Error{Status: http.StatusConflict, Key: "org.err.disabled"}
