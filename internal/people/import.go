package people

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/sheet"
	"kexie/internal/valid"
)

// column is one column of the import template.
type column struct {
	key      string   // field name in Input and in field errors
	header   string   // the header a 科协 office writes
	aliases  []string // other accepted headers (English)
	required bool
	hint     string // i18n key of the template's hint
}

// Columns of the people import template, in template order.
var columns = []column{
	{"name", "姓名", []string{"name"}, true, "people.hint.name"},
	{"gender", "性别", []string{"gender", "sex"}, false, "people.hint.gender"},
	{"id_number", "身份证号", []string{"id_number", "id", "id number", "身份证号码"}, true, "people.hint.id_number"},
	{"phone", "手机号", []string{"phone", "mobile", "手机号码"}, true, "people.hint.phone"},
	{"email", "电子邮箱", []string{"email", "邮箱"}, false, "people.hint.email"},
	{"employer", "工作单位", []string{"employer", "organization", "单位"}, true, "people.hint.employer"},
	{"title", "职称", []string{"title"}, false, "people.hint.title"},
	{"title_level", "职称级别", []string{"title_level", "title level"}, false, "people.hint.title_level"},
	{"education", "学历", []string{"education"}, false, "people.hint.education"},
	{"degree", "学位", []string{"degree"}, false, "people.hint.degree"},
	{"discipline", "学科代码", []string{"discipline", "discipline_code", "学科"}, false, "people.hint.discipline"},
	{"expertise", "研究方向", []string{"expertise", "research"}, false, "people.hint.expertise"},
	{"region_code", "地区代码", []string{"region_code", "region", "行政区划代码"}, true, "people.hint.region_code"},
	{"categories", "人才类别", []string{"category", "categories"}, false, "people.hint.categories"},
}

// TemplateHeaders returns the headers of the import template and their hints.
func TemplateHeaders() (headers, hints []string, required []bool) {
	for _, c := range columns {
		headers, hints, required = append(headers, c.header), append(hints, c.hint), append(required, c.required)
	}
	return
}

var levelNames = map[string]string{"正高级": "senior", "正高": "senior", "副高级": "vice_senior", "副高": "vice_senior",
	"中级": "intermediate", "初级": "junior", "无": "none", "无职称": "none"}

// ImportError is one problem of an import: a cell (row 1 = the first data
// row; 0 = the file as a whole), an error code and its message.
type ImportError struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// ImportResult counts what an import did or, in a dry run, would do.
type ImportResult struct {
	Rows      int           `json:"rows"`
	Created   int           `json:"created"`
	Updated   int           `json:"updated"`
	Unchanged int           `json:"unchanged"`
	Errors    []ImportError `json:"errors"`
}

// maxImportErrors caps the list: past it the file is clearly the wrong one.
const maxImportErrors = 1000

