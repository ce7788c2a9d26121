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
// nothing is filed yet for the current quarter or year (the tasks page's
// 本季度待填报), reading at most limit targets.
func (s *Store) DueTasks(ctx context.Context, scope access.Scope, limit int) (int, error) {
	tasks, err := s.Tasks(ctx, scope, limit)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, t := range tasks {
		if t.DueNow {
			n++
		}
	}
	return n, nil
}
