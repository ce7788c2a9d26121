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
