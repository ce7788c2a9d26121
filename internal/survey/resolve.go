package survey

import (
	"context"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/web"
)

// PathResolver is the route Resource of /surveys/{param}: the survey's org.
func (s *Store) PathResolver(param string) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.PathValue(param), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		var res access.Resource
		err = s.db.QueryRow(r.Context(), `SELECT o.id, o.path FROM surveys v JOIN orgs o ON o.id = v.org_id WHERE v.id = ?`, id).Scan(&res.OrgID, &res.OrgPath)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		return res, nil
	}
}

// Names names surveys for the audit viewer.
func (s *Store) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, title FROM surveys WHERE id IN (%s)`, ids,
		func(id int64) string { return "/surveys/" + strconv.FormatInt(id, 10) })
}
