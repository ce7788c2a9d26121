package plan

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/sheet"
	"kexie/internal/valid"
	"kexie/internal/web"
)

func userID(r *http.Request) int64 {
	if s := web.SubjectFrom(r.Context()); s != nil {
		return s.UserID
	}
	return 0
}

func (h *handler) planOf(r *http.Request) (Plan, error) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return h.store.Get(r.Context(), id)
}

func (h *handler) can(r *http.Request, a access.Action, orgID int64, path string) bool {
	return h.site.Policy.Can(r.Context(), web.SubjectFrom(r.Context()), a, access.Resource{OrgID: orgID, OrgPath: path})
}

// source sends the plan's original document.
func (h *handler) source(w http.ResponseWriter, r *http.Request) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	name, data, text, err := h.store.Source(r.Context(), id)
	if err != nil {
		return err
	}
	ctype := "application/octet-stream"
	if len(data) == 0 { // plans saved before documents were kept: the text
		data, ctype = []byte(text), "text/plain; charset=utf-8"
		name = strings.TrimSuffix(name, filepath.Ext(name)) + ".txt"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(name))
	_, err = w.Write(data)
	return err
}

func (h *handler) addSection(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	return h.back(w, r, planID, h.store.AddSection(r.Context(), planID, f.Get("parent"), f.Get("number"), f.Get("title")), "plan.flash.section_added")
}

func (h *handler) addIndicator(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	err = h.store.AddIndicator(r.Context(), planID, f.Get("section"), f.Get("text"), IndicatorEdit{Metric: f.Get("metric"),
		Comparator: f.Get("comparator"), Value: f.Get("value"), Low: f.Get("low"), High: f.Get("high"), Unit: f.Get("unit"), Deadline: f.Get("deadline")})
	return h.back(w, r, planID, err, "plan.flash.indicator_added")
}

func (h *handler) addUnit(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	return h.back(w, r, planID, h.store.AddUnit(r.Context(), planID, f.Get("section"), f.Get("role"), f.Get("name")), "plan.flash.unit_added")
}

func (h *handler) close(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	return h.back(w, r, planID, h.store.Close(r.Context(), planID), "plan.flash.closed")
}

// UnitsPage is the page linking a plan's unit names to orgs.
type UnitsPage struct {
	Plan  Plan
	Units []UnitName
	Error string
}

// Types are the types a new unit may take.
func (UnitsPage) Types() []org.Type { return NewUnitTypes() }

func (h *handler) units(w http.ResponseWriter, r *http.Request) error {
	p, err := h.planOf(r)
	if err != nil {
		return err
	}
	names, err := h.store.UnitNames(r.Context(), p.ID)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "plan/units.html", "plan.title.units", UnitsPage{Plan: p, Units: names})
}

// linkUnits applies the choices of the units page: each name's select is
// "org:ID", "new" or "" (not linked).
func (h *handler) linkUnits(w http.ResponseWriter, r *http.Request) error {
	p, err := h.planOf(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 256<<10)
	if err != nil {
		return err
	}
	var choices []UnitChoice
	for i := 0; i < 1000; i++ {
		name := f.Get(fmt.Sprintf("name_%d", i))
		if name == "" {
			break
		}
		c := UnitChoice{Name: name}
		switch v := f.Get(fmt.Sprintf("choice_%d", i)); {
		case v == "new":
			c.New = true
			c.Type = org.Type(f.Get(fmt.Sprintf("type_%d", i)))
		case strings.HasPrefix(v, "org:"):
			c.OrgID, _ = strconv.ParseInt(strings.TrimPrefix(v, "org:"), 10, 64)
		}
		choices = append(choices, c)
	}
	n, err := h.store.LinkUnits(r.Context(), p.ID, choices)
	if list, ok := valid.As(err); ok {
		names, nerr := h.store.UnitNames(r.Context(), p.ID)
		if nerr != nil {
			return nerr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "plan/units.html", "plan.title.units",
			UnitsPage{Plan: p, Units: names, Error: h.site.T(r)(list[0].Key, list[0].Args...)})
	}
	if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "plan.flash.units_linked", n)
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d", p.ID))
}

