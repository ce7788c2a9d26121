package conference

import (
	"fmt"
	"net/http"
	"strconv"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// StatsPage is a year's numbers of the viewer's scope (or one org's
// subtree inside it), by kind, with a chart.
type StatsPage struct {
	Year  int
	Years []int
	Org   string
	Stats Stats
	Chart string
}

func (h *handler) stats(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	now := h.store.db.Now().In(zone).Year()
	year, err := strconv.Atoi(q.Get("year"))
	if err != nil || year < 2000 || year > now+1 {
		year = now
	}
	p := StatsPage{Year: year, Org: q.Get("org"), Years: h.years()}
	if p.Stats, err = h.store.YearStats(r.Context(), h.site.Scope(r, "conference.view"), h.orgPath(r, p.Org), year); err != nil {
		return err
	}
	t := h.site.T(r)
	if web.WantsExport(r) {
		return sheet.ServeXLSX(w, fmt.Sprintf("学术会议统计-%d.xlsx", year), statsTable(t, p.Stats))
	}
	p.Chart = statsChart(t, p.Stats)
	return h.site.Render(w, r, "conference/stats.html", "conference.title.stats", p)
}

func statsTable(t func(string, ...any) string, st Stats) sheet.Table {
	tab := sheet.Table{Sheet: t("conference.title.stats"), Headers: []string{t("conference.f.kind"), t("conference.st.held"),
		t("conference.st.attendance"), t("conference.st.papers"), t("conference.st.intl")}}
	row := func(name string, x Tally) []string {
		return []string{name, strconv.Itoa(x.Held), strconv.Itoa(x.Attendance), strconv.Itoa(x.Papers), strconv.Itoa(x.Intl)}
	}
	for _, k := range st.ByKind {
		tab.Rows = append(tab.Rows, row(t("conference.kind."+k.Kind), k.Tally))
	}
	tab.Rows = append(tab.Rows, row(t("conference.st.total"), st.Total))
	return tab
}

// statsChart draws, by kind, the conferences held on one axis and the
// attendance and papers exchanged — counts a hundred times larger — on a
// second below it, so neither squeezes the other to nothing.
func statsChart(t func(string, ...any) string, st Stats) string {
	if st.Total.Held == 0 {
		return ""
	}
	var names []string
	var held, attendance, papers []int
	for _, k := range st.ByKind {
		names = append(names, t("conference.kind."+k.Kind))
		held = append(held, k.Held)
		attendance = append(attendance, k.Attendance)
		papers = append(papers, k.Papers)
	}
	axis := func(i int) map[string]any {
		return map[string]any{"type": "category", "data": names, "inverse": true, "gridIndex": i}
	}
	return web.ChartJSON(map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"top": 0},
		"grid": []map[string]any{
			{"left": 80, "right": 24, "top": 36, "height": "30%"},
			{"left": 80, "right": 24, "top": "50%", "bottom": 24},
		},
		"xAxis": []map[string]any{
			{"type": "value", "minInterval": 1, "gridIndex": 0},
			{"type": "value", "minInterval": 1, "gridIndex": 1},
		},
		"yAxis": []map[string]any{axis(0), axis(1)},
		"series": []map[string]any{
			{"name": t("conference.st.held"), "type": "bar", "data": held, "barMaxWidth": 16, "xAxisIndex": 0, "yAxisIndex": 0},
			{"name": t("conference.st.attendance"), "type": "bar", "data": attendance, "barMaxWidth": 16, "xAxisIndex": 1, "yAxisIndex": 1},
			{"name": t("conference.st.papers"), "type": "bar", "data": papers, "barMaxWidth": 16, "xAxisIndex": 1, "yAxisIndex": 1},
		},
	})
}
