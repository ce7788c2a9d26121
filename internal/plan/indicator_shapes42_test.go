package plan

import (
	"strings"
	"testing"
)

// Wave 24's rules (tune42-T, D202), each on a text of our own.

// A chapter, its first section and the section's first item set on one
// line, each after a gap of two spaces (a text with every 。 removed):
// each is a heading of its own, and the paragraph after the last gap is
// text, not a heading.
func TestShapes42SectionsAfterGap(t *testing.T) {
	text := "某省国民经济和社会发展第七个五年计划\n" +
		"第三章\u00a0\u00a0工\u3000业\u3000\u3000第一节\u00a0\u00a0工业的基本建设\u3000\u3000（一）基本建设计划是五年计划的中心\u3000\u3000以重工业为主的基本建设，到1990年投资达到500亿元\n" +
		"第四章\u3000交通运输\u3000\u3000第一节\u3000发展目标\u3000\u30001990年，全省货运总量达到9亿吨\n" +
		"五、科学技术\u3000\u3000第二十三章\u3000科技发展战略\u3000\u3000（1）推广科技成果，加速新技术的转移\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(sectionLines(doc, func(s *Section) string { return s.Number + " " + s.Title }), " | ")
	for _, want := range []string{"第三章 工 业", "第一节 工业的基本建设", "(一) 基本建设计划是五年计划的中心",
		"第四章 交通运输", "第一节 发展目标", "五 科学技术", "第二十三章 科技发展战略", "(1) 推广科技成果"} {
		if !strings.Contains(got, want) {
			t.Errorf("sections %q, want %q among them", got, want)
		}
	}
	if strings.Contains(got, "以重工业") || strings.Contains(got, "1990年") {
		t.Errorf("sections %q: the paragraph after the gap read as a heading", got)
	}
	for _, tc := range []struct{ line, rest string }{
		{"第三章\u00a0\u00a0工\u3000业\u3000\u3000第一节\u00a0\u00a0工业的基本建设", "第一节\u00a0\u00a0工业的基本建设"},
		{"第一节\u3000发展目标\u3000\u30001990年，全省货运总量达到9亿吨", ""}, // a figure opens the paragraph
		{"第一节\u3000发展目标\u3000\u30001.加快建设", ""},            // 1. may be a number
		{"（一）在发展生产的前提下，改善结构\u3000\u3000（二）加快发展", ""},       // a sentence, not a title, before the gap
		{"加强组织领导\u3000\u3000（一）健全机构", ""},                  // no heading before the gap
		{"第二章 总体要求  第一节 指导思想", "第一节 指导思想"},
	} {
		k := gapHeading(tc.line)
		if got := tc.line[k:]; k == 0 && tc.rest != "" || k > 0 && got != tc.rest {
			t.Errorf("gapHeading(%q) = %d (%q), want the rest %q", tc.line, k, got, tc.rest)
		}
	}
}

// A text that writes its numbers digit by digit in Chinese characters, a
// middle dot for the point (the 1st five-year plan's shape): each read as
// the digits it stands for; a numeral in words, and a text with fewer such
// numbers, read as before.
func TestShapes42DigitByDigit(t *testing.T) {
	text := "某省第一个五年计划\n一、基本任务\n" +
		"到一九五七年，全省钢产量达到四一二·二万吨。\n" +
		"到一九五七年，全省原煤产量达到一一二·九八五万吨，比一九五二年增长百分之四○·九。\n" +
		"到一九五七年，全省发电量达到一五九·○亿度，比一九五二年增长百分之一一·七。\n" +
		"到一九五七年，全省工人职员人数达到二、一○二万人。\n" +
		"到一九五七年，全省水泥产量达到六○○万吨。\n" +
		"到一九五七年，全省粮食产量达到三、八五六·二万吨。\n" +
		"到一九五七年，全省棉纱产量达到一千五百万件。\n"
	got := strings.Join(shapes40Read(t, text), " | ")
	for _, want := range []string{"412.2 吨 ×10000", "112.985 吨 ×10000", "40.9 %", "159 度 ×1e+08", "11.7 %",
		"2102 人 ×10000", "600 吨 ×10000", "1500 件 ×10000"} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want %s read", got, want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"七六六·四亿元", "766.4亿元"},
		{"百分之四○·九", "百分之40.9"},
		{"二、一○二万人", "2,102万人"},
		{"三、八五六·二亿斤", "3,856.2亿斤"},
		{"百分之七，一", "百分之7.1"},
		{"六·九亿元", "6.9亿元"},
		{"一千五百万件", "一千五百万件"}, // a numeral in words
		{"二十一·五", "二十一·五"},
		{"三亿元", "三亿元"},       // one digit alone: a numeral as any
		{"一、二级医院", "一、二级医院"}, // 、 before one digit: a list
		{"第一二章", "第一二章"},
	} {
		if got := placeDigits(tc.in); got != tc.want {
			t.Errorf("placeDigits(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if placeDigitText("增长三四个百分点，达到五·一") {
		t.Errorf("a text with one middle dot read as written digit by digit")
	}
	if got := strings.Join(shapes40Read(t, "某省规划\n一、目标\n到2025年，全省新建科技馆三四十座，研发投入增长三四个百分点。\n"), " | "); strings.Contains(got, "34") {
		t.Errorf("got %q: 三四 read as 34 in a text that writes no number digit by digit", got)
	}
}