func (h *handler) assign(w http.ResponseWriter, r *http.Request) error {
	planID, iid := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	err = h.store.Assign(r.Context(), planID, iid, orgID)
	next := fmt.Sprintf("/plans/%d/indicators/%d", planID, iid)
	if f.Get("back") == "unassigned" {
		next = fmt.Sprintf("/plans/%d/unassigned", planID)
	}
	if list, ok := valid.As(err); ok {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
		return web.Redirect(w, r, next)
	}
	if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "plan.flash.assigned")
	return web.Redirect(w, r, next)
}

// IndicatorPage is an indicator with its ledger, its chart and the forms
// the viewer may use.
type IndicatorPage struct {
	Plan      Plan
	Indicator StoredIndicator
	Section   string
	Entries   []Entry
	Chart     string // ECharts option JSON
	CanReport bool   // may file progress
	CanReview bool   // plan owner: accept, return, assign
	Units     []StoredUnit
	Years     []int
	Quarters  []int
	Form      *web.Form
	Source    SourceView // a bound target's computed values; the source picker
	UserID    int64      // the viewer: nobody reviews what they filed
	Correct   *Entry     // the accepted entry the form corrects, if any
}

func (h *handler) indicatorPage(r *http.Request, f *web.Form) (IndicatorPage, error) {
	p, err := h.planOf(r)
	if err != nil {
		return IndicatorPage{}, err
	}
	_, iid := ids(r)
	page := IndicatorPage{Plan: p, Form: f, Quarters: []int{1, 2, 3, 4, 0}}
	found := false
	for _, ind := range p.Indicators {
		if ind.ID == iid {
			page.Indicator, found = ind, true
		}
	}
	if !found {
		return page, web.ErrNotFound
	}
	for _, s := range p.Sections {
		if s.Path == page.Indicator.SectionPath {
			page.Section = s.Number + " " + s.Title
		}
	}
	if page.Entries, err = h.store.Entries(r.Context(), p.ID, iid); err != nil {
		return page, err
	}
	page.CanReview = h.can(r, "plan.edit", p.OrgID, p.OrgPath)
	page.CanReport = p.Status == "published" && page.Indicator.OrgID != 0 && page.Indicator.Bound == nil
	page.UserID = userID(r)
	if c := f.Value("corrects"); c != "" {
		for i, e := range page.Entries {
			if strconv.FormatInt(e.ID, 10) == c && e.Current() {
				page.Correct = &page.Entries[i]
				f.Values.Set("year", strconv.Itoa(e.Year))
				f.Values.Set("quarter", strconv.Itoa(e.Quarter))
			}
		}
	}
	seen := map[int64]bool{}
	for _, u := range p.Units {
		if u.OrgID != 0 && !seen[u.OrgID] {
			seen[u.OrgID] = true
			page.Units = append(page.Units, u)
		}
	}
	for y := p.StartYear; y > 0 && y <= p.EndYear; y++ {
		page.Years = append(page.Years, y)
	}
	if page.Source, err = h.sourceView(r, p, page.Indicator, page.CanReview); err != nil {
		return page, err
	}
	page.Chart = indicatorChart(h.site.T(r), p, page.Indicator, chartEntries(page.Entries, page.Source.Computed))
	return page, nil
}

func (h *handler) indicator(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	now := h.store.Now()
	f.Values.Set("year", strconv.Itoa(now.Year()))
	f.Values.Set("quarter", strconv.Itoa(int(now.Month()-1)/3+1))
	f.Values.Set("corrects", r.URL.Query().Get("correct"))
	page, err := h.indicatorPage(r, f)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "plan/indicator.html", "plan.title.indicator", page)
}

