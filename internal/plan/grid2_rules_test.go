package plan

import "testing"

// Rules the second grid (grid2_test.go) showed, on sentences written here.

// A web page's no-break and zero-width spaces are spaces: a number and its
// unit they part still read (they read as nothing before).
func TestWebSpacesRead(t *testing.T) {
	for _, body := range []string{
		"推进科普设施建设，新建科普驿站35\u00a0个。",
		"推进科普设施建设，新建35\u200b个科普驿站。",
		"推进科普设施建设，新建\ufeff35\u2060个科普驿站。",
	} {
		doc, err := ingestText(g2Shell(g2Case{text: body}), nil)
		if err != nil {
			t.Fatal(err)
		}
		asserted, _ := assertedAndProposed(doc)
		if len(asserted) != 1 || asserted[0].Value == nil || *asserted[0].Value != 35 || asserted[0].Unit != "个" {
			t.Errorf("%q: read %+v, want 35 个", body, asserted)
		}
	}
}

// A deadline alone on its line before a colon, written after an item's
// text, leads in the next items of the same list: they are due its year,
// not an earlier lead-in's (ingest_leadin.go).
func TestLeadInAfterItem(t *testing.T) {
	body := "力争到2027年：\n1.新建科普驿站35个。\n\n到2028年，主要目标是：\n2.新建科普驿站45个。\n3.新增科普讲解员60名。\n（1）新建科普书屋8个。"
	doc, err := ingestText(g2Shell(g2Case{text: body}), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[float64]int{35: 2027, 45: 2028, 60: 2028, 8: 2028}
	for _, ind := range doc.Indicators {
		if ind.Value == nil || ind.DeadlineYear == nil || want[*ind.Value] != *ind.DeadlineYear {
			t.Errorf("%q due %d, want %d", ind.Text, gridYear(ind.DeadlineYear), want[*ind.Value])
		}
		delete(want, *ind.Value)
	}
	if len(want) > 0 {
		t.Errorf("not read: %v", want)
	}
}

// A browser's printout header with the time said in the 12-hour way
// (2026/3/12 上午10:15 …) is furniture, not text glued into the sentence it
// falls in: a comparator and a number it parts still read as one.
func TestPrintHeaderHalfDay(t *testing.T) {
	for _, body := range []string{
		"推进科普设施建设，新建科普驿站不少于\n2026/4/2 下午3:08 某区科普设施建设三年行动计划\n35个。",
		"推进科普设施建设，新建科普驿站不少于3\n2026/4/2 上午 9:41 某区科普设施建设三年行动计划\n5个。",
	} {
		doc, err := ingestText(g2Shell(g2Case{text: body}), nil)
		if err != nil {
			t.Fatal(err)
		}
		asserted, _ := assertedAndProposed(doc)
		if len(asserted) != 1 || asserted[0].Value == nil || *asserted[0].Value != 35 || asserted[0].Comparator != ">=" {
			t.Errorf("%q: read %+v, want >= 35 个", body, asserted)
		}
	}
}
