package plan

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/org"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// UnitsPage is the page linking a plan's unit names to orgs.
type UnitsPage struct {
	Plan  Plan
	Units []UnitName
	Error string
}

// Types are the types a new unit may take.
func (UnitsPage) Types() []org.Type { return NewUnitTypes() }

func (h *handler) units(w http.ResponseWriter, r *http.Request) error {
	p, err := h.planOf(r)
	if err != nil {
		return err
	}
	names, err := h.store.UnitNames(r.Context(), p.ID)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "plan/units.html", "plan.title.units", UnitsPage{Plan: p, Units: names})
}

// linkUnits applies the choices of the units page: each name's select is
// "org:ID", "new" or "" (not linked).
func (h *handler) linkUnits(w http.ResponseWriter, r *http.Request) error {
	p, err := h.planOf(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 256<<10)
	if err != nil {
		return err
	}
	var choices []UnitChoice
	for i := 0; i < 1000; i++ {
		name := f.Get(fmt.Sprintf("name_%d", i))
		if name == "" {
			break
		}
		c := UnitChoice{Name: name}
		switch v := f.Get(fmt.Sprintf("choice_%d", i)); {
		case v == "new":
			c.New = true
			c.Type = org.Type(f.Get(fmt.Sprintf("type_%d", i)))
		case strings.HasPrefix(v, "org:"):
			c.OrgID, _ = strconv.ParseInt(strings.TrimPrefix(v, "org:"), 10, 64)
		}
		choices = append(choices, c)
	}
	n, err := h.store.LinkUnits(r.Context(), p.ID, choices)
	if list, ok := valid.As(err); ok {
		names, nerr := h.store.UnitNames(r.Context(), p.ID)
		if nerr != nil {
			return nerr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "plan/units.html", "plan.title.units",
			UnitsPage{Plan: p, Units: names, Error: h.site.T(r)(list[0].Key, list[0].Args...)})
	}
	if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "plan.flash.units_linked", n)
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d", p.ID))
}

func (h *handler) assign(w http.ResponseWriter, r *http.Request) error {
	planID, iid := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	err = h.store.Assign(r.Context(), planID, iid, orgID)
	next := fmt.Sprintf("/plans/%d/indicators/%d", planID, iid)
	if f.Get("back") == "unassigned" {
		next = fmt.Sprintf("/plans/%d/unassigned", planID)
	}
	if list, ok := valid.As(err); ok {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
		return web.Redirect(w, r, next)
	}
	if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "plan.flash.assigned")
	return web.Redirect(w, r, next)
}
