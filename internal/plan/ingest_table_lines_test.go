package plan

import (
	"fmt"
	"strings"
	"testing"
)

// A 科协 plan's indicator table pasted from a web page, one cell a line:
// the 类别 cell spans rows and is given once, one row's target is words,
// not a number, and a blank line falls between two cells.
const cellLinesTable = `三、主要指标
表1　科协事业发展主要指标
类别
指标名称
2020年
2025年
属性
组织建设
基层科协组织覆盖率（%）
86
＞95
约束性
科技社团数量（个）
120
150左右
预期性
科普工作
公民具备科学素质的比例（%）
10.2

15
约束性
科普场馆服务能力
稳步提升
持续提升
预期性
注册科普志愿者（万人）
1.2
3
预期性
四、重点任务
`

func TestJoinCellLines(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n"} {
		in := strings.ReplaceAll(cellLinesTable, "\n", eol)
		got := joinCellLines(in)
		if len([]rune(got)) != len([]rune(in)) {
			t.Fatalf("%q: the text changed length", eol)
		}
		for i, r := range []rune(got) {
			if o := []rune(in)[i]; r != o && !(o == '\n' && r == '\t') {
				t.Fatalf("%q: rune %d changed from %q to %q", eol, i, o, r)
			}
		}
		var rows []string
		for _, l := range strings.Split(got, "\n") {
			if strings.Contains(l, "\t") {
				rows = append(rows, strings.Join(strings.Fields(l), "|"))
			}
		}
		want := []string{
			"类别|指标名称|2020年|2025年|属性",
			"组织建设|基层科协组织覆盖率（%）|86|＞95|约束性",
			"科技社团数量（个）|120|150左右|预期性",
			"科普工作|公民具备科学素质的比例（%）|10.2|15|约束性",
			"科普场馆服务能力|稳步提升|持续提升|预期性",
			"注册科普志愿者（万人）|1.2|3|预期性",
		}
		if strings.Join(rows, "\n") != strings.Join(want, "\n") {
			t.Errorf("%q: rows\n%s\nwant\n%s", eol, strings.Join(rows, "\n"), strings.Join(want, "\n"))
		}
	}
}

// Short lines that are no table stay as they are: a table of contents that
// names 指标, a list of figures on lines of their own, a header with one
// row only.
func TestJoinCellLinesLeavesOtherText(t *testing.T) {
	for _, in := range []string{
		"目录\n一、总体要求\n二、主要指标\n三、重点任务\n四、保障措施\n五、附则\n",
		"主要指标\n2025年\n目标\n85%\n90%\n95%\n100%\n",
		"指标\n单位\n目标值\n覆盖率\n%\n95\n到2025年，全市科协组织覆盖率达到95%以上。\n",
		"一、主要指标\n（一）组织建设\n（二）科普工作\n（三）人才工作\n（四）学会工作\n",
	} {
		if got := joinCellLines(in); got != in {
			t.Errorf("joinCellLines(%q) = %q, want it unchanged", in, got)
		}
	}
}

