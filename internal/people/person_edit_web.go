package people

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/db"
	"kexie/internal/web"
)

// EditPage is the data of a person's edit form.
type EditPage struct {
	FormPage
	Person Person
}

// personFromPath reads the person of /people/{id}/… (the route resolver
// has already refused a tombstone or an unknown id).
func (h *handler) personFromPath(r *http.Request) (Person, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return Person{}, web.ErrNotFound
	}
	p, err := h.store.Get(r.Context(), id)
	if err == nil && p.Deleted() {
		return p, web.ErrNotFound
	}
	return p, err
}

// editPage is the edit form: the org picker holds the person's own org
// (kept even when it is disabled and so absent from the picker's list),
// so saving never moves them by accident.
func (h *handler) editPage(r *http.Request, p Person, f *web.Form) (EditPage, error) {
	fp, err := h.formPage(r, f)
	return EditPage{FormPage: fp, Person: p}, err
}

// editForm shows the record's fields; the phone and ID number only masked.
func (h *handler) editForm(w http.ResponseWriter, r *http.Request) error {
	p, err := h.personFromPath(r)
	if err != nil {
		return err
	}
	f := web.NewForm()
	for k, v := range map[string]string{"name": p.Name, "org_id": strconv.FormatInt(p.OrgID, 10), "email": p.Email,
		"employer": p.Employer, "employer_uscc": p.EmployerUSCC, "employer_org_id": idText(p.EmployerOrgID),
		"title": p.Title, "title_level": p.TitleLevel, "education": p.Education, "degree": p.Degree,
		"region_code": p.RegionCode, "discipline": p.Discipline, "disciplines2": strings.Join(p.Disciplines2, ","),
		"expertise": p.Expertise} {
		f.Values.Set(k, v)
	}
	page, err := h.editPage(r, p, f)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "people/edit.html", "people.title.edit", page)
}

// edit saves a correction. An empty phone field keeps the phone on record
// (it is shown masked); talent categories are not on the form and stay.
func (h *handler) edit(w http.ResponseWriter, r *http.Request) error {
	p, err := h.personFromPath(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	// The org picker sends a code (or, without scripts, an ID or a name).
	orgID := p.OrgID
	if v := strings.TrimSpace(f.Get("org_id")); v != "" {
		o, err := h.orgs.FromForm(r.Context(), v)
		switch {
		case err == nil:
			orgID = o.ID
		case errors.Is(err, db.ErrNotFound):
			orgID = -1 // refused by the store as an unknown org
		default:
			return err
		}
	}
	in := Input{OrgID: orgID, Name: f.Get("name"), IDNumber: f.Get("id_number"),
		Phone: f.Get("phone"), Email: f.Get("email"), Employer: f.Get("employer"), TitleLevel: f.Get("title_level"),
		Title: f.Get("title"), Education: f.Get("education"), Degree: f.Get("degree"), Discipline: f.Get("discipline"),
		Disciplines2: splitCodes(f.Get("disciplines2")), Expertise: f.Get("expertise"), RegionCode: f.Get("region_code"),
		EmployerUSCC: f.Get("employer_uscc"), EmployerScope: h.scope(r, "people.edit"), Categories: p.Categories}
	if v := strings.TrimSpace(f.Get("employer_org_id")); v != "" {
		o, err := h.orgs.FromForm(r.Context(), v)
		switch {
		case err == nil:
			in.EmployerOrgID = o.ID
		case errors.Is(err, db.ErrNotFound):
			in.EmployerOrgID = -1 // refused by the store as an unknown org
		default:
			return err
		}
	}
	if strings.TrimSpace(in.Phone) == "" && p.PhoneSealed != "" && f.Get("phone_clear") != "yes" {
		if in.Phone, err = h.store.keys.Open(FieldPhone, p.PhoneSealed); err != nil {
			return err
		}
	}
	if _, err := h.store.Edit(r.Context(), p.ID, in, h.scope(r, "people.edit")); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		page, perr := h.editPage(r, p, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "people/edit.html", "people.title.edit", page)
	}
	h.site.AddFlash(w, r, "ok", "people.flash.updated", strings.TrimSpace(in.Name))
	return web.Redirect(w, r, "/people/"+strconv.FormatInt(p.ID, 10))
}
