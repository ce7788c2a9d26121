package kepu

import (
	"context"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
)

// ReachRow is the reach of one audience in one org's subtree.
type ReachRow struct {
	OrgID    int64
	OrgName  string
	Audience string
	Items    int
	Views    int64
	Shares   int64
}

func dayRange(p measure.Period) (int, int) {
	from, to := 0, 99999999
	if !p.From.IsZero() {
		from = Day(p.From)
	}
	if !p.To.IsZero() {
		to = Day(p.To.Add(-1))
	}
	return from, to
}

// Reach sums views and shares per org and audience within scope.
func (s *Store) Reach(ctx context.Context, scope access.Scope, p measure.Period) ([]ReachRow, error) {
	if scope.None() {
		return nil, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	from, to := dayRange(p)
	rows, err := s.db.Query(ctx, `SELECT o.id, o.name, i.audience, COUNT(DISTINCT i.id), COALESCE(SUM(r.views), 0), COALESCE(SUM(r.shares), 0)
		FROM kepu_reach r JOIN kepu_items i ON i.id = r.item_id JOIN orgs o ON o.id = i.org_id
		WHERE `+cond+` AND r.day >= ? AND r.day <= ? GROUP BY o.id, o.name, i.audience ORDER BY o.name_key, o.id, i.audience`,
		append(args, from, to)...)
	if err != nil {
		return nil, fmt.Errorf("kepu: reach: %w", err)
	}
	defer rows.Close()
	var out []ReachRow
	for rows.Next() {
		var r ReachRow
		if err := rows.Scan(&r.OrgID, &r.OrgName, &r.Audience, &r.Items, &r.Views, &r.Shares); err != nil {
			return nil, fmt.Errorf("kepu: reach: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Readers counts unique readers within scope over the period: a reader is
// counted once per day (the hash changes every day), so this is 覆盖人次
// in reader-days.
func (s *Store) Readers(ctx context.Context, scope access.Scope, p measure.Period) (int64, error) {
	if scope.None() {
		return 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	from, to := dayRange(p)
	var n int64
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT DISTINCT r.day, r.reader FROM kepu_readers r JOIN orgs o ON o.id = r.org_id
		WHERE `+cond+` AND r.day >= ? AND r.day <= ?) x`, append(args, from, to)...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("kepu: readers: %w", err)
	}
	return n, nil
}

// Sources are the quantities the module publishes for plans to bind to.
func (s *Store) Sources() []measure.Source {
	return []measure.Source{
		{Key: "kepu.reach.readers", Label: "kepu.measure.readers", Unit: "人次", Kind: measure.Count,
			Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				n, err := s.Readers(ctx, scope, p)
				return float64(n), err
			}},
		{Key: "kepu.reach.views", Label: "kepu.measure.views", Unit: "次", Kind: measure.Count,
			Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				rows, err := s.Reach(ctx, scope, p)
				var n int64
				for _, r := range rows {
					n += r.Views
				}
				return float64(n), err
			}},
	}
}

var periodAll = measure.Period{}