// The project's plan with a table pasted one cell a line reads each row's
// target with its baseline, constraint and the unit its name gives, the
// rows after a row whose target is words included.
func TestCellLinesTableReadings(t *testing.T) {
	_, doc := ownDoc(t, "kexie_zhibiao_lines.txt")
	var got []string
	for _, ind := range doc.Indicators {
		if ind.Baseline == nil {
			continue
		}
		got = append(got, fmt.Sprintf("%s %s %g%s base %g/%d %s", ind.Metric, ind.Comparator, *ind.Value, ind.Unit, ind.Baseline.Value, ind.Baseline.Year, ind.Constraint))
	}
	want := []string{
		"企业科协覆盖率 >= 80% base 62/2025 约束性",
		"全市学会数量 approx 55个 base 48/2025 预期性",
		"公民具备科学素质的比例 = 20% base 15.3/2025 约束性",
		"注册科普志愿者 = 3.5万人 base 2.1/2025 预期性",
		"举荐青年科技人才 >= 60名 base 30/2025 预期性",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("table rows read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Headers pasted one cell a line in other shapes: one row whose last
// column is 年均增长 after two years (no header of two rows), and a header
// of two rows with a 序号 column and no 属性, its rows' blank cells left
// out, and one with one word under each year. Each row is put back in its
// columns and read there, pasted as it is and double-spaced.
func TestCellLinesHeaderShapes(t *testing.T) {
	for _, c := range []cellShape{{
		name:  "one row, growth after two years",
		table: "指标\n2020年\n2025年\n年均增长（%）\n地区生产总值（亿元）\n3000\n4200\n7\n常住人口（万人）\n120\n130\n1.6\n",
		rows:  []string{"指标|2020年|2025年|年均增长（%）", "地区生产总值（亿元）|3000|4200|7", "常住人口（万人）|120|130|1.6"},
		// the header names its target column (年均增长): the years are
		// not targets, as in a .docx's or a tab-separated copy's table
		read: []string{"地区生产总值 7% per year base -", "常住人口 1.6% per year base -"},
	}, {
		name:  "two rows, 序号, blanks left out",
		table: "序号\n指标\n单位\n2025年\n2030年\n目标值\n年均增长（%）\n1\n科技馆年接待观众\n万人次\n38\n60\n9.5\n2\n高层次科技人才\n人\n1200\n2000\n3\n新增注册科技志愿者\n万人\n—\n〔5〕\n",
		rows: []string{"序号|指标|单位|2025年|2030年|目标值|年均增长（%）", "1|科技馆年接待观众|万人次|38|60|9.5",
			"2|高层次科技人才|人|1200|2000", "3|新增注册科技志愿者|万人|—|〔5〕"},
		read: []string{"科技馆年接待观众 60万人次 per - base 38/2025", "科技馆年接待观众 9.5% per year base -",
			"高层次科技人才 2000人 per - base 1200/2025", "新增注册科技志愿者 5万人 per - base - cumulative"},
	}, {
		name:  "two rows, one word under each year",
		table: "指标\n单位\n2025年\n2027年\n2030年\n属性\n基期值\n目标值\n目标值\n科普场馆展教面积\n万平方米\n6.2\n6.8\n7.5\n预期性\n注册科技志愿者人数\n万人\n1.6\n2\n2.5\n预期性\n",
		rows: []string{"指标|单位|2025年|2027年|2030年|属性|基期值|目标值|目标值", "科普场馆展教面积|万平方米|6.2|6.8|7.5|预期性",
			"注册科技志愿者人数|万人|1.6|2|2.5|预期性"},
		read: []string{"科普场馆展教面积 6.8万平方米 per - base 6.2/2025", "科普场馆展教面积 7.5万平方米 per - base 6.2/2025",
			"注册科技志愿者人数 2万人 per - base 1.6/2025", "注册科技志愿者人数 2.5万人 per - base 1.6/2025"},
	}, {
		name:  "two rows, years under 基期值 and 目标值",
		table: "指标\n单位\n基期值\n目标值\n属性\n2025年\n2027年\n2030年\n科普场馆展教面积\n万平方米\n6.2\n6.8\n7.5\n预期性\n注册科技志愿者人数\n万人\n1.6\n2\n2.5\n预期性\n",
		rows: []string{"指标|单位|基期值|目标值|属性|2025年|2027年|2030年", "科普场馆展教面积|万平方米|6.2|6.8|7.5|预期性",
			"注册科技志愿者人数|万人|1.6|2|2.5|预期性"},
		read: []string{"科普场馆展教面积 6.8万平方米 per - base 6.2/2025", "科普场馆展教面积 7.5万平方米 per - base 6.2/2025",
			"注册科技志愿者人数 2万人 per - base 1.6/2025", "注册科技志愿者人数 2.5万人 per - base 1.6/2025"},
	}} {
		text := "某市科技事业发展规划（2026—2030年）\n二、主要指标\n" + c.table + "三、重点任务\n"
		var rows []string
		for _, l := range strings.Split(joinCellLines(text), "\n") {
			if strings.Contains(l, "\t") {
				rows = append(rows, strings.ReplaceAll(l, "\t", "|"))
			}
		}
		if strings.Join(rows, "\n") != strings.Join(c.rows, "\n") {
			t.Errorf("%s: rows\n%s\nwant\n%s", c.name, strings.Join(rows, "\n"), strings.Join(c.rows, "\n"))
		}
		// and pasted double-spaced: a blank line after every cell is a
		// separator, not a blank cell
		for _, text := range []string{text, strings.ReplaceAll(text, "\n", "\n\n")} {
			c.check(t, text)
		}
	}
}

type cellShape struct {
	name, table string
	rows, read  []string
}

// check reads text and compares each target's reading with c.read.
func (c cellShape) check(t *testing.T, text string) {
	t.Helper()
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var read []string
	for _, ind := range doc.Indicators {
		per, base := "-", "-"
		if ind.Per != nil {
			per = *ind.Per
		}
		if ind.Baseline != nil {
			base = fmt.Sprintf("%g/%d", ind.Baseline.Value, ind.Baseline.Year)
		}
		s := fmt.Sprintf("%s %g%s per %s base %s", ind.Metric, *ind.Value, ind.Unit, per, base)
		if ind.Cumulative {
			s += " cumulative"
		}
		read = append(read, s)
	}
	if strings.Join(read, "\n") != strings.Join(c.read, "\n") {
		t.Errorf("%s: read from %q\n%s\nwant\n%s", c.name, text, strings.Join(read, "\n"), strings.Join(c.read, "\n"))
	}
}
