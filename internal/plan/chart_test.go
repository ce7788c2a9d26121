package plan

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
)

func chartLabel(key string, _ ...any) string { return key }

func chartIndicator(goal float64) StoredIndicator {
	deadline := 2025
	return StoredIndicator{Indicator: Indicator{Metric: "公民具备科学素质比例", Comparator: ">=", Value: &goal, Unit: "%",
		DeadlineYear: &deadline, Baseline: &Baseline{Value: 10.5, Year: 2020}}}
}

func accepted(year int, v float64) Entry {
	return Entry{Reading: Reading{Value: v, Year: year}, State: "accepted"}
}

// TestIndicatorChart: the option is the platform's encoding (web.ChartJSON)
// with a year per point from the baseline to the deadline, the accepted
// values, the straight line to the target and the target across; a value
// that cannot be encoded leaves the page without a chart instead of an
// empty "{}" that draws a blank frame.
func TestIndicatorChart(t *testing.T) {
	p := Plan{StartYear: 2021, EndYear: 2025}
	got := indicatorChart(chartLabel, p, chartIndicator(15), []Entry{accepted(2022, 12.9), accepted(2023, 13.6)})
	var opt struct {
		XAxis  struct{ Data []string } `json:"xAxis"`
		YAxis  struct{ Max float64 }   `json:"yAxis"`
		Series []struct {
			Name     string
			Data     []*float64
			MarkLine *struct{ Data []map[string]float64 } `json:"markLine"`
		}
	}
	if err := json.Unmarshal([]byte(got), &opt); err != nil {
		t.Fatalf("indicator chart %q: %v", got, err)
	}
	if years := strings.Join(opt.XAxis.Data, ","); years != "2020,2021,2022,2023,2024,2025" {
		t.Errorf("years %s", years)
	}
	if len(opt.Series) != 2 || opt.Series[0].Name != "plan.chart.actual" || opt.Series[1].Name != "plan.chart.expected" {
		t.Fatalf("series %+v", opt.Series)
	}
	show := func(xs []*float64) string {
		var out []string
		for _, x := range xs {
			if x == nil {
				out = append(out, "-")
			} else {
				out = append(out, fmt.Sprint(*x))
			}
		}
		return strings.Join(out, " ")
	}
	if a := show(opt.Series[0].Data); a != "- - 12.9 13.6 - -" {
		t.Errorf("actual %s", a)
	}
	if e := opt.Series[1].Data; len(e) != 6 || e[0] == nil || e[5] == nil || *e[5] != 15 {
		t.Errorf("expected %s", show(e))
	}
	if m := opt.Series[0].MarkLine; m == nil || len(m.Data) != 1 || m.Data[0]["yAxis"] != 15 {
		t.Errorf("target line %+v", m)
	}
	if opt.YAxis.Max < 15 {
		t.Errorf("axis max %v below the target", opt.YAxis.Max)
	}

	if got := indicatorChart(chartLabel, p, chartIndicator(15), []Entry{accepted(2022, math.NaN())}); got != "" {
		t.Errorf("a value that cannot be encoded gave %q, want no chart", got)
	}
	if got := indicatorChart(chartLabel, p, chartIndicator(math.Inf(1)), nil); got != "" {
		t.Errorf("an infinite target gave %q, want no chart", got)
	}
}

// TestCompareChart: one bar per plan, its progress toward its own target in
// percent (a province's 500 beside a city's 15 would not compare), coloured
// by status; a plan with nothing reported, or a value that cannot be
// encoded, has no bar.
func TestCompareChart(t *testing.T) {
	city, prov := Reading{Value: 13.1, Year: 2024}, Reading{Value: 450, Year: 2024}
	rows := []Comparison{{PlanOrg: "攀枝花市科协", Task: Task{StoredIndicator: chartIndicator(15)}},
		{PlanOrg: "滁州市科协", Task: Task{StoredIndicator: chartIndicator(16)}},
		{PlanOrg: "四川省科协", Task: Task{StoredIndicator: chartIndicator(500)}}}
	rows[0].Latest, rows[0].Assessment = &city, Assessment{Status: OnTrack, Progress: 0.578}
	rows[2].Latest, rows[2].Assessment = &prov, Assessment{Status: AtRisk, Progress: 0.9}
	got := compareChart(chartLabel, rows)
	var opt struct {
		XAxis  struct{ Data []string } `json:"xAxis"`
		YAxis  struct{ Max float64 }   `json:"yAxis"`
		Series []struct {
			Data []*struct {
				Value     int
				ItemStyle struct{ Color string } `json:"itemStyle"`
			}
		}
	}
	if err := json.Unmarshal([]byte(got), &opt); err != nil {
		t.Fatalf("compare chart %q: %v", got, err)
	}
	if strings.Join(opt.XAxis.Data, ",") != "攀枝花市科协,滁州市科协,四川省科协" || opt.YAxis.Max != 100 || len(opt.Series) != 1 {
		t.Fatalf("compare chart %s", got)
	}
	d := opt.Series[0].Data
	if d[0] == nil || d[0].Value != 58 || d[0].ItemStyle.Color != statusColors[OnTrack] || d[1] != nil ||
		d[2] == nil || d[2].Value != 90 || d[2].ItemStyle.Color != statusColors[AtRisk] {
		t.Errorf("compare chart %s", got)
	}
	// One org's two targets are told apart by their metrics.
	rows[1].PlanOrg = "攀枝花市科协"
	if err := json.Unmarshal([]byte(compareChart(chartLabel, rows)), &opt); err != nil || opt.XAxis.Data[0] != "攀枝花市科协\n公民具备科学素质比例" || opt.XAxis.Data[2] != "四川省科协" {
		t.Errorf("one org's two targets: %q (%v)", opt.XAxis.Data, err)
	}
	bad := Reading{Value: math.NaN(), Year: 2024}
	rows[1].Latest = &bad
	if got := compareChart(chartLabel, rows); !strings.Contains(got, `"data":[{`) || strings.Contains(got, "NaN") {
		t.Errorf("a value that cannot be encoded: %q, want the chart without its bar", got)
	}
}

// TestSortComparisons: by progress, by status worst first (ties keep the
// org tree's order), reversed with "-", and the tree's order as read.
func TestSortComparisons(t *testing.T) {
	mk := func(org string, st Status, p float64) Comparison {
		c := Comparison{PlanOrg: org}
		c.Status, c.Progress = st, p
		return c
	}
	rows := func() []Comparison {
		return []Comparison{mk("省", OnTrack, 0.5), mk("甲市", Behind, 0.1), mk("乙市", None, 0), mk("丙市", Achieved, 1), mk("丁市", Behind, 0.2)}
	}
	order := func(rs []Comparison) string {
		var b strings.Builder
		for _, r := range rs {
			b.WriteString(r.PlanOrg)
		}
		return b.String()
	}
	for key, want := range map[string]string{
		"org": "省甲市乙市丙市丁市", "-org": "丁市丙市乙市甲市省",
		"progress": "乙市甲市丁市省丙市", "-progress": "丙市省丁市甲市乙市",
		"status": "甲市丁市省丙市乙市", "-status": "乙市丙市省甲市丁市",
	} {
		rs := rows()
		sortComparisons(rs, key)
		if got := order(rs); got != want {
			t.Errorf("sort %s: %s, want %s", key, got, want)
		}
	}
}
