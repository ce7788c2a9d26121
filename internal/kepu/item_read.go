package kepu

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"kexie/internal/db"
)

const itemCols = `i.id, i.group_id, i.lang, i.org_id, o.path, o.name, i.kind, i.title, i.summary, i.body, i.video_url,
	i.video_media, i.cover_media, i.audience, i.topic, i.series_id, i.emergency_id, i.lead_id, i.status, i.author_id,
	i.author_name, i.reviewer_person, i.reviewer_user, i.reviewer_name, i.reviewer_field, i.review_note, i.reviewed_at,
	i.review_pending, i.editor_id, i.editor_name, i.published_at, i.corrected_at, i.withdrawn_at, i.withdraw_reason,
	i.version, i.created_at, i.updated_at`

const itemFrom = ` FROM kepu_items i JOIN orgs o ON o.id = i.org_id`

func scanItem(row db.Scanner) (Item, error) {
	var it Item
	var kind, status string
	var pending int
	var reviewed, published, corrected, withdrawn, created, updated int64
	err := row.Scan(&it.ID, &it.GroupID, &it.Lang, &it.OrgID, &it.OrgPath, &it.OrgName, &kind, &it.Title, &it.Summary,
		&it.Body, &it.VideoURL, &it.VideoMedia, &it.CoverMedia, &it.Audience, &it.Topic, &it.SeriesID, &it.EmergencyID,
		&it.LeadID, &status, &it.AuthorID, &it.AuthorName, &it.ReviewerPerson, &it.ReviewerUser, &it.ReviewerName,
		&it.ReviewerField, &it.ReviewNote, &reviewed, &pending, &it.EditorID, &it.EditorName, &published, &corrected,
		&withdrawn, &it.WithdrawReason, &it.Version, &created, &updated)
	if err != nil {
		return it, err
	}
	it.Kind, it.Status, it.ReviewPending = Kind(kind), Status(status), pending != 0
	it.ReviewedAt, it.PublishedAt, it.CorrectedAt = optTime(reviewed), optTime(published), optTime(corrected)
	it.WithdrawnAt, it.CreatedAt, it.UpdatedAt = optTime(withdrawn), db.Time(created), db.Time(updated)
	return it, nil
}

// optTime is the time of ms, or the zero time for 0 (not yet).
func optTime(ms int64) (t time.Time) {
	if ms == 0 {
		return t
	}
	return db.Time(ms)
}

// NotFoundError says which object does not exist; it wraps db.ErrNotFound.
type NotFoundError struct {
	Kind string
	ID   int64
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("kepu: %s %d not found", e.Kind, e.ID) }

// Unwrap lets errors.Is(err, db.ErrNotFound) match.
func (e *NotFoundError) Unwrap() error { return db.ErrNotFound }

func getItem(ctx context.Context, q db.Q, id int64) (Item, error) {
	it, err := scanItem(q.QueryRow(ctx, `SELECT `+itemCols+itemFrom+` WHERE i.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return it, &NotFoundError{"item", id}
	}
	if err != nil {
		return it, fmt.Errorf("kepu: item %d: %w", id, err)
	}
	return it, nil
}

// Item returns the item with id, whatever its status.
func (s *Store) Item(ctx context.Context, id int64) (Item, error) { return getItem(ctx, s.db, id) }

func queryItems(ctx context.Context, q db.Q, where string, args ...any) ([]Item, error) {
	rows, err := q.Query(ctx, `SELECT `+itemCols+itemFrom+` WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("kepu: items: %w", err)
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, fmt.Errorf("kepu: items: %w", err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// Versions returns the item's other-language versions, the original first.
func (s *Store) Versions(ctx context.Context, groupID int64) ([]Item, error) {
	return queryItems(ctx, s.db, `i.group_id = ? ORDER BY i.id`, groupID)
}

// Earlier is a version of a published item before a correction.
type Earlier struct {
	Version   int
	Title     string
	Body      string
	Note      string // what the correction that followed changed
	ChangedAt time.Time
}

// History returns a corrected item's earlier versions, newest first.
func (s *Store) History(ctx context.Context, id int64) ([]Earlier, error) {
	rows, err := s.db.Query(ctx, `SELECT version, title, body, note, changed_at FROM kepu_versions WHERE item_id = ? ORDER BY version DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("kepu: history %d: %w", id, err)
	}
	defer rows.Close()
	var out []Earlier
	for rows.Next() {
		var e Earlier
		var at int64
		if err := rows.Scan(&e.Version, &e.Title, &e.Body, &e.Note, &at); err != nil {
			return nil, fmt.Errorf("kepu: history %d: %w", id, err)
		}
		e.ChangedAt = db.Time(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
