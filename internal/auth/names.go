package auth

import (
	"context"
	"strconv"

	"kexie/internal/web"
)

// Names resolves user ids to their display names and pages, for the audit log.
func (s *Service) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, display_name FROM users WHERE id IN (%s)`, ids,
		func(id int64) string { return "/users/" + strconv.FormatInt(id, 10) })
}
