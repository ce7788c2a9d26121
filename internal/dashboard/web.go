package dashboard

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

type handler struct {
	site *web.Site
	reg  *measure.Registry
	orgs *org.Store
}

// firstYear is the earliest year offered: the platform keeps nothing older.
const firstYear = 2015

// choice is what a request asks for: a year and an org inside the viewer's
// scope (the top of the scope when none is named).
type choice struct {
	Year  int
	Years []int
	Org   org.Org
	Field string // the org picker's value: the org's code
	Scope access.Scope
	Now   time.Time
}

// choose reads year and org. An org outside the scope, or one that does not
// exist, is a clear message and nothing shown — never the whole scope.
func (h *handler) choose(r *http.Request) (choice, error) {
	q := r.URL.Query()
	c := choice{Now: time.Now().In(Zone), Scope: h.site.Scope(r, "dashboard.view")}
	c.Year = c.Now.Year()
	if v := q.Get("year"); v != "" {
		y, err := strconv.Atoi(v)
		if err != nil || y < firstYear || y > c.Now.Year() {
			return c, web.Errorf(http.StatusBadRequest, "dashboard.err.year", firstYear, c.Now.Year())
		}
		c.Year = y
	}
	for y := c.Now.Year(); y >= max(firstYear, c.Now.Year()-9); y-- {
		c.Years = append(c.Years, y)
	}
	if c.Scope.None() {
		return c, nil
	}
	var err error
	if v := strings.TrimSpace(q.Get("org")); v != "" {
		c.Org, err = h.orgs.FromForm(r.Context(), v)
		if errors.Is(err, db.ErrNotFound) || err == nil && !c.Scope.Contains(c.Org.Path) {
			return c, web.Errorf(http.StatusNotFound, "dashboard.err.org")
		}
	} else {
		c.Org, err = h.top(r.Context(), c.Scope)
	}
	if err != nil {
		return c, err
	}
	c.Field, c.Scope = c.Org.Code, c.Scope.Within(c.Org.Path)
	return c, nil
}

// top is the org at the top of scope: the root for a scope over everything,
// else the first subtree the viewer holds.
func (h *handler) top(ctx context.Context, s access.Scope) (org.Org, error) {
	if s.All() {
		return h.orgs.Root(ctx)
	}
	ids := org.PathIDs(s.Paths()[0])
	if len(ids) == 0 {
		return org.Org{}, db.ErrNotFound
	}
	return h.orgs.Get(ctx, ids[len(ids)-1])
}

// overviewPage is 数据总览 of one org and year.
type overviewPage struct {
	choice
	Through time.Time // the last day read: today while the year runs
	Groups  []Group
	Chart   string
	Height  int // the chart's height: a bar per quantity
	Span    string
}

func (h *handler) overview(w http.ResponseWriter, r *http.Request) error {
	c, err := h.choose(r)
	if err != nil {
		return err
	}
	p := overviewPage{choice: c}
	cur, _ := Spans(c.Year, c.Now)
	p.Through = cur.To.Add(-time.Second)
	if p.Groups, err = Overview(r.Context(), h.reg, c.Scope, c.Year, c.Now); err != nil {
		return err
	}
	t := h.site.T(r)
	for _, g := range p.Groups {
		for i := range g.Rows {
			g.Rows[i].Name = t(g.Rows[i].Source.Label, g.Rows[i].Source.Args...)
		}
	}
	if web.WantsExport(r) {
		return sheet.ServeXLSX(w, fmt.Sprintf("数据总览-%s-%d.xlsx", c.Org.Name, c.Year), overviewTable(t, p))
	}
	p.Chart, p.Height = changeChart(t, p.Groups)
	p.Span = t("dashboard.span", c.Org.Name, c.Year, t("dashboard.date", p.Through.Year(), int(p.Through.Month()), p.Through.Day()), c.Year-1)
	return h.site.Render(w, r, "dashboard/overview.html", "dashboard.title", p)
}

// overviewTable is the export: one row per quantity.
func overviewTable(t func(string, ...any) string, p overviewPage) sheet.Table {
	tab := sheet.Table{Sheet: t("dashboard.title"), Headers: []string{t("dashboard.f.area"), t("dashboard.f.measure"), t("dashboard.f.unit"),
		t("dashboard.f.now", p.Year), t("dashboard.f.before", p.Year-1), t("dashboard.f.change")}}
	for _, g := range p.Groups {
		for _, row := range g.Rows {
			now, before := row.NowText(), row.BeforeText()
			if row.Failed {
				now, before = t("dashboard.failed"), t("dashboard.failed")
			}
			tab.Rows = append(tab.Rows, []string{t("dashboard.module." + g.Module), row.Name, row.Source.Unit, now, before, row.ChangeCell(t)})
		}
	}
	return tab
}

