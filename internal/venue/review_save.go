package venue

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// ReviewInput is a yearly review as its form gives it.
type ReviewInput struct {
	Year       int
	Score      float64
	Outcome    string
	Comment    string
	ReviewerID int64
	Reviewer   string
}

// AddReview records a yearly review and sets the venue's status to its
// outcome (动态管理). Every review stays: a second review of a year
// supersedes the first on the page, and both are in the history.
func (s *Store) AddReview(ctx context.Context, id int64, in ReviewInput) error {
	var es valid.Errors
	in.Comment = strings.TrimSpace(in.Comment)
	if in.Year < 2000 || in.Year > 2100 {
		es.Add("year", "venue.err.year")
	}
	if !(in.Score >= 0 && in.Score <= 100) { // NaN too
		es.Add("score", "venue.err.score")
	}
	if !contains(Outcomes(), in.Outcome) {
		es.Add("outcome", "venue.err.outcome")
	}
	if in.Outcome != Kept && in.Comment == "" {
		es.Add("comment", "venue.err.comment")
	}
	if utf8.RuneCountInString(in.Comment) > 2000 {
		es.Add("comment", "venue.err.too_long", 2000)
	}
	if err := es.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := pastYear(tx.Now, in.Year); err != nil {
			return err
		}
		v, path, err := s.getVenue(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO venue_reviews (id, venue_id, year, score, outcome, comment, reviewer_id, reviewer, reviewed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, tx.NewID(), id, in.Year, in.Score, in.Outcome, in.Comment, in.ReviewerID, in.Reviewer,
			db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("venue: review: %w", err)
		}
		if _, err := tx.Exec(ctx, `UPDATE venues SET status = ?, updated_at = ? WHERE id = ?`, in.Outcome, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("venue: review: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: path, Action: "venue.review", Target: fmt.Sprintf("venue:%d", id),
			Before: map[string]any{"status": v.Status}, After: map[string]any{"year": in.Year, "score": in.Score, "status": in.Outcome}})
	})
}

// Reviews lists a venue's reviews, latest first.
func (s *Store) Reviews(ctx context.Context, id int64) ([]Review, error) {
	rows, err := s.db.Query(ctx, `SELECT id, year, score, outcome, comment, reviewer, reviewed_at FROM venue_reviews
		WHERE venue_id = ? ORDER BY reviewed_at DESC, id DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("venue: reviews: %w", err)
	}
	defer rows.Close()
	var out []Review
	for rows.Next() {
		var r Review
		var at int64
		if err := rows.Scan(&r.ID, &r.Year, &r.Score, &r.Outcome, &r.Comment, &r.Reviewer, &at); err != nil {
			return nil, err
		}
		r.ReviewedAt = db.Time(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetVisitors records a year's visitor count, replacing an earlier figure
// for that year (the change is in the audit log with both figures).
func (s *Store) SetVisitors(ctx context.Context, id int64, year int, count int64) error {
	var es valid.Errors
	if year < 2000 || year > 2100 {
		es.Add("year", "venue.err.year")
	}
	if count < 0 || count > 100000000 {
		es.Add("visitors", "venue.err.visitors")
	}
	if err := es.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := pastYear(tx.Now, year); err != nil {
			return err
		}
		v, path, err := s.getVenue(ctx, tx, id)
		if err != nil {
			return err
		}
		var old int64 = -1
		_ = tx.QueryRow(ctx, `SELECT visitors FROM venue_visitors WHERE venue_id = ? AND year = ?`, id, year).Scan(&old)
		if _, err := tx.Exec(ctx, `INSERT INTO venue_visitors (venue_id, year, visitors, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (venue_id, year) DO UPDATE SET visitors = excluded.visitors, updated_at = excluded.updated_at`,
			id, year, count, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("venue: visitors: %w", err)
		}
		e := audit.Entry{OrgID: v.OrgID, OrgPath: path, Action: "venue.visitors", Target: fmt.Sprintf("venue:%d", id),
			After: map[string]any{"year": year, "visitors": count}}
		if old >= 0 {
			e.Before = map[string]any{"year": year, "visitors": old}
		}
		return audit.Append(ctx, tx, e)
	})
}

// VisitorYears lists a venue's visitor counts, latest year first.
func (s *Store) VisitorYears(ctx context.Context, id int64) ([]Visitors, error) {
	rows, err := s.db.Query(ctx, `SELECT year, visitors FROM venue_visitors WHERE venue_id = ? ORDER BY year DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("venue: visitors: %w", err)
	}
	defer rows.Close()
	var out []Visitors
	for rows.Next() {
		var x Visitors
		if err := rows.Scan(&x.Year, &x.Count); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// pastYear refuses a year that has not begun in Beijing: a review or a
// visitor count measures a year already lived (integrity review 52; the
// form offers last year).
func pastYear(now time.Time, year int) error {
	if year > now.In(calendar.Beijing).Year() {
		return valid.New("year", "venue.err.year_future")
	}
	return nil
}
