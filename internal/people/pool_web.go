package people

import (
	"net/http"
	"strconv"

	"kexie/internal/web"
)

// PoolsPage is the data of the expert pools page.
type PoolsPage struct {
	Pools []Pool
	Form  *web.Form
}

func (h *handler) poolsPage(r *http.Request, f *web.Form) (PoolsPage, error) {
	pools, err := h.store.Pools(r.Context(), h.scope(r, "people.view"))
	if err != nil {
		return PoolsPage{}, err
	}
	return PoolsPage{Pools: pools, Form: f}, nil // the org: the org picker
}

func (h *handler) pools(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	if id := web.IdentityFrom(r.Context()); id != nil {
		f.Values.Set("org_id", strconv.FormatInt(id.CurrentOrgID, 10))
	}
	p, err := h.poolsPage(r, f)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "people/pools.html", "people.title.pools", p)
}

func (h *handler) createPool(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	pool, err := h.store.CreatePool(r.Context(), orgID, f.Get("name"), f.Get("description"))
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p, perr := h.poolsPage(r, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "people/pools.html", "people.title.pools", p)
	}
	h.site.AddFlash(w, r, "ok", "people.flash.pool_created", pool.Name)
	return web.Redirect(w, r, "/people/pools/"+strconv.FormatInt(pool.ID, 10))
}

// PoolPage is the data of one pool's page.
type PoolPage struct {
	Pool    Pool
	List    *web.List
	Members []Person
}

func (h *handler) pool(w http.ResponseWriter, r *http.Request) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	pool, err := h.store.GetPool(r.Context(), id)
	if err != nil {
		return err
	}
	l := web.ParseList(r, "name", "name")
	limit, offset := l.PerPage, l.Offset()
	if web.WantsExport(r) {
		limit, offset = 10000, 0
	}
	members, total, err := h.store.PoolMembers(r.Context(), id, limit, offset)
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		return h.export(w, r, members)
	}
	l.Total = total
	return h.site.Render(w, r, "people/pool.html", "people.title.pool", PoolPage{Pool: pool, List: l, Members: members})
}

// addToPool adds the hits of a search (the query and facets posted from the
// search page, in the caller's scope, at most 1,000) or one person.
func (h *handler) addToPool(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err := r.ParseForm(); err != nil {
		return web.ErrBadRequest
	}
	var ids []int64
	if pid, err := strconv.ParseInt(r.PostFormValue("person_id"), 10, 64); err == nil {
		res, err := h.store.PathResolver("id")(withPath(r, pid))
		if err != nil || !h.site.Policy.Can(ctx, web.SubjectFrom(ctx), "people.view", res) {
			return web.ErrNotFound
		}
		ids = append(ids, pid)
	} else {
		facets := map[string]string{}
		for _, f := range FacetNames {
			if v := r.PostFormValue(f); v != "" {
				facets[f] = v
			}
		}
		res, err := h.store.Search(ctx, SearchQuery{Q: r.PostFormValue("q"), Facets: facets, Scope: h.scope(r, "people.view"), Limit: 1000})
		if err != nil {
			return err
		}
		for _, hit := range res.Hits {
			ids = append(ids, hit.ID)
		}
	}
	n, err := h.store.AddToPool(ctx, id, ids)
	if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "people.flash.pool_added", n)
	return web.Redirect(w, r, "/people/pools/"+strconv.FormatInt(id, 10))
}

// withPath returns a copy of r whose {id} path value is id.
func withPath(r *http.Request, id int64) *http.Request {
	r2 := r.Clone(r.Context())
	r2.SetPathValue("id", strconv.FormatInt(id, 10))
	return r2
}
