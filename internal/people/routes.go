package people

import (
	"embed"
	"errors"
	"io/fs"
	"net/http"
	"sort"
	"strconv"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions: staff keep the register of their subtree; only organization
// administrators reveal a full ID number or phone.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "people.view", Roles: staff, Label: "people.perm.view"},
		{Action: "people.edit", Roles: staff, Label: "people.perm.edit"},
		{Action: "people.reveal", Roles: []access.Role{access.OrgAdmin}, Label: "people.perm.reveal"},
		{Action: "people.erase", Roles: []access.Role{access.OrgAdmin}, Label: "people.perm.erase"},
	}
}

// Module returns the people module.
func Module(s *Store, orgs *org.Store) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "people",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "nav.section.org", Label: "people.nav", Href: "/people", Action: "people.view", Order: 30},
			{Section: "nav.section.org", Label: "people.nav.pools", Href: "/people/pools", Action: "people.view", Order: 32},
			{Section: "nav.section.org", Label: "people.nav.units", Href: "/members/units", Action: "people.view", Order: 35},
			{Section: "nav.section.org", Label: "people.nav.deletions", Href: "/people/deletions", Action: "people.erase", Order: 36},
			{Section: "nav.section.org", Label: "people.nav.claims", Href: "/people/claims", Action: "people.edit", Order: 37},
			{Section: "nav.section.system", Label: "people.nav.me", Href: "/me", Order: 88},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs}
			site.AddNamer("person", s.Names)
			site.Handle("GET /people", access.Require("people.view", nil), h.list)
			site.Handle("POST /people", access.Require("people.edit", orgs.FormResolver("org_id")), h.create)
			site.Handle("GET /people/import", access.Require("people.edit", nil), h.importForm)
			site.Handle("POST /people/import", access.Require("people.edit", orgs.FormResolver("org_id")), h.importFile)
			site.AllowUpload("/people/import", maxUpload)
			site.Handle("POST /people/import/report", access.Require("people.edit", nil), h.report)
			site.Handle("GET /people/import/template", access.Require("people.edit", nil), h.template)
			site.Handle("GET /people/import/jobs/{id}", access.Require("people.edit", s.jobResolver), h.importJob)
			site.Handle("GET /people/import/jobs/{id}/status", access.Require("people.edit", s.jobResolver), h.importJobStatus)
			site.Handle("POST /people/import/jobs/{id}/cancel", access.Require("people.edit", s.jobResolver), h.cancelJob)
			site.Handle("GET /people/new", access.Require("people.edit", nil), h.newForm)
			site.Handle("GET /people/{id}", access.Require("people.view", s.PathResolver("id")), h.show)
			site.Handle("GET /people/edit/{id}", access.Require("people.edit", s.PathResolver("id")), h.editForm)
			site.Handle("POST /people/{id}/edit", access.Require("people.edit", s.PathResolver("id")), h.edit)
			site.Handle("GET /people/delete/{id}", access.Require("people.edit", s.PathResolver("id")), h.deleteForm)
			site.Handle("POST /people/{id}/delete", access.Require("people.edit", s.PathResolver("id")), h.delete)
			site.Handle("POST /people/{id}/items", access.Require("people.edit", s.PathResolver("id")), h.addItem)
			site.Handle("POST /people/{id}/memberships", access.Require("people.edit", s.PathResolver("id")), h.addMembership)
			site.Handle("GET /people/claims", access.Require("people.edit", nil), h.claims)
			site.Handle("POST /people/claims/{id}/confirm", access.Require("people.edit", s.claimResolver), h.confirmClaim)
			site.Handle("POST /people/claims/{id}/refuse", access.Require("people.edit", s.claimResolver), h.refuseClaim)
			site.Handle("GET /people/pools", access.Require("people.view", nil), h.pools)
			site.Handle("POST /people/pools", access.Require("people.edit", orgs.FormResolver("org_id")), h.createPool)
			site.Handle("GET /people/pools/{id}", access.Require("people.view", s.poolResolver), h.pool)
			site.Handle("POST /people/pools/{id}/add", access.Require("people.edit", s.poolResolver), h.addToPool)
			site.Handle("POST /people/pools/add", access.Require("people.edit", s.poolFormResolver), h.addSelectedToPool)
			site.Handle("GET /me", access.SignedIn(), h.me)
			site.Handle("POST /me", access.SignedIn(), h.saveMe)
			site.Handle("GET /me/data", access.SignedIn(), h.myData)
			site.Handle("POST /me/delete", access.SignedIn(), h.deleteMe)
			site.Handle("GET /people/deletions", access.Require("people.erase", nil), h.deletions)
			site.Handle("POST /people/deletions/{id}/resolve", access.Require("people.erase", s.deletionResolver), h.resolveDeletion)
			site.Handle("GET /members/units", access.Require("people.view", nil), h.units)
			site.Handle("POST /members/units", access.Require("people.edit", orgs.FormResolver("org_id")), h.addUnit)
			site.Handle("POST /people/{id}/reveal", access.Require("people.reveal", s.PathResolver("id")), h.reveal)
			// Discipline picker of forms (GB/T 13745 as imported), like /std/regions.
			site.Handle("GET /std/disciplines", access.SignedIn(), h.disciplines)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
}

// ListPage is the data of the people list; with a query it shows search
// hits and their facets.
type ListPage struct {
	List      *web.List
	People    []Person
	Levels    []Option
	Searching bool
	Facets    []FacetGroup
	Pools     []Pool   // pools the search hits can be added to
	Rows      []HitRow // the hits of a search, with what matched marked
	Back      string   // this search page's URL, for forms that return to it
}

// FacetGroup is one facet with its values, most frequent first.
type FacetGroup struct {
	Name, Label string
	Values      []FacetValue
}

