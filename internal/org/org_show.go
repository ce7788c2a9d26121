package org

import (
	"net/http"

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
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	o, err := h.orgFromPath(r)
	if err != nil {
		return err
	}
	t := h.site.T(r)
	p := ShowPage{Org: h.row(t, o), CanEdit: h.canAt(r, "org.edit", o), CanMove: h.canAt(r, "org.move", o) && o.ParentID != 0,
		CanAdd: h.canAt(r, "org.create", o)}
	if p.Crumbs, err = h.store.Ancestors(ctx, o); err != nil {
		return err
	}
	kids, err := h.store.Children(ctx, o, "name", 100, 0)
	if err != nil {
		return err
	}
	total := o.ChildCount
	for _, k := range kids {
		p.Children = append(p.Children, h.row(t, k))
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
