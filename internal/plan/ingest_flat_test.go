package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Flattened indicator tables (ingest_flat.go) of several shapes, written
// for these tests (testdata/flat/): what each reads, and that each target's
// span is its number as the text writes it (with its unit, where a
// sentence of a cell was read). Each is read as written, with
// CRLF line ends, and the budget and the list of projects as nothing.
func TestFlatTables(t *testing.T) {
	for _, c := range []struct {
		file, shape string
		read        []string
	}{
		{"clean.txt", "years on one line over 序号 and 指标 a line each, every cell a line with blank lines between, a page number and a page break between two rows, a label whose unit wrapped onto a line of its own: each value a target due its column's year", []string{
			"科普场馆数量 40个 @2025",
			"科普场馆数量 45个 @2026",
			"科普场馆数量 50个 @2027",
			"注册科普志愿者 1.5万人 @2025",
			"注册科普志愿者 2万人 @2026",
			"注册科普志愿者 2.5万人 @2027",
			"具备科学素质的公民比例 15% @2025",
			"具备科学素质的公民比例 16.5% @2026",
			"具备科学素质的公民比例 18% @2027",
		}},
		{"spaced.txt", "header words letter-spaced in their cells (序　号, 指　　标, 属　性), each cell a line with blank lines between, values bounded by a symbol or given as a fall: each row read, its 属性 kept", []string{
			"科普活动安全事故起数 20% @2030 约束性",
			"每十万人科普设施覆盖缺口 <=1处 @2030 预期性",
			"年均科普讲座场次 >=1500 @2030 预期性",
			"科普经费占财政支出比例 >=0.5% @2030 预期性",
		}},
		{"rowlines.txt", "a header and each row on one line, words apart by single spaces, a 单位 and a 属性 column: the year before the plan is the baseline, a dash holds no target, a 属性 merged down", []string{
			"科技社团数量 150个 @2027 base 120/2024 预期性",
			"企业科协覆盖率 >=80% @2027 base 60/2024 约束性",
			"学会服务站点 >=40个 @2027 base 30/2024 预期性",
		}},
		{"wrapped.txt", "header words a line each, 基期值 and 目标值 over the years, labels wrapped over two lines: read whole, each target with its baseline (the reading of cells a line, which took the wrapped part for a cell, gives way to the fuller one)", []string{
			"每万人口科普专职人员数 4人 @2025 base 3.2/2020",
			"科技馆年参观人次 120万人次 @2025 base 80/2020",
			"科普基地数量 >=40个 @2025 base 25/2020",
		}},
		{"before.txt", "the values of four rows in a run after the first of their labels, the other three labels after them (their numbers first): the counts prove the rows, read in order", []string{
			"科创平台数量 20家 @2027",
			"科创平台数量 30家 @2028",
			"高新技术企业数量 200家 @2027",
			"高新技术企业数量 260家 @2028",
			"专精特新企业数量 310家 @2027",
			"专精特新企业数量 380家 @2028",
			"技术合同成交额 150亿元 @2027",
			"技术合同成交额 180亿元 @2028",
			"科技型中小企业 1200家 @2027",
			"科技型中小企业 1500家 @2028",
			"研发投入强度 2.5% @2027",
			"研发投入强度 2.8% @2028",
		}},
		{"unproven.txt", "the same with five values for rows of two: the counts prove nothing, so those rows are only proposed; the rows around them stand", []string{
			"科创平台数量 20家 @2027",
			"科创平台数量 30家 @2028",
			"高新技术企业数量 200家 @2027 (proposed)",
			"高新技术企业数量 260家 @2028 (proposed)",
			"专精特新企业数量 310家 @2027 (proposed)",
			"专精特新企业数量 380家 @2028 (proposed)",
			"研发投入强度 2.5% @2027",
			"研发投入强度 2.8% @2028",
		}},
		{"pages.txt", "rows on one line, a row of words where its values would be, the header repeated after a page break: a table read on each page", []string{
			"科普场馆数量 40个 @2025",
			"科普场馆数量 45个 @2026",
			"科普场馆数量 50个 @2027",
			"科普讲解员 300名 @2025",
			"科普讲解员 350名 @2026",
			"科普讲解员 400名 @2027",
			"科普基地 20个 @2025",
			"科普基地 30个 @2027",
			"科技志愿服务队 60支 @2025",
			"科技志愿服务队 70支 @2026",
			"科技志愿服务队 80支 @2027",
		}},
		{"units.txt", "a category, a 单位 and a 属性 column, a cell a line", []string{
			"乡镇科协覆盖率 100% @2030 base 90/2025 约束性",
			"科技社团数量 45个 @2030 base 35/2025 预期性",
			"科普示范基地 20个 @2030 base 12/2025 预期性",
		}},
		{"unitabove.txt", "the unit of every row on a line above the header, years dated as 基期 and 目标 in brackets", []string{
			"基层科协组织 150个 @2030 base 120/2025",
			"科普e站 420个 @2030 base 300/2025",
		}},
		{"notes.txt", "a 指标属性 and a 牵头单位 column, a cell a line, labels wrapped: the units leading are no row", []string{
			"乡镇科普e站覆盖率 80% @2027 约束性",
			"乡镇科普e站覆盖率 100% @2028 约束性",
			"科普大篷车巡展场次 40场 @2027 预期性",
			"科普大篷车巡展场次 50场 @2028 预期性",
			"青少年科技竞赛参赛人数 1200人 @2027 预期性",
			"青少年科技竞赛参赛人数 1500人 @2028 预期性",
		}},
		{"unitapart.txt", "rows on one line whose label gives its unit apart after a space (智能算力占比 %), no 单位 column", []string{
			"智能算力占比 30% @2025",
			"智能算力占比 35% @2026",
			"智能算力占比 40% @2027",
			"数据中心机架 2万架 @2025",
			"数据中心机架 2.5万架 @2026",
			"数据中心机架 3万架 @2027",
		}},
		{"past.txt", "a review of the plan before (2020年目标 | 完成情况) under 发展基础: proposed only", []string{
			"学会数量 50个 @2020 (proposed)",
			"科普基地 30个 @2020 (proposed)",
		}},
		{"apart.txt", "years as 2026年底 | 2027年底, comparators set apart from their values by a space (≥ 70, 不少于 300)", []string{
			"企业科协覆盖率 >=70% @2026",
			"企业科协覆盖率 >=80% @2027",
			"科普讲解员 >=300名 @2026",
			"科普讲解员 400名 @2027",
		}},
		{"regions.txt", "a goal shared out across districts (D136): 序号 | 区 | an amount in its unit | a count in its unit, each cell a line, a range in a cell; each due the plan's end", regionsRead},
		{"regionsperiod.txt", "the same table in a plan of 2023–2025 whose amount's head opens with its period (“十四五”光伏装机容量（兆瓦）): still an amount shared out across districts, due the period's end", []string{
			"东江区 range5-10兆瓦 @2025",
			"东江区 3个 @2025",
			"西岭区 12兆瓦 @2025",
			"西岭区 4个 @2025",
			"南湖区 8兆瓦 @2025",
			"南湖区 2个 @2025",
		}},
		{"regionstight.txt", "the same table with no blank lines between its cells: 区 alone on its line heads the regions' column, no category's character down the page", regionsRead},
		{"regionsgap.txt", "the same with an empty cell left out of one row: that row's cells do not fit the header, so it is read not at all rather than its count read as the amount", []string{
			"东江区 range5-10兆瓦 @2030",
			"东江区 3个 @2030",
			"南湖区 8兆瓦 @2030",
			"南湖区 2个 @2030",
		}},
		{"tasks.txt", "a table of tasks by year, one cell a line (its header's cells wrapped: 牵头 / 部门), who leads merged down: each year's cell due its year, a cell that repeats from year to year and a bare 200件 too; a row with a year's cell left empty and one with a cell over two lines do not fit, and stay as the sentences read them (due the plan's end); a task named without a sentence ((5) 优化科普服务平台) still opens its row", []string{
			"建设社区科普站 90个 @2029",
			"建设社区科普站 30个 @2027",
			"建设社区科普站 30个 @2028",
			"建设社区科普站 30个 @2029",
			"更新科普展品 200件 @2029",
			"200件 @2027",
			"200件 @2028",
			"200件 @2029",
			"改造科普场馆展厅 12个 @2029",
			"改造场馆展厅 4个 @2029",
			"改造场馆展厅 5个 @2029",
			"举办科普讲座 360场 @2029",
			"举办科普讲座 100场 @2029",
			"线上讲座 40场 @2029",
			"举办科普讲座 120场 @2029",
			"举办科普讲座 140场 @2029",
			"上线科普服务应用 2个 @2027",
			"上线科普服务应用 3个 @2028",
			"上线科普服务应用 4个 @2029",
		}},
		{"taskserial.txt", "a table of tasks by year whose rows are numbered in a 序号 cell of their own (1 / task / 2027年 …), who leads merged down into the next row: each year's cell due its year; a row with a year left empty does not fit", []string{
			"新建科普e站 20个 @2027",
			"新建科普e站 25个 @2028",
			"新建科普e站 30个 @2029",
			"举办科普进校园活动 50场 @2027",
			"举办科普进校园活动 60场 @2028",
			"举办科普进校园活动 60场 @2029",
			"新增科普志愿者 500人 @2027",
			"新增科普志愿者 500人 @2028",
			"新增科普志愿者 500人 @2029",
			"新建科普教育基地 2个 @2029",
			"新建科普教育基地 3个 @2029",
		}},
		{"towns.txt", "a 街镇 table one cell a line, units in the column heads only, / in empty cells (a column kept), then two rows with an empty cell left out and a 合计 row: the rows that do not fit read nothing, neither asserted nor proposed (a town's name never wraps, so no cells are given to it in order)", townsRead},
		{"taskyearend.txt", "a table of tasks by year whose year columns are the years' ends (2025年底 | 2026年底 | 2027年底), who leads merged down into the next row: each year's cell due its year", []string{
			"新建充电桩 300个 @2025",
			"新建充电桩 400个 @2026",
			"新建充电桩 500个 @2027",
			"新建换电站 10座 @2025",
			"新建换电站 15座 @2026",
			"新建换电站 20座 @2027",
		}},
		{"rowspaced.txt", "a table of indicators a cell a line, its rows apart by blank lines: two name columns, 属性 before the values, the header's periods on lines of their own over 完成值 and 目标值 (“十四五” / 完成值: where things stand in 2025, “十五五” / 目标值: due 2030), a dash, a long cell of words (a row that reads nothing, not the table's end), a blank line inside a row (an empty cell)", []string{
			"建设科普场馆区级科普场馆数量 5个 @2030 base 3/2025 预期性",
			"建设社区科普站社区科普站覆盖率 90% @2030 约束性",
			"开展科普讲座年度科普讲座场次 >=300场 @2030 预期性",
			"组织科技活动周科技活动周参与人次 >=15万人次 @2030 base 12/2025 预期性",
		}},
		{"periods.txt", "the same rows apart by blank lines, the periods glued to their words (“十四五”期末值 | “十五五”目标值) in a 十五五 plan: the goal of the five years before is where things stand", []string{
			"高新技术企业数量 600家 @2030 base 420/2025 预期性",
			"全社会研发投入强度 3.5% @2030 base 3.1/2025 预期性",
		}},
		{"bracketrows.txt", "rows apart by blank lines, each label with its unit in brackets and a year in its words (细颗粒物年均浓度（微克/立方米）), a category merged down: a label is no other table's header (a column of an amount heads only a table of regions), so the table goes on; words where a target would be", []string{
			"细颗粒物年均浓度 <=28微克/立方米 @2030 base 30/2025 约束性",
			"地表水优良水体比例 >=85% @2030 base 80/2025 约束性",
			"新能源汽车保有量 20万辆 @2030 base 12/2025 预期性",
		}},
		{"growth.txt", "rows apart by blank lines under years alone and 年均增长 (2025年 | 2030年 | 年均增长): one row of header, not words paired with the years; a cumulative cell, dashes", []string{
			"地区生产总值 3000亿元 @2030 base 2400/2025 预期性",
			"地区生产总值 ~5% @2030 预期性",
			"全社会研发经费投入强度 5% @2030 base 4.5/2025 预期性",
			"城镇调查失业率 <=5% @2030 预期性",
		}},
		{"taskleads.txt", "a table of tasks by year whose header puts who leads before the years (序号 | 重点任务 | 牵头单位 | 2027年 …), tasks named without a sentence, a lead merged down: the names after the task come first, then a cell a year", []string{
			"新建科普e站 20个 @2027",
			"新建科普e站 25个 @2028",
			"新建科普e站 30个 @2029",
			"举办科普进校园活动 50场 @2027",
			"举办科普进校园活动 60场 @2028",
			"举办科普进校园活动 70场 @2029",
			"新增科普志愿者 500人 @2027",
			"新增科普志愿者 500人 @2028",
			"新增科普志愿者 500人 @2029",
		}},
		{"unitrow.txt", "a 街镇 table whose last two heads give their unit in a row of their own below them (可回收物量 | 湿垃圾分类量 | 吨/日 | 吨/日), as many units as words: each word's column in its unit; a row with a cell left out reads nothing", []string{
			"东江街道 40个 @2031",
			"东江街道 19.23吨/日 @2031",
			"东江街道 20.26吨/日 @2031",
			"西岭镇 60个 @2031",
			"西岭镇 28.16吨/日 @2031",
			"西岭镇 29.66吨/日 @2031",
			"合计 128个 @2031",
			"合计 60.97吨/日 @2031",
			"合计 49.92吨/日 @2031",
		}},
		{"unitrowshort.txt", "the same with one unit below the two words: which word the unit is of is not proven, so the header ends there and nothing is read", nil},
		{"placeyears.txt", "a 街镇 table by year (序号 | 街镇 | 2026年 | 2027年 | 2028年) whose caption ends with its unit in brackets (建设目标（个）), no column naming its own: each cell in the caption's unit, due its column's year", []string{
			"东江街道 3个 @2026",
			"东江街道 4个 @2027",
			"东江街道 5个 @2028",
			"西岭镇 12个 @2026",
			"西岭镇 13个 @2027",
			"西岭镇 14个 @2028",
			"南湖镇 6个 @2026",
			"南湖镇 7个 @2027",
			"南湖镇 8个 @2028",
			"合计 21个 @2026",
			"合计 24个 @2027",
			"合计 27个 @2028",
		}},
		{"placeserial.txt", "the table of places by year whose second row's values run on from its number (2 | 西岭镇 | 2 | 3 | 4 | 合计): 3 and 4 are cells, not the numbers of rows whose names wrapped — a place's name never wraps, so a row's number stands right before it", []string{
			"东江街道 3个 @2026",
			"东江街道 4个 @2027",
			"东江街道 5个 @2028",
			"西岭镇 2个 @2026",
			"西岭镇 3个 @2027",
			"西岭镇 4个 @2028",
			"合计 5个 @2026",
			"合计 7个 @2027",
			"合计 9个 @2028",
		}},
		{"townsend.txt", "the same table ending the text, in a text with no page's furniture: its last cell (238) is a cell, not a page's number", townsRead},
		{"labelunits.txt", "an indicator table with no 序号 whose row labels give their units in brackets: the labels are rows, not columns of amounts (D136 reads those only under 区 or 地区)", []string{
			"注册科普志愿者 5万人 @2030 base 3/2025",
			"科普场馆 50个 @2030 base 40/2025",
		}},
		{"budget.txt", "a budget whose header names no indicators and a list of projects: nothing read", []string{}},
		{"placeperiod.txt", "a header cell a page split over three lines, the place it counts over the period (某区 / “十四五” / 现状, 某区 / “十五五” / 指标): the place is no column, 指标 under a period is its targets; a name whose brackets say what kind it counts (（青少年类）) gives no unit; a unit cell of a rate (人/亿元)", []string{
			"科普场馆数量 50个 @2030 base 40/2025 约束性",
			"科学素质指数（青少年类） 0.8 @2030 预期性",
			"注册科普志愿者 5万人 @2030 base 3/2025 预期性",
			"科普活动安全事故率 <=0.02人/亿元 @2030 约束性",
		}},
	} {
		checkFlatTable(t, c.file, c.shape, c.read)
	}
}

