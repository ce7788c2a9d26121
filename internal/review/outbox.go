package review

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"

	"kexie/internal/db"
)

// Message is a notice handed to a sender outside the app (email, SMS). It
// carries the catalog key and arguments, not text: the sender looks up the
// user's address and language and words it.
type Message struct {
	ID     int64
	UserID int64
	Key    string // catalog key, e.g. "review.notice.awarded"
	Args   []any
	Link   string // path in the app, e.g. "/calls/12/publicity"
	At     time.Time
}

// Sender delivers notices beyond the in-app inbox. Review defines only
// this interface; the notification module (internal/notify, to come)
// implements it with email and SMS and runs Deliver from its own job.
// Send must be safe to call again with the same message (a node may die
// between sending and marking it sent): senders key on Message.ID.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// Deliver hands up to limit notices not yet sent to sender, oldest first,
// marking each sent after its Send succeeds. It stops at the first
// failure and returns it with the number sent; the rest wait for the next
// run. Several nodes may run it: a notice is claimed before it is sent
// (sent_at = minus the claim time), and a claim older than ClaimFor — its
// node died while sending — is taken over.
func (s *Store) Deliver(ctx context.Context, sender Sender, limit int) (int, error) {
	now := s.db.Now()
	rows, err := s.db.Query(ctx, `SELECT id, user_id, msg, args, link, created_at, sent_at FROM review_notices
		WHERE sent_at = 0 OR (sent_at < 0 AND sent_at > ?) ORDER BY created_at, id LIMIT ?`, -db.Millis(now.Add(-ClaimFor)), limit)
	if err != nil {
		return 0, fmt.Errorf("review: outbox: %w", err)
	}
	var batch []Message
	claims := map[int64]int64{}
	for rows.Next() {
		var m Message
		var args string
		var at, claim int64
		if err := rows.Scan(&m.ID, &m.UserID, &m.Key, &args, &m.Link, &at, &claim); err != nil {
			rows.Close()
			return 0, fmt.Errorf("review: outbox: %w", err)
		}
		m.At = db.Time(at)
		if err := json.Unmarshal([]byte(args), &m.Args); err != nil {
			rows.Close()
			return 0, fmt.Errorf("review: outbox %d: %w", m.ID, err)
		}
		claims[m.ID] = claim
		batch = append(batch, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	n := 0
	for _, m := range batch {
		// Claim it: another node may be delivering too.
		res, err := s.db.Exec(ctx, `UPDATE review_notices SET sent_at = ? WHERE id = ? AND sent_at = ?`, -db.Millis(s.db.Now()), m.ID, claims[m.ID])
		if err != nil {
			return n, fmt.Errorf("review: outbox %d: %w", m.ID, err)
		}
		if k, _ := res.RowsAffected(); k == 0 {
			continue
		}
		if err := sender.Send(ctx, m); err != nil {
			if _, uerr := s.db.Exec(ctx, `UPDATE review_notices SET sent_at = 0 WHERE id = ?`, m.ID); uerr != nil {
				return n, fmt.Errorf("review: outbox %d: %w (and %v)", m.ID, err, uerr)
			}
			return n, fmt.Errorf("review: send notice %d: %w", m.ID, err)
		}
		if _, err := s.db.Exec(ctx, `UPDATE review_notices SET sent_at = ? WHERE id = ?`, db.Millis(s.db.Now()), m.ID); err != nil {
			return n, fmt.Errorf("review: outbox %d: %w", m.ID, err)
		}
		n++
	}
	return n, nil
}

// ClaimFor is how long a node may take to send one notice before another
// node takes it over.
const ClaimFor = 10 * time.Minute

// LogSender is a Sender that writes each message as a line to W and keeps
// it in Sent: for tests and for running without email or SMS.
type LogSender struct {
	W      io.Writer // nil: keep only
	Forget bool      // keep nothing in Sent (a server that runs for months)
	mu     sync.Mutex
	Sent   []Message
}

// Send records m.
func (l *LogSender) Send(_ context.Context, m Message) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.Forget {
		l.Sent = append(l.Sent, m)
	}
	if l.W != nil {
		b, _ := json.Marshal(m.Args)
		_, err := fmt.Fprintf(l.W, "notice %d to user %d: %s %s %s\n", m.ID, m.UserID, m.Key, b, m.Link)
		return err
	}
	return nil
}
