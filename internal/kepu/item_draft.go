package kepu

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/search"
	"kexie/internal/valid"
)

// Actor is who does something: the signed-in user.
type Actor struct {
	UserID int64
	Name   string
}

// DraftInput is what an author writes.
type DraftInput struct {
	OrgID      int64
	Kind       Kind
	Lang       string
	GroupID    int64 // the original, for a version in another language
	Title      string
	Summary    string
	Body       string // HTML (sanitized here) or plain text with blank lines between paragraphs
	VideoURL   string
	VideoMedia int64
	CoverMedia int64
	Audience   string
	Topic      string
	SeriesID   int64
}

func (in *DraftInput) check() error {
	var errs valid.Errors
	in.Title, in.Summary, in.Topic = strings.TrimSpace(in.Title), strings.TrimSpace(in.Summary), strings.TrimSpace(in.Topic)
	in.VideoURL = strings.TrimSpace(in.VideoURL)
	if in.Lang == "" {
		in.Lang = Languages[0]
	}
	if in.Kind == "" {
		in.Kind = Article
	}
	switch n := utf8.RuneCountInString(in.Title); {
	case n == 0:
		errs.Add("title", "kepu.err.title_required")
	case n > 120:
		errs.Add("title", "kepu.err.too_long", 120)
	}
	if utf8.RuneCountInString(in.Summary) > 300 {
		errs.Add("summary", "kepu.err.too_long", 300)
	}
	if utf8.RuneCountInString(in.Topic) > 40 {
		errs.Add("topic", "kepu.err.too_long", 40)
	}
	if in.Kind != Article && in.Kind != Video && in.Kind != Debunk {
		errs.Add("kind", "kepu.err.kind")
	}
	if !knownAudience(in.Audience) {
		errs.Add("audience", "kepu.err.audience")
	}
	if !knownLang(in.Lang) {
		errs.Add("lang", "kepu.err.lang")
	}
	if !strings.Contains(in.Body, "<") {
		in.Body = paragraphs(in.Body)
	}
	in.Body = Sanitize(in.Body)
	switch n := utf8.RuneCountInString(plain(in.Body)); {
	case in.Kind != Video && n < 20:
		errs.Add("body", "kepu.err.body_short", 20)
	case len(in.Body) > 200_000:
		errs.Add("body", "kepu.err.too_long", 200_000)
	}
	if in.VideoURL != "" {
		if u, err := url.Parse(in.VideoURL); err != nil || u.Scheme != "https" || u.Host == "" {
			errs.Add("video_url", "kepu.err.video_url")
		}
	}
	if in.Kind == Video && in.VideoURL == "" && in.VideoMedia == 0 {
		errs.Add("video_url", "kepu.err.video_missing")
	}
	return errs.Err()
}

// paragraphs turns plain text into escaped paragraphs.
func paragraphs(text string) string {
	var b strings.Builder
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			b.WriteString("<p>" + strings.ReplaceAll(html.EscapeString(p), "\n", "<br>") + "</p>")
		}
	}
	return b.String()
}

