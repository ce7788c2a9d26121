package main

import (
	"context"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/app"
	"kexie/internal/org"
	"kexie/internal/plan"
	"kexie/internal/survey"
)

// seedLiteracyTargets gives the province and each of its cities a
// published plan whose literacy target (a baseline in 2020, a goal for
// 2025) is bound to the literacy rate of its org, as the dashboard's
// targets column reads them. It returns the targets bound.
func seedLiteracyTargets(ctx context.Context, a *app.App, root org.Org) (int, error) {
	cities, _, err := a.Orgs.List(ctx, org.Filter{Scope: access.Everywhere(), Type: org.TypeCity, Limit: 1000})
	if err != nil {
		return 0, err
	}
	n := 0
	for i, o := range append([]org.Org{root}, cities...) {
		start, end, deadline := 2021, 2025, 2025
		goal := 12 + float64(i%5)
		doc := &plan.Doc{Title: fmt.Sprintf("%s全民科学素质行动实施方案（2021—2025年）", o.Name), Period: plan.Period{Start: &start, End: &end},
			Sections: []*plan.Section{{Number: "一", Title: "发展目标", Level: 1}},
			Indicators: []plan.Indicator{{Text: fmt.Sprintf("公民具备科学素质的比例达到%v%%", goal), Section: []string{"一"},
				Metric: "公民具备科学素质的比例", Comparator: ">=", Value: &goal, Unit: "%", DeadlineYear: &deadline,
				Baseline: &plan.Baseline{Value: 8, Year: 2020}}}}
		id, err := a.Plans.Save(ctx, o.ID, doc, "plan.txt", "", nil)
		if err != nil {
			return n, err
		}
		if err := a.Plans.Publish(ctx, id); err != nil {
			return n, err
		}
		p, err := a.Plans.Get(ctx, id)
		if err != nil {
			return n, err
		}
		if err := a.Plans.Bind(ctx, plan.BindInput{PlanID: id, IndicatorID: p.Indicators[0].ID, Key: survey.LiteracySource, Scope: access.Everywhere()}); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
