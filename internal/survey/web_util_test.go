package survey

import (
	"encoding/csv"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestServeCSVNoFormulas: a free-text answer that a spreadsheet would run
// as a formula is exported after an apostrophe; numbers, negative ones
// too, and ordinary text are exported as they are.
func TestServeCSVNoFormulas(t *testing.T) {
	rec := httptest.NewRecorder()
	in := [][]string{{"id", "q1"}, {"1", `=HYPERLINK("http://evil.example","点我")`}, {"2", "+1-2"}, {"3", "@SUM(A1)"}, {"4", "-5"},
		{"5", "-1,200.5"}, {"6", "\t=1"}, {"7", "科普讲座很好"}, {"8", "- 很好"}, {"9", ""}}
	if err := serveCSV(rec, "x.csv", in); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(rec.Body.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"q1", `'=HYPERLINK("http://evil.example","点我")`, "'+1-2", "'@SUM(A1)", "-5", "-1,200.5", "'\t=1", "科普讲座很好", "'- 很好", ""}
	for i, r := range rows {
		if r[1] != want[i] {
			t.Errorf("row %d: %q, want %q", i, r[1], want[i])
		}
	}
}
