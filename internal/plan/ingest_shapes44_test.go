package plan

import (
	"slices"
	"strings"
	"testing"
)

// Wave 26's rules (tune44-T, D208), each on a text of our own.

// sectionNumbers is the numbers of every section Ingest reads in text, in
// document order, each after its parents' (一/(一)/1).
func sectionNumbers(t *testing.T, text string) []string {
	t.Helper()
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func([]*Section, string)
	walk = func(ss []*Section, path string) {
		for _, s := range ss {
			got = append(got, path+s.Number)
			walk(s.Children, path+s.Number+"/")
		}
	}
	walk(doc.Sections, "")
	return got
}

// A heading whose bold a copy closed and opened again between its number
// and its point (**4****．****加强…。**…) is numbered as **4．加强…。** is.
func TestShapes44EmptyBoldAroundPoint(t *testing.T) {
	text := "某省电力保障行动方案（2026—2028年）\n\n**一、主要行动**\n\n**（一）实施供应保障行动**\n\n" +
		"**1．****建设支撑电源。**到2028年，新增装机300万千瓦。\n\n" +
		"**2****．****扩大外电送入。**到2028年，外电送入达到800万千瓦。\n\n" +
		"**3****.****提升****储备****能力。**到2028年，储气能力达到5亿立方米。\n\n" +
		"**（二）实施服务提升行动**\n\n" +
		"**1****、****完善充电设施。**到2028年，建成充电桩4万个。\n\n" +
		"**二****、****保障措施**\n\n加强组织领导。\n"
	got := sectionNumbers(t, text)
	want := []string{"一", "一/(一)", "一/(一)/1", "一/(一)/2", "一/(一)/3", "一/(二)", "一/(二)/1", "二"}
	if !slices.Equal(got, want) {
		t.Errorf("sections: got %q, want %q", got, want)
	}
}
