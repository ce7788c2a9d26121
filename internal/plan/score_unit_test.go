package plan

import "testing"

// TestScoreUnit: the scorer takes computing power's spellings for one unit
// and every other unit as written.
func TestScoreUnit(t *testing.T) {
	v := 100.0
	read := func(unit string) Indicator {
		return Indicator{Start: 10, End: 14, Value: &v, Unit: unit, BaseUnit: unit, Multiplier: 1}
	}
	lb := func(unit string) label { return label{Start: 10, End: 14, Value: &v, Unit: unit, Multiplier: 1} }
	for _, c := range []struct {
		read, label string
		want        bool
	}{
		{"PFLOPS", "P", true},
		{"PFLOPS", "PFlops", true},
		{"EFLOPS", "Eflops", true},
		{"EFLOPS", "EFLOPS", true},
		{"EFLOPS", "P", false},
		{"个", "家", false},
		{"ms", "MS", false},
	} {
		if got := matches(read(c.read), lb(c.label)); got != c.want {
			t.Errorf("read %q, labelled %q: match %v, want %v", c.read, c.label, got, c.want)
		}
	}
}
