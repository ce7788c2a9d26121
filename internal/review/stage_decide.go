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

// Decision is what staff record on one application at its current stage:
// at a formal check approve (pass on), return for changes or reject; at a
// review stage approve (pass on) or reject.
type Decision struct {
	AppID   int64
	Outcome string
	Reason  string
}

// Decide records a decision on an application at its current stage. scope
// is where the caller manages calls; the applicant never decides on their
// own application.
func (s *Store) Decide(ctx context.Context, scope access.Scope, by int64, d Decision) error {
	d.Reason = clean(d.Reason)
	if utf8.RuneCountInString(d.Reason) > 1000 {
		return valid.New("reason", "review.err.reason_long")
	}
	if d.Outcome != Approve && d.Reason == "" {
		return valid.New("reason", "review.err.reason")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCallOf(ctx, tx, "review_applications", d.AppID); err != nil {
			return err
		}
		a, c, st, err := current(ctx, tx, scope, d.AppID)
		if err != nil {
			return err
		}
		if a.UserID == by {
			return valid.New("form", "review.err.own")
		}
		if d.Outcome == Return && st.Kind != StageFormal {
			return valid.New("outcome", "review.err.outcome")
		}
		return decide(ctx, tx, c, a, st, by, d.Outcome, d.Reason, 0, 0)
	})
}

// current reads an application at a stage, with its call and stage, for a
// caller managing calls in scope.
func current(ctx context.Context, tx *db.Tx, scope access.Scope, appID int64) (Application, Call, Stage, error) {
	a, err := getApp(ctx, tx, appID)
	if err != nil {
		return a, Call{}, Stage{}, err
	}
	c, err := getCall(ctx, tx, a.CallID)
	if err != nil {
		return a, c, Stage{}, err
	}
	if !scope.Contains(c.OrgPath) {
		return a, c, Stage{}, &NotFoundError{"application", appID}
	}
	if a.Status != AppInStage {
		return a, c, Stage{}, valid.New("form", "review.err.not_in_stage")
	}
	st, err := stageAt(ctx, tx, c.ID, a.StageSeq)
	return a, c, st, err
}

func stageAt(ctx context.Context, q db.Q, callID int64, seq int) (Stage, error) {
	st, err := scanStage(q.QueryRow(ctx, `SELECT `+stageCols+` FROM review_stages WHERE call_id = ? AND seq = ?`, callID, seq))
	if err != nil {
		return st, fmt.Errorf("review: stage %d of call %d: %w", seq, callID, err)
	}
	return st, nil
}

// decide moves a to where outcome sends it and records the decision.
// Passing the last deciding stage makes it selected (shown in 公示 when a
// publicity stage follows).
func decide(ctx context.Context, tx *db.Tx, c Call, a Application, st Stage, by int64, outcome, reason string, score float64, rank int) error {
	status, seq := a.Status, a.StageSeq
	switch outcome {
	case Approve:
		next, err := stageAt(ctx, tx, c.ID, st.Seq+1)
		switch {
		case err != nil, next.Kind == StagePublicity, next.Kind == StageResult:
			status, seq = AppSelected, st.Seq+1
		default:
			status, seq = AppInStage, st.Seq+1
		}
	case Return:
		status = AppReturned
	case Reject:
		status = AppRejected
		if st.Kind == StageReview {
			status = AppNotSelected
		}
	default:
		return valid.New("outcome", "review.err.outcome")
	}
	now := db.Millis(tx.Now)
	if _, err := tx.Exec(ctx, `DELETE FROM review_decisions WHERE stage_id = ? AND application_id = ?`, st.ID, a.ID); err != nil {
		return fmt.Errorf("review: decide %d: %w", a.ID, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO review_decisions (stage_id, application_id, outcome, reason, score, rank, decided_by, decided_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, st.ID, a.ID, outcome, reason, score, rank, by, now); err != nil {
		return fmt.Errorf("review: decide %d: %w", a.ID, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE review_applications SET status = ?, stage_seq = ?, note = ?, updated_at = ? WHERE id = ?`,
		status, seq, reason, now, a.ID); err != nil {
		return fmt.Errorf("review: decide %d: %w", a.ID, err)
	}
	if err := notify(ctx, tx, a.UserID, "decide:"+strconv.FormatInt(tx.NewID(), 10), "review.notice."+status,
		"/calls/"+strconv.FormatInt(c.ID, 10)+"/apply", c.Title, st.Name, reason); err != nil {
		return err
	}
	return appendAudit(ctx, tx, c, audit.Entry{Action: "review.decide", Target: target("application", a.ID)},
		map[string]any{"status": a.Status, "stage": a.StageSeq},
		map[string]any{"stage": st.Name, "outcome": outcome, "reason": reason, "status": status})
}
