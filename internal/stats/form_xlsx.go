package stats

import (
	"context"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"kexie/internal/sheet"
	"kexie/internal/valid"
)

// The bounds of a filled-in workbook, checked before anything in it is
// trusted: the upload's size (the route's), what it may inflate to, its
// sheets, the rows of a sheet, the columns of a row and the length of a
// cell. The form has six tables of at most ten rows.
const (
	BookMaxBytes    = 2 << 20 // the upload
	BookMaxInflated = 8 << 20 // the parts of the zip, inflated
	BookMaxSheets   = 12
	BookMaxRows     = 200
	BookMaxColumns  = 16
	BookMaxCell     = 2 * MaxNote // a note over MaxNote gets the form's own message
)

// BookLimits are the sheet package's limits for a form's workbook.
var BookLimits = sheet.Limits{MaxBytes: BookMaxInflated, MaxRows: BookMaxRows, MaxColumns: BookMaxColumns, MaxCell: BookMaxCell}

// The columns of a form's workbook.
const (
	colCode = iota
	colLabel
	colUnit
	colLast
	colValue
	colNote
)

// Book is the org's form of year as a workbook to fill in: one sheet per
// table, a row per indicator asked of the org with its code, label, unit,
// last year's approved figure, the figure as stored (for a form not yet
// saved, what the live measures suggest) and the explanation of a change.
// t translates the headers into lang.
func (s *Store) Book(ctx context.Context, orgID int64, year int, lang string, t func(string, ...any) string) ([]sheet.Table, error) {
	f, err := s.Form(ctx, orgID, year)
	if err != nil {
		return nil, err
	}
	last, err := s.LastYear(ctx, orgID, year)
	if err != nil {
		return nil, err
	}
	vals := f.Values
	if f.Status == None {
		if vals, err = s.Suggest(ctx, orgID, year); err != nil {
			return nil, err
		}
	}
	head := []string{t("stats.xlsx.code"), t("stats.f.indicator"), t("stats.xlsx.unit"), t("stats.f.last", year-1), t("stats.f.value", year), t("stats.f.note")}
	var out []sheet.Table
	for i := range s.schema.Tables {
		tab := &s.schema.Tables[i]
		st := sheet.Table{Sheet: t("stats.table", tab.Code, tab.TitleIn(lang)), Headers: head}
		for _, in := range tab.Rows {
			if !in.Applies(f.Kind()) {
				continue
			}
			row := []string{in.Code, in.LabelIn(lang), in.Unit, "", "", f.Notes[in.Code]}
			if v, ok := last[in.Code]; ok {
				row[colLast] = Format(v, in.Scale)
			}
			if v, ok := vals[in.Code]; ok {
				row[colValue] = Format(v, in.Scale)
			}
			st.Rows = append(st.Rows, row)
		}
		if len(st.Rows) > 0 {
			out = append(out, st)
		}
	}
	return out, nil
}

// Place is where a figure was read in a workbook.
type Place struct {
	Sheet string
	Line  int
}

// BookError is one thing wrong in an imported workbook, at a place: a
// problem of the workbook's shape (Key, an i18n key of the module worded
// with Args) or a figure the form's checks could not read (Issue).
type BookError struct {
	Place Place
	Key   string
	Args  []any
	Issue *Issue
}

// bookInput reads the figures and explanations of a workbook filled in
// from Book, over the form f as stored: a row names its indicator by the
// code in its first column, wherever it is; a row left out keeps what is
// stored, a row present sets the figure and its explanation (empty cells
// clear them). The shape is checked here: a header on every sheet that
// has rows, known codes asked of the org, each once, a code on every row
// that holds anything.
func (s *Store) bookInput(book []sheet.BookSheet, f Form) (Input, map[string]Place, []BookError) {
	in := Input{Raw: map[string]string{}, Notes: map[string]string{}}
	for code, v := range f.Values {
		if ind, ok := s.schema.Indicator(code); ok {
			in.Raw[code] = Format(v, ind.Scale)
		}
	}
	for code, n := range f.Notes {
		in.Notes[code] = n
	}
	at := map[string]Place{}
	var errs []BookError
	kind := f.Kind()
	for _, sh := range book {
		for i, row := range sh.Rows {
			p := Place{Sheet: sh.Name, Line: row.Line}
			cell := func(c int) string {
				if c < len(row.Cells) {
					return row.Cells[c]
				}
				return ""
			}
			if i == 0 {
				if h := cell(colCode); h != "代码" && !strings.EqualFold(h, "code") {
					errs = append(errs, BookError{Place: p, Key: "stats.xlsx.no_header"})
					break
				}
				// The value column names the form's year: a workbook of
				// another year, or one whose columns moved, is refused.
				if h := cell(colValue); !strings.Contains(h, strconv.Itoa(f.Year)) {
					errs = append(errs, BookError{Place: p, Key: "stats.xlsx.value_column", Args: []any{f.Year, cut(h, 20)}})
					break
				}
				continue
			}
			code := strings.ToUpper(cell(colCode))
			if code == "" {
				if cell(colValue) != "" || cell(colNote) != "" {
					errs = append(errs, BookError{Place: p, Key: "stats.xlsx.no_code"})
				}
				continue
			}
			ind, ok := s.schema.Indicator(code)
			switch {
			case !ok:
				errs = append(errs, BookError{Place: p, Key: "stats.xlsx.unknown_code", Args: []any{cut(code, 20)}})
				continue
			case !ind.Applies(kind):
				errs = append(errs, BookError{Place: p, Key: "stats.xlsx.not_asked", Args: []any{code}})
				continue
			}
			if first, dup := at[code]; dup {
				errs = append(errs, BookError{Place: p, Key: "stats.xlsx.duplicate", Args: []any{code, first.Sheet, first.Line}})
				continue
			}
			at[code] = p
			var raw string
			if colValue < len(row.Raw) {
				raw = row.Raw[colValue]
			}
			in.Raw[code], in.Notes[code] = figure(cell(colValue), raw), cell(colNote)
		}
	}
	return in, at, errs
}

