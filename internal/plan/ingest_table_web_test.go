package plan

import (
	"fmt"
	"strings"
	"testing"
)

// Tables as web pages give them once saved as Markdown, each in a layout
// of the project's own (invented plans, not copied from a document).

// webReading is one target as a web table test expects it: metric, value,
// comparator, unit, deadline year, category, constraint.
type webReading struct {
	metric string
	value  float64
	cmp    string
	unit   string
	year   int
	cat    string
	constr string
}

func webReadings(t *testing.T, text string) []webReading {
	t.Helper()
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var out []webReading
	for _, ind := range doc.Indicators {
		if ind.Candidate || ind.Value == nil {
			continue
		}
		y := 0
		if ind.DeadlineYear != nil {
			y = *ind.DeadlineYear
		}
		out = append(out, webReading{ind.Metric, *ind.Value, ind.Comparator, ind.Unit, y, ind.Category, ind.Constraint})
	}
	return out
}

func checkWebReadings(t *testing.T, got, want []webReading) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("read %d targets, want %d:\n%v", len(got), len(want), got)
	}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("target %d: %+v, want %+v", k, got[k], want[k])
		}
	}
}

// A header row left empty by the page, the real header as the first body
// row (bold, a <br> in a cell), rows of one cell that title the rows
// below, a unit cell of dashes.
func TestWebTableHeaderInBody(t *testing.T) {
	text := `# 某区科普事业发展行动方案（2026-2030年）

一、主要目标

到2030年，全区科普工作体系更加完善。

附表1

某区“十五五”科普核心指标表

|     |     |     |     |     |
| --- | --- | --- | --- | --- |
| **序号** | **指标名称** | **单位** | **属性**<br>**（预期性** **/约束性）** | **“十五五”目标值** |
| 科普设施方面 |
| 1 | 社区科普站覆盖率 | % | 预期性 | 100 |
| 2 | 每万人科普展厅面积 | 平方米 | 预期性 | 120 |
| 3 | 科普讲解员密度 | —— | 约束性 | 1.3 |
| **人才队伍方面** |
| 1 | 注册科技志愿者 | 万人 | 预期性 | 2.5 |
`
	checkWebReadings(t, webReadings(t, text), []webReading{
		{"社区科普站覆盖率", 100, "=", "%", 2030, "科普设施方面", "预期性"},
		{"每万人科普展厅面积", 120, "=", "平方米", 2030, "科普设施方面", "预期性"},
		{"科普讲解员密度", 1.3, "=", "", 2030, "科普设施方面", "约束性"},
		{"注册科技志愿者", 2.5, "=", "万人", 2030, "人才队伍方面", "预期性"},
	})
}

// A header of two rows whose second holds only the years the first row's
// 目标 spans (序号 and 指标 span both rows), cells of a comparator, a
// number and a unit, a name with a <br>.
func TestWebTableYearsUnderTarget(t *testing.T) {
	text := `# 某市科普基础设施提升行动方案（2026—2028年）

二、工作目标

到2028年，全市科普基础设施明显改善。

科普基础设施主要工作目标

|     |     |     |     |     |
| --- | --- | --- | --- | --- |
| 序号 | 指标 | 目标 |
| 2026年 | 2027年 | 2028年 |
| 1 | 科普基地数量（累计） | >40个 | >55个 | >70个 |
| 2 | 流动科技馆巡展<br>（累计） | >30场 | >60场 | >100场 |
| 3 | 科普大篷车数量 | >6 | >8 | >12 |

三、重点任务
`
	var want []webReading
	for _, r := range []struct {
		name string
		unit string
		v    [3]float64
	}{{"科普基地数量（累计）", "个", [3]float64{40, 55, 70}}, {"流动科技馆巡展（累计）", "场", [3]float64{30, 60, 100}}, {"科普大篷车数量", "", [3]float64{6, 8, 12}}} {
		for k, v := range r.v {
			want = append(want, webReading{r.name, v, ">=", r.unit, 2026 + k, "", ""})
		}
	}
	checkWebReadings(t, webReadings(t, text), want)
}

