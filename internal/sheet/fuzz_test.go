package sheet

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzOpen feeds arbitrary bytes to the reader under small limits: it must
// never panic, and every row it returns must be within the limits.
func FuzzOpen(f *testing.F) {
	var x bytes.Buffer
	if err := WriteXLSX(&x, Table{Headers: []string{"姓名", "单位"}, Rows: [][]string{{"张伟", "攀枝花学院"}}}); err != nil {
		f.Fatal(err)
	}
	f.Add(x.Bytes())
	f.Add([]byte("姓名,单位\n张伟,攀枝花学院\n\n,\n"))
	f.Add([]byte("\xEF\xBB\xBF\"a\"\"b\",c\n"))
	f.Add(buildXLSX(&testing.T{}, part{write: blankRows(3)}))
	lim := Limits{MaxBytes: 4 << 20, MaxRows: 50, MaxColumns: 8, MaxCell: 64}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, rows, err := OpenLimited(bytes.NewReader(data), lim)
		if err != nil {
			return
		}
		defer rows.Close()
		for {
			cells, line, err := rows.Next()
			if errors.Is(err, io.EOF) || err != nil {
				return
			}
			if line > lim.MaxRows || len(cells) > lim.MaxColumns && !blank(cells[lim.MaxColumns:]) {
				t.Fatalf("row %d with %d cells passed the limits", line, len(cells))
			}
		}
	})
}

// FuzzReadBook: the workbook reader never panics on arbitrary bytes, and
// what it returns is within the limits: at most maxSheets sheets, rows
// numbered within MaxRows, cells within MaxColumns and MaxCell.
func FuzzReadBook(f *testing.F) {
	var x bytes.Buffer
	if err := WriteXLSX(&x, Table{Sheet: "一", Headers: []string{"代码", "本年"}, Rows: [][]string{{"A01", "12"}}},
		Table{Sheet: "二", Headers: []string{"代码"}, Rows: [][]string{{"B01"}}}); err != nil {
		f.Fatal(err)
	}
	f.Add(x.Bytes())
	f.Add(buildXLSX(&testing.T{}, part{write: blankRows(3)}))
	f.Add([]byte("代码,本年\nA01,12\n"))
	lim := Limits{MaxBytes: 4 << 20, MaxRows: 50, MaxColumns: 8, MaxCell: 64}
	f.Fuzz(func(t *testing.T, data []byte) {
		book, err := ReadBook(bytes.NewReader(data), lim, 3)
		if err != nil {
			return
		}
		if len(book) > 3 {
			t.Fatalf("%d sheets passed a bound of 3", len(book))
		}
		for _, s := range book {
			for _, r := range s.Rows {
				if r.Line > lim.MaxRows || len(r.Cells) > lim.MaxColumns && !blank(r.Cells[lim.MaxColumns:]) {
					t.Fatalf("sheet %q row %d with %d cells passed the limits", s.Name, r.Line, len(r.Cells))
				}
				for _, c := range r.Cells {
					if len([]rune(c)) > lim.MaxCell {
						t.Fatalf("a cell of %d characters passed MaxCell %d", len([]rune(c)), lim.MaxCell)
					}
				}
			}
		}
	})
}
