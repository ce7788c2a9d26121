package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/web"
)

// Resource returns the access resource of the org with id.
func (s *Store) Resource(ctx context.Context, id int64) (access.Resource, error) {
	var path string
	err := s.db.QueryRow(ctx, `SELECT path FROM orgs WHERE id = ?`, id).Scan(&path)
	if errors.Is(err, sql.ErrNoRows) {
		return access.Resource{}, web.ErrNotFound
	}
	if err != nil {
		return access.Resource{}, fmt.Errorf("org: path of %d: %w", id, err)
	}
	return access.Resource{OrgID: id, OrgPath: path}, nil
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
// from the query or form field name (used when creating something under an org).
func (s *Store) FormResolver(name string) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.FormValue(name), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		return s.Resource(r.Context(), id)
	}
}
