package conference

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// step runs one step on conference id in a transaction: it loads it, checks
// its status is one of from, runs fn, then moves it to the status fn
// returns ("" keeps it) with an event and an audit entry.
func (s *Store) step(ctx context.Context, id int64, by Actor, action string, from []Status,
	fn func(tx *db.Tx, c Conference) (to Status, note, detail string, err error)) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// Two steps at once (approve and return, a confirmation and a
		// correction): the second sees the first's status.
		if err := lockConf(ctx, tx, id); err != nil {
			return err
		}
		c, err := getConf(ctx, tx, id)
		if err != nil {
			return err
		}
		ok := false
		for _, st := range from {
			ok = ok || c.Status == st
		}
		if !ok {
			return valid.New("", "conference.err.status")
		}
		to, note, detail, err := fn(tx, c)
		if err != nil {
			return err
		}
		if to != "" {
			if _, err := tx.Exec(ctx, `UPDATE conference_confs SET status = ?, updated_at = ? WHERE id = ?`, string(to), db.Millis(tx.Now), id); err != nil {
				return fmt.Errorf("conference: %s %d: %w", action, id, err)
			}
		}
		if err := addEvent(ctx, tx, id, by, action, note, detail); err != nil {
			return err
		}
		after := map[string]any{"status": string(c.Status)}
		if to != "" {
			after["status"] = string(to)
		}
		if note != "" {
			after["note"] = short(note, 80)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: c.OrgID, OrgPath: c.OrgPath, Action: "conference." + action, Target: target(id),
			Before: map[string]any{"status": string(c.Status)}, After: after})
	})
}

func checkText(field, s string, maxRunes int, key string) (string, error) {
	s = strings.TrimSpace(s)
	switch n := utf8.RuneCountInString(s); {
	case n == 0:
		return s, valid.New(field, key)
	case n > maxRunes:
		return s, valid.New(field, "conference.err.too_long", maxRunes)
	}
	return s, nil
}

// Submit files a plan (草稿 or 退回) with the org above its organiser.
func (s *Store) Submit(ctx context.Context, id int64, by Actor) error {
	return s.step(ctx, id, by, "submit", []Status{Draft, Returned}, func(tx *db.Tx, c Conference) (Status, string, string, error) {
		if c.StartsOn < today(tx.Now) {
			return "", "", "", valid.New("starts_on", "conference.err.past")
		}
		return Submitted, "", "", nil
	})
}

// The timeline's steps that write a plan (filed it, edited it, sent it to
// the org above) and those that write its summary (filed or corrected it):
// whoever took one never approves, returns or confirms what they wrote.
var (
	planSteps    = []string{"file", "edit", "submit"}
	summarySteps = []string{"summary", "correct"}
)

