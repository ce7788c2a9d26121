package voice

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/shortcode"
	"kexie/internal/valid"
)

// FileInput is what a filer sends. A member signed in gives UserID and
// Name; the public gives a Contact instead and Source, the keyed hash of
// their address (package botcheck), which bounds how often they file.
type FileInput struct {
	OrgID   int64
	Kind    Kind
	Topic   string
	Title   string
	Body    string
	Contact string
	UserID  int64
	Name    string
	Source  string
}

// codeLen is 12 symbols (shortcode): about 59 random bits, never guessed;
// shown as "XXXX-XXXX-XXXX".
const codeLen = 12

// codeHash is what the table keeps of a code.
func codeHash(code string) string {
	h := sha256.Sum256([]byte("voice:" + shortcode.Norm(code)))
	return hex.EncodeToString(h[:])
}

// validContact accepts a mobile number (11 digits from 1) or an email address.
func validContact(c string) bool {
	if len(c) == 11 && c[0] == '1' && strings.Trim(c, "0123456789") == "" {
		return true
	}
	return strings.Contains(c, "@") && valid.Email(c)
}

func (in *FileInput) check() error {
	in.Topic, in.Title, in.Body = strings.TrimSpace(in.Topic), strings.TrimSpace(in.Title), strings.TrimSpace(in.Body)
	in.Contact = strings.ReplaceAll(strings.TrimSpace(in.Contact), " ", "")
	var errs valid.Errors
	if !in.Kind.Valid() {
		errs.Add("kind", "voice.err.kind")
	}
	if !knownTopic(in.Topic) {
		errs.Add("topic", "voice.err.topic")
	}
	switch n := utf8.RuneCountInString(in.Title); {
	case n < MinTitle:
		errs.Add("title", "voice.err.title_short", MinTitle)
	case n > MaxTitle:
		errs.Add("title", "voice.err.too_long", MaxTitle)
	}
	switch n := utf8.RuneCountInString(in.Body); {
	case n < MinBody:
		errs.Add("body", "voice.err.body_short", MinBody)
	case n > MaxBody:
		errs.Add("body", "voice.err.too_long", MaxBody)
	}
	switch {
	case utf8.RuneCountInString(in.Contact) > MaxContact:
		errs.Add("contact", "voice.err.too_long", MaxContact)
	case in.Contact == "" && in.UserID == 0:
		errs.Add("contact", "voice.err.contact_required")
	case in.Contact != "" && !validContact(in.Contact):
		errs.Add("contact", "voice.err.contact")
	}
	if in.OrgID == 0 {
		errs.Add("org_id", "voice.err.org")
	}
	return errs.Err()
}

// File records a new item and returns it with its tracking code, which is
// shown once and kept only as a hash. The org must be one the public may
// write to (org.PublicTypes).
func (s *Store) File(ctx context.Context, in FileInput) (Item, string, error) {
	if err := in.check(); err != nil {
		return Item{}, "", err
	}
	sealed := ""
	if in.Contact != "" {
		if s.cfg.Keys == nil {
			return Item{}, "", ErrNoKeys
		}
		var err error
		if sealed, err = s.cfg.Keys.Seal(contactField, in.Contact); err != nil {
			return Item{}, "", err
		}
	}
	code := shortcode.Grouped(shortcode.New(codeLen), 4)
	var it Item
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		path, ok, err := org.PublicPath(ctx, tx, in.OrgID)
		if err != nil {
			return err
		}
		if !ok {
			return valid.New("org_id", "voice.err.org")
		}
		if in.UserID == 0 && in.Source != "" {
			// Filings at once from one address wait for each other, so the
			// count sees them all (race review 51).
			if err := tx.LockKey(ctx, "voice.file:"+in.Source); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM voice_items WHERE source = ? AND filed_at > ?`, in.Source,
				db.Millis(tx.Now.Add(-time.Hour))).Scan(&n); err != nil {
				return fmt.Errorf("voice: file rate: %w", err)
			}
			if n >= MaxPerHour {
				return valid.New("", "voice.err.rate")
			}
		}
		id := tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO voice_items (id, org_id, kind, topic, title, body, status, filer_user, filer_name, contact,
			code_hash, source, filed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?)`,
			id, in.OrgID, string(in.Kind), in.Topic, in.Title, in.Body, in.UserID, in.Name, sealed, codeHash(code), in.Source, now, now); err != nil {
			return fmt.Errorf("voice: file: %w", err)
		}
		if err := addEvent(ctx, tx, id, Actor{UserID: in.UserID, Name: in.Name}, "file", "", "", false); err != nil {
			return err
		}
		if err := audit.Append(ctx, tx, audit.Entry{OrgID: in.OrgID, OrgPath: path, Action: "voice.file", Target: target(id),
			After: map[string]any{"kind": string(in.Kind), "title": in.Title}}); err != nil {
			return err
		}
		it, err = getItem(ctx, tx, id)
		return err
	})
	if err != nil {
		return Item{}, "", err
	}
	s.mask(&it)
	return it, code, nil
}

// addEvent appends one step to an item's timeline.
func addEvent(ctx context.Context, tx *db.Tx, itemID int64, by Actor, action, note, detail string, internal bool) error {
	in := 0
	if internal {
		in = 1
	}
	if _, err := tx.Exec(ctx, `INSERT INTO voice_events (id, item_id, at, actor_user, actor_name, action, note, detail, internal)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, tx.NewID(), itemID, db.Millis(tx.Now), by.UserID, by.Name, action, note, detail, in); err != nil {
		return fmt.Errorf("voice: event %s of %d: %w", action, itemID, err)
	}
	return nil
}
