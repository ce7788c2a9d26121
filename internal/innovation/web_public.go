package innovation

import (
	"net/http"
	"strconv"

	"kexie/internal/botcheck"
	"kexie/internal/web"
)

// formLimit bounds a posted form: the text at its longest, in UTF-8, and
// the other fields.
const formLimit = 4*MaxBody + 1<<14

// FormPage is the filing form, for an enterprise and for staff.
type FormPage struct {
	Form       *web.Form
	Stamp, Sig string
	Staff      bool   // staff entering a need for an enterprise
	OrgLabel   string // the chosen org's name beside the picker
	Fields     []string
}

func (h *handler) formPage(r *http.Request, f *web.Form, staff bool) FormPage {
	st, sig := h.bot.Stamp(h.store.db.Now(), "innovation.file")
	p := FormPage{Form: f, Stamp: st, Sig: sig, Staff: staff, Fields: Fields}
	if v := f.Get("org_id"); v != "" && !staff {
		if id, err := h.orgs.PublicByCode(r.Context(), v); err == nil && id != 0 {
			if o, err := h.orgs.Get(r.Context(), id); err == nil {
				p.OrgLabel = o.Name
			}
		}
	}
	return p
}

// form is the public page: what the service is, and the form.
func (h *handler) form(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	if o := r.URL.Query().Get("org"); o != "" && len(o) <= 64 {
		f.Values.Set("org_id", o)
	}
	return h.site.Render(w, r, "innovation/form.html", "innovation.title.form", h.formPage(r, f, false))
}

func input(f *web.Form) FileInput {
	return FileInput{Enterprise: f.Get("enterprise"), USCC: f.Get("uscc"), RegionCode: f.Get("region_code"), Field: f.Get("field"),
		Title: f.Get("title"), Body: f.Value("body"), BudgetLo: f.Get("budget_lo"), BudgetHi: f.Get("budget_hi"),
		WantedBy: f.Get("wanted_by"), Contact: f.Get("contact")}
}

// file files a need from an enterprise and thanks it.
func (h *handler) file(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	var ferr error
	if h.bot.Verify(h.store.db.Now(), f.Get("stamp"), f.Get("sig"), f.Value("website"), "innovation.file") != nil {
		ferr = web.Errorf(http.StatusUnprocessableEntity, "innovation.err.challenge")
	} else {
		in := input(f)
		in.Source = botcheck.Source(h.bot.Key, "innovation", web.ClientIP(r))
		if in.OrgID, ferr = h.orgs.PublicByCode(r.Context(), f.Get("org_id")); ferr == nil {
			if _, ferr = h.store.File(r.Context(), in); ferr == nil {
				h.site.AddFlash(w, r, "ok", "innovation.flash.filed")
				return web.Redirect(w, r, "/innovation/needs")
			}
		}
	}
	if !f.Fail(h.site.T(r), ferr) {
		return ferr
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "innovation/form.html", "innovation.title.form", h.formPage(r, f, false))
}

// lookup answers the form's org picker: the orgs that take needs.
func (h *handler) lookup(w http.ResponseWriter, r *http.Request) error {
	pq, err := web.ParsePick(r, "")
	if err != nil {
		return err
	}
	list, total, err := h.orgs.Publics(r.Context(), pq.Q, pq.Limit, pq.Offset)
	if err != nil {
		return err
	}
	hits := make([]web.PickHit, 0, len(list))
	for _, o := range list {
		hits = append(hits, web.PickHit{ID: strconv.FormatInt(o.ID, 10), Code: o.Code, Name: o.Name, Tag: o.Code, Path: o.Name})
	}
	return web.WritePick(w, hits, total, pq.Offset)
}

// PublicListPage is the public list of published needs.
type PublicListPage struct {
	List   *web.List
	Needs  []Need
	Field  string
	Region string
	Place  web.RegionFilter
	Fields []string
}

func (h *handler) publicList(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-filed", "filed", "wanted")
	p := PublicListPage{List: l, Field: l.Get("field"), Region: l.Get("region"), Fields: Fields}
	f := Filter{Public: true, Q: l.Q, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if knownField(p.Field) {
		f.Field = p.Field
	}
	var redirect string
	if p.Place, redirect = web.ReadRegionFilter(h.site.T(r), l); redirect != "" {
		return web.Redirect(w, r, redirect)
	}
	f.Region = p.Place.Code
	needs, total, err := h.store.List(r.Context(), f)
	if err != nil {
		return err
	}
	p.Needs, l.Total = needs, total
	return h.site.Render(w, r, "innovation/needs.html", "innovation.title.public", p)
}

// PublicNeedPage is one published need, without contact.
type PublicNeedPage struct{ Need Need }

func (h *handler) publicNeed(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	n, err := h.store.PublicNeed(r.Context(), id)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "innovation/need.html", "innovation.title.need", PublicNeedPage{Need: n})
}