// FacetValue is a facet value with its count and the link that toggles it.
type FacetValue struct {
	Label    string
	Count    int
	Selected bool
	Href     string
}

// Option is an entry of a select.
type Option struct {
	Value, Label string
	Selected     bool
}

func (h *handler) levels(r *http.Request, selected string) []Option {
	t := h.site.T(r)
	var out []Option
	for _, l := range TitleLevels() {
		out = append(out, Option{Value: l, Label: t("people.level." + l), Selected: l == selected})
	}
	return out
}

func (h *handler) scope(r *http.Request, action access.Action) access.Scope {
	return h.site.Scope(r, action)
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "name", "name", "employer", "created")
	facets := map[string]string{}
	for _, f := range FacetNames {
		if v := l.Get(f); v != "" {
			facets[f] = v
		}
	}
	if l.Q != "" || len(facets) > 0 {
		return h.searchPage(w, r, l, facets)
	}
	f := Filter{Scope: h.scope(r, "people.view"), Q: l.Q, TitleLevel: l.Get("level"), RegionCode: l.Get("region"),
		Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	people, total, err := h.store.List(r.Context(), f)
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		return h.export(w, r, people)
	}
	l.Total = total
	return h.site.Render(w, r, "people/list.html", "people.title", ListPage{List: l, People: people, Levels: h.levels(r, l.Get("level"))})
}

func (h *handler) searchPage(w http.ResponseWriter, r *http.Request, l *web.List, facets map[string]string) error {
	// Hits come by relevance unless a column header asked otherwise.
	l = web.ParseList(r, "", SearchSorts...)
	sq := SearchQuery{Q: l.Q, Facets: facets, Scope: h.scope(r, "people.view"), Limit: l.PerPage, Offset: l.Offset(), Sort: l.Sort}
	if web.WantsExport(r) {
		sq.Limit, sq.Offset = 1000, 0
	}
	res, err := h.store.Search(r.Context(), sq)
	if err != nil {
		return err
	}
	var people []Person
	for _, hit := range res.Hits {
		people = append(people, hit.Person)
	}
	if web.WantsExport(r) {
		return h.export(w, r, people)
	}
	l.Total = res.Total
	p := ListPage{List: l, People: people, Levels: h.levels(r, ""), Searching: true, Back: r.URL.RequestURI()}
	if p.Rows, err = h.hitRows(r, l.Q, people); err != nil {
		return err
	}
	if p.Pools, err = h.store.Pools(r.Context(), h.scope(r, "people.edit")); err != nil {
		return err
	}
	t := h.site.T(r)
	// Names of the discipline facet's values only, not the whole table.
	codes := make([]string, 0, len(res.Facets["discipline"]))
	for v := range res.Facets["discipline"] {
		codes = append(codes, v)
	}
	names, err := h.store.DisciplineNames(r.Context(), codes)
	if err != nil {
		return err
	}
	for _, name := range FacetNames {
		g := FacetGroup{Name: name, Label: t("people.facet." + name)}
		for v, n := range res.Facets[name] {
			fv := FacetValue{Label: h.facetLabel(t, name, v), Count: n, Selected: facets[name] == v}
			if n, ok := names[v]; ok && name == "discipline" {
				fv.Label = n
			}
			if fv.Selected {
				fv.Href = l.With(name, "")
			} else {
				fv.Href = l.With(name, v)
			}
			g.Values = append(g.Values, fv)
		}
		sort.Slice(g.Values, func(i, j int) bool {
			if g.Values[i].Count != g.Values[j].Count {
				return g.Values[i].Count > g.Values[j].Count
			}
			return g.Values[i].Label < g.Values[j].Label
		})
		if len(g.Values) > 12 {
			g.Values = g.Values[:12]
		}
		if len(g.Values) > 0 {
			p.Facets = append(p.Facets, g)
		}
	}
	return h.site.Render(w, r, "people/list.html", "people.title", p)
}

func (h *handler) facetLabel(t func(string, ...any) string, name, v string) string {
	switch name {
	case "title_level":
		return t("people.level." + v)
	case "age_band":
		return t("people.age." + v)
	case "membership":
		return t("people.grade." + v)
	case "region":
		if n := h.orgsRegion(v); n != "" {
			return n
		}
	}
	return v
}

func (h *handler) export(w http.ResponseWriter, r *http.Request, people []Person) error {
	t := h.site.T(r)
	tab := sheet.Table{Sheet: t("people.title"), Headers: []string{t("people.f.name"), t("people.f.gender"), t("people.f.birth_year"),
		t("people.f.id_number"), t("people.f.phone"), t("people.f.employer"), t("people.f.employer_uscc"), t("people.f.title"), t("people.f.title_level"),
		t("people.f.region_code"), t("people.f.org"), t("people.f.discipline_codes")}}
	for _, p := range people {
		lvl := ""
		if p.TitleLevel != "" {
			lvl = t("people.level." + p.TitleLevel)
		}
		gender := ""
		if p.Gender != "" {
			gender = t("people.gender." + p.Gender)
		}
		// The birth year only, never the date: with the masked ID number
		// the date would rebuild it (D43).
		year := ""
		if p.BirthYear > 0 {
			year = strconv.Itoa(p.BirthYear)
		}
		tab.Rows = append(tab.Rows, []string{p.Name, gender, year, p.IDMasked, p.PhoneMasked, p.Employer, p.EmployerUSCC, p.Title, lvl, p.RegionCode, p.OrgName,
			disciplineCell(p.Discipline, p.Disciplines2)})
	}
	return sheet.ServeXLSX(w, t("people.title")+"-"+sheet.FileDate(time.Now())+".xlsx", tab)
}

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
