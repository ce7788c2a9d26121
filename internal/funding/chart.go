package funding

import (
	"math"
	"sort"

	"kexie/internal/web"
)

// perCapitaChart is an ECharts option (for a data-chart attribute) of 人均
// 科普经费 by region, one horizontal bar per region with a population,
// highest first; "" when no region has one. The table beside it carries
// the same figures.
func perCapitaChart(t func(string, ...any) string, rows []RegionRow) string {
	type bar struct {
		name  string
		value float64
	}
	var bars []bar
	for _, r := range rows {
		if r.Population == 0 {
			continue
		}
		name := r.Name
		if name == "" {
			name = t("funding.no_region")
		}
		bars = append(bars, bar{name, math.Round(r.PerCapita()*100) / 100})
	}
	if len(bars) == 0 {
		return ""
	}
	// Highest at the top: a category axis draws its first entry at the bottom.
	sort.SliceStable(bars, func(i, j int) bool { return bars[i].value < bars[j].value })
	sn, sv := make([]string, len(bars)), make([]float64, len(bars))
	for i, b := range bars {
		sn[i], sv[i] = b.name, b.value
	}
	opt := map[string]any{
		"tooltip": map[string]any{"trigger": "axis", "axisPointer": map[string]any{"type": "shadow"}},
		"grid":    map[string]any{"left": 8, "right": 56, "top": 28, "bottom": 8, "containLabel": true},
		"xAxis":   map[string]any{"type": "value", "name": t("funding.unit.yuan"), "splitNumber": 3},
		"yAxis":   map[string]any{"type": "category", "data": sn, "axisTick": map[string]any{"show": false}},
		"series": []map[string]any{{"name": t("funding.f.per_capita"), "type": "bar", "data": sv, "barMaxWidth": 22,
			"itemStyle": map[string]any{"color": "#b4232a"}, "label": map[string]any{"show": true, "position": "right"}}},
	}
	return web.ChartJSON(opt)
}
