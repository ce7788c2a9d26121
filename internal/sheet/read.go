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
// rows below, within the default Limits. XLSX is recognized by its zip
// signature; anything else must be CSV in UTF-8 (a BOM is skipped) or
// GB18030 — what Excel in China saves.
func Open(r io.Reader) (header []string, rows Reader, err error) {
	return OpenLimited(r, Limits{})
}

// OpenLimited is Open within the given limits (zero fields take the
// defaults). A file over a limit is refused with a *LimitError — before
// any row is returned where the file shows it up front, else by Next.
func OpenLimited(r io.Reader, l Limits) (header []string, rows Reader, err error) {
	l = l.withDefaults()
	br := bufio.NewReaderSize(r, 64<<10)
	sig, _ := br.Peek(4)
	if bytes.Equal(sig, []byte("PK\x03\x04")) {
		return openXLSX(br, l)
	}
	return openCSV(br, l)
}

type xlsxReader struct {
	f    *excelize.File
	rows *excelize.Rows
	lim  Limits
	line int
}

func openXLSX(r io.Reader, l Limits) ([]string, Reader, error) {
	// excelize reads the whole zip into memory anyway; reading it here
	// lets checkXLSX inflate it once, bounded, before excelize does.
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("sheet: read: %w", err)
	}
	if err := checkXLSX(data, l); err != nil {
		return nil, nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: l.MaxBytes, UnzipXMLSizeLimit: min(l.MaxBytes, 16<<20)})
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
	x := &xlsxReader{f: f, rows: rows, lim: l}
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
		if err := x.lim.checkRow(cells, x.line); err != nil {
			return nil, x.line, err
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
	lim  Limits
	line int
}

func openCSV(br *bufio.Reader, l Limits) ([]string, Reader, error) {
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
	c := csv.NewReader(&lineGuard{r: r, max: l.rawCell() * 16, lim: l})
	c.FieldsPerRecord = -1
	c.ReuseRecord = false
	x := &csvReader{c: c, lim: l}
	header, _, err := x.Next()
	if errors.Is(err, io.EOF) {
		return nil, nil, fmt.Errorf("sheet: the file is empty")
	}
	var le *LimitError
	if errors.As(err, &le) {
		return nil, nil, err
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
			var le *LimitError
			if errors.As(err, &le) {
				return nil, x.line, err
			}
			line := x.line + 1
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, line, fmt.Errorf("sheet: line %d: %w", line, err)
		}
		x.line, _ = x.c.FieldPos(0)
		if err := x.lim.checkRow(rec, x.line); err != nil {
			return nil, x.line, err
		}
		if blank(rec) {
			continue
		}
		return trim(rec), x.line, nil
	}
}

func (x *csvReader) Close() error { return nil }

// lineGuard refuses a CSV line (or quoted field) so long that csv.Reader
// would have to hold megabytes of it at once; max is generous for a row of
// sixteen cells of the largest size.
type lineGuard struct {
	r   io.Reader
	max int
	run int
	lim Limits
}

func (g *lineGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	b := p[:n]
	// Runs between two newlines of one read are shorter than the read,
	// and reads are far shorter than max: only the run across reads, up
	// to the first newline, and the tail after the last one count.
	first := bytes.IndexByte(b, '\n')
	if first < 0 {
		g.run += n
	} else {
		g.run += first
	}
	if g.run > g.max {
		return 0, &LimitError{Key: "sheet.err.line_too_long", Args: []any{g.max >> 10}}
	}
	if first >= 0 {
		g.run = n - 1 - bytes.LastIndexByte(b, '\n')
	}
	return n, err
}

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
