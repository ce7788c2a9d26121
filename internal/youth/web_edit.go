package youth

import (
	"net/http"
	"strconv"
	"time"

	"kexie/internal/web"
)

// ProgrammeEditPage changes a programme: the fields its phase locks are
// shown read-only (and refused by the store if sent changed).
type ProgrammeEditPage struct {
	Programme Programme
	Form      *web.Form
	Kinds     []string
	Grades    []int
	Phase     string
}

// Can reports whether field may still change.
func (p ProgrammeEditPage) Can(field string) bool { return Editable(p.Phase, field) }

func (h *handler) editPage(r *http.Request, f *web.Form) (ProgrammeEditPage, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return ProgrammeEditPage{}, err
	}
	p, err := h.store.Programme(r.Context(), id)
	if err != nil {
		return ProgrammeEditPage{}, err
	}
	if f == nil {
		f = web.NewForm()
		in := p.EditInput()
		for k, v := range map[string]string{"title": in.Title, "kind": in.Kind, "starts_on": in.StartsOn, "ends_on": in.EndsOn, "places": in.Places,
			"grade_lo": in.GradeLo, "grade_hi": in.GradeHi, "fee": in.Fee, "description": in.Description} {
			f.Values.Set(k, v)
		}
	}
	return ProgrammeEditPage{Programme: p, Form: f, Kinds: Kinds, Grades: grades(), Phase: EditPhase(p, h.store.db.Now())}, nil
}

func (h *handler) programmeEditForm(w http.ResponseWriter, r *http.Request) error {
	p, err := h.editPage(r, nil)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "youth/programme_edit.html", "youth.title.programme_edit", p)
}

func (h *handler) programmeEdit(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	in := ProgrammeInput{Title: f.Get("title"), Kind: f.Get("kind"), StartsOn: f.Get("starts_on"), EndsOn: f.Get("ends_on"), Places: f.Get("places"),
		GradeLo: f.Get("grade_lo"), GradeHi: f.Get("grade_hi"), Fee: f.Get("fee"), Description: f.Value("description")}
	if err := h.store.EditProgramme(r.Context(), id, in, actor(r)); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p, perr := h.editPage(r, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "youth/programme_edit.html", "youth.title.programme_edit", p)
	}
	h.site.AddFlash(w, r, "ok", "youth.flash.edited")
	return web.Redirect(w, r, "/youth/admin/programmes/"+itoa(id))
}

// ChangeLine is one change of an edit as the timeline shows it.
type ChangeLine struct {
	Label, Old, New string
	Long            bool // a description: shown folded
}

// changeLines labels an edit's changes in the viewer's language.
func changeLines(t func(string, ...any) string, e Event) []ChangeLine {
	var out []ChangeLine
	for _, c := range e.Changes() {
		l := ChangeLine{Label: t("youth.f." + c.Field), Old: c.Old, New: c.New, Long: c.Field == "description"}
		switch c.Field {
		case "kind":
			l.Old, l.New = t("youth.kind."+c.Old), t("youth.kind."+c.New)
		case "grade_lo", "grade_hi":
			if a, err := strconv.Atoi(c.Old); err == nil {
				l.Old = t(GradeLabel(a))
			}
			if b, err := strconv.Atoi(c.New); err == nil {
				l.New = t(GradeLabel(b))
			}
		}
		out = append(out, l)
	}
	return out
}

func (h *handler) labelEvents(r *http.Request, evs []Event) []Event {
	t := h.site.T(r)
	for i := range evs {
		evs[i].Lines = changeLines(t, evs[i])
	}
	return evs
}

func (h *handler) cancelEnrolment(w http.ResponseWriter, r *http.Request) error {
	return h.site.Step(w, r, formLimit, "youth.flash.enrol_cancelled", "/youth/admin/enrolments/", func(id int64, f *web.Form) error {
		return h.store.CancelEnrolment(r.Context(), id, f.Value("cancel_reason"), actor(r))
	}, func(f *web.Form) error { return h.renderEnrolment(w, r, f, http.StatusUnprocessableEntity) })
}

// withdraw is whoever applied withdrawing from their own list; the list
// is shown again with the message when it is refused.
func (h *handler) withdraw(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.store.Withdraw(r.Context(), id, f.Value("reason"), actor(r)); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.renderMine(w, r, f, id, http.StatusUnprocessableEntity)
	}
	h.site.AddFlash(w, r, "ok", "youth.flash.withdrawn")
	return web.Redirect(w, r, "/youth/mine")
}

// now is the store's clock (demo data and tests move it).
func (h *handler) now() time.Time { return h.store.db.Now() }
