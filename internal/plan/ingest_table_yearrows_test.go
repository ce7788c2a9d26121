package plan

import "testing"

// A table of goals by year in its rows, as a web page saved as Markdown
// gives it (invented): the year a cell merged down over its rows, the
// unit in the title's cell after a <br>.
func TestYearRowsTable(t *testing.T) {
	text := `# 某市科普场馆提升方案（2026-2028年）

一、工作目标

到2028年，科普场馆服务能力明显提升。

二、保障措施

（一）加强组织领导。各区要建立工作机制。

附件：某市科普场馆建设目标（2026-2028年）

|     |     |     |     |
| --- | --- | --- | --- |
| **某市科普场馆建设目标（2026-2028年）**<br>单位：万人次 |
| **年度** | **场馆类型** | **接待能力** | **线上服务** |
| 2026 | 综合馆 | 120 | 40 |
| 专题馆 | 60 | 15 |
| 合计 | 180 | 55 |
| 2027 | 综合馆 | 150 | 50 |
| 专题馆 | 80 | 20 |
| 合计 | 230 | 70 |
`
	got := webReadings(t, text)
	checkWebReadings(t, got, venueYearRows(true))
}

// A table of the years past by year in its rows (…统计表) holds no target,
// nor does one whose title names no goals, nor a budget's (…年度计划).
func TestYearRowsRecord(t *testing.T) {
	for _, title := range []string{"表2-1 某市2019年至今科普场馆接待人数统计表", "表2-1 某市科普场馆接待人数", "表3 某市科普场馆建设资金年度计划"} {
		text := `# 某市科普场馆提升方案（2026-2028年）

一、发展基础

近年来科普场馆接待人数稳步增长。

二、重点任务

（一）提升场馆能力。各区要加强场馆建设。

` + title + `

| 年份 | 接待人数(万人次) | 线上服务(万人次) |
| --- | --- | --- |
| 2026 | 120 | 40 |
| 2027 | 150 | 50 |
`
		if got := webReadings(t, text); len(got) != 0 {
			t.Errorf("%s: read %v, want no target", title, got)
		}
	}
}

// The same table as a web page gives it (invented): the year a cell
// spanning its rows (rowspan), the unit after a <br> in the title's cell.
func TestYearRowsTableHTML(t *testing.T) {
	page := `<html><body><div><p>某市科普场馆提升方案（2026-2028年）</p><p>一、工作目标</p><p>到2028年，科普场馆服务能力明显提升，全市科普场馆年接待能力和线上服务能力显著增强，形成布局合理的科普场馆体系。</p>
<p>二、保障措施</p><p>（一）加强组织领导。各区要建立工作机制，明确责任分工，确保各项任务落到实处，定期开展评估。</p>
<table><tr><td colspan="4">某市科普场馆建设目标（2026-2028年）<br>单位：万人次</td></tr>
<tr><td>年度</td><td>场馆类型</td><td>接待能力</td><td>线上服务</td></tr>
<tr><td rowspan="2">2026</td><td>综合馆</td><td>120</td><td>40</td></tr>
<tr><td>专题馆</td><td>60</td><td>15</td></tr>
<tr><td rowspan="2">2027</td><td>综合馆</td><td>150</td><td>50</td></tr>
<tr><td>专题馆</td><td>80</td><td>20</td></tr>
</table></div></body></html>`
	text, err := HTMLText([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	got := webReadings(t, text)
	checkWebReadings(t, got, venueYearRows(false))
}

// venueYearRows is what the venue table of the tests above reads to, year
// by year: each hall's two capacities, and the totals' when the table has
// them (the web page's has none).
func venueYearRows(totals bool) []webReading {
	var want []webReading
	for _, y := range []struct {
		year                         int
		general, special, sumA, sumB float64
		generalOn, specialOn         float64
	}{{2026, 120, 60, 180, 55, 40, 15}, {2027, 150, 80, 230, 70, 50, 20}} {
		want = append(want,
			webReading{"综合馆接待能力", y.general, "=", "万人次", y.year, "综合馆", ""},
			webReading{"综合馆线上服务", y.generalOn, "=", "万人次", y.year, "综合馆", ""},
			webReading{"专题馆接待能力", y.special, "=", "万人次", y.year, "专题馆", ""},
			webReading{"专题馆线上服务", y.specialOn, "=", "万人次", y.year, "专题馆", ""})
		if totals {
			want = append(want,
				webReading{"合计接待能力", y.sumA, "=", "万人次", y.year, "合计", ""},
				webReading{"合计线上服务", y.sumB, "=", "万人次", y.year, "合计", ""})
		}
	}
	return want
}
