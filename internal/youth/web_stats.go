package youth

import (
	"fmt"
	"net/http"
	"strconv"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

func serveXLSX(w http.ResponseWriter, name string, t sheet.Table) error {
	return sheet.ServeXLSX(w, name, t)
}

// StatsPage is a year's figures of the viewer's scope (or one org's
// subtree inside it): counts only, small cells shown as "<5".
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
	p := StatsPage{Year: year, Org: q.Get("org")}
	for y := now + 1; y >= now-5; y-- {
		p.Years = append(p.Years, y)
	}
	if p.Stats, err = h.store.YearStats(r.Context(), h.site.Scope(r, "youth.view"), h.orgPath(r, p.Org), year); err != nil {
		return err
	}
	t := h.site.T(r)
	if web.WantsExport(r) {
		return sheet.ServeXLSX(w, fmt.Sprintf("青少年科技教育统计-%d.xlsx", year), statsTable(t, p.Stats))
	}
	p.Chart = statsChart(t, p.Stats)
	return h.site.Render(w, r, "youth/stats.html", "youth.title.stats", p)
}

// statsTable is the year's figures by kind, by grade band, then the totals.
func statsTable(t func(string, ...any) string, st Stats) sheet.Table {
	tab := sheet.Table{Sheet: t("youth.title.stats"), Headers: []string{t("youth.f.kind"), t("youth.st.programmes"), t("youth.st.places"),
		t("youth.st.applied"), t("youth.st.enrolled"), t("youth.st.completed")}}
	for _, k := range st.ByKind {
		tab.Rows = append(tab.Rows, []string{t("youth.kind." + k.Kind), strconv.Itoa(k.Programmes), strconv.Itoa(k.Places), k.Applied.String(),
			k.Enrolled.String(), k.Completed.String()})
	}
	tab.Rows = append(tab.Rows, []string{t("youth.st.total"), strconv.Itoa(st.Programmes), strconv.Itoa(st.Places), strconv.Itoa(st.Applied), strconv.Itoa(st.Enrolled),
		strconv.Itoa(st.Completed)})
	for _, b := range st.ByBand {
		tab.Rows = append(tab.Rows, []string{t("youth.band." + b.Band), "", "", "", b.Enrolled.String(), b.Completed.String()})
	}
	tab.Rows = append(tab.Rows, []string{t("youth.st.female_share"), st.FemaleShare()})
	tab.Rows = append(tab.Rows, []string{t("youth.st.campers"), st.CampersShown().String()})
	tab.Rows = append(tab.Rows, []string{t("youth.st.teachers"), strconv.Itoa(st.Teachers)})
	tab.Rows = append(tab.Rows, []string{t("youth.st.mentors"), strconv.Itoa(st.Mentors)})
	return tab
}

// statsChart draws students enrolled and completed by kind as bars;
// suppressed cells are drawn as zero.
func statsChart(t func(string, ...any) string, st Stats) string {
	if st.Enrolled == 0 {
		return ""
	}
	drawn := 0
	for _, k := range st.ByKind {
		drawn += k.Enrolled.Shown()
	}
	if drawn == 0 {
		return "" // every cell is under the threshold: nothing to draw
	}
	// Kinds of programme and 学段 are two ways of counting the same
	// students: each on its own axis, not one list mixing 科学营 with 初中.
	var kinds, bands []string
	var kindIn, kindDone, bandIn, bandDone []int
	for _, k := range st.ByKind {
		kinds = append(kinds, t("youth.kind."+k.Kind))
		kindIn, kindDone = append(kindIn, k.Enrolled.Shown()), append(kindDone, k.Completed.Shown())
	}
	for _, b := range st.ByBand {
		bands = append(bands, t("youth.band."+b.Band))
		bandIn, bandDone = append(bandIn, b.Enrolled.Shown()), append(bandDone, b.Completed.Shown())
	}
	enrolled, completed := t("youth.st.enrolled"), t("youth.st.completed")
	bar := func(name string, data []int, axis int, color string) map[string]any {
		return map[string]any{"name": name, "type": "bar", "data": data, "barMaxWidth": 16, "xAxisIndex": axis, "yAxisIndex": axis, "itemStyle": map[string]any{"color": color}}
	}
	return web.ChartJSON(map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"top": 0, "data": []string{enrolled, completed}},
		"grid": []map[string]any{
			{"left": 110, "right": 16, "top": 32, "height": "46%"},
			{"left": 110, "right": 16, "top": "66%", "bottom": 24},
		},
		"xAxis": []map[string]any{{"type": "value", "minInterval": 1, "gridIndex": 0}, {"type": "value", "minInterval": 1, "gridIndex": 1}},
		"yAxis": []map[string]any{{"type": "category", "data": kinds, "inverse": true, "gridIndex": 0}, {"type": "category", "data": bands, "inverse": true, "gridIndex": 1}},
		"series": []map[string]any{bar(enrolled, kindIn, 0, "#5470c6"), bar(completed, kindDone, 0, "#91cc75"),
			bar(enrolled, bandIn, 1, "#5470c6"), bar(completed, bandDone, 1, "#91cc75")},
	})
}

// ProgrammeHeaders are the columns of the programmes' export.
var ProgrammeHeaders = []string{"序号", "活动名称", "类型", "主办单位", "开始日期", "结束日期", "招收年级", "名额", "已录取", "报名人次", "费用（元）", "状态"}

func programmeTable(t func(string, ...any) string, list []Programme) sheet.Table {
	tab := sheet.Table{Sheet: t("youth.title.programmes"), Headers: ProgrammeHeaders}
	for _, p := range list {
		tab.Rows = append(tab.Rows, []string{strconv.Itoa(len(tab.Rows) + 1), p.Title, t("youth.kind." + p.Kind), p.OrgName, sheet.Date(p.StartsOn),
			sheet.Date(p.EndsOn), t(GradeLabel(p.GradeLo)) + "–" + t(GradeLabel(p.GradeHi)), strconv.Itoa(p.Places), strconv.Itoa(p.Accepted),
			strconv.Itoa(p.Applied), FormatYuan(p.Fee), t("youth.status." + p.Status)})
	}
	return tab
}

// PairHeaders are the columns of the pairs' export: no contact.
var PairHeaders = []string{"序号", "导师", "导师工作单位", "学生", "开始日期", "结束日期", "活动次数", "活动时长（小时）", "成效"}

func pairTable(t func(string, ...any) string, list []Pair) sheet.Table {
	tab := sheet.Table{Sheet: t("youth.title.pairs"), Headers: PairHeaders}
	for _, p := range list {
		outcome := t("youth.pair.active")
		if !p.Active() {
			outcome = t("youth.outcome." + p.Outcome)
		}
		tab.Rows = append(tab.Rows, []string{strconv.Itoa(len(tab.Rows) + 1), p.MentorName, p.MentorEmployer, p.StudentName, sheet.Date(p.StartedOn),
			sheet.Date(p.EndedOn), strconv.Itoa(p.Meetings), p.HoursText(), outcome})
	}
	return tab
}
