package society

import (
	"context"
	"fmt"
	"slices"
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

// societyRows is the FROM and WHERE of the societies in scope.
func societyRows(q db.Q, scope access.Scope) (string, []any) {
	cond, args := db.ScopeCond(q, "o.path", scope)
	return ` FROM orgs o WHERE o.type = 'society' AND o.disabled_at = 0 AND ` + cond, args
}

// BoardRow is one society on the board.
type BoardRow struct {
	OrgID   int64
	Code    string
	Name    string
	Status  string // "" when missing (never filed)
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
	Sort   string // "name" (as read), "filed", "grade", "state"; a leading "-" reverses
	Limit  int
	Offset int
}

// boardAll reads every society in scope with its report of year, best
// valid grade and whether a term is past its end without a 换届. Four
// plain scans merged here cost less than one query joining them per
// society (measured: docs/benchmarks.md, society board).
func (s *Store) boardAll(ctx context.Context, scope access.Scope, year int) ([]BoardRow, error) {
	if scope.None() {
		return nil, nil
	}
	at := db.Millis(s.asOf(year, s.db.Now()))
	from, args := societyRows(s.db, scope)
	var out []BoardRow
	idx := map[int64]int{}
	err := s.db.ReadTx(ctx, func(tx *db.Tx) error {
		rows, err := tx.Query(ctx, `SELECT o.id, o.code, o.name`+from+` ORDER BY o.name_key, o.id`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var r BoardRow
			if err := rows.Scan(&r.OrgID, &r.Code, &r.Name); err != nil {
				rows.Close()
				return err
			}
			idx[r.OrgID] = len(out)
			out = append(out, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(out) == 0 {
			return nil
		}
		// Reports of the year.
		rows, err = tx.Query(ctx, `SELECT org_id, status, late, first_filed FROM society_reports WHERE year = ? AND first_filed > 0`, year)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id, filed int64
			var status string
			var late int
			if err := rows.Scan(&id, &status, &late, &filed); err != nil {
				rows.Close()
				return err
			}
			if i, ok := idx[id]; ok {
				out[i].Status, out[i].Late, out[i].FiledAt = status, late == 1, tm(filed)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		// Grades valid at the board's date; the best counts.
		rows, err = tx.Query(ctx, `SELECT org_id, grade FROM society_grades WHERE valid_until > ? AND awarded_on <= ?`, at, at)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var g string
			if err := rows.Scan(&id, &g); err != nil {
				rows.Close()
				return err
			}
			if i, ok := idx[id]; ok && better(g, out[i].Grade) {
				out[i].Grade = g
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		// Terms past their end without a 换届.
		rows, err = tx.Query(ctx, `SELECT org_id FROM society_terms WHERE elected_on = 0 AND ends_on <= ?`, at)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			if i, ok := idx[id]; ok {
				out[i].Overdue = true
			}
		}
		rows.Close()
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("society: board %d: %w", year, err)
	}
	return out, nil
}

// better reports whether grade g ranks above h ("" is none).
func better(g, h string) bool {
	rank := func(x string) int {
		for i, y := range Grades {
			if x == y {
				return len(Grades) - i
			}
		}
		return 0
	}
	return rank(g) > rank(h)
}

// count folds rows into the board's numbers.
func count(year int, rows []BoardRow) Board {
	b := Board{Year: year, Grades: map[string]int{"5A": 0, "4A": 0, "3A": 0, "none": 0}}
	for _, r := range rows {
		b.Societies++
		switch r.StateKey() {
		case "society.state.on_time":
			b.OnTime++
		case "society.state.late":
			b.Late++
		default:
			b.Missing++
		}
		if r.Grade == "" {
			b.Grades["none"]++
		} else {
			b.Grades[r.Grade]++
		}
		if r.Overdue {
			b.RenewalOverdue++
		}
	}
	return b
}

// Board counts the board of year over the societies in scope.
func (s *Store) Board(ctx context.Context, scope access.Scope, year int) (Board, error) {
	rows, err := s.boardAll(ctx, scope, year)
	return count(year, rows), err
}

// BoardPage is the board's numbers and one page of its filtered rows,
// with the filtered total, from one read.
func (s *Store) BoardPage(ctx context.Context, f BoardFilter) (Board, []BoardRow, int, error) {
	all, err := s.boardAll(ctx, f.Scope, f.Year)
	if err != nil {
		return Board{}, nil, 0, err
	}
	rows := filterRows(all, f)
	sortRows(rows, f.Sort)
	if f.Limit <= 0 {
		f.Limit = 50
	}
	total := len(rows)
	lo, hi := min(f.Offset, total), min(f.Offset+f.Limit, total)
	return count(f.Year, all), rows[lo:hi], total, nil
}

// BoardRows lists the societies of the board, by name, with the total.
func (s *Store) BoardRows(ctx context.Context, f BoardFilter) ([]BoardRow, int, error) {
	_, rows, total, err := s.BoardPage(ctx, f)
	return rows, total, err
}

// sortRows orders the board's rows by when each report was filed (a
// society that never filed last either way), by grade (best first, none
// last either way) or by report state (missing, late, on time); a leading
// "-" reverses. Any other sort keeps the order read (by name).
func sortRows(rows []BoardRow, by string) {
	col, desc := strings.TrimPrefix(by, "-"), strings.HasPrefix(by, "-")
	dir := func(c int) int {
		if desc {
			return -c
		}
		return c
	}
	state := func(r BoardRow) int {
		switch {
		case r.Status == "":
			return 0
		case r.Late:
			return 1
		}
		return 2
	}
	var cmp func(a, b BoardRow) int
	switch col {
	case "filed":
		cmp = func(a, b BoardRow) int {
			if a.FiledAt.IsZero() != b.FiledAt.IsZero() {
				return boolCmp(a.FiledAt.IsZero(), b.FiledAt.IsZero())
			}
			return dir(a.FiledAt.Compare(b.FiledAt))
		}
	case "grade":
		cmp = func(a, b BoardRow) int {
			if (a.Grade == "") != (b.Grade == "") {
				return boolCmp(a.Grade == "", b.Grade == "")
			}
			return dir(strings.Compare(b.Grade, a.Grade))
		}
	case "state":
		cmp = func(a, b BoardRow) int { return dir(state(a) - state(b)) }
	default:
		if desc {
			slices.Reverse(rows)
		}
		return
	}
	slices.SortStableFunc(rows, cmp)
}

// boolCmp orders false before true.
func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func filterRows(all []BoardRow, f BoardFilter) []BoardRow {
	q := strings.TrimSpace(f.Q)
	out := all[:0:0]
	for _, r := range all {
		if q != "" && !strings.Contains(r.Name, q) && !strings.EqualFold(r.Code, q) {
			continue
		}
		switch f.State {
		case "on_time", "late", "missing":
			if r.StateKey() != "society.state."+f.State {
				continue
			}
		case "overdue":
			if !r.Overdue {
				continue
			}
		}
		out = append(out, r)
	}
	return out
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
