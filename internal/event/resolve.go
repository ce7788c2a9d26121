package event

import (
	"context"
	"fmt"
	"net/http"

	"kexie/internal/access"
	"kexie/internal/web"
)

// PathResolver is the route Resource of /events/{param}: the event's org.
func (s *Store) PathResolver(param string) func(*http.Request) (access.Resource, error) {
	return web.RowResolver(s.db, param, `SELECT o.id, o.path FROM events e JOIN orgs o ON o.id = e.org_id WHERE e.id = ?`)
}

// Names names events for the audit viewer.
func (s *Store) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, title FROM events WHERE id IN (%s)`, ids, func(id int64) string { return fmt.Sprintf("/events/%d", id) })
}