// changeChart charts each quantity's change from the year before, in
// percent — the one scale quantities counted in different units share.
// Quantities with no base the year before are left out (and say so in the
// table).
func changeChart(t func(string, ...any) string, groups []Group) (string, int) {
	var names []string
	var data []map[string]any
	capped := false
	for _, g := range groups {
		for _, row := range g.Rows {
			v, ok := row.Change()
			if !ok || math.IsInf(v, 0) || math.IsNaN(v) {
				continue
			}
			color := "#2e7d32"
			if v < 0 {
				color = "#c62828"
			}
			// A quantity that grew from next to nothing (4,850 %) would
			// flatten every other bar: a bar stops at ±barCap, its label
			// says the change as it is.
			capped = capped || v > barCap
			names = append(names, row.Name)
			data = append(data, map[string]any{"value": math.Round(max(-barCap, min(barCap, v))*10) / 10, "itemStyle": map[string]any{"color": color},
				"label": map[string]any{"formatter": Pct(v)}})
		}
	}
	if len(data) == 0 {
		return "", 0
	}
	xAxis := map[string]any{"type": "value", "splitNumber": 3, "axisLabel": map[string]any{"formatter": "{value}%", "hideOverlap": true}}
	if capped {
		xAxis["max"] = barCap
	}
	return web.ChartJSON(map[string]any{
		"tooltip": map[string]any{"show": false}, // the bars are capped; the labels say the change
		"grid":    map[string]any{"left": 8, "right": 72, "top": 8, "bottom": 24, "containLabel": true},
		"xAxis":   xAxis,
		"yAxis":   map[string]any{"type": "category", "data": names, "inverse": true, "axisLabel": map[string]any{"width": 150, "overflow": "break"}},
		"series":  []map[string]any{{"name": t("dashboard.f.change"), "type": "bar", "data": data, "barMaxWidth": 14, "label": map[string]any{"show": true, "position": "right"}}},
	}), 60 + 28*len(names)
}

// barCap is where a change's bar stops, in percent.
const barCap = 300

// comparePage is one quantity across the chosen org's children.
type comparePage struct {
	choice
	Source   measure.Source
	Name     string   // the source's label in the reader's language
	Options  []option // every source, for the choice
	Types    []org.Type
	Type     org.Type
	Parts    []Part
	Chart    string
	Height   int
	Leftover int  // children of other types, not in the comparison
	AllZero  bool // every child's value is 0 in both years: no chart, a word instead
}

// option is a source offered in the comparison's choice.
type option struct{ Key, Text string }

// maxChildren bounds a comparison: each child is one reading of the source.
const maxChildren = 400

func (h *handler) compare(w http.ResponseWriter, r *http.Request) error {
	c, err := h.choose(r)
	if err != nil {
		return err
	}
	reg := h.reg
	t := h.site.T(r)
	p := comparePage{choice: c}
	for _, src := range reg.List() {
		mod, _, _ := strings.Cut(src.Key, ".")
		p.Options = append(p.Options, option{Key: src.Key, Text: t("dashboard.module."+mod) + " · " + t(src.Label, src.Args...) + "（" + src.Unit + "）"})
	}
	key := r.URL.Query().Get("key")
	if key == "" && len(p.Options) > 0 {
		key = p.Options[0].Key
	}
	var ok bool
	if p.Source, ok = reg.Lookup(key); !ok {
		return web.Errorf(http.StatusNotFound, "dashboard.err.key")
	}
	p.Name = t(p.Source.Label, p.Source.Args...)
	if !c.Scope.None() {
		kids, err := h.orgs.Children(r.Context(), c.Org, "name", maxChildren, 0)
		if err != nil {
			return err
		}
		// Compare like with like: the children of one type (市级科协, 学会 …),
		// by default the type most of them are.
		count := map[org.Type]int{}
		for _, k := range kids {
			if count[k.Type] == 0 {
				p.Types = append(p.Types, k.Type)
			}
			count[k.Type]++
		}
		p.Type = org.Type(r.URL.Query().Get("type"))
		if count[p.Type] == 0 {
			p.Type = ""
			for _, ty := range p.Types {
				if count[ty] > count[p.Type] {
					p.Type = ty
				}
			}
		}
		var children []Child
		for _, k := range kids {
			if k.Type == p.Type {
				children = append(children, Child{ID: k.ID, Code: k.Code, Name: k.Name, Path: k.Path})
			}
		}
		p.Leftover = len(kids) - len(children)
		if p.Parts, err = Compare(r.Context(), reg, c.Scope, key, children, c.Year, c.Now); err != nil {
			return err
		}
	}
	if web.WantsExport(r) {
		return sheet.ServeXLSX(w, fmt.Sprintf("数据对比-%s-%d.xlsx", c.Org.Name, c.Year), compareTable(t, p))
	}
	// Nothing to draw: 0, or no data (measure.NoBase), in every bar.
	blank := func(v float64) bool { return v == 0 || !measure.Known(v) }
	p.AllZero = len(p.Parts) > 0
	for _, part := range p.Parts {
		p.AllZero = p.AllZero && blank(part.Now) && blank(part.Before)
	}
	if !p.AllZero { // fifty empty bars say nothing
		p.Chart, p.Height = compareChart(t, p), 70+36*len(p.Parts)
	}
	return h.site.Render(w, r, "dashboard/compare.html", "dashboard.title.compare", p)
}

