package venue

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/sheet"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// ListPage is the data of the staff's venue list.
type ListPage struct {
	Venues   []Venue
	List     *web.List
	Kinds    []string
	Outcomes []string
	Levels   []string
	Six      []string
	Form     *web.Form
	Map      string // an ECharts option, JSON
	Problem  string // a region filter that names no region or several, in words (nothing is listed then)
	redirect string // the list's address with a region typed by name turned into its code
}

func (h *handler) listPage(r *http.Request, f *web.Form) (ListPage, error) {
	l := web.ParseList(r, "name", "name", "kind", "org", "region", "visitors")
	// The region filter takes a name or pinyin initials as well as a code
	// (as the people list's does): one region becomes its code in the
	// address, so the pager and export carry it; none or several are said.
	switch rf, redirect := web.ReadRegionFilter(h.site.T(r), l); {
	case redirect != "":
		return ListPage{redirect: redirect}, nil
	case rf.Problem != "":
		return ListPage{List: l, Kinds: Kinds(), Outcomes: Outcomes(), Levels: Levels(), Six: SixItems(), Form: f,
			Problem: rf.Problem}, nil
	}
	col, desc := l.SortColumn()
	filter := Filter{Scope: h.site.Scope(r, "venue.view"), Q: l.Q, Kind: l.Get("kind"), Status: l.Get("status"), Region: l.Get("region"),
		Sort: col, Desc: desc, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		filter.Limit, filter.Offset = 0, 0
	}
	list, total, err := h.store.List(r.Context(), filter)
	if err != nil {
		return ListPage{}, err
	}
	l.Total = total
	return ListPage{Venues: list, List: l, Kinds: Kinds(), Outcomes: Outcomes(), Levels: Levels(), Six: SixItems(), Form: f,
		Map: mapOption(h.site.T(r), list, h.store.outlines)}, nil
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	if id := web.IdentityFrom(r.Context()); id != nil {
		f.Values.Set("org_id", strconv.FormatInt(id.CurrentOrgID, 10))
	}
	f.Values.Set("kind", KindEStation)
	p, err := h.listPage(r, f)
	if err != nil {
		return err
	}
	if p.redirect != "" {
		http.Redirect(w, r, p.redirect, http.StatusSeeOther)
		return nil
	}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("venue.title"), Headers: []string{t("venue.f.name"), t("venue.f.kind"), t("venue.f.level"), t("venue.f.org"),
			t("venue.f.region"), t("venue.f.township"), t("venue.f.address"), t("venue.f.lng"), t("venue.f.lat"), t("venue.f.hours"),
			t("venue.f.capacity"), t("venue.f.contact"), t("venue.f.status"), t("venue.f.six"), t("venue.f.visitors")}}
		for _, v := range p.Venues {
			lng, lat, level := "", "", ""
			if v.Lng != nil {
				lng, lat = strconv.FormatFloat(*v.Lng, 'f', 6, 64), strconv.FormatFloat(*v.Lat, 'f', 6, 64)
			}
			if v.Level != "" {
				level = t("venue.level." + v.Level)
			}
			six := ""
			if v.Kind == KindEStation {
				six = fmt.Sprintf("%d/6", v.SixMet())
			}
			tab.Rows = append(tab.Rows, []string{v.Name, t("venue.kind." + v.Kind), level, v.OrgName, v.RegionName, v.Township, v.Address, lng, lat,
				v.Hours, strconv.Itoa(v.Capacity), v.Contact, t("venue.status." + v.Status), six, strconv.FormatInt(v.Visitors, 10)})
		}
		return sheet.ServeXLSX(w, t("venue.title")+".xlsx", tab)
	}
	return h.site.Render(w, r, "venue/list.html", "venue.title", p)
}

// parseInput reads a venue form.
func parseInput(f *web.Form) (Input, bool) {
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	capacity, _ := strconv.Atoi(f.Get("capacity"))
	in := Input{OrgID: orgID, Kind: f.Get("kind"), Name: f.Get("name"), Level: f.Get("level"), RegionCode: f.Get("region_code"),
		Township: f.Get("township"), Address: f.Get("address"), Hours: f.Get("hours"), Capacity: capacity, Contact: f.Get("contact"),
		Six: map[string]bool{}}
	ok := true
	num := func(field string) *float64 {
		s := f.Get(field)
		if s == "" {
			return nil
		}
		x, good := valid.Number(strings.ReplaceAll(s, "，", "."))
		if !good {
			f.Errors[field] = "venue.err.number"
			ok = false
			return nil
		}
		return &x
	}
	in.Lng, in.Lat = num("lng"), num("lat")
	if f.Get("capacity") != "" {
		if _, err := strconv.Atoi(f.Get("capacity")); err != nil {
			in.Capacity = -1
		}
	}
	for _, it := range SixItems() {
		in.Six[it] = f.Get("six_"+it) == "1"
	}
	return in, ok
}

func (h *handler) create(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	in, ok := parseInput(f)
	var v Venue
	if ok {
		v, err = h.store.Create(r.Context(), in)
	}
	if !ok || f.Fail(h.site.T(r), err) {
		translate(h.site.T(r), f)
		p, perr := h.listPage(r, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "venue/list.html", "venue.title", p)
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "venue.flash.created")
	return web.Redirect(w, r, fmt.Sprintf("/venues/%d", v.ID))
}

// translate turns the keys parseInput left as field errors into text.
func translate(t func(string, ...any) string, f *web.Form) {
	for k, v := range f.Errors {
		if strings.HasPrefix(v, "venue.err.") {
			f.Errors[k] = t(v)
		}
	}
}

// Fields is the data of the venue fields on the new-venue form.
func (p ListPage) Fields(v *web.View, f *web.Form) FormData {
	return FormData{View: v, Form: f, Kinds: p.Kinds, Levels: p.Levels, Six: p.Six}
}
