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

// BoundTargets lists the targets bound to a source that measure the orgs
// asked for, of plans that are not drafts, with both the plan's org and the
// measured org inside the scope; AssessYear rates a year's value by the
// plan's own trajectory.
func TestBoundTargets(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sourceSets, func(t *testing.T, d *db.DB) {
		orgs := org.NewStore(d, std.Regions())
		root, _ := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince})
		city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
		peer, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
		const key = "survey.literacy.rate"
		zero := func(context.Context, access.Scope, measure.Period) (float64, error) { return 0, nil }
		reg, err := measure.NewRegistry([]measure.Source{{Key: key, Label: "x", Unit: "%", Kind: measure.Share, Value: zero},
			{Key: "survey.other", Label: "y", Unit: "%", Kind: measure.Share, Value: zero}})
		if err != nil {
			t.Fatal(err)
		}
		ps := plan.NewStore(d, orgs)
		ps.SetSources(reg)
		save := func(owner org.Org, title string, publish bool, ind plan.Indicator) (int64, int64) {
			t.Helper()
			doc := &plan.Doc{Title: title, Period: plan.Period{Start: ptr(2021), End: ptr(2025)},
				Sections: []*plan.Section{{Number: "一", Title: "目标", Level: 1}}, Indicators: []plan.Indicator{ind}}
			id, err := ps.Save(ctx, owner.ID, doc, "p.txt", "", nil)
			if err != nil {
				t.Fatal(err)
			}
			if publish {
				if err := ps.Publish(ctx, id); err != nil {
					t.Fatal(err)
				}
			}
			p, _ := ps.Get(ctx, id)
			return id, p.Indicators[0].ID
		}
		lit := func(v float64, base *plan.Baseline) plan.Indicator {
			return plan.Indicator{Text: "公民具备科学素质的比例", Section: []string{"一"}, Metric: "公民具备科学素质的比例", Comparator: ">=",
				Value: ptr(v), Unit: "%", DeadlineYear: ptr(2025), Baseline: base}
		}
		bind := func(planID, indID, orgID int64, k string) {
			t.Helper()
			if err := ps.Bind(ctx, plan.BindInput{PlanID: planID, IndicatorID: indID, Key: k, OrgID: orgID, Scope: access.Everywhere()}); err != nil {
				t.Fatal(err)
			}
		}
		provPlan, provInd := save(root, "全省科学素质规划", true, lit(15, &plan.Baseline{Value: 10, Year: 2020}))
		bind(provPlan, provInd, 0, key)
		// The province also sets the city a target of its own.
		provCity, provCityInd := save(root, "全省分市目标", true, lit(14, nil))
		bind(provCity, provCityInd, city.ID, key)
		cityPlan, cityInd := save(city, "攀枝花市科学素质规划", true, lit(12, &plan.Baseline{Value: 8, Year: 2020}))
		bind(cityPlan, cityInd, 0, key)
		draft, draftInd := save(peer, "滁州草稿", false, lit(11, nil))
		bind(draft, draftInd, 0, key)
		other, otherInd := save(peer, "滁州其他", true, lit(50, nil))
		bind(other, otherInd, 0, "survey.other")

		ids := []int64{root.ID, city.ID, peer.ID}
		got, err := ps.BoundTargets(ctx, key, access.Everywhere(), ids)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, x := range got {
			names = append(names, x.PlanTitle)
		}
		if len(got) != 3 || got[0].PlanID != provPlan || got[0].OrgID != root.ID || got[0].IndicatorID != provInd ||
			*got[0].Value != 15 || got[0].Baseline.Value != 10 || *got[0].DeadlineYear != 2025 || got[0].PlanOrgName != "省科协" {
			t.Fatalf("everywhere: %v %+v", names, got)
		}
		if got[1].OrgID != city.ID || got[2].OrgID != city.ID {
			t.Errorf("city's targets: %+v", got[1:])
		}
		// The city sees its own plan's target; the province's plan lies outside its subtree.
		got, _ = ps.BoundTargets(ctx, key, access.Subtrees(city.Path), ids)
		if len(got) != 1 || got[0].PlanID != cityPlan {
			t.Errorf("city scope: %+v", got)
		}
		// Only the orgs asked for; nothing for the zero scope.
		if got, _ := ps.BoundTargets(ctx, key, access.Everywhere(), []int64{peer.ID}); len(got) != 0 {
			t.Errorf("peer: %+v (a draft and another source)", got)
		}
		if got, _ := ps.BoundTargets(ctx, key, access.Scope{}, ids); got != nil {
			t.Errorf("zero scope: %+v", got)
		}
		// The trajectory from 10% (2020) to 15% (2025): 13% in 2023 is on
		// track, 11% behind, 15% achieved; still short after the deadline is behind.
		got, _ = ps.BoundTargets(ctx, key, access.Subtrees(root.Path), []int64{root.ID})
		now := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
		for _, c := range []struct {
			v    float64
			year int
			now  time.Time
			want plan.Status
		}{{13, 2023, now, plan.OnTrack}, {11, 2023, now, plan.Behind}, {15.2, 2023, now, plan.Achieved},
			{14, 2025, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), plan.Behind}} {
			if a := got[0].AssessYear(c.v, c.year, c.now); a.Status != c.want {
				t.Errorf("%v%% in %d: %s, want %s", c.v, c.year, a.Status, c.want)
			}
		}
	})
}
