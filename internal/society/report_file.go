package society

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// SaveReport keeps the society's report for year as a draft (or keeps a
// returned report returned while it is fixed). The form is checked only
// when filed, so an unfinished report is never lost — except for numbers
// that cannot be stored at all.
func (s *Store) SaveReport(ctx context.Context, orgID int64, year int, f Form, by int64) (Report, error) {
	var out Report
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockSociety(ctx, tx, orgID); err != nil {
			return err
		}
		soc, err := society(ctx, tx, orgID)
		if err != nil {
			return err
		}
		if y := tx.Now.In(s.cfg.Loc).Year(); year < 2000 || year >= y {
			return valid.New("year", "society.err.report_year", y-1)
		}
		if f.Changes == nil {
			f.Changes = []Change{}
		}
		raw, err := json.Marshal(f)
		if err != nil {
			return err
		}
		old, err := getReport(ctx, tx, orgID, year)
		var nf *NotFoundError
		switch {
		case errors.As(err, &nf):
			id := tx.NewID()
			if _, err := tx.Exec(ctx, `INSERT INTO society_reports (id, org_id, year, status, form, members, dues_cents, deadline, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, orgID, year, ReportDraft, string(raw), f.Members, f.IncomeDues*100,
				db.Millis(s.Deadline(year)), db.Millis(tx.Now)); err != nil {
				return fmt.Errorf("society: new report %d/%d: %w", orgID, year, err)
			}
			if err := record(ctx, tx, soc, audit.Entry{Action: "society.report_save", Target: tgt("report", id)}, nil, map[string]any{"year": year}); err != nil {
				return err
			}
		case err != nil:
			return err
		case !old.Editable():
			return valid.New("form", "society.err.report_locked")
		default:
			if _, err := tx.Exec(ctx, `UPDATE society_reports SET form = ?, members = ?, dues_cents = ?, updated_at = ? WHERE id = ?`,
				string(raw), f.Members, f.IncomeDues*100, db.Millis(tx.Now), old.ID); err != nil {
				return fmt.Errorf("society: save report %d: %w", old.ID, err)
			}
			if err := record(ctx, tx, soc, audit.Entry{Action: "society.report_save", Target: tgt("report", old.ID)}, old.Form, f); err != nil {
				return err
			}
		}
		out, err = getReport(ctx, tx, orgID, year)
		return err
	})
	return out, err
}

// FileReport files the saved report with the 科协. A report filed after the
// deadline is taken and marked late; lateness is judged on its first
// filing, so fixing a returned report does not make it late.
func (s *Store) FileReport(ctx context.Context, orgID int64, year int, by int64) (Report, error) {
	var out Report
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockSociety(ctx, tx, orgID); err != nil {
			return err
		}
		soc, err := society(ctx, tx, orgID)
		if err != nil {
			return err
		}
		r, err := getReport(ctx, tx, orgID, year)
		if err != nil {
			return err
		}
		if !r.Editable() {
			return valid.New("form", "society.err.report_locked")
		}
		if errs := r.Form.Check(year); len(errs) > 0 {
			return errs
		}
		first, late := r.FirstFiled, r.Late
		if first.IsZero() {
			first, late = tx.Now, !tx.Now.Before(r.Deadline)
		}
		if _, err := tx.Exec(ctx, `UPDATE society_reports SET status = ?, first_filed = ?, filed_at = ?, late = ?, filed_by = ?,
			updated_at = ? WHERE id = ?`, ReportFiled, db.Millis(first), db.Millis(tx.Now), boolInt(late), by, db.Millis(tx.Now), r.ID); err != nil {
			return fmt.Errorf("society: file report %d: %w", r.ID, err)
		}
		if err := record(ctx, tx, soc, audit.Entry{Action: "society.report_file", Target: tgt("report", r.ID)}, map[string]any{"status": r.Status},
			map[string]any{"status": ReportFiled, "late": late}); err != nil {
			return err
		}
		out, err = getReport(ctx, tx, orgID, year)
		return err
	})
	return out, err
}

// CheckReport is the 科协's answer to a filed report: accepted, or returned
// with comments for the society to fix. The person who filed it never
// checks it.
func (s *Store) CheckReport(ctx context.Context, orgID int64, year int, by int64, accept bool, comment string) (Report, error) {
	var out Report
	comment = strings.TrimSpace(comment)
	if !accept && comment == "" {
		return out, valid.New("comment", "society.err.comment_required")
	}
	if utf8.RuneCountInString(comment) > 2000 {
		return out, valid.New("comment", "society.err.long", 2000)
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockSociety(ctx, tx, orgID); err != nil {
			return err
		}
		soc, err := society(ctx, tx, orgID)
		if err != nil {
			return err
		}
		r, err := getReport(ctx, tx, orgID, year)
		if err != nil {
			return err
		}
		if r.Status != ReportFiled {
			return valid.New("form", "society.err.not_filed")
		}
		if r.FiledBy == by {
			return valid.New("form", "society.err.own_report")
		}
		status, entry := ReportReturned, audit.Entry{Action: "society.report_return", Target: tgt("report", r.ID)}
		if accept {
			status, entry = ReportAccepted, audit.Entry{Action: "society.report_accept", Target: tgt("report", r.ID)}
		}
		if _, err := tx.Exec(ctx, `UPDATE society_reports SET status = ?, checked_by = ?, checked_at = ?, comment = ?, updated_at = ?
			WHERE id = ?`, status, by, db.Millis(tx.Now), comment, db.Millis(tx.Now), r.ID); err != nil {
			return fmt.Errorf("society: check report %d: %w", r.ID, err)
		}
		if err := record(ctx, tx, soc, entry, map[string]any{"status": r.Status},
			map[string]any{"status": status, "comment": comment}); err != nil {
			return err
		}
		out, err = getReport(ctx, tx, orgID, year)
		return err
	})
	return out, err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
