package volunteer

import (
	"context"
	"database/sql"
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

// Correction is a change of a ledger entry's hours filed by staff: it waits
// for another person's approval, then becomes a new ledger entry of its own
// (the corrected entry is never touched).
type Correction struct {
	ID          int64
	VolunteerID int64
	EntrySeq    int64 // the entry corrected
	EntryDay    string
	Minutes     int // signed
	Reason      string
	Status      string // pending, approved, rejected
	FiledBy     int64
	DecidedBy   int64
	DecidedAt   time.Time
	LedgerSeq   int64 // the correction's own entry, once approved
	CreatedAt   time.Time
}

// HoursText is the correction's signed hours for pages ("+1.5", "-2").
func (c Correction) HoursText() string {
	if c.Minutes > 0 {
		return "+" + FormatHours(int64(c.Minutes))
	}
	return FormatHours(int64(c.Minutes))
}

// CorrectionInput is what staff file: the entry, the signed minutes and why.
type CorrectionInput struct {
	VolunteerID int64
	EntrySeq    int64
	Minutes     int
	Reason      string
}

// entryHeld reads an entry of the volunteer's and the minutes it holds now:
// its own plus its approved corrections, plus, with pending, the ones still
// awaiting approval (their sum, counted apart so a filing cannot overdraw
// an entry through two corrections in flight).
func entryHeld(ctx context.Context, q db.Q, volunteerID, seq int64) (e Entry, approved, pending int64, err error) {
	err = q.QueryRow(ctx, `SELECT seq, volunteer_id, day, minutes, source, ref_id, by_user, at, prev_hash, hash
		FROM volunteer_hours WHERE seq = ? AND volunteer_id = ?`, seq, volunteerID).
		Scan(&e.Seq, &e.VolunteerID, &e.Day, &e.Minutes, &e.Source, &e.RefID, &e.ByUser, new(int64), &e.PrevHash, &e.Hash)
	if errors.Is(err, sql.ErrNoRows) {
		return e, 0, 0, valid.New("entry", "volunteer.err.entry")
	}
	if err != nil {
		return e, 0, 0, fmt.Errorf("volunteer: entry %d: %w", seq, err)
	}
	err = q.QueryRow(ctx, `SELECT COALESCE(SUM(CASE WHEN status = 'approved' THEN minutes ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN status = 'pending' THEN minutes ELSE 0 END), 0)
		FROM volunteer_corrections WHERE entry_seq = ?`, seq).Scan(&approved, &pending)
	if err != nil {
		return e, 0, 0, fmt.Errorf("volunteer: entry %d corrections: %w", seq, err)
	}
	return e, int64(e.Minutes) + approved, pending, nil
}

// checkCorrection refuses a correction that takes an entry below zero or its
// day past 24 hours. pending is the sum of the other corrections in flight.
func checkCorrection(ctx context.Context, q db.Q, e Entry, held, pending int64, minutes int) error {
	if held+pending+int64(minutes) < 0 {
		return valid.New("minutes", "volunteer.err.correct_over", e.Seq, float64(held+pending)/60)
	}
	if minutes <= 0 {
		return nil
	}
	var day, inFlight int64
	if err := q.QueryRow(ctx, `SELECT COALESCE(SUM(minutes), 0) FROM volunteer_hours WHERE volunteer_id = ? AND day = ?`, e.VolunteerID, e.Day).Scan(&day); err != nil {
		return fmt.Errorf("volunteer: day total: %w", err)
	}
	if err := q.QueryRow(ctx, `SELECT COALESCE(SUM(c.minutes), 0) FROM volunteer_corrections c JOIN volunteer_hours h ON h.seq = c.entry_seq
		WHERE c.volunteer_id = ? AND c.status = 'pending' AND h.day = ?`, e.VolunteerID, e.Day).Scan(&inFlight); err != nil {
		return fmt.Errorf("volunteer: day in flight: %w", err)
	}
	if day+inFlight+int64(minutes) > MaxDayMinutes {
		return valid.New("minutes", "volunteer.err.day_over", e.Day, float64(day+inFlight)/60)
	}
	return nil
}

// FileCorrection records a pending correction of one of a volunteer's
// ledger entries; scope is the filer's for volunteer.manage. Nothing reaches
// the ledger until another person approves it.
func (s *Store) FileCorrection(ctx context.Context, in CorrectionInput, scope access.Scope, by int64) (int64, error) {
	in.Reason = strings.TrimSpace(in.Reason)
	var errs valid.Errors
	switch {
	case in.Minutes == 0:
		errs.Add("minutes", "volunteer.err.correct_zero")
	case in.Minutes > MaxDayMinutes || in.Minutes < -MaxDayMinutes:
		errs.Add("minutes", "volunteer.err.correct_day")
	}
	if n := utf8.RuneCountInString(in.Reason); n == 0 || n > 500 {
		errs.Add("reason", "volunteer.err.reason")
	}
	if in.EntrySeq <= 0 {
		errs.Add("entry", "volunteer.err.entry")
	}
	if err := errs.Err(); err != nil {
		return 0, err
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		// The volunteer's row lock first: the corrections in flight are
		// summed below to bound this one, and a filing at once must not
		// read them before the other is written (integrity review 52).
		if err := tx.LockRow(ctx, "volunteers", in.VolunteerID); err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		v, err := s.getVolunteer(ctx, tx, "v.id = ?", in.VolunteerID)
		if err != nil {
			return err
		}
		if !scope.Contains(v.OrgPath) {
			return fmt.Errorf("volunteer: correct %d: %w", v.ID, access.ErrDenied)
		}
		if by == 0 || by == v.UserID {
			return valid.New("entry", "volunteer.err.own_hours")
		}
		e, held, pending, err := entryHeld(ctx, tx, v.ID, in.EntrySeq)
		if err != nil {
			return err
		}
		if e.Source == SourceCorrection {
			return valid.New("entry", "volunteer.err.correct_correction")
		}
		// The same correction filed again while it waits (a second click,
		// a resubmitted form) would be approved twice.
		var same int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM volunteer_corrections WHERE entry_seq = ? AND status = ? AND minutes = ? AND reason = ?`,
			e.Seq, Pending, in.Minutes, in.Reason).Scan(&same); err != nil {
			return fmt.Errorf("volunteer: file correction: %w", err)
		}
		if same > 0 {
			return valid.New("entry", "volunteer.err.correction_filed")
		}
		if err := checkCorrection(ctx, tx, e, held, pending, in.Minutes); err != nil {
			return err
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO volunteer_corrections (id, volunteer_id, entry_seq, minutes, reason, status, filed_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, v.ID, e.Seq, in.Minutes, in.Reason, Pending, by, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("volunteer: file correction: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "volunteer.correction_file",
			Target: fmt.Sprintf("volunteer:%d", v.ID),
			After:  map[string]any{"correction": id, "entry": e.Seq, "day": e.Day, "minutes": in.Minutes, "reason": in.Reason}})
	})
	return id, err
}

// DecideCorrection approves (appending it to the ledger) or rejects a
// pending correction. The person who filed it never decides it, nor does
// the volunteer; scope is the decider's for volunteer.manage.
func (s *Store) DecideCorrection(ctx context.Context, id int64, approve bool, scope access.Scope, by int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		c, err := getCorrection(ctx, tx, id)
		if err != nil {
			return err
		}
		v, err := s.getVolunteer(ctx, tx, "v.id = ?", c.VolunteerID)
		if err != nil {
			return err
		}
		switch {
		case !scope.Contains(v.OrgPath):
			return fmt.Errorf("volunteer: decide correction %d: %w", id, access.ErrDenied)
		case by == 0 || by == v.UserID:
			return valid.New("correction", "volunteer.err.own_hours")
		case by == c.FiledBy:
			return valid.New("correction", "volunteer.err.own_correction")
		case c.Status != Pending:
			return valid.New("correction", "volunteer.err.decided")
		}
		status := Rejected
		if approve {
			status = Approved
		}
		var ledgerSeq int64
		if approve {
			// Lock the ledger's head before reading what the entry holds, so
			// two approvals on one entry cannot both pass on a stale sum.
			if tx.Dialect() == db.Postgres {
				if _, err := tx.Exec(ctx, `SELECT seq FROM volunteer_hours_head WHERE id = 1 FOR UPDATE`); err != nil {
					return fmt.Errorf("volunteer: lock ledger head: %w", err)
				}
			}
			e, held, _, err := entryHeld(ctx, tx, v.ID, c.EntrySeq)
			if err != nil {
				return err
			}
			if held+int64(c.Minutes) < 0 {
				return valid.New("minutes", "volunteer.err.correct_over", e.Seq, float64(held)/60)
			}
			ne, err := s.credit(ctx, tx, Entry{VolunteerID: v.ID, Day: e.Day, Minutes: c.Minutes, Source: SourceCorrection, RefID: c.ID, ByUser: by}, v.OrgID, v.OrgPath)
			if err != nil {
				return err
			}
			ledgerSeq = ne.Seq
		}
		res, err := tx.Exec(ctx, `UPDATE volunteer_corrections SET status = ?, decided_by = ?, decided_at = ?, ledger_seq = ? WHERE id = ? AND status = ?`,
			status, by, db.Millis(tx.Now), ledgerSeq, id, Pending)
		if err != nil {
			return fmt.Errorf("volunteer: decide correction: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return valid.New("correction", "volunteer.err.decided")
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "volunteer.correction_decide",
			Target: fmt.Sprintf("volunteer:%d", v.ID),
			After:  map[string]any{"correction": id, "status": status, "minutes": c.Minutes, "ledger_seq": ledgerSeq}})
	})
}

const correctionCols = `c.id, c.volunteer_id, c.entry_seq, COALESCE(h.day, ''), c.minutes, c.reason, c.status, c.filed_by, c.decided_by, c.decided_at, c.ledger_seq, c.created_at`

func scanCorrection(row db.Scanner) (Correction, error) {
	var c Correction
	var decided, created int64
	err := row.Scan(&c.ID, &c.VolunteerID, &c.EntrySeq, &c.EntryDay, &c.Minutes, &c.Reason, &c.Status, &c.FiledBy, &c.DecidedBy, &decided, &c.LedgerSeq, &created)
	if decided != 0 {
		c.DecidedAt = db.Time(decided)
	}
	c.CreatedAt = db.Time(created)
	return c, err
}

func getCorrection(ctx context.Context, q db.Q, id int64) (Correction, error) {
	c, err := scanCorrection(q.QueryRow(ctx, `SELECT `+correctionCols+` FROM volunteer_corrections c
		LEFT JOIN volunteer_hours h ON h.seq = c.entry_seq WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("volunteer: correction %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return c, fmt.Errorf("volunteer: correction %d: %w", id, err)
	}
	return c, nil
}

// Correction returns one correction.
func (s *Store) Correction(ctx context.Context, id int64) (Correction, error) {
	return getCorrection(ctx, s.db, id)
}

// CorrectionsOf lists a volunteer's corrections, newest first.
func (s *Store) CorrectionsOf(ctx context.Context, volunteerID int64) ([]Correction, error) {
	rows, err := s.db.Query(ctx, `SELECT `+correctionCols+` FROM volunteer_corrections c
		LEFT JOIN volunteer_hours h ON h.seq = c.entry_seq WHERE c.volunteer_id = ? ORDER BY c.created_at DESC, c.id DESC LIMIT 200`, volunteerID)
	if err != nil {
		return nil, fmt.Errorf("volunteer: corrections: %w", err)
	}
	defer rows.Close()
	var out []Correction
	for rows.Next() {
		c, err := scanCorrection(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
