package plan

import (
	"context"
	"strconv"

	"kexie/internal/web"
)

// Names resolves plan ids to their titles and pages, for the audit log.
func (s *Store) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, title FROM plans WHERE id IN (%s)`, ids,
		func(id int64) string { return "/plans/" + strconv.FormatInt(id, 10) })
}
