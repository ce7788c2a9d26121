package stats

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"kexie/internal/db"
	"kexie/internal/org"
)

// orgRow is what the module reads of an org.
type orgRow struct {
	ID, ParentID int64
	Path, Name   string
	Code         string
	Type         org.Type
	Depth        int
}

func getOrg(ctx context.Context, q db.Q, id int64) (orgRow, error) {
	var o orgRow
	var parent sql.NullInt64
	err := q.QueryRow(ctx, `SELECT id, parent_id, path, name, code, type, depth FROM orgs WHERE id = ? AND disabled_at = 0`, id).
		Scan(&o.ID, &parent, &o.Path, &o.Name, &o.Code, &o.Type, &o.Depth)
	if errors.Is(err, sql.ErrNoRows) {
		return o, &NotFoundError{"org", id}
	}
	if err != nil {
		return o, fmt.Errorf("stats: org %d: %w", id, err)
	}
	o.ParentID = parent.Int64
	return o, nil
}

// filer returns the org of id when it files a form.
func filer(ctx context.Context, q db.Q, id int64) (orgRow, error) {
	o, err := getOrg(ctx, q, id)
	if err == nil && KindOf(o.Type) == 0 {
		err = &NotFoundError{"org", id}
	}
	return o, err
}

const formCols = `f.id, f.org_id, f.year, f.version, f.status, f.rev, f.vals, f.notes, f.prefill, f.filed_by, f.filed_name, f.filed_at,
	f.first_filed, f.reviewed_by, f.reviewed_name, f.reviewed_at, f.reason, f.updated_at`

func scanForm(row interface{ Scan(...any) error }, f *Form) error {
	var vals, notes, prefill string
	var filed, first, reviewed, updated int64
	if err := row.Scan(&f.ID, &f.OrgID, &f.Year, &f.Version, &f.Status, &f.Rev, &vals, &notes, &prefill, &f.FiledBy, &f.FiledName, &filed,
		&first, &f.ReviewedBy, &f.ReviewedName, &reviewed, &f.Reason, &updated); err != nil {
		return err
	}
	f.Values, f.Notes, f.Prefill = Values{}, map[string]string{}, Values{}
	for _, x := range []struct {
		s string
		v any
	}{{vals, &f.Values}, {notes, &f.Notes}, {prefill, &f.Prefill}} {
		if err := json.Unmarshal([]byte(x.s), x.v); err != nil {
			return fmt.Errorf("stats: form %d: %w", f.ID, err)
		}
	}
	f.FiledAt, f.FirstFiled, f.ReviewedAt, f.UpdatedAt = tm(filed), tm(first), tm(reviewed), tm(updated)
	return nil
}

func tm(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return db.Time(ms)
}

// getForm returns the form of org o for year: a form in status None when
// nothing was saved yet.
func getForm(ctx context.Context, q db.Q, o orgRow, year int) (Form, error) {
	f := Form{OrgID: o.ID, OrgPath: o.Path, OrgName: o.Name, OrgCode: o.Code, OrgType: o.Type, ParentID: o.ParentID, Year: year,
		Version: Current.Version, Status: None, Rev: 1, Values: Values{}, Notes: map[string]string{}, Prefill: Values{}}
	err := scanForm(q.QueryRow(ctx, `SELECT `+formCols+` FROM stats_forms f WHERE f.org_id = ? AND f.year = ?`, o.ID, year), &f)
	if errors.Is(err, sql.ErrNoRows) {
		return f, nil
	}
	if err != nil {
		return f, fmt.Errorf("stats: form %d/%d: %w", o.ID, year, err)
	}
	return f, nil
}

// Form returns the form of the org of orgID for year (status None when
// nothing was saved yet); an org that does not file is a NotFoundError.
func (s *Store) Form(ctx context.Context, orgID int64, year int) (Form, error) {
	o, err := filer(ctx, s.db, orgID)
	if err != nil {
		return Form{}, err
	}
	return getForm(ctx, s.db, o, year)
}

