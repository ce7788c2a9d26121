package plan

import (
	"fmt"
	"strings"
	"testing"
)

// A goal table of counts by region with no year (地区 | 科普馆(座) | 科普站(个)
// | 服务半径): each count and the norm in words, due the plan's end; the
// total row keeps its columns though its last cell is empty.
func TestWebTableRegionCountsNoYear(t *testing.T) {
	text := `# 某省科普设施布局规划（2026-2030年）

一、发展目标

表 1 各地区科普设施发展目标

| 地区 | 科普馆(座) | 科普站(个) | 社区科普服务半径 |
| --- | --- | --- | --- |
| 东江市 | 4 | 120 | 1.5公里 |
| 西岭市 | 2 | 60 | 2.0公里 |
| 合计 | 6 | 180 |  |

二、重点任务
`
	want := []webReading{
		{"东江市", 4, "=", "座", 2030, "", ""}, {"东江市", 120, "=", "个", 2030, "", ""}, {"东江市", 1.5, "=", "公里", 2030, "", ""},
		{"西岭市", 2, "=", "座", 2030, "", ""}, {"西岭市", 60, "=", "个", 2030, "", ""}, {"西岭市", 2, "=", "公里", 2030, "", ""},
		{"合计", 6, "=", "座", 2030, "", ""}, {"合计", 180, "=", "个", 2030, "", ""},
	}
	checkWebReadings(t, webReadings(t, text), want)

	// a table whose first cell names no regions, or with one count column,
	// is no table of counts by region
	for _, head := range []string{"| 项目 | 科普馆(座) | 科普站(个) |", "| 地区 | 科普馆(座) | 备注 |"} {
		text := "# 某省科普设施布局规划（2026-2030年）\n\n一、发展目标\n\n" + head + "\n| --- | --- | --- |\n| 东江市 | 4 | 120 |\n\n二、重点任务\n"
		if got := webReadings(t, text); len(got) != 0 {
			t.Errorf("%s: read %v, want nothing", head, got)
		}
	}
}

// An indicator table before the first section the reader knows (a plan
// whose headings stand in its task tables' rows) is read; other tables
// there are not.
func TestIndicatorTableBeforeSections(t *testing.T) {
	text := `# 某区2026年科普工作计划

为推进全区科普工作，制定本计划。

| 序号 | 任务 | 措施 |
| --- | --- | --- |
| 1 | 科普进社区 | 开展讲座12场 |

附件：某区2026年科普有关指标计划

|     |     |     |     |
| --- | --- | --- | --- |
| 序号 | 指标名称 | 单位 | 2026年计划值 |
| 1 | 科普讲座场次 | 场 | 120 |
| 2 | 公民科学素质比例 | % | 18 |
`
	doc, err := Ingest(strings.NewReader(text))
	if err != nil && err != ErrNoStructure {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, fmt.Sprintf("%s %v%s %d %v", ind.Metric, *ind.Value, ind.Unit, *ind.DeadlineYear, ind.Candidate))
	}
	if want := []string{"科普讲座场次 120场 2026 false", "公民科学素质比例 18% 2026 false"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("read %q, want %q", got, want)
	}
}
