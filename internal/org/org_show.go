package org

import (
	"net/http"
	"strings"

	"kexie/internal/access"
	"kexie/internal/web"

	"kexie/internal/valid"
)

// ShowPage is the data of an org's detail page.
type ShowPage struct {
	Org      Row
	Crumbs   []Org
	Children []Row
	More     int // children not shown
	CanEdit  bool
	CanMove  bool
	CanAdd   bool
	// Status and CanDisable: the org's disabled state (org_disable.go) and
	// whether the viewer may switch it (an administrator above it).
	Status     Status
	CanDisable bool
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	o, err := h.orgFromPath(r)
	if err != nil {
		return err
	}
	t := h.site.T(r)
	p := ShowPage{Org: h.row(t, &o), CanEdit: h.canAt(r, "org.edit", o), CanMove: h.canAt(r, "org.move", o) && o.ParentID != 0,
		CanAdd: h.canAt(r, "org.create", o)}
	if p.Status, err = h.store.Status(ctx, o.ID); err != nil {
		return err
	}
	if o.ParentID != 0 {
		p.CanDisable = h.site.Policy.Can(ctx, web.SubjectFrom(ctx), "org.disable", access.Resource{OrgID: o.ParentID, OrgPath: parentPath(o.Path)})
	}
	if p.Crumbs, err = h.store.Ancestors(ctx, o); err != nil {
		return err
	}
	kids, err := h.store.Children(ctx, o, "name", 100, 0)
	if err != nil {
		return err
	}
	total := o.ChildCount
	for _, k := range kids {
		p.Children = append(p.Children, h.row(t, &k))
	}
	p.More = total - len(kids)
	return h.site.Render(w, r, "org/show.html", "org.title.show", p)
}

// validErr returns the message key of a single field error.
func validErr(err error) (string, bool) {
	list, ok := valid.As(err)
	if !ok || len(list) == 0 {
		return "", false
	}
	return list[0].Key, true
}

// parentPath is the path of the parent of the org at path ("/1/7/" → "/1/").
func parentPath(path string) string {
	p := strings.TrimSuffix(path, "/")
	return p[:strings.LastIndex(p, "/")+1]
}
