package volunteer

import (
	"context"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// ReviewStar decides a star a correction flagged: keep it (the service
// stands on other grounds) or revoke it (it no longer counts; the row and
// the audit log keep what happened). scope is the caller's for
// volunteer.manage; the volunteer never reviews their own star.
func (s *Store) ReviewStar(ctx context.Context, volunteerID int64, level int, keep bool, scope access.Scope, by int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		v, err := s.getVolunteer(ctx, tx, "v.id = ?", volunteerID)
		if err != nil {
			return err
		}
		if !scope.Contains(v.OrgPath) {
			return fmt.Errorf("volunteer: review star: %w", access.ErrDenied)
		}
		if by == 0 || by == v.UserID {
			return valid.New("star", "volunteer.err.own_hours")
		}
		outcome := StarRevoked
		if keep {
			outcome = StarKept
		}
		res, err := tx.Exec(ctx, `UPDATE volunteer_stars SET review_outcome = ?, reviewed_by = ?, reviewed_at = ?
			WHERE volunteer_id = ? AND level = ? AND review_since <> 0 AND review_outcome = ''`,
			outcome, by, db.Millis(tx.Now), volunteerID, level)
		if err != nil {
			return fmt.Errorf("volunteer: review star: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return valid.New("star", "volunteer.err.star_not_flagged")
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "volunteer.star_review",
			Target: fmt.Sprintf("volunteer:%d", volunteerID), After: map[string]any{"level": level, "outcome": outcome, "hours": FormatHours(v.Minutes)}})
	})
}

// Hours is the service hours the star's level stands for.
func (st Star) Hours() int { return StarHours[st.Level-1] }