// hand reports whether userID took one of the steps on conference confID's
// timeline (never for the anonymous 0 of imports and the demo).
func hand(ctx context.Context, q db.Q, confID, userID int64, steps []string) (bool, error) {
	if userID == 0 {
		return false, nil
	}
	args := []any{confID, userID}
	for _, a := range steps {
		args = append(args, a)
	}
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM conference_events WHERE conf_id = ? AND actor_user = ? AND action IN (`+
		strings.TrimSuffix(strings.Repeat("?, ", len(steps)), ", ")+`)`, args...).Scan(&n); err != nil {
		return false, fmt.Errorf("conference: steps of %d: %w", confID, err)
	}
	return n > 0, nil
}

// Hands reports whether userID wrote conference id's plan (filed, edited or
// submitted it) and whether they wrote its summary (filed or corrected it):
// the steps of the org above they may not take.
func (s *Store) Hands(ctx context.Context, id, userID int64) (plan, summary bool, err error) {
	if plan, err = hand(ctx, s.db, id, userID, planSteps); err != nil {
		return false, false, err
	}
	summary, err = hand(ctx, s.db, id, userID, summarySteps)
	return plan, summary, err
}

// StaffOf reports whether by is the staff of c's organiser or of an org
// below it (by.Staff), who never take the steps of the org above; the
// root's own conferences, approved at the root, aside.
func (c Conference) StaffOf(by Actor) bool {
	if c.UpperPath == c.OrgPath {
		return false
	}
	for _, p := range by.Staff {
		if strings.HasPrefix(p, c.OrgPath) {
			return true
		}
	}
	return false
}

// upper refuses a step of the org above by anyone outside it (scope is the
// caller's conference.approve scope), by the staff of the organiser or an
// org below it (by.Staff), and by anyone who wrote what the step decides on: the plan (filed, edited or submitted it), and for a summary's
// confirmation the summary too (filed or corrected it).
func upper(ctx context.Context, tx *db.Tx, c Conference, scope access.Scope, by Actor, steps []string) error {
	if !scope.Contains(c.UpperPath) {
		return valid.New("", "conference.err.not_upper")
	}
	if by.UserID != 0 && by.UserID == c.FilerUser {
		return valid.New("", "conference.err.own")
	}
	own, err := hand(ctx, tx, c.ID, by.UserID, steps)
	if err != nil {
		return err
	}
	if own {
		return valid.New("", "conference.err.own")
	}
	if c.StaffOf(by) {
		return valid.New("", "conference.err.own_org")
	}
	return nil
}

// Approve approves a filed plan: by staff of the org above, never its filer.
func (s *Store) Approve(ctx context.Context, id int64, scope access.Scope, by Actor) error {
	return s.step(ctx, id, by, "approve", []Status{Submitted}, func(tx *db.Tx, c Conference) (Status, string, string, error) {
		return Approved, "", "", upper(ctx, tx, c, scope, by, planSteps)
	})
}

// Return sends a filed plan back to its filer with the reason (退回); they
// edit it and file it again.
func (s *Store) Return(ctx context.Context, id int64, reason string, scope access.Scope, by Actor) error {
	reason, err := checkText("reason", reason, MaxReason, "conference.err.reason")
	if err != nil {
		return err
	}
	return s.step(ctx, id, by, "return", []Status{Submitted}, func(tx *db.Tx, c Conference) (Status, string, string, error) {
		return Returned, reason, "", upper(ctx, tx, c, scope, by, planSteps)
	})
}

// OpenRegistration opens registration and the call for papers of an
// approved conference that has not ended.
func (s *Store) OpenRegistration(ctx context.Context, id int64, by Actor) error {
	return s.step(ctx, id, by, "open", []Status{Approved}, func(tx *db.Tx, c Conference) (Status, string, string, error) {
		if c.EndsOn < today(tx.Now) {
			return "", "", "", valid.New("", "conference.err.ended")
		}
		return Open, "", "", nil
	})
}

// MarkHeld records that the conference took place, from its first day on;
// registration and the call for papers close.
func (s *Store) MarkHeld(ctx context.Context, id int64, by Actor) error {
	return s.step(ctx, id, by, "hold", []Status{Open, Approved}, func(tx *db.Tx, c Conference) (Status, string, string, error) {
		if today(tx.Now) < c.StartsOn {
			return "", "", "", valid.New("", "conference.err.not_started")
		}
		return Held, "", "", nil
	})
}

// Cancel calls a conference off, with the reason, at any point before it
// is held and before anyone checks in.
func (s *Store) Cancel(ctx context.Context, id int64, reason string, by Actor) error {
	reason, err := checkText("reason", reason, MaxReason, "conference.err.reason")
	if err != nil {
		return err
	}
	from := []Status{Draft, Returned, Submitted, Approved, Open}
	return s.step(ctx, id, by, "cancel", from, func(tx *db.Tx, c Conference) (Status, string, string, error) {
		// People checked in: it took place, and is held and summarized,
		// not called off out of the counts and the overdue summaries.
		if c.CheckedIn > 0 {
			return "", "", "", valid.New("", "conference.err.cancel_checked_in", c.CheckedIn)
		}
		return Cancelled, reason, "", nil
	})
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// auditAppend writes an audit entry on conference c.
func auditAppend(ctx context.Context, tx *db.Tx, c Conference, action string, before, after map[string]any) error {
	return audit.Append(ctx, tx, audit.Entry{OrgID: c.OrgID, OrgPath: c.OrgPath, Action: action, Target: target(c.ID), Before: before, After: after})
}
