package plan

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
)

// Binding ties a target to a live source (internal/measure): the platform
// computes the target's value per period over the subtree of an org, when
// the page is read. Nothing computed is stored, and nobody files progress
// for a bound target.
type Binding struct {
	Key     string
	OrgID   int64 // whose subtree is measured
	OrgName string
	OrgPath string
	// Source is the published source of Key; its Key is empty when no
	// module publishes Key any more (then nothing is computed).
	Source measure.Source
}

// Known reports whether a module still publishes the binding's source.
func (b *Binding) Known() bool { return b != nil && b.Source.Key != "" }

// SetSources gives the store the registry of live sources (app does, at
// start). Without one no target can be bound.
func (s *Store) SetSources(r *measure.Registry) { s.sources = r }

// Sources returns the registry of live sources (nil: none).
func (s *Store) Sources() *measure.Registry { return s.sources }

// cst is the zone periods are counted in: a year starts at midnight in
// Beijing (China keeps no daylight saving time, so a fixed zone is exact).
func cst() *time.Location { return time.FixedZone("CST", 8*3600) }

// bounds is the half-open span [from, to) of a reading's period.
func (r Reading) bounds() (from, to time.Time) {
	if r.Quarter == 0 {
		return time.Date(r.Year, 1, 1, 0, 0, 0, 0, cst()), time.Date(r.Year+1, 1, 1, 0, 0, 0, 0, cst())
	}
	from = time.Date(r.Year, time.Month(3*r.Quarter-2), 1, 0, 0, 0, 0, cst())
	return from, from.AddDate(0, 3, 0)
}

// computedPeriods are the periods a bound target of a plan running from
// start to end shows a value for at now: each whole year already over, then
// each quarter of the current year up to the current one (valued so far).
// A plan without years gets the current quarter alone.
func computedPeriods(start, end int, now time.Time) []Reading {
	now = now.In(cst())
	y, q := now.Year(), int(now.Month()-1)/3+1
	if start <= 0 || end <= 0 {
		return []Reading{{Year: y, Quarter: q}}
	}
	var out []Reading
	for year := start; year <= end && year <= y; year++ {
		if year < y {
			out = append(out, Reading{Year: year})
			continue
		}
		for k := 1; k <= q; k++ {
			out = append(out, Reading{Year: year, Quarter: k})
		}
	}
	return out
}

// period is the span a reading's value is computed for: its period, up to
// now for the current one.
func (r Reading) period(now time.Time) measure.Period {
	from, to := r.bounds()
	if to.After(now) {
		to = now
	}
	return measure.Period{From: from, To: to}
}

// value computes one period of a binding.
func (s *Store) value(ctx context.Context, b *Binding, r Reading, now time.Time) (float64, error) {
	return s.sources.Value(ctx, b.Key, access.Subtrees(b.OrgPath), r.period(now))
}

// Computed returns a bound target's value per period (computedPeriods),
// oldest first, in one go; nothing for a target that is not bound or whose
// source is gone.
func (s *Store) Computed(ctx context.Context, p Plan, ind StoredIndicator) ([]Reading, error) {
	if !ind.Bound.Known() {
		return nil, nil
	}
	now := s.now()
	out := computedPeriods(p.StartYear, p.EndYear, now)
	ps := make([]measure.Period, len(out))
	for i, r := range out {
		ps[i] = r.period(now)
	}
	vs, err := s.sources.Values(ctx, ind.Bound.Key, access.Subtrees(ind.Bound.OrgPath), ps)
	if err != nil {
		return nil, fmt.Errorf("plan: compute indicator %d: %w", ind.ID, err)
	}
	for i := range out {
		out[i].Value = vs[i]
	}
	return out, nil
}

// boundTarget is a target of a plan running from start to end, for
// measureBound.
type boundTarget struct {
	ind        *StoredIndicator
	start, end int
}

// planTargets are the targets of one plan, for measureBound.
func planTargets(start, end int, inds []StoredIndicator) []boundTarget {
	out := make([]boundTarget, len(inds))
	for i := range inds {
		out[i] = boundTarget{&inds[i], start, end}
	}
	return out
}

// measureBound gives the bound ones of targets their binding, and replaces
// their latest reading and assessment with the computed value of their
// plan's latest period: one query for the bindings, one per bound target.
func (s *Store) measureBound(ctx context.Context, targets []boundTarget) error {
	if len(targets) == 0 {
		return nil
	}
	ids := make([]any, len(targets))
	marks := make([]string, len(targets))
	at := make(map[int64]int, len(targets))
	for i, t := range targets {
		ids[i], marks[i], at[t.ind.ID] = t.ind.ID, "?", i
	}
	rows, err := s.db.Query(ctx, `SELECT b.indicator_id, b.source_key, b.org_id, o.name, o.path FROM plan_indicator_sources b
		JOIN orgs o ON o.id = b.org_id WHERE b.indicator_id IN (`+strings.Join(marks, ",")+`)`, ids...)
	if err != nil {
		return fmt.Errorf("plan: bindings: %w", err)
	}
	defer rows.Close()
	var bound []boundTarget
	for rows.Next() {
		var id int64
		b := &Binding{}
		if err := rows.Scan(&id, &b.Key, &b.OrgID, &b.OrgName, &b.OrgPath); err != nil {
			return err
		}
		b.Source, _ = s.sources.Lookup(b.Key)
		t := targets[at[id]]
		t.ind.Bound = b
		bound = append(bound, t)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	now := s.now()
	for _, t := range bound {
		ind := t.ind
		ind.Latest = nil
		if periods := computedPeriods(t.start, t.end, now); ind.Bound.Known() && len(periods) > 0 {
			r := periods[len(periods)-1]
			if r.Value, err = s.value(ctx, ind.Bound, r, now); err != nil {
				return fmt.Errorf("plan: compute indicator %d: %w", ind.ID, err)
			}
			if measure.Known(r.Value) { // a rate with nothing to measure yet is no reading
				ind.Latest = &r
			}
		}
		ind.Assessment = ind.Indicator.Assess(ind.Latest, t.start, t.end, now)
	}
	return nil
}

// isBound reports whether an indicator is bound to a source, inside tx.
func isBound(ctx context.Context, tx *db.Tx, indicatorID int64) (bool, error) {
	var n int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM plan_indicator_sources WHERE indicator_id = ?`, indicatorID).Scan(&n); err != nil {
		return false, fmt.Errorf("plan: binding of %d: %w", indicatorID, err)
	}
	return n > 0, nil
}
