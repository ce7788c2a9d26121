package plan

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/sheet"
	"kexie/internal/valid"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions: staff read their subtree's plans and load new ones.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "plan.view", Roles: staff, Label: "plan.perm.view"},
		{Action: "plan.edit", Roles: staff, Label: "plan.perm.edit"},
		{Action: "plan.report", Roles: staff, Label: "plan.perm.report"},
	}
}

// Module returns the plan module.
func Module(s *Store, orgs *org.Store) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "plan",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{{Section: "nav.section.work", Label: "plan.nav", Href: "/plans", Action: "plan.view", Order: 10},
			{Section: "nav.section.work", Label: "plan.nav.tasks", Href: "/plans/tasks", Action: "plan.report", Order: 11}},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs}
			plan := s.PathResolver("id")
			site.Handle("GET /plans", access.Require("plan.view", nil), h.list)
			site.Handle("POST /plans", access.Require("plan.edit", orgs.FormResolver("org_id")), h.upload)
			site.Handle("GET /plans/tasks", access.Require("plan.report", nil), h.tasks)
			site.Handle("GET /plans/compare", access.Require("plan.view", nil), h.compare)
			site.Handle("GET /plans/{id}", access.Require("plan.view", plan), h.show)
			site.Handle("GET /plans/{id}/source", access.Require("plan.view", plan), h.source)
			site.Handle("POST /plans/{id}/sections", access.Require("plan.edit", plan), h.addSection)
			site.Handle("POST /plans/{id}/indicators", access.Require("plan.edit", plan), h.addIndicator)
			site.Handle("POST /plans/{id}/units/add", access.Require("plan.edit", plan), h.addUnit)
			site.Handle("GET /plans/{id}/units", access.Require("plan.edit", plan), h.units)
			site.Handle("POST /plans/{id}/units", access.Require("plan.edit", plan), h.linkUnits)
			site.Handle("POST /plans/{id}/indicators/{iid}", access.Require("plan.edit", plan), h.editIndicator)
			site.Handle("POST /plans/{id}/indicators/{iid}/delete", access.Require("plan.edit", plan), h.deleteIndicator)
			site.Handle("POST /plans/{id}/indicators/{iid}/assign", access.Require("plan.edit", plan), h.assign)
			site.Handle("POST /plans/{id}/indicators/{iid}/source", access.Require("plan.edit", plan), h.bindSource)
			site.Handle("GET /plans/{id}/indicators/{iid}", access.Require("plan.report", s.IndicatorResolver()), h.indicator)
			site.Handle("POST /plans/{id}/indicators/{iid}/progress", access.Require("plan.report", s.IndicatorResolver()), h.file)
			site.Handle("POST /plans/{id}/progress/{pid}/review", access.Require("plan.edit", plan), h.review)
			site.Handle("GET /plans/{id}/evidence/{fid}", access.Require("plan.report", s.EvidenceResolver()), h.evidence)
			site.Handle("POST /plans/{id}/publish", access.Require("plan.edit", plan), h.publish)
			site.Handle("POST /plans/{id}/close", access.Require("plan.edit", plan), h.close)
			site.Handle("GET /plans/{id}/dashboard", access.Require("plan.view", plan), h.dashboard)
			site.Handle("POST /plans/{id}/evaluations", access.Require("plan.edit", plan), h.createEval)
			site.Handle("GET /plans/{id}/evaluations/{eid}", access.Require("plan.edit", plan), h.eval)
			site.Handle("POST /plans/{id}/evaluations/{eid}", access.Require("plan.edit", plan), h.saveEval)
			site.Handle("GET /plans/{id}/evaluations/{eid}/export", access.Require("plan.edit", plan), h.exportEval)
			site.Handle("GET /plans/{id}/evaluations/{eid}/print", access.Require("plan.edit", plan), h.printEval)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
}

// ListPage is the data of the plans page.
type ListPage struct {
	Plans    []Plan
	List     *web.List
	Statuses []string
	Form     *web.Form
	Orgs     []org.Org
}

func (h *handler) scope(r *http.Request, a access.Action) access.Scope { return h.site.Scope(r, a) }

