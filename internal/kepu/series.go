package kepu

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Series is a named run of items (a column, a course, a campaign).
type Series struct {
	ID, OrgID int64
	OrgName   string
	Title     string
	Summary   string
	Count     int // published items
}

// CreateSeries adds a series owned by org.
func (s *Store) CreateSeries(ctx context.Context, orgID int64, title, summary string, by Actor) (int64, error) {
	title, summary = strings.TrimSpace(title), strings.TrimSpace(summary)
	var errs valid.Errors
	if n := utf8.RuneCountInString(title); n == 0 || n > 60 {
		errs.Add("title", "kepu.err.series_title", 60)
	}
	if utf8.RuneCountInString(summary) > 300 {
		errs.Add("summary", "kepu.err.too_long", 300)
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
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO kepu_series (id, org_id, title, summary, created_at) VALUES (?, ?, ?, ?, ?)`,
			id, orgID, title, summary, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("kepu: create series: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "kepu.series_create",
			Target: target("kepu_series", id), After: map[string]any{"title": title}})
	})
	return id, err
}

// SeriesList lists the series in scope (access.Everywhere() for the
// portal) with their published items.
func (s *Store) SeriesList(ctx context.Context, scope access.Scope) ([]Series, error) {
	if scope.None() {
		return nil, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	rows, err := s.db.Query(ctx, `SELECT x.id, x.org_id, o.name, x.title, x.summary,
		(SELECT COUNT(*) FROM kepu_items i WHERE i.series_id = x.id AND i.status = 'published')
		FROM kepu_series x JOIN orgs o ON o.id = x.org_id WHERE `+cond+` ORDER BY pinyin(x.title), x.id LIMIT 200`, args...)
	if err != nil {
		return nil, fmt.Errorf("kepu: series: %w", err)
	}
	defer rows.Close()
	var out []Series
	for rows.Next() {
		var x Series
		if err := rows.Scan(&x.ID, &x.OrgID, &x.OrgName, &x.Title, &x.Summary, &x.Count); err != nil {
			return nil, fmt.Errorf("kepu: series: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// OneSeries returns one series.
func (s *Store) OneSeries(ctx context.Context, id int64) (Series, error) {
	var x Series
	err := s.db.QueryRow(ctx, `SELECT x.id, x.org_id, o.name, x.title, x.summary FROM kepu_series x JOIN orgs o ON o.id = x.org_id
		WHERE x.id = ?`, id).Scan(&x.ID, &x.OrgID, &x.OrgName, &x.Title, &x.Summary)
	if err != nil {
		return x, &NotFoundError{"series", id}
	}
	return x, nil
}
