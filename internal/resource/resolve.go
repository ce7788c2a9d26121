package resource

import (
	"database/sql"
	"errors"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/web"
)

// resolver is the route Resource of /resources/{id}…: the owner org.
func resolver(s *Store) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		var res access.Resource
		err = s.db.QueryRow(r.Context(), `SELECT r.org_id, o.path FROM resources r JOIN orgs o ON o.id = r.org_id WHERE r.id = ?`, id).
			Scan(&res.OrgID, &res.OrgPath)
		if err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return access.Resource{}, web.ErrNotFound
			}
			return access.Resource{}, err
		}
		return res, nil
	}
}
