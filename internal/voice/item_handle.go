package voice

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

// handle runs one staff step on item id in a transaction: it loads the
// item, refuses its filer (nobody handles what they filed), checks the
// status is one of from, and runs fn. The item's row lock makes steps at
// once on one item on PostgreSQL see each other (race review 51).
func (s *Store) handle(ctx context.Context, id int64, by Actor, from []Status, fn func(tx *db.Tx, it Item) error) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "voice_items", id); err != nil {
			return err
		}
		it, err := getItem(ctx, tx, id)
		if err != nil {
			return err
		}
		if by.UserID != 0 && by.UserID == it.FilerUser {
			return valid.New("", "voice.err.own")
		}
		ok := false
		for _, st := range from {
			ok = ok || it.Status == st
		}
		if !ok {
			return valid.New("", "voice.err.status")
		}
		return fn(tx, it)
	})
}

func checkText(field, s string, maxRunes int, key string) (string, error) {
	return valid.Text(field, s, maxRunes, key, "voice.err.too_long")
}

// Accept accepts a submitted item: its time limit starts, due the given
// number of working days (by kind) from now.
func (s *Store) Accept(ctx context.Context, id int64, by Actor) error {
	it, err := getItem(ctx, s.db, id)
	if err != nil {
		return err
	}
	due, err := s.cfg.Days.AddWorkdays(ctx, s.db.Now(), s.DueDays(it.Kind))
	if err != nil {
		return err
	}
	return s.handle(ctx, id, by, []Status{Submitted}, func(tx *db.Tx, it Item) error {
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `UPDATE voice_items SET status = 'accepted', accepted_at = ?, due_at = ?, updated_at = ? WHERE id = ?`,
			now, db.Millis(due), now, id); err != nil {
			return fmt.Errorf("voice: accept %d: %w", id, err)
		}
		day := due.In(calendar.Beijing).Format("2006-01-02")
		if err := addEvent(ctx, tx, id, by, "accept", "", day, false); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "voice.accept", Target: target(id),
			After: map[string]any{"due": day}})
	})
}

// Decline closes a submitted item without handling it (不予受理), with the
// reason the filer reads.
func (s *Store) Decline(ctx context.Context, id int64, reason string, by Actor) error {
	reason, err := checkText("reason", reason, MaxReason, "voice.err.reason")
	if err != nil {
		return err
	}
	return s.handle(ctx, id, by, []Status{Submitted}, func(tx *db.Tx, it Item) error {
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `UPDATE voice_items SET status = 'declined', closed_at = ?, updated_at = ? WHERE id = ?`, now, now, id); err != nil {
			return fmt.Errorf("voice: decline %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, id, by, "decline", reason, "", false); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "voice.decline", Target: target(id),
			After: map[string]any{"reason": reason}})
	})
}

// Assign gives an accepted item (or one in hand) to a handler: a user who
// may handle items of its org, never its filer.
func (s *Store) Assign(ctx context.Context, id int64, username string, by Actor) error {
	username = strings.TrimSpace(username)
	if username == "" {
		return valid.New("handler", "voice.err.handler")
	}
	it, err := getItem(ctx, s.db, id)
	if err != nil {
		return err
	}
	if s.cfg.Staff == nil {
		return valid.New("handler", "voice.err.handler")
	}
	p, err := s.cfg.Staff.Handler(ctx, username, it.OrgPath)
	if err != nil {
		return err
	}
	if it.FilerUser != 0 && p.UserID == it.FilerUser {
		return valid.New("handler", "voice.err.own_handler")
	}
	checked := it.OrgID
	return s.handle(ctx, id, by, []Status{Accepted, Assigned}, func(tx *db.Tx, it Item) error {
		if it.OrgID != checked { // transferred since the handler was checked
			return valid.New("", "voice.err.status")
		}
		if _, err := tx.Exec(ctx, `UPDATE voice_items SET status = 'assigned', handler_user = ?, handler_name = ?, updated_at = ? WHERE id = ?`,
			p.UserID, p.Name, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("voice: assign %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, id, by, "assign", "", p.Name, false); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "voice.assign", Target: target(id),
			After: map[string]any{"handler": p.Name}})
	})
}

