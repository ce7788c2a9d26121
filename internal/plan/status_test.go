package plan

import (
	"testing"
	"time"
)

func TestAssess(t *testing.T) {
	mid := time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC)
	after := time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)
	pctTo8 := Indicator{Comparator: "approx", Value: f64(8), DeadlineYear: iptr(2020)}
	withBase := Indicator{Comparator: ">=", Value: f64(15.5), DeadlineYear: iptr(2025), Baseline: &Baseline{Value: 10.56, Year: 2020}}
	yearly := Indicator{Comparator: ">=", Value: f64(1), Per: strp("year")}
	ceiling := Indicator{Comparator: "<=", Value: f64(5), Baseline: &Baseline{Value: 9, Year: 2015}, DeadlineYear: iptr(2020)}
	rangeT := Indicator{Comparator: "range", Low: f64(3), High: f64(5)}
	cases := []struct {
		name  string
		ind   Indicator
		r     *Reading
		now   time.Time
		want  Status
		start int
	}{
		{"no reading", pctTo8, nil, mid, None, 2016},
		// Line from 0 at the end of 2015 to 8 at the end of 2020: 4.8 expected at the end of 2018.
		{"ahead of the line", pctTo8, &Reading{Value: 5, Year: 2018}, mid, OnTrack, 2016},
		{"a little behind", pctTo8, &Reading{Value: 4.2, Year: 2018}, mid, AtRisk, 2016},
		{"far behind", pctTo8, &Reading{Value: 2, Year: 2018}, mid, Behind, 2016},
		{"approx reached", pctTo8, &Reading{Value: 7.9, Year: 2019}, mid, Achieved, 2016},
		{"deadline missed", pctTo8, &Reading{Value: 7, Year: 2020}, after, Behind, 2016},
		// From 10.56 (2020) to 15.5 (2025): 11.55 expected at the end of 2021.
		{"baseline on track", withBase, &Reading{Value: 11.6, Year: 2021}, mid, OnTrack, 2021},
		{"baseline behind", withBase, &Reading{Value: 10.7, Year: 2021}, mid, Behind, 2021},
		{"quarter of a yearly target", yearly, &Reading{Value: 0, Year: 2019, Quarter: 1}, mid, Behind, 2016},
		{"yearly met", yearly, &Reading{Value: 1, Year: 2019}, mid, OnTrack, 2016},
		{"yearly met in the last year", yearly, &Reading{Value: 2, Year: 2020}, after, Achieved, 2016},
		{"ceiling reached", ceiling, &Reading{Value: 4.5, Year: 2019}, mid, Achieved, 2016},
		{"ceiling on the way", ceiling, &Reading{Value: 7, Year: 2017}, mid, OnTrack, 2016},
		{"ceiling going the wrong way", ceiling, &Reading{Value: 9.5, Year: 2017}, mid, Behind, 2016},
		{"range low end reached", rangeT, &Reading{Value: 3, Year: 2019}, mid, Achieved, 2016},
	}
	for _, c := range cases {
		a := c.ind.Assess(c.r, c.start, 2020, c.now)
		if a.Status != c.want {
			t.Errorf("%s: status %s (expected %.2f, progress %.2f), want %s", c.name, a.Status, a.Expected, a.Progress, c.want)
		}
		if a.Progress < 0 || a.Progress > 1 {
			t.Errorf("%s: progress %v out of 0..1", c.name, a.Progress)
		}
	}
	var r Rollup
	r.Add(Assessment{Status: Achieved, Progress: 1})
	r.Add(Assessment{Status: Behind, Progress: 0.2})
	if r.Total != 2 || r.Count("achieved") != 1 || r.Percent() != 60 {
		t.Errorf("rollup %+v percent %d", r, r.Percent())
	}
}
