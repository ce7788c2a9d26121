package notify

import (
	"context"
	"fmt"
	"time"

	"kexie/internal/db"
)

// InboxItem is one message as its account sees it.
type InboxItem struct {
	MessageID int64
	Title     string
	Summary   string
	Link      string
	At        time.Time
	Read      bool
}

// Inbox lists an account's messages, newest first, and how many are unread.
// A message shows once it is fanned out to the account, whatever its
// channel's fate: the inbox is a channel of its own.
func (s *Store) Inbox(ctx context.Context, account int64, limit, offset int) ([]InboxItem, int, error) {
	rows, err := s.db.Query(ctx, `SELECT m.id, m.title, m.summary, m.link, m.created_at, d.opened_at
		FROM notify_deliveries d JOIN notify_messages m ON m.id = d.message_id
		WHERE d.account_id = ? AND d.state <> 'skipped' ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?`, account, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("notify: inbox of %d: %w", account, err)
	}
	defer rows.Close()
	var out []InboxItem
	for rows.Next() {
		var it InboxItem
		var at, opened int64
		if err := rows.Scan(&it.MessageID, &it.Title, &it.Summary, &it.Link, &at, &opened); err != nil {
			return nil, 0, err
		}
		it.At, it.Read = db.Time(at), opened != 0
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	var unread int
	err = s.db.QueryRow(ctx, `SELECT COUNT(*) FROM notify_deliveries WHERE account_id = ? AND opened_at = 0 AND state <> 'skipped'`, account).Scan(&unread)
	return out, unread, err
}

// MarkOpened records that an account opened a message (the inbox's read
// mark or an email's pixel); the first open counts, later ones change
// nothing. It reports whether the delivery exists.
func (s *Store) MarkOpened(ctx context.Context, msg, account int64) (bool, error) {
	var ok bool
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM notify_deliveries WHERE message_id = ? AND account_id = ?`, msg, account).Scan(&n); err != nil {
			return err
		}
		ok = n > 0
		_, err := tx.Exec(ctx, `UPDATE notify_deliveries SET opened_at = ? WHERE message_id = ? AND account_id = ? AND opened_at = 0`,
			db.Millis(tx.Now), msg, account)
		return err
	})
	return ok, err
}

// OpenedByToken records an open from a pixel's token; a bad token does nothing.
func (s *Store) OpenedByToken(ctx context.Context, token string) error {
	m, a, ok := s.openDelivery(token)
	if !ok {
		return nil
	}
	_, err := s.MarkOpened(ctx, m, a)
	return err
}

// MessageLink is what a message announces.
func (s *Store) MessageLink(ctx context.Context, id int64) (string, error) {
	var link string
	err := s.db.QueryRow(ctx, `SELECT link FROM notify_messages WHERE id = ?`, id).Scan(&link)
	return link, err
}