// checkFlatTable ingests testdata/flat/file (as written and with CRLF
// line ends) and compares its readings with want, each span the number
// read.
func checkFlatTable(t *testing.T, file, shape string, want []string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "flat", file))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{string(data), strings.ReplaceAll(string(data), "\n", "\r\n")} {
		doc, err := Ingest(strings.NewReader(text))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		var read []string
		rs := []rune(text)
		for _, ind := range doc.Indicators {
			read = append(read, flatReading(ind))
			if ind.Value == nil {
				continue
			}
			num := strings.TrimRight(strings.TrimRight(fmt.Sprintf("%f", *ind.Value), "0"), ".")
			if span := string(rs[ind.Start:ind.End]); span != num && span != num+ind.Unit { // (a sentence's span holds its unit)
				t.Errorf("%s: the span of %s is %q", file, flatReading(ind), span)
			}
		}
		if strings.Join(read, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s (%s): read\n%s\nwant\n%s", file, shape, strings.Join(read, "\n"), strings.Join(want, "\n"))
		}
	}
}

// flatReading is one target as the tests of flattened tables compare it:
// its metric, comparator, value and unit, deadline, baseline, 属性, and
// whether it is only proposed.
func flatReading(ind Indicator) string {
	s := fmt.Sprintf("%s %s", ind.Metric, storeCmpWord(ind.Comparator))
	if ind.Value != nil {
		s += fmt.Sprintf("%g", *ind.Value)
	} else if ind.Low != nil && ind.High != nil {
		s += fmt.Sprintf("%g-%g", *ind.Low, *ind.High)
	}
	s += ind.Unit
	if ind.DeadlineYear != nil {
		s += fmt.Sprintf(" @%d", *ind.DeadlineYear)
	}
	if ind.Baseline != nil {
		s += fmt.Sprintf(" base %g/%d", ind.Baseline.Value, ind.Baseline.Year)
	}
	if ind.Constraint != "" {
		s += " " + ind.Constraint
	}
	if ind.Candidate {
		s += " (proposed)"
	}
	return strings.TrimSpace(s)
}

