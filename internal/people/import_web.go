package people

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"

	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

// maxUpload is the largest import file the web form accepts: a CSV of
// 1M people with every template column is ~150 MB (streamed to a
// temporary file, then imported as a job); larger registers go through
// `kexie people import`.
const maxUpload = 160 << 20

// ImportPage is the data of the import page and of its result.
type ImportPage struct {
	Form    *web.Form
	Orgs    []org.Org
	Result  *ImportResult
	DryRun  bool
	Report  string // the errors as JSON, posted back to download the report
	Columns []TemplateColumn
	Job     *ImportJob // a large file's import running (or run) in the background
}

// importJobBytes is the upload size from which the check or import runs as
// a background job whose progress the page polls.
var importJobBytes int64 = 2 << 20

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
	if hdr.Size >= importJobBytes {
		return h.startJob(w, r, file, hdr.Filename, orgID, p.DryRun)
	}
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

// startJob saves the upload (net/http removes its own copy when the
// handler returns) and runs its import as a job, then sends the browser to
// the job's page.
func (h *handler) startJob(w http.ResponseWriter, r *http.Request, file io.Reader, name string, orgID int64, dryRun bool) error {
	tmp, err := os.CreateTemp("", "kexie-import-*")
	if err != nil {
		return fmt.Errorf("people: save upload: %w", err)
	}
	if _, err := io.Copy(tmp, file); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("people: save upload: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("people: save upload: %w", err)
	}
	var userID int64
	if sub := web.SubjectFrom(r.Context()); sub != nil {
		userID = sub.UserID
	}
	id, err := h.store.StartImportJob(r.Context(), tmp.Name(), name, orgID, userID, dryRun, h.site.T(r))
	if err != nil {
		return err
	}
	return web.Redirect(w, r, "/people/import/jobs/"+strconv.FormatInt(id, 10))
}

func (h *handler) loadJob(r *http.Request) (ImportJob, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return ImportJob{}, web.ErrNotFound
	}
	j, err := h.store.ImportJob(r.Context(), id)
	if errors.Is(err, db.ErrNotFound) {
		return j, web.ErrNotFound
	}
	return j, err
}

// importJob shows a job: its progress while it runs (kexie.js polls the
// status and reloads the page at the end), then the same result or errors
// as an import of a small file.
func (h *handler) importJob(w http.ResponseWriter, r *http.Request) error {
	j, err := h.loadJob(r)
	if err != nil {
		return err
	}
	f := web.NewForm()
	f.Values.Set("org_id", strconv.FormatInt(j.OrgID, 10))
	p, err := h.importPage(r, f)
	if err != nil {
		return err
	}
	p.Job, p.DryRun, p.Result = &j, j.DryRun, j.Result
	switch {
	case j.Phase == JobFailed || j.Phase == JobInterrupted:
		f.Message = h.site.T(r)("people.import.job_" + j.Phase)
	case j.Result != nil && len(j.Result.Errors) > 0:
		b, _ := json.Marshal(j.Result.Errors)
		p.Report = string(b)
	}
	return h.site.Render(w, r, "people/import.html", "people.title.import", p)
}

// JobStatus is the JSON the import page polls.
type JobStatus struct {
	Phase      string  `json:"phase"`
	PhaseLabel string  `json:"phase_label"`
	Rows       int     `json:"rows"`
	Fraction   float64 `json:"fraction"`
	Done       bool    `json:"done"`
}

func (h *handler) importJobStatus(w http.ResponseWriter, r *http.Request) error {
	j, err := h.loadJob(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(JobStatus{Phase: j.Phase, PhaseLabel: h.site.T(r)("people.import.phase_" + j.Phase),
		Rows: j.Rows, Fraction: j.Fraction(), Done: j.Done()})
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