// CreateDraft saves a new draft by the actor.
func (s *Store) CreateDraft(ctx context.Context, in DraftInput, by Actor) (Item, error) {
	if err := in.check(); err != nil {
		return Item{}, err
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		path, err := orgPath(ctx, tx, in.OrgID)
		if err != nil {
			return err
		}
		id = tx.NewID()
		group := id
		if in.GroupID != 0 {
			orig, err := getItem(ctx, tx, in.GroupID)
			if err != nil {
				return err
			}
			if orig.GroupID != orig.ID || orig.Lang == in.Lang {
				return valid.New("lang", "kepu.err.version_lang")
			}
			// Versions of one item at once wait on the original's lock, so
			// two of one language cannot both pass the count.
			if err := tx.LockRow(ctx, "kepu_items", orig.ID); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM kepu_items WHERE group_id = ? AND lang = ? AND status <> 'withdrawn'`,
				orig.ID, in.Lang).Scan(&n); err != nil {
				return fmt.Errorf("kepu: versions: %w", err)
			}
			if n > 0 {
				return valid.New("lang", "kepu.err.version_exists")
			}
			group = orig.ID
		}
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO kepu_items (id, group_id, lang, org_id, kind, title, summary, body, video_url,
			video_media, cover_media, audience, topic, series_id, status, author_id, author_name, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)`, id, group, in.Lang, in.OrgID, string(in.Kind),
			in.Title, in.Summary, in.Body, in.VideoURL, in.VideoMedia, in.CoverMedia, in.Audience, in.Topic, in.SeriesID,
			by.UserID, by.Name, now, now); err != nil {
			return fmt.Errorf("kepu: create draft: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: in.OrgID, OrgPath: path, Action: "kepu.item_create",
			Target: target("kepu", id), After: map[string]any{"title": in.Title, "lang": in.Lang, "kind": in.Kind}})
	})
	if err != nil {
		return Item{}, err
	}
	return s.Item(ctx, id)
}

// UpdateDraft changes a draft (or an item the expert sent back).
func (s *Store) UpdateDraft(ctx context.Context, id int64, in DraftInput, by Actor) error {
	if err := in.check(); err != nil {
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
		if it.Status != Draft {
			return valid.New("status", "kepu.err.not_draft")
		}
		if _, err := tx.Exec(ctx, `UPDATE kepu_items SET title = ?, summary = ?, body = ?, video_url = ?, video_media = ?,
			cover_media = ?, audience = ?, topic = ?, series_id = ?, updated_at = ? WHERE id = ?`, in.Title, in.Summary, in.Body,
			in.VideoURL, in.VideoMedia, in.CoverMedia, in.Audience, in.Topic, in.SeriesID, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("kepu: update draft %d: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: it.OrgID, OrgPath: it.OrgPath, Action: "kepu.item_edit",
			Target: target("kepu", id), Before: map[string]any{"title": it.Title}, After: map[string]any{"title": in.Title}})
	})
}

func target(kind string, id int64) string { return fmt.Sprintf("%s:%d", kind, id) }

func orgPath(ctx context.Context, q db.Q, orgID int64) (string, error) {
	var path string
	if err := q.QueryRow(ctx, `SELECT path FROM orgs WHERE id = ?`, orgID).Scan(&path); err != nil {
		return "", valid.New("org_id", "kepu.err.org")
	}
	return path, nil
}

// index writes a published item's search terms (and drops a withdrawn
// one's), in the transaction that changed it.
func index(ctx context.Context, tx *db.Tx, it Item, live bool) error {
	terms := ""
	if live {
		terms = search.Terms(it.Title, it.Summary, it.Topic, plain(it.Body))
	}
	if tx.Dialect() == db.SQLite {
		var old string
		if err := tx.QueryRow(ctx, `SELECT search_text FROM kepu_items WHERE id = ?`, it.ID).Scan(&old); err != nil {
			return fmt.Errorf("kepu: index %d: %w", it.ID, err)
		}
		if old != "" {
			if _, err := tx.Exec(ctx, `INSERT INTO kepu_fts (kepu_fts, rowid, terms) VALUES ('delete', ?, ?)`, it.ID, old); err != nil {
				return fmt.Errorf("kepu: index %d: %w", it.ID, err)
			}
		}
		if terms != "" {
			if _, err := tx.Exec(ctx, `INSERT INTO kepu_fts (rowid, terms) VALUES (?, ?)`, it.ID, terms); err != nil {
				return fmt.Errorf("kepu: index %d: %w", it.ID, err)
			}
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE kepu_items SET search_text = ? WHERE id = ?`, terms, it.ID); err != nil {
		return fmt.Errorf("kepu: index %d: %w", it.ID, err)
	}
	return nil
}
