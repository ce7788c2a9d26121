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
	case !st.ClosesAt.IsZero() && !now.Before(st.ClosesAt):
		return valid.New("form", "review.err.window_over", st.ClosesAt.In(calendar.Beijing).Format("2006-01-02 15:04"))
	}
	return nil
}

// SetWindow sets a review stage's window (either end may be zero: no
// bound) for staff managing the call in scope. The deadline (DueAt, which
// reminders and on-time records count from) is not moved. Audited with the
// window before and after.
func (s *Store) SetWindow(ctx context.Context, stageID int64, scope access.Scope, opens, closes time.Time) error {
	if !opens.IsZero() && !closes.IsZero() && !opens.Before(closes) {
		return valid.New("closes", "review.err.window")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCallOf(ctx, tx, "review_stages", stageID); err != nil {
			return err
		}
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
		if _, err := tx.Exec(ctx, `UPDATE review_stages SET opens_at = ?, closes_at = ? WHERE id = ?`, ms(opens), ms(closes), stageID); err != nil {
			return fmt.Errorf("review: window of stage %d: %w", stageID, err)
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.window", Target: target("stage", stageID)},
			map[string]any{"opens": ms(st.OpensAt), "closes": ms(st.ClosesAt)}, map[string]any{"stage": st.Name, "opens": ms(opens), "closes": ms(closes)})
	})
}