func (h *handler) listPage(r *http.Request, f *web.Form) (ListPage, error) {
	l := web.ParseList(r, "", "title", "start", "created", "org")
	filter := PlanFilter{Scope: h.scope(r, "plan.view"), Q: l.Q, Status: l.Get("status"), Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		filter.Limit, filter.Offset = 10000, 0
	}
	plans, total, err := h.store.List(r.Context(), filter)
	if err != nil {
		return ListPage{}, err
	}
	l.Total = total
	orgs, _, err := h.orgs.List(r.Context(), org.Filter{Scope: h.scope(r, "plan.edit"), Limit: 500, Enabled: true})
	return ListPage{Plans: plans, List: l, Statuses: []string{"draft", "published", "closed"}, Form: f, Orgs: orgs}, err
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	if id := web.IdentityFrom(r.Context()); id != nil {
		f.Values.Set("org_id", strconv.FormatInt(id.CurrentOrgID, 10))
	}
	p, err := h.listPage(r, f)
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("plan.title"), Headers: []string{t("plan.f.title"), t("plan.f.org"), t("plan.f.period"), t("plan.f.status"),
			t("plan.f.sections"), t("plan.f.indicators"), t("plan.f.created")}}
		for _, x := range p.Plans {
			period := ""
			if x.StartYear > 0 {
				period = fmt.Sprintf("%d–%d", x.StartYear, x.EndYear)
			}
			tab.Rows = append(tab.Rows, []string{x.Title, x.OrgName, period, t("plan.status." + x.Status), strconv.Itoa(x.Counts[0]),
				strconv.Itoa(x.Counts[1]), x.CreatedAt.Format("2006-01-02")})
		}
		return sheet.ServeXLSX(w, t("plan.title")+".xlsx", tab)
	}
	return h.site.Render(w, r, "plan/list.html", "plan.title", p)
}

// maxDocument is the largest plan document accepted (plans are tens of kB
// as text; a PDF with pictures can be a few MB).
const maxDocument = 20 << 20

// upload reads a plan document and saves what it holds as a draft.
func (h *handler) upload(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, maxDocument+1<<20)
	if err != nil {
		return err
	}
	t := h.site.T(r)
	fail := func(key string, args ...any) error {
		f.Errors["file"] = t(key, args...)
		p, err := h.listPage(r, f)
		if err != nil {
			return err
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "plan/list.html", "plan.title", p)
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		return fail("plan.err.no_file")
	}
	defer file.Close()
	if hdr.Size > maxDocument {
		return fail("plan.err.too_large", maxDocument>>20)
	}
	data, err := io.ReadAll(io.LimitReader(file, maxDocument+1))
	if err != nil {
		return err
	}
	text, err := DocumentText(r.Context(), hdr.Filename, data)
	switch {
	case errors.Is(err, ErrFormat):
		return fail("plan.err.format")
	case errors.Is(err, ErrPDFNoText):
		return fail("plan.err.pdf_scanned")
	case errors.Is(err, ErrNoPDFTool):
		return fail("plan.err.pdf_tool")
	case errors.Is(err, ErrBadPDF):
		return fail("plan.err.bad_pdf")
	case err != nil:
		return fail("plan.err.bad_docx")
	}
	doc, err := Ingest(strings.NewReader(text))
	if errors.Is(err, ErrNoStructure) {
		return fail("plan.err.no_structure")
	}
	if err != nil {
		return fail("plan.err.unreadable")
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	id, err := h.store.Save(r.Context(), orgID, doc, hdr.Filename, text, data)
	if err != nil {
		if f.Fail(t, err) {
			p, perr := h.listPage(r, f)
			if perr != nil {
				return perr
			}
			return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "plan/list.html", "plan.title", p)
		}
		return err
	}
	h.site.AddFlash(w, r, "ok", "plan.flash.saved", len(doc.Indicators))
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d", id))
}

// ShowPage is the data of a plan's page: its sections in order, each with
// the indicators and units read from it.
type ShowPage struct {
	Plan        Plan
	Rows        []SectionRow
	CanEdit     bool // a draft the viewer may correct
	CanManage   bool // the viewer may link units and evaluate
	Comparators []string
	Source      []Segment // the document's text, targets marked
}

// Segment is a run of the source text; Mark is set on a target's phrase.
type Segment struct {
	Text string
	Mark bool
}

