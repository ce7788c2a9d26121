package people

import (
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/web"
)

// PathResolver is the route Resource of /people/{param}.
func (s *Store) PathResolver(param string) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.PathValue(param), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		var orgID int64
		var path string
		err = s.db.QueryRow(r.Context(), `SELECT o.id, o.path FROM people p JOIN orgs o ON o.id = p.org_id WHERE p.id = ? AND p.deleted_at = 0`, id).Scan(&orgID, &path)
		if errors.Is(err, sql.ErrNoRows) {
			return access.Resource{}, web.ErrNotFound
		}
		if err != nil {
			return access.Resource{}, fmt.Errorf("people: resolve %d: %w", id, err)
		}
		return access.Resource{OrgID: orgID, OrgPath: path}, nil
	}
}

// jobResolver is the route Resource of /people/import/jobs/{id}: the org
// the job imports into.
func (s *Store) jobResolver(r *http.Request) (access.Resource, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return access.Resource{}, web.ErrNotFound
	}
	j, err := s.ImportJob(r.Context(), id)
	if errors.Is(err, db.ErrNotFound) {
		return access.Resource{}, web.ErrNotFound
	}
	if err != nil {
		return access.Resource{}, fmt.Errorf("people: resolve import job %d: %w", id, err)
	}
	if j.OrgPath == "" { // its org is gone: nobody's, so nobody sees it here
		return access.Resource{}, web.ErrNotFound
	}
	return access.Resource{OrgID: j.OrgID, OrgPath: j.OrgPath}, nil
}

// claimResolver is the route Resource of /people/claims/{id}/…: the org
// owning the claimed record.
func (s *Store) claimResolver(r *http.Request) (access.Resource, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return access.Resource{}, web.ErrNotFound
	}
	var res access.Resource
	err = s.db.QueryRow(r.Context(), `SELECT o.id, o.path FROM person_claims c JOIN people p ON p.id = c.person_id
		JOIN orgs o ON o.id = p.org_id WHERE c.id = ?`, id).Scan(&res.OrgID, &res.OrgPath)
	if errors.Is(err, sql.ErrNoRows) {
		return access.Resource{}, web.ErrNotFound
	}
	if err != nil {
		return access.Resource{}, fmt.Errorf("people: claim %d: %w", id, err)
	}
	return res, nil
}

// poolResolver is the route Resource of /people/pools/{id}.
func (s *Store) poolResolver(r *http.Request) (access.Resource, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return access.Resource{}, web.ErrNotFound
	}
	p, err := s.GetPool(r.Context(), id)
	if err != nil {
		return access.Resource{}, web.ErrNotFound
	}
	return access.Resource{OrgID: p.OrgID, OrgPath: p.OrgPath}, nil
}

// deletionResolver is the route Resource of /people/deletions/{id}/…: the
// org of the person whose data the request concerns.
func (s *Store) deletionResolver(r *http.Request) (access.Resource, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return access.Resource{}, web.ErrNotFound
	}
	var res access.Resource
	err = s.db.QueryRow(r.Context(), `SELECT o.id, o.path FROM deletion_requests q JOIN people p ON p.id = q.person_id
		JOIN orgs o ON o.id = p.org_id WHERE q.id = ?`, id).Scan(&res.OrgID, &res.OrgPath)
	if err != nil {
		return access.Resource{}, fmt.Errorf("people: deletion request %d: %w", id, web.ErrNotFound)
	}
	return res, nil
}

// poolFormResolver is the route Resource of POST /people/pools/add: the
// pool chosen in the form.
func (s *Store) poolFormResolver(r *http.Request) (access.Resource, error) {
	id, err := strconv.ParseInt(r.PostFormValue("pool"), 10, 64)
	if err != nil {
		return access.Resource{}, web.ErrNotFound
	}
	p, err := s.GetPool(r.Context(), id)
	if err != nil {
		return access.Resource{}, web.ErrNotFound
	}
	return access.Resource{OrgID: p.OrgID, OrgPath: p.OrgPath}, nil
}
