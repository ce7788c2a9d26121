package plan

import (
	"fmt"
	"strings"
	"testing"
)

// Shapes of the sixth extra batch (docs/benchmarks.md, "tune19"), each
// fixed as a class; every text here is written for the test.

// A PDF whose font writes every decimal point with one unmapped glyph:
// when the glyph occurs at least three times, each time between two digits,
// and nowhere else, it is the document's point and numbers read through it
// are asserted; otherwise they stay proposed (D88).
func TestPointGlyph(t *testing.T) {
	tests := []struct {
		text string
		want rune
	}{
		{"经费１２\ue010 ５亿元，资金３\ue010 ２亿元，补助０\ue010 ７５亿元。", '\ue010'},
		{"经费12\ue0105亿元，资金3\ue0102亿元，补助0\ue01075亿元。", '\ue010'},
		// said twice: too few to tell a point from a stray glyph
		{"经费12\ue010 5亿元，资金3\ue010 2亿元。", 0},
		// the same glyph elsewhere too: a symbol, not a point
		{"经费12\ue010 5亿元，资金3\ue010 2亿元，补助4\ue010 5亿元。\ue010 附件", 0},
		// two glyphs between digits: neither is sure
		{"经费12\ue010 5亿元，资金3\ue011 2亿元，补助4\ue010 5亿元，基金7\ue010 1亿元。", 0},
		// a glyph that ends the text waits for its digit in vain
		{"经费12\ue010 5亿元，资金3\ue010 2亿元，补助4\ue010 5亿元，基金7\ue010", 0},
		{"没有数字的文本。", 0},
	}
	for _, tt := range tests {
		if got := pointGlyph(tt.text); got != tt.want {
			t.Errorf("%q: got %U, want %U", tt.text, got, tt.want)
		}
	}
	doc := "某市科协2026年工作要点\n一、重点工作\n" +
		"市财政安排科普专项资金12\ue010 5亿元，其中，科普场馆建设3\ue010 2亿元，科普人才培养1\ue010 8亿元。\n"
	if got := readDoc(t, doc); got != "12.5 元×1e+08 = - 2026 | 3.2 元×1e+08 = - 2026 | 1.8 元×1e+08 = - 2026" {
		t.Errorf("the document's point: got %q", got)
	}
	doc = "某市科协2026年工作要点\n一、重点工作\n市财政安排科普专项资金12\ue010 5亿元，新建科普站30个。\n"
	if got := readDoc(t, doc); got != "? 12.5 元×1e+08 = - 2026 | 30 个 = - 2026" {
		t.Errorf("a glyph said once: got %q", got)
	}
}

