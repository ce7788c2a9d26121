package kepu

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Emergency is an 应急科普 period: flood, epidemic, earthquake.
type Emergency struct {
	ID               int64
	OrgID            int64
	OrgPath, OrgName string
	Topic, Region    string
	Open             bool
	OpenedAt         time.Time
	ClosedAt         time.Time
	Editors          []int64
}

// OpenEmergency starts an emergency and designates the editors who may
// publish at once during it.
func (s *Store) OpenEmergency(ctx context.Context, orgID int64, topic, region string, editors []int64, by Actor) (int64, error) {
	topic, region = strings.TrimSpace(topic), strings.TrimSpace(region)
	var errs valid.Errors
	if n := utf8.RuneCountInString(topic); n == 0 || n > 60 {
		errs.Add("topic", "kepu.err.topic", 60)
	}
	if n := utf8.RuneCountInString(region); n == 0 || n > 60 {
		errs.Add("region", "kepu.err.region", 60)
	}
	if len(editors) == 0 {
		errs.Add("editors", "kepu.err.editors")
	}
	if err := errs.Err(); err != nil {
		return 0, err
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		path, err := orgPath(ctx, tx, orgID)
		if err != nil {
			return err
		}
		// One open emergency of a topic and region per org: a second click
		// or a colleague opening the same one would split its items and
		// editors over two pages. The key makes openings at once see each
		// other (integrity review 52).
		if err := tx.LockKey(ctx, fmt.Sprintf("kepu.emergency:%d", orgID)); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM kepu_emergencies WHERE org_id = ? AND topic = ? AND region = ? AND status = 'open'`,
			orgID, topic, region).Scan(&n); err != nil {
			return fmt.Errorf("kepu: open emergency: %w", err)
		}
		if n > 0 {
			return valid.New("topic", "kepu.err.emergency_open")
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO kepu_emergencies (id, org_id, topic, region, status, opened_by, opened_at)
			VALUES (?, ?, ?, ?, 'open', ?, ?)`, id, orgID, topic, region, by.UserID, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("kepu: open emergency: %w", err)
		}
		seen := map[int64]bool{}
		for _, u := range editors {
			if u == 0 || seen[u] {
				continue
			}
			seen[u] = true
			if _, err := tx.Exec(ctx, `INSERT INTO kepu_emergency_editors (emergency_id, user_id) VALUES (?, ?)`, id, u); err != nil {
				return fmt.Errorf("kepu: emergency editors: %w", err)
			}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "kepu.emergency_open",
			Target: target("kepu_emergency", id), After: map[string]any{"name": topic, "region": region, "editors": editors}})
	})
	return id, err
}

// CloseEmergency ends an emergency; its page stays with its items.
func (s *Store) CloseEmergency(ctx context.Context, id int64, by Actor) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "kepu_emergencies", id); err != nil {
			return err
		}
		e, err := getEmergency(ctx, tx, id)
		if err != nil {
			return err
		}
		if !e.Open {
			return valid.New("status", "kepu.err.emergency_closed")
		}
		if _, err := tx.Exec(ctx, `UPDATE kepu_emergencies SET status = 'closed', closed_at = ? WHERE id = ?`, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("kepu: close emergency %d: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: e.OrgID, OrgPath: e.OrgPath, Action: "kepu.emergency_close",
			Target: target("kepu_emergency", id)})
	})
}

