package notify

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/jobs"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// Job kinds of the module.
const (
	SendKind = "notify.send" // fan a message out and send its deliveries
	TellKind = "notify.tell" // tell one contact (a rumour lead's submitter)
)

// Announce records a message and enqueues its sending, in one transaction.
// A key announced before returns the earlier message's ID and sends
// nothing again.
func (s *Store) Announce(ctx context.Context, m Message) (int64, error) {
	var es valid.Errors
	m.Title = strings.TrimSpace(m.Title)
	switch {
	case m.Title == "":
		es.Add("title", "notify.err.title")
	case utf8.RuneCountInString(m.Title) > 120:
		es.Add("title", "notify.err.title_long")
	}
	if utf8.RuneCountInString(m.Summary) > 500 {
		es.Add("summary", "notify.err.summary_long")
	}
	for _, a := range m.Audiences {
		if !known(Audiences, a) {
			es.Add("audiences", "notify.err.audience")
		}
	}
	if m.RegionCode != "" && !std.Regions().ValidCode(m.RegionCode) {
		es.Add("region", "notify.err.region")
	}
	if m.Key == "" {
		es.Add("key", "notify.err.key")
	}
	if err := es.Err(); err != nil {
		return 0, err
	}
	if m.Lang == "" {
		m.Lang = "zh-CN"
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		ref, err := org.Lookup(ctx, tx, m.OrgID)
		if err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT id FROM notify_messages WHERE msg_key = ?`, m.Key).Scan(&id); err == nil {
			return nil // announced before
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO notify_messages (id, msg_key, org_id, title, link, summary, audiences, topics, region, lang, state, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)`, id, m.Key, m.OrgID, m.Title, m.Link, m.Summary,
			strings.Join(m.Audiences, ","), strings.Join(m.Topics, ","), m.RegionCode, m.Lang, m.CreatedBy, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("notify: announce: %w", err)
		}
		if _, err := jobs.Enqueue(ctx, tx, jobs.Spec{Kind: SendKind, OrgID: m.OrgID, UserID: m.CreatedBy,
			Args: sendArgs{Message: id}, MaxAttempts: 8}); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: m.OrgID, OrgPath: ref.Path, Action: "notify.message.announce",
			Target: "notify_message:" + strconv.FormatInt(id, 10),
			After:  map[string]any{"title": m.Title, "key": m.Key, "region": m.RegionCode, "audiences": m.Audiences}})
	})
	return id, err
}

type sendArgs struct {
	Message int64 `json:"message"`
}

type tellArgs struct {
	Channel string `json:"channel"`
	Sealed  string `json:"sealed"` // the contact, sealed: job rows keep no address in clear
	Title   string `json:"title"`
	Link    string `json:"link"`
}

// Tell lets one contact (a phone number or an email address someone left,
// e.g. with a rumour lead) know that title is out at link, through a job.
// A contact that is neither is ignored: it was optional.
func (s *Store) Tell(ctx context.Context, contact, title, link string) error {
	a, err := ParseAddress(contact)
	if err != nil {
		return nil
	}
	sealed, err := s.keys.Seal(addrField, a.Value)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		_, err := jobs.Enqueue(ctx, tx, jobs.Spec{Kind: TellKind, MaxAttempts: 5,
			Args: tellArgs{Channel: a.Channel, Sealed: sealed, Title: title, Link: link}})
		return err
	})
}
