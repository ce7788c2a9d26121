package plan

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Shapes of development data read by wave 23's rules (tune41-T, D199);
// each text is our own. shapes40Read lists what a text's targets read.

// A Chinese numeral with a 万 or 亿 inside it (五万七千六百亿元, 一亿四千万
// 千瓦时, 一亿零五百万吨) is one number, counted in the magnitude word that
// ends it; a unit that opens with 千 after 万 (一百万千瓦) is no numeral
// (tune41-T).
func TestShapes41LargeChineseNumerals(t *testing.T) {
	text := "某省国民经济和社会发展第九个五年计划\n一、主要目标\n" +
		"到2000年，全省生产总值达到五万七千六百亿元，发电量达到一亿四千万千瓦时。\n" +
		"到2000年，原油产量达到一亿零五百万吨，粮食产量达到十二亿九千八百万吨。\n" +
		"到2000年，新增装机一百万千瓦，新增就业三万人。\n"
	got := shapes40Read(t, text)
	wantAmong(t, got, "57600 元 ×1e+08 [五万七千六百亿元]", "14000 千瓦时 ×10000 [一亿四千万千瓦时]",
		"10500 吨 ×10000 [一亿零五百万吨]", "129800 吨 ×10000 [十二亿九千八百万吨]",
		"100 千瓦 ×10000 [一百万千瓦]", "3 人 ×10000 [三万人]")
}

// A Chinese numeral's decimals after 点 are read digit by digit (六点八万
// 公里, 百分之十五点五, 千分之十点八三); 点 with no digit after it is no
// point (tune41-T).
func TestShapes41ChineseDecimals(t *testing.T) {
	text := "某省国民经济和社会发展第九个五年计划\n一、主要目标\n" +
		"到2000年，铁路营业里程达到六点八万公里，森林覆盖率达到百分之十五点五。\n" +
		"到2000年，人口自然增长率控制在千分之十点八三，原油加工能力达到二点二四亿吨。\n" +
		"到2000年，新建重点实验室三个。\n"
	got := shapes40Read(t, text)
	wantAmong(t, got, "6.8 公里 ×10000 [六点八万公里]", "15.5 % ×1 [百分之十五点五]", "10.83 ‰ ×1 [千分之十点八三]",
		"2.24 吨 ×1e+08 [二点二四亿吨]", "3 个 ×1 [三个]")
}

// A share written out after another quantity (由百分之四十二提高到百分之六十)
// is no bare magnitude naming what a count before it counts (1000个千亩
// 高产片 stays one): 百分之 is a share (tune41-T).
func TestShapes41WrittenShareAfterQuantity(t *testing.T) {
	text := "某省国民经济和社会发展第九个五年计划\n一、主要目标\n" +
		"到2000年，彩电普及率由百分之四十二提高到百分之六十，电话普及率由百分之五提高到百分之十二。\n" +
		"到2000年，建设1000个千亩高产片。\n"
	got := shapes40Read(t, text)
	wantAmong(t, got, "60 % ×1 [百分之六十]", "12 % ×1 [百分之十二]", "1000 个 ×1 [1000个]")
	if len(got) != 3 {
		t.Errorf("got %q, want three targets", got)
	}
}

