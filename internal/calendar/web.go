package calendar

import (
	"embed"
	"io/fs"
	"net/http"
	"strconv"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Module is the calendar's admin page (/admin/calendar): system
// administrators see a year's special days, shipped and entered, and
// enter the holidays and make-up working days of later years.
func Module(d *db.DB) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "calendar",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: []access.Permission{{Action: "calendar.manage", Label: "calendar.perm.manage"}}, // system administrators only
		Templates:   tpl,
		Locales:     loc,
		Nav:         []web.NavItem{{Section: "nav.section.system", Label: "calendar.nav", Href: "/admin/calendar", Action: "calendar.manage", Order: 87}},
		Routes: func(s *web.Site) {
			h := &page{site: s, db: d}
			s.Handle("GET /admin/calendar", access.Require("calendar.manage", nil), h.show)
			s.Handle("POST /admin/calendar", access.Require("calendar.manage", nil), h.add)
			s.Handle("POST /admin/calendar/remove", access.Require("calendar.manage", nil), h.remove)
		},
	}
}

type page struct {
	site *web.Site
	db   *db.DB
}

// Page is one year of the calendar with the form to enter days.
type Page struct {
	Year     int
	Days     []Entry
	Workdays int // working days in the year as now entered
	Form     *web.Form
}

func (h *page) year(r *http.Request) int {
	y, err := strconv.Atoi(r.URL.Query().Get("year"))
	if err != nil || y < 2000 || y > 2100 {
		y = h.db.Now().In(Beijing).Year()
	}
	return y
}

func (h *page) render(w http.ResponseWriter, r *http.Request, status, year int, f *web.Form) error {
	days, err := Year(r.Context(), h.db, year)
	if err != nil {
		return err
	}
	c, err := Load(r.Context(), h.db)
	if err != nil {
		return err
	}
	from := mustDay(strconv.Itoa(year) + "-01-01")
	p := Page{Year: year, Days: days, Form: f, Workdays: c.Workdays(from, from.AddDate(1, 0, 0))}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: strconv.Itoa(year), Headers: []string{t("calendar.f.date"), t("calendar.f.kind"), t("calendar.f.name"),
			t("calendar.f.source"), t("calendar.f.origin")}}
		for _, d := range days {
			origin := t("calendar.shipped")
			if d.Entered {
				origin = t("calendar.entered")
			}
			tab.Rows = append(tab.Rows, []string{d.Date, t("calendar.kind." + d.Kind), d.Name, d.Source, origin})
		}
		return sheet.ServeXLSX(w, t("calendar.title")+"-"+strconv.Itoa(year)+".xlsx", tab)
	}
	return h.site.RenderStatus(w, r, status, "calendar/admin.html", "calendar.title", p)
}

func mustDay(s string) time.Time {
	t, _ := time.ParseInLocation("2006-01-02", s, Beijing)
	return t
}

func (h *page) show(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	f.Values.Set("kind", Holiday)
	return h.render(w, r, http.StatusOK, h.year(r), f)
}

func (h *page) add(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	days, err := Range(f.Get("from"), f.Get("to"), f.Get("kind"), f.Get("name"), f.Get("source"))
	if err == nil {
		err = Set(r.Context(), h.db, days)
	}
	year := h.year(r)
	if len(f.Get("from")) >= 4 {
		if y, e := strconv.Atoi(f.Get("from")[:4]); e == nil && y >= 2000 && y <= 2100 {
			year = y
		}
	}
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.render(w, r, http.StatusUnprocessableEntity, year, f)
	}
	h.site.AddFlash(w, r, "ok", "calendar.flash.saved", len(days))
	return web.Redirect(w, r, "/admin/calendar?year="+strconv.Itoa(year))
}

func (h *page) remove(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 4<<10)
	if err != nil {
		return err
	}
	day := f.Get("day")
	if err := Remove(r.Context(), h.db, day); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		h.site.AddFlash(w, r, "error", "calendar.err.not_entered")
	} else {
		h.site.AddFlash(w, r, "ok", "calendar.flash.removed", day)
	}
	year := day
	if len(year) >= 4 {
		year = year[:4]
	}
	return web.Redirect(w, r, "/admin/calendar?year="+year)
}
