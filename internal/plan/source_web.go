package plan

import (
	"fmt"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/measure"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// SourceChoice is a live source offered for a target, with its current
// value over the subtree the target would be measured in.
type SourceChoice struct {
	Key, Label, Unit string
	Value            float64
	Selected         bool
}

// SourceView is what the target page shows of its live source: the
// binding, its values per period, and the picker for the plan's editors.
type SourceView struct {
	Binding  *Binding
	Label    string // the bound source's name, translated
	Computed []Reading
	Choices  []SourceChoice // sources whose unit fits the target's
	OrgID    int64          // the org the picker measures (bound org or the plan's)
}

// sourceView computes the target page's source part: the values per period
// of a bound target, and for an editor of an open plan the picker with each
// fitting source's current value.
func (h *handler) sourceView(r *http.Request, p Plan, ind StoredIndicator, editor bool) (SourceView, error) {
	t := h.site.T(r)
	v := SourceView{Binding: ind.Bound, OrgID: p.OrgID}
	var err error
	if ind.Bound != nil {
		v.OrgID = ind.Bound.OrgID
		if ind.Bound.Known() {
			v.Label = t(ind.Bound.Source.Label, ind.Bound.Source.Args...)
		}
		if v.Computed, err = h.store.Computed(r.Context(), p, ind); err != nil {
			return v, err
		}
	}
	if !editor || p.Status == "closed" {
		return v, nil
	}
	path := p.OrgPath
	if ind.Bound != nil {
		path = ind.Bound.OrgPath
	}
	now := h.store.Now()
	for _, src := range h.store.sources.For(ind.Unit) {
		if src.AsOf && ind.Per != nil {
			continue // a level cannot follow a per-year target
		}
		c := SourceChoice{Key: src.Key, Label: t(src.Label, src.Args...), Unit: src.Unit, Selected: ind.Bound != nil && ind.Bound.Key == src.Key}
		if c.Value, err = h.store.sources.Value(r.Context(), src.Key, access.Subtrees(path), measure.AsOf(now)); err != nil {
			return v, err
		}
		v.Choices = append(v.Choices, c)
	}
	return v, nil
}

// bindSource binds a target to the chosen source (or unbinds it, for an
// empty choice) and returns to the target's page.
func (h *handler) bindSource(w http.ResponseWriter, r *http.Request) error {
	planID, iid := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	key := f.Get("source")
	err = h.store.Bind(r.Context(), BindInput{PlanID: planID, IndicatorID: iid, Key: key, OrgID: orgID,
		Scope: h.site.Policy.Scope(web.SubjectFrom(r.Context()), "plan.edit"), UserID: userID(r)})
	next := fmt.Sprintf("/plans/%d/indicators/%d", planID, iid)
	if list, ok := valid.As(err); ok {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
		return web.Redirect(w, r, next)
	}
	if err != nil {
		return err
	}
	if key == "" {
		h.site.AddFlash(w, r, "ok", "plan.flash.source_unbound")
	} else {
		h.site.AddFlash(w, r, "ok", "plan.flash.source_bound")
	}
	return web.Redirect(w, r, next)
}

// chartEntries are the entries a target's chart draws: the filed ones, and
// for a bound target its computed values, which the chart counts as
// accepted.
func chartEntries(filed []Entry, computed []Reading) []Entry {
	if len(computed) == 0 {
		return filed
	}
	out := make([]Entry, 0, len(computed))
	for _, c := range computed {
		if measure.Known(c.Value) { // a period with nothing to measure is not charted
			out = append(out, Entry{Reading: c, State: "accepted"})
		}
	}
	return out
}
