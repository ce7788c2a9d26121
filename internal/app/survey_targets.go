package app

import (
	"context"
	"time"

	"kexie/internal/access"
	"kexie/internal/plan"
	"kexie/internal/survey"
)

// surveyTargets hands the literacy dashboard the plan targets bound to the
// literacy rate, rated by the plan module's own trajectory rule.
func surveyTargets(ps *plan.Store) survey.TargetFinder {
	return func(ctx context.Context, scope access.Scope, orgIDs []int64) ([]survey.Target, error) {
		bound, err := ps.BoundTargets(ctx, survey.LiteracySource, scope, orgIDs)
		if err != nil {
			return nil, err
		}
		out := make([]survey.Target, 0, len(bound))
		for _, b := range bound {
			out = append(out, surveyTarget(b))
		}
		return out, nil
	}
}

func surveyTarget(b plan.BoundTarget) survey.Target {
	t := survey.Target{PlanID: b.PlanID, IndicatorID: b.IndicatorID, PlanTitle: b.PlanTitle, PlanOrg: b.PlanOrgName, OrgID: b.OrgID,
		Comparator: b.Comparator, DeadlineYear: b.EndYear}
	if b.DeadlineYear != nil && *b.DeadlineYear > 0 {
		t.DeadlineYear = *b.DeadlineYear
	}
	if b.Comparator == "range" {
		if b.Low != nil {
			t.Value = *b.Low
		}
		if b.High != nil {
			t.High = *b.High
		}
	} else if b.Value != nil {
		t.Value = *b.Value
	}
	if b.Baseline != nil {
		t.HasBase, t.BaseValue, t.BaseYear = true, b.Baseline.Value, b.Baseline.Year
	}
	t.Assess = func(value float64, year int, now time.Time) (string, float64) {
		a := b.AssessYear(value, year, now)
		return string(a.Status), a.Expected
	}
	return t
}