// maxProgressBody bounds a progress form with its evidence files.
const maxProgressBody = MaxEvidenceFiles*MaxEvidenceSize + 1<<20

func (h *handler) file(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, maxProgressBody)
	if err != nil {
		return err
	}
	planID, iid := ids(r)
	in := ProgressInput{PlanID: planID, IndicatorID: iid, Year: f.Get("year"), Quarter: f.Get("quarter"), Value: f.Get("value"),
		Narrative: f.Get("narrative"), UserID: userID(r)}
	in.Corrects, _ = strconv.ParseInt(f.Get("corrects"), 10, 64)
	in.Scope = h.scope(r, "plan.report")
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["files"] {
			if fh.Size > MaxEvidenceSize {
				in.Files = append(in.Files, File{Name: fh.Filename, Data: make([]byte, MaxEvidenceSize+1)})
				continue
			}
			fd, err := fh.Open()
			if err != nil {
				return err
			}
			data, err := io.ReadAll(io.LimitReader(fd, MaxEvidenceSize+1))
			fd.Close()
			if err != nil {
				return err
			}
			in.Files = append(in.Files, File{Name: fh.Filename, Data: data})
		}
	}
	_, err = h.store.File(r.Context(), in)
	if err != nil {
		if f.Fail(h.site.T(r), err) {
			page, perr := h.indicatorPage(r, f)
			if perr != nil {
				return perr
			}
			return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "plan/indicator.html", "plan.title.indicator", page)
		}
		return err
	}
	h.site.AddFlash(w, r, "ok", "plan.flash.filed")
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d/indicators/%d", planID, iid))
}

func (h *handler) review(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	pid, _ := strconv.ParseInt(r.PathValue("pid"), 10, 64)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	accept := f.Get("decision") == "accept"
	err = h.store.Review(r.Context(), planID, pid, accept, f.Get("note"), userID(r))
	next := fmt.Sprintf("/plans/%d/dashboard", planID)
	if iid := f.Get("indicator"); iid != "" {
		next = fmt.Sprintf("/plans/%d/indicators/%s", planID, url.PathEscape(iid))
	}
	if list, ok := valid.As(err); ok {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
	} else if err != nil {
		return err
	} else if accept {
		h.site.AddFlash(w, r, "ok", "plan.flash.accepted")
	} else {
		h.site.AddFlash(w, r, "ok", "plan.flash.returned")
	}
	return web.Redirect(w, r, next)
}

func (h *handler) withdraw(w http.ResponseWriter, r *http.Request) error {
	planID, iid := ids(r)
	pid, _ := strconv.ParseInt(r.PathValue("pid"), 10, 64)
	if _, err := web.ParseForm(w, r, 16<<10); err != nil {
		return err
	}
	err := h.store.Withdraw(r.Context(), planID, pid, userID(r))
	if list, ok := valid.As(err); ok {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
	} else if err != nil {
		return err
	} else {
		h.site.AddFlash(w, r, "ok", "plan.flash.withdrawn")
	}
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d/indicators/%d", planID, iid))
}

func (h *handler) evidence(w http.ResponseWriter, r *http.Request) error {
	planID, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	fid, _ := strconv.ParseInt(r.PathValue("fid"), 10, 64)
	name, ctype, data, err := h.store.Evidence(r.Context(), planID, fid)
	if err != nil {
		return err
	}
	// Served as a download, never rendered in our origin.
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(name))
	w.Header().Set("Content-Security-Policy", "sandbox")
	_, err = w.Write(data)
	return err
}

// TasksPage lists what a unit reports on.
type TasksPage struct {
	Tasks   []Task
	Due     int
	DueOnly bool
	Status  string
}

// Statuses lists the statuses for the filter.
func (TasksPage) Statuses() []Status { return Statuses() }