// Import reads a CSV or XLSX file of people into org orgID. Every row is
// validated; with any error, or in a dry run, nothing is written. Rows are
// written while the file streams, inside one transaction that is rolled back
// at the end unless the whole file was good, so a failed import changes
// nothing and a large file never sits in memory. A person already recorded
// in this org (matched by the ID number's blind index) is updated or left
// unchanged, so re-running a file adds nothing. t localizes messages.
func (s *Store) Import(ctx context.Context, file io.Reader, name string, orgID int64, dryRun bool,
	t func(key string, args ...any) string) (ImportResult, error) {
	var res ImportResult
	res.Errors = []ImportError{}
	header, rows, err := sheet.Open(file)
	if err != nil {
		code := "people.err.not_sheet"
		if !errors.Is(err, sheet.ErrNotSpreadsheet) {
			code = "people.err.empty_file"
		}
		res.Errors = append(res.Errors, ImportError{Column: "", Code: code, Message: t(code)})
		return res, nil
	}
	defer rows.Close()
	at := map[string]int{}
	written := map[string]string{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "*"))
		for _, c := range columns {
			if strings.EqualFold(h, c.header) || contains(c.aliases, strings.ToLower(h)) {
				at[c.key], written[c.key] = i, header[i]
			}
		}
	}
	for _, c := range columns {
		if _, ok := at[c.key]; !ok && c.required {
			res.Errors = append(res.Errors, ImportError{Column: c.header, Code: "people.err.missing_column",
				Message: t("people.err.missing_column", c.header)})
		}
	}
	if len(res.Errors) > 0 {
		return res, nil
	}
	var path string
	if err := s.db.QueryRow(ctx, `SELECT path FROM orgs WHERE id = ?`, orgID).Scan(&path); err != nil {
		return res, valid.New("org_id", "people.err.org")
	}
	table, err := s.Disciplines(ctx)
	if err != nil {
		return res, err
	}
	errAbort := errors.New("import not committed")
	failAt := func(n int, key, code string, args ...any) {
		if len(res.Errors) < maxImportErrors {
			res.Errors = append(res.Errors, ImportError{Row: n, Column: written[key], Code: code, Message: t(code, args...)})
		}
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		seen := map[string]int{} // id index → first row
		var batch []pending
		flush := func() error {
			if len(res.Errors) > 0 {
				batch = batch[:0]
				return nil
			}
			created, updated, unchanged, err := s.writeBatch(ctx, tx, batch, failAt)
			res.Created, res.Updated, res.Unchanged = res.Created+created, res.Updated+updated, res.Unchanged+unchanged
			batch = batch[:0]
			return err
		}
		for {
			cells, _, err := rows.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				res.Errors = append(res.Errors, ImportError{Row: res.Rows + 1, Code: "people.err.bad_row", Message: t("people.err.bad_row")})
				return errAbort
			}
			res.Rows++
			n := res.Rows
			get := func(key string) string {
				if i, ok := at[key]; ok && i < len(cells) {
					return cells[i]
				}
				return ""
			}
			fail := func(key, code string, args ...any) { failAt(n, key, code, args...) }
			in := Input{OrgID: orgID, Name: get("name"), IDNumber: get("id_number"), Phone: get("phone"), Email: get("email"),
				Employer: get("employer"), Title: get("title"), Education: get("education"), Degree: get("degree"),
				Discipline: get("discipline"), Expertise: get("expertise"), RegionCode: get("region_code"),
				Categories: normalizeCategories(get("categories"))}
			lvl := get("title_level")
			if k, ok := levelNames[lvl]; ok {
				lvl = k
			}
			in.TitleLevel = lvl
			bad := false
			for _, c := range columns {
				if c.required && get(c.key) == "" {
					fail(c.key, "people.err.required", c.header)
					bad = true
				}
			}
			if bad {
				continue
			}
			r, errs := s.validate(in, nil)
			if !checkDiscipline(table, r.Discipline) {
				errs.Add("discipline", "people.err.discipline", r.Discipline)
			}
			for _, e := range errs {
				fail(e.Field, e.Key, e.Args...)
			}
			if len(errs) > 0 {
				continue
			}
			if first, dup := seen[r.idIndex]; dup {
				fail("id_number", "people.err.duplicate_in_file", first)
				continue
			}
			seen[r.idIndex] = n
			if len(res.Errors) > 0 {
				continue // keep validating, but write nothing more
			}
			batch = append(batch, pending{n: n, r: r})
			if len(batch) == importBatch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if err := flush(); err != nil {
			return err
		}
		if len(res.Errors) > 0 || dryRun {
			return errAbort
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "people.import", Target: "file:" + name,
			After: map[string]int{"rows": res.Rows, "created": res.Created, "updated": res.Updated, "unchanged": res.Unchanged}})
	})
	if err != nil && !errors.Is(err, errAbort) {
		return res, fmt.Errorf("people: import: %w", err)
	}
	if len(res.Errors) > 0 {
		res.Created, res.Updated, res.Unchanged = 0, 0, 0
	}
	return res, nil
}

// importBatch is how many rows are written together: one query finds the
// ones already recorded and multi-row INSERTs add the rest, instead of
// three round trips a row.
const importBatch = 200

// pending is a validated row waiting for its batch, with its row number.
type pending struct {
	n int
	r row
}