// A text whose lines are its sentences with every 。 removed (a hundred
// prose lines, none ending on a stop or a comma) ends a sentence at each
// line's end: a target's sentence is its own line, not the line before run
// on into it; a text whose lines end on stops still joins a line broken
// inside a sentence (tune41-T).
func TestShapes41LinesAreSentences(t *testing.T) {
	var b strings.Builder
	b.WriteString("某省国民经济和社会发展第九个五年计划\n一、主要目标\n")
	words := []rune("推进改革开放和现代化建设加强基础设施建设和生态环境保护提高人民生活水平和质量")
	for i := range 120 { // (lines of many lengths: no page's width)
		fmt.Fprintf(&b, "　　坚持方针和原则，%s\n", string(words[:i*7%30+4]))
	}
	b.WriteString("陆上坚持稳住东部和发展西部的方针\n五年新增石油探明储量38亿吨\n二、保障措施\n加强组织领导\n")
	doc, err := Ingest(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, ind := range doc.Indicators {
		if ind.Value != nil && *ind.Value == 38 {
			found = true
			if ind.Text != "五年新增石油探明储量38亿吨" {
				t.Errorf("sentence %q, want its own line", ind.Text)
			}
		}
	}
	if !found {
		t.Errorf("no 38亿吨 read")
	}
	got := shapes40Read(t, "某省国民经济和社会发展第九个五年计划\n一、主要目标\n到2000年，全省新建科技馆\n20座。\n二、保障措施\n加强组织领导。\n")
	if !slices.Contains(got, "20 座 ×1 [20座]") {
		t.Errorf("got %q, want 20座 read across the line's end", got)
	}
}

// A range whose ends are in two magnitudes (四亿九千万～五亿吨, 9000万至1.2亿元)
// is one range counted in the higher; ends in one magnitude (3000万至5000万吨)
// read as before (tune41-T).
func TestShapes41RangeAcrossMagnitudes(t *testing.T) {
	text := "某省国民经济和社会发展第九个五年计划\n一、主要目标\n" +
		"到2000年，粮食产量达到四亿九千万～五亿吨，投资9000万至1.2亿元，新增3000万至5000万吨。\n"
	got := shapes40Read(t, text)
	wantAmong(t, got, "4.9–5 吨 ×1e+08 [四亿九千万～五亿吨]", "0.9–1.2 元 ×1e+08 [9000万至1.2亿元]", "3000–5000 吨 ×10000 [3000万至5000万吨]")
}

// A title of results under a section of goals (（三）奋斗目标 › 5．转变经济
// 增长方式取得成效) is one of the goals, not a review: its figures are
// targets; 取得成效 under a review stays the past (tune41-T).
func TestShapes41ResultsUnderGoals(t *testing.T) {
	text := "某省国民经济和社会发展第九个五年计划\n一、“九五”期间的奋斗目标\n（一）主要奋斗目标\n1．转变经济增长方式取得成效，整体素质进一步提高\n" +
		"到2000年，全社会劳动生产率平均每年提高6.5%，年均节能率达到5%。\n" +
		"二、“八五”期间的回顾\n（一）改革开放取得成效\n全省新建科技馆20座。\n"
	got := shapes40Read(t, text)
	wantAmong(t, got, "6.5 % ×1 [6.5%]", "5 % ×1 [5%]")
	if slices.Contains(got, "20 座 ×1 [20座]") {
		t.Errorf("got %q: 20座 is under a review", got)
	}
}

// A Chinese numeral below two with a fraction (一点七吨标准煤) is a number,
// not the word 一 (一批, 一次): it is read, at least proposed (tune41-T).
func TestShapes41ChineseDecimalBelowTwo(t *testing.T) {
	text := "某省国民经济和社会发展第九个五年计划\n一、主要目标\n" +
		"到2000年，吨钢综合能耗力争降到一点四五吨标准煤以下，建成一批重点实验室。\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []float64
	for _, ind := range doc.Indicators {
		if ind.Value != nil {
			got = append(got, *ind.Value)
		}
	}
	if !slices.Contains(got, 1.45) || slices.Contains(got, 1) {
		t.Errorf("values %v, want 1.45 read and no 一批", got)
	}
}

// A list of numbers whose measure 个百分点 is written once at its end
// (分别提高3个和4个百分点) gives each its points; a list of counts in 个
// (公园3个、绿道5个) stays in 个 (tune41-T).
func TestShapes41PointsListed(t *testing.T) {
	text := "某省国民经济和社会发展第十一个五年规划\n一、主要目标\n" +
		"到2010年，服务业增加值比重和就业比重分别提高 3 个和 4 个百分点，新建公园3个、绿道5个。\n"
	got := shapes40Read(t, text)
	wantAmong(t, got, "3 个百分点 ×1 [3 个]", "4 个百分点 ×1 [4 个百分点]", "3 个 ×1 [3个]", "5 个 ×1 [5个]")
}

// A heading whose paragraph runs on after a gap of two spaces on its line
// (第四十一章　加强公共安全体系建设　　适应公共安全形势变化的新特点)
// is titled up to the gap: the paragraph's words (形势) make no review of
// it, and its targets are read; a letter-spaced title (概  述) stays whole
// (tune41-T).
func TestShapes41TitleBeforeGap(t *testing.T) {
	if got := titleOf("加强公共安全体系建设  适应公共安全形势变化的新特点"); got != "加强公共安全体系建设" {
		t.Errorf("title %q", got)
	}
	if got := titleOf("概  述"); got != "概  述" {
		t.Errorf("letter-spaced title %q", got)
	}
	text := "某省国民经济和社会发展第十二个五年规划\n第一章　加强公共安全体系建设　　适应公共安全形势变化的新特点\n" +
		"到2015年，生产安全事故死亡率下降36%。\n第二章　保障措施\n加强组织领导。\n"
	if got := shapes40Read(t, text); !slices.Contains(got, "36 % ×1 [36%]") {
		t.Errorf("got %q, want 36%% read", got)
	}
}
