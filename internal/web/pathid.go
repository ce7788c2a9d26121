package web

import (
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/db"
)

// PathID is the positive integer in the path parameter name (an ID, a
// year); anything else is ErrNotFound.
func PathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, ErrNotFound
	}
	return id, nil
}

// RowResolver is the route Resource of a row named by the path parameter
// param: query selects the (org id, org path) of the row whose ID is its
// one argument, e.g. `SELECT o.id, o.path FROM events e JOIN orgs o ON
// o.id = e.org_id WHERE e.id = ?`. A malformed or missing ID is
// ErrNotFound; any other failure is a database error (a logged 500), never
// "not found".
func RowResolver(d *db.DB, param, query string) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := PathID(r, param)
		if err != nil {
			return access.Resource{}, err
		}
		var res access.Resource
		err = d.QueryRow(r.Context(), query, id).Scan(&res.OrgID, &res.OrgPath)
		if errors.Is(err, sql.ErrNoRows) {
			return access.Resource{}, ErrNotFound
		} else if err != nil {
			return access.Resource{}, fmt.Errorf("resolve %s: %w", r.URL.Path, err)
		}
		return res, nil
	}
}
