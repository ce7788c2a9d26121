package plan

import (
	"strings"
	"testing"
)

// Wave 24's rules (tune42-T, D202), each on a text of our own.

// sectionNumbers is the numbers of a document's sections, depth first,
// each with its title.
func sectionNumbers(doc *Doc) []string {
	var out []string
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			out = append(out, s.Number+" "+s.Title)
			walk(s.Children)
		}
	}
	walk(doc.Sections)
	return out
}

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
	got := strings.Join(sectionNumbers(doc), " | ")
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
