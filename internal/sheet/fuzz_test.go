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
