package volunteer

import (
	"context"
	"errors"
	"io"
	"strings"

	"kexie/internal/db"
	"kexie/internal/sheet"
	"kexie/internal/valid"
)

// MaxImportRows bounds an import: more volunteers than this at once is the
// wrong file (a whole city registers 1,500–2,000).
const MaxImportRows = 20000

// ImportError is one problem of an import: the row the spreadsheet shows
// (header = 1; 0 = the file as a whole), the column, and a catalog code.
type ImportError struct {
	Row    int    `json:"row"`
	Column string `json:"column"`
	Code   string `json:"code"`
	Args   []any  `json:"args,omitempty"`
}

// ImportResult counts what an import did (or would do).
type ImportResult struct {
	Rows    int           `json:"rows"`
	Created int           `json:"created"`
	Errors  []ImportError `json:"errors"`
}

const maxImportErrors = 200

// importColumns are the header names accepted for each field.
var importColumns = map[string][]string{
	"name":      {"姓名", "name"},
	"id_number": {"身份证号码", "身份证号", "证件号码", "id_number"},
	"phone":     {"手机号码", "手机", "联系电话", "phone"},
	"skills":    {"技能", "专业特长", "skills"},
}

var columnLabels = map[string]string{"name": "姓名", "id_number": "身份证号码", "phone": "手机号码", "skills": "技能"}

// Import registers the volunteers of a CSV or XLSX file into org orgID.
// Every row is checked (an ID number already registered, or twice in the
// file, is an error of its row); with any error, or in a dry run, nothing is
// written — the rows are written in one transaction that is rolled back.
func (s *Store) Import(ctx context.Context, file io.Reader, orgID, by int64, dryRun bool) (ImportResult, error) {
	res := ImportResult{Errors: []ImportError{}}
	header, rows, err := sheet.OpenLimited(file, sheet.Limits{MaxBytes: 64 << 20, MaxRows: MaxImportRows + 1, MaxColumns: 64, MaxCell: 2000})
	if le := (*sheet.LimitError)(nil); errors.As(err, &le) {
		res.Errors = append(res.Errors, ImportError{Code: le.Key, Args: le.Args})
		return res, nil
	}
	if err != nil {
		res.Errors = append(res.Errors, ImportError{Code: "volunteer.err.not_sheet"})
		return res, nil
	}
	defer rows.Close()
	cols := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "*"))
		for field, names := range importColumns {
			for _, n := range names {
				if strings.EqualFold(h, n) {
					cols[field] = i
				}
			}
		}
	}
	for _, f := range []string{"name", "id_number"} {
		if _, ok := cols[f]; !ok {
			res.Errors = append(res.Errors, ImportError{Column: columnLabels[f], Code: "volunteer.err.column_missing", Args: []any{columnLabels[f]}})
		}
	}
	if len(res.Errors) > 0 {
		return res, nil
	}
	cell := func(r []string, f string) string {
		if i, ok := cols[f]; ok && i < len(r) {
			return r[i]
		}
		return ""
	}
	errRollback := errors.New("rollback")
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		inFile := map[string]int{}
		for {
			r, line, err := rows.Next()
			if err == io.EOF {
				break
			}
			if le := (*sheet.LimitError)(nil); errors.As(err, &le) {
				res.Errors = append(res.Errors, ImportError{Row: line, Code: le.Key, Args: le.Args})
				break
			}
			if err != nil {
				// A row the reader cannot parse (an unmatched quote) is the
				// file's fault: its row is named, and nothing is written.
				res.Errors = append(res.Errors, ImportError{Row: line, Code: "volunteer.err.bad_row"})
				break
			}
			if len(strings.Join(r, "")) == 0 {
				continue
			}
			res.Rows++
			in := Input{OrgID: orgID, Name: cell(r, "name"), IDNumber: cell(r, "id_number"), Phone: cell(r, "phone"), Skills: []string{cell(r, "skills")}}
			c, errs := s.check(in, tx)
			if c.index != "" {
				if first, dup := inFile[c.index]; dup {
					errs.Add("id_number", "volunteer.err.duplicate_in_file", first)
				} else {
					inFile[c.index] = line
				}
			}
			if len(errs) == 0 {
				dup, err := duplicate(ctx, tx, c.index)
				if err != nil {
					return err
				}
				if dup {
					errs.Add("id_number", ErrDuplicate)
				}
			}
			if len(errs) == 0 && len(res.Errors) == 0 {
				if _, err := s.insert(ctx, tx, c, by); err != nil {
					var ve *valid.Error
					if !errors.As(err, &ve) {
						return err
					}
					errs = append(errs, ve)
				} else {
					res.Created++
				}
			}
			for _, e := range errs {
				res.Errors = append(res.Errors, ImportError{Row: line, Column: columnLabels[e.Field], Code: e.Key, Args: e.Args})
			}
			if len(res.Errors) >= maxImportErrors {
				res.Errors = append(res.Errors, ImportError{Code: "volunteer.err.too_many_errors", Args: []any{maxImportErrors}})
				break
			}
		}
		if len(res.Errors) > 0 || dryRun {
			return errRollback
		}
		return nil
	})
	if errors.Is(err, errRollback) {
		if len(res.Errors) > 0 {
			res.Created = 0
		}
		return res, nil
	}
	return res, err
}
