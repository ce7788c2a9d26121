package plan

import (
	"strings"
	"testing"
)

// A count that opens a list of its items is proposed; the count the plan
// says as such stays asserted (wave 19, tune37-T; a text of our own).
func TestListCounts(t *testing.T) {
	text := "某区2027年重大工程建设计划\n\n一、总体安排\n\n2027年安排市政设施类项目5个，其中计划新开工3个、计划建成2个。\n\n3个计划新开工项目分别是：东江路改建工程、西岭路新建工程、南湖泵站工程。\n\n9个项目分别为：\n\n1.东江路改建工程。\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	asserted := map[string]bool{}
	for _, ind := range doc.Indicators {
		at := string(rs[ind.Start:ind.End])
		if ind.Candidate {
			at += " (proposed)"
		}
		asserted[at] = true
	}
	for _, w := range []string{"5个", "3个", "2个"} {
		if !asserted[w] {
			t.Errorf("%s not asserted: %v", w, asserted)
		}
	}
	for _, opening := range []string{"3个计划新开工项目分别是", "9个项目分别为"} {
		at := len([]rune(text[:strings.Index(text, opening)]))
		found := false
		for _, ind := range doc.Indicators {
			if ind.Start == at {
				found = true
				if !ind.Candidate {
					t.Errorf("%s… opens a list of its items: asserted", opening)
				}
			}
		}
		if !found {
			t.Errorf("%s…: not read", opening)
		}
	}
}
