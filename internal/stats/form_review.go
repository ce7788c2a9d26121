package stats

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// MaxReason is how long a reason (退回, 更正) may be, in characters.
const MaxReason = 1000

// step runs a review step on the org's form of year in a transaction: the
// form must be in status from.
func (s *Store) step(ctx context.Context, orgID int64, year int, from Status, fn func(tx *db.Tx, o orgRow, f Form) error) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		o, err := filer(ctx, tx, orgID)
		if err != nil {
			return err
		}
		f, err := getForm(ctx, tx, o, year)
		if err != nil {
			return err
		}
		if f.Status != from {
			return valid.New("", "stats.err.status")
		}
		return fn(tx, o, f)
	})
}

// own reports whether by submitted or saved the form, in any revision:
// such a user never approves, returns nor reopens it. A correction's
// revision still holds the figures of the revisions before it, so who
// filed those is not the one to approve it (D249.4, D249.5).
func own(ctx context.Context, tx *db.Tx, f Form, by Actor) (bool, error) {
	if by.UserID == 0 {
		return false, nil
	}
	if f.FiledBy == by.UserID {
		return true, nil
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM stats_events WHERE form_id = ? AND actor_user = ? AND action IN ('save', 'submit')`,
		f.ID, by.UserID).Scan(&n); err != nil {
		return false, fmt.Errorf("stats: own %d: %w", f.ID, err)
	}
	return n > 0, nil
}

func reason(s string) (string, error) {
	s = strings.TrimSpace(s)
	switch n := utf8.RuneCountInString(s); {
	case n < 2:
		return s, valid.New("reason", "stats.err.reason")
	case n > MaxReason:
		return s, valid.New("reason", "stats.err.too_long", MaxReason)
	}
	return s, nil
}

func (s *Store) review(ctx context.Context, orgID int64, year int, from, to Status, action, note string, by Actor) error {
	var done Form
	err := s.step(ctx, orgID, year, from, func(tx *db.Tx, o orgRow, f Form) error {
		f.OrgName, done = o.Name, f
		if mine, err := own(ctx, tx, f, by); err != nil {
			return err
		} else if mine {
			return valid.New("", "stats.err.own")
		}
		// The org's own staff (兼任 above) are not the org above's review.
		if by.staffOf(o.Path) {
			return valid.New("", "stats.err.staff")
		}
		now := db.Millis(tx.Now)
		rev := f.Rev
		if action == "reopen" {
			rev++
		}
		// Only from the status and revision read above: of two reviewers
		// approving and returning at once, the second finds the form moved
		// (PostgreSQL reads again after the first commits) and is refused.
		res, err := tx.Exec(ctx, `UPDATE stats_forms SET status = ?, rev = ?, reviewed_by = ?, reviewed_name = ?, reviewed_at = ?, reason = ?, updated_at = ?
			WHERE id = ? AND status = ? AND rev = ?`, string(to), rev, by.UserID, by.Name, now, note, now, f.ID, string(from), f.Rev)
		if err != nil {
			return fmt.Errorf("stats: %s %d: %w", action, f.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return valid.New("", "stats.err.status")
		}
		var snap Values
		if action != "return" {
			snap = f.Values // the approved values, kept when approved and when reopened
		}
		if err := addEvent(ctx, tx, f, by, action, note, snap); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: o.ID, OrgPath: o.Path, Action: "stats." + action, Target: formTarget(f.ID),
			Before: map[string]any{"status": string(f.Status)}, After: map[string]any{"status": string(to), "reason": note, "year": year}})
	})
	if err != nil {
		return err
	}
	s.tell(ctx, done, action, note)
	return nil
}

// tell lets the filer of the form's revision know of a review step, after
// it committed. Telling is best effort: the notify module's Tell only
// enqueues a job (which retries the sending), and a failure to enqueue is
// not the reviewer's problem — the step is done and the filing org's home
// page lists a returned form with its reason anyway.
func (s *Store) tell(ctx context.Context, f Form, action, note string) {
	if s.cfg.Teller == nil || f.FiledBy == 0 {
		return
	}
	args := []any{f.OrgName, f.Year}
	if note != "" {
		// One line, and short: it becomes a text message or a subject.
		args = append(args, cut(strings.Join(strings.Fields(note), " "), 200))
	}
	// The step is done: a reviewer who closes the page does not cancel it.
	_ = s.cfg.Teller.Tell(context.WithoutCancel(ctx), Notice{UserID: f.FiledBy, Key: "stats.notice." + action, Args: args, Link: formHref(f.OrgID, f.Year)})
}

// Return sends a submitted form back to its org with the reason (已退回):
// it is editable again. Whoever submitted or saved it never returns it.
func (s *Store) Return(ctx context.Context, orgID int64, year int, why string, by Actor) error {
	why, err := reason(why)
	if err != nil {
		return err
	}
	return s.review(ctx, orgID, year, Submitted, Returned, "return", why, by)
}

// Approve accepts a submitted form (已审核): from now on it counts in the
// summaries. Whoever submitted or saved it never approves it.
func (s *Store) Approve(ctx context.Context, orgID int64, year int, by Actor) error {
	return s.review(ctx, orgID, year, Submitted, Approved, "approve", "", by)
}

// Reopen opens an approved form for a correction, with the reason: it
// starts the next revision as 已退回, the approved values kept in the
// timeline, and counts in no summary until it is approved again. Whoever
// submitted or saved it never reopens it.
func (s *Store) Reopen(ctx context.Context, orgID int64, year int, why string, by Actor) error {
	why, err := reason(why)
	if err != nil {
		return err
	}
	return s.review(ctx, orgID, year, Approved, Returned, "reopen", why, by)
}

// SetDeadline sets the deadline of year for the subtree of the org of
// orgID: day is the last day ("2027-03-31"), in the year or the two after,
// and no later than the deadline of the org above.
func (s *Store) SetDeadline(ctx context.Context, orgID int64, year int, day string, by Actor) error {
	d, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(day), zone)
	if err != nil {
		return valid.New("due", "stats.err.date")
	}
	if d.Year() < year || d.Year() > year+2 {
		return valid.New("due", "stats.err.due_range", year, year+2)
	}
	due := d.AddDate(0, 0, 1)
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		o, err := getOrg(ctx, tx, orgID)
		if err != nil {
			return err
		}
		old, err := deadline(ctx, tx, o.Path, year)
		if err != nil {
			return err
		}
		// A subtree files no later than the org above it asks.
		if o.ParentID != 0 {
			up, err := deadline(ctx, tx, parentPath(o.Path), year)
			if err != nil {
				return err
			}
			if due.After(up) {
				return valid.New("due", "stats.err.due_after", up.Add(-time.Second).In(zone).Format("2006-01-02"))
			}
		}
		if _, err := tx.Exec(ctx, `DELETE FROM stats_deadlines WHERE org_id = ? AND year = ?`, o.ID, year); err != nil {
			return fmt.Errorf("stats: deadline %d: %w", o.ID, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO stats_deadlines (org_id, year, due, set_by, set_at) VALUES (?, ?, ?, ?, ?)`,
			o.ID, year, db.Millis(due), by.UserID, db.Millis(tx.Now)); err != nil {
			if db.IsUniqueViolation(err) { // a colleague set it at the same moment
				return valid.New("due", "stats.err.concurrent_due")
			}
			return fmt.Errorf("stats: deadline %d: %w", o.ID, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: o.ID, OrgPath: o.Path, Action: "stats.deadline", Target: fmt.Sprintf("org:%d", o.ID),
			Before: map[string]any{"due": old.Add(-time.Second).In(zone).Format("2006-01-02")}, After: map[string]any{"due": d.Format("2006-01-02"), "year": year}})
	})
}
