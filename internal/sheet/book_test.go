package sheet

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// ReadBook reads every sheet with its row numbers (blank rows skipped,
// cells trimmed), refuses more sheets than asked, a CSV, and a file over
// the limits before excelize parses it.
func TestReadBook(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, Table{Sheet: "表A", Headers: []string{"代码", "值"}, Rows: [][]string{{"A01", " 12 "}, {}, {"A02", "3"}}},
		Table{Sheet: "表B", Headers: []string{"代码"}, Rows: [][]string{{"B01"}}}); err != nil {
		t.Fatal(err)
	}
	book, err := ReadBook(bytes.NewReader(buf.Bytes()), Limits{}, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(book) != 2 || book[0].Name != "表A" || book[1].Name != "表B" {
		t.Fatalf("sheets = %+v", book)
	}
	a := book[0].Rows
	if len(a) != 3 || a[1].Line != 2 || a[1].Cells[1] != "12" || a[2].Line != 4 || a[2].Cells[0] != "A02" {
		t.Errorf("表A rows = %+v", a)
	}
	if _, err := ReadBook(bytes.NewReader(buf.Bytes()), Limits{}, 1); !errors.Is(err, ErrTooManySheets) {
		t.Errorf("two sheets of one allowed: %v", err)
	}
	if _, err := ReadBook(strings.NewReader("代码,值\nA01,1\n"), Limits{}, 4); !errors.Is(err, ErrNotSpreadsheet) {
		t.Errorf("a CSV: %v", err)
	}
	var le *LimitError
	if _, err := ReadBook(bytes.NewReader(buf.Bytes()), Limits{MaxBytes: 1024}, 4); !errors.As(err, &le) || le.Key != "sheet.err.too_big" {
		t.Errorf("a file over the size: %v", err)
	}
	if _, err := ReadBook(bytes.NewReader(buildXLSX(t, part{write: blankRows(5000)})), Limits{MaxRows: 100}, 4); !errors.As(err, &le) || le.Key != "sheet.err.too_many_rows" {
		t.Errorf("rows over the limit: %v", err)
	}
	if _, err := ReadBook(bytes.NewReader(buildXLSX(t, part{write: hugeCell(600)})), Limits{MaxCell: 500}, 4); !errors.As(err, &le) || le.Key != "sheet.err.cell_too_long" {
		t.Errorf("a cell over the limit: %v", err)
	}
	if _, err := ReadBook(io.LimitReader(strings.NewReader(""), 0), Limits{}, 4); !errors.Is(err, ErrNotSpreadsheet) {
		t.Errorf("an empty file: %v", err)
	}
}

// A number is read both as shown and as stored: a "#,##0" cell shows
// 1,235 for 1234.5.
func TestReadBookRaw(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"代码", "值"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"F01", 1234.5})
	st, _ := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
	f.SetCellStyle("Sheet1", "B2", "B2", st)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	book, err := ReadBook(&buf, Limits{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	r := book[0].Rows[1]
	if r.Cells[1] != "1,235" || r.Raw[1] != "1234.5" || r.Raw[0] != "F01" {
		t.Errorf("row = %+v", r)
	}
}
