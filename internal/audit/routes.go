package audit

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

// Module returns the audit log viewer: its migrations, the "audit.view"
// permission (organization administrators, for their subtrees), and the page.
func Module(d *db.DB) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:       "audit",
		Migrations: []db.Migrations{Migrations()},
		Permissions: []access.Permission{
			{Action: "audit.view", Roles: []access.Role{access.OrgAdmin}, Label: "audit.perm.view"},
		},
		Templates: tpl,
		Locales:   loc,
		Nav:       []web.NavItem{{Section: "nav.section.system", Label: "audit.nav", Href: "/audit", Action: "audit.view", Order: 85}},
		Routes: func(s *web.Site) {
			h := &viewer{site: s, db: d}
			s.Handle("GET /audit", access.Require("audit.view", nil), h.list)
		},
	}
}

type viewer struct {
	site *web.Site
	db   *db.DB
}

// ActionLabel returns the localized name of an action, or the action
// itself when it has none. The module that writes an action names it in its
// own catalog under "audit.act.<action>" (each module's test checks this
// with webtest.AuditLabels); t, the site's translator, holds every module's
// catalog.
func ActionLabel(t func(string, ...any) string, action string) string {
	key := "audit.act." + action
	if l := t(key); l != key {
		return l
	}
	return action
}

// Row is a record with its action's label.
type Row struct {
	Record
	ActionLabel string
}

// listPage is the audit page's data.
type listPage struct {
	List    *web.List
	Records []Row
	From    string
	To      string
}

func (v *viewer) list(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	l := web.ParseList(r, "-at", "at")
	f := Filter{Scope: v.site.Scope(r, "audit.view"), Actor: l.Get("actor"), Action: l.Get("action"), Target: l.Get("target"),
		Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	p := listPage{List: l, From: l.Get("from"), To: l.Get("to")}
	if t, err := time.ParseInLocation("2006-01-02", p.From, shanghai()); err == nil {
		f.From = t
	}
	if t, err := time.ParseInLocation("2006-01-02", p.To, shanghai()); err == nil {
		f.To = t.AddDate(0, 0, 1)
	}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	recs, total, err := List(ctx, v.db, f)
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		t := v.site.T(r)
		tab := sheet.Table{Sheet: t("audit.title"), Headers: []string{t("audit.col.seq"), t("audit.col.at"), t("audit.col.actor"),
			t("audit.col.action"), t("audit.col.target"), t("audit.col.org"), t("audit.col.summary"), t("audit.col.ip"), t("audit.col.request")}}
		for _, rec := range recs {
			tab.Rows = append(tab.Rows, []string{strconv.FormatInt(rec.Seq, 10), sheet.DateTime(rec.At),
				rec.ActorName, ActionLabel(t, rec.Action) + " (" + rec.Action + ")", rec.Target, rec.OrgPath, rec.Summary, rec.IP, rec.RequestID})
		}
		return sheet.ServeXLSX(w, "audit-"+sheet.FileDate(time.Now())+".xlsx", tab)
	}
	l.Total = total
	t := v.site.T(r)
	for _, rec := range recs {
		p.Records = append(p.Records, Row{Record: rec, ActionLabel: ActionLabel(t, rec.Action)})
	}
	return v.site.Render(w, r, "audit/list.html", "audit.title", p)
}

func shanghai() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}
