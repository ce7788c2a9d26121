package stats

import (
	"context"
	"fmt"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
)

// Source keys the module publishes; plans store them, never rename.
const (
	SourceFiledRate = "stats.filed_rate" // 统计年报上报率, in %
	SourceApproved  = "stats.approved"   // 已审核的统计年报数
)

// reportYear is the year whose report a period measures: the year the
// period starts in (or, without a start, the year before its end).
func (s *Store) reportYear(p measure.Period) int {
	switch {
	case !p.From.IsZero():
		return p.From.In(zone).Year()
	case !p.To.IsZero():
		return p.To.Add(-time.Millisecond).In(zone).Year()
	}
	return s.db.Now().In(zone).Year() - 1
}

// counts are the orgs that file inside scope and, of them, those whose
// form of year is submitted or approved, and approved.
func (s *Store) counts(ctx context.Context, scope access.Scope, year int) (orgs, filed, approved int, err error) {
	if scope.None() {
		return 0, 0, 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	err = s.db.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN f.status IN ('submitted', 'approved') THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN f.status = 'approved' THEN 1 ELSE 0 END), 0)`+progressFrom+`o.disabled_at = 0 AND o.type IN `+filingTypes+` AND `+cond,
		append([]any{year}, args...)...).Scan(&orgs, &filed, &approved)
	if err != nil {
		err = fmt.Errorf("stats: counts: %w", err)
	}
	return
}

// Sources are the module's live quantities: the share of the orgs that
// file inside the scope whose report of the period's year is submitted or
// approved (上报率), and how many are approved.
func (s *Store) Sources() []measure.Source {
	return []measure.Source{
		{Key: SourceFiledRate, Label: "stats.measure.filed_rate", Unit: "%", Kind: measure.Share, AsOf: true,
			Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				if scope.None() {
					return 0, nil
				}
				n, filed, _, err := s.counts(ctx, scope, s.reportYear(p))
				if err != nil {
					return 0, err
				}
				return measure.Rate(float64(filed), float64(n)), nil
			}},
		{Key: SourceApproved, Label: "stats.measure.approved", Unit: "份", Kind: measure.Count, AsOf: true,
			Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				_, _, a, err := s.counts(ctx, scope, s.reportYear(p))
				return float64(a), err
			}},
	}
}
