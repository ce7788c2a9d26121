package sheet

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/valid"
)

// Limits bound what reading one file may cost. A zero field takes its
// default. The defaults admit the largest sheet Excel itself can save
// (1,048,576 rows, 32,767 characters a cell), so a one-million-row import
// still passes, and refuse the bombs an XLSX can carry: a 1 MB zip that
// inflates to gigabytes, millions of blank rows, a single enormous cell.
type Limits struct {
	// MaxBytes is the uncompressed size of all parts of an XLSX file
	// together, checked against the zip headers first and then counted
	// while inflating, since headers can lie.
	MaxBytes int64
	// MaxRows is the last row number a sheet may reach, blank rows
	// included (for CSV: the last line number).
	MaxRows int
	// MaxColumns is the number of cells a row may hold, up to its last
	// non-blank cell.
	MaxColumns int
	// MaxCell is the number of characters a cell may hold.
	MaxCell int
}

// Default limits; see Limits.
const (
	DefaultMaxBytes   = 1 << 30
	DefaultMaxRows    = 1 << 20
	DefaultMaxColumns = 1024
	DefaultMaxCell    = 32767
)

// maxParts is the number of files an XLSX zip may hold; a workbook of
// a few sheets has a few dozen.
const maxParts = 4096

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxRows <= 0 {
		l.MaxRows = DefaultMaxRows
	}
	if l.MaxColumns <= 0 {
		l.MaxColumns = DefaultMaxColumns
	}
	if l.MaxCell <= 0 {
		l.MaxCell = DefaultMaxCell
	}
	return l
}

// rawCell is how many bytes of XML one cell may take before it is refused
// unread: a character can take up to ten bytes as a character reference
// (&#x10FFFF;), plus room for the tags around it.
func (l Limits) rawCell() int { return l.MaxCell*10 + 4096 }

// ErrLimit is matched (errors.Is) by every error that refuses a file for
// exceeding a limit.
var ErrLimit = errors.New("sheet: over a limit")

// LimitError refuses a file that exceeds a limit. Key is an i18n key whose
// arguments are Args (the limit, and the row where one is known); the
// caller translates it. It unwraps to ErrLimit and to a *valid.Error on the
// field "file", so a web handler shows it as a 422 with its message.
type LimitError struct {
	Key  string
	Args []any
}

func (e *LimitError) Error() string { return fmt.Sprintf("sheet: %s %v", e.Key, e.Args) }

// Unwrap gives ErrLimit and the field error.
func (e *LimitError) Unwrap() []error {
	return []error{ErrLimit, valid.New("file", e.Key, e.Args...)}
}

func errTooBig(l Limits) error {
	return &LimitError{Key: "sheet.err.too_big", Args: []any{l.MaxBytes >> 20}}
}

func errTooManyParts() error {
	return &LimitError{Key: "sheet.err.too_many_parts", Args: []any{maxParts}}
}

func errTooManyRows(l Limits) error {
	return &LimitError{Key: "sheet.err.too_many_rows", Args: []any{l.MaxRows}}
}

func errTooManyColumns(l Limits, line int) error {
	return &LimitError{Key: "sheet.err.too_many_columns", Args: []any{line, l.MaxColumns}}
}

func errCellTooLong(l Limits, line int) error {
	if line == 0 { // a shared string, before any row
		return &LimitError{Key: "sheet.err.string_too_long", Args: []any{l.MaxCell}}
	}
	return &LimitError{Key: "sheet.err.cell_too_long", Args: []any{line, l.MaxCell}}
}

// checkRow applies the row, column and cell limits to one row read.
func (l Limits) checkRow(cells []string, line int) error {
	if line > l.MaxRows {
		return errTooManyRows(l)
	}
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	if n > l.MaxColumns {
		return errTooManyColumns(l, line)
	}
	for _, c := range cells[:n] {
		// Counting runes is needed only when the bytes could exceed it.
		if len(c) > l.MaxCell && utf8.RuneCountInString(c) > l.MaxCell {
			return errCellTooLong(l, line)
		}
	}
	return nil
}