func (h *handler) tasks(w http.ResponseWriter, r *http.Request) error {
	tasks, err := h.store.Tasks(r.Context(), h.scope(r, "plan.report"), 1000)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	page := TasksPage{DueOnly: q.Get("due") == "1", Status: q.Get("status")}
	for _, t := range tasks {
		if t.DueNow {
			page.Due++
		}
		if (page.DueOnly && !t.DueNow) || (page.Status != "" && string(t.Status) != page.Status) {
			continue
		}
		page.Tasks = append(page.Tasks, t)
	}
	if web.WantsExport(r) {
		tr := h.site.T(r)
		tab := sheet.Table{Sheet: tr("plan.title.tasks"), Headers: []string{tr("plan.i.metric"), tr("plan.f.title"), tr("plan.i.unit_org"),
			tr("plan.i.target"), tr("plan.i.latest"), tr("plan.f.status"), tr("plan.due_now")}}
		for _, t := range page.Tasks {
			latest, due := "", ""
			if t.Latest != nil {
				latest = strconv.FormatFloat(t.Latest.Value, 'f', -1, 64)
			}
			if t.DueNow {
				due = tr("plan.due_now")
			}
			tab.Rows = append(tab.Rows, []string{t.Metric, t.PlanTitle, t.OrgName, t.Target(), latest, tr("plan.status." + string(t.Status)), due})
		}
		return sheet.ServeXLSX(w, tr("plan.title.tasks")+".xlsx", tab)
	}
	return h.site.Render(w, r, "plan/tasks.html", "plan.title.tasks", page)
}

// ComparePage shows the plans of a subtree side by side on one metric.
type ComparePage struct {
	Q     string
	Rows  []Comparison
	Chart string
}

func (h *handler) compare(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len([]rune(q)) > 50 {
		q = string([]rune(q)[:50])
	}
	rows, err := h.store.Compare(r.Context(), h.scope(r, "plan.view"), q, 500)
	if err != nil {
		return err
	}
	page := ComparePage{Q: q, Rows: rows}
	if len(rows) > 0 {
		page.Chart = compareChart(h.site.T(r), rows)
	}
	return h.site.Render(w, r, "plan/compare.html", "plan.title.compare", page)
}

// chartJSON encodes an ECharts option for a data-chart attribute.
func chartJSON(opt map[string]any) string {
	b, err := json.Marshal(opt)
	if err != nil {
		return "{}"
	}
	return string(b)
}

// indicatorChart draws, for each year from the baseline to the deadline,
// the accepted value (the whole year's, or the latest quarter's) against the
// value the straight line to the target expects at the end of that year,
// with the target as a line across.
func indicatorChart(t func(string, ...any) string, p Plan, ind StoredIndicator, entries []Entry) string {
	first, last := p.StartYear-1, p.EndYear
	if ind.Baseline != nil && ind.Baseline.Year > 0 && ind.Baseline.Year < first {
		first = ind.Baseline.Year
	}
	if d := ind.Deadline(); d > last {
		last = d
	}
	if first <= 0 || last-first > 30 {
		first = last - 5
	}
	best := map[int]Reading{}
	for _, e := range entries {
		if !e.Current() {
			continue
		}
		if b, ok := best[e.Year]; !ok || e.Ordinal() > b.Ordinal() {
			best[e.Year] = e.Reading
		}
	}
	goal, hasGoal := ind.target()
	top := goal
	var years []string
	var actual, expected []any
	for y := first; y <= last; y++ {
		years = append(years, strconv.Itoa(y))
		if r, ok := best[y]; ok {
			actual = append(actual, r.Value)
			if r.Value > top {
				top = r.Value
			}
		} else {
			actual = append(actual, nil)
		}
		end := Reading{Value: goal, Year: y}
		a := ind.Indicator.Assess(&end, p.StartYear, p.EndYear, end.endTime())
		if y < p.StartYear-1 || !hasGoal {
			expected = append(expected, nil)
		} else {
			expected = append(expected, round2(a.Expected))
		}
	}
	series := []map[string]any{
		{"name": t("plan.chart.actual"), "type": "line", "data": actual, "connectNulls": true, "symbolSize": 8,
			"label": map[string]any{"show": true}},
		{"name": t("plan.chart.expected"), "type": "line", "data": expected, "connectNulls": true, "symbol": "none",
			"lineStyle": map[string]any{"type": "dashed"}},
	}
	if hasGoal {
		series[0]["markLine"] = map[string]any{"symbol": "none", "data": []map[string]any{{"yAxis": goal}},
			"label": map[string]any{"formatter": t("plan.chart.target") + " {c}", "position": "insideEndTop"}}
	}
	return chartJSON(map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"top": 0},
		"grid":    map[string]any{"left": 48, "right": 24, "top": 36, "bottom": 28},
		"xAxis":   map[string]any{"type": "category", "data": years, "boundaryGap": false},
		"yAxis":   map[string]any{"type": "value", "name": ind.Unit, "max": niceMax(top)},
		"series":  series,
	})
}

