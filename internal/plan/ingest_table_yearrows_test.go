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
	want := []webReading{
		{"综合馆接待能力", 120, "=", "万人次", 2026, "综合馆", ""},
		{"综合馆线上服务", 40, "=", "万人次", 2026, "综合馆", ""},
		{"专题馆接待能力", 60, "=", "万人次", 2026, "专题馆", ""},
		{"专题馆线上服务", 15, "=", "万人次", 2026, "专题馆", ""},
		{"合计接待能力", 180, "=", "万人次", 2026, "合计", ""},
		{"合计线上服务", 55, "=", "万人次", 2026, "合计", ""},
		{"综合馆接待能力", 150, "=", "万人次", 2027, "综合馆", ""},
		{"综合馆线上服务", 50, "=", "万人次", 2027, "综合馆", ""},
		{"专题馆接待能力", 80, "=", "万人次", 2027, "专题馆", ""},
		{"专题馆线上服务", 20, "=", "万人次", 2027, "专题馆", ""},
		{"合计接待能力", 230, "=", "万人次", 2027, "合计", ""},
		{"合计线上服务", 70, "=", "万人次", 2027, "合计", ""},
	}
	checkWebReadings(t, got, want)
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
	want := []webReading{
		{"综合馆接待能力", 120, "=", "万人次", 2026, "综合馆", ""},
		{"综合馆线上服务", 40, "=", "万人次", 2026, "综合馆", ""},
		{"专题馆接待能力", 60, "=", "万人次", 2026, "专题馆", ""},
		{"专题馆线上服务", 15, "=", "万人次", 2026, "专题馆", ""},
		{"综合馆接待能力", 150, "=", "万人次", 2027, "综合馆", ""},
		{"综合馆线上服务", 50, "=", "万人次", 2027, "综合馆", ""},
		{"专题馆接待能力", 80, "=", "万人次", 2027, "专题馆", ""},
		{"专题馆线上服务", 20, "=", "万人次", 2027, "专题馆", ""},
	}
	checkWebReadings(t, got, want)
}
