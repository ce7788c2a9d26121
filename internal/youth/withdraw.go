package youth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// live are the statuses an application leaves when it is withdrawn or
// cancelled.
var live = []string{Pending, Waitlisted, Accepted}

// CanWithdraw reports whether whoever applied may still withdraw e at now:
// an application pending, waitlisted or accepted, of a programme taking or
// closed to applications, before its first day.
func (e Enrolment) CanWithdraw(now time.Time) bool {
	return inList(live, e.Status) && (e.ProgrammeStatus == Open || e.ProgrammeStatus == Closed) && now.Before(e.ProgrammeStarts)
}

// CanCancel reports whether staff may still cancel e: an application
// pending, waitlisted or accepted, of a programme not cancelled nor
// summarized.
func (e Enrolment) CanCancel() bool {
	return inList(live, e.Status) && (e.ProgrammeStatus == Open || e.ProgrammeStatus == Closed || e.ProgrammeStatus == Ended)
}

// Withdraw is whoever applied withdrawing an application before the
// programme's first day, with an optional reason. Anyone else gets the
// answer of an application that does not exist. A place it held is freed
// in the same transaction and the first of the waiting list moves up.
func (s *Store) Withdraw(ctx context.Context, id int64, reason string, by Actor) error {
	reason = strings.TrimSpace(reason)
	if utf8.RuneCountInString(reason) > MaxReason {
		return valid.New("reason", "youth.err.too_long", MaxReason)
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		e, err := getEnrolment(ctx, tx, id)
		if err != nil {
			return err
		}
		if by.UserID == 0 || e.ApplicantUser != by.UserID {
			return &NotFoundError{"enrolment", id}
		}
		p, err := lockProgramme(ctx, tx, e.ProgrammeID)
		if err != nil {
			return err
		}
		if e, err = getEnrolment(ctx, tx, id); err != nil { // read again under the lock
			return err
		}
		switch {
		case e.Status == Withdrawn:
			return valid.New("", "youth.err.withdrawn")
		case !inList(live, e.Status) || (p.Status != Open && p.Status != Closed):
			return valid.New("", "youth.err.status")
		case !tx.Now.Before(p.StartsOn):
			return valid.New("", "youth.err.started")
		}
		return leave(ctx, tx, e, p, Withdrawn, "withdraw", reason, by)
	})
}

// CancelEnrolment is staff cancelling an application (the student cannot
// come, the consent was withdrawn by phone …) with a required reason. A
// place it held before the programme's first day is freed and the first
// of the waiting list moves up.
func (s *Store) CancelEnrolment(ctx context.Context, id int64, reason string, by Actor) error {
	reason = strings.TrimSpace(reason)
	var errs valid.Errors
	runes(&errs, "cancel_reason", reason, 2, MaxReason, "youth.err.reason")
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		e, err := getEnrolment(ctx, tx, id)
		if err != nil {
			return err
		}
		p, err := lockProgramme(ctx, tx, e.ProgrammeID)
		if err != nil {
			return err
		}
		if e, err = getEnrolment(ctx, tx, id); err != nil {
			return err
		}
		if e.Status == Withdrawn {
			return valid.New("", "youth.err.withdrawn")
		}
		if !e.CanCancel() {
			return valid.New("", "youth.err.status")
		}
		return leave(ctx, tx, e, p, Cancelled, "cancel_enrolment", reason, by)
	})
}

// leave takes e out (withdrawn or cancelled); when it held a place before
// the programme's first day, the first of the waiting list (in the order
// staff put them there) takes it.
func leave(ctx context.Context, tx *db.Tx, e Enrolment, p Programme, to, action, reason string, by Actor) error {
	if _, err := tx.Exec(ctx, `UPDATE youth_enrolments SET status = ?, reason = ? WHERE id = ?`, to, reason, e.ID); err != nil {
		return fmt.Errorf("youth: %s %d: %w", action, e.ID, err)
	}
	if err := addEvent(ctx, tx, e.ProgrammeID, e.ID, by, action, reason, ""); err != nil {
		return err
	}
	// The reason stays in the timeline, not the audit log: a guardian may
	// write the child's name in it.
	if err := audit.Append(ctx, tx, audit.Entry{OrgID: e.OrgID, OrgPath: e.OrgPath, Action: "youth." + action, Target: enrolmentTarget(e.ID),
		Before: map[string]any{"status": e.Status}, After: map[string]any{"status": to}}); err != nil {
		return err
	}
	if e.Status != Accepted || !tx.Now.Before(p.StartsOn) || p.Accepted-1 >= p.Places {
		return nil
	}
	var next int64
	err := tx.QueryRow(ctx, `SELECT id FROM youth_enrolments WHERE programme_id = ? AND status = 'waitlisted'
		ORDER BY decided_at, applied_at, id LIMIT 1`, e.ProgrammeID).Scan(&next)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("youth: promote after %d: %w", e.ID, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE youth_enrolments SET status = 'accepted', decided_by = 0, decided_at = ? WHERE id = ?`,
		db.Millis(tx.Now), next); err != nil {
		return fmt.Errorf("youth: promote %d: %w", next, err)
	}
	if err := addEvent(ctx, tx, e.ProgrammeID, next, Actor{}, "promote", "", ""); err != nil {
		return err
	}
	return audit.Append(ctx, tx, audit.Entry{OrgID: e.OrgID, OrgPath: e.OrgPath, Action: "youth.promote", Target: enrolmentTarget(next),
		Before: map[string]any{"status": Waitlisted}, After: map[string]any{"status": Accepted, "freed_by": e.ID}})
}
