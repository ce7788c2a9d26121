package review

import (
	"context"
	"errors"
	"fmt"
	"kexie/internal/audit"
	"strconv"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/pii"
	"kexie/internal/valid"
)

// Objection statuses.
const (
	ObjectionOpen     = "open"
	ObjectionAccepted = "accepted"
	ObjectionRejected = "rejected"
)

// StartPublicity opens the call's 公示: the selected applications are
// listed publicly for the call's number of working days from now.
func (s *Store) StartPublicity(ctx context.Context, callID int64, scope access.Scope) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCall(ctx, tx, callID); err != nil {
			return err
		}
		c, err := getCall(ctx, tx, callID)
		if err != nil {
			return err
		}
		if !scope.Contains(c.OrgPath) {
			return &NotFoundError{"call", callID}
		}
		if c.Status != CallOpen && c.Status != CallClosed {
			return valid.New("status", "review.err.publicity_state")
		}
		var waiting, selected int
		if err := tx.QueryRow(ctx, `SELECT COUNT(CASE WHEN status IN ('recommending', 'in_stage') THEN 1 END),
			COUNT(CASE WHEN status = 'selected' THEN 1 END) FROM review_applications WHERE call_id = ?`, callID).Scan(&waiting, &selected); err != nil {
			return fmt.Errorf("review: publicity %d: %w", callID, err)
		}
		if waiting > 0 {
			return valid.New("status", "review.err.undecided", waiting)
		}
		if selected == 0 {
			return valid.New("status", "review.err.none_selected")
		}
		end, err := s.days.AddWorkdays(ctx, tx.Now, c.PublicityDays)
		if err != nil {
			return fmt.Errorf("review: publicity %d: %w", callID, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE review_calls SET status = ?, publicity_from = ?, publicity_to = ?, updated_at = ? WHERE id = ?`,
			CallPublicity, db.Millis(tx.Now), db.Millis(end), db.Millis(tx.Now), callID); err != nil {
			return fmt.Errorf("review: publicity %d: %w", callID, err)
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.publicity", Target: target("call", callID)}, nil,
			map[string]any{"to": end, "working_days": c.PublicityDays, "selected": selected})
	})
}

// Listed returns the applications a call's 公示 lists (selected, or final
// results once the call is final): what the public page shows.
func (s *Store) Listed(ctx context.Context, callID int64) ([]Application, error) {
	rows, err := s.db.Query(ctx, `SELECT `+appCols+` FROM review_applications a JOIN orgs o ON o.id = a.org_id
		JOIN review_calls c ON c.id = a.call_id
		WHERE a.call_id = ? AND c.status IN ('publicity', 'final') AND a.status IN ('selected', 'awarded') ORDER BY a.id`, callID)
	if err != nil {
		return nil, fmt.Errorf("review: listed %d: %w", callID, err)
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

// ObjectionInput is an objection (异议) to one listed application.
type ObjectionInput struct {
	AppID   int64
	UserID  int64 // 0: filed by the public with a name and contact
	Name    string
	Contact string
	Body    string
	Source  string // a keyed hash of the filer's address
}

// MaxObjectionsPerHour bounds the objections one address may file.
const MaxObjectionsPerHour = 5

// FileObjection records an objection during the call's 公示 window.
func (s *Store) FileObjection(ctx context.Context, in ObjectionInput) (int64, error) {
	in.Name, in.Contact, in.Body = clean(in.Name), clean(in.Contact), clean(in.Body)
	var errs valid.Errors
	if n := utf8.RuneCountInString(in.Name); n == 0 || n > 50 {
		errs.Add("name", "review.err.objection_name")
	}
	if utf8.RuneCountInString(in.Contact) > 100 {
		errs.Add("contact", "review.err.text_long", 100)
	}
	if n := utf8.RuneCountInString(in.Body); n < 10 || n > 5000 {
		errs.Add("body", "review.err.objection_body", 10, 5000)
	}
	if len(errs) > 0 {
		return 0, errs
	}
	sealed := ""
	if in.Contact != "" {
		if s.keys == nil {
			return 0, errors.New("review: no keyring to seal an objection's contact (UseKeys)")
		}
		var err error
		if sealed, err = s.keys.Seal(contactField, in.Contact); err != nil {
			return 0, err
		}
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCallOf(ctx, tx, "review_applications", in.AppID); err != nil {
			return err
		}
		a, err := getApp(ctx, tx, in.AppID)
		if err != nil {
			return err
		}
		c, err := getCall(ctx, tx, a.CallID)
		if err != nil {
			return err
		}
		if c.Status != CallPublicity || a.Status != AppSelected || !tx.Now.Before(c.PublicityTo) {
			return valid.New("body", "review.err.publicity_over")
		}
		if in.Source != "" {
			// One address's objections to several calls at once wait for
			// each other too (the call's lock holds only this call's).
			if err := tx.LockKey(ctx, "review.object:"+in.Source); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM review_objections WHERE source = ? AND filed_at > ?`,
				in.Source, db.Millis(tx.Now)-3600_000).Scan(&n); err != nil {
				return fmt.Errorf("review: objection rate: %w", err)
			}
			if n >= MaxObjectionsPerHour {
				return valid.New("body", "review.err.objection_rate")
			}
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO review_objections (id, call_id, application_id, user_id, name, contact, source, body,
			status, filed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, c.ID, a.ID, in.UserID, in.Name, sealed, in.Source,
			in.Body, ObjectionOpen, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("review: file objection: %w", err)
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.objection_file", Target: target("objection", id)}, nil,
			map[string]any{"application": a.ID, "name": in.Name})
	})
	return id, err
}

