package venue

import (
	"context"
	"fmt"
	"net/http"

	"kexie/internal/access"
	"kexie/internal/web"
)

// PathResolver is the route Resource of /venues/{param}: the venue's org.
func (s *Store) PathResolver(param string) func(*http.Request) (access.Resource, error) {
	return web.RowResolver(s.db, param, `SELECT o.id, o.path FROM venues v JOIN orgs o ON o.id = v.org_id WHERE v.id = ?`)
}

// Names names venues for the audit viewer.
func (s *Store) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, name FROM venues WHERE id IN (%s)`, ids, func(id int64) string { return fmt.Sprintf("/venues/%d", id) })
}
