package plan

import (
	"context"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Close ends a plan: no more progress is filed or accepted.
func (s *Store) Close(ctx context.Context, planID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		status, orgID, path, _, _, err := planState(ctx, tx, planID)
		if err != nil {
			return err
		}
		if status != "published" {
			return valid.New("", "plan.err.not_published")
		}
		if _, err := tx.Exec(ctx, `UPDATE plans SET status = 'closed', updated_at = ? WHERE id = ?`, db.Millis(tx.Now), planID); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.close", Target: target(planID)})
	})
}
