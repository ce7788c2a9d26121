package review

import (
	"context"
	"fmt"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// windowErr says why reviewers may not score now: before the stage's
// review window opens, or after it closed.
func windowErr(st Stage, now time.Time) error {
	switch {
	case !st.OpensAt.IsZero() && now.Before(st.OpensAt):
		return valid.New("form", "review.err.window_early", st.OpensAt.In(calendar.Beijing).Format("2006-01-02 15:04"))
	case !st.DueAt.IsZero() && !now.Before(st.DueAt):
		return valid.New("form", "review.err.window_over", st.DueAt.In(calendar.Beijing).Format("2006-01-02 15:04"))
	}
	return nil
}

// SetWindow sets a review stage's window (either end may be zero: no
// bound) for staff managing the call in scope. Open assignments take the
// new deadline. Audited with the window before and after.
func (s *Store) SetWindow(ctx context.Context, stageID int64, scope access.Scope, opens, closes time.Time) error {
	if !opens.IsZero() && !closes.IsZero() && !opens.Before(closes) {
		return valid.New("closes", "review.err.window")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		st, err := getStage(ctx, tx, stageID)
		if err != nil {
			return err
		}
		c, err := getCall(ctx, tx, st.CallID)
		if err != nil {
			return err
		}
		if !scope.Contains(c.OrgPath) {
			return &NotFoundError{"stage", stageID}
		}
		if st.Kind != StageReview || st.Status == "closed" {
			return valid.New("stage", "review.err.window_stage")
		}
		if _, err := tx.Exec(ctx, `UPDATE review_stages SET opens_at = ?, due_at = ? WHERE id = ?`, ms(opens), ms(closes), stageID); err != nil {
			return fmt.Errorf("review: window of stage %d: %w", stageID, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE review_assignments SET due_at = ? WHERE stage_id = ? AND status = ?`, ms(closes), stageID, AssignOpen); err != nil {
			return fmt.Errorf("review: window of stage %d: %w", stageID, err)
		}
		st2 := st
		st2.OpensAt, st2.DueAt = opens, closes
		if st.Status == "open" {
			if err := s.enqueueReminder(ctx, tx, c, st2); err != nil {
				return err
			}
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.window", Target: target("stage", stageID)},
			map[string]any{"opens": ms(st.OpensAt), "closes": ms(st.DueAt)}, map[string]any{"stage": st.Name, "opens": ms(opens), "closes": ms(closes)})
	})
}
