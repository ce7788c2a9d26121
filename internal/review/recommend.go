package review

import (
	"context"
	"fmt"
	"kexie/internal/audit"
	"strconv"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Outcomes a recommending unit or a stage records.
const (
	Approve = "approve" // 推荐 / 通过
	Return  = "return"  // 退回修改
	Reject  = "reject"  // 不予推荐 / 不通过
)

// Recommended counts the applications a unit has recommended to a call
// (those that went on to the stages, whatever became of them later).
func (s *Store) Recommended(ctx context.Context, callID, unitID int64) (int, error) {
	return recommended(ctx, s.db, callID, unitID)
}

func recommended(ctx context.Context, q db.Q, callID, unitID int64) (int, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM review_applications WHERE call_id = ? AND recommender_id = ? AND stage_seq >= 1`,
		callID, unitID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("review: recommended by %d: %w", unitID, err)
	}
	return n, nil
}

// Recommend records the recommending unit's answer on an application with
// it: approve (within the unit's quota), return for changes, or reject
// (with a reason). scope is where the caller may recommend; by is the
// caller, who must not be the applicant.
func (s *Store) Recommend(ctx context.Context, appID int64, scope access.Scope, by int64, outcome, reason string) error {
	reason = clean(reason)
	if utf8.RuneCountInString(reason) > 1000 {
		return valid.New("reason", "review.err.reason_long")
	}
	if outcome != Approve && reason == "" {
		return valid.New("reason", "review.err.reason")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCallOf(ctx, tx, "review_applications", appID); err != nil {
			return err
		}
		a, err := getApp(ctx, tx, appID)
		if err != nil {
			return err
		}
		unit, err := lookupOrg(ctx, tx, "recommender_id", a.RecommenderID)
		if err != nil {
			return err
		}
		if !scope.Contains(unit.Path) {
			return &NotFoundError{"application", appID}
		}
		if a.UserID == by {
			return valid.New("form", "review.err.own")
		}
		if a.Status != AppRecommending {
			return valid.New("form", "review.err.not_recommending")
		}
		// The call's lock, taken first, also keeps two approvals at once from
		// both fitting the quota (SQLite: its one writer).
		c, err := getCall(ctx, tx, a.CallID)
		if err != nil {
			return err
		}
		status, seq := AppInStage, 1
		switch outcome {
		case Approve:
			n, err := recommended(ctx, tx, a.CallID, a.RecommenderID)
			if err != nil {
				return err
			}
			if c.Quota > 0 && n >= c.Quota {
				return valid.New("form", "review.err.quota_full", c.Quota)
			}
		case Return:
			status, seq = AppReturned, 0
		case Reject:
			status, seq = AppRejected, 0
		default:
			return valid.New("outcome", "review.err.outcome")
		}
		if _, err := tx.Exec(ctx, `UPDATE review_applications SET status = ?, stage_seq = ?, note = ?, updated_at = ? WHERE id = ?`,
			status, seq, reason, db.Millis(tx.Now), a.ID); err != nil {
			return fmt.Errorf("review: recommend %d: %w", a.ID, err)
		}
		if err := notify(ctx, tx, a.UserID, "recommend:"+strconv.FormatInt(tx.NewID(), 10), "review.notice.rec_"+outcome,
			"/calls/"+strconv.FormatInt(c.ID, 10)+"/apply", c.Title, unit.Name, reason); err != nil {
			return err
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.recommend", Target: target("application", a.ID)},
			map[string]string{"status": a.Status}, map[string]any{"outcome": outcome, "unit": unit.Name, "reason": reason})
	})
}

// ForRecommendation lists the applications waiting for units in scope.
func (s *Store) ForRecommendation(ctx context.Context, scope access.Scope) ([]Application, error) {
	if scope.None() {
		return nil, nil
	}
	cond, args := db.ScopeCond(s.db, "u.path", scope)
	rows, err := s.db.Query(ctx, `SELECT `+appCols+` FROM review_applications a JOIN orgs o ON o.id = a.org_id
		JOIN orgs u ON u.id = a.recommender_id WHERE a.status = ? AND `+cond+` ORDER BY a.submitted_at, a.id`,
		append([]any{AppRecommending}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("review: for recommendation: %w", err)
	}
	defer rows.Close()
	var out []Application
	for rows.Next() {
		a, err := scanApp(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
