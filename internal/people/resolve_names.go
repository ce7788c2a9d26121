package people

import (
	"context"
	"strconv"

	"kexie/internal/web"
)

// Names resolves person ids to their names and pages, for the audit log
// (whose viewer sees only records of its own orgs).
func (s *Store) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, name FROM people WHERE id IN (%s)`, ids,
		func(id int64) string { return "/people/" + strconv.FormatInt(id, 10) })
}
