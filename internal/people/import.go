package people

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

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

// ImportOptions are the optional settings of ImportWith.
type ImportOptions struct {
	DryRun bool
	// T localizes messages; it is called from several goroutines.
	T func(key string, args ...any) string
	// Progress, when set, is called from the writing goroutine after each
	// batch with the rows read so far.
	Progress func(rows int)
}

// Import reads a CSV or XLSX file of people into org orgID. Every row is
// validated; with any error, or in a dry run, nothing is written. Rows are
// written while the file streams, inside one transaction that is rolled back
// at the end unless the whole file was good, so a failed import changes
// nothing and a large file never sits in memory. A person already recorded
// in this org (matched by the ID number's blind index) is updated or left
// unchanged, so re-running a file adds nothing. t localizes messages.
func (s *Store) Import(ctx context.Context, file io.Reader, name string, orgID int64, dryRun bool,
	t func(key string, args ...any) string) (ImportResult, error) {
	return s.ImportWith(ctx, file, name, orgID, ImportOptions{DryRun: dryRun, T: t})
}

// importChunk is a run of consecutive rows of the file: the reader fills
// cells, a worker checks them into out and closes done, and the writer
// takes chunks in file order.
type importChunk struct {
	first   int // row number of cells[0]
	cells   [][]string
	readErr bool // the file could not be read past the last row of cells
	out     []checked
	done    chan struct{}
}

// checked is one row after validation: the row ready to store, or its errors.
type checked struct {
	r     row
	terms string
	errs  []ImportError
}

// importChunkRows is how many rows travel together between the pipeline's
// goroutines: large enough that channel hand-offs cost nothing, small
// enough that a few chunks in flight stay small.
const importChunkRows = 256

// ImportWith is Import with options. The CPU work of a row — parsing the ID
// number, sealing ID number and phone (AES-GCM), their blind indexes, the
// search terms — runs on one worker per CPU; a single writer takes the
// checked rows back in file order, so errors, duplicates and counts come out
// exactly as a row-at-a-time import would give them.
func (s *Store) ImportWith(ctx context.Context, file io.Reader, name string, orgID int64, o ImportOptions) (ImportResult, error) {
	var res ImportResult
	res.Errors = []ImportError{}
	t := o.T
	if t == nil {
		t = func(key string, args ...any) string { return key }
	}
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

	// The pipeline: reader → workers → writer (in this goroutine).
	stop := make(chan struct{})
	work := make(chan *importChunk, 2*runtime.GOMAXPROCS(0))
	ordered := make(chan *importChunk, 4*runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // reader
		defer wg.Done()
		defer close(work)
		defer close(ordered)
		n := 0
		for {
			c := &importChunk{first: n + 1, done: make(chan struct{})}
			for len(c.cells) < importChunkRows {
				cells, _, err := rows.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					c.readErr = true
					break
				}
				c.cells = append(c.cells, cells)
			}
			n += len(c.cells)
			last := c.readErr || len(c.cells) < importChunkRows
			select {
			case work <- c:
			case <-stop:
				return
			}
			select {
			case ordered <- c:
			case <-stop:
				return
			}
			if last {
				return
			}
		}
	}()
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() { // worker
			defer wg.Done()
			for c := range work {
				c.out = make([]checked, len(c.cells))
				for i, cells := range c.cells {
					c.out[i] = s.checkImportRow(c.first+i, cells, at, written, orgID, table, t)
				}
				c.cells = nil
				close(c.done)
			}
		}()
	}
	defer wg.Wait()
	defer close(stop)

	errAbort := errors.New("import not committed")
	add := func(e ImportError) {
		if len(res.Errors) < maxImportErrors {
			res.Errors = append(res.Errors, e)
		}
	}
	failAt := func(n int, key, code string, args ...any) {
		add(ImportError{Row: n, Column: written[key], Code: code, Message: t(code, args...)})
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := prepareBulk(ctx, tx); err != nil {
			return err
		}
		seen := map[[16]byte]int32{} // id index → first row (compact: 1M rows ≈ 40 MB)
		var batch []pending
		flush := func() error {
			if len(res.Errors) > 0 {
				batch = batch[:0]
				return nil
			}
			created, updated, unchanged, err := s.writeBatch(ctx, tx, batch, failAt, o.DryRun)
			res.Created, res.Updated, res.Unchanged = res.Created+created, res.Updated+updated, res.Unchanged+unchanged
			batch = batch[:0]
			return err
		}
		for c := range ordered {
			select {
			case <-c.done:
			case <-ctx.Done():
				return ctx.Err()
			}
			for i, ch := range c.out {
				n := c.first + i
				res.Rows = n
				if len(ch.errs) > 0 {
					for _, e := range ch.errs {
						add(e)
					}
					continue
				}
				key := dupKey(ch.r.idIndex)
				if first, dup := seen[key]; dup {
					failAt(n, "id_number", "people.err.duplicate_in_file", int(first))
					continue
				}
				seen[key] = int32(n)
				if len(res.Errors) > 0 {
					continue // keep validating, but write nothing more
				}
				batch = append(batch, pending{n: n, r: ch.r, terms: ch.terms})
				if len(batch) == importBatch {
					if err := flush(); err != nil {
						return err
					}
				}
			}
			if c.readErr {
				res.Errors = append(res.Errors, ImportError{Row: res.Rows + 1, Code: "people.err.bad_row", Message: t("people.err.bad_row")})
				return errAbort
			}
			if o.Progress != nil {
				o.Progress(res.Rows)
			}
		}
		if err := flush(); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(res.Errors) > 0 || o.DryRun {
			return errAbort
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "people.import", Target: "file:" + name,
			After: map[string]int{"rows": res.Rows, "created": res.Created, "updated": res.Updated, "unchanged": res.Unchanged}})
	})
	if s.db.Dialect() == db.SQLite {
		// Back to the default page cache, so a serving node keeps no
		// bulk-load memory.
		_, _ = s.db.Exec(context.WithoutCancel(ctx), `PRAGMA cache_size = -2000`)
	}
	if err != nil && !errors.Is(err, errAbort) {
		return res, fmt.Errorf("people: import: %w", err)
	}
	if len(res.Errors) > 0 {
		res.Created, res.Updated, res.Unchanged = 0, 0, 0
	}
	return res, nil
}

