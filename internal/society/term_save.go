package society

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/jobs"
	"kexie/internal/valid"
)

// Bodies are the governing bodies whose terms are kept.
var Bodies = []string{"council", "standing"}

// TermInput is a new term of a body.
type TermInput struct {
	OrgID    int64
	Body     string
	Seq      int
	StartsOn time.Time
	EndsOn   time.Time
}

const termCols = `t.id, t.org_id, o.name, t.body, t.seq, t.starts_on, t.ends_on, t.plan, t.plan_status, t.plan_by, t.approved_at, t.elected_on, t.result`

func scanTerm(row db.Scanner) (Term, error) {
	var t Term
	var starts, ends, approved, elected int64
	err := row.Scan(&t.ID, &t.OrgID, &t.OrgName, &t.Body, &t.Seq, &starts, &ends, &t.Plan, &t.PlanStatus, &t.PlanBy, &approved, &elected, &t.Result)
	t.StartsOn, t.EndsOn, t.ApprovedAt, t.ElectedOn = tm(starts), tm(ends), tm(approved), tm(elected)
	return t, err
}

func getTerm(ctx context.Context, q db.Q, id int64) (Term, error) {
	t, err := scanTerm(q.QueryRow(ctx, `SELECT `+termCols+` FROM society_terms t JOIN orgs o ON o.id = t.org_id WHERE t.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return t, &NotFoundError{"term", id}
	}
	if err != nil {
		return t, fmt.Errorf("society: term %d: %w", id, err)
	}
	return t, nil
}

// GetTerm returns the term with id.
func (s *Store) GetTerm(ctx context.Context, id int64) (Term, error) { return getTerm(ctx, s.db, id) }

// Terms lists a society's terms, newest first.
func (s *Store) Terms(ctx context.Context, orgID int64) ([]Term, error) {
	rows, err := s.db.Query(ctx, `SELECT `+termCols+` FROM society_terms t JOIN orgs o ON o.id = t.org_id
		WHERE t.org_id = ? ORDER BY t.body, t.seq DESC`, orgID)
	if err != nil {
		return nil, fmt.Errorf("society: terms %d: %w", orgID, err)
	}
	defer rows.Close()
	var out []Term
	for rows.Next() {
		t, err := scanTerm(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// AddTerm records a body's term and schedules the reminders 6 and 3
// months before it ends.
func (s *Store) AddTerm(ctx context.Context, in TermInput) (Term, error) {
	var errs valid.Errors
	if !oneOf(in.Body, Bodies) {
		errs.Add("body", "society.err.body")
	}
	if in.Seq < 1 {
		errs.Add("seq", "society.err.seq")
	}
	if in.StartsOn.IsZero() || in.EndsOn.IsZero() || !in.EndsOn.After(in.StartsOn) {
		errs.Add("ends_on", "society.err.period")
	}
	if len(errs) > 0 {
		return Term{}, errs
	}
	var out Term
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockSociety(ctx, tx, in.OrgID); err != nil {
			return err
		}
		soc, err := society(ctx, tx, in.OrgID)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM society_terms WHERE org_id = ? AND body = ? AND (seq = ? OR (starts_on < ? AND ends_on > ? AND elected_on = 0))`,
			in.OrgID, in.Body, in.Seq, db.Millis(in.EndsOn), db.Millis(in.StartsOn)).Scan(&n); err != nil {
			return fmt.Errorf("society: add term: %w", err)
		}
		if n > 0 {
			return valid.New("seq", "society.err.term_overlap")
		}
		id := tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO society_terms (id, org_id, body, seq, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?)`,
			id, in.OrgID, in.Body, in.Seq, db.Millis(in.StartsOn), db.Millis(in.EndsOn)); err != nil {
			return fmt.Errorf("society: add term: %w", err)
		}
		if s.jobs {
			for _, months := range []int{6, 3} {
				if _, err := jobs.Enqueue(ctx, tx, jobs.Spec{Kind: RemindKind, OrgID: in.OrgID,
					Args: remindArgs{Term: id, Months: months}, RunAfter: in.EndsOn.AddDate(0, -months, 0)}); err != nil {
					return err
				}
			}
		}
		if err := record(ctx, tx, soc, audit.Entry{Action: "society.term_add", Target: tgt("society", soc.ID)}, nil,
			map[string]any{"body": in.Body, "seq": in.Seq}); err != nil {
			return err
		}
		out, err = getTerm(ctx, tx, id)
		return err
	})
	return out, err
}

// Renewal steps on a term: the society submits its 换届 plan, the 科协
// approves or returns it, and the society records the election's result.
const (
	RenewSubmit  = "submit"
	RenewApprove = "approve"
	RenewReturn  = "return"
	RenewElect   = "elect"
)

// RenewalStep takes one renewal step on a term. The plan must be approved before
// the election is recorded, and its submitter never approves it.
func (s *Store) RenewalStep(ctx context.Context, termID int64, step string, by int64, text string, on time.Time) (Term, error) {
	var out Term
	text = strings.TrimSpace(text)
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "society_terms", termID); err != nil {
			return notFound(err, "term", termID)
		}
		t, err := getTerm(ctx, tx, termID)
		if err != nil {
			return err
		}
		soc, err := society(ctx, tx, t.OrgID)
		if err != nil {
			return err
		}
		now := db.Millis(tx.Now)
		var q string
		var args []any
		switch step {
		case RenewSubmit:
			if t.PlanStatus == "approved" || !t.ElectedOn.IsZero() {
				return valid.New("plan", "society.err.plan_done")
			}
			if text == "" {
				return valid.New("plan", "society.err.required")
			}
			q, args = `plan = ?, plan_status = 'submitted', plan_by = ?, plan_at = ?`, []any{text, by, now}
		case RenewApprove, RenewReturn:
			if t.PlanStatus != "submitted" {
				return valid.New("plan", "society.err.plan_not_submitted")
			}
			if t.PlanBy == by {
				return valid.New("plan", "society.err.own_plan")
			}
			status := "approved"
			if step == RenewReturn {
				status = "returned"
			}
			q, args = `plan_status = ?, approved_by = ?, approved_at = ?`, []any{status, by, now}
		case RenewElect:
			if t.PlanStatus != "approved" {
				return valid.New("elected_on", "society.err.plan_unapproved")
			}
			if on.IsZero() {
				return valid.New("elected_on", "society.err.required")
			}
			q, args = `elected_on = ?, result = ?`, []any{db.Millis(on), text}
		default:
			return valid.New("step", "society.err.step")
		}
		if _, err := tx.Exec(ctx, `UPDATE society_terms SET `+q+` WHERE id = ?`, append(args, t.ID)...); err != nil {
			return fmt.Errorf("society: renew %d: %w", t.ID, err)
		}
		if err := record(ctx, tx, soc, audit.Entry{Action: "society.term_" + step, Target: tgt("society", soc.ID)}, map[string]any{"plan_status": t.PlanStatus},
			map[string]any{"body": t.Body, "seq": t.Seq, "step": step}); err != nil {
			return err
		}
		out, err = getTerm(ctx, tx, t.ID)
		return err
	})
	return out, err
}
