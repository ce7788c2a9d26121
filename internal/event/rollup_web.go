package event

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"kexie/internal/org"
	"kexie/internal/web"
)

// RollupPage is the events of an org's subtree in a year, by child org.
type RollupPage struct {
	Org   org.Ref
	Year  int
	Rows  []RollupRow
	Total RollupRow
	Form  *web.Form
}

// rollup shows the events held and people reached under an org (the
// current org by default) in a year, by the org's children: the numbers
// the measure sources give plan targets.
func (h *handler) rollup(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	y, _ := strconv.Atoi(q.Get("year"))
	if y < 2000 || y > 2100 {
		y = time.Now().In(beijing).Year()
	}
	id, _ := strconv.ParseInt(q.Get("org_id"), 10, 64)
	if id == 0 {
		if ident := web.IdentityFrom(r.Context()); ident != nil {
			id = ident.CurrentOrgID
		}
	}
	scope := h.site.Scope(r, "event.view")
	o, err := org.Lookup(r.Context(), h.store.db, id)
	var nf *org.NotFoundError
	if errors.As(err, &nf) || (err == nil && !scope.Contains(o.Path)) {
		return web.ErrNotFound
	} else if err != nil {
		return err
	}
	rows, total, err := h.store.Rollup(r.Context(), scope, o, y)
	if err != nil {
		return err
	}
	f := web.NewForm()
	f.Values.Set("org_id", strconv.FormatInt(o.ID, 10))
	f.Values.Set("year", strconv.Itoa(y))
	return h.site.Render(w, r, "event/rollup.html", "event.title.rollup", RollupPage{Org: o, Year: y, Rows: rows, Total: total, Form: f})
}
