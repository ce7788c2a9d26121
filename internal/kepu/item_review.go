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

// Eligible returns the members of pool who may review it: not its author,
// not working where the author works (conflict avoidance).
func (s *Store) Eligible(ctx context.Context, it Item, poolID int64) ([]Expert, error) {
	all, err := s.experts.Pool(ctx, poolID)
	if err != nil {
		return nil, err
	}
	emp, err := s.experts.Employer(ctx, it.AuthorID)
	if err != nil {
		return nil, err
	}
	var out []Expert
	for _, e := range all {
		if conflicted(it, emp, e) {
			continue
		}
		out = append(out, e)
	}
	return out, nil
}

func conflicted(it Item, authorEmployer string, e Expert) bool {
	if e.UserID == 0 || e.UserID == it.AuthorID || e.UserID == it.EditorID {
		return true
	}
	a, b := strings.TrimSpace(authorEmployer), strings.TrimSpace(e.Employer)
	return a != "" && a == b
}

// SubmitForReview sends a draft (or an emergency item published before its
// review) to an expert of pool: the one with personID, or the first
// eligible one when personID is 0.
func (s *Store) SubmitForReview(ctx context.Context, id, poolID, personID int64, by Actor) (Expert, error) {
	it, err := s.Item(ctx, id)
	if err != nil {
		return Expert{}, err
	}
	if it.Status != Draft && !(it.Status == Published && it.ReviewPending) {
		return Expert{}, valid.New("status", "kepu.err.not_draft")
	}
	cands, err := s.Eligible(ctx, it, poolID)
	if err != nil {
		return Expert{}, err
	}
	var pick Expert
	for _, e := range cands {
		if personID == 0 || e.PersonID == personID {
			pick = e
			break
		}
	}
	if pick.PersonID == 0 {
		return Expert{}, valid.New("expert", "kepu.err.no_expert")
	}
	status := InReview
	if it.Status == Published {
		status = Published // stays public with its banner until reviewed
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE kepu_items SET status = ?, reviewer_person = ?, reviewer_user = ?, reviewer_name = ?,
			reviewer_field = ?, review_note = '', updated_at = ? WHERE id = ? AND status = ?`, string(status), pick.PersonID,
			pick.UserID, pick.Name, pick.Field, db.Millis(tx.Now), id, string(it.Status))
		if err != nil {
			return fmt.Errorf("kepu: submit %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return valid.New("status", "kepu.err.changed")
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "kepu.item_submit",
			Target: target("kepu", id), After: map[string]any{"reviewer": pick.Name}})
	})
	return pick, err
}

// Review records the assigned expert's verdict. Passed, a draft becomes
// reviewed (an editor may publish it) and an emergency item loses its
// "审核中" banner; not passed, a draft goes back to its author with the
// note and an emergency item is withdrawn.
func (s *Store) Review(ctx context.Context, id int64, pass bool, note string, by Actor) error {
	note = strings.TrimSpace(note)
	if !pass && note == "" {
		return valid.New("note", "kepu.err.note_required")
	}
	if utf8.RuneCountInString(note) > 2000 {
		return valid.New("note", "kepu.err.too_long", 2000)
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "kepu_items", id); err != nil {
			return err
		}
		it, err := getItem(ctx, tx, id)
		if err != nil {
			return err
		}
		if it.ReviewerUser != by.UserID || it.ReviewerUser == 0 {
			return valid.New("status", "kepu.err.not_reviewer")
		}
		now := db.Millis(tx.Now)
		var q string
		var args []any
		switch {
		case it.Status == InReview && pass:
			q, args = `UPDATE kepu_items SET status = 'reviewed', review_note = ?, reviewed_at = ?, updated_at = ? WHERE id = ?`,
				[]any{note, now, now, id}
		case it.Status == InReview:
			q, args = `UPDATE kepu_items SET status = 'draft', review_note = ?, updated_at = ? WHERE id = ?`, []any{note, now, id}
		case it.Status == Published && it.ReviewPending && pass:
			q, args = `UPDATE kepu_items SET review_pending = 0, review_note = ?, reviewed_at = ?, updated_at = ? WHERE id = ?`,
				[]any{note, now, now, id}
		case it.Status == Published && it.ReviewPending:
			q, args = `UPDATE kepu_items SET status = 'withdrawn', review_note = ?, withdrawn_at = ?, withdraw_reason = ?,
				updated_at = ? WHERE id = ?`, []any{note, now, note, now, id}
		default:
			return valid.New("status", "kepu.err.not_in_review")
		}
		if _, err := tx.Exec(ctx, q, args...); err != nil {
			return fmt.Errorf("kepu: review %d: %w", id, err)
		}
		if it.Status == Published && !pass {
			if err := index(ctx, tx, it, false); err != nil {
				return err
			}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "kepu.item_review",
			Target: target("kepu", id), After: map[string]any{"pass": pass, "note": note}})
	})
}
