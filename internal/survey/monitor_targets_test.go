package survey_test

import (
	"context"
	"fmt"
	"html"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/plan"
	"kexie/internal/survey"
	"kexie/internal/web/webtest"
)

// targetSite serves the survey and plan modules together, the plan targets
// handed to the dashboard as app does (internal/app/survey_targets.go).
type targetSite struct {
	surveySite
	Plans *plan.Store
}

func serveTargets(t testing.TB, d *db.DB) targetSite {
	t.Helper()
	ws := webtest.New(t, d)
	s := survey.NewStore(d)
	ps := plan.NewStore(d, ws.Orgs)
	reg, err := measure.NewRegistry(s.Sources())
	if err != nil {
		t.Fatal(err)
	}
	ps.SetSources(reg)
	s.UseTargets(func(ctx context.Context, scope access.Scope, ids []int64) ([]survey.Target, error) {
		bound, err := ps.BoundTargets(ctx, survey.LiteracySource, scope, ids)
		var out []survey.Target
		for _, b := range bound {
			b := b
			out = append(out, survey.Target{PlanID: b.PlanID, IndicatorID: b.IndicatorID, PlanTitle: b.PlanTitle, PlanOrg: b.PlanOrgName,
				OrgID: b.OrgID, Comparator: b.Comparator, Value: *b.Value, DeadlineYear: *b.DeadlineYear, HasBase: b.Baseline != nil,
				BaseValue: baseValue(b.Baseline), BaseYear: baseYear(b.Baseline),
				Assess: func(v float64, y int, now time.Time) (string, float64) {
					a := b.AssessYear(v, y, now)
					return string(a.Status), a.Expected
				}})
		}
		return out, err
	})
	ws.Start(survey.Module(s, ws.Orgs, survey.Config{Key: webtest.Key("survey"), MinFill: time.Nanosecond, PostsPerMinute: -1}),
		plan.Module(ps, ws.Orgs))
	return targetSite{surveySite: surveySite{Site: ws, Surveys: s}, Plans: ps}
}

func baseValue(b *plan.Baseline) float64 {
	if b == nil {
		return 0
	}
	return b.Value
}

func baseYear(b *plan.Baseline) int {
	if b == nil {
		return 0
	}
	return b.Year
}