// dupKey is the in-file duplicate key of an ID number's blind index (32
// hex digits): its 16 bytes, a third of the string's memory in the map.
// Anything else is hashed to the same size.
func dupKey(idIndex string) [16]byte {
	var k [16]byte
	if len(idIndex) == 2*len(k) {
		if _, err := hex.Decode(k[:], []byte(idIndex)); err == nil {
			return k
		}
	}
	sum := sha256.Sum256([]byte(idIndex))
	copy(k[:], sum[:])
	return k
}

// checkImportRow validates and seals row n of the file; it runs on the
// import's workers, so it reads nothing but its arguments.
func (s *Store) checkImportRow(n int, cells []string, at map[string]int, written map[string]string, orgID int64,
	table map[string]Discipline, t func(key string, args ...any) string) checked {
	var out checked
	fail := func(key, code string, args ...any) {
		if key == "disciplines2" {
			key = "discipline" // one 学科代码 column holds them all
		}
		out.errs = append(out.errs, ImportError{Row: n, Column: written[key], Code: code, Message: t(code, args...)})
	}
	get := func(key string) string {
		if i, ok := at[key]; ok && i < len(cells) {
			return cells[i]
		}
		return ""
	}
	in := Input{OrgID: orgID, Name: get("name"), IDNumber: get("id_number"), Phone: get("phone"), Email: get("email"),
		Employer: get("employer"), Title: get("title"), Education: get("education"), Degree: get("degree"),
		Expertise: get("expertise"), RegionCode: get("region_code"), Categories: normalizeCategories(get("categories"))}
	in.Discipline, in.Disciplines2 = splitDisciplineCell(get("discipline"))
	lvl := get("title_level")
	if k, ok := levelNames[lvl]; ok {
		lvl = k
	}
	in.TitleLevel = lvl
	for _, c := range columns {
		if c.required && get(c.key) == "" {
			fail(c.key, "people.err.required", c.header)
		}
	}
	if len(out.errs) > 0 {
		return out
	}
	r, errs := s.validate(in, table)
	for _, e := range errs {
		fail(e.Field, e.Key, e.Args...)
	}
	if len(out.errs) > 0 {
		return out
	}
	out.r, out.terms = r, r.terms()
	return out
}

// importBatch is how many rows are written together: one query finds the
// ones already recorded and multi-row INSERTs add the rest, instead of
// three round trips a row.
const importBatch = 1000

// pending is a validated row waiting for its batch, with its row number
// and search terms.
type pending struct {
	n     int
	r     row
	terms string
}

// prepareBulk gives SQLite's single writer connection a larger page cache
// for the import: with the default 2 MB every insert into the random-keyed
// blind indexes reads and spills pages. Measured on 200,000 rows: 24.5 s
// with 2 MB, 18.0 s with 64 MB (peak RSS 211 MB), 14.4 s with 256 MB (peak
// RSS 418 MB); 64 MB keeps a serving node's memory in bounds.
func prepareBulk(ctx context.Context, tx *db.Tx) error {
	if tx.Dialect() != db.SQLite {
		return nil
	}
	if _, err := tx.Exec(ctx, `PRAGMA cache_size = -65536`); err != nil {
		return fmt.Errorf("people: import cache: %w", err)
	}
	return nil
}