// A layout that sets figures apart starts a sentence with its year on a
// line of its own and 年 on the next; the line after (年，市财政预算安排)
// recurs in every chapter but is the sentence's text, not a running header.
func TestYearApartInRecurringSentence(t *testing.T) {
	var b strings.Builder
	b.WriteString("某市关于推动科普事业发展若干政策（2026年版）\n")
	for i, name := range []string{"一、科普阵地", "二、科普人才", "三、科普活动"} {
		b.WriteString(name + "\n新建" + []string{"科普站", "科普角", "科普馆"}[i] + "\n" + []string{"20", "30", "40"}[i] + "\n个，培训" + []string{"讲解员", "辅导员", "志愿者"}[i] + "\n" + []string{"100", "200", "300"}[i] + "\n名。\n")
		b.WriteString("2026\n年，市财政预算安排\n" + []string{"3", "4", "5"}[i] + "\n亿元，其中，支持科普场馆\n1\n亿元。\n")
	}
	got := readDoc(t, b.String())
	want := "20 个 = - 2026 | 100 名 = - 2026 | 3 元×1e+08 = - 2026 | 1 元×1e+08 = - 2026 | " +
		"30 个 = - 2026 | 200 名 = - 2026 | 4 元×1e+08 = - 2026 | 1 元×1e+08 = - 2026 | " +
		"40 个 = - 2026 | 300 名 = - 2026 | 5 元×1e+08 = - 2026 | 1 元×1e+08 = - 2026"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// An annex of tasks by year pasted one cell a line, its two-row header
// flattened: 分年度任务 titles the year columns after it and is no column;
// the rows are regions, each year's cell a target due that year, whatever
// the plan's time (the document states none). The baseline year's column
// and the increase are not targets.
const tasksByYearLines = `关于扩大青少年科学营规模的意见
一、逐年扩大，分步实施
各省要从现有营员规模基础上，逐年扩大，2030年达到3000人的规模（见附表）。
附表：
青少年科学营扩大规模计划表
单位：人
省份
2027年营员人数
增加
分年度任务
2028年
2029年
2030年
合计
2400
600
2600
2800
3000
甲省
120
30
130
140
150
乙省
80（试点）
20
90
95
100
`

func TestTasksByYearCellLines(t *testing.T) {
	got := joinCellLines(tasksByYearLines)
	if len([]rune(got)) != len([]rune(tasksByYearLines)) {
		t.Fatal("the text changed length")
	}
	var rows []string
	for _, l := range strings.Split(got, "\n") {
		if strings.Contains(l, "\t") {
			rows = append(rows, strings.ReplaceAll(l, "\t", "|"))
		}
	}
	want := []string{"省份|2027年营员人数|增加|分年度任务|2028年|2029年|2030年", "合计|2400|600|2600|2800|3000", "甲省|120|30|130|140|150", "乙省|80（试点）|20|90|95|100"}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	doc, err := Ingest(strings.NewReader(tasksByYearLines))
	if err != nil {
		t.Fatal(err)
	}
	w := "3000 人 = - 2030 | 2600 人 = - 2028 | 2800 人 = - 2029 | 3000 人 = - 2030 | 130 人 = - 2028 | 140 人 = - 2029 | 150 人 = - 2030 | " +
		"90 人 = - 2028 | 95 人 = - 2029 | 100 人 = - 2030"
	if got := readings(doc.Indicators); got != w {
		t.Errorf("got  %q\nwant %q", got, w)
	}
	// the same header on one line (a .docx's rows, tabs apart)
	tabbed := "关于扩大青少年科学营规模的意见\n一、逐年扩大\n单位：人\n省份\t2027年营员人数\t增加\t分年度任务\t2028年\t2029年\t2030年\n甲省\t120\t30\t130\t140\t150\n"
	if doc, err = Ingest(strings.NewReader(tabbed)); err != nil {
		t.Fatal(err)
	}
	if got := readings(doc.Indicators); got != "130 人 = - 2028 | 140 人 = - 2029 | 150 人 = - 2030" {
		t.Errorf("tabbed: got %q", got)
	}
	// years that no title calls tasks, in a document of no stated time,
	// stay a table of figures by year, not of targets
	plain := strings.Replace(tasksByYearLines, "分年度任务\n", "", 1)
	if doc, err = Ingest(strings.NewReader(plain)); err != nil {
		t.Fatal(err)
	}
	if got := readings(doc.Indicators); got != "3000 人 = - 2030" {
		t.Errorf("untitled years: got %q", got)
	}
}

// A sentence's base named with a noun between 现有 and 基础 (从现有规模基础上)
// is where growth starts, not a statement of the past; a clause opening
// with a year of the 1990s dates its target in a document of that time; 列
// counts trains; 年人均 is per year.
func TestSixthBatchSentences(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"科普大篷车从现有车辆规模基础上逐步扩大，到2028年达到200辆的规模。", "200 辆 = - 2028"},
		{"在现有科普场馆基础上，新建科技馆5座。", "5 座 = - 2030"},
		// what exists, without a base: still the past
		{"全市现有科普场馆120座。", "? 120 座 = - 2030"},
		{"开行科普专列30列以上。", "30 列 >= - 2030"},
		{"科普志愿者年人均服务时长达到20小时以上。", "20 小时 >= year 2030"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
	doc := "关于扩大少年科学院规模的请示\n一、扩大规模\n少年科学院从现有招生规模基础上，逐步扩大，1998年达到2000人的规模。\n"
	if got := readDoc(t, doc); got != "2000 人 = - 1998" {
		t.Errorf("a year of the 1990s opening the clause: got %q", got)
	}
}

// A circular or a letter that reports what was done (…给予表扬的通报,
// …建议办理情况的函) commits to nothing: its numbers are proposed. One that
// issues or forwards a text (印发…的通知, 转发…的函) wraps a plan and is read
// as one.
func TestDoneReport(t *testing.T) {
	tests := []struct {
		lines string
		want  bool
	}{
		{"某市人民政府办公室关于对科普工作\n先进集体给予表扬的通报\n某政办发〔2026〕8号", true},
		{"某省人民政府办公厅\n关于某市在考察工作时所提问题\n和建议办理情况的函\n某办函〔2026〕5号", true},
		{"某省人民政府办公厅关于印发某省科普应急预案的函\n某办函〔2026〕6号", false},
		{"某市科普工作情况的通报。全市新建科普站30个。", false},
		{"某市科协2026年工作要点\n一、重点工作", false},
	}
	for _, tt := range tests {
		if got := doneReport(strings.Split(tt.lines, "\n")); got != tt.want {
			t.Errorf("%q: got %v", tt.lines, got)
		}
	}
	doc := "某市人民政府办公室关于对科普工作\n先进集体给予表扬的通报\n各区人民政府：\n一、先进做法\n1.甲区推出3个科普品牌，新建科普站20个。\n"
	if got := readDoc(t, doc); got != "? 3 个 = - 0 | ? 20 个 = - 0" {
		t.Errorf("a circular: got %q", got)
	}
}

// A measure with no period of its own is in force for the years it states
// (本政策自…起施行，有效期3年; 有效期至2027年12月31日): its targets without a
// year of their own are due by then.
func TestValidityEnd(t *testing.T) {
	tests := []struct {
		lines string
		want  int
	}{
		{"一、科普券\n本政策自2026年7月10日起施行，有效期3年。", 2029},
		{"本措施自 2027 年 1 月 1 日起执行，有效期 3 年。", 2029},
		{"本措施自印发之日起实施，有效期至2028年12月31日。", 2028},
		{"某科协〔2026〕12号\n本政策措施自印发之日起实行，有效期两年。", 2028},
		{"2026年5月8日\n本方案自印发之日起施行，\n有效期3年。", 2029},
		{"本方案自发布之日起施行，有效期\n两年。", 0}, // no date of issue anywhere
		{"第二十一条 本细则自2026年7月1日起施行，有效期5年。", 2031},
		{"2026年3月2日\n（二）本方案由市科协负责解释，自印发之日起施行，有效期两年。", 2028},
		// the validity of a part, or of what the text governs: none
		{"本方案中涉及的奖补措施有效期至2027年12月31日。", 0},
		{"登记结果有效期为三年，自赋码之日起计算。", 0},
	}
	for _, tt := range tests {
		got := validityEnd(strings.Split(normalize(tt.lines), "\n"))
		if g := 0; got != nil && *got != tt.want || got == nil && tt.want != g {
			t.Errorf("%q: got %v, want %d", tt.lines, got, tt.want)
		}
	}
	doc := "某市支持科普产业发展若干措施\n一、科普券\n设立每年总额500万元的科普券。发放总规模不超过2000万元的科普消费券。\n二、附则\n本措施自2026年7月10日起施行，有效期3年。\n"
	if got := readDoc(t, doc); got != "500 元×10000 = year 2029 | 2000 元×10000 <= - 2029" {
		t.Errorf("got %q", got)
	}
}

// 年人均 gives its own clause a period, not the sentence's; years from one to
// another opening a clause date it by the last.
func TestSixthBatchPeriods(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"科普志愿者年人均服务时长达到20小时，参与科普活动达到15万人次。", "20 小时 = year 2030 | 15 人次×10000 = - 2030"},
		{"2026年—2028年共评选科普示范基地10家以上。", "10 家 >= - 2028"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// headingSpans is the section tree of text, one section an item: level,
// number and the span the heading covers.
func headingSpans(t *testing.T, text string) string {
	t.Helper()
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	secs := sectionLines(doc, func(s *Section) string {
		return fmt.Sprintf("%d %s %s", s.Level, s.Number, string([]rune(text)[s.Start:s.End]))
	})
	return strings.Join(secs, " | ")
}

// Headings as converters leave them: top numbers that lost their 、 (一 科普
// 阵地, read only where 一 and 二 both stand so, in order), a number's
// brackets spaced out (（ 2） …), a point read as a bullet (1•…); and a
// glossary's numbered definitions (（1）科普站是指…) are no headings.
func TestConvertedHeadings(t *testing.T) {
	text := "某市科普工作要点\n一 夯实科普阵地建设\n（一）新建科普场馆\n1.建设科技馆\n新建科技馆2座。\n" +
		"二 壮大科普人才队伍\n（一）培养科普讲解员\n培训讲解员100名。\n"
	want := "1 一 一 夯实科普阵地建设 | 2 (一) （一）新建科普场馆 | 3 1 1.建设科技馆 | 1 二 二 壮大科普人才队伍 | 2 (一) （一）培养科普讲解员"
	if got := headingSpans(t, text); got != want {
		t.Errorf("lost 、\n got %s\nwant %s", got, want)
	}
	// one such line alone is no heading (一 and a space start other things)
	text = "某市科普工作要点\n一、重点工作\n（一）科普阵地\n一 年内新建科技馆2座。\n二、保障措施\n"
	if got := headingSpans(t, text); got != "1 一 一、重点工作 | 2 (一) （一）科普阵地 | 1 二 二、保障措施" {
		t.Errorf("one line: got %s", got)
	}
	text = "某市科普标准体系建设指南\n一、体系结构\n1•科普设施标准\n( 1) 科技馆标准\n（ 2） 科普站标准\n二、术语\n（1）科普站是指面向公众开展科普活动的场所。\n（2）服务层是面向公众提供科普服务的层级。\n"
	want = "1 一 一、体系结构 | 2 1 1•科普设施标准 | 3 (1) ( 1) 科技馆标准 | 3 (2) （ 2） 科普站标准 | 1 二 二、术语"
	if got := headingSpans(t, text); got != want {
		t.Errorf("converted\n got %s\nwant %s", got, want)
	}
}

// A value with no unit that an indicator is brought to (PUE降至1.25以内) is
// a target when it is a decimal after a verb of level and before a
// comparator; a whole number there stays unread.
func TestIndexValue(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"新建数据中心电能利用效率(PUE)降至1.25以内。", "1.25  <= - 2030"},
		{"科普场馆能耗强度指数达到0.8以下。", "0.8  <= - 2030"},
		{"科普排名达到3以上。", ""},
		{"版本升级到2.5以上。", ""},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// A threshold first reached is what a grant is for, though the 的 closing
// the condition was lost; a count of events before its noun is that count,
// not a class's size; a count inside the qualifier of what a later count
// counts names its scope; a row number and a code apart between spaces are
// no quantity in GB; the total an annual plan's budget gives is set by it.
func TestSixthBatchClasses(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"对科普产业营业收入首次达到10亿元、20亿元、50科普产业园区，分别给予最高100万元奖励。", ""},
		{"每年为学校提供1000次以上科普服务，举办100场以上科普讲座。", "1000 次 >= year 2030 | 100 场 >= year 2030"},
		{"制定团体标准50项以上，其中服务16个产业集群的标准不少于20项。", "50 项 >= - 2030 | ? 16 个 = - 2030 | 20 项 >= - 2030"},
		{"12 TB 科普资源 智慧场馆 数字展品规范 13 GB 科普设施 科技馆建设规范", ""},
		{"建成科普资源库，存储容量达到500 TB。", "500 TB = - 2030"},
		// a PDF's space before the comparator after the unit
		{"科普投入占比达到 50％ 左右，新建科普站 30 个 以上。", "50 % approx - 2030 | 30 个 >= - 2030"},
		// a size before its noun stays a proposal
		{"引进5000万元以上科普项目。", "? 5000 元×10000 >= - 2030"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
	doc := "某市科协2026年工作要点\n一、重点工作\n上述5个领域，市财政预算安排资金除重叠部分外，支持总额为3.5亿元。\n"
	if got := readDoc(t, doc); got != "? 5 个 = - 2026 | 3.5 元×1e+08 = - 2026" { // (上述5个: restated, proposed)
		t.Errorf("an annual budget's total: got %q", got)
	}
}