// literacyTarget saves and publishes (unless draft) a plan of owner with
// one literacy target and binds it to the literacy rate of the subtree of
// measured; it returns the plan's and the target's IDs.
func literacyTarget(t *testing.T, ts targetSite, owner, measured org.Org, title string, goal float64, deadline int, base *plan.Baseline, draft bool) (int64, int64) {
	t.Helper()
	ctx := context.Background()
	start, end := 2021, 2025
	doc := &plan.Doc{Title: title, Period: plan.Period{Start: &start, End: &end},
		Sections: []*plan.Section{{Number: "一", Title: "发展目标", Level: 1}},
		Indicators: []plan.Indicator{{Text: fmt.Sprintf("公民具备科学素质的比例达到%v%%", goal), Section: []string{"一"}, Metric: "公民具备科学素质的比例",
			Comparator: ">=", Value: &goal, Unit: "%", DeadlineYear: &deadline, Baseline: base}}}
	id, err := ts.Plans.Save(ctx, owner.ID, doc, "plan.txt", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !draft {
		if err := ts.Plans.Publish(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	p, err := ts.Plans.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	ind := p.Indicators[0].ID
	if err := ts.Plans.Bind(ctx, plan.BindInput{PlanID: id, IndicatorID: ind, Key: survey.LiteracySource, OrgID: measured.ID, Scope: access.Everywhere()}); err != nil {
		t.Fatal(err)
	}
	return id, ind
}

// The literacy dashboard shows beside each region's rate the plan targets
// bound to the literacy rate and measured over that region, rated against
// the region's latest rate by the plan's trajectory, linked to the
// target's page and drawn on the chart; a city sees its own plans'
// targets only, never the province's.
func TestMonitorTargets(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ts := serveTargets(t, d)
		d.Now = func() time.Time { return time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC) }
		seedLiteracy(t, ts.surveySite, ts.City.ID, 2024, true, false, false, false) // 25%
		seedLiteracy(t, ts.surveySite, ts.City.ID, 2025, true, false)               // 50%
		seedLiteracy(t, ts.surveySite, ts.Peer.ID, 2025, true, true, true)          // 100%
		provPlan, provInd := literacyTarget(t, ts, ts.Root, ts.Root, "全省科学素质提升规划", 90, 2025, nil, false)
		_, _ = literacyTarget(t, ts, ts.Root, ts.City, "全省分市科学素质目标", 40, 2025, nil, false)
		cityPlan, cityInd := literacyTarget(t, ts, ts.City, ts.City, "攀枝花市科学素质规划", 60, 2026, &plan.Baseline{Value: 20, Year: 2023}, false)
		literacyTarget(t, ts, ts.Peer, ts.Peer, "滁州市规划草稿", 99, 2025, nil, true)

		prov, _ := ts.User(t, "prov", access.OrgStaff, ts.Root)
		_, body := prov.Get("/surveys/literacy")
		text := html.UnescapeString(body)
		for _, want := range []string{
			// The overall row: the province's own target, 80% in 2025 short of 90% after 2025 is over.
			fmt.Sprintf(`href="/plans/%d/indicators/%d">全省科学素质提升规划</a>`, provPlan, provInd),
			"≥90%", `st-behind`,
			// The city: the province's target for it (40%, reached) and its own (20% in 2023 → 60% by 2026; 50% in 2025 is on the line).
			"全省分市科学素质目标", `st-achieved`, fmt.Sprintf(`href="/plans/%d/indicators/%d">攀枝花市科学素质规划</a>`, cityPlan, cityInd),
			"≥60%", "（2026 年）", `st-on_track`, "按规划进度 2025 年应达 46.7%",
			// The chart: a dashed target line per target, the axis running to the last deadline.
			`"name":"攀枝花市科学技术协会 目标 ≥60%（2026）"`, `"type":"dashed"`, `"data":["2023","2024","2025","2026"]`,
		} {
			if !strings.Contains(text, want) {
				t.Errorf("province dashboard lacks %q", want)
			}
		}
		if strings.Contains(text, "滁州市规划草稿") {
			t.Error("a draft plan's target shows")
		}
		// In English.
		_, body = prov.Get("/surveys/literacy?lang=en")
		text = html.UnescapeString(body)
		for _, want := range []string{"Plan targets", "≥60%</strong> (by 2026)", "On track", "the plan expects 46.7% in 2025", "Behind", "target ≥60% (2026)"} {
			if !strings.Contains(text, want) {
				t.Errorf("the English dashboard lacks %q", want)
			}
		}
		if res, _ := prov.Get(fmt.Sprintf("/plans/%d/indicators/%d", cityPlan, cityInd)); res.StatusCode != 200 {
			t.Errorf("the target's link: %d", res.StatusCode)
		}
		// The city's leader sees the city's own plan, not the province's.
		city, _ := ts.User(t, "city", access.OrgAdmin, ts.City)
		_, body = city.Get("/surveys/literacy")
		text = html.UnescapeString(body)
		if !strings.Contains(text, "攀枝花市科学素质规划") || strings.Contains(text, "全省") {
			t.Errorf("city dashboard targets: %s", between(text, `id="monitor-regions"`, `</section>`))
		}
		// Drilling into the city from the province shows both of its targets.
		_, body = prov.Get(fmt.Sprintf("/surveys/literacy?org=%d", ts.City.ID))
		if text = html.UnescapeString(body); !strings.Contains(text, "全省分市科学素质目标") || !strings.Contains(text, "攀枝花市科学素质规划") {
			t.Errorf("the city seen from the province: %s", between(text, `id="monitor-regions"`, `</section>`))
		}
	})
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return s
	}
	s = s[i:]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}