// LastYear returns the values of the org's approved form of year-1, nil
// when it has none.
func (s *Store) LastYear(ctx context.Context, orgID int64, year int) (Values, error) {
	return lastYear(ctx, s.db, orgID, year)
}

func lastYear(ctx context.Context, q db.Q, orgID int64, year int) (Values, error) {
	var raw string
	err := q.QueryRow(ctx, `SELECT vals FROM stats_forms WHERE org_id = ? AND year = ? AND status = 'approved'`, orgID, year-1).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("stats: last year %d/%d: %w", orgID, year, err)
	}
	v := Values{}
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return nil, fmt.Errorf("stats: last year %d/%d: %w", orgID, year, err)
	}
	return v, nil
}

// Events lists a form's timeline, oldest first.
func (s *Store) Events(ctx context.Context, formID int64) ([]Event, error) {
	if formID == 0 {
		return nil, nil
	}
	rows, err := s.db.Query(ctx, `SELECT id, rev, at, actor_user, actor_name, action, note, snap FROM stats_events WHERE form_id = ? ORDER BY at, id`, formID)
	if err != nil {
		return nil, fmt.Errorf("stats: events %d: %w", formID, err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var at int64
		var snap string
		if err := rows.Scan(&e.ID, &e.Rev, &at, &e.ActorUser, &e.ActorName, &e.Action, &e.Note, &snap); err != nil {
			return nil, fmt.Errorf("stats: events %d: %w", formID, err)
		}
		e.At = db.Time(at)
		if snap != "" {
			if err := json.Unmarshal([]byte(snap), &e.Snap); err != nil {
				return nil, fmt.Errorf("stats: event %d: %w", e.ID, err)
			}
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func addEvent(ctx context.Context, tx *db.Tx, f Form, by Actor, action, note string, snap Values) error {
	raw := ""
	if snap != nil {
		b, err := json.Marshal(snap)
		if err != nil {
			return err
		}
		raw = string(b)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO stats_events (id, form_id, rev, at, actor_user, actor_name, action, note, snap) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		tx.NewID(), f.ID, f.Rev, db.Millis(tx.Now), by.UserID, by.Name, action, note, raw); err != nil {
		return fmt.Errorf("stats: %s %d: %w", action, f.ID, err)
	}
	return nil
}

// ancestors are the paths of the org at path and of every org above it.
func ancestors(path string) []string {
	var out []string
	for i := 1; i < len(path); i++ {
		if path[i] == '/' {
			out = append(out, path[:i+1])
		}
	}
	return out
}

// Deadline is when the org at path must have submitted its form of year:
// the deadline its nearest org (itself included) set, or by default the
// end of 31 March of the next year. It is the first instant past the
// deadline.
func (s *Store) Deadline(ctx context.Context, path string, year int) (time.Time, error) {
	return deadline(ctx, s.db, path, year)
}

func deadline(ctx context.Context, q db.Q, path string, year int) (time.Time, error) {
	anc := ancestors(path)
	if len(anc) == 0 {
		return DefaultDeadline(year), nil
	}
	var due int64
	err := q.QueryRow(ctx, `SELECT d.due FROM stats_deadlines d JOIN orgs o ON o.id = d.org_id WHERE d.year = ? AND o.path IN (?`+
		strings.Repeat(", ?", len(anc)-1)+`) ORDER BY o.depth DESC LIMIT 1`, append([]any{year}, anyOf(anc)...)...).Scan(&due)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultDeadline(year), nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("stats: deadline %s/%d: %w", path, year, err)
	}
	return db.Time(due), nil
}

// DefaultDeadline is the end of 31 March of the year after year.
func DefaultDeadline(year int) time.Time { return time.Date(year+1, 4, 1, 0, 0, 0, 0, zone) }

func anyOf(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
