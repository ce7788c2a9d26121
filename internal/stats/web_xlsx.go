package stats

import (
	"errors"
	"fmt"
	"net/http"

	"kexie/internal/sheet"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// book sends the org's form of year as a workbook to fill in offline.
func (h *handler) book(w http.ResponseWriter, r *http.Request) error {
	id, year, err := h.pathYear(r)
	if err != nil {
		return err
	}
	f, err := h.store.Form(r.Context(), id, year)
	if err != nil {
		return err
	}
	tabs, err := h.store.Book(r.Context(), id, year, lang(r), h.site.T(r))
	if err != nil {
		return err
	}
	return sheet.ServeXLSXBook(w, fmt.Sprintf("统计年报-%s-%d.xlsx", f.OrgCode, year), tabs...)
}

// importBook reads a workbook filled in from book into the form's draft.
// Anything wrong saves nothing: the form comes back with a message per
// bad cell, naming its sheet and row.
func (h *handler) importBook(w http.ResponseWriter, r *http.Request) error {
	id, year, err := h.pathYear(r)
	if err != nil {
		return err
	}
	if _, err := web.ParseForm(w, r, BookMaxBytes+(1<<20)); err != nil {
		return err
	}
	t := h.site.T(r)
	fail := func(status int, msg string, lines []string) error {
		return h.render(w, r, status, nil, nil, nil, msg, nil, lines...)
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		return fail(http.StatusUnprocessableEntity, t("stats.err.no_file"), nil)
	}
	defer file.Close()
	if hdr.Size > BookMaxBytes {
		return fail(http.StatusRequestEntityTooLarge, t("stats.err.file_too_big", BookMaxBytes>>20), nil)
	}
	book, err := sheet.ReadBook(file, BookLimits, BookMaxSheets)
	if err != nil {
		var le *sheet.LimitError
		switch {
		case errors.As(err, &le):
			return fail(http.StatusUnprocessableEntity, t(le.Key, le.Args...), nil)
		case errors.Is(err, sheet.ErrTooManySheets):
			return fail(http.StatusUnprocessableEntity, t("stats.err.sheets", BookMaxSheets), nil)
		default: // not an XLSX file, or one excelize cannot read
			return fail(http.StatusUnprocessableEntity, t("stats.err.not_xlsx"), nil)
		}
	}
	_, errs, err := h.store.Import(r.Context(), id, year, book, actor(r))
	if ve, ok := valid.As(err); ok {
		var lines []string
		ln := lang(r)
		for _, e := range errs {
			lines = append(lines, h.store.BookMessage(ln, t, e))
		}
		return fail(http.StatusUnprocessableEntity, t(ve[0].Key, ve[0].Args...), lines)
	}
	if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "stats.flash.imported")
	return web.Redirect(w, r, formHref(id, year))
}
