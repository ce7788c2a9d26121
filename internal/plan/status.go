package plan

import (
	"math"
	"time"
)

// Status is where an indicator stands against its target.
type Status string

// Statuses, from best to worst; None means nothing accepted yet.
const (
	Achieved Status = "achieved"
	OnTrack  Status = "on_track"
	AtRisk   Status = "at_risk"
	Behind   Status = "behind"
	None     Status = "none"
)

// Statuses lists every status in display order.
func Statuses() []Status { return []Status{Achieved, OnTrack, AtRisk, Behind, None} }

// Reading is an accepted progress value for a period.
type Reading struct {
	Value   float64
	Year    int
	Quarter int // 1-4, or 0 for the whole year
}

// End is the moment the reading's period ends, in fractional years
// (2024 Q3 ends at 2024.75; the whole of 2024 at 2025.0).
func (r Reading) End() float64 {
	if r.Quarter == 0 {
		return float64(r.Year + 1)
	}
	return float64(r.Year) + float64(r.Quarter)/4
}

// endTime is the last moment of the reading's period.
func (r Reading) endTime() time.Time {
	if r.Quarter == 0 {
		return time.Date(r.Year, 12, 31, 23, 0, 0, 0, time.UTC)
	}
	return time.Date(r.Year, time.Month(r.Quarter*3), 28, 0, 0, 0, 0, time.UTC)
}

// Ordinal orders readings by period; a whole-year reading comes after Q4.
func (r Reading) Ordinal() int {
	q := r.Quarter
	if q == 0 {
		q = 5
	}
	return r.Year*10 + q
}

// Thresholds of the trajectory ratio: at or above OnTrackRatio of the
// expected progress is on track, at or above AtRiskRatio at risk, below
// that behind.
const (
	OnTrackRatio = 0.95
	AtRiskRatio  = 0.8
)

// Assessment is an indicator's status and how far it has come.
type Assessment struct {
	Status   Status
	Progress float64 // share of the way from baseline to target, 0..1
	Expected float64 // the value the trajectory expects at the reading's period
}

// target is the value that counts as reached: the value, or a range's low end.
func (i Indicator) target() (float64, bool) {
	switch i.Comparator {
	case "range":
		if i.Low != nil {
			return *i.Low, true
		}
	default:
		if i.Value != nil {
			return *i.Value, true
		}
	}
	return 0, false
}

// Assess rates the latest accepted reading of an indicator of a plan
// running from startYear to endYear, at time now.
//
// Whole-plan targets follow a straight line from the baseline (or zero at
// the end of the year before the plan starts) to the target at the end of
// the deadline year (or of the plan's last year); the reading is compared
// with the line at the end of its period. Per-year and per-two-years targets
// are compared with the target pro rata to the part of the period elapsed.
// "Not more than" targets (<=) are reached from above. A target still
// missed after its deadline is behind.
func (i Indicator) Assess(latest *Reading, startYear, endYear int, now time.Time) Assessment {
	t, ok := i.target()
	if !ok || latest == nil {
		return Assessment{Status: None}
	}
	v := latest.Value
	down := i.Comparator == "<="
	meets := func(x, goal float64) bool {
		if down {
			return x <= goal
		}
		if i.Comparator == "approx" {
			return x >= goal*0.98
		}
		return x >= goal
	}
	deadline := endYear
	if i.DeadlineYear != nil && *i.DeadlineYear > 0 {
		deadline = *i.DeadlineYear
	}
	nowYears := float64(now.Year()) + float64(now.YearDay()-1)/365
	if i.Per != nil { // the target applies to every period
		span := 1.0
		if *i.Per == "two-years" {
			span = 2
		}
		elapsed := latest.End() - float64(latest.Year) // part of the year, 0.25..1
		if span == 2 && startYear > 0 && (latest.Year-startYear)%2 == 1 {
			elapsed++
		}
		frac := elapsed / span
		expected := t * frac
		a := Assessment{Expected: expected, Progress: clamp01(ratio(v, t, down))}
		switch {
		case meets(v, t) && frac >= 1 && latest.Year >= deadline:
			a.Status = Achieved
		default:
			a.Status = grade(ratio(v, expected, down))
		}
		return a
	}
	base, baseYear := 0.0, startYear-1
	if i.Baseline != nil {
		base, baseYear = i.Baseline.Value, i.Baseline.Year
	}
	if down && i.Baseline == nil {
		// A ceiling without a known starting point: within it or not.
		a := Assessment{Expected: t, Progress: 1}
		if v <= t {
			a.Status = OnTrack
			if latest.Year >= deadline {
				a.Status = Achieved
			}
		} else {
			a.Status, a.Progress = Behind, 0
		}
		return a
	}
	from, to := float64(baseYear+1), float64(deadline+1)
	share := 1.0
	if to > from {
		share = clamp01((latest.End() - from) / (to - from))
	}
	expected := base + (t-base)*share
	a := Assessment{Expected: expected}
	if t != base {
		a.Progress = clamp01((v - base) / (t - base))
	} else if meets(v, t) {
		a.Progress = 1
	}
	switch {
	case meets(v, t):
		a.Status, a.Progress = Achieved, 1
	case nowYears >= to:
		a.Status = Behind
	case expected == base:
		a.Status = OnTrack
		if (down && v > base) || (!down && v < base) {
			a.Status = AtRisk
		}
	default:
		a.Status = grade((v - base) / (expected - base))
	}
	return a
}

// Pct is Progress in whole percent.
func (a Assessment) Pct() int { return int(math.Round(a.Progress * 100)) }

// ratio is how much of goal x is, in the indicator's direction.
func ratio(x, goal float64, down bool) float64 {
	if down {
		if x == 0 {
			return math.Inf(1)
		}
		return goal / x
	}
	if goal == 0 {
		return 1
	}
	return x / goal
}

func grade(r float64) Status {
	switch {
	case r >= OnTrackRatio:
		return OnTrack
	case r >= AtRiskRatio:
		return AtRisk
	}
	return Behind
}

func clamp01(f float64) float64 {
	if math.IsNaN(f) || f < 0 {
		return 0
	}
	if f > 1 {
		return 1
	}
	return f
}

// Rollup counts the statuses of a group of indicators (a section, a unit, a
// plan) and averages their progress.
type Rollup struct {
	Counts   map[Status]int
	Total    int
	progress float64
}

// Add counts one assessment.
func (r *Rollup) Add(a Assessment) {
	if r.Counts == nil {
		r.Counts = map[Status]int{}
	}
	r.Counts[a.Status]++
	r.Total++
	r.progress += a.Progress
}

// Percent is the mean progress in whole percent.
func (r Rollup) Percent() int {
	if r.Total == 0 {
		return 0
	}
	return int(math.Round(100 * r.progress / float64(r.Total)))
}

// Count is the number of indicators with status s (for templates).
func (r Rollup) Count(s string) int { return r.Counts[Status(s)] }
