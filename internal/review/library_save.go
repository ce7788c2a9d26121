package review

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// ReportInput is a submission (报送) of a final result to a higher body.
type ReportInput struct {
	AppID   int64
	ToOrgID int64  // the org it went to, when in the tree (its name is used when ToName is empty)
	ToName  string // the body it went to
	SentOn  string // YYYY-MM-DD
	Note    string
}

// InstructionInput is an instruction (批示) a report received.
type InstructionInput struct {
	ReportID int64
	Leader   string // who gave it: name and post
	Body     string
	GivenOn  string // YYYY-MM-DD
}

func checkDay(field, s string, now time.Time, errs *valid.Errors) {
	d, err := time.Parse("2006-01-02", s)
	if err != nil || d.After(now.AddDate(0, 0, 1)) || d.Year() < 2000 {
		errs.Add(field, "review.err.day")
	}
}

// finalResult reads an awarded application of a final call in scope.
func finalResult(ctx context.Context, tx *db.Tx, scope access.Scope, appID int64) (Application, Call, error) {
	a, err := getApp(ctx, tx, appID)
	if err != nil {
		return a, Call{}, err
	}
	c, err := getCall(ctx, tx, a.CallID)
	if err != nil {
		return a, c, err
	}
	if !scope.Contains(c.OrgPath) {
		return a, c, &NotFoundError{"application", appID}
	}
	if c.Status != CallFinal || a.Status != AppAwarded {
		return a, c, valid.New("form", "review.err.not_final")
	}
	return a, c, nil
}

// AddReport records that a final result was submitted to a higher body
// (报送): a new row each time, audited; nothing is overwritten.
func (s *Store) AddReport(ctx context.Context, scope access.Scope, by int64, in ReportInput) (int64, error) {
	in.ToName, in.SentOn, in.Note = clean(in.ToName), clean(in.SentOn), clean(in.Note)
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		var errs valid.Errors
		if in.ToOrgID != 0 {
			o, err := lookupOrg(ctx, tx, "to_org_id", in.ToOrgID)
			if err != nil {
				return err
			}
			if in.ToName == "" {
				in.ToName = o.Name
			}
		}
		if n := utf8.RuneCountInString(in.ToName); n == 0 || n > 100 {
			errs.Add("to_name", "review.err.to_name")
		}
		checkDay("sent_on", in.SentOn, tx.Now, &errs)
		if utf8.RuneCountInString(in.Note) > 1000 {
			errs.Add("note", "review.err.reason_long")
		}
		if len(errs) > 0 {
			return errs
		}
		// The call's lock (the order every step of a call takes), then one
		// report of a result to a body on a day: a second click or a
		// colleague recording the same 报送 listed it twice (integrity
		// review 52). Another body or another day is another report.
		if err := lockCallOf(ctx, tx, "review_applications", in.AppID); err != nil {
			return err
		}
		a, c, err := finalResult(ctx, tx, scope, in.AppID)
		if err != nil {
			return err
		}
		var same int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM review_reports WHERE application_id = ? AND to_name = ? AND sent_on = ?`,
			a.ID, in.ToName, in.SentOn).Scan(&same); err != nil {
			return fmt.Errorf("review: report on %d: %w", a.ID, err)
		}
		if same > 0 {
			return valid.New("to_name", "review.err.report_dup")
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO review_reports (id, application_id, to_org_id, to_name, sent_on, note, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, a.ID, in.ToOrgID, in.ToName, in.SentOn, in.Note, by, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("review: report on %d: %w", a.ID, err)
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.report", Target: target("application", a.ID)}, nil,
			map[string]any{"report": id, "to": in.ToName, "sent_on": in.SentOn})
	})
	return id, err
}

// AddInstruction records an instruction (批示) a report received: a new
// row each time, audited, so a later instruction never hides an earlier one.
func (s *Store) AddInstruction(ctx context.Context, scope access.Scope, by int64, in InstructionInput) (int64, error) {
	in.Leader, in.Body, in.GivenOn = clean(in.Leader), strings.TrimSpace(in.Body), clean(in.GivenOn)
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		var errs valid.Errors
		if n := utf8.RuneCountInString(in.Leader); n == 0 || n > 100 {
			errs.Add("leader", "review.err.leader")
		}
		if n := utf8.RuneCountInString(in.Body); n == 0 || n > 5000 {
			errs.Add("body", "review.err.instruction")
		}
		checkDay("given_on", in.GivenOn, tx.Now, &errs)
		// The report's row lock, then one record of an instruction (the
		// same leader, day and text) per report (integrity review 52).
		if err := tx.LockRow(ctx, "review_reports", in.ReportID); err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		var appID int64
		var sent string
		if err := tx.QueryRow(ctx, `SELECT application_id, sent_on FROM review_reports WHERE id = ?`, in.ReportID).Scan(&appID, &sent); err != nil {
			return &NotFoundError{"report", in.ReportID}
		}
		if len(errs) == 0 && in.GivenOn < sent {
			errs.Add("given_on", "review.err.before_report")
		}
		if len(errs) > 0 {
			return errs
		}
		_, c, err := finalResult(ctx, tx, scope, appID)
		if err != nil {
			return err
		}
		var same int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM review_instructions WHERE report_id = ? AND leader = ? AND given_on = ? AND body = ?`,
			in.ReportID, in.Leader, in.GivenOn, in.Body).Scan(&same); err != nil {
			return fmt.Errorf("review: instruction on %d: %w", in.ReportID, err)
		}
		if same > 0 {
			return valid.New("body", "review.err.instruction_dup")
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO review_instructions (id, report_id, leader, body, given_on, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, in.ReportID, in.Leader, in.Body, in.GivenOn, by, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("review: instruction on %d: %w", in.ReportID, err)
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.instruction", Target: target("report", in.ReportID)}, nil,
			map[string]any{"instruction": id, "leader": in.Leader, "given_on": in.GivenOn})
	})
	return id, err
}
