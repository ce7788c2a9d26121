package jobs

import (
	"context"
	"errors"
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

// UserNames returns the names of users by ID, for the admin page (the app
// wires it to the accounts module; jobs never reads its tables).
type UserNames func(ctx context.Context, ids []int64) map[int64]string

// Module is the jobs admin page: a list of the jobs of the orgs an
// administrator manages, each job's page, and cancellation.
func Module(r *Runner, names UserNames) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:       "jobs",
		Migrations: []db.Migrations{Migrations()},
		Permissions: []access.Permission{
			{Action: "jobs.view", Roles: []access.Role{access.OrgAdmin}, Label: "jobs.perm.view"},
			{Action: "jobs.cancel", Roles: []access.Role{access.OrgAdmin}, Label: "jobs.perm.cancel"},
		},
		Templates: tpl,
		Locales:   loc,
		Nav:       []web.NavItem{{Section: "nav.section.system", Label: "jobs.nav", Href: "/admin/jobs", Action: "jobs.view", Order: 86}},
		Routes: func(s *web.Site) {
			h := &admin{site: s, runner: r, names: names}
			s.Handle("GET /admin/jobs", access.Require("jobs.view", nil), h.list)
			s.Handle("GET /admin/jobs/{id}", access.Require("jobs.view", h.resolve), h.show)
			s.Handle("POST /admin/jobs/{id}/cancel", access.Require("jobs.cancel", h.resolve), h.cancel)
		},
	}
}

type admin struct {
	site   *web.Site
	runner *Runner
	names  UserNames
}

// Row is a job as a page shows it, its codes translated.
type Row struct {
	Job
	KindLabel  string
	StateLabel string
	Message    string // progress message, or the error while queued for a retry or failed
	Subject    string // what the job works on, in words, when its kind can say
	UserName   string
	Tone       string // the state badge's colour class: blue while waiting or running, green done, red failed
	Took       string // how long a finished job ran, in words; "" before it ends
}

// Describe translates what a page shows of j with t.
func Describe(t func(string, ...any) string, j Job) Row {
	row := Row{Job: j, KindLabel: label(t, "jobs.kind."+j.Kind, j.Kind), StateLabel: t("jobs.state." + string(j.State))}
	switch {
	case j.ErrorCode != "" && (j.State == Failed || j.State == Queued || j.State == Cancelled):
		row.Message = t(j.ErrorCode, j.ErrorArgs...)
	case j.Progress.Key != "":
		row.Message = t(j.Progress.Key, j.Progress.Args...)
	}
	if j.CancelRequested && !j.State.Final() {
		row.StateLabel = t("jobs.state.cancelling")
	}
	switch j.State {
	case Queued, Running:
		row.Tone = "blue"
	case Done:
		row.Tone = "green"
	case Failed:
		row.Tone = "red"
	}
	if j.State.Final() && !j.StartedAt.IsZero() && !j.FinishedAt.Before(j.StartedAt) {
		row.Took = took(t, j.FinishedAt.Sub(j.StartedAt))
	}
	return row
}

// took says how long a job ran: under a second, seconds, minutes and
// seconds, or hours and minutes.
func took(t func(string, ...any) string, d time.Duration) string {
	switch s := int(d.Round(time.Second) / time.Second); {
	case s < 1:
		return t("jobs.took.instant")
	case s < 60:
		return t("jobs.took.s", s)
	case s < 3600:
		return t("jobs.took.ms", s/60, s%60)
	default:
		return t("jobs.took.hm", s/3600, s%3600/60)
	}
}

func label(t func(string, ...any) string, key, fallback string) string {
	if l := t(key); l != key {
		return l
	}
	return fallback
}

type listPage struct {
	List   *web.List
	Rows   []Row
	Kind   string
	State  string
	User   string
	People []person // the people who started jobs in scope, for the filter's suggestions
	Kinds  []string
	States []State
}

func (h *admin) scope(r *http.Request, a access.Action) access.Scope {
	return h.site.Policy.Scope(web.SubjectFrom(r.Context()), a)
}

