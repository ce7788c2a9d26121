package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"kexie/internal/db"
	"kexie/internal/jobs"
	"kexie/internal/std"
)

// Delivery states.
const (
	Pending = "pending"
	Sent    = "sent"
	Failed  = "failed"  // out of tries, or no sender for its channel
	Skipped = "skipped" // unsubscribed before it went out
)

// DeliveryTries is how often one delivery is tried before it is failed.
const DeliveryTries = 5

// Chunk is how many deliveries are sent between two writes: a node that
// dies mid-chunk may send at most these again, with the same idempotency
// key (Out.Key) for the provider to drop. An error from a sender is not a
// death: what was sent before it is marked first.
var Chunk = 200

// Register adds the module's job kinds to a runner.
func (s *Store) Register(r *jobs.Runner) {
	r.Register(SendKind, jobs.Kind{Handle: s.runSend, PerNode: 2, Subject: s.sendSubject})
	r.Register(TellKind, jobs.Kind{Handle: s.runTell, PerNode: 2})
}

// sendSubject names the message a send job delivers, for the jobs admin
// pages: its title; "" when the arguments or the message cannot be read.
func (s *Store) sendSubject(ctx context.Context, j jobs.Job) string {
	var a sendArgs
	if json.Unmarshal(j.Args, &a) != nil || a.Message == 0 {
		return ""
	}
	var title string
	if err := s.db.QueryRow(ctx, `SELECT title FROM notify_messages WHERE id = ?`, a.Message).Scan(&title); err != nil {
		return ""
	}
	return title
}

func (s *Store) runTell(ctx context.Context, run *jobs.Run) error {
	var a tellArgs
	if err := run.Decode(&a); err != nil {
		return err
	}
	snd, lim := s.out.sender(a.Channel)
	if snd == nil {
		return jobs.Fail("notify.err.no_sender", a.Channel)
	}
	to, err := s.keys.Open(addrField, a.Sealed)
	if err != nil {
		return jobs.Fail("notify.err.sealed")
	}
	if err := lim.wait(ctx); err != nil {
		return err
	}
	if err := snd.Send(ctx, Out{Key: fmt.Sprintf("tell:%d", run.ID), To: to, Title: a.Title, Body: a.Title, Link: s.Base + a.Link}); err != nil {
		return jobs.Retry("notify.err.send", err.Error())
	}
	return nil
}

// fanOut writes one pending delivery for each account the message reaches,
// once: the rows are keyed by (message, account).
func (s *Store) fanOut(ctx context.Context, id int64) (Message, error) {
	var m Message
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		var aud, top string
		err := tx.QueryRow(ctx, `SELECT m.title, m.link, m.summary, m.audiences, m.topics, m.region, m.state, o.path
			FROM notify_messages m JOIN orgs o ON o.id = m.org_id WHERE m.id = ?`, id).
			Scan(&m.Title, &m.Link, &m.Summary, &aud, &top, &m.RegionCode, &m.State, &m.OrgPath)
		if err != nil {
			return fmt.Errorf("notify: read message %d: %w", id, err)
		}
		m.ID, m.Audiences, m.Topics = id, splitList(aud), splitList(top)
		if m.State != "queued" {
			return nil
		}
		cond, arg := db.PrefixMatch(tx, "o.path", m.OrgPath)
		q := `INSERT INTO notify_deliveries (message_id, account_id, channel, state)
			SELECT ?, a.id, a.channel, 'pending' FROM notify_accounts a JOIN orgs o ON o.id = a.org_id
			WHERE a.status = 'active' AND ` + cond
		args := []any{id, arg}
		if m.RegionCode != "" {
			q += ` AND (a.region = '' OR a.region LIKE ?)`
			args = append(args, std.RegionPrefix(m.RegionCode)+"%")
		}
		for kind, list := range map[string][]string{"audience": m.Audiences, "topic": m.Topics} {
			if len(list) == 0 {
				continue
			}
			q += ` AND (NOT EXISTS (SELECT 1 FROM notify_subscriptions s WHERE s.account_id = a.id AND s.kind = ?)
				OR EXISTS (SELECT 1 FROM notify_subscriptions s WHERE s.account_id = a.id AND s.kind = ? AND s.value IN (` +
				strings.TrimSuffix(strings.Repeat("?,", len(list)), ",") + `)))`
			args = append(args, kind, kind)
			for _, v := range list {
				args = append(args, v)
			}
		}
		q += ` ON CONFLICT DO NOTHING`
		if _, err := tx.Exec(ctx, q, args...); err != nil {
			return fmt.Errorf("notify: fan out %d: %w", id, err)
		}
		m.State = "sending"
		_, err = tx.Exec(ctx, `UPDATE notify_messages SET state = 'sending',
			recipients = (SELECT COUNT(*) FROM notify_deliveries WHERE message_id = ?) WHERE id = ?`, id, id)
		return err
	})
	return m, err
}

type pendingRow struct {
	account int64
	channel string
	sealed  string
	tries   int
}

