package people

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/std"
)

// Filter selects people for the list.
type Filter struct {
	Scope      access.Scope // the orgs whose people are listed; the zero Scope none
	Q          string       // name, employer or expertise substring, or an exact phone or ID number
	TitleLevel string
	RegionCode string // prefix
	Sort       string // name, employer, created ("-" descending)
	Limit      int
	Offset     int
}

// List returns one page of people and the total.
func (s *Store) List(ctx context.Context, f Filter) ([]Person, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	c, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{c, "p.deleted_at = 0"}
	if q := strings.TrimSpace(f.Q); q != "" {
		cond := `(p.name LIKE ? ESCAPE '\' OR p.employer LIKE ? ESCAPE '\' OR p.expertise LIKE ? ESCAPE '\'`
		like := "%" + db.LikeEscape(q) + "%"
		args = append(args, like, like, like)
		if m, ok := std.NormalizeMobile(q); ok {
			cond += ` OR p.phone_index = ?`
			args = append(args, s.keys.Index("phone", m))
		}
		if len(q) == 18 {
			cond += ` OR p.id_index = ?`
			args = append(args, s.keys.Index("id_number", strings.ToUpper(q)))
		}
		where = append(where, cond+")")
	}
	if f.TitleLevel != "" {
		where, args = append(where, "p.title_level = ?"), append(args, f.TitleLevel)
	}
	if f.RegionCode != "" {
		where, args = append(where, `p.region_code LIKE ? ESCAPE '\'`), append(args, db.LikeEscape(std.RegionPrefix(f.RegionCode))+"%")
	}
	// The total is a count of its own: a window COUNT(*) OVER() made the
	// database read every matching row whole before the first page (a
	// quarter of a second at 100,000 people), where a count reads the index.
	from := ` FROM people p JOIN orgs o ON o.id = p.org_id WHERE ` + strings.Join(where, " AND ")
	total := 0
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*)`+from, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("people: count: %w", err)
	}
	if total == 0 {
		return nil, 0, nil
	}
	q := `SELECT ` + cols + from
	order := map[string]string{"name": "p.name_key", "employer": "p.employer", "created": "p.created_at"}
	col, desc := strings.TrimPrefix(f.Sort, "-"), strings.HasPrefix(f.Sort, "-")
	expr, ok := order[col]
	if !ok {
		expr = "p.name_key"
	}
	if desc {
		expr += " DESC"
	}
	if f.Limit <= 0 || f.Limit > 10000 {
		f.Limit = 50
	}
	q += " ORDER BY " + expr + ", p.id LIMIT ? OFFSET ?"
	args = append(args, f.Limit, f.Offset)
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("people: list: %w", err)
	}
	defer rows.Close()
	var out []Person
	for rows.Next() {
		p, err := scan(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("people: list: %w", err)
		}
		out = append(out, p)
	}
	return out, total, rows.Err()
}
