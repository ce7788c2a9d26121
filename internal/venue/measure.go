package venue

import (
	"context"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
)

// CountSource is the source key of the number of venues of a kind in
// service (not removed), e.g. "venue.count.estation".
func CountSource(kind string) string { return "venue.count." + kind }

// Sources are the venues in service of each kind, a level read at the
// period's end over the venues held today (one removed since counts no
// more, also in past periods).
func (s *Store) Sources() []measure.Source {
	var out []measure.Source
	for _, k := range Kinds() {
		k := k
		out = append(out, measure.Source{Key: CountSource(k), Label: "venue.measure.count." + k, Unit: "个",
			Kind: measure.Count, AsOf: true,
			Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				if scope.None() {
					return 0, nil
				}
				c, args := db.ScopeCond(s.db, "o.path", scope)
				end := int64(1) << 62
				if !p.To.IsZero() {
					end = db.Millis(p.To)
				}
				var n int64
				err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM venues v JOIN orgs o ON o.id = v.org_id
					WHERE v.kind = ? AND v.status <> 'removed' AND v.created_at < ? AND `+c, append([]any{k, end}, args...)...).Scan(&n)
				if err != nil {
					return 0, fmt.Errorf("venue: count: %w", err)
				}
				return float64(n), nil
			}})
	}
	return out
}
