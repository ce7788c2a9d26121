package innovation

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

// step runs one staff step on need id in a transaction: it locks and loads
// the need, checks its status is one of from, and runs fn. The lock makes
// steps at once on one need on PostgreSQL see each other: without it, of 20
// publications and rejections at once several went through, each on the
// timeline (race review 51).
func (s *Store) step(ctx context.Context, id int64, from []Status, fn func(tx *db.Tx, n Need) error) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "innovation_needs", id); err != nil {
			return err
		}
		n, err := getNeed(ctx, tx, id)
		if err != nil {
			return err
		}
		ok := false
		for _, st := range from {
			ok = ok || n.Status == st
		}
		if !ok {
			return valid.New("", "innovation.err.status")
		}
		return fn(tx, n)
	})
}

func checkText(field, s string, maxRunes int, key string) (string, error) {
	return valid.Text(field, s, maxRunes, key, "innovation.err.too_long")
}

// setStatus moves a need to status, with its event and audit record.
func setStatus(ctx context.Context, tx *db.Tx, n Need, to Status, set, note string, by Actor, action string) error {
	now := db.Millis(tx.Now)
	q := `UPDATE innovation_needs SET status = ?, updated_at = ?`
	if set != "" {
		q += `, ` + set + ` = ?`
	}
	args := []any{string(to), now}
	if set != "" {
		args = append(args, now)
	}
	if _, err := tx.Exec(ctx, q+` WHERE id = ?`, append(args, n.ID)...); err != nil {
		return fmt.Errorf("innovation: %s %d: %w", action, n.ID, err)
	}
	detail := ""
	if action == "close" {
		detail = string(to) // 已解决 or 未解决, labelled by the timeline
	}
	if err := addEvent(ctx, tx, n.ID, by, action, note, detail); err != nil {
		return err
	}
	return audit.Append(ctx, tx, audit.Entry{OrgID: n.OrgID, OrgPath: n.OrgPath, Action: "innovation." + action, Target: needTarget(n.ID),
		Before: map[string]any{"status": string(n.Status)}, After: map[string]any{"status": string(to), "note": note}})
}

// Publish lists a need waiting for review publicly (without its contact).
func (s *Store) Publish(ctx context.Context, id int64, by Actor) error {
	return s.step(ctx, id, []Status{Pending}, func(tx *db.Tx, n Need) error {
		return setStatus(ctx, tx, n, Published, "published_at", "", by, "publish")
	})
}

// Reject refuses to publish a need (不予发布), with the reason.
func (s *Store) Reject(ctx context.Context, id int64, reason string, by Actor) error {
	reason, err := checkText("reason", reason, MaxReason, "innovation.err.reason")
	if err != nil {
		return err
	}
	return s.step(ctx, id, []Status{Pending}, func(tx *db.Tx, n Need) error {
		return setStatus(ctx, tx, n, Rejected, "closed_at", reason, by, "reject")
	})
}

// Withdraw closes a need the enterprise no longer wants solved (已撤回),
// with the reason.
func (s *Store) Withdraw(ctx context.Context, id int64, reason string, by Actor) error {
	reason, err := checkText("reason", reason, MaxReason, "innovation.err.reason")
	if err != nil {
		return err
	}
	return s.step(ctx, id, []Status{Pending, Published, Matching}, func(tx *db.Tx, n Need) error {
		return setStatus(ctx, tx, n, Withdrawn, "closed_at", reason, by, "withdraw")
	})
}

// Propose adds an expert of the talent database, visible in scope, to a
// published need or one in 对接. An expert is proposed once.
func (s *Store) Propose(ctx context.Context, id, personID int64, scope access.Scope, by Actor) error {
	if s.cfg.Experts == nil || personID == 0 {
		return valid.New("person_id", "innovation.err.expert")
	}
	e, err := s.cfg.Experts.Get(ctx, scope, personID)
	if errors.Is(err, db.ErrNotFound) {
		return valid.New("person_id", "innovation.err.expert")
	}
	if err != nil {
		return err
	}
	return s.step(ctx, id, []Status{Published, Matching}, func(tx *db.Tx, n Need) error {
		var k int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM innovation_experts WHERE need_id = ? AND person_id = ?`, id, personID).Scan(&k); err != nil {
			return fmt.Errorf("innovation: propose %d: %w", id, err)
		}
		if k > 0 {
			return valid.New("person_id", "innovation.err.proposed")
		}
		if _, err := tx.Exec(ctx, `INSERT INTO innovation_experts (id, need_id, person_id, name, employer, field, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			tx.NewID(), id, personID, e.Name, e.Employer, e.Field, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("innovation: propose %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, id, by, "propose", "", e.Name+"（"+e.Employer+"）"); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: n.OrgID, OrgPath: n.OrgPath, Action: "innovation.propose", Target: needTarget(id),
			After: map[string]any{"expert": e.Name, "person": personID}})
	})
}

// MeetingInput is one 对接 as entered: the date ("2026-03-02"), the form,
// who took part and what came of it.
type MeetingInput struct {
	HeldOn       string
	Form         string
	Participants string
	Note         string
}

