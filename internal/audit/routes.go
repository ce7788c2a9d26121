package audit

import (
	"embed"
	"io/fs"
	"net/http"
	"sort"
	"strconv"
	"strings"
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

// listPage is the audit page's data.
type listPage struct {
	List     *web.List
	Records  []Row
	From     string
	To       string
	Actor    string
	Org      string
	Action   string
	Target   string // an object's history, reached from its page
	Actors   []option
	Orgs     []option
	Groups   []group
	Filtered bool
}

type option struct {
	Value, Label string
	Selected     bool
}

// group is one module's actions in the action filter.
type group struct {
	Label   string
	Prefix  string // "org.": every action of the group
	Options []option
}

func (v *viewer) list(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	t := v.site.T(r)
	l := web.ParseList(r, "-at", "at")
	scope := v.site.Scope(r, "audit.view")
	f := Filter{Scope: scope, Action: l.Get("action"), Target: l.Get("target"), Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	p := listPage{List: l, From: l.Get("from"), To: l.Get("to"), Actor: l.Get("actor"), Org: l.Get("org"), Action: f.Action,
		Target: f.Target, Filtered: l.Filtered()}
	if d, err := time.ParseInLocation("2006-01-02", p.From, shanghai()); err == nil {
		f.From = d
	}
	if d, err := time.ParseInLocation("2006-01-02", p.To, shanghai()); err == nil {
		f.To = d.AddDate(0, 0, 1)
	}
	if err := v.actors(r, scope, &p, &f); err != nil {
		return err
	}
	if err := v.orgs(r, scope, &p, &f); err != nil {
		return err
	}
	p.Groups = actionGroups(v.site.Catalogs, t, p.Action)
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	recs, total, err := List(ctx, v.db, f)
	if err != nil {
		return err
	}
	if p.Records, err = rows(ctx, v.site, t, recs); err != nil {
		return err
	}
	if web.WantsExport(r) {
		return sheet.ServeXLSX(w, "audit-"+sheet.FileDate(time.Now())+".xlsx", exportTable(t, p.Records))
	}
	l.Total = total
	return v.site.Render(w, r, "audit/list.html", "audit.title", p)
}

// actors offers the people of the log as type-ahead choices (display name,
// account name) and turns the typed text into the actors it names.
func (v *viewer) actors(r *http.Request, scope access.Scope, p *listPage, f *Filter) error {
	list, err := Actors(r.Context(), v.db, scope, 300)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(list))
	for _, a := range list {
		ids = append(ids, a.ID)
	}
	names, err := v.site.Names(r.Context(), "user", ids)
	if err != nil {
		return err
	}
	want := strings.ToLower(p.Actor)
	seen := map[string]bool{}
	for _, a := range list {
		display := a.Name
		if nm, ok := names[a.ID]; ok && a.ID != 0 && nm.Text != "" {
			display = nm.Text
		}
		if !seen[display] {
			seen[display] = true
			p.Actors = append(p.Actors, option{Value: display, Label: a.Name})
		}
		if want != "" && a.ID != 0 && strings.Contains(strings.ToLower(display), want) {
			f.ActorIDs = append(f.ActorIDs, a.ID)
		}
	}
	f.Actor = p.Actor
	return nil
}

// orgs offers the orgs of the log by name and turns the typed text into
// their subtrees (no match: nothing).
func (v *viewer) orgs(r *http.Request, scope access.Scope, p *listPage, f *Filter) error {
	paths, err := Orgs(r.Context(), v.db, scope, 1000)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(paths))
	for id := range paths {
		ids = append(ids, id)
	}
	names, err := v.site.Names(r.Context(), "org", ids)
	if err != nil {
		return err
	}
	sort.Slice(ids, func(i, j int) bool { return paths[ids[i]] < paths[ids[j]] })
	var in []string
	for _, id := range ids {
		nm, ok := names[id]
		if !ok {
			continue
		}
		p.Orgs = append(p.Orgs, option{Value: nm.Text})
		if p.Org != "" && strings.Contains(nm.Text, p.Org) {
			in = append(in, paths[id])
		}
	}
	if p.Org != "" {
		s := access.Subtrees(in...)
		f.In = &s
	}
	return nil
}

// actionGroups lists every action a module names in its catalog, grouped
// by module ("org.create" under "audit.group.org").
func actionGroups(c *web.Catalogs, t func(string, ...any) string, selected string) []group {
	var out []group
	for _, key := range c.Keys("audit.act.") {
		action := strings.TrimPrefix(key, "audit.act.")
		prefix, _, _ := strings.Cut(action, ".")
		if n := len(out); n == 0 || out[n-1].Prefix != prefix+"." {
			out = append(out, group{Label: label(t, "audit.group."+prefix, prefix), Prefix: prefix + "."})
		}
		g := &out[len(out)-1]
		g.Options = append(g.Options, option{Value: action, Label: t(key), Selected: action == selected})
	}
	sort.SliceStable(out, func(i, j int) bool { return groupOrder(out[i].Prefix) < groupOrder(out[j].Prefix) })
	return out
}

// groupOrder puts the groups office staff look for most first.
func groupOrder(prefix string) int {
	for i, p := range []string{"plan.", "org.", "person.", "member.", "pool.", "people.", "user.", "role.", "session."} {
		if p == prefix {
			return i
		}
	}
	return 100
}

// exportTable is the XLSX of the rows shown, with the same names and labels.
func exportTable(t func(string, ...any) string, rows []Row) sheet.Table {
	tab := sheet.Table{Sheet: t("audit.title"), Headers: []string{t("audit.col.seq"), t("audit.col.at"), t("audit.col.actor"),
		t("audit.col.action"), t("audit.col.kind"), t("audit.col.target"), t("audit.col.org"), t("audit.col.summary"),
		t("audit.col.ip"), t("audit.col.request")}}
	for _, rec := range rows {
		var ch []string
		for _, c := range rec.Changes {
			field := c.Label
			if field != "" {
				field += "："
			}
			switch {
			case c.Before == "":
				ch = append(ch, field+c.After)
			case c.After == "":
				ch = append(ch, field+c.Before+" → "+t("audit.removed"))
			default:
				ch = append(ch, field+c.Before+" → "+c.After)
			}
		}
		if rec.Note != "" {
			ch = append(ch, rec.Note)
		}
		tab.Rows = append(tab.Rows, []string{strconv.FormatInt(rec.Seq, 10), sheet.DateTime(rec.At), rec.Actor.Text,
			rec.ActionLabel, rec.ObjectKind, rec.Object.Text, rec.Org.Text, strings.Join(ch, "；"), rec.IP, rec.RequestID})
	}
	return tab
}

func shanghai() *time.Location { return sheet.Zone }
