package plan

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLineEnds(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"一、总体要求\r\n到2025年", "一、总体要求 \n到2025年"},
		{"一、总体要求\r到2025年\r", "一、总体要求\n到2025年\n"},
		{"甲\r\r\n乙", "甲\n \n乙"},
		{"no line end", "no line end"},
	} {
		got := lineEnds(c.in)
		if got != c.want {
			t.Errorf("lineEnds(%q) = %q, want %q", c.in, got, c.want)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(c.in) {
			t.Errorf("lineEnds(%q) moved the offsets: %d runes, was %d", c.in, utf8.RuneCountInString(got), utf8.RuneCountInString(c.in))
		}
	}
}

// A plan saved with an old Mac's line ends (a lone CR) reads as one with LF:
// its headings are sections and its targets are read where they stand.
func TestPlanWithCarriageReturns(t *testing.T) {
	text := "关于科普工作的实施方案\n一、总体目标\n到2027年，全市建成科普示范基地30个，培育科普志愿者5000名。\n二、保障措施\n加强组织领导。\n"
	lf, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, sep := range []string{"\r", "\r\n"} {
		doc, err := Ingest(strings.NewReader(strings.ReplaceAll(text, "\n", sep)))
		if err != nil {
			t.Fatalf("%q: %v", sep, err)
		}
		if len(doc.Sections) != len(lf.Sections) || len(doc.Sections) != 2 {
			t.Errorf("%q: %d sections, with LF %d (want 2)", sep, len(doc.Sections), len(lf.Sections))
		}
		if len(doc.Indicators) != 2 || len(lf.Indicators) != 2 {
			t.Fatalf("%q: %d targets, with LF %d (want 2)", sep, len(doc.Indicators), len(lf.Indicators))
		}
		for i, in := range doc.Indicators {
			if in.Text != lf.Indicators[i].Text || *in.Value != *lf.Indicators[i].Value || *in.DeadlineYear != 2027 {
				t.Errorf("%q: target %d read %q %v by %v, with LF %q", sep, i, in.Text, *in.Value, *in.DeadlineYear, lf.Indicators[i].Text)
			}
		}
	}
}
