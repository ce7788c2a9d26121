package survey

import (
	"encoding/json"
	"net/http"
	"sort"
	"strconv"

	"kexie/internal/web"
)

// MonitorPage is the science-literacy dashboard of an org's subtree.
type MonitorPage struct {
	Root    Region
	Monitor Monitor
	Chart   string
	Pick    string
	Roles   []string
	Labels  map[string]map[string]string // role → code → label
	// PlanLinks: the viewer files or reviews plan progress, so a target
	// links to its page; a member sees the target without a link that
	// would answer 403.
	PlanLinks bool
}

// Cats lists a role's categories in code order.
func (p MonitorPage) Cats(role string) []string {
	var out []string
	for c := range p.Monitor.Breakdown[role] {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Rate is the rate of a role's category.
func (p MonitorPage) Rate(role, cat string) Rate { return p.Monitor.Breakdown[role][cat] }

// Label names a role's category.
func (p MonitorPage) Label(role, cat string) string {
	if l, ok := p.Labels[role][cat]; ok {
		return l
	}
	return cat
}

// TargetsOf are the plan targets on an org's rate (the root's: overall).
func (p MonitorPage) TargetsOf(orgID int64) []TargetStatus { return p.Monitor.Targets[orgID] }

// TargetCell is the targets column of one row, with the view to label it.
type TargetCell struct {
	V         *web.View
	Targets   []TargetStatus
	PlanLinks bool
}

// Cell is the targets column of an org's row.
func (p MonitorPage) Cell(v *web.View, orgID int64) TargetCell {
	return TargetCell{V: v, Targets: p.Monitor.Targets[orgID], PlanLinks: p.PlanLinks}
}

// YearRate is a region's rate in a year (zero when none).
func (p MonitorPage) YearRate(rr RegionRates, y int) Rate { return rr.ByYear[y] }

func (h *handler) monitor(w http.ResponseWriter, r *http.Request) error {
	scope := h.site.Scope(r, "survey.monitor")
	p := MonitorPage{Roles: Roles, Labels: map[string]map[string]string{}, PlanLinks: !h.site.Scope(r, "plan.report").None()}
	lang := langOf(r)
	for _, q := range demographics().Questions {
		p.Labels[q.Role] = map[string]string{}
		for _, o := range q.Options {
			p.Labels[q.Role][o.Code] = o.Text.In(lang)
		}
	}
	pick := r.URL.Query().Get("org")
	var root Region
	if pick != "" {
		o, err := h.orgs.FromForm(r.Context(), pick)
		if err != nil || !scope.Contains(o.Path) {
			return web.ErrNotFound
		}
		root = Region{ID: o.ID, Name: o.Name, Path: o.Path}
	} else if id := web.IdentityFrom(r.Context()); id != nil && id.Subject != nil {
		// The caller's own (current) org, or the top of their grants.
		for _, g := range id.Subject.Grants {
			if g.OrgID == id.CurrentOrgID || root.ID == 0 {
				if scope.Contains(g.OrgPath) {
					root = Region{ID: g.OrgID, Name: g.OrgName, Path: g.OrgPath}
				}
			}
		}
		if root.ID == 0 && scope.All() {
			o, err := h.orgs.Root(r.Context())
			if err != nil {
				return err
			}
			root = Region{ID: o.ID, Name: o.Name, Path: o.Path}
		}
	}
	p.Root, p.Pick = root, pick
	if root.ID != 0 {
		m, err := h.store.Monitor(r.Context(), scope, root)
		if err != nil {
			return err
		}
		p.Monitor = m
		p.Chart = monitorChart(m, root, h.site.T(r))
	}
	return h.site.Render(w, r, "survey/monitor.html", "survey.title.monitor", p)
}

// palette colours each region's line and its targets alike (ECharts'
// default colours, in order).
var palette = []string{"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc"}

// chartYears are the years the trend chart shows: every year from the
// first survey to the last survey or target deadline (the years surveyed
// and the deadlines alone when that would be more than 30). A target's
// baseline year counts too, so its trajectory starts where the plan says.
func chartYears(m Monitor) []int {
	set := map[int]bool{}
	lo, hi := 0, 0
	note := func(y int) {
		if y <= 0 {
			return
		}
		set[y] = true
		if lo == 0 || y < lo {
			lo = y
		}
		if y > hi {
			hi = y
		}
	}
	for _, y := range m.Years {
		note(y)
	}
	for _, ts := range m.Targets {
		for _, t := range ts {
			note(t.DeadlineYear)
			if t.HasBase {
				note(t.BaseYear)
			}
		}
	}
	var out []int
	if hi-lo <= 30 {
		for y := lo; y <= hi && lo > 0; y++ {
			out = append(out, y)
		}
		return out
	}
	for y := range set {
		out = append(out, y)
	}
	sort.Ints(out)
	return out
}

// monitorChart is the trend chart: a line per region (the root's overall
// first) and, dashed in the same colour, each plan target from its
// baseline to its value at the deadline.
func monitorChart(m Monitor, root Region, t func(string, ...any) string) string {
	if len(m.Years) == 0 {
		return ""
	}
	years := chartYears(m)
	var labels []string
	at := map[int]int{}
	for i, y := range years {
		labels = append(labels, strconv.Itoa(y))
		at[y] = i
	}
	round := func(p float64) float64 { return float64(int(p*10+0.5)) / 10 }
	line := func(name, color string, by map[int]Rate) map[string]any {
		data := make([]any, len(years))
		for y, r := range by {
			if i, ok := at[y]; ok && r.N > 0 {
				data[i] = round(100 * r.P)
			}
		}
		return map[string]any{"type": "line", "name": name, "data": data, "connectNulls": true, "color": color}
	}
	var series []any
	var names []string
	target := func(name, color string, ts []TargetStatus) {
		for _, x := range ts {
			data := make([]any, len(years))
			if i, ok := at[x.DeadlineYear]; ok {
				data[i] = x.Value
			}
			if i, ok := at[x.BaseYear]; ok && x.HasBase {
				data[i] = x.BaseValue
			}
			n := t("survey.m.target_series", name, x.GoalS(), x.DeadlineYear)
			series = append(series, map[string]any{"type": "line", "name": n, "data": data, "connectNulls": true, "color": color,
				"symbol": "diamond", "symbolSize": 10, "showSymbol": true, "showAllSymbol": true, "lineStyle": map[string]any{"type": "dashed", "width": 1.5}})
			names = append(names, n)
		}
	}
	overall := t("survey.m.overall")
	series = append(series, line(overall, palette[0], m.Overall))
	names = append(names, overall)
	target(overall, palette[0], m.Targets[root.ID])
	for i, rr := range m.Regions {
		color := palette[(i+1)%len(palette)]
		if len(rr.ByYear) > 0 {
			series = append(series, line(rr.Name, color, rr.ByYear))
			names = append(names, rr.Name)
		}
		target(rr.Name, color, m.Targets[rr.ID])
	}
	b, _ := json.Marshal(map[string]any{
		"grid":      map[string]any{"left": 8, "right": 16, "top": 16, "bottom": 40, "containLabel": true},
		"tooltip":   map[string]any{"trigger": "axis"},
		"legend":    map[string]any{"type": "scroll", "data": names, "bottom": 0},
		"animation": false, // the targets' end markers show at once, in print and screenshots too
		"xAxis":     map[string]any{"type": "category", "data": labels},
		"yAxis":     map[string]any{"type": "value", "axisLabel": map[string]any{"formatter": "{value}%"}},
		"series":    series,
	})
	return string(b)
}
