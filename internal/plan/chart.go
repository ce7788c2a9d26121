package plan

import (
	"math"
	"strconv"

	"kexie/internal/web"
)

// indicatorChart draws, for each year from the baseline to the deadline,
// the accepted value (the whole year's, or the latest quarter's) against the
// value the straight line to the target expects at the end of that year,
// with the target as a line across. It returns "" when the option cannot be
// encoded (web.ChartJSON): the page then shows no chart.
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
			actual = append(actual, round2(r.Value)) // a computed rate: 28.33, not 28.333333333333332
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
	return web.ChartJSON(map[string]any{
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

// compareChart sets the plans' progress on a metric side by side: each
// plan's share of the way from its baseline to its own target, in percent
// (a province's 500 and a city's 30 are not comparable as values; the
// table beside it keeps them). A plan with nothing reported has no bar.
// "" when it cannot be encoded.
func compareChart(t func(string, ...any) string, rows []Comparison) string {
	var names []string
	var pct []any
	orgs := map[string]int{}
	for _, c := range rows {
		orgs[c.PlanOrg]++
	}
	for _, c := range rows {
		name := c.PlanOrg
		if orgs[name] > 1 { // one org's several targets: say which
			name += "\n" + truncate(c.Metric, 10)
		}
		names = append(names, name)
		if c.Latest == nil || math.IsNaN(c.Latest.Value) || math.IsInf(c.Latest.Value, 0) || math.IsNaN(c.Progress) {
			pct = append(pct, nil)
			continue
		}
		pct = append(pct, map[string]any{"value": c.Pct(), "itemStyle": map[string]any{"color": statusColors[c.Status]}})
	}
	return web.ChartJSON(map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"grid":    map[string]any{"left": 56, "right": 16, "top": 28, "bottom": 60},
		"xAxis":   map[string]any{"type": "category", "data": names, "axisLabel": map[string]any{"interval": 0, "rotate": 30}},
		"yAxis": map[string]any{"type": "value", "name": t("plan.compare.progress"), "max": 100,
			"axisLabel": map[string]any{"formatter": "{value}%"}},
		"series": []map[string]any{{"name": t("plan.compare.progress"), "type": "bar", "barMaxWidth": 32, "data": pct,
			"label": map[string]any{"show": true, "position": "top", "formatter": "{c}%"}}},
	})
}

// round2 rounds to two decimals; NaN and ±Inf stay as they are, so
// web.ChartJSON still refuses them.
func round2(f float64) float64 { return math.Round(f*100) / 100 }
