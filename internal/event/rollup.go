package event

import (
	"context"
	"fmt"
	"sort"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
)

// RollupRow is what the events of one org's subtree came to in a period.
type RollupRow struct {
	OrgID   int64
	Name    string
	Own     bool // the parent org's own events, not a child's subtree
	Held    int
	Caravan int
	In      int // tickets checked in
	WalkIns int
}

// Reach is the people reached: checked in and walk-ins.
func (r RollupRow) Reach() int { return r.In + r.WalkIns }

// Rollup sums the events starting in [from, to) under the org at parent
// (its own, then each child's subtree), within scope: one query over the
// events, grouped in Go by the child each event's org lies under.
func (s *Store) Rollup(ctx context.Context, scope access.Scope, parent org.Ref, y int) ([]RollupRow, RollupRow, error) {
	var total RollupRow
	within := scope.Within(parent.Path)
	if within.None() {
		return nil, total, nil
	}
	rows, err := s.db.Query(ctx, `SELECT id, name FROM orgs WHERE parent_id = ? AND disabled_at = 0 ORDER BY code`, parent.ID)
	if err != nil {
		return nil, total, fmt.Errorf("event: rollup: %w", err)
	}
	byID := map[int64]*RollupRow{parent.ID: {OrgID: parent.ID, Name: parent.Name, Own: true}}
	order := []int64{parent.ID}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return nil, total, err
		}
		byID[id] = &RollupRow{OrgID: id, Name: name}
		order = append(order, id)
	}
	rows.Close()
	from, to := yearSpan(y)
	c, args := db.ScopeCond(s.db, "o.path", within)
	rows, err = s.db.Query(ctx, `SELECT o.path, e.kind,
		(SELECT COUNT(*) FROM event_attendance a WHERE a.event_id = e.id),
		(SELECT COUNT(*) FROM event_scans w WHERE w.event_id = e.id AND w.outcome = 'walk_in')
		FROM events e JOIN orgs o ON o.id = e.org_id WHERE e.starts_at >= ? AND e.starts_at < ? AND `+c,
		append([]any{db.Millis(from), db.Millis(to)}, args...)...)
	if err != nil {
		return nil, total, fmt.Errorf("event: rollup: %w", err)
	}
	defer rows.Close()
	depth := len(org.PathIDs(parent.Path))
	for rows.Next() {
		var path, kind string
		var in, walk int
		if err := rows.Scan(&path, &kind, &in, &walk); err != nil {
			return nil, total, err
		}
		ids := org.PathIDs(path)
		key := parent.ID
		if len(ids) > depth {
			key = ids[depth]
		}
		r := byID[key]
		if r == nil { // a child disabled since: keep its numbers visible
			r = &RollupRow{OrgID: key, Name: fmt.Sprintf("#%d", key)}
			byID[key] = r
			order = append(order, key)
		}
		for _, x := range []*RollupRow{r, &total} {
			x.Held++
			x.In += in
			x.WalkIns += walk
			if kind == KindCaravan {
				x.Caravan++
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, total, err
	}
	out := make([]RollupRow, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	sort.SliceStable(out[1:], func(i, j int) bool { return out[1+i].Reach() > out[1+j].Reach() })
	return out, total, nil
}
