package org

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"strconv"

	"github.com/a-h/templ"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

// TreePage is the data of the org tree page: either browsing one org's
// children (Searching false) or a flat, filtered result list.
type TreePage struct {
	Current   Org
	Crumbs    []Org
	Rows      []Row
	List      *web.List
	Searching bool
	Types     []TypeOption
	Regions   Regions
	Tree      []TreeNode // the side tree, expanded to Current
}

// TreeHTML renders the side tree (org_rows.templ).
func (p TreePage) TreeHTML() (template.HTML, error) {
	return templ.ToGoHTML(context.Background(), treeList(p.Tree, "", 0))
}

//go:generate go run github.com/a-h/templ/cmd/templ@v0.3.1118 generate -path .

// RowsHTML renders the table's rows (org_rows.templ).
func (p TreePage) RowsHTML() (template.HTML, error) {
	return templ.ToGoHTML(context.Background(), treeRows(p.Rows))
}

// Row is an org with what the page shows beside it.
type Row struct {
	*Org       // shared with the View cache: read only
	TypeLabel  string
	RegionName string
}

// TypeOption is an entry of the type filter.
type TypeOption struct {
	Value, Label string
	Selected     bool
}

// scope returns where the caller may view orgs.
func (h *handler) scope(r *http.Request) access.Scope { return h.site.Scope(r, "org.view") }

// startOrg picks the org to browse: ?under=, else the session's current
// org, else the top of the caller's scope.
func (h *handler) startOrg(r *http.Request, vw *View, scope access.Scope) (Org, error) {
	ctx := r.Context()
	id, _ := strconv.ParseInt(r.URL.Query().Get("under"), 10, 64)
	if id == 0 {
		if ident := web.IdentityFrom(ctx); ident != nil {
			id = ident.CurrentOrgID
		}
	}
	if id != 0 {
		o, err := vw.Get(ctx, id)
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			return Org{}, err
		}
		if err == nil && scope.Contains(o.Path) {
			return o, nil
		}
		if r.URL.Query().Get("under") != "" {
			return Org{}, web.ErrNotFound
		}
	}
	if scope.All() {
		return vw.Root(ctx)
	}
	paths := scope.Paths()
	if len(paths) == 0 {
		return Org{}, web.ErrForbidden
	}
	ids := PathIDs(paths[0])
	return vw.Get(ctx, ids[len(ids)-1])
}

func (h *handler) tree(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	t := h.site.T(r)
	scope := h.scope(r)
	l := web.ParseList(r, "", "name", "code", "created", "type")
	p := TreePage{List: l, Regions: h.store.regions, Types: make([]TypeOption, 0, len(Types()))}
	for _, ty := range Types() {
		p.Types = append(p.Types, TypeOption{Value: string(ty), Label: t(ty.Label()), Selected: l.Get("type") == string(ty)})
	}
	f := Filter{Scope: scope, Q: l.Q, Type: Type(l.Get("type")), RegionCode: l.Get("region"), Sort: l.Sort,
		Limit: l.PerPage, Offset: l.Offset()}
	p.Searching = f.Q != "" || f.Type != "" || f.RegionCode != ""
	// One check of the org table's version serves every org the page shows.
	vw, err := h.store.View(ctx)
	if err != nil {
		return err
	}
	cur, err := h.startOrg(r, vw, scope)
	if err != nil {
		return err
	}
	p.Current = cur
	if !p.Searching {
		f.ParentID = cur.ID
		if f.Sort == "" {
			f.Sort = "tree"
		}
		if p.Crumbs, err = vw.Ancestors(ctx, cur); err != nil {
			return err
		}
	}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	var orgs []Org
	var total int
	if p.Searching {
		orgs, total, err = h.store.List(ctx, f)
	} else {
		orgs, err = vw.Children(ctx, cur, f.Sort, f.Limit, f.Offset)
		total = cur.ChildCount
	}
	if err != nil {
		return err
	}
	p.Rows = make([]Row, 0, len(orgs))
	for i := range orgs {
		p.Rows = append(p.Rows, h.row(t, &orgs[i]))
	}
	if web.WantsExport(r) {
		return sheet.ServeXLSX(w, t("org.export_name")+".xlsx", h.table(t, p.Rows))
	}
	l.Total = total
	if p.Tree, err = h.sideTree(r, vw, scope, cur); err != nil {
		return err
	}
	return h.site.Render(w, r, "org/tree.html", "org.title", p)
}

func (h *handler) row(t func(string, ...any) string, o *Org) Row {
	rw := Row{Org: o, TypeLabel: t(o.Type.Label())}
	if o.RegionCode != "" && h.store.regions != nil {
		rw.RegionName = h.store.regions.FullName(o.RegionCode)
	}
	return rw
}

func (h *handler) table(t func(string, ...any) string, rows []Row) sheet.Table {
	tab := sheet.Table{Sheet: t("org.title"), Headers: []string{t("org.f.name"), t("org.f.short_name"), t("org.f.code"),
		t("org.f.type"), t("org.f.region_code"), t("org.f.region"), t("org.col.children"), t("org.col.created")}}
	for _, r := range rows {
		tab.Rows = append(tab.Rows, []string{r.Name, r.ShortName, r.Code, r.TypeLabel, r.RegionCode, r.RegionName,
			strconv.Itoa(r.ChildCount), sheet.Date(r.CreatedAt)})
	}
	return tab
}

// canAt is a helper for handlers: may the caller do action at o?
func (h *handler) canAt(r *http.Request, action access.Action, o Org) bool {
	return h.site.Policy.Can(r.Context(), web.SubjectFrom(r.Context()), action, access.Resource{OrgID: o.ID, OrgPath: o.Path})
}
