package plan

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// ErrOwnEntry is the key of the refusal when a user reviews an entry they
// filed: whoever files an entry never accepts or returns it, whatever roles
// they hold.
const ErrOwnEntry = "plan.err.own_entry"

// Review accepts or returns a submitted entry (the plan owner's decision).
// Accepting updates the indicator's latest reading in the same transaction,
// and an accepted correction supersedes the entry it corrects. The filer of
// an entry may not review it: the refusal is audited.
func (s *Store) Review(ctx context.Context, planID, progressID int64, accept bool, note string, userID int64) error {
	note = strings.TrimSpace(note)
	if !accept && note == "" {
		return valid.New("note", "plan.err.return_note")
	}
	if utf8.RuneCountInString(note) > 1000 {
		return valid.New("note", "plan.err.narrative_long", 1000)
	}
	var refused *audit.Entry
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		status, pOrg, pPath, _, _, err := planState(ctx, tx, planID)
		if err != nil {
			return err
		}
		if status != "published" {
			return valid.New("", "plan.err.closed")
		}
		var state string
		var indicatorID, filer int64
		var corrects sql.NullInt64
		err = tx.QueryRow(ctx, `SELECT state, indicator_id, submitted_by, corrects FROM plan_progress WHERE id = ? AND plan_id = ?`,
			progressID, planID).Scan(&state, &indicatorID, &filer, &corrects)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("plan progress %d: %w", progressID, db.ErrNotFound)
		} else if err != nil {
			return err
		}
		if state != "submitted" {
			return valid.New("", "plan.err.reviewed")
		}
		if filer == userID {
			refused = &audit.Entry{OrgID: pOrg, OrgPath: pPath, Action: "plan.progress_review_refused", Target: target(planID),
				After: map[string]any{"progress": progressID, "indicator": indicatorID, "reason": "own_entry"}}
			return valid.New("", ErrOwnEntry)
		}
		next := "returned"
		if accept {
			next = "accepted"
		}
		res, err := tx.Exec(ctx, `UPDATE plan_progress SET state = ?, review_note = ?, reviewed_by = ?, reviewed_at = ?
			WHERE id = ? AND state = 'submitted' AND submitted_by <> ?`, next, note, userID, db.Millis(tx.Now), progressID, userID)
		if err != nil {
			return fmt.Errorf("plan: review: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return valid.New("", "plan.err.reviewed")
		}
		after := map[string]any{"progress": progressID, "indicator": indicatorID, "note": note}
		if accept {
			if corrects.Valid {
				if _, err := tx.Exec(ctx, `UPDATE plan_progress SET superseded_by = ? WHERE id = ? AND superseded_by IS NULL`,
					progressID, corrects.Int64); err != nil {
					return fmt.Errorf("plan: supersede: %w", err)
				}
				after["supersedes"] = corrects.Int64
			}
			if err := refreshLatest(ctx, tx, indicatorID); err != nil {
				return err
			}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: pOrg, OrgPath: pPath, Action: "plan.progress_" + next, Target: target(planID),
			After: after})
	})
	if refused != nil {
		// The refusal is kept although the review changed nothing.
		if aerr := s.db.Tx(ctx, func(tx *db.Tx) error { return audit.Append(ctx, tx, *refused) }); aerr != nil {
			return aerr
		}
	}
	return err
}

// Withdraw takes back an entry still waiting for review; only its filer may.
// The entry stays in the ledger as withdrawn and frees its period.
func (s *Store) Withdraw(ctx context.Context, planID, progressID, userID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		_, pOrg, pPath, _, _, err := planState(ctx, tx, planID)
		if err != nil {
			return err
		}
		var state string
		var indicatorID, filer int64
		err = tx.QueryRow(ctx, `SELECT state, indicator_id, submitted_by FROM plan_progress WHERE id = ? AND plan_id = ?`,
			progressID, planID).Scan(&state, &indicatorID, &filer)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("plan progress %d: %w", progressID, db.ErrNotFound)
		} else if err != nil {
			return err
		}
		if filer != userID {
			return valid.New("", "plan.err.withdraw_not_filer")
		}
		if state != "submitted" {
			return valid.New("", "plan.err.reviewed")
		}
		res, err := tx.Exec(ctx, `UPDATE plan_progress SET state = 'withdrawn' WHERE id = ? AND state = 'submitted'`, progressID)
		if err != nil {
			return fmt.Errorf("plan: withdraw: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 { // reviewed meanwhile: no "withdrawn" on the log (race review 51)
			return valid.New("", "plan.err.reviewed")
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: pOrg, OrgPath: pPath, Action: "plan.progress_withdrawn", Target: target(planID),
			After: map[string]any{"progress": progressID, "indicator": indicatorID}})
	})
}

// refreshLatest stores the latest current accepted reading (by period, not
// superseded) with its indicator.
func refreshLatest(ctx context.Context, tx *db.Tx, indicatorID int64) error {
	var v sql.NullFloat64
	var y, q int
	err := tx.QueryRow(ctx, `SELECT value, year, quarter FROM plan_progress WHERE indicator_id = ? AND state = 'accepted' AND superseded_by IS NULL
		ORDER BY year * 10 + CASE WHEN quarter = 0 THEN 5 ELSE quarter END DESC, reviewed_at DESC LIMIT 1`, indicatorID).Scan(&v, &y, &q)
	if errors.Is(err, sql.ErrNoRows) {
		v, y, q = sql.NullFloat64{}, 0, 0
	} else if err != nil {
		return fmt.Errorf("plan: latest: %w", err)
	}
	var val any
	if v.Valid {
		val = v.Float64
	}
	_, err = tx.Exec(ctx, `UPDATE plan_indicators SET latest_value = ?, latest_year = ?, latest_quarter = ? WHERE id = ?`, val, y, q, indicatorID)
	return err
}