// A table of counts by region: the header's first cell names the rows,
// two cells span a category column and the regions', each year column
// says what it counts and its unit, share columns restate them; rows
// below a merged category cell lack it (shifted left, an empty cell at
// their end); subtotals; the table continued after a page break under
// a header of its own; a scrap of a split cell.
func TestWebTableCountsByRegion(t *testing.T) {
	text := `# 某市社区科普站建设行动计划（2026—2027年）

一、建设任务

2026—2027年各片区社区科普站分年度建设情况表

| 片区 |  | 建设科普站总数(个) | 2026年建站数量(个) | 2026年完成比例 | 2027年建站数量(个) | 2027年完成比例 |
| --- | --- | --- | --- | --- | --- | --- |
| 北部片区 | 东湖街道 | 30 | 16 | 53.33% | 14 | 46.67% |
| 西湖街道 | 20 | 12 | 60.00% | 8 | 40.00% |  |
|  |  |  |  | % |  |  |
| 北部片区小计 |  | 50 | 28 | 56.00% | 22 | 44.00% |

* * *

| 片区 | 建设科普站总数(个) | 2026年建站数量(个) | 2026年完成比例 | 2027年建站数量(个) | 2027年完成比例 |
| --- | --- | --- | --- | --- | --- |
| 总计 | 50 | 28 | 56.00% | 22 | 44.00% |

二、保障措施
`
	var want []webReading
	for _, r := range []struct {
		name, cat string
		v         [3]float64
	}{{"东湖街道", "北部片区", [3]float64{30, 16, 14}}, {"西湖街道", "北部片区", [3]float64{20, 12, 8}}, {"北部片区小计", "北部片区", [3]float64{50, 28, 22}}, {"总计", "", [3]float64{50, 28, 22}}} {
		for k, v := range r.v {
			want = append(want, webReading{r.name + "·" + []string{"建设科普站总数", "建站数量", "建站数量"}[k], v, "=", "个", []int{2027, 2026, 2027}[k], r.cat, ""})
		}
	}
	checkWebReadings(t, webReadings(t, text), want)
}

// The unit a table's caption gives, a blank line or two above its header:
// a line of its own (单位：万平方米) or at the caption's end (（单位：个）).
func TestWebTableUnitAbove(t *testing.T) {
	for _, caption := range []string{"表1 全市科普场馆展览面积目标\n\n单位：万平方米", "表1 全市科普场馆展览面积目标（单位：万平方米）"} {
		text := fmt.Sprintf(`# 某市科普场馆发展规划（2026—2030年）

一、发展目标

%s

| 指标 | 2025年 | 2030年 |
| --- | --- | --- |
| 主城区展览面积 | 3.2 | 5 |
| 新城区展览面积 | 1.1 | 2.4 |
`, caption)
		checkWebReadings(t, webReadings(t, text), []webReading{
			{"主城区展览面积", 5, "=", "万平方米", 2030, "", ""},
			{"新城区展览面积", 2.4, "=", "万平方米", 2030, "", ""},
		})
	}
}