// writeBatch writes validated rows in tx: new people are inserted, people
// already recorded in the same org are updated when changed, and a person
// recorded by another org is an error on its row. A dry run counts without
// writing.
func (s *Store) writeBatch(ctx context.Context, tx *db.Tx, batch []pending,
	failAt func(n int, key, code string, args ...any), dryRun bool) (created, updated, unchanged int, err error) {
	if len(batch) == 0 {
		return 0, 0, 0, nil
	}
	type existing struct {
		id, org int64
		cur     [13]string
		terms   string
	}
	found := map[string]existing{}
	const q = `SELECT id_index, id, org_id, name, COALESCE(phone_index, ''), email, employer, title_level, title,
		education, degree, discipline, disciplines2, expertise, region_code, categories, search_text FROM people WHERE id_index `
	var rows *sql.Rows
	if tx.Dialect() == db.Postgres {
		keys := make([]string, len(batch))
		for i, p := range batch {
			keys[i] = p.r.idIndex
		}
		rows, err = tx.Query(ctx, q+`= ANY(?::text[])`, keys)
	} else {
		ph := make([]string, len(batch))
		args := make([]any, len(batch))
		for i, p := range batch {
			ph[i], args[i] = "?", p.r.idIndex
		}
		rows, err = tx.Query(ctx, q+`IN (`+strings.Join(ph, ",")+`)`, args...)
	}
	if err != nil {
		return 0, 0, 0, fmt.Errorf("find recorded people: %w", err)
	}
	for rows.Next() {
		var idx string
		var e existing
		if err := rows.Scan(&idx, &e.id, &e.org, &e.cur[0], &e.cur[1], &e.cur[2], &e.cur[3], &e.cur[4], &e.cur[5], &e.cur[6],
			&e.cur[7], &e.cur[8], &e.cur[9], &e.cur[10], &e.cur[11], &e.cur[12], &e.terms); err != nil {
			rows.Close()
			return 0, 0, 0, err
		}
		found[idx] = e
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, 0, 0, err
	}
	var fresh []pending
	for _, p := range batch {
		r := p.r
		e, ok := found[r.idIndex]
		if !ok {
			p.r.id = tx.NewID()
			fresh = append(fresh, p)
			continue
		}
		if e.org != r.OrgID {
			failAt(p.n, "id_number", "people.err.duplicate_other_org")
			continue
		}
		next := [13]string{r.Name, r.phIndex, r.Email, r.Employer, r.TitleLevel, r.Title, r.Education, r.Degree,
			r.Discipline, r.stored2(), r.Expertise, r.RegionCode, r.Categories}
		if next == e.cur {
			unchanged++
			continue
		}
		updated++
		if dryRun {
			continue
		}
		titles, err := itemTitles(ctx, tx, e.id)
		if err != nil {
			return 0, 0, 0, err
		}
		terms := mergeTerms(p.terms, titles...)
		// The template has no USCC column: the employer's USCC or org link
		// stays while the file names the same unit, and goes with the old
		// unit when it names another.
		q := `UPDATE people SET name = ?, phone_enc = ?, phone_index = ?, phone_masked = ?, email = ?, employer = ?,
			title_level = ?, title = ?, education = ?, degree = ?, discipline = ?, disciplines2 = ?, expertise = ?, region_code = ?,
			categories = ?, search_text = ?, updated_at = ?`
		if r.Employer != e.cur[3] {
			q += `, employer_org_id = NULL, employer_uscc = ''`
		}
		if _, err := tx.Exec(ctx, q+` WHERE id = ?`, r.Name, r.phSealed, nullable(r.phIndex), r.phMasked, r.Email,
			r.Employer, r.TitleLevel, r.Title, r.Education, r.Degree, r.Discipline, r.stored2(), r.Expertise, r.RegionCode, r.Categories,
			terms, db.Millis(tx.Now), e.id); err != nil {
			return 0, 0, 0, fmt.Errorf("update person %d: %w", e.id, err)
		}
		if err := reindex(ctx, tx, e.id, e.terms, terms); err != nil {
			return 0, 0, 0, err
		}
	}
	if !dryRun {
		if tx.Dialect() == db.Postgres {
			err = insertArrays(ctx, tx, fresh)
		} else {
			err = insertMany(ctx, tx, fresh)
		}
		if err != nil {
			return 0, 0, 0, err
		}
	}
	return len(fresh), updated, unchanged, nil
}