// markTargets splits text into runs with every target phrase marked (the
// first occurrence after the previous one, in document order).
func markTargets(text string, inds []StoredIndicator) []Segment {
	var out []Segment
	pos := 0
	for _, ind := range inds {
		if ind.Text == "" {
			continue
		}
		i := strings.Index(text[pos:], ind.Text)
		if i < 0 {
			continue
		}
		if i > 0 {
			out = append(out, Segment{Text: text[pos : pos+i]})
		}
		out = append(out, Segment{Text: ind.Text, Mark: true})
		pos += i + len(ind.Text)
	}
	return append(out, Segment{Text: text[pos:]})
}

// SectionRow is a section with what belongs to it.
type SectionRow struct {
	StoredSection
	Indicators []StoredIndicator
	Lead       []string
	Cooperate  []string
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	p, err := h.store.Get(r.Context(), id)
	if err != nil {
		return err
	}
	manage := h.can(r, "plan.edit", p.OrgID, p.OrgPath)
	page := ShowPage{Plan: p, Comparators: comparators, CanEdit: p.Status == "draft" && manage, CanManage: manage && p.Status != "closed"}
	if _, _, text, err := h.store.Source(r.Context(), id); err == nil && text != "" {
		page.Source = markTargets(text, p.Indicators)
	}
	at := map[string]int{}
	for _, s := range p.Sections {
		at[s.Path] = len(page.Rows)
		page.Rows = append(page.Rows, SectionRow{StoredSection: s})
	}
	for _, ind := range p.Indicators {
		if i, ok := at[ind.SectionPath]; ok {
			page.Rows[i].Indicators = append(page.Rows[i].Indicators, ind)
		}
	}
	for _, u := range p.Units {
		if i, ok := at[u.SectionPath]; ok {
			if u.Role == "lead" {
				page.Rows[i].Lead = append(page.Rows[i].Lead, u.Name)
			} else {
				page.Rows[i].Cooperate = append(page.Rows[i].Cooperate, u.Name)
			}
		}
	}
	return h.site.Render(w, r, "plan/show.html", "plan.title.show", page)
}

// Target formats an indicator's target for the page ("≥ 15.5 %", "3–5 项").
func (i StoredIndicator) Target() string {
	num := func(f *float64) string {
		if f == nil {
			return ""
		}
		return strconv.FormatFloat(*f, 'f', -1, 64)
	}
	switch i.Comparator {
	case "range":
		return num(i.Low) + "–" + num(i.High) + " " + i.Unit
	case ">=":
		return "≥ " + num(i.Value) + " " + i.Unit
	case "<=":
		return "≤ " + num(i.Value) + " " + i.Unit
	case "approx":
		return "≈ " + num(i.Value) + " " + i.Unit
	}
	return num(i.Value) + " " + i.Unit
}

// Deadline is the deadline year, or 0.
func (i StoredIndicator) Deadline() int { return intOr0(i.DeadlineYear) }

// Period is "year", "two-years" or "".
func (i StoredIndicator) Period() string {
	if i.Per == nil {
		return ""
	}
	return *i.Per
}

func ids(r *http.Request) (plan, indicator int64) {
	plan, _ = strconv.ParseInt(r.PathValue("id"), 10, 64)
	indicator, _ = strconv.ParseInt(r.PathValue("iid"), 10, 64)
	return plan, indicator
}

// back reports a store outcome as a flash and returns to the plan.
func (h *handler) back(w http.ResponseWriter, r *http.Request, planID int64, err error, ok string) error {
	if list, isValid := valid.As(err); isValid {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
	} else if err != nil {
		return err
	} else {
		h.site.AddFlash(w, r, "ok", ok)
	}
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d", planID))
}

func (h *handler) editIndicator(w http.ResponseWriter, r *http.Request) error {
	planID, id := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	err = h.store.UpdateIndicator(r.Context(), planID, id, IndicatorEdit{Metric: f.Get("metric"), Comparator: f.Get("comparator"),
		Value: f.Get("value"), Low: f.Get("low"), High: f.Get("high"), Unit: f.Get("unit"), Deadline: f.Get("deadline"),
		Baseline: f.Get("baseline"), BaselineYear: f.Get("baseline_year")})
	return h.back(w, r, planID, err, "plan.flash.indicator_saved")
}

func (h *handler) deleteIndicator(w http.ResponseWriter, r *http.Request) error {
	planID, id := ids(r)
	return h.back(w, r, planID, h.store.DeleteIndicator(r.Context(), planID, id), "plan.flash.indicator_deleted")
}

func (h *handler) publish(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	return h.back(w, r, planID, h.store.Publish(r.Context(), planID), "plan.flash.published")
}
