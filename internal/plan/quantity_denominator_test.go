package plan

import (
	"strings"
	"testing"
)

// A magnitude right after a slash is the rate's denominator (40点/百平方公里,
// 3辆/千人), never a quantity of its own (wave 19, tune37-T; a text of our
// own).
func TestRateDenominatorNoQuantity(t *testing.T) {
	text := "某区监测网络建设方案\n\n一、工作目标\n\n到2027年，全区监测设施密度不低于40点/百平方公里，新城不低于50点/百平方公里。\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	for _, ind := range doc.Indicators {
		if span := string(rs[ind.Start:ind.End]); strings.HasPrefix(span, "百") {
			t.Errorf("%q read as a quantity (%s)", span, flatReading(ind))
		}
	}
}
