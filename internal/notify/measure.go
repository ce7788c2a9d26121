package notify

import (
	"context"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
)

// Sources are the module's measures: deliveries sent (推送送达人次), opens,
// and active subscribers, scoped by the sending (or subscribing) org.
func (s *Store) Sources() []measure.Source {
	return []measure.Source{
		{Key: "notify.deliveries", Label: "notify.measure.deliveries", Unit: "人次", Kind: measure.Count,
			Value: func(ctx context.Context, sc access.Scope, p measure.Period) (float64, error) {
				return s.countIn(ctx, sc, p, "d.sent_at", `d.state = 'sent'`)
			}},
		{Key: "notify.opens", Label: "notify.measure.opens", Unit: "人次", Kind: measure.Count,
			Value: func(ctx context.Context, sc access.Scope, p measure.Period) (float64, error) {
				return s.countIn(ctx, sc, p, "d.opened_at", `d.opened_at <> 0`)
			}},
		{Key: "notify.subscribers", Label: "notify.measure.subscribers", Unit: "人", Kind: measure.Count, AsOf: true,
			Value: func(ctx context.Context, sc access.Scope, p measure.Period) (float64, error) {
				if sc.None() {
					return 0, nil
				}
				cond, args := db.ScopeCond(s.db, "o.path", sc)
				q := `SELECT COUNT(*) FROM notify_accounts a JOIN orgs o ON o.id = a.org_id WHERE a.status = 'active' AND ` + cond
				if !p.To.IsZero() {
					q += ` AND a.created_at < ?`
					args = append(args, db.Millis(p.To))
				}
				var n int64
				err := s.db.QueryRow(ctx, q, args...).Scan(&n)
				return float64(n), err
			}},
	}
}

func (s *Store) countIn(ctx context.Context, sc access.Scope, p measure.Period, col, cond string) (float64, error) {
	if sc.None() {
		return 0, nil
	}
	sq, args := db.ScopeCond(s.db, "o.path", sc)
	q := `SELECT COUNT(*) FROM notify_deliveries d JOIN notify_messages m ON m.id = d.message_id JOIN orgs o ON o.id = m.org_id
		WHERE ` + cond + ` AND ` + sq
	if !p.From.IsZero() {
		q += ` AND ` + col + ` >= ?`
		args = append(args, db.Millis(p.From))
	}
	if !p.To.IsZero() {
		q += ` AND ` + col + ` < ?`
		args = append(args, db.Millis(p.To))
	}
	var n int64
	err := s.db.QueryRow(ctx, q, args...).Scan(&n)
	return float64(n), err
}
