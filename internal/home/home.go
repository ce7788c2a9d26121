// Package home is the signed-in start page: for staff a dashboard of real
// counts for their own subtrees (work waiting for them, orgs by type, users,
// recent audited activity); for a member their own items in each module (applications,
// memberships, volunteering, events).
// It owns no tables and must never write: it reads other modules through the
// small functions it is given at wiring time.
package home

import (
	"context"
	"embed"
	"io/fs"
	"net/http"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/web"
)

// TypeCount is how many orgs of one type a scope holds.
type TypeCount struct {
	Type  string // i18n key of the type label
	Count int
}

// Sources are the reads the dashboard needs from other modules, each limited
// to the scope it is given (the zero Scope holds nothing).
type Sources struct {
	DB        *db.DB
	OrgCounts func(ctx context.Context, scope access.Scope) ([]TypeCount, error)
	UserCount func(ctx context.Context, scope access.Scope) (int, error)
	// Mine are a member's lists, in the order shown; each module's reader
	// is given at wiring time.
	Mine []Shelf
	// Todos are the kinds of work that may wait for a staff member, in the
	// order shown; each is read in the scope the viewer holds its
	// permission in, and left off for a viewer who holds it nowhere.
	Todos []Todo
	// Public, when set, answers "/" for visitors who are not signed in
	// (the public 科普 portal); without it they are sent to sign in.
	Public web.HandlerFunc
}

//go:embed templates locales
var files embed.FS

// Module returns the dashboard module.
func Module(src Sources) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:      "home",
		Templates: tpl,
		Locales:   loc,
		Nav:       []web.NavItem{{Section: "nav.section.work", Label: "home.nav", Href: "/", Order: 0}},
		Routes: func(s *web.Site) {
			h := &handler{site: s, src: src}
			s.Handle("GET /{$}", access.Public(), h.start)
		},
	}
}

type handler struct {
	site *web.Site
	src  Sources
}

// Todo is one kind of work waiting for staff: Items lists where it waits
// (a plan and how many of its entries, or one line with a count), read in
// the scope of Perm for the viewer userID (a module leaves out what the
// viewer may not do, e.g. review what they filed).
type Todo struct {
	Key   string // the kind's label, an i18n key
	Perm  access.Action
	More  string // the page listing all of this kind, linked when Items gives more than the card shows
	Items func(ctx context.Context, scope access.Scope, userID int64) ([]TodoItem, error)
}

// TodoItem is where work waits: Title ("" for the kind itself), or TitleKey
// worded with Title and Arg; how much (0: one thing, no count shown); and
// the page where it is done.
type TodoItem struct {
	Title    string
	TitleKey string
	Arg      string
	Count    int
	Href     string
}

// todoRows is how many places one kind of work lists before "view all".
const todoRows = 5

// waiting is a kind of work with its items, for the page.
type waiting struct {
	Key   string
	Items []TodoItem
	More  string // set when there is more than the card shows
}

// page is the dashboard's data.
type page struct {
	Todos      []waiting
	CanTodo    bool // the viewer holds some to-do's permission: the card shows, empty or not
	Orgs       int
	ByType     []bar
	Users      int
	CanUsers   bool // the viewer may see users (user.view); else the count is not shown, not 0
	AuditWeek  int
	Recent     []audit.Row
	CanAudit   bool
	ScopeNames []string
}

// bar is one row of the orgs-by-type chart; Pct is its width in percent.
type bar struct {
	Label string
	Count int
	Pct   int
}

// start shows a signed-in user the dashboard and anyone else the public
// portal (or the sign-in page when there is none).
func (h *handler) start(w http.ResponseWriter, r *http.Request) error {
	if id := web.IdentityFrom(r.Context()); id == nil || id.Subject == nil {
		if h.src.Public != nil {
			return h.src.Public(w, r)
		}
		return web.Redirect(w, r, "/login")
	}
	if id := web.IdentityFrom(r.Context()); id.MFAPending || id.MustChangePassword || id.MustEnroll2FA {
		// Finish signing in first, as every signed-in route does.
		switch {
		case id.MFAPending:
			return web.Redirect(w, r, "/login/2fa")
		case id.MustChangePassword:
			return web.Redirect(w, r, "/account/password")
		default:
			return web.Redirect(w, r, "/account/2fa")
		}
	}
	if !isStaff(web.SubjectFrom(r.Context())) && len(h.src.Mine) > 0 {
		return h.mine(w, r)
	}
	return h.show(w, r)
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	sub := web.SubjectFrom(ctx)
	scope := h.site.Scope(r, "org.view")
	p := page{}
	for _, g := range sub.Grants {
		p.ScopeNames = append(p.ScopeNames, g.OrgName)
	}
	for _, td := range h.src.Todos {
		tscope := h.site.Scope(r, td.Perm)
		if tscope.None() {
			continue
		}
		p.CanTodo = true
		items, err := td.Items(ctx, tscope, sub.UserID)
		if err != nil {
			return err
		}
		w := waiting{Key: td.Key, Items: items}
		if len(items) > todoRows {
			w.Items, w.More = items[:todoRows], td.More
		}
		if len(items) > 0 {
			p.Todos = append(p.Todos, w)
		}
	}
	if !scope.None() {
		counts, err := h.src.OrgCounts(ctx, scope)
		if err != nil {
			return err
		}
		max := 0
		for _, c := range counts {
			p.Orgs += c.Count
			if c.Count > max {
				max = c.Count
			}
		}
		t := h.site.T(r)
		for _, c := range counts {
			pct := 0
			if max > 0 {
				pct = c.Count * 100 / max
			}
			p.ByType = append(p.ByType, bar{Label: t(c.Type), Count: c.Count, Pct: pct})
		}
	}
	if uscope := h.site.Scope(r, "user.view"); !uscope.None() {
		n, err := h.src.UserCount(ctx, uscope)
		if err != nil {
			return err
		}
		p.Users, p.CanUsers = n, true
	}
	if ascope := h.site.Scope(r, "audit.view"); !ascope.None() {
		p.CanAudit = true
		f := audit.Filter{Scope: ascope, From: time.Now().Add(-7 * 24 * time.Hour), Limit: 8, Sort: "-at"}
		recs, total, err := audit.List(ctx, h.src.DB, f)
		if err != nil {
			return err
		}
		if p.Recent, err = audit.Rows(ctx, h.site, h.site.T(r), recs); err != nil {
			return err
		}
		p.AuditWeek = total
	}
	return h.site.Render(w, r, "home/index.html", "home.title", p)
}
