package plan

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A flattened table's header where a year heads a column and also dates
// a target column (2025年 | 2025年目标值): the header is read by each
// column's year, never past the year columns (it once indexed past them
// and ingestion panicked on such a table).
func TestFlatHeaderYearTwice(t *testing.T) {
	start := 2026
	for _, c := range []struct {
		words []string
		ok    bool // false: every column is before the plan starts, where things stand
	}{
		{[]string{"指标", "2025年", "2025年目标值"}, false},
		{[]string{"指标", "2027年", "2027年目标值", "2028年"}, true},
	} {
		if _, ok := flatHeaderCols(c.words, &start); ok != c.ok {
			t.Errorf("%v: read as a header %v, want %v", c.words, ok, c.ok)
		}
	}
	text := "某市科普工作三年行动方案（2026-2028年）\n\n一、主要目标\n\n到2028年，科普能力明显提升。\n\n" +
		"主要指标\n\n序号\n指标\n2027年\n2027年目标值\n2028年\n" +
		"1\n科普场馆（个）\n10\n12\n15\n" +
		"2\n科普志愿者（万人）\n3\n4\n5\n\n二、重点任务\n\n（一）建设科普阵地。\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, fmt.Sprintf("%s %g %s %d", ind.Metric, *ind.Value, ind.Unit, *ind.DeadlineYear))
	}
	want := []string{"科普场馆 10 个 2027", "科普场馆 12 个 2027", "科普场馆 15 个 2028", "科普志愿者 3 万人 2027", "科普志愿者 4 万人 2027", "科普志愿者 5 万人 2028"}
	if !slices.Equal(got, want) {
		t.Errorf("read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
