package people

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"kexie/internal/db"
	"kexie/internal/std"
)

// DisciplineHit is an entry found by the picker, with the names of the
// entries above it.
type DisciplineHit struct {
	Discipline
	Path []string // names from the first level down to this entry
}

// codeSpacing is what may be typed inside a discipline code ("110.14").
var codeSpacing = strings.NewReplacer(".", "", " ", "")

// SearchDisciplines finds up to limit entries whose code starts with q
// (dots and spaces ignored, as in "110.14") or whose name holds it: the
// exact code first, then longer codes, then names starting with q, then
// the rest, each in code order. A query of Latin letters also finds names
// by their pinyin initials ("sx" → 数学), after the matches above: names
// whose initials start with q, then those holding it further in.
func (s *Store) SearchDisciplines(ctx context.Context, q string, limit int) ([]DisciplineHit, error) {
	q = strings.TrimSpace(q)
	if code := codeSpacing.Replace(q); code != "" && strings.Trim(code, "0123456789") == "" {
		q = code
	}
	if q == "" || limit <= 0 {
		return nil, nil
	}
	if err := s.ensureDisciplines(ctx); err != nil {
		return nil, err
	}
	var out []DisciplineHit
	var err error
	if letters, ok := std.InitialsQuery(q); ok {
		out, err = s.searchDisciplineInitials(ctx, letters, limit)
	} else {
		out, err = s.searchDisciplineText(ctx, q, limit)
	}
	if err == nil {
		err = s.disciplinePaths(ctx, out)
	}
	if err != nil {
		return nil, fmt.Errorf("people: search disciplines: %w", err)
	}
	return out, nil
}

// searchDisciplineText finds entries by code or by name, ranked in SQL.
func (s *Store) searchDisciplineText(ctx context.Context, q string, limit int) ([]DisciplineHit, error) {
	prefix, inside := db.LikeEscape(q)+"%", "%"+db.LikeEscape(q)+"%"
	rows, err := s.db.Query(ctx, `SELECT code, name, parent, level FROM disciplines
		WHERE code LIKE ? ESCAPE '\' OR name LIKE ? ESCAPE '\'
		ORDER BY CASE WHEN code = ? THEN 0 WHEN code LIKE ? ESCAPE '\' THEN 1 WHEN name LIKE ? ESCAPE '\' THEN 2 ELSE 3 END, code
		LIMIT ?`, prefix, inside, q, prefix, prefix, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DisciplineHit
	for rows.Next() {
		var h DisciplineHit
		if err := rows.Scan(&h.Code, &h.Name, &h.Parent, &h.Level); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// searchDisciplineInitials finds entries for a query of lower-case Latin
// letters: names holding it (any case), then names whose pinyin initials
// start with it, then those holding it further in. SQL only narrows the
// rows — the letters in order anywhere in the stored initials, which every
// match has — and Go ranks them, so SQLite and PostgreSQL (whose LIKE
// differ in case) give the same answer.
func (s *Store) searchDisciplineInitials(ctx context.Context, letters string, limit int) ([]DisciplineHit, error) {
	spread := "%" + strings.Join(strings.Split(letters, ""), "%") + "%"
	rows, err := s.db.Query(ctx, `SELECT code, name, parent, level, initials FROM disciplines
		WHERE LOWER(name) LIKE ? OR initials LIKE ? OR initials = ''`, "%"+letters+"%", spread)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type ranked struct {
		DisciplineHit
		rank int
	}
	var found []ranked
	memo := std.InitialsMemo{}
	for rows.Next() {
		var h ranked
		var stored string
		if err := rows.Scan(&h.Code, &h.Name, &h.Parent, &h.Level, &stored); err != nil {
			return nil, err
		}
		switch name := strings.ToLower(h.Name); {
		case strings.HasPrefix(name, letters):
			h.rank = 2 // the ranks of searchDisciplineText's names
		case strings.Contains(name, letters):
			h.rank = 3
		default:
			in, ok := std.ParseInitials(stored)
			if !ok || stored == "" {
				in = memo.Of(h.Name) // imported before initials were stored
			}
			switch in.Match(letters) {
			case std.MatchPrefix:
				h.rank = 4
			case std.MatchInside:
				h.rank = 5
			default:
				continue
			}
		}
		found = append(found, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].rank != found[j].rank {
			return found[i].rank < found[j].rank
		}
		return found[i].Code < found[j].Code
	})
	out := make([]DisciplineHit, 0, min(len(found), limit))
	for _, h := range found[:min(len(found), limit)] {
		out = append(out, h.DisciplineHit)
	}
	return out, nil
}

// disciplinePaths fills in each hit's Path from the entries above it, in
// one query.
func (s *Store) disciplinePaths(ctx context.Context, out []DisciplineHit) error {
	above := map[string]string{}
	for _, h := range out {
		for l := 3; l < len(h.Code); l += 2 {
			above[h.Code[:l]] = ""
		}
	}
	if len(above) > 0 {
		ph, args := make([]string, 0, len(above)), make([]any, 0, len(above))
		for c := range above {
			ph, args = append(ph, "?"), append(args, c)
		}
		rows, err := s.db.Query(ctx, `SELECT code, name FROM disciplines WHERE code IN (`+strings.Join(ph, ",")+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c, n string
			if err := rows.Scan(&c, &n); err != nil {
				return err
			}
			above[c] = n
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for i, h := range out {
		for l := 3; l < len(h.Code); l += 2 {
			out[i].Path = append(out[i].Path, above[h.Code[:l]])
		}
		out[i].Path = append(out[i].Path, h.Name)
	}
	return nil
}
