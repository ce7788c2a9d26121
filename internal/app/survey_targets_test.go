package app

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/plan"
	"kexie/internal/survey"
)

// The wiring hands the literacy dashboard the plan targets bound to the
// literacy rate: a city's target, bound through the plan page's form,
// shows on the province's dashboard beside the city's rate, linked to the
// target and rated; a range's low end is its goal, a target without a
// deadline runs to the plan's last year.
func TestSurveyTargetsWiring(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	newSurveyFixture(t, ta) // 2026: one literate response in each city
	bg := context.Background()
	start, end, goal := 2024, 2028, 18.0
	doc := &plan.Doc{Title: "攀枝花市全民科学素质提升实施方案", Period: plan.Period{Start: &start, End: &end},
		Sections: []*plan.Section{{Number: "一", Title: "发展目标", Level: 1}},
		Indicators: []plan.Indicator{{Text: "公民具备科学素质的比例达到18%", Section: []string{"一"}, Metric: "公民具备科学素质的比例",
			Comparator: ">=", Value: &goal, Unit: "%"}}}
	planID, err := ta.Plans.Save(bg, ta.city.ID, doc, "方案.txt", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Plans.Publish(bg, planID); err != nil {
		t.Fatal(err)
	}
	p, _ := ta.Plans.Get(bg, planID)
	indID := p.Indicators[0].ID
	staff, _ := ta.user(t, "citystaff", access.OrgStaff, ta.city)
	if res, _ := staff.post(fmt.Sprintf("/plans/%d/indicators/%d/source", planID, indID), url.Values{"source": {survey.LiteracySource}}); res.StatusCode >= 400 {
		t.Fatalf("bind: %d", res.StatusCode)
	}
	prov, _ := ta.user(t, "provstaff", access.OrgStaff, ta.root)
	_, body := prov.get("/surveys/literacy")
	text := html.UnescapeString(body)
	for _, want := range []string{fmt.Sprintf(`href="/plans/%d/indicators/%d">攀枝花市全民科学素质提升实施方案</a>`, planID, indID), "≥18%", "（2028 年）", "st-achieved"} {
		if !strings.Contains(text, want) {
			t.Errorf("the province's dashboard lacks %q", want)
		}
	}
	// A member, who files no plan progress, sees the target by name, not a
	// link the plan module would answer with 403 (uxwalk, ux48).
	member, _ := ta.user(t, "citymember", access.Member, ta.city)
	_, body = member.get("/surveys/literacy")
	text = html.UnescapeString(body)
	if !strings.Contains(text, "攀枝花市全民科学素质提升实施方案") || strings.Contains(text, fmt.Sprintf("/plans/%d/indicators/%d", planID, indID)) {
		t.Errorf("a member's dashboard: the target is missing or links to a page the member may not open")
	}

	low, high := 12.0, 15.0
	b := plan.BoundTarget{PlanID: 1, IndicatorID: 2, PlanTitle: "x", OrgID: 3, StartYear: 2021, EndYear: 2025,
		Indicator: plan.Indicator{Comparator: "range", Low: &low, High: &high, Baseline: &plan.Baseline{Value: 8, Year: 2020}}}
	got := surveyTarget(b)
	if got.Value != 12 || got.High != 15 || got.DeadlineYear != 2025 || !got.HasBase || got.BaseValue != 8 || got.BaseYear != 2020 || got.GoalS() != "12%–15%" {
		t.Errorf("adapted: %+v", got)
	}
	now := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	status, expected := got.Assess(9, 2023, now)
	if a := b.AssessYear(9, 2023, now); status != string(a.Status) || expected != a.Expected {
		t.Errorf("assess %s %v, the plan's %+v", status, expected, a)
	}
}
