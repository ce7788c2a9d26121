package people

import (
	"context"
	"errors"
	"fmt"
	"io"
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