func compareTable(t func(string, ...any) string, p comparePage) sheet.Table {
	tab := sheet.Table{Sheet: t("dashboard.title.compare"), Headers: []string{t("dashboard.f.org"),
		t("dashboard.f.now", p.Year) + "（" + p.Source.Unit + "）", t("dashboard.f.before", p.Year-1) + "（" + p.Source.Unit + "）", t("dashboard.f.change")}}
	for _, part := range p.Parts {
		tab.Rows = append(tab.Rows, []string{part.Name, part.NowText(), part.BeforeText(), part.row().ChangeCell(t)})
	}
	return tab
}

func compareChart(t func(string, ...any) string, p comparePage) string {
	if len(p.Parts) == 0 {
		return ""
	}
	var names []string
	var now, before []any // a year with no data is a gap (null), not a bar of 0
	bar := func(v float64) any {
		if !measure.Known(v) {
			return nil
		}
		return round(v)
	}
	for _, part := range p.Parts {
		names = append(names, part.Name)
		now, before = append(now, bar(part.Now)), append(before, bar(part.Before))
	}
	return web.ChartJSON(map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"top": 0},
		"grid":    map[string]any{"left": 8, "right": 24, "top": 32, "bottom": 24, "containLabel": true},
		"xAxis":   map[string]any{"type": "value"},
		"yAxis":   map[string]any{"type": "category", "data": names, "inverse": true, "axisLabel": map[string]any{"width": 120, "overflow": "break"}},
		"series": []map[string]any{
			{"name": t("dashboard.f.now", p.Year), "type": "bar", "data": now, "barMaxWidth": 12},
			{"name": t("dashboard.f.before", p.Year-1), "type": "bar", "data": before, "barMaxWidth": 12},
		},
	})
}

func round(v float64) float64 { return math.Round(v*100) / 100 }

// Num shows a value with digit grouping and at most two decimals.
func Num(v float64) string {
	neg := v < 0
	s := strconv.FormatFloat(math.Abs(round(v)), 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	if neg && s != "0" {
		return "-" + b.String()
	}
	return b.String()
}

// Pct shows a change in percent with its sign, one decimal.
func Pct(v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64) + "%"
	if v > 0 {
		s = "+" + s
	}
	return s
}

// NowText, BeforeText and ChangeText show a row's figures; a rate of a
// year with nothing to measure (measure.NoBase) is — (see NoChange).
func (r Row) NowText() string    { return r.figure(r.Now) }
func (r Row) BeforeText() string { return r.figure(r.Before) }
func (r Row) ChangeText() string {
	if v, ok := r.Change(); ok {
		return Pct(v)
	}
	return "—"
}

func (r Row) figure(v float64) string {
	if r.Failed || !measure.Known(v) {
		return "—"
	}
	return Num(v)
}

// Unit is the unit shown after a figure: none after —.
func (r Row) Unit(text string) string {
	if text == "—" {
		return ""
	}
	return r.Source.Unit
}

// ChangeCell is the change as the export writes it: the change, or — with
// its reason in the reader's language.
func (r Row) ChangeCell(t func(string, ...any) string) string {
	if why := r.NoChange(); why != "" {
		return "—（" + t(why) + "）"
	}
	return r.ChangeText()
}

// Up and Down report the change's direction, for its colour.
func (r Row) Up() bool   { v, ok := r.Change(); return ok && v > 0 }
func (r Row) Down() bool { v, ok := r.Change(); return ok && v < 0 }

// NowText, BeforeText, ChangeText and NoChange show a part's figures as a
// row's.
func (p Part) NowText() string    { return p.row().NowText() }
func (p Part) BeforeText() string { return p.row().BeforeText() }
func (p Part) ChangeText() string { return p.row().ChangeText() }
func (p Part) NoChange() string   { return p.row().NoChange() }

func (p Part) row() Row {
	return Row{Source: measure.Source{Kind: p.Kind}, Now: p.Now, Before: p.Before}
}
