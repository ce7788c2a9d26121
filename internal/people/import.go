package people

import (
	"context"
	"errors"
	"fmt"
	"io"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/sheet"
)

// ImportError is one problem of an import: a cell (Row is the row number
// the spreadsheet shows — the header is row 1, so the first data row is 2;
// 0 = the file as a whole) and an error code with its arguments,
// translated where it is shown (Text), never by the store.
type ImportError struct {
	Row    int    `json:"row"`
	Column string `json:"column"`
	Code   string `json:"code"`
	Args   []any  `json:"args,omitempty"`
}

// Text is the error's message in the language of t.
func (e ImportError) Text(t func(key string, args ...any) string) string { return t(e.Code, e.Args...) }

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
	// Progress, when set, is called from the writing goroutine after each
	// chunk of rows with the rows read so far.
	Progress func(rows int)
}

// Import reads a CSV or XLSX file of people into org orgID. Every row is
// validated; with any error, or in a dry run, nothing is written. Rows are
// written while the file streams, inside one transaction that is rolled back
// at the end unless the whole file was good, so a failed import changes
// nothing and a large file never sits in memory. A person already recorded
// in this org (matched by the ID number's blind index) is updated or left
// unchanged, so re-running a file adds nothing.
func (s *Store) Import(ctx context.Context, file io.Reader, name string, orgID int64, dryRun bool) (ImportResult, error) {
	return s.ImportWith(ctx, file, name, orgID, ImportOptions{DryRun: dryRun})
}

// ImportWith is Import with options. The CPU work of a row — parsing the ID
// number, sealing ID number and phone (AES-GCM), their blind indexes, the
// search terms — runs on one worker per CPU (checkRows); a single writer
// takes the checked rows back in file order (importRun), so errors,
// duplicates and counts come out exactly as a row-at-a-time import would
// give them.
func (s *Store) ImportWith(ctx context.Context, file io.Reader, name string, orgID int64, o ImportOptions) (ImportResult, error) {
	res := ImportResult{Errors: []ImportError{}}
	header, rows, err := sheet.Open(file)
	if le := (*sheet.LimitError)(nil); errors.As(err, &le) {
		// A file past the size, row, column or cell limits (a bomb or a
		// runaway export): its own message, naming the limit.
		res.Errors = append(res.Errors, ImportError{Code: le.Key, Args: le.Args})
		return res, nil
	}
	if err != nil {
		code := "people.err.not_sheet"
		if !errors.Is(err, sheet.ErrNotSpreadsheet) {
			code = "people.err.empty_file"
		}
		res.Errors = append(res.Errors, ImportError{Code: code})
		return res, nil
	}
	defer rows.Close()
	h, errs := mapHeader(header)
	if len(errs) > 0 {
		res.Errors = append(res.Errors, errs...)
		return res, nil
	}
	path, err := orgPath(ctx, s.db, orgID)
	if err != nil {
		return res, err
	}
	table, err := s.Disciplines(ctx)
	if err != nil {
		return res, err
	}
	ordered, stop := s.checkRows(rows, h, orgID, table)
	defer stop()
	ir := &importRun{s: s, h: h, o: o, res: res, seen: map[[16]byte]int32{}}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := ir.write(ctx, tx, ordered); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "people.import", Target: "file:" + name,
			After: map[string]int{"rows": ir.res.Rows, "created": ir.res.Created, "updated": ir.res.Updated, "unchanged": ir.res.Unchanged}})
	})
	if s.db.Dialect() == db.SQLite {
		// Back to the default page cache, so a serving node keeps no
		// bulk-load memory.
		_, _ = s.db.Exec(context.WithoutCancel(ctx), `PRAGMA cache_size = -2000`)
	}
	res = ir.res
	if err != nil && !errors.Is(err, errNotCommitted) {
		return res, fmt.Errorf("people: import: %w", err)
	}
	if len(res.Errors) > 0 {
		res.Created, res.Updated, res.Unchanged = 0, 0, 0
	}
	return res, nil
}

// errNotCommitted rolls back an import that found errors or was a dry run.
var errNotCommitted = errors.New("import not committed")

// importRun is the writing side of one import: it takes the checked rows in
// file order, collects errors, and writes batches while the file is good.
type importRun struct {
	s     *Store
	h     headerMap
	o     ImportOptions
	res   ImportResult
	seen  map[[16]byte]int32 // id index → first row (compact: 1M rows ≈ 40 MB)
	batch []pending
}

func (ir *importRun) add(e ImportError) {
	if len(ir.res.Errors) < maxImportErrors {
		ir.res.Errors = append(ir.res.Errors, e)
	}
}

func (ir *importRun) failAt(n int, key, code string, args ...any) {
	ir.add(ImportError{Row: sheetRow(n), Column: ir.h.written[key], Code: code, Args: args})
}

// write consumes the checked chunks in tx and returns errNotCommitted when
// the file had errors or the import is a dry run.
func (ir *importRun) write(ctx context.Context, tx *db.Tx, ordered <-chan *importChunk) error {
	if err := prepareBulk(ctx, tx); err != nil {
		return err
	}
	for c := range ordered {
		select {
		case <-c.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := ir.take(ctx, tx, c); err != nil {
			return err
		}
		if c.readErr != nil {
			e := ImportError{Row: sheetRow(ir.res.Rows + 1), Code: "people.err.bad_row"}
			if le := (*sheet.LimitError)(nil); errors.As(c.readErr, &le) {
				e.Code, e.Args = le.Key, le.Args
			}
			ir.res.Errors = append(ir.res.Errors, e)
			return errNotCommitted
		}
		if ir.o.Progress != nil {
			ir.o.Progress(ir.res.Rows)
		}
	}
	if err := ir.flush(ctx, tx); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(ir.res.Errors) > 0 || ir.o.DryRun {
		return errNotCommitted
	}
	return nil
}

// take adds one chunk's rows: their errors, in-file duplicates, and the
// good rows to the batch while the file has no error yet.
func (ir *importRun) take(ctx context.Context, tx *db.Tx, c *importChunk) error {
	for i, ch := range c.out {
		n := c.first + i
		ir.res.Rows = n
		if len(ch.errs) > 0 {
			for _, e := range ch.errs {
				ir.add(e)
			}
			continue
		}
		key := dupKey(ch.r.idIndex)
		if first, dup := ir.seen[key]; dup {
			ir.failAt(n, "id_number", "people.err.duplicate_in_file", sheetRow(int(first)))
			continue
		}
		ir.seen[key] = int32(n)
		if len(ir.res.Errors) > 0 {
			continue // keep validating, but write nothing more
		}
		ir.batch = append(ir.batch, pending{n: n, r: ch.r, terms: ch.terms})
		if len(ir.batch) == importBatch {
			if err := ir.flush(ctx, tx); err != nil {
				return err
			}
		}
	}
	return nil
}

// flush writes the batch (or, once the file has an error, drops it).
func (ir *importRun) flush(ctx context.Context, tx *db.Tx) error {
	defer func() { ir.batch = ir.batch[:0] }()
	if len(ir.res.Errors) > 0 {
		return nil
	}
	created, updated, unchanged, err := ir.s.writeBatch(ctx, tx, ir.batch, ir.failAt, ir.o.DryRun)
	ir.res.Created, ir.res.Updated, ir.res.Unchanged = ir.res.Created+created, ir.res.Updated+updated, ir.res.Unchanged+unchanged
	return err
}

// sheetRow is the row number a spreadsheet shows for data row n (1 = the
// first row under the header): errors name the row the office sees.
func sheetRow(n int) int { return n + 1 }