// Objection is a filed objection and how it was handled.
type Objection struct {
	ID, CallID, AppID, UserID int64
	Name, Contact, Body       string
	Status, Outcome           string
	HandledBy                 int64
	AppTitle, AppName         string
}

// Objections lists a call's objections for its owner.
func (s *Store) Objections(ctx context.Context, callID int64, scope access.Scope) ([]Objection, error) {
	c, err := getCall(ctx, s.db, callID)
	if err != nil {
		return nil, err
	}
	if !scope.Contains(c.OrgPath) {
		return nil, &NotFoundError{"call", callID}
	}
	rows, err := s.db.Query(ctx, `SELECT j.id, j.call_id, j.application_id, j.user_id, j.name, j.contact, j.body, j.status, j.outcome,
		j.handled_by, a.title, a.name FROM review_objections j JOIN review_applications a ON a.id = j.application_id
		WHERE j.call_id = ? ORDER BY j.filed_at, j.id`, callID)
	if err != nil {
		return nil, fmt.Errorf("review: objections %d: %w", callID, err)
	}
	defer rows.Close()
	var out []Objection
	for rows.Next() {
		var o Objection
		if err := rows.Scan(&o.ID, &o.CallID, &o.AppID, &o.UserID, &o.Name, &o.Contact, &o.Body, &o.Status, &o.Outcome,
			&o.HandledBy, &o.AppTitle, &o.AppName); err != nil {
			return nil, fmt.Errorf("review: objections %d: %w", callID, err)
		}
		if o.Contact != "" {
			// Staff of the call reach the objector by it; a value no key
			// opens reads as masked.
			if c, err := s.openContact(o.Contact); err == nil {
				o.Contact = c
			} else {
				o.Contact = "***"
			}
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// HandleObjection records staff's outcome on an objection (always with a
// reason). An accepted objection reopens the application's last review
// stage: its decision there is undone and the stage's scores may be
// corrected before it is decided again. The filer never handles their own.
func (s *Store) HandleObjection(ctx context.Context, id int64, scope access.Scope, by int64, accept bool, outcome string) error {
	outcome = clean(outcome)
	if outcome == "" || utf8.RuneCountInString(outcome) > 2000 {
		return valid.New("outcome", "review.err.reason")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCallOf(ctx, tx, "review_objections", id); err != nil {
			return err
		}
		var o Objection
		if err := tx.QueryRow(ctx, `SELECT id, call_id, application_id, user_id, status FROM review_objections WHERE id = ?`, id).
			Scan(&o.ID, &o.CallID, &o.AppID, &o.UserID, &o.Status); err != nil {
			return &NotFoundError{"objection", id}
		}
		c, err := getCall(ctx, tx, o.CallID)
		if err != nil {
			return err
		}
		if !scope.Contains(c.OrgPath) {
			return &NotFoundError{"objection", id}
		}
		if o.UserID != 0 && o.UserID == by {
			return valid.New("form", "review.err.own")
		}
		if o.Status != ObjectionOpen {
			return valid.New("form", "review.err.handled")
		}
		status := ObjectionRejected
		if accept {
			status = ObjectionAccepted
			if err := reopen(ctx, tx, c, o.AppID); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE review_objections SET status = ?, outcome = ?, handled_by = ?, handled_at = ? WHERE id = ?`,
			status, outcome, by, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("review: handle objection %d: %w", id, err)
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.objection_handle", Target: target("objection", id)},
			map[string]string{"status": o.Status}, map[string]string{"status": status, "outcome": outcome})
	})
}

// reopen puts an application back at its last review stage (or the last
// stage before publicity) and reopens that stage for it.
func reopen(ctx context.Context, tx *db.Tx, c Call, appID int64) error {
	a, err := getApp(ctx, tx, appID)
	if err != nil {
		return err
	}
	var stageID int64
	var seq int
	err = tx.QueryRow(ctx, `SELECT id, seq FROM review_stages WHERE call_id = ? AND seq < ? AND kind IN ('formal', 'review')
		ORDER BY seq DESC LIMIT 1`, c.ID, a.StageSeq).Scan(&stageID, &seq)
	if err != nil {
		return fmt.Errorf("review: reopen %d: %w", appID, err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM review_decisions WHERE stage_id = ? AND application_id = ?`, stageID, appID); err != nil {
		return fmt.Errorf("review: reopen %d: %w", appID, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE review_stages SET status = 'open' WHERE id = ? AND kind = 'review'`, stageID); err != nil {
		return fmt.Errorf("review: reopen %d: %w", appID, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE review_applications SET status = ?, stage_seq = ?, updated_at = ? WHERE id = ?`,
		AppInStage, seq, db.Millis(tx.Now), appID); err != nil {
		return fmt.Errorf("review: reopen %d: %w", appID, err)
	}
	return appendAudit(ctx, tx, c, audit.Entry{Action: "review.reopen", Target: target("application", appID)}, map[string]string{"status": a.Status},
		map[string]any{"stage": seq})
}

// Finalize makes a call's results final once its 公示 is over (or, for a
// call without one, its deadline passed), every objection handled and
// every application decided: the selected ones are awarded (funded,
// accepted as a project, accepted at 结题 …).
func (s *Store) Finalize(ctx context.Context, callID int64, scope access.Scope) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCall(ctx, tx, callID); err != nil {
			return err
		}
		c, err := getCall(ctx, tx, callID)
		if err != nil {
			return err
		}
		if !scope.Contains(c.OrgPath) {
			return &NotFoundError{"call", callID}
		}
		var withPublicity int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM review_stages WHERE call_id = ? AND kind = 'publicity'`, callID).Scan(&withPublicity); err != nil {
			return fmt.Errorf("review: finalize %d: %w", callID, err)
		}
		// A 公示 that was run ends the call once its days are over, whether
		// or not the call's stages named one (staff may start one on any
		// call): a call in publicity was otherwise never final.
		switch {
		case c.Status == CallFinal:
			return valid.New("status", "review.err.already_final")
		case c.Status == CallPublicity && tx.Now.Before(c.PublicityTo):
			return valid.New("status", "review.err.publicity_running")
		case c.Status == CallPublicity:
		case withPublicity > 0:
			return valid.New("status", "review.err.publicity_state")
		case c.Status != CallOpen && c.Status != CallClosed || tx.Now.Before(c.ClosesAt):
			return valid.New("status", "review.err.still_open")
		}
		var open, waiting int
		if err := tx.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM review_objections WHERE call_id = ? AND status = 'open'),
			(SELECT COUNT(*) FROM review_applications WHERE call_id = ? AND status IN ('in_stage', 'recommending'))`, callID, callID).Scan(&open, &waiting); err != nil {
			return fmt.Errorf("review: finalize %d: %w", callID, err)
		}
		if open > 0 || waiting > 0 {
			return valid.New("status", "review.err.objections_open", open+waiting)
		}
		winners, err := queryApps(ctx, tx, `a.call_id = ? AND a.status = ?`, callID, AppSelected)
		if err != nil {
			return err
		}
		for _, w := range winners {
			if err := notify(ctx, tx, w.UserID, "final:"+strconv.FormatInt(callID, 10), "review.notice.awarded",
				"/calls/"+strconv.FormatInt(callID, 10)+"/publicity", c.Title); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE review_applications SET status = ?, updated_at = ? WHERE call_id = ? AND status = ?`,
			AppAwarded, db.Millis(tx.Now), callID, AppSelected); err != nil {
			return fmt.Errorf("review: finalize %d: %w", callID, err)
		}
		if err := setCallStatus(ctx, tx, callID, CallFinal); err != nil {
			return err
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.finalize", Target: target("call", callID)}, nil, nil)
	})
}

func (s *Store) openContact(sealed string) (string, error) {
	if s.keys == nil {
		return "", pii.ErrUndecryptable
	}
	return s.keys.Open(contactField, sealed)
}
