package people

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/web"
)

// maxUpload is the largest import file the web form accepts: a CSV of
// 1M people with every template column is ~150 MB (streamed to the
// uploads folder, then imported as a job); larger registers go through
// `kexie people import`.
const maxUpload = 160 << 20

// ImportPage is the data of the import page and of its result.
type ImportPage struct {
	Form      *web.Form
	Result    *ImportResult
	Errors    []ErrorLine // Result.Errors, translated
	DryRun    bool
	Report    string // the errors as JSON, posted back to download the report
	Columns   []TemplateColumn
	Job       *ImportJob // a large file's import queued, running or run in the background
	JobStatus string     // the job's state, translated
	CanCancel bool
}

// ErrorLine is an import error as the page shows it.
type ErrorLine struct {
	Row     int
	Column  string
	Message string
}

// importJobBytes is the upload size from which the check or import runs as
// a background job whose progress the page polls.
var importJobBytes int64 = 2 << 20

// isZip reports whether an upload is an XLSX (a zip): its size says
// nothing of the work it holds, so it always runs as a job, where the
// per-node and per-user caps bound how many run at once. A CSV's work
// follows its size, so a small one is imported in the request.
func isZip(f io.ReadSeeker) bool {
	var sig [4]byte
	n, _ := io.ReadFull(f, sig[:])
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return true // unreadable again here: let the job deal with it
	}
	return n == 4 && string(sig[:]) == "PK\x03\x04"
}

// TemplateColumn describes a column of the template on the page.
type TemplateColumn struct {
	Header   string
	Hint     string
	Required bool
}

func (h *handler) importPage(r *http.Request, f *web.Form) (ImportPage, error) {
	t := h.site.T(r)
	p := ImportPage{Form: f} // the org: the org picker, scoped to people.edit
	headers, hints, req := TemplateHeaders()
	for i := range headers {
		p.Columns = append(p.Columns, TemplateColumn{Header: headers[i], Hint: t(hints[i]), Required: req[i]})
	}
	return p, nil
}

// showResult puts an import's result on the page, its errors translated
// and, for the report, as JSON (codes and arguments).
func (h *handler) showResult(r *http.Request, p *ImportPage, res *ImportResult) {
	p.Result = res
	if res == nil || len(res.Errors) == 0 {
		return
	}
	t := h.site.T(r)
	for _, e := range res.Errors {
		p.Errors = append(p.Errors, ErrorLine{Row: e.Row, Column: e.Column, Message: e.Text(t)})
	}
	b, _ := json.Marshal(res.Errors)
	p.Report = string(b)
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
	if h.store.imp != nil && (hdr.Size >= importJobBytes || isZip(file)) {
		var userID int64
		if sub := web.SubjectFrom(r.Context()); sub != nil {
			userID = sub.UserID
		}
		id, err := h.store.EnqueueImport(r.Context(), file, hdr.Filename, orgID, userID, p.DryRun)
		if err != nil {
			return err
		}
		return web.Redirect(w, r, "/people/import/jobs/"+strconv.FormatInt(id, 10))
	}
	res, err := h.store.Import(r.Context(), file, hdr.Filename, orgID, p.DryRun)
	if err != nil {
		if f.Fail(h.site.T(r), err) {
			return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "people/import.html", "people.title.import", p)
		}
		return err
	}
	h.showResult(r, &p, &res)
	status := http.StatusOK
	if len(res.Errors) > 0 {
		status = http.StatusUnprocessableEntity
	} else if !p.DryRun {
		web.KeepOnce(r) // imported, answered with the result: the same form again is 409 (a dry run's may be sent on)
	}
	return h.site.RenderStatus(w, r, status, "people/import.html", "people.title.import", p)
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

// mayCancel reports whether the caller may cancel j: the user who started
// it, or an administrator of its org.
func (h *handler) mayCancel(r *http.Request, j ImportJob) bool {
	sub := web.SubjectFrom(r.Context())
	if sub == nil || j.Done() || j.CancelRequested {
		return false
	}
	return (j.UserID != 0 && sub.UserID == j.UserID) ||
		h.site.Policy.Scope(sub, access.Action("jobs.cancel")).Contains(j.OrgPath)
}

// importJob shows a job: queued or its progress while it runs (kexie.js
// polls the status and reloads the page at the end), then the same result
// or errors as an import of a small file.
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
	t := h.site.T(r)
	p.Job, p.DryRun, p.CanCancel = &j, j.DryRun, h.mayCancel(r, j)
	p.JobStatus = t("people.import.phase_" + string(j.State))
	switch {
	case j.State == "failed" || j.State == "cancelled":
		f.Message = t("people.import.job_" + string(j.State))
		if j.ErrorCode != "" && j.ErrorCode != "jobs.err.cancelled" {
			f.Message += " " + t(j.ErrorCode, j.ErrorArgs...)
		}
	default:
		h.showResult(r, &p, j.Result)
	}
	return h.site.Render(w, r, "people/import.html", "people.title.import", p)
}

// cancelJob asks the job to stop and goes back to its page.
func (h *handler) cancelJob(w http.ResponseWriter, r *http.Request) error {
	j, err := h.loadJob(r)
	if err != nil {
		return err
	}
	if !h.mayCancel(r, j) {
		return web.ErrForbidden
	}
	if _, err := h.store.CancelImport(r.Context(), j.ID); err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "people.import.cancel_requested")
	return web.Redirect(w, r, "/people/import/jobs/"+strconv.FormatInt(j.ID, 10))
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
	return json.NewEncoder(w).Encode(JobStatus{Phase: string(j.State), PhaseLabel: h.site.T(r)("people.import.phase_" + string(j.State)),
		Rows: j.Rows, Fraction: j.Fraction(), Done: j.Done()})
}