// insertMany inserts new people with multi-row INSERTs, with their search
// index entries and change-log rows, in tx (SQLite). The file has no
// employer USCC or org link: those columns take their defaults.
func insertMany(ctx context.Context, tx *db.Tx, ps []pending) error {
	const chunk = 100 // 25 parameters a row stays far below SQLite's limit
	now := db.Millis(tx.Now)
	for start := 0; start < len(ps); start += chunk {
		part := ps[start:min(len(ps), start+chunk)]
		var vals, fts, log []string
		var args, ftsArgs, logArgs []any
		for _, p := range part {
			r := p.r
			vals = append(vals, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			args = append(args, r.id, r.OrgID, r.Name, r.gender, r.birth, r.idSealed, nullable(r.idIndex), r.idMasked, r.phSealed,
				nullable(r.phIndex), r.phMasked, r.Email, r.Employer, r.TitleLevel, r.Title, r.Education, r.Degree, r.Discipline,
				r.stored2(), r.Expertise, r.RegionCode, r.Categories, p.terms, now, now)
			fts, ftsArgs = append(fts, "(?, ?)"), append(ftsArgs, r.id, p.terms)
			log, logArgs = append(log, "(?, ?)"), append(logArgs, r.id, now)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO people (id, org_id, name, gender, birth_date, id_enc, id_index, id_masked, phone_enc,
			phone_index, phone_masked, email, employer, title_level, title, education, degree, discipline, disciplines2, expertise,
			region_code, categories, search_text, created_at, updated_at) VALUES `+strings.Join(vals, ","), args...); err != nil {
			if db.IsUniqueViolation(err) {
				return valid.New("id_number", "people.err.duplicate")
			}
			return fmt.Errorf("people: insert batch: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO people_fts (rowid, terms) VALUES `+strings.Join(fts, ","), ftsArgs...); err != nil {
			return fmt.Errorf("people: index batch: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO people_changes (person_id, at) VALUES `+strings.Join(log, ","), logArgs...); err != nil {
			return fmt.Errorf("people: log batch: %w", err)
		}
	}
	return nil
}

// insertArrays inserts new people on PostgreSQL with one statement a batch:
// each column travels as one array parameter (binary encoded by pgx) and
// unnest turns them back into rows, so a thousand rows cost one round trip
// and one parse. The generated tsvector and its GIN index follow by
// themselves; the change log gets its rows in a second statement. As in
// insertMany, the employer's USCC and org link take their defaults.
func insertArrays(ctx context.Context, tx *db.Tx, ps []pending) error {
	if len(ps) == 0 {
		return nil
	}
	now := db.Millis(tx.Now)
	ids, orgs := make([]int64, len(ps)), make([]int64, len(ps))
	var text [21][]string
	for i := range text {
		text[i] = make([]string, len(ps))
	}
	for i, p := range ps {
		r := p.r
		ids[i], orgs[i] = r.id, r.OrgID
		for j, v := range [21]string{r.Name, r.gender, r.birth, r.idSealed, r.idIndex, r.idMasked, r.phSealed, r.phIndex, r.phMasked,
			r.Email, r.Employer, r.TitleLevel, r.Title, r.Education, r.Degree, r.Discipline, r.stored2(), r.Expertise, r.RegionCode,
			r.Categories, p.terms} {
			text[j][i] = v
		}
	}
	args := []any{now, now, ids, orgs}
	for _, c := range text {
		args = append(args, c)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO people (id, org_id, name, gender, birth_date, id_enc, id_index, id_masked, phone_enc,
		phone_index, phone_masked, email, employer, title_level, title, education, degree, discipline, disciplines2, expertise,
		region_code, categories, search_text, created_at, updated_at)
		SELECT id, org_id, name, gender, birth, id_enc, NULLIF(id_index, ''), id_masked, phone_enc, NULLIF(phone_index, ''),
			phone_masked, email, employer, title_level, title, education, degree, discipline, disciplines2, expertise, region_code,
			categories, terms, ?::bigint, ?::bigint
		FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			?::text[], ?::text[], ?::text[], ?::text[])
		AS u(id, org_id, name, gender, birth, id_enc, id_index, id_masked, phone_enc, phone_index, phone_masked, email,
			employer, title_level, title, education, degree, discipline, disciplines2, expertise, region_code, categories, terms)`,
		args...); err != nil {
		if db.IsUniqueViolation(err) {
			return valid.New("id_number", "people.err.duplicate")
		}
		return fmt.Errorf("people: insert batch: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO people_changes (person_id, at) SELECT unnest(?::bigint[]), ?`, ids, now); err != nil {
		return fmt.Errorf("people: log batch: %w", err)
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