// PublishUrgent is the fast path: a designated editor of an open emergency
// publishes at once, without prior review. The item shows "审核中" until an
// expert reviews it after the fact; subscribers are notified at once.
func (s *Store) PublishUrgent(ctx context.Context, emergencyID int64, in DraftInput, by Actor) (Item, error) {
	if err := in.check(); err != nil {
		return Item{}, err
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "kepu_emergencies", emergencyID); err != nil {
			return err
		}
		e, err := getEmergency(ctx, tx, emergencyID)
		if err != nil {
			return err
		}
		if !e.Open {
			return valid.New("emergency", "kepu.err.emergency_closed")
		}
		if !contains64(e.Editors, by.UserID) {
			return valid.New("emergency", "kepu.err.not_designated")
		}
		id = tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO kepu_items (id, group_id, lang, org_id, kind, title, summary, body, video_url,
			video_media, cover_media, audience, topic, series_id, emergency_id, status, review_pending, author_id, author_name,
			editor_id, editor_name, published_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', 1, ?, ?, ?, ?, ?, ?, ?)`, id, id, in.Lang, e.OrgID,
			string(in.Kind), in.Title, in.Summary, in.Body, in.VideoURL, in.VideoMedia, in.CoverMedia, in.Audience, e.Topic,
			in.SeriesID, e.ID, by.UserID, by.Name, by.UserID, by.Name, now, now, now); err != nil {
			return fmt.Errorf("kepu: urgent publish: %w", err)
		}
		it := Item{ID: id, Title: in.Title, Summary: in.Summary, Topic: e.Topic, Body: in.Body}
		if err := index(ctx, tx, it, true); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: e.OrgID, OrgPath: e.OrgPath, Action: "kepu.item_urgent",
			Target: target("kepu", id), After: map[string]any{"title": in.Title, "emergency": e.ID}})
	})
	if err != nil {
		return Item{}, err
	}
	s.announce(ctx, id, "")
	return s.Item(ctx, id)
}

func contains64(list []int64, x int64) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

const emCols = `e.id, e.org_id, o.path, o.name, e.topic, e.region, e.status, e.opened_at, e.closed_at`

func scanEmergency(row db.Scanner) (Emergency, error) {
	var e Emergency
	var status string
	var opened, closed int64
	if err := row.Scan(&e.ID, &e.OrgID, &e.OrgPath, &e.OrgName, &e.Topic, &e.Region, &status, &opened, &closed); err != nil {
		return e, err
	}
	e.Open, e.OpenedAt, e.ClosedAt = status == "open", db.Time(opened), optTime(closed)
	return e, nil
}

func getEmergency(ctx context.Context, q db.Q, id int64) (Emergency, error) {
	e, err := scanEmergency(q.QueryRow(ctx, `SELECT `+emCols+` FROM kepu_emergencies e JOIN orgs o ON o.id = e.org_id WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, &NotFoundError{"emergency", id}
	}
	if err != nil {
		return e, fmt.Errorf("kepu: emergency %d: %w", id, err)
	}
	rows, err := q.Query(ctx, `SELECT user_id FROM kepu_emergency_editors WHERE emergency_id = ? ORDER BY user_id`, id)
	if err != nil {
		return e, fmt.Errorf("kepu: emergency editors %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var u int64
		if err := rows.Scan(&u); err != nil {
			return e, err
		}
		e.Editors = append(e.Editors, u)
	}
	return e, rows.Err()
}

// Emergency returns one emergency with its designated editors.
func (s *Store) Emergency(ctx context.Context, id int64) (Emergency, error) {
	return getEmergency(ctx, s.db, id)
}

// Emergencies lists emergencies in scope (everything for the public
// portal: pass access.Everywhere()), open ones first.
func (s *Store) Emergencies(ctx context.Context, scope access.Scope) ([]Emergency, error) {
	if scope.None() {
		return nil, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	rows, err := s.db.Query(ctx, `SELECT `+emCols+` FROM kepu_emergencies e JOIN orgs o ON o.id = e.org_id WHERE `+cond+
		` ORDER BY e.status DESC, e.opened_at DESC LIMIT 200`, args...)
	if err != nil {
		return nil, fmt.Errorf("kepu: emergencies: %w", err)
	}
	defer rows.Close()
	var out []Emergency
	for rows.Next() {
		e, err := scanEmergency(rows)
		if err != nil {
			return nil, fmt.Errorf("kepu: emergencies: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// hasPublished reports whether anything is published for emergency id
// (its public page and the portal's pointer wait for that).
func (s *Store) hasPublished(ctx context.Context, id int64) (bool, error) {
	items, _, err := s.Published(ctx, Filter{EmergencyID: id, Limit: 1})
	return len(items) > 0, err
}
