package kepu

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Publish is the editor's approval of a reviewed item: it goes public. The
// editor is never its author (nor its reviewer). Subscribers are notified
// and, for a 辟谣 item, the rumour lead's submitter is told.
func (s *Store) Publish(ctx context.Context, id int64, by Actor) error {
	var it Item
	var contact string
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "kepu_items", id); err != nil {
			return err
		}
		var err error
		if it, err = getItem(ctx, tx, id); err != nil {
			return err
		}
		switch {
		case it.Status != Reviewed:
			return valid.New("status", "kepu.err.not_reviewed")
		case by.UserID == it.AuthorID || (by.UserID == it.ReviewerUser && it.Kind != Debunk):
			return valid.New("status", "kepu.err.own_item")
		}
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `UPDATE kepu_items SET status = 'published', editor_id = ?, editor_name = ?, published_at = ?,
			updated_at = ? WHERE id = ? AND status = 'reviewed'`, by.UserID, by.Name, now, now, id); err != nil {
			return fmt.Errorf("kepu: publish %d: %w", id, err)
		}
		if it.LeadID != 0 {
			if err := tx.QueryRow(ctx, `SELECT contact FROM kepu_leads WHERE id = ?`, it.LeadID).Scan(&contact); err != nil {
				return fmt.Errorf("kepu: lead of %d: %w", id, err)
			}
			// The contact serves this one notice and is not kept (the form says so).
			if _, err := tx.Exec(ctx, `UPDATE kepu_leads SET status = 'published', item_id = ?, contact = '', told_at = ?, updated_at = ? WHERE id = ?`,
				id, now, now, it.LeadID); err != nil {
				return fmt.Errorf("kepu: lead of %d: %w", id, err)
			}
		}
		if err := index(ctx, tx, it, true); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "kepu.item_publish",
			Target: target("kepu", id), After: map[string]any{"title": it.Title}})
	})
	if err != nil {
		return err
	}
	if contact != "" && s.keys != nil {
		// Opened only to tell the submitter; a value no key opens tells nobody.
		contact, _ = s.keys.Open(contactField, contact)
	}
	s.announce(ctx, id, contact)
	return nil
}

// announce hands a just-published item to the pusher (and a lead's
// submitter their answer); a failure to enqueue does not unpublish.
func (s *Store) announce(ctx context.Context, id int64, contact string) {
	it, err := s.Item(ctx, id)
	if err != nil {
		return
	}
	_ = s.push.Publish(ctx, it)
	if contact != "" {
		_ = s.push.Tell(ctx, contact, it.Title, ItemPath(it.ID))
	}
}

// ItemPath is an item's public address.
func ItemPath(id int64) string { return fmt.Sprintf("/kepu/a/%d", id) }

// Correction is a change to a published item.
type Correction struct {
	Title, Summary, Body string
	Note                 string // shown to readers: what changed and why
}

// Correct changes a published item, keeping what readers saw before with
// the change note. Only an editor who is not its author corrects.
func (s *Store) Correct(ctx context.Context, id int64, c Correction, by Actor) error {
	c.Note = strings.TrimSpace(c.Note)
	in := DraftInput{Title: c.Title, Summary: c.Summary, Body: c.Body, Audience: Audiences[0], Kind: Article}
	var errs valid.Errors
	if err := in.check(); err != nil {
		list, _ := valid.As(err)
		errs = append(errs, list...)
	}
	switch n := utf8.RuneCountInString(c.Note); {
	case n == 0:
		errs.Add("note", "kepu.err.note_required")
	case n > 500:
		errs.Add("note", "kepu.err.too_long", 500)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "kepu_items", id); err != nil {
			return err
		}
		it, err := getItem(ctx, tx, id)
		if err != nil {
			return err
		}
		if it.Status != Published {
			return valid.New("status", "kepu.err.not_published")
		}
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO kepu_versions (item_id, version, title, body, note, changed_by, changed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, it.Version, it.Title, it.Body, c.Note, by.UserID, now); err != nil {
			return fmt.Errorf("kepu: keep version of %d: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE kepu_items SET title = ?, summary = ?, body = ?, version = version + 1, corrected_at = ?,
			updated_at = ? WHERE id = ?`, in.Title, in.Summary, in.Body, now, now, id); err != nil {
			return fmt.Errorf("kepu: correct %d: %w", id, err)
		}
		it.Title, it.Summary, it.Body = in.Title, in.Summary, in.Body
		if err := index(ctx, tx, it, true); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "kepu.item_correct",
			Target: target("kepu", id), After: map[string]any{"title": in.Title, "note": c.Note, "version": it.Version + 1}})
	})
}

// Withdraw takes a published item down with a reason; its link then
// answers 410 with the reason.
func (s *Store) Withdraw(ctx context.Context, id int64, reason string, by Actor) error {
	reason = strings.TrimSpace(reason)
	switch n := utf8.RuneCountInString(reason); {
	case n == 0:
		return valid.New("reason", "kepu.err.reason_required")
	case n > 500:
		return valid.New("reason", "kepu.err.too_long", 500)
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "kepu_items", id); err != nil {
			return err
		}
		it, err := getItem(ctx, tx, id)
		if err != nil {
			return err
		}
		if it.Status != Published {
			return valid.New("status", "kepu.err.not_published")
		}
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `UPDATE kepu_items SET status = 'withdrawn', withdrawn_at = ?, withdraw_reason = ?, updated_at = ?
			WHERE id = ?`, now, reason, now, id); err != nil {
			return fmt.Errorf("kepu: withdraw %d: %w", id, err)
		}
		if err := index(ctx, tx, it, false); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "kepu.item_withdraw",
			Target: target("kepu", id), After: map[string]any{"reason": reason}})
	})
}
