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
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		seen := map[string]int{} // id index → first row
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
			fail := func(key, code string, args ...any) {
				if len(res.Errors) < maxImportErrors {
					res.Errors = append(res.Errors, ImportError{Row: n, Column: written[key], Code: code, Message: t(code, args...)})
				}
			}
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
			outcome, err := s.upsert(ctx, tx, r)
			if err != nil {
				var ve *valid.Error
				if errors.As(err, &ve) {
					fail(ve.Field, ve.Key, ve.Args...)
					continue
				}
				return err
			}
			switch outcome {
			case "created":
				res.Created++
			case "updated":
				res.Updated++
			default:
				res.Unchanged++
			}
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

// upsert writes one validated row in tx: a new person, an update of the
// same person in the same org, or nothing when unchanged.
func (s *Store) upsert(ctx context.Context, tx *db.Tx, r row) (string, error) {
	var id, orgID int64
	var cur [12]string
	var oldTerms string
	err := tx.QueryRow(ctx, `SELECT id, org_id, name, COALESCE(phone_index, ''), email, employer, title_level, title, education,
		degree, discipline, expertise, region_code, categories, search_text FROM people WHERE id_index = ?`, r.idIndex).Scan(&id, &orgID,
		&cur[0], &cur[1], &cur[2], &cur[3], &cur[4], &cur[5], &cur[6], &cur[7], &cur[8], &cur[9], &cur[10], &cur[11], &oldTerms)
	if err == nil {
		if orgID != r.OrgID {
			return "", valid.New("id_number", "people.err.duplicate_other_org")
		}
		next := [12]string{r.Name, r.phIndex, r.Email, r.Employer, r.TitleLevel, r.Title, r.Education, r.Degree,
			r.Discipline, r.Expertise, r.RegionCode, r.Categories}
		if next == cur {
			return "unchanged", nil
		}
		titles, err := itemTitles(ctx, tx, id)
		if err != nil {
			return "", err
		}
		terms := mergeTerms(r.terms(), titles...)
		_, err = tx.Exec(ctx, `UPDATE people SET name = ?, phone_enc = ?, phone_index = ?, phone_masked = ?, email = ?, employer = ?,
			title_level = ?, title = ?, education = ?, degree = ?, discipline = ?, expertise = ?, region_code = ?, categories = ?,
			search_text = ?, updated_at = ? WHERE id = ?`, r.Name, r.phSealed, nullable(r.phIndex), r.phMasked, r.Email, r.Employer, r.TitleLevel,
			r.Title, r.Education, r.Degree, r.Discipline, r.Expertise, r.RegionCode, r.Categories, terms, db.Millis(tx.Now), id)
		if err != nil {
			return "", fmt.Errorf("update person %d: %w", id, err)
		}
		return "updated", reindex(ctx, tx, id, oldTerms, terms)
	}
	if err := s.insert(ctx, tx, r); err != nil {
		return "", err
	}
	return "created", nil
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
