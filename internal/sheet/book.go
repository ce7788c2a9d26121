package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// BookSheet is one sheet of a workbook: its name and its non-blank rows.
type BookSheet struct {
	Name string
	Rows []BookRow
}

// BookRow is a non-blank row with its row number: Cells as Excel shows
// them (number formats applied, trimmed), Raw as stored (a number's full
// value: 1234.5 where a "#,##0" cell shows 1,235).
type BookRow struct {
	Line  int
	Cells []string
	Raw   []string
}

// ErrTooManySheets refuses a workbook with more sheets than asked for.
var ErrTooManySheets = errors.New("sheet: too many sheets")

// ReadBook reads every sheet of an XLSX workbook whole, within l (zero
// fields take the defaults) and with at most maxSheets sheets: for the
// small workbooks a module hands out to be filled in and read back (a
// form of a few tables). The file is checked against the limits before
// excelize parses it, as OpenLimited does; CSV is not a workbook.
func ReadBook(r io.Reader, l Limits, maxSheets int) ([]BookSheet, error) {
	l = l.withDefaults()
	data, err := io.ReadAll(io.LimitReader(r, l.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("sheet: read: %w", err)
	}
	if int64(len(data)) > l.MaxBytes {
		return nil, errTooBig(l)
	}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, ErrNotSpreadsheet
	}
	if err := checkXLSX(data, l); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: l.MaxBytes, UnzipXMLSizeLimit: min(l.MaxBytes, 16<<20)})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotSpreadsheet, err)
	}
	defer f.Close()
	names := f.GetSheetList()
	if len(names) == 0 {
		return nil, ErrNotSpreadsheet
	}
	if len(names) > maxSheets {
		return nil, ErrTooManySheets
	}
	out := make([]BookSheet, 0, len(names))
	for _, name := range names {
		s, err := readBookSheet(f, name, l)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func readBookSheet(f *excelize.File, name string, l Limits) (BookSheet, error) {
	s := BookSheet{Name: name}
	// The whole sheet in memory: checkXLSX has bounded its rows, cells and
	// bytes. Read twice, as shown and as stored.
	shown, err := f.GetRows(name)
	if err != nil {
		return s, fmt.Errorf("%w: %v", ErrNotSpreadsheet, err)
	}
	raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return s, fmt.Errorf("%w: %v", ErrNotSpreadsheet, err)
	}
	for i, cells := range shown {
		line := i + 1
		if err := l.checkRow(cells, line); err != nil {
			return s, err
		}
		if blank(cells) {
			continue
		}
		var r []string
		if i < len(raw) {
			r = trim(raw[i])
		}
		s.Rows = append(s.Rows, BookRow{Line: line, Cells: trim(cells), Raw: r})
	}
	return s, nil
}
