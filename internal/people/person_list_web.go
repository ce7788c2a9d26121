package people

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"kexie/internal/sheet"
	"kexie/internal/std"
	"kexie/internal/web"
)

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
	Problem   string   // a filter that could not be read, in words (nothing is listed then)
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

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "name", "name", "employer", "created")
	// The region filter takes a name or pinyin initials as well as a code:
	// a name that names one region becomes its code in the address (so
	// the pager, facets and export carry it); one that names none or
	// several is said, and nothing is listed.
	if v := l.Get("region"); v != "" && strings.Trim(v, "0123456789") != "" {
		code, problem := regionFilter(v)
		if problem == "" {
			http.Redirect(w, r, l.With("region", code), http.StatusSeeOther)
			return nil
		}
		return h.site.Render(w, r, "people/list.html", "people.title", ListPage{List: l, Levels: h.levels(r, l.Get("level")),
			Problem: h.site.T(r)(problem, v)})
	}
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

// regionFilter reads a region typed by name or pinyin initials: the code of
// the one region whose name it is, or of the only region it finds; else the
// catalog key saying it found none or several.
func regionFilter(q string) (code, problem string) {
	switch r, n := std.Regions().Pick(q); {
	case n == 1:
		return r.Code, ""
	case n == 0:
		return "", "people.err.region_none"
	}
	return "", "people.err.region_many"
}
