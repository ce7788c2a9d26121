package survey

import (
	"encoding/csv"
	"net/http"
	"net/url"

	"kexie/internal/access"
	"kexie/internal/valid"
	"kexie/internal/web"
)

func resourceOf(v Survey) access.Resource { return access.Resource{OrgID: v.OrgID, OrgPath: v.OrgPath} }

func validErr(field, key string, args ...any) error { return valid.New(field, key, args...) }

// serveCSV writes rows as a UTF-8 CSV with a byte-order mark (so Excel
// reads the Chinese right).
func serveCSV(w http.ResponseWriter, name string, rows [][]string) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(name))
	if _, err := w.Write([]byte("\ufeff")); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
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
