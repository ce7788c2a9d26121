package plan

import (
	"context"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Task is an indicator a unit reports on, for its to-do list.
type Task struct {
	StoredIndicator
	PlanID    int64
	PlanTitle string
	StartYear int
	EndYear   int
	Pending   int  // entries waiting for review
	DueNow    bool // nothing filed for the current quarter or year
}

// taskFrom is where a unit's tasks are read from: the indicators of
// published plans assigned to an org (o), those bound to a live source left
// out (the platform computes them).
const taskFrom = `FROM plan_indicators i JOIN plans p ON p.id = i.plan_id JOIN orgs o ON o.id = i.org_id WHERE p.status = 'published'
		AND NOT EXISTS (SELECT 1 FROM plan_indicator_sources b WHERE b.indicator_id = i.id)`

// filedNow holds for a task with an entry submitted or accepted for the
// year and quarter given (or for the whole year); its two ? are they.
const filedNow = `EXISTS (SELECT 1 FROM plan_progress e WHERE e.indicator_id = i.id AND e.state IN ('submitted', 'accepted') AND e.year = ? AND (e.quarter = ? OR e.quarter = 0))`

// Tasks lists the indicators of published plans assigned to orgs inside
// scope, with what is due at the current quarter. Targets bound to a live
// source are left out: the platform computes them.
func (s *Store) Tasks(ctx context.Context, scope access.Scope, limit int) ([]Task, error) {
	if scope.None() {
		return nil, nil
	}
	now := s.now()
	y, q := now.Year(), int(now.Month()-1)/3+1
	sqlq := `SELECT i.id, i.section_path, i.text, i.metric, i.comparator, i.value, i.low, i.high, i.unit, i.per, i.deadline_year,
		i.baseline_value, i.baseline_year, i.org_id, o.name, i.latest_value, i.latest_year, i.latest_quarter,
		i.plan_id, p.title, p.start_year, p.end_year,
		(SELECT COUNT(*) FROM plan_progress e WHERE e.indicator_id = i.id AND e.state = 'submitted'),
		CASE WHEN ` + filedNow + ` THEN 1 ELSE 0 END ` + taskFrom
	c, a := db.ScopeCond(s.db, "o.path", scope)
	sqlq += " AND " + c
	args := append([]any{y, q}, a...)
	sqlq += " ORDER BY p.created_at DESC, i.ord LIMIT ?"
	args = append(args, limit)
	rows, err := s.db.Query(ctx, sqlq, args...)
	if err != nil {
		return nil, fmt.Errorf("plan: tasks: %w", err)
	}
	defer rows.Close()
	var out []Task
	for rows.Next() {
		var t Task
		var filed int
		if err := scanIndicator(rows, &t.StoredIndicator, &t.PlanID, &t.PlanTitle, &t.StartYear, &t.EndYear, &t.Pending, &filed); err != nil {
			return nil, err
		}
		t.Assessment = t.Indicator.Assess(t.Latest, t.StartYear, t.EndYear, now)
		t.DueNow = filed == 0 && y >= t.StartYear && y <= t.EndYear
		out = append(out, t)
	}
	return out, rows.Err()
}
