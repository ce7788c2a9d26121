package plan

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/web"
)

// maxDocument is the largest plan document accepted (plans are tens of kB
// as text; a PDF with pictures can be a few MB).
const maxDocument = 20 << 20

// ingestUpload reads an uploaded plan's text (Ingest; a test stands a
// faulty reader in its place).
var ingestUpload = Ingest

// upload reads a plan document and saves what it holds as a draft.
func (h *handler) upload(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, maxDocument+1<<20)
	if err != nil {
		return err
	}
	t := h.site.T(r)
	fail := func(key string, args ...any) error {
		f.Errors["file"] = t(key, args...)
		p, err := h.listPage(r, f)
		if err != nil {
			return err
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "plan/list.html", "plan.title", p)
	}
	var text, name string
	var data []byte
	if file, hdr, ferr := r.FormFile("file"); ferr == nil {
		defer file.Close()
		if hdr.Size > maxDocument {
			return fail("plan.err.too_large", maxDocument>>20)
		}
		data, err = io.ReadAll(io.LimitReader(file, maxDocument+1))
		if err != nil {
			return err
		}
		name = hdr.Filename
		text, err = DocumentText(r.Context(), hdr.Filename, data)
	} else if pasted := strings.TrimSpace(f.Get("text")); pasted != "" {
		// Text pasted in the form (a web page's text or its HTML).
		name, data = "pasted.txt", []byte(pasted)
		text, err = PastedText(pasted)
	} else {
		return fail("plan.err.no_file")
	}
	switch {
	case errors.Is(err, ErrFormat):
		return fail("plan.err.format")
	case errors.Is(err, ErrOldFormat):
		return fail("plan.err.old_format")
	case errors.Is(err, ErrTextEncoding):
		return fail("plan.err.encoding")
	case errors.Is(err, ErrPDFNoText):
		return fail("plan.err.pdf_scanned")
	case errors.Is(err, ErrNoPDFTool):
		return fail("plan.err.pdf_tool")
	case errors.Is(err, ErrBadPDF):
		return fail("plan.err.bad_pdf")
	case errors.Is(err, ErrHTMLNavigation):
		return fail("plan.err.html_nav")
	case errors.Is(err, ErrTextTooLarge):
		return fail("plan.err.text_too_large", MaxText>>20)
	case err != nil:
		return fail("plan.err.bad_docx")
	}
	doc, err := ingestUpload(strings.NewReader(text))
	if errors.Is(err, ErrNoStructure) {
		return fail("plan.err.no_structure")
	}
	if errors.Is(err, ErrTextTooLarge) {
		return fail("plan.err.text_too_large", MaxText>>20)
	}
	if errors.Is(err, ErrExtractorFault) {
		// a bug of the extractor, not of the document: the operator hears of it
		slog.Error("plan: the extractor failed on an upload", "file", name, "bytes", len(data), "err", err)
		return fail("plan.err.fault")
	}
	if err != nil {
		return fail("plan.err.unreadable")
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	id, err := h.store.Save(r.Context(), orgID, doc, name, text, data)
	if err != nil {
		if f.Fail(t, err) {
			p, perr := h.listPage(r, f)
			if perr != nil {
				return perr
			}
			return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "plan/list.html", "plan.title", p)
		}
		return err
	}
	h.site.AddFlash(w, r, "ok", "plan.flash.saved", len(doc.Targets()))
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d", id))
}
