package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
)

// part is one file of a hand-built XLSX zip: write streams its content;
// declare, when not zero, is the uncompressed size its header claims.
type part struct {
	name    string
	write   func(w io.Writer)
	declare uint64
}

// buildXLSX zips a minimal workbook whose first sheet is written by sheet.
func buildXLSX(t *testing.T, sheet part, extra ...part) []byte {
	t.Helper()
	str := func(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }
	parts := []part{
		{name: "[Content_Types].xml", write: str(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)},
		{name: "_rels/.rels", write: str(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{name: "xl/workbook.xml", write: str(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{name: "xl/_rels/workbook.xml.rels", write: str(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)},
	}
	sheet.name = "xl/worksheets/sheet1.xml"
	parts = append(append(parts, sheet), extra...)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
		crc := crc32.NewIEEE()
		cw := &countWriter{}
		p.write(io.MultiWriter(fw, crc, cw))
		if err := fw.Close(); err != nil {
			t.Fatal(err)
		}
		size := cw.n
		if p.declare != 0 {
			size = p.declare
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: crc.Sum32(),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

type countWriter struct{ n uint64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += uint64(len(p)); return len(p), nil }

const sheetHead = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
const sheetTail = `</sheetData></worksheet>`

// sheetXML writes a worksheet: a header row, then body.
func sheetXML(body func(w io.Writer)) func(io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, sheetHead+`<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>`)
		body(w)
		io.WriteString(w, sheetTail)
	}
}

// hugeCell writes row 2 with one inline-string cell of n bytes of 'A'.
func hugeCell(n int) func(io.Writer) {
	return sheetXML(func(w io.Writer) {
		io.WriteString(w, `<row r="2"><c r="A2" t="inlineStr"><is><t>`)
		chunk := bytes.Repeat([]byte("A"), 1<<20)
		for ; n > 0; n -= len(chunk) {
			w.Write(chunk[:min(n, len(chunk))])
		}
		io.WriteString(w, `</t></is></c></row>`)
	})
}

// blankRows writes rows 2..n+1, each empty.
func blankRows(n int) func(io.Writer) {
	return sheetXML(func(w io.Writer) {
		for i := 2; i <= n+1; i++ {
			fmt.Fprintf(w, `<row r="%d"/>`, i)
		}
	})
}

// readBounded opens data and reads every row, and reports the error, the
// time taken and the bytes allocated meanwhile.
func readBounded(data []byte, l Limits) (err error, took time.Duration, alloc uint64) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	err = func() error {
		_, rows, err := OpenLimited(bytes.NewReader(data), l)
		if err != nil {
			return err
		}
		defer rows.Close()
		for {
			if _, _, err := rows.Next(); err != nil {
				if errors.Is(err, io.EOF) {
					return nil
				}
				return err
			}
		}
	}()
	took = time.Since(start)
	runtime.ReadMemStats(&after)
	return err, took, after.TotalAlloc - before.TotalAlloc
}

func TestBombsRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large zips")
	}
	tests := []struct {
		name string
		data func(t *testing.T) []byte
		lim  Limits
		key  string // the LimitError key, or "" for a malformed zip
	}{
		{"a 1 GB cell that inflates past the limit", func(t *testing.T) []byte { return buildXLSX(t, part{write: hugeCell(1 << 30)}) }, Limits{}, "sheet.err.too_big"},
		{"a 512 MB cell within the size limit", func(t *testing.T) []byte { return buildXLSX(t, part{write: hugeCell(512 << 20)}) }, Limits{}, "sheet.err.cell_too_long"},
		{"a shared string of 512 MB", func(t *testing.T) []byte {
			return buildXLSX(t, part{write: blankRows(1)}, part{name: "xl/sharedStrings.xml", write: func(w io.Writer) {
				io.WriteString(w, `<sst><si><t>`)
				w.Write(bytes.Repeat([]byte("A"), 512<<20))
				io.WriteString(w, `</t></si></sst>`)
			}})
		}, Limits{}, "sheet.err.string_too_long"},
		{"a header that understates a 1 GB sheet", func(t *testing.T) []byte { return buildXLSX(t, part{write: hugeCell(1 << 30), declare: 4096}) }, Limits{}, ""},
		{"a sheet of two million blank rows", func(t *testing.T) []byte { return buildXLSX(t, part{write: blankRows(2_000_000)}) }, Limits{}, "sheet.err.too_many_rows"},
		{"one blank row numbered past the row limit", func(t *testing.T) []byte {
			return buildXLSX(t, part{write: sheetXML(func(w io.Writer) { io.WriteString(w, `<row r="2000"/>`) })})
		}, Limits{MaxRows: 1000}, "sheet.err.too_many_rows"},
		{"a row of 2,000 cells", func(t *testing.T) []byte {
			return buildXLSX(t, part{write: sheetXML(func(w io.Writer) {
				io.WriteString(w, `<row r="2">`)
				for i := 0; i < 2000; i++ {
					io.WriteString(w, `<c t="inlineStr"><is><t>x</t></is></c>`)
				}
				io.WriteString(w, `</row>`)
			})})
		}, Limits{}, "sheet.err.too_many_columns"},
		{"a cell of 40,000 characters", func(t *testing.T) []byte { return buildXLSX(t, part{write: hugeCell(40000)}) }, Limits{}, "sheet.err.cell_too_long"},
		{"inflated size over a caller's limit", func(t *testing.T) []byte { return buildXLSX(t, part{write: blankRows(500_000)}) }, Limits{MaxBytes: 1 << 20}, "sheet.err.too_big"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data(t)
			err, took, alloc := readBounded(data, tt.lim)
			t.Logf("%d-byte file: %v in %s, %d MB allocated", len(data), err, took.Round(time.Millisecond), alloc>>20)
			var le *LimitError
			switch {
			case tt.key == "" && err == nil:
				t.Errorf("accepted")
			case tt.key != "" && (!errors.As(err, &le) || le.Key != tt.key || !errors.Is(err, ErrLimit)):
				t.Errorf("err = %v, want %s", err, tt.key)
			}
			if alloc > 64<<20 {
				t.Errorf("allocated %d MB refusing it, want < 64 MB", alloc>>20)
			}
			if took > 10*time.Second {
				t.Errorf("took %s to refuse", took)
			}
		})
	}
}

