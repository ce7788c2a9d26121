package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// ErrNotSpreadsheet is returned for a file that is neither XLSX nor CSV text.
var ErrNotSpreadsheet = errors.New("sheet: not an XLSX or CSV file")

// Reader yields the rows of the first sheet of an XLSX file or of a CSV
// file, one at a time, so a large file never sits in memory as cells.
type Reader interface {
	// Next returns the next data row (cells trimmed) and its line number in
	// the file (1 = the header), or io.EOF.
	Next() (cells []string, line int, err error)
	Close() error
}

// Open reads the header of a spreadsheet and returns it with a Reader of the
// rows below. XLSX is recognized by its zip signature; anything else must be
// CSV in UTF-8 (a BOM is skipped) or GB18030 — what Excel in China saves.
func Open(r io.Reader) (header []string, rows Reader, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	sig, _ := br.Peek(4)
	if bytes.Equal(sig, []byte("PK\x03\x04")) {
		return openXLSX(br)
	}
	return openCSV(br)
}

type xlsxReader struct {
	f    *excelize.File
	rows *excelize.Rows
	line int
}

func openXLSX(r io.Reader) ([]string, Reader, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrNotSpreadsheet, err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, nil, ErrNotSpreadsheet
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("%w: %v", ErrNotSpreadsheet, err)
	}
	x := &xlsxReader{f: f, rows: rows}
	header, _, err := x.Next()
	if err != nil {
		x.Close()
		if errors.Is(err, io.EOF) {
			return nil, nil, fmt.Errorf("sheet: the file is empty")
		}
		return nil, nil, err
	}
	return header, x, nil
}

func (x *xlsxReader) Next() ([]string, int, error) {
	for x.rows.Next() {
		x.line++
		cells, err := x.rows.Columns()
		if err != nil {
			return nil, x.line, fmt.Errorf("sheet: row %d: %w", x.line, err)
		}
		if blank(cells) {
			continue
		}
		return trim(cells), x.line, nil
	}
	if err := x.rows.Error(); err != nil {
		return nil, x.line, fmt.Errorf("sheet: %w", err)
	}
	return nil, x.line, io.EOF
}

func (x *xlsxReader) Close() error {
	x.rows.Close()
	return x.f.Close()
}

type csvReader struct {
	c    *csv.Reader
	line int
}

func openCSV(br *bufio.Reader) ([]string, Reader, error) {
	head, _ := br.Peek(64 << 10)
	var r io.Reader = br
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		_, _ = br.Discard(3)
	case !utf8.Valid(trimPartialRune(head)):
		r = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return nil, nil, ErrNotSpreadsheet
	}
	c := csv.NewReader(r)
	c.FieldsPerRecord = -1
	c.ReuseRecord = false
	x := &csvReader{c: c}
	header, _, err := x.Next()
	if errors.Is(err, io.EOF) {
		return nil, nil, fmt.Errorf("sheet: the file is empty")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrNotSpreadsheet, err)
	}
	return header, x, nil
}

// trimPartialRune drops a rune cut at the end of a peeked buffer.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < 3 && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

func (x *csvReader) Next() ([]string, int, error) {
	for {
		rec, err := x.c.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, x.line, io.EOF
			}
			line := x.line + 1
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, line, fmt.Errorf("sheet: line %d: %w", line, err)
		}
		x.line, _ = x.c.FieldPos(0)
		if blank(rec) {
			continue
		}
		return trim(rec), x.line, nil
	}
}

func (x *csvReader) Close() error { return nil }

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func trim(cells []string) []string {
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}