func (h *admin) list(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	l := web.ParseList(r, "-created", "created", "kind", "state")
	p := listPage{List: l, Kind: l.Get("kind"), State: l.Get("state"), User: l.Get("user"), States: States()}
	for k := range h.runner.kinds {
		p.Kinds = append(p.Kinds, k)
	}
	sort.Strings(p.Kinds)
	f := Filter{Scope: h.scope(r, "jobs.view"), Kind: p.Kind, State: State(p.State), Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if err := h.people(r, &p, &f); err != nil {
		return err
	}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	list, total, err := h.runner.Store.List(ctx, f)
	if err != nil {
		return err
	}
	t := h.site.T(r)
	p.Rows = h.rows(ctx, t, list)
	if web.WantsExport(r) {
		return h.export(w, t, p.Rows)
	}
	l.Total = total
	return h.site.Render(w, r, "jobs/list.html", "jobs.title", p)
}

// person is one suggestion of the person filter: the name shown and typed,
// and the account behind it.
type person struct {
	Name string
	ID   int64
}

// people offers the people who started jobs in scope by name (as the audit
// log's person filter does) and turns the typed text into their accounts:
// a name, part of one, or a user number; text that names nobody lists
// nothing.
func (h *admin) people(r *http.Request, p *listPage, f *Filter) error {
	ctx := r.Context()
	ids, err := h.runner.Store.Users(ctx, f.Scope, 200)
	if err != nil {
		return err
	}
	names := map[int64]string{}
	if h.names != nil && len(ids) > 0 {
		names = h.names(ctx, ids)
	}
	want := strings.ToLower(strings.TrimSpace(p.User))
	num, numErr := strconv.ParseInt(want, 10, 64)
	for _, id := range ids {
		name := names[id]
		if name == "" {
			name = "#" + strconv.FormatInt(id, 10)
		}
		p.People = append(p.People, person{Name: name, ID: id})
		if want != "" && (strings.Contains(strings.ToLower(name), want) || (numErr == nil && id == num)) {
			f.Users = append(f.Users, id)
		}
	}
	if want != "" && len(f.Users) == 0 {
		if numErr == nil && num > 0 {
			f.UserID = num // a number not among the suggestions: still that account's jobs
		} else {
			f.NoUser = true
		}
	}
	return nil
}

func (h *admin) rows(ctx context.Context, t func(string, ...any) string, list []Job) []Row {
	var ids []int64
	seen := map[int64]bool{}
	for _, j := range list {
		if j.UserID != 0 && !seen[j.UserID] {
			seen[j.UserID] = true
			ids = append(ids, j.UserID)
		}
	}
	names := map[int64]string{}
	if h.names != nil && len(ids) > 0 {
		names = h.names(ctx, ids)
	}
	out := make([]Row, len(list))
	for i, j := range list {
		out[i] = Describe(t, j)
		out[i].UserName = names[j.UserID]
		if k, ok := h.runner.kinds[j.Kind]; ok && k.Subject != nil {
			out[i].Subject = k.Subject(ctx, j)
		}
	}
	return out
}

func (h *admin) export(w http.ResponseWriter, t func(string, ...any) string, rows []Row) error {
	tab := sheet.Table{Sheet: t("jobs.title"), Headers: []string{t("jobs.col.id"), t("jobs.col.kind"), t("jobs.col.subject"), t("jobs.col.state"),
		t("jobs.col.org"), t("jobs.col.user"), t("jobs.col.progress"), t("jobs.col.message"), t("jobs.col.attempts"),
		t("jobs.col.created"), t("jobs.col.finished")}}
	for _, r := range rows {
		fin := sheet.DateTime(r.FinishedAt)
		tab.Rows = append(tab.Rows, []string{strconv.FormatInt(r.ID, 10), r.KindLabel, r.Subject, r.StateLabel, r.OrgName, r.UserName,
			strconv.Itoa(r.Permille()/10) + "%", r.Message, strconv.Itoa(r.Attempts) + "/" + strconv.Itoa(r.MaxAttempts),
			sheet.DateTime(r.CreatedAt), fin})
	}
	return sheet.ServeXLSX(w, "jobs-"+sheet.FileDate(time.Now())+".xlsx", tab)
}

// resolve is the route Resource of a job: its org. A job without an org
// is only for system administrators, which load checks again.
func (h *admin) resolve(r *http.Request) (access.Resource, error) {
	j, err := h.load(r, "")
	if err != nil {
		return access.Resource{}, err
	}
	return access.Resource{OrgID: j.OrgID, OrgPath: j.OrgPath}, nil
}

// load reads the job of the URL; with action set, a job outside the
// caller's scope for it is not found.
func (h *admin) load(r *http.Request, a access.Action) (Job, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return Job{}, web.ErrNotFound
	}
	j, err := h.runner.Job(r.Context(), id)
	if errors.Is(err, db.ErrNotFound) {
		return j, web.ErrNotFound
	}
	if err != nil {
		return j, err
	}
	if a != "" && !h.scope(r, a).Contains(j.OrgPath) {
		return j, web.ErrNotFound
	}
	return j, nil
}

type showPage struct {
	Row       Row
	CanCancel bool
}

func (h *admin) show(w http.ResponseWriter, r *http.Request) error {
	j, err := h.load(r, "jobs.view")
	if err != nil {
		return err
	}
	rows := h.rows(r.Context(), h.site.T(r), []Job{j})
	p := showPage{Row: rows[0], CanCancel: !j.State.Final() && !j.CancelRequested && h.scope(r, "jobs.cancel").Contains(j.OrgPath)}
	return h.site.Render(w, r, "jobs/show.html", "jobs.title.show", p)
}

func (h *admin) cancel(w http.ResponseWriter, r *http.Request) error {
	j, err := h.load(r, "jobs.cancel")
	if err != nil {
		return err
	}
	ok, err := h.runner.Cancel(r.Context(), j.ID)
	if err != nil {
		return err
	}
	if ok {
		h.site.AddFlash(w, r, "ok", "jobs.flash.cancel_requested")
	} else {
		h.site.AddFlash(w, r, "info", "jobs.flash.already_over")
	}
	return web.Redirect(w, r, "/admin/jobs/"+strconv.FormatInt(j.ID, 10))
}

func shanghai() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}
