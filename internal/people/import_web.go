package people

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"kexie/internal/org"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

// maxUpload is the largest import file the web form accepts; larger
// registers go through `kexie people import`.
const maxUpload = 50 << 20

// ImportPage is the data of the import page and of its result.
type ImportPage struct {
	Form    *web.Form
	Orgs    []org.Org
	Result  *ImportResult
	DryRun  bool
	Report  string // the errors as JSON, posted back to download the report
	Columns []TemplateColumn
}

// TemplateColumn describes a column of the template on the page.
type TemplateColumn struct {
	Header   string
	Hint     string
	Required bool
}

func (h *handler) importPage(r *http.Request, f *web.Form) (ImportPage, error) {
	orgs, _, err := h.orgs.List(r.Context(), org.Filter{Scope: h.scope(r, "people.edit"), Limit: 500})
	if err != nil {
		return ImportPage{}, err
	}
	t := h.site.T(r)
	p := ImportPage{Form: f, Orgs: orgs}
	headers, hints, req := TemplateHeaders()
	for i := range headers {
		p.Columns = append(p.Columns, TemplateColumn{Header: headers[i], Hint: t(hints[i]), Required: req[i]})
	}
	return p, nil
}

func (h *handler) importForm(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	if id := web.IdentityFrom(r.Context()); id != nil {
		f.Values.Set("org_id", strconv.FormatInt(id.CurrentOrgID, 10))
	}
	p, err := h.importPage(r, f)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "people/import.html", "people.title.import", p)
}

// importFile validates (mode "check") or imports (mode "import") the
// uploaded file. The page is stateless: to import after a check, the user
// submits the same file again, and it is validated again.
func (h *handler) importFile(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, maxUpload+1<<20)
	if err != nil {
		var we *web.Error
		if errors.As(err, &we) && we.Status == http.StatusRequestEntityTooLarge {
			return web.Errorf(http.StatusRequestEntityTooLarge, "people.err.too_large", maxUpload>>20)
		}
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	p, err := h.importPage(r, f)
	if err != nil {
		return err
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		f.Errors["file"] = h.site.T(r)("people.err.no_file")
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "people/import.html", "people.title.import", p)
	}
	defer file.Close()
	if hdr.Size > maxUpload {
		f.Errors["file"] = h.site.T(r)("people.err.too_large", maxUpload>>20)
		return h.site.RenderStatus(w, r, http.StatusRequestEntityTooLarge, "people/import.html", "people.title.import", p)
	}
	p.DryRun = f.Get("mode") != "import"
	res, err := h.store.Import(r.Context(), file, hdr.Filename, orgID, p.DryRun, h.site.T(r))
	if err != nil {
		if f.Fail(h.site.T(r), err) {
			return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "people/import.html", "people.title.import", p)
		}
		return err
	}
	p.Result = &res
	status := http.StatusOK
	if len(res.Errors) > 0 {
		status = http.StatusUnprocessableEntity
		b, _ := json.Marshal(res.Errors)
		p.Report = string(b)
	}
	return h.site.RenderStatus(w, r, status, "people/import.html", "people.title.import", p)
}

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
		tab.Rows = append(tab.Rows, []string{row, e.Column, e.Message})
	}
	return sheet.ServeXLSX(w, t("people.report.file")+".xlsx", tab)
}