func (s *Store) runSend(ctx context.Context, run *jobs.Run) error {
	var a sendArgs
	if err := run.Decode(&a); err != nil {
		return err
	}
	m, err := s.fanOut(ctx, a.Message)
	if err != nil {
		return err
	}
	var total, done int64
	if err := s.db.QueryRow(ctx, `SELECT recipients, (SELECT COUNT(*) FROM notify_deliveries WHERE message_id = ? AND state <> 'pending')
		FROM notify_messages WHERE id = ?`, m.ID, m.ID).Scan(&total, &done); err != nil {
		return err
	}
	if s.db.Dialect() == db.Postgres && total-done > 10000 {
		// A big fan-out changes the table faster than autovacuum samples
		// it; without fresh statistics PostgreSQL scans every delivery
		// for each chunk.
		if _, err := s.db.Exec(ctx, `ANALYZE notify_deliveries`); err != nil {
			return err
		}
	}
	var after int64
	failures := 0
	for {
		rows, err := s.pending(ctx, m.ID, after)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			break
		}
		after = rows[len(rows)-1].account
		sent, failed, lastErr := s.sendChunk(ctx, m, rows)
		if err := s.mark(ctx, m.ID, sent, failed); err != nil {
			return err
		}
		done += int64(len(sent))
		failures += len(failed)
		run.SetProgress(done, total, "notify.progress.sent", done, total)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if lastErr != nil && len(failed) > 0 && len(sent) == 0 {
			// The provider is down: stop, and let the job's backoff wait.
			return jobs.Retry("notify.err.send", lastErr.Error())
		}
	}
	if failures > 0 {
		return jobs.Retry("notify.err.some_failed", failures)
	}
	_, err = s.db.Exec(ctx, `UPDATE notify_messages SET state = 'sent', sent_at = ? WHERE id = ? AND state = 'sending'`,
		db.Millis(s.db.Now()), m.ID)
	return err
}

// pending reads the next chunk after the account cursor. The cursor bounds
// both sides of the join: PostgreSQL merge-joins on the account ID and
// would otherwise scan the accounts from the first one for every chunk.
func (s *Store) pending(ctx context.Context, msg, after int64) ([]pendingRow, error) {
	rows, err := s.db.Query(ctx, `SELECT d.account_id, d.channel, a.addr_sealed, d.attempts FROM notify_deliveries d
		JOIN notify_accounts a ON a.id = d.account_id
		WHERE d.message_id = ? AND d.state = 'pending' AND d.account_id > ? AND a.id > ? ORDER BY d.account_id LIMIT ?`, msg, after, after, Chunk)
	if err != nil {
		return nil, fmt.Errorf("notify: pending of %d: %w", msg, err)
	}
	defer rows.Close()
	out := make([]pendingRow, 0, Chunk)
	for rows.Next() {
		var p pendingRow
		if err := rows.Scan(&p.account, &p.channel, &p.sealed, &p.tries); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

type failure struct {
	account int64
	final   bool
	err     string
}

// sendChunk sends each row; it stops at a cancelled context, returning
// what was sent so far.
func (s *Store) sendChunk(ctx context.Context, m Message, rows []pendingRow) (sent []int64, failed []failure, lastErr error) {
	for _, p := range rows {
		if ctx.Err() != nil {
			return
		}
		snd, lim := s.out.sender(p.channel)
		if snd == nil {
			failed = append(failed, failure{account: p.account, final: true, err: "no sender"})
			continue
		}
		to, err := s.keys.Open(addrField, p.sealed)
		if err == nil {
			err = lim.wait(ctx)
		}
		if err == nil {
			err = snd.Send(ctx, s.out1(m, p, to))
		}
		if err != nil {
			lastErr = err
			failed = append(failed, failure{account: p.account, final: p.tries+1 >= DeliveryTries, err: err.Error()})
			continue
		}
		sent = append(sent, p.account)
	}
	return
}

func (s *Store) out1(m Message, p pendingRow, to string) Out {
	o := Out{Key: fmt.Sprintf("%d:%d", m.ID, p.account), To: to, Title: m.Title, Body: m.Summary, Link: s.Base + m.Link,
		Unsubscribe: s.Base + "/notify/unsubscribe?t=" + s.UnsubscribeToken(p.account)}
	if p.channel == Email {
		o.Pixel = s.Base + "/notify/o/" + s.OpenToken(m.ID, p.account) + ".gif"
	}
	return o
}

// mark records a chunk's outcome in one transaction.
func (s *Store) mark(ctx context.Context, msg int64, sent []int64, failed []failure) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		now := db.Millis(tx.Now)
		for start := 0; start < len(sent); start += 500 {
			part := sent[start:min(len(sent), start+500)]
			args := []any{now, msg}
			for _, a := range part {
				args = append(args, a)
			}
			if _, err := tx.Exec(ctx, `UPDATE notify_deliveries SET state = 'sent', sent_at = ?, attempts = attempts + 1
				WHERE message_id = ? AND state = 'pending' AND account_id IN (`+strings.TrimSuffix(strings.Repeat("?,", len(part)), ",")+`)`, args...); err != nil {
				return fmt.Errorf("notify: mark sent: %w", err)
			}
		}
		for _, f := range failed {
			state := Pending
			if f.final {
				state = Failed
			}
			if _, err := tx.Exec(ctx, `UPDATE notify_deliveries SET state = ?, attempts = attempts + 1, error = ?
				WHERE message_id = ? AND account_id = ? AND state = 'pending'`, state, f.err, msg, f.account); err != nil {
				return fmt.Errorf("notify: mark failed: %w", err)
			}
		}
		return nil
	})
}
