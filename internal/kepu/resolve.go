package kepu

import (
	"context"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/web"
)

func (s *Store) itemResolver(r *http.Request) (access.Resource, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return access.Resource{}, err
	}
	it, err := s.Item(r.Context(), id)
	return access.Resource{OrgID: it.OrgID, OrgPath: it.OrgPath}, err
}

func (s *Store) leadResolver(r *http.Request) (access.Resource, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return access.Resource{}, err
	}
	l, err := s.Lead(r.Context(), id)
	return access.Resource{OrgID: l.OrgID, OrgPath: l.OrgPath}, err
}

func (s *Store) emergencyResolver(r *http.Request) (access.Resource, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return access.Resource{}, err
	}
	e, err := s.Emergency(r.Context(), id)
	return access.Resource{OrgID: e.OrgID, OrgPath: e.OrgPath}, err
}

// Names gives the audit viewer the titles of items.
func (s *Store) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, title FROM kepu_items WHERE id IN (%s)`, ids,
		func(id int64) string { return "/kepu/admin/items/" + strconv.FormatInt(id, 10) })
}
