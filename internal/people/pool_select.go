package people

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/web"
)

// maxPoolAdd bounds the people one request adds to a pool.
const maxPoolAdd = 1000

// VisibleIDs returns those of ids whose person belongs to an org within
// scope, in the order given, without repeats.
func (s *Store) VisibleIDs(ctx context.Context, scope access.Scope, ids []int64) ([]int64, error) {
	if len(ids) == 0 || scope.None() {
		return nil, nil
	}
	ph, args := make([]string, len(ids)), make([]any, len(ids))
	for i, id := range ids {
		ph[i], args[i] = "?", id
	}
	c, a := db.ScopeCond(s.db, "o.path", scope)
	rows, err := s.db.Query(ctx, `SELECT p.id FROM people p JOIN orgs o ON o.id = p.org_id WHERE p.id IN (`+strings.Join(ph, ",")+`) AND `+c,
		append(args, a...)...)
	if err != nil {
		return nil, fmt.Errorf("people: visible ids: %w", err)
	}
	defer rows.Close()
	seen := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("people: visible ids: %w", err)
		}
		seen[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("people: visible ids: %w", err)
	}
	var out []int64
	for _, id := range ids {
		if seen[id] {
			out = append(out, id)
			delete(seen, id)
		}
	}
	return out, nil
}

// poolFormResolver is the route Resource of POST /people/pools/add: the
// pool chosen in the form.
func (s *Store) poolFormResolver(r *http.Request) (access.Resource, error) {
	id, err := strconv.ParseInt(r.PostFormValue("pool"), 10, 64)
	if err != nil {
		return access.Resource{}, web.ErrNotFound
	}
	p, err := s.GetPool(r.Context(), id)
	if err != nil {
		return access.Resource{}, web.ErrNotFound
	}
	return access.Resource{OrgID: p.OrgID, OrgPath: p.OrgPath}, nil
}

// addSelectedToPool adds the people ticked on the search page
// (person_ids), or with all=1 every hit of the search posted with them (q
// and the facets, in the caller's scope), to the pool chosen in the form.
// Only people the caller may view are added; nothing ticked sends the
// caller back to the search with a message.
func (h *handler) addSelectedToPool(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	poolID, _ := strconv.ParseInt(r.PostFormValue("pool"), 10, 64)
	scope := h.scope(r, "people.view")
	var ids []int64
	if r.PostFormValue("all") == "1" {
		facets := map[string]string{}
		for _, f := range FacetNames {
			if v := r.PostFormValue(f); v != "" {
				facets[f] = v
			}
		}
		res, err := h.store.Search(ctx, SearchQuery{Q: r.PostFormValue("q"), Facets: facets, Scope: scope, Limit: maxPoolAdd})
		if err != nil {
			return err
		}
		if res.Total > maxPoolAdd {
			h.site.AddFlash(w, r, "error", "people.flash.pool_too_many", res.Total, maxPoolAdd)
			return web.Redirect(w, r, backToSearch(r))
		}
		for _, hit := range res.Hits {
			ids = append(ids, hit.ID)
		}
	} else {
		for _, v := range r.PostForm["person_ids"] {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return web.ErrBadRequest
			}
			ids = append(ids, id)
		}
		if len(ids) > maxPoolAdd {
			return web.ErrBadRequest
		}
		visible, err := h.store.VisibleIDs(ctx, scope, ids)
		if err != nil {
			return err
		}
		if len(visible) != len(uniqueIDs(ids)) {
			return web.ErrNotFound // a person outside the caller's scope, or gone
		}
		ids = visible
	}
	if len(ids) == 0 {
		h.site.AddFlash(w, r, "error", "people.flash.pool_none_selected")
		return web.Redirect(w, r, backToSearch(r))
	}
	n, err := h.store.AddToPool(ctx, poolID, ids)
	if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "people.flash.pool_added_of", n, len(ids))
	return web.Redirect(w, r, "/people/pools/"+strconv.FormatInt(poolID, 10))
}

// uniqueIDs drops repeats, keeping the first of each.
func uniqueIDs(ids []int64) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// backToSearch is the search page the form was posted from (a path under
// /people only, never another site).
func backToSearch(r *http.Request) string {
	back := r.PostFormValue("back")
	if u, err := url.Parse(back); err == nil && u.Scheme == "" && u.Host == "" && (u.Path == "/people") {
		return u.RequestURI()
	}
	return "/people"
}
