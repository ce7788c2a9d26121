package people

import (
	"net/http"
	"strconv"

	"kexie/internal/web"
)

// FormPage is the data of the new-person form.
type FormPage struct {
	Form   *web.Form
	Levels []Option
}

func (h *handler) formPage(r *http.Request, f *web.Form) (FormPage, error) {
	// Org and employer are chosen with the org picker, scoped to people.edit.
	return FormPage{Form: f, Levels: h.levels(r, f.Value("title_level"))}, nil
}

func (h *handler) newForm(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	if id := web.IdentityFrom(r.Context()); id != nil {
		f.Values.Set("org_id", strconv.FormatInt(id.CurrentOrgID, 10))
	}
	p, err := h.formPage(r, f)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "people/form.html", "people.title.new", p)
}

func (h *handler) create(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	in := Input{OrgID: orgID, Name: f.Get("name"), IDNumber: f.Get("id_number"),
		Phone: f.Get("phone"), Email: f.Get("email"), Employer: f.Get("employer"), TitleLevel: f.Get("title_level"),
		Title: f.Get("title"), Education: f.Get("education"), Degree: f.Get("degree"), Discipline: f.Get("discipline"),
		Disciplines2: splitCodes(f.Get("disciplines2")), Expertise: f.Get("expertise"), RegionCode: f.Get("region_code"),
		EmployerUSCC: f.Get("employer_uscc"), EmployerScope: h.scope(r, "people.edit")}
	if v := f.Get("employer_org_id"); v != "" {
		// The org picker sends a code; an ID or a unique name is read too.
		if in.EmployerOrgID, err = h.orgs.FormID(r.Context(), v); err != nil {
			return err
		} else if in.EmployerOrgID == 0 {
			in.EmployerOrgID = -1 // refused by the store as an unknown org
		}
	}
	p, err := h.store.Create(r.Context(), in)
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		page, perr := h.formPage(r, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "people/form.html", "people.title.new", page)
	}
	h.site.AddFlash(w, r, "ok", "people.flash.created", p.Name)
	return web.Redirect(w, r, "/people/"+strconv.FormatInt(p.ID, 10))
}