// niceMax is a round axis maximum a little above v.
func niceMax(v float64) float64 {
	if v <= 0 {
		return 1
	}
	m := v * 1.15
	step := math.Pow(10, math.Floor(math.Log10(m))) / 2
	return math.Ceil(m/step) * step
}

func compareChart(t func(string, ...any) string, rows []Comparison) string {
	var names []string
	var targets, latest []any
	for _, c := range rows {
		names = append(names, c.PlanOrg)
		goal, _ := c.target()
		targets = append(targets, goal)
		if c.Latest != nil {
			latest = append(latest, c.Latest.Value)
		} else {
			latest = append(latest, nil)
		}
	}
	return chartJSON(map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"top": 0},
		"grid":    map[string]any{"left": 48, "right": 16, "top": 36, "bottom": 60},
		"xAxis":   map[string]any{"type": "category", "data": names, "axisLabel": map[string]any{"interval": 0, "rotate": 30}},
		"yAxis":   map[string]any{"type": "value"},
		"series": []map[string]any{
			{"name": t("plan.chart.target"), "type": "bar", "barMaxWidth": 32, "data": targets},
			{"name": t("plan.chart.latest"), "type": "bar", "barMaxWidth": 32, "data": latest},
		},
	})
}

func round2(f float64) float64 {
	return float64(int64(f*100+0.5)) / 100
}

// exportEval sends an evaluation as an XLSX report: the sheet and the ranking.
func (h *handler) exportEval(w http.ResponseWriter, r *http.Request) error {
	page, err := h.evalPage(r, nil)
	if err != nil {
		return err
	}
	t := h.site.T(r)
	sheetTab := sheet.Table{Sheet: t("plan.eval.sheet"), Headers: []string{t("plan.eval.task"), t("plan.eval.unit"), t("plan.eval.role"),
		t("plan.eval.indicators"), t("plan.status.achieved"), t("plan.eval.progress"), t("plan.eval.score"), t("plan.eval.comments"),
		t("plan.eval.evidence")}}
	for _, row := range page.Eval.Rows {
		score := ""
		if row.Score != nil {
			score = strconv.FormatFloat(*row.Score, 'f', -1, 64)
		}
		task := row.SectionTitle
		if row.SectionPath == CooperationRow {
			task = t("plan.eval.cooperation")
		}
		sheetTab.Rows = append(sheetTab.Rows, []string{task, row.OrgName, t("plan." + row.Role), strconv.Itoa(row.Rollup.Total),
			strconv.Itoa(row.Rollup.Count("achieved")), strconv.Itoa(row.Rollup.Percent()) + "%", score, row.Comments, row.Evidence})
	}
	rank := sheet.Table{Sheet: t("plan.eval.ranking"), Headers: []string{t("plan.eval.rank"), t("plan.eval.unit"), t("plan.eval.tasks"),
		t("plan.eval.scored"), t("plan.eval.total"), t("plan.eval.average")}}
	rank.Rows = RankRows(page.Totals)
	name := fmt.Sprintf("%s-%s%d.xlsx", page.Plan.Title, t("plan.eval.kind."+page.Eval.Kind), page.Eval.Year)
	return sheet.ServeXLSXBook(w, name, sheetTab, rank)
}

