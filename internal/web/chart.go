package web

import "encoding/json"

// ChartJSON encodes an ECharts option for a page's data-chart attribute
// (kexie.js draws it; no inline script). It returns "" when the option
// cannot be encoded (a NaN or an infinity among its numbers): the page then
// shows no chart rather than a broken one.
func ChartJSON(opt map[string]any) string {
	b, err := json.Marshal(opt)
	if err != nil {
		return ""
	}
	return string(b)
}
