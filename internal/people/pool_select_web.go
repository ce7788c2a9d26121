package people

import (
	"net/http"
	"net/url"
	"strconv"

	"kexie/internal/web"
)

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

// backToSearch is the search page the form was posted from (a path under
// /people only, never another site).
func backToSearch(r *http.Request) string {
	back := r.PostFormValue("back")
	if u, err := url.Parse(back); err == nil && u.Scheme == "" && u.Host == "" && (u.Path == "/people") {
		return u.RequestURI()
	}
	return "/people"
}
