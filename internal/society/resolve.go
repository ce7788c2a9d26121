package society

import (
	"context"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/web"
)

// resolver is the route Resource of /societies/{param}/…: the society, or
// with parent its 科协 (the org above it), which checks what it files.
func (s *Store) resolver(param string, parent bool) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.PathValue(param), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		return s.resource(r.Context(), id, parent)
	}
}

func (s *Store) resource(ctx context.Context, id int64, parent bool) (access.Resource, error) {
	soc, err := s.Society(ctx, id)
	if err != nil {
		return access.Resource{}, err
	}
	if parent && soc.ParentID != 0 {
		ref, err := org.Lookup(ctx, s.db, soc.ParentID)
		if err != nil {
			return access.Resource{}, err
		}
		return access.Resource{OrgID: soc.ParentID, OrgPath: ref.Path}, nil
	}
	return access.Resource{OrgID: soc.ID, OrgPath: soc.Path}, nil
}

// memberResolver is the route Resource of /members/{id}/…: the member's society.
func (s *Store) memberResolver() func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		m, err := s.GetMember(r.Context(), id)
		if err != nil {
			return access.Resource{}, err
		}
		return s.resource(r.Context(), m.OrgID, false)
	}
}

// invoiceResolver is the route Resource of /invoices/{id}/…: its society.
func (s *Store) invoiceResolver() func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		v, err := s.GetInvoice(r.Context(), id)
		if err != nil {
			return access.Resource{}, err
		}
		return s.resource(r.Context(), v.OrgID, false)
	}
}

// MemberNames names members for the audit viewer.
func (s *Store) MemberNames(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, name FROM members WHERE id IN (%s)`, ids, func(id int64) string {
		return ""
	})
}
