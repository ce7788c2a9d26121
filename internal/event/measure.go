package event

import (
	"context"
	"fmt"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
)

// beijing is the zone a year of events is counted in.
var beijing = time.FixedZone("CST", 8*3600)

// yearSpan is the calendar year y in Beijing time.
func yearSpan(y int) (time.Time, time.Time) {
	return time.Date(y, 1, 1, 0, 0, 0, 0, beijing), time.Date(y+1, 1, 1, 0, 0, 0, 0, beijing)
}

// Source keys the module publishes; plans store them, so they never change.
const (
	SourceHeld         = "event.held"          // 开展活动次数
	SourceHeldCaravan  = "event.held.caravan"  // 大篷车活动次数
	SourceReach        = "event.reach"         // 覆盖人次: checked in + walk-ins
	SourceReachCaravan = "event.reach.caravan" // 大篷车覆盖人次
)

// Sources are the quantities the module publishes for plan targets: events
// held and people reached within a period, by the events' start, over the
// org subtree of the scope — so “大篷车不少于500次、覆盖50万人次” is read, not
// filed.
func (s *Store) Sources() []measure.Source {
	held := func(kind string) measure.Func {
		return func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
			n, _, err := s.count(ctx, scope, p, kind)
			return float64(n), err
		}
	}
	reach := func(kind string) measure.Func {
		return func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
			_, n, err := s.count(ctx, scope, p, kind)
			return float64(n), err
		}
	}
	return []measure.Source{
		{Key: SourceHeld, Label: "event.measure.held", Unit: "次", Kind: measure.Count, Value: held("")},
		{Key: SourceHeldCaravan, Label: "event.measure.held_caravan", Unit: "次", Kind: measure.Count, Value: held(KindCaravan)},
		{Key: SourceReach, Label: "event.measure.reach", Unit: "人次", Kind: measure.Count, Value: reach("")},
		{Key: SourceReachCaravan, Label: "event.measure.reach_caravan", Unit: "人次", Kind: measure.Count, Value: reach(KindCaravan)},
	}
}

// count is the events of kind ("" for all) starting within p in scope, and
// the people they reached.
func (s *Store) count(ctx context.Context, scope access.Scope, p measure.Period, kind string) (held, reach int64, err error) {
	if scope.None() {
		return 0, 0, nil
	}
	c, args := db.ScopeCond(s.db, "o.path", scope)
	where := c + ` AND e.starts_at >= ? AND e.starts_at < ?`
	to := int64(1) << 62
	if !p.To.IsZero() {
		to = db.Millis(p.To)
	}
	args = append(args, db.Millis(p.From), to)
	if kind != "" {
		where += ` AND e.kind = ?`
		args = append(args, kind)
	}
	err = s.db.QueryRow(ctx, `SELECT COUNT(*),
		COALESCE(SUM((SELECT COUNT(*) FROM event_attendance a WHERE a.event_id = e.id)
		  + (SELECT COUNT(*) FROM event_scans w WHERE w.event_id = e.id AND w.outcome = 'walk_in')), 0)
		FROM events e JOIN orgs o ON o.id = e.org_id WHERE `+where, args...).Scan(&held, &reach)
	if err != nil {
		return 0, 0, fmt.Errorf("event: count: %w", err)
	}
	return held, reach, nil
}