func storeCmpWord(c string) string {
	switch c {
	case "=":
		return ""
	case "approx":
		return "~"
	}
	return c
}

// Flattened tables stay linear: a district table and a table of tasks by
// year of 10,000 lines each take far less than four hundred times as long
// as tables of 500.
func TestFlatLinear(t *testing.T) {
	build := func(lines int) string {
		var b strings.Builder
		b.WriteString("某市科普设施提升三年行动计划（2027—2029年）\n\n一、工作目标\n\n到2029年，全市科普设施服务能力明显提升。\n\n附表\n序号\n区\n科普设施（个）\n项目数（个）\n")
		for k := 1; k*4 < lines/2; k++ {
			fmt.Fprintf(&b, "%d\n第%d区\n%d\n%d\n", k, k, 10+k%7, 1+k%3)
		}
		b.WriteString("\n二、任务清单\n\n任务\n\n重点任务\n\n2027年工作项目\n\n2028年计划\n\n2029年计划\n\n牵头部门\n\n")
		for k := 1; k*10 < lines/2; k++ {
			fmt.Fprintf(&b, "（%d）建设社区科普站%d个。\n\n建设社区科普站%d个。\n\n建设社区科普站%d个。\n\n建设社区科普站%d个。\n\n市科协\n\n", k, 3*k, k, k, k)
		}
		return b.String()
	}
	small, big := build(500), build(10000)
	one := timeIt(func() { _, _ = Ingest(strings.NewReader(small)) })
	twenty := timeIt(func() { _, _ = Ingest(strings.NewReader(big)) })
	if twenty > 60*one+50*time.Millisecond {
		t.Errorf("20× the lines took %v against %v for 1×", twenty, one)
	}
	doc, _ := Ingest(strings.NewReader(small))
	if len(doc.Indicators) < 100 {
		t.Errorf("%d targets read in the tables of 500 lines, want 100 or more", len(doc.Indicators))
	}
}

// regionsRead is what regions.txt and its layouts without blank lines
// read: each district's amount and count, due the plan's end.
var regionsRead = []string{
	"东江区 range5-10兆瓦 @2030",
	"东江区 3个 @2030",
	"西岭区 12兆瓦 @2030",
	"西岭区 4个 @2030",
	"南湖区 8兆瓦 @2030",
	"南湖区 2个 @2030",
}

// townsRead is what towns.txt reads wherever the table stands: the rows
// that fit its header and the 合计 row.
var townsRead = []string{
	"东江街道 40个 @2031",
	"东江街道 51个 @2031",
	"西岭镇 60个 @2031",
	"西岭镇 2辆 @2031",
	"西岭镇 75个 @2031",
	"南湖镇 28个 @2031",
	"南湖镇 37个 @2031",
	"合计 183个 @2031",
	"合计 2辆 @2031",
	"合计 238个 @2031",
}
