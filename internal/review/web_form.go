package review

import (
	"net/http"
	"strconv"

	"kexie/internal/web"
)

// BuilderPage is the form builder of one call.
type BuilderPage struct {
	Call    Call
	Version int
	Frozen  bool // published: saving makes version Version+1
	Form    *web.Form
	Preview Schema
	Types   []string
}

// Idx lists the indexes of the fields the builder shows.
func (p BuilderPage) Idx() []int {
	n, _ := strconv.Atoi(p.Form.Value("fields"))
	return seq(min(n, builderCap+1))
}

// Cols lists the indexes of table field i's column rows.
func (p BuilderPage) Cols(i int) []int {
	n, _ := strconv.Atoi(p.Form.Value(fd(i, "cols")))
	return seq(min(n, 51))
}

// V returns the value of field i's setting name, C of its column j's.
func (p BuilderPage) V(i int, name string) string    { return p.Form.Value(fd(i, name)) }
func (p BuilderPage) C(i, j int, name string) string { return p.Form.Value(col(i, j, name)) }

// N names field i's setting for an input, CN its column j's.
func (BuilderPage) N(i int, name string) string     { return fd(i, name) }
func (BuilderPage) CN(i, j int, name string) string { return col(i, j, name) }

// Err returns the error shown at field i (or at its column j with CErr).
func (p BuilderPage) Err(i int) string { return p.Form.Error("form." + strconv.Itoa(i)) }
func (p BuilderPage) CErr(i, j int) string {
	return p.Form.Error("form." + strconv.Itoa(i) + "." + strconv.Itoa(j))
}

// FieldsView is the preview: the form as an applicant will see it.
func (p BuilderPage) FieldsView() FieldsView {
	return FieldsView{Schema: p.Preview, Form: web.NewForm(), Rows: seq(2)}
}

func seq(n int) []int {
	out := make([]int, max(n, 0))
	for i := range out {
		out[i] = i
	}
	return out
}

func (h *handler) formBuilder(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	c, err := h.store.Call(r.Context(), id)
	if err != nil {
		return err
	}
	sc, version, frozen, err := h.store.FormState(r.Context(), id)
	if err != nil {
		return err
	}
	f := web.NewForm()
	f.Values = BuilderValues(sc)
	return h.site.Render(w, r, "review/builder.html", "review.title.builder",
		BuilderPage{Call: c, Version: version, Frozen: frozen, Form: f, Preview: sc, Types: FieldTypes})
}

// saveFormBuilder runs one builder button: add, move or remove a field and
// show the form again, preview it, or save it (a frozen version is kept
// and the form becomes the next version). Bad settings are shown beside
// their field and nothing is saved.
func (h *handler) saveFormBuilder(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	c, err := h.store.Call(r.Context(), id)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 512<<10)
	if err != nil {
		return err
	}
	_, version, frozen, err := h.store.FormState(r.Context(), id)
	if err != nil {
		return err
	}
	p := BuilderPage{Call: c, Version: version, Frozen: frozen, Form: f, Types: FieldTypes}
	sc, errs := ParseBuilder(f.Values)
	p.Preview = sc
	op := f.Get("op")
	switch {
	case len(errs) > 0:
		f.Fail(h.site.T(r), append(errs, sc.Check()...))
	case op == "save":
		v, err := h.store.SaveForm(r.Context(), id, sc)
		if err == nil {
			h.site.AddFlash(w, r, "ok", "review.flash.form_saved", v)
			return web.Redirect(w, r, "/review/calls/"+strconv.FormatInt(id, 10)+"/form")
		}
		if !f.Fail(h.site.T(r), err) {
			return err
		}
	default:
		sc = sc.Edit(op, f.Get("add_type"))
		p.Preview = sc
		nf := web.NewForm()
		nf.Values = BuilderValues(sc)
		p.Form = nf
		if op == "check" {
			nf.Fail(h.site.T(r), sc.Check())
		}
		return h.site.Render(w, r, "review/builder.html", "review.title.builder", p)
	}
	if f.Message == "" {
		f.Message = h.site.T(r)("review.err.form_fix")
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "review/builder.html", "review.title.builder", p)
}
