package society

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Board is the reporting-rate board of a 科协's subtree for one year: how
// many societies filed their report on time, late or not at all, their
// grades, and how many are overdue for 换届. Its JSON is what `kexie
// society board` prints; the keys are stable.
type Board struct {
	Year           int            `json:"-"`
	Societies      int            `json:"societies"`
	OnTime         int            `json:"on_time"`
	Late           int            `json:"late"`
	Missing        int            `json:"missing"`
	Grades         map[string]int `json:"grades"`
	RenewalOverdue int            `json:"renewal_overdue"`
}

// Rate is the share of societies that filed (on time or late), in percent.
func (b Board) Rate() float64 {
	if b.Societies == 0 {
		return 0
	}
	return float64(b.OnTime+b.Late) * 100 / float64(b.Societies)
}

// asOf is when grades and terms are judged for a year's board: the end of
// the year, or now while the year runs.
func (s *Store) asOf(year int, now time.Time) time.Time {
	end := time.Date(year+1, 1, 1, 0, 0, 0, 0, s.cfg.Loc).UTC()
	if now.Before(end) {
		return now
	}
	return end
}

// gradeRank orders grades in SQL; the best valid grade counts.
const gradeRank = `MAX(CASE g.grade WHEN '5A' THEN 5 WHEN '4A' THEN 4 WHEN '3A' THEN 3 ELSE 0 END)`

// societyRows is the FROM and WHERE of the societies in scope.
func societyRows(q db.Q, scope access.Scope) (string, []any) {
	cond, args := db.ScopeCond(q, "o.path", scope)
	return ` FROM orgs o WHERE o.type = 'society' AND o.disabled_at = 0 AND ` + cond, args
}

// Board counts the board of year over the societies in scope.
func (s *Store) Board(ctx context.Context, scope access.Scope, year int) (Board, error) {
	b := Board{Year: year, Grades: map[string]int{"5A": 0, "4A": 0, "3A": 0, "none": 0}}
	if scope.None() {
		return b, nil
	}
	at := db.Millis(s.asOf(year, s.db.Now()))
	from, args := societyRows(s.db, scope)
	q := `SELECT COUNT(*),
		COALESCE(SUM(CASE WHEN r.first_filed > 0 AND r.late = 0 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN r.first_filed > 0 AND r.late = 1 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN gr.best = 5 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN gr.best = 4 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN gr.best = 3 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN ov.org_id IS NOT NULL THEN 1 ELSE 0 END), 0)
		FROM orgs o
		LEFT JOIN society_reports r ON r.org_id = o.id AND r.year = ?
		LEFT JOIN (SELECT g.org_id, ` + gradeRank + ` AS best FROM society_grades g
			WHERE g.awarded_on <= ? AND g.valid_until > ? GROUP BY g.org_id) gr ON gr.org_id = o.id
		LEFT JOIN (SELECT DISTINCT t.org_id FROM society_terms t WHERE t.elected_on = 0 AND t.ends_on <= ?) ov ON ov.org_id = o.id
		` + strings.Replace(from, " FROM orgs o", "", 1)
	all := append([]any{year, at, at, at}, args...)
	var g5, g4, g3 int
	if err := s.db.QueryRow(ctx, q, all...).Scan(&b.Societies, &b.OnTime, &b.Late, &g5, &g4, &g3, &b.RenewalOverdue); err != nil {
		return b, fmt.Errorf("society: board %d: %w", year, err)
	}
	b.Missing = b.Societies - b.OnTime - b.Late
	b.Grades["5A"], b.Grades["4A"], b.Grades["3A"] = g5, g4, g3
	b.Grades["none"] = b.Societies - g5 - g4 - g3
	return b, nil
}

// BoardRow is one society on the board.
type BoardRow struct {
	OrgID   int64
	Code    string
	Name    string
	Status  string // "" when missing
	Late    bool
	FiledAt time.Time
	Grade   string // "" for none
	Overdue bool
}

// BoardFilter narrows the board's rows.
type BoardFilter struct {
	Scope  access.Scope
	Year   int
	Q      string // name or code
	State  string // on_time, late, missing, overdue
	Limit  int
	Offset int
}

// BoardRows lists the societies of the board, by name, with the total.
func (s *Store) BoardRows(ctx context.Context, f BoardFilter) ([]BoardRow, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	at := db.Millis(s.asOf(f.Year, s.db.Now()))
	from, args := societyRows(s.db, f.Scope)
	where := strings.Replace(from, " FROM orgs o", "", 1)
	if q := strings.TrimSpace(f.Q); q != "" {
		where += ` AND (o.name LIKE ? ESCAPE '\' OR o.code = ?)`
		args = append(args, "%"+db.LikeEscape(q)+"%", strings.ToUpper(q))
	}
	switch f.State {
	case "on_time":
		where += ` AND r.first_filed > 0 AND r.late = 0`
	case "late":
		where += ` AND r.late = 1`
	case "missing":
		where += ` AND (r.id IS NULL OR r.first_filed = 0)`
	case "overdue":
		where += ` AND ov.org_id IS NOT NULL`
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	q := `SELECT o.id, o.code, o.name, COALESCE(r.status, ''), COALESCE(r.late, 0), COALESCE(r.first_filed, 0),
		COALESCE(gr.best, 0), CASE WHEN ov.org_id IS NULL THEN 0 ELSE 1 END, COUNT(*) OVER ()
		FROM orgs o
		LEFT JOIN society_reports r ON r.org_id = o.id AND r.year = ?
		LEFT JOIN (SELECT g.org_id, ` + gradeRank + ` AS best FROM society_grades g
			WHERE g.awarded_on <= ? AND g.valid_until > ? GROUP BY g.org_id) gr ON gr.org_id = o.id
		LEFT JOIN (SELECT DISTINCT t.org_id FROM society_terms t WHERE t.elected_on = 0 AND t.ends_on <= ?) ov ON ov.org_id = o.id
		` + where + ` ORDER BY o.name, o.id LIMIT ? OFFSET ?`
	all := append(append([]any{f.Year, at, at, at}, args...), f.Limit, f.Offset)
	rows, err := s.db.Query(ctx, q, all...)
	if err != nil {
		return nil, 0, fmt.Errorf("society: board rows %d: %w", f.Year, err)
	}
	defer rows.Close()
	var out []BoardRow
	total := 0
	for rows.Next() {
		var r BoardRow
		var late, overdue, best int
		var filed int64
		if err := rows.Scan(&r.OrgID, &r.Code, &r.Name, &r.Status, &late, &filed, &best, &overdue, &total); err != nil {
			return nil, 0, err
		}
		r.Late, r.Overdue, r.FiledAt = late == 1, overdue == 1, tm(filed)
		if best > 0 {
			r.Grade = fmt.Sprintf("%dA", best)
		}
		if filed == 0 {
			r.Status = ""
		}
		out = append(out, r)
	}
	return out, total, rows.Err()
}

// Societies lists the societies in scope, by path.
func (s *Store) Societies(ctx context.Context, scope access.Scope) ([]Ref, error) {
	if scope.None() {
		return nil, nil
	}
	from, args := societyRows(s.db, scope)
	rows, err := s.db.Query(ctx, `SELECT o.id, o.code, o.name, o.path, COALESCE(o.parent_id, 0)`+from+` ORDER BY o.path`, args...)
	if err != nil {
		return nil, fmt.Errorf("society: list: %w", err)
	}
	defer rows.Close()
	var out []Ref
	for rows.Next() {
		var r Ref
		if err := rows.Scan(&r.ID, &r.Code, &r.Name, &r.Path, &r.ParentID); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