// shownNumber is a figure as a number format shows it: digits, grouping
// commas, a point, a leading minus.
var shownNumber = regexp.MustCompile(`^-?[0-9,]*\.?[0-9]*$`)

// figure is the text of a value cell to read: the stored number when the
// cell shows a plain number (a "#,##0" format shows 1,235 for 1234.5, and
// the form must not take a rounding it never saw), cleaned of binary
// noise (0.1+0.2 is stored as 0.30000000000000004) by keeping 12
// significant digits — more than any figure of the form holds; otherwise
// the text as shown, which the form's checks read or refuse ("50%", a
// date, "约100").
func figure(shown, raw string) string {
	if raw == shown || raw == "" || !shownNumber.MatchString(strings.ReplaceAll(shown, " ", "")) {
		return shown
	}
	x, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return shown
	}
	g := strconv.FormatFloat(x, 'g', 12, 64)
	if strings.ContainsAny(g, "eE") {
		return shown // beyond any row's maximum: the check says so
	}
	return g
}

// cut shortens s to n characters for a message.
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Import saves the figures of a workbook filled in from Book into the
// org's form of year as a draft, through the same checks as the web form
// (Save). Anything wrong with the workbook's shape, or a figure the checks
// cannot read, saves nothing: the error is stats.err.import and every
// problem is a BookError naming its sheet and row. A readable draft that
// breaks a consistency rule is saved with its findings, as on the page.
func (s *Store) Import(ctx context.Context, orgID int64, year int, book []sheet.BookSheet, by Actor) (SaveResult, []BookError, error) {
	f, err := s.Form(ctx, orgID, year)
	if err != nil {
		return SaveResult{}, nil, err
	}
	if !f.Status.Editable() {
		return SaveResult{}, nil, valid.New("", "stats.err.locked")
	}
	in, at, errs := s.bookInput(book, f)
	if len(errs) == 0 && len(at) == 0 {
		return SaveResult{}, nil, valid.New("", "stats.err.import_empty")
	}
	// Every figure that cannot be read is named too, not only the first
	// kind of problem; Save reads them again the same way.
	_, _, issues := s.read(in, f.Kind())
	for i := range issues {
		if p, ok := at[issues[i].Code]; ok {
			errs = append(errs, BookError{Place: p, Issue: &issues[i]})
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Place.before(errs[j].Place, book) })
	if len(errs) > 0 {
		return SaveResult{}, errs, valid.New("", "stats.err.import", len(errs))
	}
	in.Source = "xlsx"
	res, err := s.Save(ctx, orgID, year, in, by)
	if valid.Has(err, "stats.err.unreadable") { // a stored figure the checks no longer read
		for i := range res.Issues {
			errs = append(errs, BookError{Place: at[res.Issues[i].Code], Issue: &res.Issues[i]})
		}
		return res, errs, valid.New("", "stats.err.import", len(errs))
	}
	return res, nil, err
}

// before orders places as the workbook does: by sheet, then row.
func (p Place) before(q Place, book []sheet.BookSheet) bool {
	if p.Sheet != q.Sheet {
		for _, sh := range book {
			switch sh.Name {
			case p.Sheet:
				return true
			case q.Sheet:
				return false
			}
		}
	}
	return p.Line < q.Line
}

// BookMessage is e in words: where, then what.
func (s *Store) BookMessage(lang string, t func(string, ...any) string, e BookError) string {
	where := t("stats.xlsx.at", e.Place.Sheet, e.Place.Line)
	if e.Issue != nil {
		return where + s.schema.Message(lang, t, *e.Issue)
	}
	return where + t(e.Key, e.Args...)
}
