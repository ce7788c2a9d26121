package people

import (
	"errors"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/web"
)

// ShowPage is the data of a person's page.
type ShowPage struct {
	Items       []ItemRow
	ItemForm    *web.Form
	Kinds       []Option
	Memberships []MembershipRow
	MemberForm  *web.Form
	Grades      []Option
	CanEdit     bool
	Person      Person
	Revealed    map[string]string // field → plaintext, only on the reveal response
	CanReveal   bool
	Level       string
	Gender      string
	Region      string
	Disciplines []DisciplineLabel // primary first, then the secondary ones
}

// DisciplineLabel is a discipline of a person with its name from the
// imported table (empty when the code is not there, or is a name itself).
type DisciplineLabel struct {
	Code, Name string
	Primary    bool
}

func (h *handler) showPage(r *http.Request) (ShowPage, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return ShowPage{}, web.ErrNotFound
	}
	p, err := h.store.Get(r.Context(), id)
	if err != nil {
		return ShowPage{}, err
	}
	t := h.site.T(r)
	sp := ShowPage{Person: p, CanReveal: h.site.Policy.Can(r.Context(), web.SubjectFrom(r.Context()), "people.reveal",
		access.Resource{OrgID: p.OrgID, OrgPath: p.OrgPath}), Region: h.orgsRegion(p.RegionCode)}
	if p.TitleLevel != "" {
		sp.Level = t("people.level." + p.TitleLevel)
	}
	if p.Gender != "" {
		sp.Gender = t("people.gender." + p.Gender)
	}
	if p.Discipline != "" {
		names, err := h.store.DisciplineNames(r.Context(), append([]string{p.Discipline}, p.Disciplines2...))
		if err != nil {
			return sp, err
		}
		sp.Disciplines = append(sp.Disciplines, DisciplineLabel{Code: p.Discipline, Name: names[p.Discipline], Primary: true})
		for _, c := range p.Disciplines2 {
			sp.Disciplines = append(sp.Disciplines, DisciplineLabel{Code: c, Name: names[c]})
		}
	}
	return sp, nil
}

func (h *handler) orgsRegion(code string) string {
	if code == "" || h.orgs.Regions() == nil {
		return ""
	}
	return h.orgs.Regions().FullName(code)
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	p, err := h.showPage(r)
	if err != nil {
		return err
	}
	f := web.NewForm()
	f.Values.Set("grade", "member")
	if err := h.fillMemberships(r, &p, f); err != nil {
		return err
	}
	return h.site.Render(w, r, "people/show.html", "people.title.show", p)
}

// reveal shows one field in full on this response only; the store audits it.
func (h *handler) reveal(w http.ResponseWriter, r *http.Request) error {
	p, err := h.showPage(r)
	if err != nil {
		return err
	}
	field := r.PostFormValue("field")
	plain, err := h.store.Reveal(r.Context(), p.Person.ID, field)
	if errors.Is(err, ErrNoSuchField) {
		return web.ErrBadRequest
	}
	if err != nil {
		return err
	}
	p.Revealed = map[string]string{field: plain}
	f := web.NewForm()
	f.Values.Set("grade", "member")
	if err := h.fillMemberships(r, &p, f); err != nil {
		return err
	}
	return h.site.Render(w, r, "people/show.html", "people.title.show", p)
}
