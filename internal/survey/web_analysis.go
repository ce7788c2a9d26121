package survey

import (
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"kexie/internal/sheet"
	"kexie/internal/survey/estimate"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// AnalysisPage shows frequencies and a cross-tabulation with filters.
type AnalysisPage struct {
	Survey      Survey
	Data        Data
	Freqs       []Freq
	Charts      []string // ECharts options, one per frequency table
	Cross       *Cross
	Row, Col    string
	Stations    []Station
	Filter      AnalysisFilter
	Within      string // the region picker's value
	Notice      string // e.g. weights unavailable
	NoticeArgs  []any
	NoticeText  string
	Categorical []Question
	Report      bool // the standard report layout
	// Literacy is the literacy rate (weighted when asked) with its
	// breakdown, for a scored instrument.
	Literacy *Rate
	LitBy    map[string]map[string]Rate
	Roles    []string
	Margins  []Margin
	CanEdit  bool
	// Level is the by-region table's grouping (generations below the
	// region filter's org, else the survey's; 0: no table) and Regions
	// the table.
	Level   int
	Regions *RegionTable
	// Crumbs lead from the survey's org down to the table's region;
	// Outside says the region filter names an org outside the viewer's
	// scope (the page then shows nothing of it).
	Crumbs  []RegionCrumb
	Outside bool
	query   url.Values // the request's, for the drill-down links
}

// Levels are the by-region groupings offered.
func (p AnalysisPage) Levels() []int {
	out := make([]int, MaxRegionLevel)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// LitCats lists a role's categories in code order.
func (p AnalysisPage) LitCats(role string) []string {
	var out []string
	for c := range p.LitBy[role] {
		if c != "" {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// LitRate is the rate of a role's category.
func (p AnalysisPage) LitRate(role, cat string) Rate { return p.LitBy[role][cat] }

// CatLabel names a role's category by the question's option.
func (p AnalysisPage) CatLabel(role, cat string, lang string) string {
	if q, ok := p.Data.Def.ByRole(role); ok {
		for _, o := range q.Options {
			if o.Code == cat {
				return o.Text.In(lang)
			}
		}
	}
	return cat
}

// MarginsCSV is the stored margins as the CSV the form takes.
func (p AnalysisPage) MarginsCSV() string {
	var b strings.Builder
	b.WriteString("variable,category,share\n")
	for _, m := range p.Margins {
		b.WriteString(m.Variable + "," + m.Category + "," + strconv.FormatFloat(m.Share, 'f', -1, 64) + "\n")
	}
	return b.String()
}

func (h *handler) analysisData(r *http.Request, v Survey) (AnalysisPage, error) {
	q := r.URL.Query()
	p := AnalysisPage{Survey: v, Row: q.Get("row"), Col: q.Get("col"), Within: q.Get("within"), query: q}
	p.Filter = AnalysisFilter{Scope: h.site.Scope(r, "survey.view"), Role: q.Get("role"), Category: q.Get("cat"), Weighted: q.Get("weighted") == "1"}
	p.Filter.StationID, _ = strconv.ParseInt(q.Get("station"), 10, 64)
	if l, err := strconv.Atoi(q.Get("level")); err == nil && l >= 1 && l <= MaxRegionLevel {
		p.Level = l
	}
	anchor := Region{ID: v.OrgID, Name: v.OrgName, Path: v.OrgPath}
	if p.Within != "" {
		o, err := h.orgs.FromForm(r.Context(), p.Within)
		if err != nil {
			if !errors.Is(err, web.ErrNotFound) && !strings.Contains(err.Error(), "not found") {
				return p, err
			}
			p.Notice = "orgpick.err.unknown"
			p.Filter.Scope = p.Filter.Scope.Within("/nothing/")
		} else if p.Filter.Scope.Within(o.Path).None() {
			// Nothing of the viewer's lies there: no figures, no names
			// (the picker, which would show the org's path, starts empty).
			p.Notice, p.Outside, p.Within = "survey.a.region_outside", true, ""
			p.Filter.Scope = p.Filter.Scope.Within("/nothing/")
			anchor = Region{}
		} else {
			p.Filter.Within = o.Path
			anchor = Region{ID: o.ID, Name: o.Name, Path: o.Path}
		}
	}
	var err error
	if p.Stations, err = h.store.Stations(r.Context(), v.ID, h.store.db.Now()); err != nil {
		return p, err
	}
	p.Data, err = h.store.Load(r.Context(), v, p.Filter)
	var ref *Refusal
	if errors.As(err, &ref) {
		p.Notice = ref.Key
		p.Filter.Weighted = false
		p.Data, err = h.store.Load(r.Context(), v, p.Filter)
	} else if list, ok := valid.As(err); ok && p.Filter.Weighted {
		// The raking refused the data (e.g. a category without respondents).
		p.Notice = list[0].Key
		p.NoticeArgs = list[0].Args
		p.Filter.Weighted = false
		p.Data, err = h.store.Load(r.Context(), v, p.Filter)
	}
	if err != nil {
		return p, err
	}
	if p.Notice != "" {
		p.NoticeText = h.site.T(r)(p.Notice, p.NoticeArgs...)
	}
	lang := langOf(r)
	p.Freqs = Frequencies(p.Data, lang)
	for _, f := range p.Freqs {
		p.Charts = append(p.Charts, chartOf(f))
	}
	p.Categorical = p.Data.Def.Categorical()
	p.Roles = Roles
	if p.Margins, err = h.store.Margins(r.Context(), v.ID); err != nil {
		return p, err
	}
	p.CanEdit = h.site.Policy.Can(r.Context(), web.SubjectFrom(r.Context()), "survey.edit", resourceOf(v))
	if p.Data.Def.Scored() && len(p.Data.Rows) > 0 {
		all, by, err := LiteracyRates(p.Data)
		if err != nil {
			return p, err
		}
		p.Literacy, p.LitBy = &all, by
	}
	row, ok1 := p.Data.Def.Question(p.Row)
	col, ok2 := p.Data.Def.Question(p.Col)
	if ok1 && ok2 {
		c := CrossTab(p.Data, row, col, lang)
		p.Cross = &c
	}
	if p.Level > 0 {
		regions, err := h.store.regionsAt(r.Context(), p.Filter.Scope, anchor, p.Level)
		if err != nil {
			return p, err
		}
		var q *Question
		if ok2 && categorical(col) {
			q = &col
		}
		t, err := ByRegion(p.Data, regions, q, lang)
		if err != nil {
			return p, err
		}
		t.Anchor, t.Level = anchor, p.Level
		p.Regions = &t
		if !p.Outside {
			if p.Crumbs, err = h.regionCrumbs(r.Context(), p, anchor); err != nil {
				return p, err
			}
			if err := h.store.markBelow(r.Context(), p.Regions); err != nil {
				return p, err
			}
		}
	}
	return p, nil
}

// chartOf is a bar chart of one frequency table, "" for a question
// without categories.
func chartOf(f Freq) string {
	if len(f.Cells) == 0 || f.N == 0 {
		return ""
	}
	var labels []string
	var values []float64
	for _, c := range f.Cells {
		labels = append(labels, c.Label)
		values = append(values, float64(int(c.Pct*10+0.5))/10)
	}
	opt := map[string]any{
		"grid":    map[string]any{"left": 8, "right": 24, "top": 8, "bottom": 8, "containLabel": true},
		"tooltip": map[string]any{"trigger": "axis"},
		"xAxis":   map[string]any{"type": "value", "max": 100, "axisLabel": map[string]any{"formatter": "{value}%"}},
		"yAxis":   map[string]any{"type": "category", "data": labels, "inverse": true, "axisLabel": map[string]any{"width": 120, "overflow": "truncate"}},
		"series":  []any{map[string]any{"type": "bar", "data": values, "label": map[string]any{"show": true, "position": "right", "formatter": "{c}%"}}},
	}
	return web.ChartJSON(opt)
}

func (h *handler) analysis(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	p, err := h.analysisData(r, v)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("format") == "xlsx" {
		return h.exportTables(w, r, p)
	}
	return h.site.Render(w, r, "survey/analysis.html", "survey.title.analysis", p)
}

// report is the standard report: every question's table and chart, page
// by page, for printing (the status survey's 标准报告).
func (h *handler) report(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	p, err := h.analysisData(r, v)
	if err != nil {
		return err
	}
	p.Report = true
	return h.site.Render(w, r, "survey/analysis.html", "survey.title.report", p)
}

// exportTables writes every frequency table and the cross-tabulation as
// one workbook.
func (h *handler) exportTables(w http.ResponseWriter, r *http.Request, p AnalysisPage) error {
	t := h.site.T(r)
	freq := sheet.Table{Sheet: t("survey.a.freq"), Headers: []string{t("survey.f.question"), t("survey.f.row"), t("survey.f.option"), t("survey.a.count"), t("survey.a.pct")}}
	lang := langOf(r)
	for _, f := range p.Freqs {
		for _, c := range f.Cells {
			freq.Rows = append(freq.Rows, []string{f.Q.ID + " " + f.Q.Text.In(lang), f.Sub, c.Label, Num(c.Count), Pct(c.Pct)})
		}
		freq.Rows = append(freq.Rows, []string{f.Q.ID + " " + f.Q.Text.In(lang), f.Sub, t("survey.a.n"), Num(f.N), ""})
	}
	tables := []sheet.Table{freq}
	if c := p.Cross; c != nil {
		ct := sheet.Table{Sheet: t("survey.a.cross"), Headers: []string{c.Row.Text.In(lang) + " \\ " + c.Col.Text.In(lang)}}
		for _, col := range c.ColCells {
			ct.Headers = append(ct.Headers, col.Label, col.Label+" %")
		}
		for i, row := range c.RowCells {
			line := []string{row.Label}
			for j := range c.ColCells {
				line = append(line, Num(c.Counts[i][j]), Pct(c.Pcts[i][j]))
			}
			ct.Rows = append(ct.Rows, line)
		}
		tables = append(tables, ct)
	}
	if rt := p.Regions; rt != nil {
		tables = append(tables, regionSheet(*rt, t))
	}
	return sheet.ServeXLSXBook(w, "survey-"+strconv.FormatInt(p.Survey.ID, 10)+"-tables.xlsx", tables...)
}

func (h *handler) margins(w http.ResponseWriter, r *http.Request) error {
	id := pathInt(r, "id")
	m, err := estimate.ReadMargins(strings.NewReader(r.FormValue("margins")))
	if err == nil {
		err = h.store.SetMargins(r.Context(), id, m)
	}
	return h.back(w, r, surveyURL(id, "/analysis?weighted=1#margins"), err, "survey.flash.margins")
}
