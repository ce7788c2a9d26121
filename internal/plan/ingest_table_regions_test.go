package plan

import (
	"fmt"
	"strings"
	"testing"
)

// A goal table of counts by region with no year (地区 | 科普馆(座) | 科普站(个)
// | 服务半径): each count and the norm in words, due the plan's end; the
// total row keeps its columns though its last cell is empty; each target
// is named by its place and its column (东江市·科普馆).
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
		{"东江市·科普馆", 4, "=", "座", 2030, "", ""}, {"东江市·科普站", 120, "=", "个", 2030, "", ""}, {"东江市·社区科普服务半径", 1.5, "=", "公里", 2030, "", ""},
		{"西岭市·科普馆", 2, "=", "座", 2030, "", ""}, {"西岭市·科普站", 60, "=", "个", 2030, "", ""}, {"西岭市·社区科普服务半径", 2, "=", "公里", 2030, "", ""},
		{"合计·科普馆", 6, "=", "座", 2030, "", ""}, {"合计·科普站", 180, "=", "个", 2030, "", ""},
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

// A table sharing a goal out across districts (D133): numbered rows, the
// districts named by a bare 区, a column of an amount in its unit beside a
// column of counts, ranges in the cells. A table that describes the
// districts (面积, 人口) is no goal.
func TestDistrictShareTable(t *testing.T) {
	text := `某市交通领域光伏推广应用实施方案（2026-2030年）
一、工作目标
到2030年，全市交通领域光伏装机容量达到200兆瓦。
二、任务分解

| 序号 | 区 | 光伏装机容量（兆瓦） | 项目数（个） |
| --- | --- | --- | --- |
| 1 | 东江区 | 5-10 | 3 |
| 2 | 西岭区 | 12 | 4 |

三、保障措施
`
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "200 兆瓦 = - 2030 | 3 个 = - 2030 | 5-10 兆瓦 range - 2030 | 4 个 = - 2030 | 12 兆瓦 = - 2030"
	if got := readings(doc.Indicators); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	described := strings.Replace(strings.Replace(text, "光伏装机容量（兆瓦）", "面积（平方公里）", 1), "项目数（个）", "人口（万人）", 1)
	doc, _ = ingestText(described, nil)
	if got, want := readings(doc.Indicators), "200 兆瓦 = - 2030"; got != want {
		t.Errorf("a table describing the districts: got %q, want %q", got, want)
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

// A five-year plan's table of main indicators as a web page gives it: a
// range with an escaped footnote star (5—5.5\*), a header's （百分点）, a
// ratio to one (2.1∶1左右), a row of words longer than a dozen runes (the
// table goes on after it), a floor in 亿 from the name.
func TestIndicatorTableCellsOfAPlanPage(t *testing.T) {
	text := `某市科普事业发展第十五个五年规划

第一章　主要目标

专栏1　主要指标

| 序号 | 指标名称 | 2025年 | 2030年目标 | 属性 |
| --- | --- | --- | --- | --- |
| 一、科普能力 |
| 1 | 科普经费增长（%） | 5.3 | 5—5.5\* | 预期性 |
| 2 | 科普岗位比例提高（百分点） | — | 6 | 预期性 |
| 3 | 城乡科普设施比 | 2.21∶1 | 2.1∶1左右 | 预期性 |
| 二、科普环境 |
| 4 | 科普能力指数增长（%） | — | 完成经国家审核衔接后确定的目标 | 约束性 |
| 5 | 科普基地面积（亿平方米） | 2.9 | ≥2.99 | 约束性 |

注：带\*为年均增速。

第二章　重点任务
`
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		v := ""
		if ind.Value != nil {
			v = fmt.Sprint(*ind.Value)
		} else {
			v = fmt.Sprint(*ind.Low, "-", *ind.High)
		}
		got = append(got, fmt.Sprintf("%s %s%s %s %d", ind.Metric, v, ind.Unit, ind.Comparator, *ind.DeadlineYear))
	}
	want := []string{"科普经费增长 5-5.5% range 2030", "科普岗位比例提高 6个百分点 = 2030", "城乡科普设施比 2.1 approx 2030", "科普基地面积 2.99亿平方米 >= 2030"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("read %q\nwant %q", got, want)
	}
}

// A table of two columns of what the plan adds (| 类型 | “十五五”新增 |), in
// a part that forecasts demand: the plan's own build-out, asserted, due the
// plan's end; a table of money estimated is not read as one.
func TestTwoColumnBuildOut(t *testing.T) {
	text := `某省科普设施发展规划（2026-2030年）

一、科普设施需求预测

预计到2030年全省科普受众达到3000万人次。

表 1 “十五五”科普设施建设需求预测

| 类型 | “十五五”新增 |
| --- | --- |
| 科普馆(座) | 12 |
| 科普站(个) | 300 |

表 2 科普设施投资估算

| 类型 | 规划投资(亿元) |
| --- | --- |
| 科普馆 | 4.5 |

二、重点任务

新建科普长廊10条。
`
	var got []string
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range doc.Indicators {
		got = append(got, fmt.Sprintf("%s %v%s %d %v", ind.Metric, *ind.Value, ind.Unit, *ind.DeadlineYear, ind.Candidate))
	}
	want := []string{"预计科普受众 3000万人次 2030 true", "科普馆 12座 2030 false", "科普站 300个 2030 false", "新建科普长廊 10条 2030 false"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("read %q\nwant %q", got, want)
	}
}