// EvalPage is an evaluation sheet with its ranking.
type EvalPage struct {
	Plan   Plan
	Eval   Evaluation
	Totals []UnitTotal
	Form   *web.Form
	Chart  string
}

func (h *handler) evalPage(r *http.Request, f *web.Form) (EvalPage, error) {
	p, err := h.planOf(r)
	if err != nil {
		return EvalPage{}, err
	}
	eid, _ := strconv.ParseInt(r.PathValue("eid"), 10, 64)
	e, err := h.store.Evaluation(r.Context(), p, eid)
	if err != nil {
		return EvalPage{}, err
	}
	if f == nil {
		f = web.NewForm()
		for _, row := range e.Rows {
			k := strconv.FormatInt(row.ID, 10)
			if row.Score != nil {
				f.Values.Set("score_"+k, strconv.FormatFloat(*row.Score, 'f', -1, 64))
			}
			f.Values.Set("comments_"+k, row.Comments)
			f.Values.Set("evidence_"+k, row.Evidence)
		}
	}
	page := EvalPage{Plan: p, Eval: e, Totals: e.Totals(), Form: f}
	var names []string
	var avg []any
	for _, u := range page.Totals {
		if u.Scored > 0 {
			names = append(names, u.OrgName)
			avg = append(avg, u.Average)
		}
	}
	if len(names) > 0 {
		page.Chart = chartJSON(map[string]any{
			"tooltip": map[string]any{"trigger": "axis"},
			"grid":    map[string]any{"left": 140, "right": 24, "top": 16, "bottom": 24},
			"xAxis":   map[string]any{"type": "value", "max": MaxScore},
			"yAxis":   map[string]any{"type": "category", "data": names, "inverse": true},
			"series":  []map[string]any{{"type": "bar", "barMaxWidth": 24, "data": avg, "label": map[string]any{"show": true, "position": "right"}}},
		})
	}
	return page, nil
}

func (h *handler) eval(w http.ResponseWriter, r *http.Request) error {
	page, err := h.evalPage(r, nil)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "plan/eval.html", "plan.title.eval", page)
}

func (h *handler) printEval(w http.ResponseWriter, r *http.Request) error {
	page, err := h.evalPage(r, nil)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "plan/eval_print.html", "plan.title.eval", page)
}

func (h *handler) saveEval(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	page, err := h.evalPage(r, f)
	if err != nil {
		return err
	}
	var in []ScoreInput
	for _, row := range page.Eval.Rows {
		k := strconv.FormatInt(row.ID, 10)
		in = append(in, ScoreInput{RowID: row.ID, Score: f.Get("score_" + k), Comments: f.Get("comments_" + k), Evidence: f.Get("evidence_" + k)})
	}
	err = h.store.SaveScores(r.Context(), page.Plan.ID, page.Eval.ID, in, userID(r))
	if err != nil {
		if f.Fail(h.site.T(r), err) {
			return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "plan/eval.html", "plan.title.eval", page)
		}
		return err
	}
	h.site.AddFlash(w, r, "ok", "plan.flash.scores_saved")
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d/evaluations/%d", page.Plan.ID, page.Eval.ID))
}

func (h *handler) createEval(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	id, err := h.store.CreateEvaluation(r.Context(), planID, f.Get("kind"), f.Get("year"), userID(r))
	if list, ok := valid.As(err); ok {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
		return web.Redirect(w, r, fmt.Sprintf("/plans/%d/dashboard", planID))
	}
	if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "plan.flash.eval_created")
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d/evaluations/%d", planID, id))
}
