package survey

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"

	"kexie/internal/access"
	"kexie/internal/valid"
	"kexie/internal/web"
)

func resourceOf(v Survey) access.Resource { return access.Resource{OrgID: v.OrgID, OrgPath: v.OrgPath} }

func validErr(field, key string, args ...any) error { return valid.New(field, key, args...) }

// serveCSV writes rows as a UTF-8 CSV with a byte-order mark (so Excel
// reads the Chinese right). Every cell goes through csvCell: the answers
// are the public's free text, and staff open the file in a spreadsheet.
func serveCSV(w http.ResponseWriter, name string, rows [][]string) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(name))
	if _, err := w.Write([]byte("\ufeff")); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	for _, row := range rows {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = csvCell(c)
		}
		if err := cw.Write(out); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell keeps a spreadsheet from reading a text cell as a formula
// (CSV injection: "=HYPERLINK(…)" typed into a survey's free-text answer
// runs when staff open the export in Excel or WPS): a cell that begins
// with = + - @, a tab or a carriage return is written after an apostrophe,
// unless it is a number ("-5" stays "-5"). XLSX exports need no such care:
// their cells are written as text, never as formulas.
func csvCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, ok := valid.Number(s); ok {
		return s
	}
	return "'" + s
}

// langOf is the language the request's pages are shown in.
func langOf(r *http.Request) string {
	pref := ""
	if id := web.IdentityFrom(r.Context()); id != nil {
		pref = id.Locale
	}
	return web.NegotiateLanguage(r, pref)
}

func web404() error { return web.ErrNotFound }