// Transfer (转办) sends an item not yet answered to another org of the
// caller's scope that takes items, with the reason. The time limit keeps
// running (an accepted item stays accepted, its due date unchanged), and
// the handler is cleared: the receiving org assigns its own (D240.4).
func (s *Store) Transfer(ctx context.Context, id, orgID int64, reason string, scope access.Scope, by Actor) error {
	reason, err := checkText("reason", reason, MaxReason, "voice.err.reason")
	if err != nil {
		return err
	}
	return s.handle(ctx, id, by, []Status{Submitted, Accepted, Assigned}, func(tx *db.Tx, it Item) error {
		path, ok, err := org.PublicPath(ctx, tx, orgID)
		if err != nil {
			return err
		}
		if !ok || !scope.Contains(path) {
			return valid.New("org_id", "voice.err.transfer_org")
		}
		if orgID == it.OrgID {
			return valid.New("org_id", "voice.err.transfer_same")
		}
		var name string
		if err := tx.QueryRow(ctx, `SELECT name FROM orgs WHERE id = ?`, orgID).Scan(&name); err != nil {
			return fmt.Errorf("voice: transfer %d: %w", id, err)
		}
		status := it.Status
		if status == Assigned {
			status = Accepted
		}
		if _, err := tx.Exec(ctx, `UPDATE voice_items SET org_id = ?, status = ?, handler_user = 0, handler_name = '', updated_at = ? WHERE id = ?`,
			orgID, string(status), db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("voice: transfer %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, id, by, "transfer", reason, it.OrgName+" → "+name, false); err != nil {
			return err
		}
		// Both orgs' logs show it: the sender's and the receiver's.
		if err := audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "voice.transfer", Target: target(id),
			Before: map[string]any{"org": it.OrgID}, After: map[string]any{"org": orgID, "reason": reason}}); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "voice.transfer", Target: target(id),
			Before: map[string]any{"org": it.OrgID}, After: map[string]any{"org": orgID, "reason": reason}})
	})
}

// Answer records the assigned handler's answer; the item waits for the
// filer's rating and closes by itself CloseDays working days later.
func (s *Store) Answer(ctx context.Context, id int64, text string, by Actor) error {
	text, err := checkText("answer", text, MaxAnswer, "voice.err.answer")
	if err != nil {
		return err
	}
	closeAt, err := s.cfg.Days.AddWorkdays(ctx, s.db.Now(), s.cfg.CloseDays)
	if err != nil {
		return err
	}
	return s.handle(ctx, id, by, []Status{Assigned}, func(tx *db.Tx, it Item) error {
		if it.HandlerUser != by.UserID {
			return valid.New("", "voice.err.not_handler")
		}
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `UPDATE voice_items SET status = 'answered', answer = ?, answered_at = ?, close_at = ?, updated_at = ? WHERE id = ?`,
			text, now, db.Millis(closeAt), now, id); err != nil {
			return fmt.Errorf("voice: answer %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, id, by, "answer", text, "", false); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "voice.answer", Target: target(id),
			After: map[string]any{"answer": short(text, 80)}})
	})
}

// Correct replaces the text of an answer already given (answered or
// closed), with the reason; the earlier text stays in its event. Only the
// handler who answered corrects it.
func (s *Store) Correct(ctx context.Context, id int64, text, reason string, by Actor) error {
	text, err := checkText("answer", text, MaxAnswer, "voice.err.answer")
	if err != nil {
		return err
	}
	if reason, err = checkText("reason", reason, MaxReason, "voice.err.reason"); err != nil {
		return err
	}
	return s.handle(ctx, id, by, []Status{Answered, Closed}, func(tx *db.Tx, it Item) error {
		if it.HandlerUser != by.UserID {
			return valid.New("", "voice.err.not_handler")
		}
		if text == it.Answer {
			return valid.New("answer", "voice.err.unchanged")
		}
		if _, err := tx.Exec(ctx, `UPDATE voice_items SET answer = ?, updated_at = ? WHERE id = ?`, text, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("voice: correct %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, id, by, "correct", text, reason, false); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "voice.correct", Target: target(id),
			Before: map[string]any{"answer": short(it.Answer, 80)}, After: map[string]any{"answer": short(text, 80), "reason": reason}})
	})
}

// Note adds a staff note to the timeline, which the filer never sees.
func (s *Store) Note(ctx context.Context, id int64, text string, by Actor) error {
	text, err := checkText("note", text, MaxReason, "voice.err.note")
	if err != nil {
		return err
	}
	all := append([]Status(nil), Statuses...)
	return s.handle(ctx, id, by, all, func(tx *db.Tx, it Item) error {
		return addEvent(ctx, tx, id, by, "note", text, "", true)
	})
}

// Reveal opens the contact of an item for a permitted user and records who
// saw it; "" when the filer left none.
func (s *Store) Reveal(ctx context.Context, id int64) (string, error) {
	it, err := getItem(ctx, s.db, id)
	if err != nil || it.Contact == "" {
		return "", err
	}
	if s.cfg.Keys == nil {
		return "", ErrNoKeys
	}
	plain, err := s.cfg.Keys.Open(contactField, it.Contact)
	if err != nil {
		return "", fmt.Errorf("voice: reveal %d: %w", id, err)
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "voice.reveal", Target: target(id),
			After: map[string]any{"field": "contact"}})
	})
	if err != nil {
		return "", err
	}
	return plain, nil
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
