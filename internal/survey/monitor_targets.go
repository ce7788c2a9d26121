package survey

import (
	"context"
	"sort"
	"strconv"
	"time"

	"kexie/internal/access"
)

// Target is a plan target on a region's science-literacy rate: a target
// bound to LiteracySource whose binding measures the region's org. The
// plan module owns targets; app hands them over through UseTargets, so
// this module never reads the plan tables.
type Target struct {
	PlanID, IndicatorID int64
	PlanTitle, PlanOrg  string
	OrgID               int64  // the region whose rate it targets
	Comparator          string // ">=", "<=", "approx", "=", "range"
	Value, High         float64
	DeadlineYear        int // the deadline, else the plan's last year
	// Baseline, when the plan names one, starts the trajectory.
	HasBase   bool
	BaseValue float64
	BaseYear  int
	// Assess rates a rate (percent) of a survey year by the plan's own
	// rule at now: achieved, on_track, at_risk or behind, and the value
	// the trajectory expects for that year.
	Assess func(value float64, year int, now time.Time) (status string, expected float64)
}

// TargetFinder lists the targets bound to LiteracySource that measure one
// of orgIDs, of plans (not drafts) whose org and measured org both lie
// within scope.
type TargetFinder func(ctx context.Context, scope access.Scope, orgIDs []int64) ([]Target, error)

// UseTargets gives the store the plan targets to show on the dashboard.
func (s *Store) UseTargets(f TargetFinder) { s.targets = f }

// TargetStatus is a target with the region's latest rate rated against it.
type TargetStatus struct {
	Target
	Status   string  // achieved, on_track, at_risk, behind; none without a rate
	Year     int     // the survey year rated
	Rate     float64 // its rate, percent
	Expected float64 // the trajectory's value for that year, percent
}

// GoalS is the target as shown: "≥15%", "12%–15%".
func (t Target) GoalS() string {
	v := num(t.Value) + "%"
	switch t.Comparator {
	case ">=":
		return "≥" + v
	case "<=":
		return "≤" + v
	case "approx":
		return "≈" + v
	case "range":
		return v + "–" + num(t.High) + "%"
	}
	return v
}

// ExpectedS is the trajectory's value as shown.
func (t TargetStatus) ExpectedS() string { return Pct(t.Expected) }

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// rateTargets rates each target against its region's latest surveyed
// rate: the root's figures for a target on the root, a child region's
// for one on the child.
func rateTargets(ts []Target, root Region, m *Monitor, now time.Time) map[int64][]TargetStatus {
	series := map[int64]map[int]Rate{root.ID: m.Overall}
	for _, rr := range m.Regions {
		series[rr.ID] = rr.ByYear
	}
	out := map[int64][]TargetStatus{}
	for _, t := range ts {
		ts := TargetStatus{Target: t, Status: "none"}
		by := series[t.OrgID]
		var years []int
		for y, r := range by {
			if r.N > 0 {
				years = append(years, y)
			}
		}
		sort.Ints(years)
		if len(years) > 0 && t.Assess != nil {
			ts.Year = years[len(years)-1]
			ts.Rate = float64(int(by[ts.Year].P*1000+0.5)) / 10
			ts.Status, ts.Expected = t.Assess(ts.Rate, ts.Year, now)
		}
		out[t.OrgID] = append(out[t.OrgID], ts)
	}
	return out
}

// monitorTargets finds and rates the targets of the dashboard's root and
// regions, within scope.
func (s *Store) monitorTargets(ctx context.Context, scope access.Scope, root Region, m *Monitor) error {
	if s.targets == nil {
		return nil
	}
	ids := []int64{root.ID}
	for _, rr := range m.Regions {
		ids = append(ids, rr.ID)
	}
	ts, err := s.targets(ctx, scope, ids)
	if err != nil {
		return err
	}
	m.Targets = rateTargets(ts, root, m, s.db.Now())
	return nil
}
