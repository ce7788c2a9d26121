package plan

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// shapes40Read is what Ingest asserts from text: each target as its value,
// base unit and the text it was read from (from its start as written).
// wantAmong checks that each of want is among the readings got.
func wantAmong(t *testing.T, got []string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("want %q among %q", w, got)
		}
	}
}

func shapes40Read(t *testing.T, text string) []string {
	t.Helper()
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	var got []string
	for _, ind := range doc.Targets() {
		v := "-"
		switch {
		case ind.Value != nil:
			v = fmt.Sprintf("%g", *ind.Value)
		case ind.Low != nil && ind.High != nil:
			v = fmt.Sprintf("%g–%g", *ind.Low, *ind.High)
		}
		got = append(got, fmt.Sprintf("%s %s ×%g [%s]", v, ind.BaseUnit, ind.Multiplier, string(rs[ind.Start:ind.End])))
	}
	return got
}

// An OCR'd scan's numbers (a decimal point printed as a spaced middle dot
// or a comma before a share's last digit, thousands grouped by a full-width
// comma) are read as the numbers meant, where they were written; the same
// words typed cleanly keep their reading (tune40-T).
func TestShapes40OCRNumbers(t *testing.T) {
	const head = "某省科技事业发展计划\n一、主要指标\n" +
		"（扫描件：1g85年，1L 7万人次，3H00项。）\n" // three numbers OCR misread: the notice fires
	text := head +
		"1985年，科普经费达到10，300万元，比1980年增长21，7％。\n" +
		"1985年，科技人员达到2 · 5万人，培训人次增长 16 · 3％。\n" +
		"1985年，科普经费占财政支出的比重达到1 · 2 ‰，出生率控制在19‰。\n" +
		"五年内，科普讲座达到7，000万一9，000万人次，完成500一700个县的科普站建设。\n"
	want := []string{
		"10300 元 ×10000 [10，300万元]",
		"21.7 % ×1 [21，7％]",
		"2.5 人 ×10000 [2 · 5万人]",
		"16.3 % ×1 [16 · 3％]",
		"1.2 % ×1 [1 · 2 ‰]",
		"7000–9000 人次 ×10000 [7，000万一9，000万人次]",
		"500–700 个 ×1 [500一700个]",
	}
	got := shapes40Read(t, text)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("OCR'd: want %q among %q", w, got)
		}
	}
	// typed cleanly (no number looks misread): nothing is repaired
	clean := "某省科技事业发展计划\n一、主要指标\n" +
		"2025年，开展“3·15”宣传活动，举办1，2，3号展厅活动，科普经费达到1，300万元。\n"
	doc, err := Ingest(strings.NewReader(clean))
	if err != nil {
		t.Fatal(err)
	}
	if doc.OCR != nil {
		t.Fatalf("the clean text looks OCR'd: %+v", doc.OCR)
	}
	if got := shapes40Read(t, clean); slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "1300 ") }) {
		t.Errorf("clean: 1，300万元 read as one number: %q", got)
	}
}

// ocrRepair rewrites rune for rune: the number moves to the end of what
// was written, so offsets hold.
func TestShapes40OCRRepairInPlace(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"增长27 · 7％，", "增长  27.7％，"},
		{"为261 · 1亿元", "为  261.1亿元"},
		{"增长21，7％", "增长21.7％"},
		{"达到10，300亿元", "达到 10300亿元"},
		{"13，000，000人", "  13000000人"},
		{"分别为1，2，3个", "分别为1，2，3个"},
		{"1981，300", "1981，300"},
		{"增长5，12个", "增长5，12个"},
		{"由53，7万吨减少", "由53.7万吨减少"},
		{"面积达到7，5平方米", "面积达到7.5平方米"},
		{"封山育林1. 8亿亩", "封山育林 1.8亿亩"},
		{"1. 5G网络", "1. 5G网络"},
		{"增长1.8％", "增长1.8％"},
		{"平均每年增长4 · 9。", "平均每年增长4.9％ 。"},
		{"由41 · 2％降为35 · 7。", "由  41.2％降为35.7％ 。"},
		{"人均10 · 0。", "人均  10.0。"},
		{"增长3·15。", "增长3.15。"},
		{"占总支出的6 · 3 ‰比", "占总支出的  6.3 ％比"},
		{"出生率控制在19‰", "出生率控制在19‰"},
		{"完成500一700个县", "完成500—700个县"},
		{"达到7，000万一9，000万吨", "达到 7000万 —9000万吨"},
		{"一1一2", "一1—2"},
	} {
		got := ocrRepair(c.in)
		if got != c.want {
			t.Errorf("ocrRepair(%q) = %q, want %q", c.in, got, c.want)
		}
		if len([]rune(got)) != len([]rune(c.in)) {
			t.Errorf("ocrRepair(%q) changed the length", c.in)
		}
	}
}

