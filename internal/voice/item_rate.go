package voice

import (
	"context"
	"fmt"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Filer proves that the caller filed an item: its tracking code, or the
// account that filed it while signed in.
type Filer struct {
	Code   string
	UserID int64
	Name   string
}

// owns reports whether f filed the item with code hash hash and filer user.
func (f Filer) owns(hash string, filerUser int64) bool {
	if f.Code != "" {
		return codeHash(f.Code) == hash
	}
	return f.UserID != 0 && f.UserID == filerUser
}

// asFiler runs fn on item id in a transaction when f filed it, under the
// item's row lock as handle.
func (s *Store) asFiler(ctx context.Context, id int64, f Filer, fn func(tx *db.Tx, it Item) error) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "voice_items", id); err != nil {
			return err
		}
		it, err := getItem(ctx, tx, id)
		if err != nil {
			return err
		}
		var hash string
		if err := tx.QueryRow(ctx, `SELECT code_hash FROM voice_items WHERE id = ?`, id).Scan(&hash); err != nil {
			return fmt.Errorf("voice: item %d: %w", id, err)
		}
		if !f.owns(hash, it.FilerUser) {
			return &NotFoundError{id}
		}
		return fn(tx, it)
	})
}

// Rate records the filer's rating of the answer and closes the item.
func (s *Store) Rate(ctx context.Context, id int64, rating string, f Filer) error {
	ok := false
	for _, r := range Ratings {
		ok = ok || r == rating
	}
	if !ok {
		return valid.New("rating", "voice.err.rating")
	}
	return s.asFiler(ctx, id, f, func(tx *db.Tx, it Item) error {
		if it.Status != Answered {
			return valid.New("", "voice.err.status")
		}
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `UPDATE voice_items SET status = 'closed', rating = ?, closed_at = ?, updated_at = ? WHERE id = ?`,
			rating, now, now, id); err != nil {
			return fmt.Errorf("voice: rate %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, id, Actor{UserID: f.UserID, Name: f.Name}, "rate", "", rating, false); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "voice.rate", Target: target(id),
			After: map[string]any{"rating": rating}})
	})
}

// CanReopen reports whether the filer may still reopen the item: they
// rated its answer 不满意 and have not reopened it before.
func (it Item) CanReopen() bool {
	return it.Status == Closed && it.Rating == Unsatisfied && !it.Reopened
}

// Reopen sends an item its filer rated 不满意 back to its handler, once,
// with the reason; a new time limit runs from now.
func (s *Store) Reopen(ctx context.Context, id int64, reason string, f Filer) error {
	reason, err := checkText("reason", reason, MaxReason, "voice.err.reason")
	if err != nil {
		return err
	}
	it, err := getItem(ctx, s.db, id)
	if err != nil {
		return err
	}
	due, err := s.cfg.Days.AddWorkdays(ctx, s.db.Now(), s.DueDays(it.Kind))
	if err != nil {
		return err
	}
	return s.asFiler(ctx, id, f, func(tx *db.Tx, it Item) error {
		if it.Reopened {
			return valid.New("", "voice.err.reopened")
		}
		if !it.CanReopen() {
			return valid.New("", "voice.err.status")
		}
		status := Assigned
		if it.HandlerUser == 0 && it.HandlerName == "" {
			status = Accepted
		}
		if _, err := tx.Exec(ctx, `UPDATE voice_items SET status = ?, reopened = 1, rating = '', due_at = ?, close_at = 0, closed_at = 0,
			updated_at = ? WHERE id = ?`, string(status), db.Millis(due), db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("voice: reopen %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, id, Actor{UserID: f.UserID, Name: f.Name}, "reopen", reason, "", false); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "voice.reopen", Target: target(id),
			After: map[string]any{"reason": reason}})
	})
}

// CloseDue closes the answered items whose filers did not rate them in
// time, and returns how many it closed. The job runs it every hour.
func (s *Store) CloseDue(ctx context.Context) (int, error) {
	n := 0
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		now := db.Millis(tx.Now)
		rows, err := tx.Query(ctx, `SELECT i.id, i.org_id, o.path FROM voice_items i JOIN orgs o ON o.id = i.org_id
			WHERE i.status = 'answered' AND i.close_at > 0 AND i.close_at <= ? ORDER BY i.close_at LIMIT 500`, now)
		if err != nil {
			return fmt.Errorf("voice: close due: %w", err)
		}
		type due struct {
			id, org int64
			path    string
		}
		var list []due
		for rows.Next() {
			var d due
			if err := rows.Scan(&d.id, &d.org, &d.path); err != nil {
				rows.Close()
				return fmt.Errorf("voice: close due: %w", err)
			}
			list = append(list, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("voice: close due: %w", err)
		}
		for _, d := range list { // at most one batch, each its own event and audit record
			res, err := tx.Exec(ctx, `UPDATE voice_items SET status = 'closed', closed_at = ?, updated_at = ? WHERE id = ? AND status = 'answered'`,
				now, now, d.id)
			if err != nil {
				return fmt.Errorf("voice: close %d: %w", d.id, err)
			}
			if k, _ := res.RowsAffected(); k == 0 {
				continue // rated, reopened or closed by another node meanwhile: no second "close" on the timeline
			}
			if err := addEvent(ctx, tx, d.id, Actor{}, "close", "", "", false); err != nil {
				return err
			}
			if err := audit.Append(ctx, tx, audit.Entry{OrgID: d.org, OrgPath: d.path, Action: "voice.close", Target: target(d.id)}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// CloseEvery is how often the job closes unrated answers.
const CloseEvery = time.Hour
