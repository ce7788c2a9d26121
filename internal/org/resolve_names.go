package org

import (
	"context"
	"strconv"

	"kexie/internal/web"
)

// Names resolves org ids to their names and pages, for pages of other
// modules (the audit log) that must not read the orgs table.
func (s *Store) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, name FROM orgs WHERE id IN (%s)`, ids,
		func(id int64) string { return "/orgs/" + strconv.FormatInt(id, 10) })
}