// TestBombShapesReadable checks that the hand-built workbooks are real
// XLSX files, read when small — so the refusals above are the limits at
// work, not a malformed zip.
func TestBombShapesReadable(t *testing.T) {
	for name, data := range map[string][]byte{
		"cell":  buildXLSX(t, part{write: hugeCell(100)}),
		"blank": buildXLSX(t, part{write: blankRows(1000)}),
	} {
		h, rows := readAll(t, data)
		if len(h) != 1 || h[0] != "姓名" {
			t.Errorf("%s: header %q", name, h)
		}
		if name == "cell" && (len(rows) != 1 || rows[0][0] != strings.Repeat("A", 100)) {
			t.Errorf("%s: rows %d", name, len(rows))
		}
	}
}

func TestCSVLimits(t *testing.T) {
	tests := []struct {
		name string
		data string
		lim  Limits
		key  string
	}{
		{"rows past the limit, blank ones counted", "姓名\n" + strings.Repeat(",\n", 20) + "张伟\n", Limits{MaxRows: 10}, "sheet.err.too_many_rows"},
		{"too many columns", "姓名\n" + strings.Repeat("x,", 30) + "x\n", Limits{MaxColumns: 20}, "sheet.err.too_many_columns"},
		{"a long cell", "姓名\n" + strings.Repeat("长", 101) + "\n", Limits{MaxCell: 100}, "sheet.err.cell_too_long"},
		{"a line of megabytes", "姓名\n" + strings.Repeat("x", 8<<20) + "\n", Limits{}, "sheet.err.line_too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err, _, _ := readBounded([]byte(tt.data), tt.lim)
			var le *LimitError
			if !errors.As(err, &le) || le.Key != tt.key {
				t.Errorf("err = %v, want %s", err, tt.key)
			}
		})
	}
	if err, _, _ := readBounded([]byte("姓名\n"+strings.Repeat("长", 100)+"\n"), Limits{MaxCell: 100}); err != nil {
		t.Errorf("a cell at the limit: %v", err)
	}
}

// TestReferencesRefusedBeforeReading: a cell or row whose reference lies
// past the limits (P1048576, XFD1, r="2000") is refused by the byte scan,
// before excelize fills every blank row or cell up to it — a 10 KB file
// with one cell at P1048576 cost 48 MB before. References split across
// the scanner's chunks, after other attributes, with single quotes or $
// are read; references within the limits pass.
func TestReferencesRefusedBeforeReading(t *testing.T) {
	lim := Limits{MaxRows: 1000, MaxColumns: 20}.withDefaults()
	one := func(xml string) []byte {
		return buildXLSX(t, part{write: sheetXML(func(w io.Writer) { io.WriteString(w, xml) })})
	}
	pad := strings.Repeat(" ", 40<<10) // pushes the reference into the next 32 KB chunk
	for _, tt := range []struct {
		name, xml, key string
	}{
		{"a cell at P1048576", `<row><c r="P1048576" t="inlineStr"><is><t>x</t></is></c></row>`, "sheet.err.too_many_rows"},
		{"a cell at XFD1", `<row r="1"><c r="XFD1"><v>1</v></c></row>`, "sheet.err.too_many_columns"},
		{"a row numbered 2000", `<row r="2000"><c><v>1</v></c></row>`, "sheet.err.too_many_rows"},
		{"a reference after other attributes", `<row spans="1:1" r = '5000'><c><v>1</v></c></row>`, "sheet.err.too_many_rows"},
		{"a reference with $", `<row><c s="1" r="$U$1"><v>1</v></c></row>`, "sheet.err.too_many_columns"},
		{"a reference split across chunks", `<row` + pad + `r="999999"/>`, "sheet.err.too_many_rows"},
		{"within the limits", `<row r="1000"><c r="T1000"><v>1</v></c></row>`, ""},
		{"an attribute ending in r is not r", `<row attr="5000" r="3"><c r="B3"><v>1</v></c></row>`, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := checkXLSX(one(tt.xml), lim)
			var le *LimitError
			switch {
			case tt.key == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.key != "" && (!errors.As(err, &le) || le.Key != tt.key):
				t.Errorf("err = %v, want %s", err, tt.key)
			}
		})
	}
}