// A plan titled by the earlier five-year plans' names written out
// (第六个五年计划, 十年规划和第八个五年计划纲要) runs those five years: its
// targets are due at their end (tune40-T).
func TestShapes40FiveYearPlanName(t *testing.T) {
	for _, c := range []struct {
		text       string
		title      string
		start, end int
	}{
		{"中华人民共和国\n国民经济和社会发展第六个五年计划\n一、基本任务\n五年内，新建科技馆20座。\n", "国民经济和社会发展第六个五年计划", 1981, 1985},
		{"某省国民经济和社会发展十年规划和第八个五年计划纲要\n一、主要目标\n五年内，新建科技馆20座。\n", "某省国民经济和社会发展十年规划和第八个五年计划纲要", 1991, 1995},
		{"某省国民经济和社会发展第九个五年计划和2010年远景目标纲要\n一、主要目标\n五年内，新建科技馆20座。\n", "某省国民经济和社会发展第九个五年计划和2010年远景目标纲要", 1996, 2000},
	} {
		doc, err := Ingest(strings.NewReader(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(doc.Title, c.title) {
			t.Errorf("title %q, want it to end %q", doc.Title, c.title)
		}
		p := doc.Period
		if p.Start == nil || p.End == nil || *p.Start != c.start || *p.End != c.end {
			t.Errorf("%s: period %v–%v, want %d–%d", c.title, deref(p.Start), deref(p.End), c.start, c.end)
		}
		ts := doc.Targets()
		if len(ts) != 1 || ts[0].DeadlineYear == nil || *ts[0].DeadlineYear != c.end {
			t.Errorf("%s: targets %+v, want one due %d", c.title, ts, c.end)
		}
	}
}

// The older measure words of output and traffic (千瓦小时, 吨公里, 万箱,
// 重量箱, 锭, 印张, 路端, 客位) end a quantity as 千瓦时 and 标箱 do
// (tune40-T).
func TestShapes40OlderMeasureWords(t *testing.T) {
	text := "某省国民经济和社会发展第九个五年计划\n一、主要指标\n" +
		"到2000年，发电量达到8100亿千瓦小时，货物周转量达到8亿吨公里，旅客周转量达到300亿人公里。\n" +
		"到2000年，卷烟产量达到600万箱，平板玻璃达到1亿重量箱，新增棉纺锭30万锭。\n" +
		"到2000年，出版图书157亿印张，新增长途自动交换设备40万路端，增加客货轮6万客位。\n"
	got := shapes40Read(t, text)
	wantAmong(t, got, "8100 千瓦小时 ×1e+08 [8100亿千瓦小时]", "8 吨公里 ×1e+08 [8亿吨公里]", "300 人公里 ×1e+08 [300亿人公里]",
		"600 箱 ×10000 [600万箱]", "1 重量箱 ×1e+08 [1亿重量箱]", "30 锭 ×10000 [30万锭]",
		"157 印张 ×1e+08 [157亿印张]", "40 路端 ×10000 [40万路端]", "6 客位 ×10000 [6万客位]")
}
