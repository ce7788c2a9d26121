package plan

import (
	"context"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/db"
)

// PendingReview is a plan with progress entries waiting for review.
type PendingReview struct {
	PlanID int64
	Title  string
	Count  int
}

// PendingReviews lists the plans of orgs inside scope (whose staff review
// their progress) with entries waiting for review that userID did not file
// — a filer never reviews their own entry — most waiting first, at most
// limit. The zero Scope holds nothing.
func (s *Store) PendingReviews(ctx context.Context, scope access.Scope, userID int64, limit int) ([]PendingReview, error) {
	if scope.None() {
		return nil, nil
	}
	c, a := db.ScopeCond(s.db, "po.path", scope)
	sqlq := `SELECT p.id, p.title, COUNT(*) FROM plan_progress e JOIN plans p ON p.id = e.plan_id JOIN orgs po ON po.id = p.org_id
		WHERE e.state = 'submitted' AND e.submitted_by <> ? AND ` + c + `
		GROUP BY p.id, p.title ORDER BY COUNT(*) DESC, p.id LIMIT ?`
	args := append(append([]any{userID}, a...), limit)
	rows, err := s.db.Query(ctx, sqlq, args...)
	if err != nil {
		return nil, fmt.Errorf("plan: pending reviews: %w", err)
	}
	defer rows.Close()
	var out []PendingReview
	for rows.Next() {
		var p PendingReview
		if err := rows.Scan(&p.PlanID, &p.Title, &p.Count); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// DueTasks counts the targets assigned to orgs inside scope on which
// nothing is filed yet for the current quarter or year, in a plan whose
// years hold this one (the tasks page's 本季度待填报, Task.DueNow), with one
// COUNT: the dashboard reads it on every visit.
func (s *Store) DueTasks(ctx context.Context, scope access.Scope) (int, error) {
	if scope.None() {
		return 0, nil
	}
	now := s.now()
	y, q := now.Year(), int(now.Month()-1)/3+1
	c, a := db.ScopeCond(s.db, "o.path", scope)
	sqlq := `SELECT COUNT(*) ` + taskFrom + ` AND ? BETWEEN p.start_year AND p.end_year AND NOT ` + filedNow + ` AND ` + c
	var n int
	if err := s.db.QueryRow(ctx, sqlq, append([]any{y, y, q}, a...)...).Scan(&n); err != nil {
		return 0, fmt.Errorf("plan: due tasks: %w", err)
	}
	return n, nil
}
