package plan

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"kexie/internal/web"
)

// DashboardPage is a plan's implementation at a glance: the roll-up of
// the plan and of each section, the unit scoreboard, what is due this
// quarter and what waits for review.
type DashboardPage struct {
	Plan        Plan
	Overall     Rollup
	Sections    []SectionRollup
	Units       []UnitRollup
	Due         []StoredIndicator
	Pending     []Entry
	Evaluations []Evaluation
	Quarter     string // "2026Q4"
	QuarterNo   int    // the quarter of Year being filed, 1-4
	StatusChart string
	UnitChart   string
	CanEdit     bool
	Unassigned  int
	Year        int
	// Ended: the plan's period is over; it is no longer tracked by quarter
	// and its final evaluation is due (FinalEval once it exists).
	Ended     bool
	FinalEval *Evaluation
	// Waiting counts the targets without data that are not due: their
	// entry for this quarter waits for review (or a source has no data).
	Waiting int
	UserID  int64 // the viewer: nobody reviews what they filed
}

// Statuses lists the statuses for the page's columns.
func (DashboardPage) Statuses() []string {
	out := make([]string, 0, 5)
	for _, s := range Statuses() {
		out = append(out, string(s))
	}
	return out
}

// CountOf is r's count of status s (templates cannot index a map by a converted key).
func (DashboardPage) CountOf(r Rollup, s string) int { return r.Counts[Status(s)] }

// SectionRollup is a section with the roll-up of every indicator under it.
type SectionRollup struct {
	StoredSection
	Rollup
}

// UnitRollup is a responsible unit's line on the scoreboard.
type UnitRollup struct {
	OrgID   int64
	OrgName string
	Rollup
}

// Dashboard computes a plan's dashboard from its indicators (one row each,
// with the latest accepted reading), so its cost does not grow with the ledger.
func Dashboard(p Plan, filed map[int64]bool, pending []Entry, year, quarter int) DashboardPage {
	d := DashboardPage{Plan: p, Pending: pending, Year: year, Quarter: strconv.Itoa(year) + "Q" + strconv.Itoa(quarter), QuarterNo: quarter}
	d.Ended = p.Status != "draft" && p.EndYear > 0 && year > p.EndYear
	at := map[string]int{}
	for _, s := range p.Sections {
		at[s.Path] = len(d.Sections)
		d.Sections = append(d.Sections, SectionRollup{StoredSection: s})
	}
	units := map[int64]int{}
	for _, ind := range p.Indicators {
		d.Overall.Add(ind.Assessment)
		// Every enclosing section counts the indicator.
		path := ind.SectionPath
		for path != "" {
			if i, ok := at[path]; ok {
				d.Sections[i].Add(ind.Assessment)
			}
			j := strings.LastIndex(path, "/")
			if j < 0 {
				break
			}
			path = path[:j]
		}
		// One rule for what is due, whoever is responsible: a target without
		// a unit is due too (and must be assigned first).
		due := p.Status == "published" && !d.Ended && ind.Bound == nil && !filed[ind.ID] && ind.Status != Achieved &&
			year >= p.StartYear && year <= p.EndYear
		if due {
			d.Due = append(d.Due, ind)
		} else if ind.Status == None {
			d.Waiting++
		}
		if ind.OrgID == 0 {
			d.Unassigned++
			continue
		}
		i, ok := units[ind.OrgID]
		if !ok {
			i = len(d.Units)
			units[ind.OrgID] = i
			d.Units = append(d.Units, UnitRollup{OrgID: ind.OrgID, OrgName: ind.OrgName})
		}
		d.Units[i].Add(ind.Assessment)
	}
	sort.SliceStable(d.Units, func(i, j int) bool {
		if d.Units[i].Percent() != d.Units[j].Percent() {
			return d.Units[i].Percent() > d.Units[j].Percent()
		}
		return d.Units[i].OrgName < d.Units[j].OrgName
	})
	return d
}

var statusColors = map[Status]string{Achieved: "#1a7f37", OnTrack: "#2f6fde", AtRisk: "#d4a017", Behind: "#c62828", None: "#9aa4b2"}

// charts adds the ECharts options: status counts per top-level section
// (stacked bars) and the units' progress.
func (d *DashboardPage) charts(t func(string, ...any) string) {
	var names []string
	var top []SectionRollup
	for _, s := range d.Sections {
		if s.Level == 1 && s.Total > 0 {
			names = append(names, s.Number+" "+truncate(s.Title, 10))
			top = append(top, s)
		}
	}
	var series []map[string]any
	for _, st := range Statuses() {
		var data []int
		for _, s := range top {
			data = append(data, s.Counts[st])
		}
		series = append(series, map[string]any{"name": t("plan.status." + string(st)), "type": "bar", "stack": "all", "data": data, "barMaxWidth": 28,
			"itemStyle": map[string]any{"color": statusColors[st]}})
	}
	if len(top) > 0 {
		d.StatusChart = web.ChartJSON(map[string]any{
			"tooltip": map[string]any{"trigger": "axis"},
			"legend":  map[string]any{"top": 0},
			"grid":    map[string]any{"left": 150, "right": 16, "top": 36, "bottom": 44},
			"xAxis": map[string]any{"type": "value", "minInterval": 1, "name": t("plan.dash.axis_targets"),
				"nameLocation": "middle", "nameGap": 26},
			"yAxis":  map[string]any{"type": "category", "data": names, "inverse": true},
			"series": series,
		})
	}
	var unames []string
	var pct []int
	for _, u := range d.Units {
		unames = append(unames, u.OrgName)
		pct = append(pct, u.Percent())
	}
	if len(unames) > 0 {
		d.UnitChart = web.ChartJSON(map[string]any{
			"tooltip": map[string]any{"trigger": "axis"},
			"grid":    map[string]any{"left": 150, "right": 40, "top": 8, "bottom": 24},
			"xAxis":   map[string]any{"type": "value", "max": 100, "axisLabel": map[string]any{"formatter": "{value}%"}},
			"yAxis":   map[string]any{"type": "category", "data": unames, "inverse": true},
			"series":  []map[string]any{{"type": "bar", "barMaxWidth": 24, "data": pct, "label": map[string]any{"show": true, "position": "right", "formatter": "{c}%"}}},
		})
	}
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func (h *handler) dashboard(w http.ResponseWriter, r *http.Request) error {
	p, err := h.planOf(r)
	if err != nil {
		return err
	}
	filed, err := h.store.Filed(r.Context(), p.ID)
	if err != nil {
		return err
	}
	pending, err := h.store.Entries(r.Context(), p.ID, 0)
	if err != nil {
		return err
	}
	now := h.store.Now()
	d := Dashboard(p, filed, pending, now.Year(), int(now.Month()-1)/3+1)
	if d.Evaluations, err = h.store.Evaluations(r.Context(), p.ID); err != nil {
		return err
	}
	for i, e := range d.Evaluations {
		if e.Kind == "final" {
			d.FinalEval = &d.Evaluations[i]
		}
	}
	d.CanEdit = h.can(r, "plan.edit", p.OrgID, p.OrgPath)
	d.UserID = userID(r)
	d.charts(h.site.T(r))
	return h.site.Render(w, r, "plan/dashboard.html", "plan.title.dashboard", d)
}
