package volunteer

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
)

// QueueFilter selects hour corrections for the staff's queue, its count
// and its export. The zero Scope selects nothing.
type QueueFilter struct {
	Scope  access.Scope
	Status string // Pending, Approved, Rejected; "" for every status
	Query  string // part of the volunteer's name
	TeamID int64
	Sort   string // "filed" (default) or "hours"
	Desc   bool
	Limit  int
	Offset int
}

// QueueStatuses are the queue's status filters in the order pages offer
// them; "all" is every status.
var QueueStatuses = []string{Pending, Approved, Rejected, "all"}

// QueueItem is one row of the queue: the correction and its volunteer.
type QueueItem struct {
	Correction
	Volunteer Volunteer
}

// where builds the filter's WHERE clause over volunteers v, orgs o and
// volunteer_corrections c.
func (f QueueFilter) where(q db.Q) (string, []any) {
	cond, args := db.ScopeCond(q, "o.path", f.Scope)
	where := []string{cond}
	if f.Status != "" {
		where = append(where, "c.status = ?")
		args = append(args, f.Status)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		where = append(where, `v.name LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.LikeEscape(q)+"%")
	}
	if f.TeamID != 0 {
		where = append(where, `v.id IN (SELECT volunteer_id FROM volunteer_team_members WHERE team_id = ?)`)
		args = append(args, f.TeamID)
	}
	return strings.Join(where, " AND "), args
}

// scanFunc adapts a function to the Scan of a row.
type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// CorrectionQueue lists the corrections of volunteers in the filter's
// scope with the total matched; oldest filed first unless told otherwise.
func (s *Store) CorrectionQueue(ctx context.Context, f QueueFilter) ([]QueueItem, int, error) {
	where, args := f.where(s.db)
	order := "c.created_at"
	if f.Sort == "hours" {
		order = "c.minutes"
	}
	if f.Desc {
		order += " DESC"
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := s.db.Query(ctx, `SELECT `+volCols+`, `+correctionCols+`, COUNT(*) OVER()
		FROM volunteer_corrections c JOIN volunteers v ON v.id = c.volunteer_id JOIN orgs o ON o.id = v.org_id
		LEFT JOIN volunteer_hours h ON h.seq = c.entry_seq
		WHERE `+where+` ORDER BY `+order+`, c.id LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("volunteer: correction queue: %w", err)
	}
	defer rows.Close()
	var out []QueueItem
	total := 0
	for rows.Next() {
		var it QueueItem
		var cerr error
		// The volunteer's columns come first, then the correction's and
		// the total: each scanner hands its destinations to the next.
		v, err := s.scanVolunteer(scanFunc(func(vd ...any) error {
			it.Correction, cerr = scanCorrection(scanFunc(func(cd ...any) error {
				return rows.Scan(append(append(vd, cd...), &total)...)
			}))
			return cerr
		}))
		if err != nil {
			return nil, 0, fmt.Errorf("volunteer: correction queue: %w", err)
		}
		it.Volunteer = v
		out = append(out, it)
	}
	return out, total, rows.Err()
}

// FlaggedStar is a star a correction flagged for review, with the
// volunteer's hours now.
type FlaggedStar struct {
	Star
	Minutes int64
}

// HoursText is the volunteer's hours now.
func (st FlaggedStar) HoursText() string { return FormatHours(st.Minutes) }

// FlaggedStars lists the stars awaiting review of volunteers in the
// filter's scope (its name and team filters apply; its status does not),
// the longest waiting first, at most limit.
func (s *Store) FlaggedStars(ctx context.Context, f QueueFilter, limit int) ([]FlaggedStar, error) {
	f.Status = ""
	where, args := f.where(s.db)
	rows, err := s.db.Query(ctx, `SELECT `+starCols+`, v.minutes FROM volunteer_stars s JOIN volunteers v ON v.id = s.volunteer_id
		JOIN orgs o ON o.id = v.org_id WHERE s.review_since <> 0 AND s.review_outcome = '' AND `+where+`
		ORDER BY s.review_since, s.volunteer_id, s.level LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("volunteer: flagged stars: %w", err)
	}
	defer rows.Close()
	var out []FlaggedStar
	for rows.Next() {
		var fs FlaggedStar
		st, err := scanStar(scanPlus{rows, &fs.Minutes})
		if err != nil {
			return nil, fmt.Errorf("volunteer: flagged stars: %w", err)
		}
		fs.Star = st
		out = append(out, fs)
	}
	return out, rows.Err()
}

// QueueCounts is the number of pending corrections and of stars awaiting
// review of volunteers in scope: the badge on the volunteer list.
func (s *Store) QueueCounts(ctx context.Context, scope access.Scope) (corrections, stars int, err error) {
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	err = s.db.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM volunteer_corrections c JOIN volunteers v ON v.id = c.volunteer_id JOIN orgs o ON o.id = v.org_id
			WHERE c.status = ? AND `+cond+`),
		(SELECT COUNT(*) FROM volunteer_stars s JOIN volunteers v ON v.id = s.volunteer_id JOIN orgs o ON o.id = v.org_id
			WHERE s.review_since <> 0 AND s.review_outcome = '' AND `+cond+`)`,
		append(append([]any{Pending}, args...), args...)...).Scan(&corrections, &stars)
	if err != nil {
		return 0, 0, fmt.Errorf("volunteer: queue counts: %w", err)
	}
	return corrections, stars, nil
}
