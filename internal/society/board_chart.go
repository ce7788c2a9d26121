package society

import "kexie/internal/web"

// gradeChart is an ECharts option (for a data-chart attribute) of how many
// of the board's societies hold each grade, and how many hold none; the
// board's figures above it carry the same numbers.
func gradeChart(t func(string, ...any) string, b Board) string {
	names := append(append([]string(nil), Grades...), t("society.grade.none"))
	values := make([]int, 0, len(names))
	for _, g := range Grades {
		values = append(values, b.Grades[g])
	}
	values = append(values, b.Grades["none"])
	opt := map[string]any{
		"tooltip": map[string]any{"trigger": "axis", "axisPointer": map[string]any{"type": "shadow"}},
		"grid":    map[string]any{"left": 8, "right": 16, "top": 24, "bottom": 8, "containLabel": true},
		"xAxis":   map[string]any{"type": "category", "data": names, "axisTick": map[string]any{"show": false}},
		"yAxis":   map[string]any{"type": "value", "minInterval": 1, "splitNumber": 3},
		"series": []map[string]any{{"name": t("society.chart.grades"), "type": "bar", "data": values, "barMaxWidth": 48,
			"itemStyle": map[string]any{"color": "#b4232a"}, "label": map[string]any{"show": true, "position": "top"}}},
	}
	return web.ChartJSON(opt)
}
