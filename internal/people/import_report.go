package people

import (
	"encoding/json"
	"net/http"
	"strconv"

	"kexie/internal/jobs"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

// template sends the import template: the headers, a sample row, and a
// second sheet explaining each column.
func (h *handler) template(w http.ResponseWriter, r *http.Request) error {
	t := h.site.T(r)
	headers, hints, req := TemplateHeaders()
	tab := sheet.Table{Sheet: t("people.template.sheet"), Headers: headers}
	notes := sheet.Table{Sheet: t("people.template.notes"), Headers: []string{t("people.template.column"), t("people.template.required"), t("people.template.hint")}}
	for i := range headers {
		must := ""
		if req[i] {
			must = t("people.template.yes")
		}
		notes.Rows = append(notes.Rows, []string{headers[i], must, t(hints[i])})
	}
	return sheet.ServeXLSXBook(w, t("people.template.file")+".xlsx", tab, notes)
}

// report turns the errors of a checked file (posted back as JSON) into an
// XLSX the office can work through.
func (h *handler) report(w http.ResponseWriter, r *http.Request) error {
	var errs []ImportError
	if err := json.Unmarshal([]byte(r.PostFormValue("errors")), &errs); err != nil || len(errs) > maxImportErrors {
		return web.ErrBadRequest
	}
	t := h.site.T(r)
	tab := sheet.Table{Sheet: t("people.report.sheet"), Headers: []string{t("people.report.row"), t("people.report.column"), t("people.report.message")}}
	for _, e := range errs {
		row := ""
		if e.Row > 0 {
			row = strconv.Itoa(e.Row)
		}
		e.Args = jobs.NormalizeArgs(e.Args)
		tab.Rows = append(tab.Rows, []string{row, e.Column, e.Text(t)})
	}
	return sheet.ServeXLSX(w, t("people.report.file")+".xlsx", tab)
}