// writeBatch writes validated rows in tx: new people are inserted, people
// already recorded in the same org are updated when changed, and a person
// recorded by another org is an error on its row.
func (s *Store) writeBatch(ctx context.Context, tx *db.Tx, batch []pending,
	failAt func(n int, key, code string, args ...any)) (created, updated, unchanged int, err error) {
	if len(batch) == 0 {
		return 0, 0, 0, nil
	}
	ph := make([]string, len(batch))
	args := make([]any, len(batch))
	for i, p := range batch {
		ph[i], args[i] = "?", p.r.idIndex
	}
	type existing struct {
		id, org int64
		cur     [12]string
		terms   string
	}
	found := map[string]existing{}
	rows, err := tx.Query(ctx, `SELECT id_index, id, org_id, name, COALESCE(phone_index, ''), email, employer, title_level, title,
		education, degree, discipline, expertise, region_code, categories, search_text FROM people WHERE id_index IN (`+strings.Join(ph, ",")+`)`, args...)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("find recorded people: %w", err)
	}
	for rows.Next() {
		var idx string
		var e existing
		if err := rows.Scan(&idx, &e.id, &e.org, &e.cur[0], &e.cur[1], &e.cur[2], &e.cur[3], &e.cur[4], &e.cur[5], &e.cur[6],
			&e.cur[7], &e.cur[8], &e.cur[9], &e.cur[10], &e.cur[11], &e.terms); err != nil {
			rows.Close()
			return 0, 0, 0, err
		}
		found[idx] = e
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, 0, 0, err
	}
	var fresh []row
	for _, p := range batch {
		r := p.r
		e, ok := found[r.idIndex]
		if !ok {
			r.id = tx.NewID()
			fresh = append(fresh, r)
			continue
		}
		if e.org != r.OrgID {
			failAt(p.n, "id_number", "people.err.duplicate_other_org")
			continue
		}
		next := [12]string{r.Name, r.phIndex, r.Email, r.Employer, r.TitleLevel, r.Title, r.Education, r.Degree,
			r.Discipline, r.Expertise, r.RegionCode, r.Categories}
		if next == e.cur {
			unchanged++
			continue
		}
		titles, err := itemTitles(ctx, tx, e.id)
		if err != nil {
			return 0, 0, 0, err
		}
		terms := mergeTerms(r.terms(), titles...)
		if _, err := tx.Exec(ctx, `UPDATE people SET name = ?, phone_enc = ?, phone_index = ?, phone_masked = ?, email = ?, employer = ?,
			title_level = ?, title = ?, education = ?, degree = ?, discipline = ?, expertise = ?, region_code = ?, categories = ?,
			search_text = ?, updated_at = ? WHERE id = ?`, r.Name, r.phSealed, nullable(r.phIndex), r.phMasked, r.Email, r.Employer,
			r.TitleLevel, r.Title, r.Education, r.Degree, r.Discipline, r.Expertise, r.RegionCode, r.Categories, terms,
			db.Millis(tx.Now), e.id); err != nil {
			return 0, 0, 0, fmt.Errorf("update person %d: %w", e.id, err)
		}
		if err := reindex(ctx, tx, e.id, e.terms, terms); err != nil {
			return 0, 0, 0, err
		}
		updated++
	}
	if err := s.insertMany(ctx, tx, fresh); err != nil {
		return 0, 0, 0, err
	}
	return len(fresh), updated, unchanged, nil
}

// insertMany inserts new people with multi-row INSERTs, with their search
// index entries and change-log rows, in tx.
func (s *Store) insertMany(ctx context.Context, tx *db.Tx, rs []row) error {
	const chunk = 100 // 24 parameters a row stays far below both engines' limits
	now := db.Millis(tx.Now)
	for start := 0; start < len(rs); start += chunk {
		part := rs[start:min(len(rs), start+chunk)]
		var vals, fts, log []string
		var args, ftsArgs, logArgs []any
		for _, r := range part {
			terms := r.terms()
			vals = append(vals, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			args = append(args, r.id, r.OrgID, r.Name, r.gender, r.birth, r.idSealed, nullable(r.idIndex), r.idMasked, r.phSealed,
				nullable(r.phIndex), r.phMasked, r.Email, r.Employer, r.TitleLevel, r.Title, r.Education, r.Degree, r.Discipline,
				r.Expertise, r.RegionCode, r.Categories, terms, now, now)
			fts, ftsArgs = append(fts, "(?, ?)"), append(ftsArgs, r.id, terms)
			log, logArgs = append(log, "(?, ?)"), append(logArgs, r.id, now)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO people (id, org_id, name, gender, birth_date, id_enc, id_index, id_masked, phone_enc,
			phone_index, phone_masked, email, employer, title_level, title, education, degree, discipline, expertise,
			region_code, categories, search_text, created_at, updated_at) VALUES `+strings.Join(vals, ","), args...); err != nil {
			if db.IsUniqueViolation(err) {
				return valid.New("id_number", "people.err.duplicate")
			}
			return fmt.Errorf("people: insert batch: %w", err)
		}
		if tx.Dialect() == db.SQLite {
			if _, err := tx.Exec(ctx, `INSERT INTO people_fts (rowid, terms) VALUES `+strings.Join(fts, ","), ftsArgs...); err != nil {
				return fmt.Errorf("people: index batch: %w", err)
			}
		}
		if _, err := tx.Exec(ctx, `INSERT INTO people_changes (person_id, at) VALUES `+strings.Join(log, ","), logArgs...); err != nil {
			return fmt.Errorf("people: log batch: %w", err)
		}
	}
	return nil
}

func normalizeCategories(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == ' ' })
	return strings.Join(f, "、")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
