package innovation

import (
	"fmt"
	"net/http"
	"strconv"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// StatsPage is a year's figures of the viewer's scope (or one org's
// subtree inside it), by field, with a chart.
type StatsPage struct {
	Year   int
	Years  []int
	Org    string
	Stats  Stats
	Chart  string
	Kinds  []string
	Grades []string
}

// Graded is how many stations were graded in the year: with none, the
// page says so instead of a row of zeros.
func (p StatsPage) Graded() int {
	n := 0
	for _, g := range p.Stats.Grades {
		n += g
	}
	return n
}

func (h *handler) stats(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	now := h.store.db.Now().In(zone).Year()
	year, err := strconv.Atoi(q.Get("year"))
	if err != nil || year < 2000 || year > now+1 {
		year = now
	}
	p := StatsPage{Year: year, Org: q.Get("org"), Kinds: StationKinds, Grades: Grades}
	for y := now; y >= now-5; y-- {
		p.Years = append(p.Years, y)
	}
	path := ""
	if p.Org != "" {
		if o, err := h.orgs.FromForm(r.Context(), p.Org); err != nil {
			path = "/0/"
		} else {
			path = o.Path
		}
	}
	if p.Stats, err = h.store.YearStats(r.Context(), h.site.Scope(r, "innovation.view"), path, year); err != nil {
		return err
	}
	t := h.site.T(r)
	if web.WantsExport(r) {
		return sheet.ServeXLSX(w, fmt.Sprintf("创新服务统计-%d.xlsx", year), statsTable(t, p.Stats))
	}
	p.Chart = statsChart(t, p.Stats)
	return h.site.Render(w, r, "innovation/stats.html", "innovation.title.stats", p)
}

// statsTable is the year's figures by field, the total, then the stations.
func statsTable(t func(string, ...any) string, st Stats) sheet.Table {
	tab := sheet.Table{Sheet: t("innovation.title.stats"), Headers: []string{t("innovation.f.field"), t("innovation.st.received"),
		t("innovation.st.published"), t("innovation.st.matched"), t("innovation.st.succeeded"), t("innovation.st.signed"),
		t("innovation.st.amount"), t("innovation.st.solved")}}
	row := func(name string, x Tally) []string {
		return []string{name, strconv.Itoa(x.Received), strconv.Itoa(x.Published), strconv.Itoa(x.Matched), strconv.Itoa(x.Succeeded()),
			strconv.Itoa(x.Signed), x.AmountText(), strconv.Itoa(x.Solved)}
	}
	for _, ft := range st.ByField {
		tab.Rows = append(tab.Rows, row(t("innovation.field."+ft.Field), ft.Tally))
	}
	tab.Rows = append(tab.Rows, row(t("innovation.st.total"), st.Total))
	tab.Rows = append(tab.Rows, []string{t("innovation.st.meetings"), strconv.Itoa(st.Meetings)})
	for _, k := range StationKinds {
		tab.Rows = append(tab.Rows, []string{t("innovation.kind." + k), strconv.Itoa(st.Stations[k])})
	}
	for _, g := range Grades {
		tab.Rows = append(tab.Rows, []string{t("innovation.grade." + g), strconv.Itoa(st.Grades[g])})
	}
	return tab
}

// statsChart draws, by field, the needs received, matched and solved, and
// below them the contract amounts.
func statsChart(t func(string, ...any) string, st Stats) string {
	if st.Total.Received == 0 {
		return ""
	}
	var names []string
	var received, matched, solved []int
	var amount []float64
	for _, ft := range st.ByField {
		names = append(names, t("innovation.field."+ft.Field))
		received, matched, solved = append(received, ft.Received), append(matched, ft.Matched), append(solved, ft.Solved)
		amount = append(amount, float64(ft.Amount)/100)
	}
	// The contract amounts (万元) by field, on their own axis below the
	// counts: 294.5 beside 5 needs would flatten every count.
	axis := func(i int) map[string]any {
		return map[string]any{"type": "category", "data": names, "inverse": true, "gridIndex": i}
	}
	bar := func(name string, data any, i int) map[string]any {
		return map[string]any{"name": name, "type": "bar", "data": data, "barMaxWidth": 14, "xAxisIndex": i, "yAxisIndex": i}
	}
	return web.ChartJSON(map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"top": 0},
		"grid": []map[string]any{
			{"left": 110, "right": 24, "top": 36, "height": "54%"},
			{"left": 110, "right": 24, "top": "70%", "bottom": 24},
		},
		"xAxis": []map[string]any{{"type": "value", "minInterval": 1, "gridIndex": 0}, {"type": "value", "gridIndex": 1}},
		"yAxis": []map[string]any{axis(0), axis(1)},
		"series": []map[string]any{bar(t("innovation.st.received"), received, 0), bar(t("innovation.st.matched"), matched, 0),
			bar(t("innovation.st.solved"), solved, 0), bar(t("innovation.st.amount"), amount, 1)},
	})
}

// StationHeaders are the columns of the stations' export.
var StationHeaders = []string{"序号", "工作站名称", "类型", "建站单位", "统一社会信用代码", "所在地区", "进站专家", "专家工作单位", "建站时间", "主管单位", "状态", "最近考核"}

func serveStations(w http.ResponseWriter, t func(string, ...any) string, list []Station) error {
	tab := sheet.Table{Sheet: t("innovation.title.stations"), Headers: StationHeaders}
	for _, st := range list {
		grade := ""
		if st.Grade != "" {
			grade = strconv.Itoa(st.GradeYear) + " " + t("innovation.grade."+st.Grade)
		}
		tab.Rows = append(tab.Rows, []string{strconv.Itoa(len(tab.Rows) + 1), st.Name, t("innovation.kind." + st.Kind), st.Host, st.HostUSCC,
			regionName(st.RegionCode), st.ExpertName, st.ExpertEmployer, sheet.Date(st.Founded), st.OrgName, t("innovation.station." + st.Status), grade})
	}
	return sheet.ServeXLSX(w, "专家工作站.xlsx", tab)
}
