// Package sheet reads and writes spreadsheets (XLSX through excelize, and
// CSV) for imports and exports. It must never know a module's columns: the
// caller hands it headers and rows.
package sheet

import (
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/xuri/excelize/v2"
)

// Table is a header row and data rows, all text, ready to export.
type Table struct {
	Sheet   string // sheet name, e.g. "组织"
	Headers []string
	Rows    [][]string
}

// WriteXLSX streams tables as the sheets of an XLSX workbook, each with a
// bold, frozen header row. Rows are written through excelize's stream
// writer, so large exports do not build a DOM of every cell.
func WriteXLSX(w io.Writer, tables ...Table) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, t := range tables {
		name := t.Sheet
		if name == "" {
			name = fmt.Sprintf("Sheet%d", i+1)
		}
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return fmt.Errorf("sheet: name: %w", err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("sheet: new sheet: %w", err)
		}
		if err := writeSheet(f, name, t); err != nil {
			return err
		}
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("sheet: write: %w", err)
	}
	return nil
}

func writeSheet(f *excelize.File, name string, t Table) error {
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("sheet: stream: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEF0F2"}}})
	if err != nil {
		return fmt.Errorf("sheet: style: %w", err)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("sheet: panes: %w", err)
	}
	for i := range t.Headers {
		if err := sw.SetColWidth(i+1, i+1, 18); err != nil {
			return fmt.Errorf("sheet: width: %w", err)
		}
	}
	head := make([]any, len(t.Headers))
	for i, h := range t.Headers {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return fmt.Errorf("sheet: header: %w", err)
	}
	row := make([]any, len(t.Headers))
	for n, r := range t.Rows {
		for i := range row {
			row[i] = nil
			if i < len(r) {
				row[i] = r[i]
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("sheet: row %d: %w", n+1, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sheet: flush: %w", err)
	}
	return nil
}

// ServeXLSX sends t as a download named filename (UTF-8 names allowed).
func ServeXLSX(w http.ResponseWriter, filename string, t Table) error {
	return ServeXLSXBook(w, filename, t)
}

// ServeXLSXBook sends several sheets as one workbook.
func ServeXLSXBook(w http.ResponseWriter, filename string, tables ...Table) error {
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(filename))
	return WriteXLSX(w, tables...)
}