// Meet records a 对接 on a published need or one in 对接: the first one
// moves it to 对接中.
func (s *Store) Meet(ctx context.Context, id int64, in MeetingInput, by Actor) error {
	var errs valid.Errors
	held, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(in.HeldOn), zone)
	now := s.db.Now()
	switch {
	case err != nil:
		errs.Add("held_on", "innovation.err.date")
	case held.After(now) || held.Before(now.AddDate(-5, 0, 0)):
		errs.Add("held_on", "innovation.err.held_on")
	}
	if !inList(Forms, in.Form) {
		errs.Add("form", "innovation.err.form")
	}
	in.Participants, in.Note = strings.TrimSpace(in.Participants), strings.TrimSpace(in.Note)
	runes(&errs, "participants", in.Participants, 2, MaxParts, "innovation.err.participants")
	if utf8.RuneCountInString(in.Note) > MaxReason {
		errs.Add("note", "innovation.err.too_long", MaxReason)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.step(ctx, id, []Status{Published, Matching}, func(tx *db.Tx, n Need) error {
		if held.Before(n.FiledAt.AddDate(0, 0, -1)) { // a 对接 before the need was filed
			return valid.New("held_on", "innovation.err.held_on")
		}
		// One record of a 对接 (day, form, participants) per need: a second
		// click counted it twice in the year's figures (integrity review
		// 52). The need's row lock (step) makes two at once see each other.
		var same int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM innovation_meetings WHERE need_id = ? AND held_on = ? AND form = ? AND participants = ?`,
			id, db.Millis(held), in.Form, in.Participants).Scan(&same); err != nil {
			return fmt.Errorf("innovation: meet %d: %w", id, err)
		}
		if same > 0 {
			return valid.New("held_on", "innovation.err.met")
		}
		if _, err := tx.Exec(ctx, `INSERT INTO innovation_meetings (id, need_id, held_on, form, participants, note, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			tx.NewID(), id, db.Millis(held), in.Form, in.Participants, in.Note, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("innovation: meet %d: %w", id, err)
		}
		if n.Status == Published {
			if _, err := tx.Exec(ctx, `UPDATE innovation_needs SET status = 'matching', matched_at = ?, updated_at = ? WHERE id = ?`,
				db.Millis(tx.Now), db.Millis(tx.Now), id); err != nil {
				return fmt.Errorf("innovation: meet %d: %w", id, err)
			}
		}
		day := held.Format("2006-01-02")
		if err := addEvent(ctx, tx, id, by, "meet", in.Note, day+" · "+in.Participants); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: n.OrgID, OrgPath: n.OrgPath, Action: "innovation.meet", Target: needTarget(id),
			After: map[string]any{"held_on": day, "form": in.Form, "participants": in.Participants}})
	})
}

// Confirm records what a need in 对接 came to — 合作意向, or 签约 with the
// contract amount in 万元 (text as typed) — or corrects it, the earlier value
// kept in the timeline. Nobody confirms the result of a need they filed.
func (s *Store) Confirm(ctx context.Context, id int64, result, amount, note string, by Actor) error {
	var errs valid.Errors
	if !inList(Results, result) {
		errs.Add("result", "innovation.err.result")
	}
	var amt int64
	if result == Signed {
		var ok bool
		if amt, ok = ParseWan(amount); !ok {
			errs.Add("amount", "innovation.err.amount", FormatWan(MaxAmount))
		}
	} else if strings.TrimSpace(amount) != "" {
		errs.Add("amount", "innovation.err.amount_intent")
	}
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > MaxReason {
		errs.Add("note", "innovation.err.too_long", MaxReason)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.step(ctx, id, []Status{Matching}, func(tx *db.Tx, n Need) error {
		if by.UserID != 0 && by.UserID == n.FilerUser {
			return valid.New("", "innovation.err.own")
		}
		if _, err := tx.Exec(ctx, `UPDATE innovation_needs SET result = ?, amount = ?, result_at = ?, updated_at = ? WHERE id = ?`,
			result, amt, db.Millis(tx.Now), db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("innovation: confirm %d: %w", id, err)
		}
		detail := result
		if result == Signed {
			detail += " " + FormatWan(amt)
		}
		if err := addEvent(ctx, tx, id, by, "result", note, detail); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: n.OrgID, OrgPath: n.OrgPath, Action: "innovation.result", Target: needTarget(id),
			Before: map[string]any{"result": n.Result, "amount": FormatWan(n.Amount)}, After: map[string]any{"result": result, "amount": FormatWan(amt)}})
	})
}

// Close ends a need in 对接 as 已解决 or 未解决, with a note. Nobody closes a
// need they filed.
func (s *Store) Close(ctx context.Context, id int64, to Status, note string, by Actor) error {
	if to != Solved && to != Unsolved {
		return valid.New("outcome", "innovation.err.outcome")
	}
	note, err := checkText("note", note, MaxReason, "innovation.err.note")
	if err != nil {
		return err
	}
	return s.step(ctx, id, []Status{Matching}, func(tx *db.Tx, n Need) error {
		if by.UserID != 0 && by.UserID == n.FilerUser {
			return valid.New("", "innovation.err.own")
		}
		return setStatus(ctx, tx, n, to, "closed_at", note, by, "close")
	})
}

// Reveal opens the contact of a need for a permitted user and records who
// saw it.
func (s *Store) Reveal(ctx context.Context, id int64) (string, error) {
	n, err := getNeed(ctx, s.db, id)
	if err != nil || n.Contact == "" {
		return "", err
	}
	if s.cfg.Keys == nil {
		return "", ErrNoKeys
	}
	plain, err := s.cfg.Keys.Open(contactField, n.Contact)
	if err != nil {
		return "", fmt.Errorf("innovation: reveal %d: %w", id, err)
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		return audit.Append(ctx, tx, audit.Entry{OrgID: n.OrgID, OrgPath: n.OrgPath, Action: "innovation.reveal", Target: needTarget(id),
			After: map[string]any{"field": "contact"}})
	})
	if err != nil {
		return "", err
	}
	return plain, nil
}
