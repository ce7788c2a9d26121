package plan_test

import (
	"context"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/plan"
	"kexie/internal/std"
)

// TestBoundRateWithNoBase: a target bound to a rate that has nothing to
// measure yet (measure.NoBase: no survey so far) has no reading and no
// status — not 0 % and behind — and its periods before the first survey
// show —; the first measured period is a reading like any other.
func TestBoundRateWithNoBase(t *testing.T) {
	ctx := context.Background()
	cst := time.FixedZone("CST", 8*3600)
	dbtest.Run(t, sourceSets, func(t *testing.T, d *db.DB) {
		orgs := org.NewStore(d, std.Regions())
		city, err := orgs.Create(ctx, org.Input{Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
		if err != nil {
			t.Fatal(err)
		}
		surveyed := time.Date(2026, 1, 1, 0, 0, 0, 0, cst) // the first survey's year
		reg, err := measure.NewRegistry([]measure.Source{{Key: "survey.literacy.rate", Label: "survey.measure.literacy", Unit: "%",
			Kind: measure.Share, AsOf: true, Value: func(_ context.Context, s access.Scope, p measure.Period) (float64, error) {
				if s.None() {
					return 0, nil
				}
				if p.To.After(surveyed) {
					return 12.5, nil
				}
				return measure.NoBase, nil
			}}})
		if err != nil {
			t.Fatal(err)
		}
		ps := plan.NewStore(d, orgs)
		ps.SetSources(reg)
		now := time.Date(2025, 11, 10, 9, 0, 0, 0, cst)
		ps.SetClock(func() time.Time { return now })
		doc := &plan.Doc{Title: "攀枝花市全民科学素质行动实施方案（2024—2027年）", Period: plan.Period{Start: ptr(2024), End: ptr(2027)},
			Sections: []*plan.Section{{Number: "一", Title: "目标", Level: 1}},
			Indicators: []plan.Indicator{{Text: "公民具备科学素质的比例达到15%", Section: []string{"一"}, Metric: "公民具备科学素质的比例",
				Comparator: ">=", Value: ptr(15.0), Unit: "%", DeadlineYear: ptr(2027)}}}
		planID, err := ps.Save(ctx, city.ID, doc, "p.txt", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := ps.Get(ctx, planID)
		if err := ps.Bind(ctx, plan.BindInput{PlanID: planID, IndicatorID: p.Indicators[0].ID, Key: "survey.literacy.rate",
			Scope: access.Subtrees(city.Path)}); err != nil {
			t.Fatal(err)
		}
		p, _ = ps.Get(ctx, planID)
		if got := p.Indicators[0]; got.Latest != nil || got.Status != plan.None {
			t.Errorf("before any survey: latest %+v, status %s; want no reading and no status", got.Latest, got.Status)
		}
		series, err := ps.Computed(ctx, p, p.Indicators[0])
		if err != nil || len(series) == 0 {
			t.Fatalf("computed %+v, %v", series, err)
		}
		for _, r := range series {
			if r.Shown() != "—" {
				t.Errorf("%d Q%d shows %q before any survey, want —", r.Year, r.Quarter, r.Shown())
			}
		}

		now = time.Date(2026, 5, 10, 9, 0, 0, 0, cst)
		p, _ = ps.Get(ctx, planID)
		if got := p.Indicators[0]; got.Latest == nil || got.Latest.Value != 12.5 || got.Status == plan.None {
			t.Errorf("after the survey: latest %+v, status %s; want 12.5 and a status", got.Latest, got.Status)
		}
	})
}
