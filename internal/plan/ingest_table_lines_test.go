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