// A table of tasks by year whose cells are words with numbers: each
// quantity of a year's cell is due that year; a row whose 序号 and task
// cells are merged from the row above is shifted left, an empty cell at
// its end for each; a row that titles the rows below, a row of one long
// cell read as text; the header repeated on a page of its own.
func TestWebTableTasksByYear(t *testing.T) {
	text := `# 某区科普能力提升行动方案（2026—2028年）

一、重点任务

（一）建设社区科普阵地。到2028年，新建社区科普e站75个。

附件1

某区科普能力提升行动方案责任清单

| 序号 | 任务内容 | 2026年目标 | 2027年目标 | 2028年目标 | 牵头单位 |
| --- | --- | --- | --- | --- | --- |
| （一）实施阵地提升行动 |  |  |  |  |  |
| 1 | 建设社区科普e站 | 新建社区科普e站20个 | 新建社区科普e站25个 | 新建社区科普e站30个 | 区科协 |
| 2 | 培育科普讲解员 | 培训科普讲解员100名；举办讲解大赛1场 | 培训科普讲解员120名 |  | 区科协 |

* * *

| 序号 | 任务内容 | 2026年目标 | 2027年目标 | 2028年目标 | 牵头单位 |
| --- | --- | --- | --- | --- | --- |
| 配备流动科普设备12套 | 配备流动科普设备15套 | 配备流动科普设备18套 | 区教育局 |  |  |
`
	var got []string
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range doc.Indicators {
		if ind.Candidate || ind.Value == nil || ind.DeadlineYear == nil {
			continue
		}
		got = append(got, fmt.Sprintf("%s %g%s %d", ind.Metric, *ind.Value, ind.Unit, *ind.DeadlineYear))
	}
	want := []string{"新建社区科普e站 75个 2028",
		"新建社区科普e站 20个 2026", "新建社区科普e站 25个 2027", "新建社区科普e站 30个 2028",
		"培训科普讲解员 100名 2026", "举办讲解大赛 1场 2026", "培训科普讲解员 120名 2027",
		"配备流动科普设备 12套 2026", "配备流动科普设备 15套 2027", "配备流动科普设备 18套 2028"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A cell of two targets apart by a slash, each with its unit (the second
// takes the first's comparator), and a name whose brackets qualify it
// (（累计）) and give no unit.
func TestWebTablePairCellAndQualifier(t *testing.T) {
	text := `# 某市科普场地建设行动方案（2026—2027年）

二、工作目标

| 序号 | 指标 | 目标 |
| 2026年 | 2027年 |
| 1 | 科普活动场地（累计） | >3万平方米/40处 | >5万平方米/60处 |
| 2 | 科普志愿服务队伍（累计） | >120 | >150 |
`
	checkWebReadings(t, webReadings(t, text), []webReading{
		{"科普活动场地（累计）", 3, ">=", "万平方米", 2026, "", ""},
		{"科普活动场地（累计）", 40, ">=", "处", 2026, "", ""},
		{"科普活动场地（累计）", 5, ">=", "万平方米", 2027, "", ""},
		{"科普活动场地（累计）", 60, ">=", "处", 2027, "", ""},
		{"科普志愿服务队伍（累计）", 120, ">=", "", 2026, "", ""},
		{"科普志愿服务队伍（累计）", 150, ">=", "", 2027, "", ""},
	})
}

// The same rows on a web page read as HTML: a cell spanning the row
// (colspan) right under the header titles the rows below; it is no second
// row of the header.
func TestWebTableCategoryRowHTML(t *testing.T) {
	page := `<html><body><h1>某区科普事业发展行动方案（2026-2030年）</h1><p>一、主要目标</p><p>到2030年，全区科普工作体系更加完善。</p><table>
<tr><th>序号</th><th>指标名称</th><th>单位</th><th>属性</th><th>“十五五”目标值</th></tr>
<tr><td colspan="5">科普设施方面</td></tr>
<tr><td>1</td><td>社区科普站覆盖率</td><td>%</td><td>预期性</td><td>100</td></tr>
<tr><td colspan="5">人才队伍方面</td></tr>
<tr><td>1</td><td>注册科技志愿者</td><td>万人</td><td>预期性</td><td>2.5</td></tr>
</table></body></html>`
	text, err := HTMLText([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	checkWebReadings(t, webReadings(t, text), []webReading{
		{"社区科普站覆盖率", 100, "=", "%", 2030, "科普设施方面", "预期性"},
		{"注册科技志愿者", 2.5, "=", "万人", 2030, "人才队伍方面", "预期性"},
	})
}

// A bold header whose baseline spans three years in a second header row
// (the export keeps no empty cells for the span), two target years, rows
// whose leading cells a span merged, a name split in two cells, a row no
// target can be read from in the middle, and a target with its other way
// to meet it (≥60或持续提高) (D110). (A name split in two cells keeps
// only the part under 指标名称.)
func TestWebTableBaselineYearsUnder(t *testing.T) {
	text := `# 某区科普示范区建设规划（2025—2035年）

一、总体要求

（一）建设指标

表1  某区科普示范区建设指标体系

|     |     |     |     |     |     |     |     |     |     |     |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| **领域** | **序号** | **指标名称** | **单位** | **指标值** | **现状值** | **2028年** | **2035年** |
| **2022年** | **2023年** | **2024年** |
| 科普设施 | 1 | 社区科普站覆盖率 | % | ≥80 | 71.2 | 74.5 | 78.3 | ≥85 | 100 |
| 2 | 科普场馆<br>服务 | 年接待人次 | 万人次 | ≥20 | 15 | 16.2 | 18 | ≥25 | ≥40 |
| 3 | 科普资源共享指数 | — | ΔI≥-1 | 50.2 | 50.6（ΔI=0.4） | 51.0 | ΔI≥-1 | ΔI≥-1 |
| 4 | 科普讲解员持证率 | % | ≥60或持续提高 | 52 | 55 | 58 | ≥60或持续提高 | ≥70 |
| 科普人才 | 5 | 注册科技志愿者人数 | 人 | ≥3000 | 2100 | 2400 | 2800 | ≥3500 | ≥6000 |
`
	checkWebReadings(t, webReadings(t, text), []webReading{
		{"社区科普站覆盖率", 85, ">=", "%", 2028, "科普设施", ""},
		{"社区科普站覆盖率", 100, "=", "%", 2035, "科普设施", ""},
		{"年接待人次", 25, ">=", "万人次", 2028, "科普设施", ""},
		{"年接待人次", 40, ">=", "万人次", 2035, "科普设施", ""},
		{"科普讲解员持证率", 60, ">=", "%", 2028, "科普设施", ""},
		{"科普讲解员持证率", 70, ">=", "%", 2035, "科普设施", ""},
		{"注册科技志愿者人数", 3500, ">=", "人", 2028, "科普人才", ""},
		{"注册科技志愿者人数", 6000, ">=", "人", 2035, "科普人才", ""},
	})
	if v, ok := readCell("≥60或保持稳定"); !ok || v.value != 60 || v.unit != "" || v.comparator != ">=" {
		t.Errorf("readCell(≥60或保持稳定) = %+v, %v", v, ok)
	}
}

// A list of projects, each row's 完成时限 cell a year: what a row's other
// cells build is due that year, not at the plan's end; a row with two year
// cells (a start and an end) or one before the plan keeps the plan's (D110).
func TestProjectRowsDatedByTheirCell(t *testing.T) {
	text := `# 某区科普设施建设规划（2025—2035年）

一、总体要求

到2035年，全区科普设施体系全面建成。

附表  重点项目清单

|     |     |     |     |     |
| --- | --- | --- | --- | --- |
| **序号** | **项目名称** | **建设内容** | **完成**<br>**时限** | **责任单位** |
| 1 | 社区科普站 | 新建社区科普站30个。 | 2027年 | 区科协 |
| 2 | 科普步道 | 建设科普步道12公里。 | 2026年底 | 区绿化局 |
| 3 | 科普馆改造 | 改造科普展厅8个。 | 2025年 | 2029年 | 区科协 |
| 4 | 科普大篷车 | 购置科普大篷车5辆。 | 2020年 | 区科协 |
`
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	want := map[float64]int{30: 2027, 12: 2026, 8: 2035, 5: 2035}
	if len(doc.Indicators) != len(want) {
		t.Fatalf("read %d, want %d: %+v", len(doc.Indicators), len(want), doc.Indicators)
	}
	for _, ind := range doc.Indicators {
		if ind.DeadlineYear == nil || *ind.DeadlineYear != want[*ind.Value] {
			t.Errorf("%s: deadline %v, want %d", ind.Text, ind.DeadlineYear, want[*ind.Value])
		}
	}
}

// A target cell of two clauses, each naming what its number measures,
// gives a target for each; a clause of words only leaves the cell unread
// (D110).
func TestWebTableCellOfNamedParts(t *testing.T) {
	text := `# 某区科普服务规划（2025—2030年）

一、总体要求

|     |     |     |     |
| --- | --- | --- | --- |
| **序号** | **指标名称** | **单位** | **2030年** |
| 1 | 科普咨询办理 | % | 受理率100%，且办结率≥90% |
| 2 | 科普投诉办理 | % | 受理率100%，且持续提高 |
`
	checkWebReadings(t, webReadings(t, text), []webReading{
		{"受理率", 100, "=", "%", 2030, "", ""},
		{"办结率", 90, ">=", "%", 2030, "", ""},
	})
}

// A Markdown table without the outer bars, as GitHub's tables allow and
// html2text writes a page's tables (指标 | 单位 | 目标值, then --- | ---),
// reads as one with them; and the same rows a word processor's text
// export gives as 指标 | 单位 lines without a rule under the header.
func TestMarkdownTableWithoutOuterBars(t *testing.T) {
	const intro = "# 某市科技人才发展行动方案（2026-2030年）\n\n一、主要目标\n\n到2030年，全市科技人才队伍不断壮大。主要指标如下：\n\n"
	rows := "序号 | 指标 | 单位 | 2025年 | 2030年 | 属性\n%s1 | 科技人才总量 | 万人 | 42 | 60 | 预期性\n" +
		"2 | 每万名就业人员中研发人员 | 人年 | 55 | ≥70 | 约束性\n\n二、重点任务\n\n"
	want := []webReading{
		{"科技人才总量", 60, "=", "万人", 2030, "", "预期性"},
		{"每万名就业人员中研发人员", 70, ">=", "人年", 2030, "", "约束性"},
	}
	for name, rule := range map[string]string{"rule": "--- | --- | --- | --- | --- | ---\n", "no rule": ""} {
		t.Run(name, func(t *testing.T) {
			checkWebReadings(t, webReadings(t, intro+fmt.Sprintf(rows, rule)), want)
		})
	}
}
