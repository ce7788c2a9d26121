package people

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/sheet"
	"kexie/internal/std"
)

// Discipline is one entry of GB/T 13745.
type Discipline struct {
	Code, Name, Parent string
	Level              int
}

// disciplineLevel gives the level of a GB/T 13745 code (3, 5 or 7 digits).
func disciplineLevel(code string) int {
	if strings.Trim(code, "0123456789") != "" {
		return 0
	}
	switch len(code) {
	case 3:
		return 1
	case 5:
		return 2
	case 7:
		return 3
	}
	return 0
}

// ImportDisciplines replaces the discipline table with a CSV or XLSX file
// of two columns, code and name (headers 代码/code and 名称/name). Every row
// is checked — code shape, a parent present in the file, no duplicates —
// and nothing changes unless all are good.
func (s *Store) ImportDisciplines(ctx context.Context, r io.Reader) (int, []ImportError, error) {
	header, rows, err := sheet.Open(r)
	if err != nil {
		return 0, []ImportError{{Code: "people.err.not_sheet"}}, nil
	}
	defer rows.Close()
	ci, ni := -1, -1
	for i, h := range header {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "代码", "学科代码", "code":
			ci = i
		case "名称", "学科名称", "name":
			ni = i
		}
	}
	if ci < 0 || ni < 0 {
		return 0, []ImportError{{Column: "代码/名称", Code: "people.err.missing_column"}}, nil
	}
	var list []Discipline
	var rowOf []int // sheet row of list[i]
	var errs []ImportError
	seen := map[string]bool{}
	for n := 1; ; n++ {
		cells, _, err := rows.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, ImportError{Row: sheetRow(n), Code: "people.err.bad_row"})
			break
		}
		get := func(i int) string {
			if i < len(cells) {
				return cells[i]
			}
			return ""
		}
		code, name := strings.TrimSpace(get(ci)), strings.TrimSpace(get(ni))
		lvl := disciplineLevel(code)
		switch {
		case lvl == 0:
			errs = append(errs, ImportError{Row: sheetRow(n), Column: header[ci], Code: "people.err.discipline_code"})
		case name == "" || utf8.RuneCountInString(name) > 60:
			errs = append(errs, ImportError{Row: sheetRow(n), Column: header[ni], Code: "people.err.discipline_name"})
		case seen[code]:
			errs = append(errs, ImportError{Row: sheetRow(n), Column: header[ci], Code: "people.err.duplicate_in_file"})
		default:
			seen[code] = true
			d := Discipline{Code: code, Name: name, Level: lvl}
			if lvl > 1 {
				d.Parent = code[:len(code)-2]
			}
			list, rowOf = append(list, d), append(rowOf, sheetRow(n))
		}
		if len(errs) >= maxImportErrors {
			break
		}
	}
	for i, d := range list {
		if d.Parent != "" && !seen[d.Parent] {
			errs = append(errs, ImportError{Row: rowOf[i], Column: header[ci], Code: "people.err.discipline_parent"})
		}
	}
	if len(errs) > 0 {
		return 0, errs, nil
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM disciplines`); err != nil {
			return err
		}
		initials := std.InitialsMemo{}
		for _, d := range list {
			if _, err := tx.Exec(ctx, `INSERT INTO disciplines (code, name, parent, level, initials) VALUES (?, ?, ?, ?, ?)`,
				d.Code, d.Name, d.Parent, d.Level, initials.Of(d.Name).String()); err != nil {
				return err
			}
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "std.disciplines", Target: "disciplines", After: map[string]int{"entries": len(list)}})
	})
	if err != nil {
		return 0, nil, fmt.Errorf("people: import disciplines: %w", err)
	}
	return len(list), nil, nil
}

// Disciplines returns the table as code → entry: the embedded GB/T
// 13745-2009 table until an administrator imports another.
func (s *Store) Disciplines(ctx context.Context) (map[string]Discipline, error) {
	if err := s.ensureDisciplines(ctx); err != nil {
		return nil, err
	}
	rows, err := s.db.Query(ctx, `SELECT code, name, parent, level FROM disciplines`)
	if err != nil {
		return nil, fmt.Errorf("people: disciplines: %w", err)
	}
	defer rows.Close()
	out := map[string]Discipline{}
	for rows.Next() {
		var d Discipline
		if err := rows.Scan(&d.Code, &d.Name, &d.Parent, &d.Level); err != nil {
			return nil, err
		}
		out[d.Code] = d
	}
	return out, rows.Err()
}

// DisciplineNames returns the names of those of codes the imported table
// holds, by code.
func (s *Store) DisciplineNames(ctx context.Context, codes []string) (map[string]string, error) {
	out := map[string]string{}
	if len(codes) == 0 {
		return out, nil
	}
	if err := s.ensureDisciplines(ctx); err != nil {
		return nil, err
	}
	ph, args := make([]string, len(codes)), make([]any, len(codes))
	for i, c := range codes {
		ph[i], args[i] = "?", c
	}
	rows, err := s.db.Query(ctx, `SELECT code, name FROM disciplines WHERE code IN (`+strings.Join(ph, ",")+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("people: discipline names: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c, n string
		if err := rows.Scan(&c, &n); err != nil {
			return nil, fmt.Errorf("people: discipline names: %w", err)
		}
		out[c] = n
	}
	return out, rows.Err()
}

// checkDiscipline reports whether v, a discipline as written on a form or
// in an import, is a code of the table; "" (none) is accepted. Names,
// free text ("cl") and codes the table lacks are all refused.
func checkDiscipline(table map[string]Discipline, v string) bool {
	if v == "" {
		return true
	}
	_, ok := table[v]
	return ok
}

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
