package funding

import (
	"cmp"
	"embed"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/sheet"
	"kexie/internal/std"
	"kexie/internal/web"
)

//go:embed templates
var templateFS embed.FS

// Module returns the funding module for the wiring in package app.
func Module(s *Store, orgs *org.Store) web.Module {
	tpl, _ := fs.Sub(templateFS, "templates")
	loc, _ := fs.Sub(localeFS, "locales")
	return web.Module{
		Name:        "funding",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: []access.Permission{{Action: "funding.manage", Roles: []access.Role{access.OrgAdmin, access.OrgStaff}, Label: "funding.perm.manage"}},
		Templates:   tpl,
		Locales:     loc,
		Nav:         []web.NavItem{{Section: "nav.section.work", Label: "funding.nav", Href: "/funding", Action: "funding.manage", Order: 63}},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs}
			site.AllowUpload("/funding/population", 16<<20)
			site.Handle("GET /funding", access.Require("funding.manage", nil), h.page)
			site.Handle("POST /funding/budgets", access.Require("funding.manage", orgs.FormResolver("org_id")), h.addBudget)
			site.Handle("POST /funding/population", access.Require("funding.manage", nil), h.importPopulation)
			site.Handle("GET /funding/budgets", access.Require("funding.manage", nil), h.budgets)
			site.Handle("POST /funding/budgets/{id}/correct", access.Require("funding.manage", s.budgetResolver), h.correct)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
}

type page struct {
	List      *web.List
	Year      int
	Rows      []RegionRow
	PerCapita string
	Chart     string // 人均 by region as an ECharts option; "" without populations
	Size      string // the chart's height class: "short" for a few regions, "tall" for many
	Errors    []string
	Imported  int
}

func (h *handler) year(r *http.Request) int {
	y, err := strconv.Atoi(r.FormValue("year"))
	if err != nil || y < 2000 || y > 2100 {
		y = h.store.db.Now().In(beijing).Year()
	}
	return y
}

func (h *handler) render(w http.ResponseWriter, r *http.Request, status int, p page) error {
	scope := h.site.Scope(r, "funding.manage")
	var err error
	if p.Rows, err = h.store.ByRegion(r.Context(), scope, p.Year); err != nil {
		return err
	}
	v, err := h.store.PerCapitaIn(r.Context(), scope, p.Year)
	if err != nil {
		return err
	}
	p.PerCapita = strconv.FormatFloat(v, 'f', 2, 64)
	p.List = yearList(r, "/funding", p.Year, "region", regionSorts...)
	sortRegions(p.Rows, p.List.Sort)
	if status == http.StatusOK && web.WantsExport(r) {
		return h.export(w, r, p)
	}
	p.List.Total = len(p.Rows)
	p.Chart = perCapitaChart(h.site.T(r), p.Rows)
	switch {
	case len(p.Rows) > 10:
		p.Size = "tall"
	case len(p.Rows) <= 4:
		p.Size = "short"
	}
	return h.site.RenderStatus(w, r, status, "funding/page.html", "funding.title", p)
}

// page shows the year's 科普经费 and 人均科普经费 by region in the caller's
// scope, with the forms that add a budget entry and import populations.
func (h *handler) page(w http.ResponseWriter, r *http.Request) error {
	return h.render(w, r, http.StatusOK, page{Year: h.year(r)})
}

func (h *handler) addBudget(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	year := h.year(r)
	sub := web.SubjectFrom(r.Context())
	err = h.store.AddBudget(r.Context(), orgID, year, f.Get("item"), f.Get("amount"), sub.UserID)
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p := page{Year: year}
		for _, m := range f.Errors {
			p.Errors = append(p.Errors, m)
		}
		return h.render(w, r, http.StatusUnprocessableEntity, p)
	}
	h.site.AddFlash(w, r, "ok", "funding.flash.budget")
	return web.Redirect(w, r, "/funding?year="+strconv.Itoa(year))
}

func (h *handler) importPopulation(w http.ResponseWriter, r *http.Request) error {
	if _, err := web.ParseForm(w, r, 16<<20); err != nil {
		return err
	}
	p := page{Year: h.year(r)}
	t := h.site.T(r)
	file, _, err := r.FormFile("file")
	if err != nil {
		p.Errors = []string{t("funding.err.no_file")}
		return h.render(w, r, http.StatusUnprocessableEntity, p)
	}
	defer file.Close()
	n, errs, err := h.store.ImportPopulation(r.Context(), file, std.Regions(), web.SubjectFrom(r.Context()).UserID)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		for _, e := range errs {
			msg := t(e.Code, e.Args...)
			if e.Row > 0 {
				msg = t("funding.row", e.Row) + " " + msg
			}
			p.Errors = append(p.Errors, msg)
		}
		return h.render(w, r, http.StatusUnprocessableEntity, p)
	}
	p.Imported = n
	web.KeepOnce(r) // imported, answered with the page: the same form again is 409
	return h.render(w, r, http.StatusOK, p)
}

// regionSorts are the by-region table's sort keys: the region code (the
// default), the budget, the population and 人均.
var regionSorts = []string{"region", "budget", "population", "per_capita"}

// sortRegions orders rows by key, "-" first for descending; ties keep the
// region codes' order.
func sortRegions(rows []RegionRow, key string) {
	desc := strings.HasPrefix(key, "-")
	var by func(a, b RegionRow) int
	switch strings.TrimPrefix(key, "-") {
	case "budget":
		by = func(a, b RegionRow) int { return cmp.Compare(a.Cents, b.Cents) }
	case "population":
		by = func(a, b RegionRow) int { return cmp.Compare(a.Population, b.Population) }
	case "per_capita":
		by = func(a, b RegionRow) int { return cmp.Compare(a.PerCapita(), b.PerCapita()) }
	default:
		by = func(a, b RegionRow) int { return cmp.Compare(a.Code, b.Code) }
	}
	web.SortRows(rows, desc, by)
}

// export writes the by-region table as the page shows it, each figure in
// its own cell.
func (h *handler) export(w http.ResponseWriter, r *http.Request, p page) error {
	t := h.site.T(r)
	tab := sheet.Table{Sheet: t("funding.title"), Headers: []string{t("funding.f.region"), t("funding.f.region_code"),
		t("funding.f.budget"), t("funding.f.population"), t("funding.f.per_capita")}}
	for _, row := range p.Rows {
		name := row.Name
		if name == "" {
			name = t("funding.no_region")
		}
		pop, per := "", ""
		if row.Population > 0 {
			pop, per = strconv.FormatInt(row.Population, 10), row.PerCapitaText()
		}
		tab.Rows = append(tab.Rows, []string{name, row.Code, row.YuanText(), pop, per})
	}
	return sheet.ServeXLSX(w, t("funding.export_name", p.Year)+".xlsx", tab)
}

// yearList reads the list query of the GET page at path showing year: its
// links (sort, page, export) keep the year shown, also when a form's POST
// rendered the page (whose own query is not the list's).
func yearList(r *http.Request, path string, year int, def string, sorts ...string) *web.List {
	q := r.URL.Query()
	if r.Method != http.MethodGet {
		q = url.Values{}
	}
	q.Set("year", strconv.Itoa(year))
	return web.ParseList(&http.Request{URL: &url.URL{Path: path, RawQuery: q.Encode()}}, def, sorts...)
}
