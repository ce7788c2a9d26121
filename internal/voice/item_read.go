package voice

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"kexie/internal/db"
	"kexie/internal/pii"
	"kexie/internal/shortcode"
)

const itemCols = `i.id, i.org_id, o.path, o.name, i.kind, i.topic, i.title, i.body, i.status, i.filer_user, i.filer_name, i.contact,
	i.handler_user, i.handler_name, i.answer, i.rating, i.reopened, i.filed_at, i.accepted_at, i.due_at, i.answered_at, i.close_at,
	i.closed_at, i.updated_at`

// scanItem reads itemCols, then any columns the query adds into extra.
func scanItem(row db.Scanner, extra ...any) (Item, error) {
	var it Item
	var kind, status string
	var reopened int
	var filed, accepted, due, answered, closeAt, closed, updated int64
	err := row.Scan(append([]any{&it.ID, &it.OrgID, &it.OrgPath, &it.OrgName, &kind, &it.Topic, &it.Title, &it.Body, &status,
		&it.FilerUser, &it.FilerName, &it.Contact, &it.HandlerUser, &it.HandlerName, &it.Answer, &it.Rating, &reopened,
		&filed, &accepted, &due, &answered, &closeAt, &closed, &updated}, extra...)...)
	it.Kind, it.Status, it.Reopened = Kind(kind), Status(status), reopened > 0
	it.FiledAt, it.AcceptedAt, it.DueAt = db.Time(filed), optTime(accepted), optTime(due)
	it.AnsweredAt, it.CloseAt, it.ClosedAt, it.UpdatedAt = optTime(answered), optTime(closeAt), optTime(closed), db.Time(updated)
	return it, err
}

func getItem(ctx context.Context, q db.Q, id int64) (Item, error) {
	it, err := scanItem(q.QueryRow(ctx, `SELECT `+itemCols+` FROM voice_items i JOIN orgs o ON o.id = i.org_id WHERE i.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return it, &NotFoundError{id}
	}
	if err != nil {
		return it, fmt.Errorf("voice: item %d: %w", id, err)
	}
	return it, nil
}

// mask replaces the sealed contact by its mask and marks an item overdue
// whose time limit passed without an answer.
func (s *Store) mask(it *Item) {
	if it.Contact != "" {
		c := ""
		if s.cfg.Keys != nil {
			c, _ = s.cfg.Keys.Open(contactField, it.Contact)
		}
		if c == "" {
			it.Contact = "***"
		} else {
			it.Contact = pii.MaskContact(c)
		}
	}
	it.Overdue = it.Status.Open() && !it.DueAt.IsZero() && s.db.Now().After(it.DueAt)
}

// Item returns one item, its contact masked. Callers check access by the
// item's org (the routes' resolver does).
func (s *Store) Item(ctx context.Context, id int64) (Item, error) {
	it, err := getItem(ctx, s.db, id)
	if err != nil {
		return it, err
	}
	s.mask(&it)
	return it, nil
}

// ByCode returns the item a tracking code follows; a code that follows
// nothing is a NotFoundError.
func (s *Store) ByCode(ctx context.Context, code string) (Item, error) {
	if len(shortcode.Norm(code)) != codeLen {
		return Item{}, &NotFoundError{}
	}
	it, err := scanItem(s.db.QueryRow(ctx, `SELECT `+itemCols+` FROM voice_items i JOIN orgs o ON o.id = i.org_id WHERE i.code_hash = ?`,
		codeHash(code)))
	if errors.Is(err, sql.ErrNoRows) {
		return it, &NotFoundError{}
	}
	if err != nil {
		return it, fmt.Errorf("voice: by code: %w", err)
	}
	s.mask(&it)
	return it, nil
}

// Events returns an item's timeline, oldest first; withInternal adds the
// staff's notes (never for the filer).
func (s *Store) Events(ctx context.Context, itemID int64, withInternal bool) ([]Event, error) {
	q := `SELECT id, at, actor_user, actor_name, action, note, detail, internal FROM voice_events WHERE item_id = ?`
	if !withInternal {
		q += ` AND internal = 0`
	}
	rows, err := s.db.Query(ctx, q+` ORDER BY at, id`, itemID)
	if err != nil {
		return nil, fmt.Errorf("voice: events of %d: %w", itemID, err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var at int64
		var internal int
		if err := rows.Scan(&e.ID, &at, &e.ActorUser, &e.ActorName, &e.Action, &e.Note, &e.Detail, &internal); err != nil {
			return nil, fmt.Errorf("voice: events of %d: %w", itemID, err)
		}
		e.At, e.Internal = db.Time(at), internal > 0
		out = append(out, e)
	}
	return out, rows.Err()
}

// Mine lists the items userID filed while signed in, newest first.
func (s *Store) Mine(ctx context.Context, userID int64, limit int) ([]Item, error) {
	if userID == 0 {
		return nil, nil
	}
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	return s.query(ctx, `SELECT `+itemCols+` FROM voice_items i JOIN orgs o ON o.id = i.org_id WHERE i.filer_user = ?
		ORDER BY i.filed_at DESC, i.id DESC LIMIT ?`, []any{userID, limit})
}

// query runs q, which selects itemCols and then the columns extra scans
// into, and returns its items masked.
func (s *Store) query(ctx context.Context, q string, args []any, extra ...any) ([]Item, error) {
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("voice: items: %w", err)
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		it, err := scanItem(rows, extra...)
		if err != nil {
			return nil, fmt.Errorf("voice: items: %w", err)
		}
		s.mask(&it)
		out = append(out, it)
	}
	return out, rows.Err()
}

func optTime(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return db.Time(ms)
}
