package volunteer

import (
	"context"
	"fmt"
	"math"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
)

// Source keys the module publishes (D45); plans store them, never rename.
const (
	SourceRegistered = "volunteer.registered" // volunteers on record at the period's end
	SourceHours      = "volunteer.hours"      // service hours credited within the period
)

// Sources are the live quantities of the volunteer module, each counted
// over the orgs of the scope.
func (s *Store) Sources() []measure.Source {
	return []measure.Source{
		{Key: SourceRegistered, Label: "volunteer.measure.registered", Unit: "人", Kind: measure.Count, AsOf: true, Value: s.countRegistered},
		{Key: SourceHours, Label: "volunteer.measure.hours", Unit: "小时", Kind: measure.Amount, Value: s.sumHours},
	}
}

func (s *Store) countRegistered(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
	if scope.None() {
		return 0, nil
	}
	end := int64(math.MaxInt64)
	if !p.To.IsZero() {
		end = db.Millis(p.To)
	}
	sc, sa := db.ScopeCond(s.db, "o.path", scope)
	var n int64
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM volunteers v JOIN orgs o ON o.id = v.org_id WHERE v.created_at < ? AND `+sc,
		append([]any{end}, sa...)...).Scan(&n); err != nil {
		return 0, fmt.Errorf("volunteer: count registered: %w", err)
	}
	return float64(n), nil
}

// sumHours sums the ledger entries appended within the period (by when they
// were credited, so a correction counts when it is made) for volunteers of
// orgs in scope.
func (s *Store) sumHours(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
	if scope.None() {
		return 0, nil
	}
	from, to := int64(0), int64(math.MaxInt64)
	if !p.From.IsZero() {
		from = db.Millis(p.From)
	}
	if !p.To.IsZero() {
		to = db.Millis(p.To)
	}
	sc, sa := db.ScopeCond(s.db, "o.path", scope)
	var m int64
	if err := s.db.QueryRow(ctx, `SELECT COALESCE(SUM(h.minutes), 0) FROM volunteer_hours h JOIN volunteers v ON v.id = h.volunteer_id
		JOIN orgs o ON o.id = v.org_id WHERE h.at >= ? AND h.at < ? AND `+sc, append([]any{from, to}, sa...)...).Scan(&m); err != nil {
		return 0, fmt.Errorf("volunteer: sum hours: %w", err)
	}
	return math.Round(float64(m)/6) / 10, nil
}
