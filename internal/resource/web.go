package resource

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// ListPage is the staff list (and, with Public, the public catalogue).
type ListPage struct {
	List      *web.List
	Resources []Resource
	Kind, Out string
	Kinds     []string
	Now       time.Time
	Public    bool
}

func (h *handler) listPage(r *http.Request, scope access.Scope, public bool) (ListPage, []Resource, error) {
	l := web.ParseList(r, "-created", "title", "kind", "created", "due")
	col, desc := l.SortColumn()
	now := time.Now()
	f := Filter{Scope: scope, Public: public, Q: l.Q, Kind: l.Get("kind"), Out: l.Get("out"), Sort: col, Desc: desc,
		Limit: l.PerPage, Offset: l.Offset(), Now: now}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	rs, total, err := h.store.List(r.Context(), f)
	l.Total = total
	return ListPage{List: l, Resources: rs, Kind: f.Kind, Out: f.Out, Kinds: Kinds, Now: now, Public: public}, rs, err
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	p, rs, err := h.listPage(r, h.site.Scope(r, "resource.view"), false)
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("resource.title.list"), Headers: []string{t("resource.f.title"), t("resource.f.kind"), t("resource.f.licence"),
			t("resource.f.org"), t("resource.f.physical"), t("resource.f.borrower"), t("resource.f.due"), t("resource.f.overdue"), t("resource.f.created")}}
		for _, x := range rs {
			row := []string{x.Title, t("resource.kind." + x.Kind), t("resource.licence." + x.Licence), x.OrgName, yes(t, x.Physical), "", "", "", sheet.Date(x.CreatedAt)}
			if x.Loan != nil {
				row[5], row[6], row[7] = x.Loan.BorrowerName, sheet.Date(x.Loan.Due), yes(t, x.Loan.Overdue(p.Now))
			}
			tab.Rows = append(tab.Rows, row)
		}
		return sheet.ServeXLSX(w, t("resource.title.list")+".xlsx", tab)
	}
	return h.site.Render(w, r, "resource/list.html", "resource.title.list", p)
}

func yes(t func(string, ...any) string, b bool) string {
	if b {
		return t("resource.yes")
	}
	return t("resource.no")
}

func (h *handler) catalogue(w http.ResponseWriter, r *http.Request) error {
	p, _, err := h.listPage(r, access.Everywhere(), true)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "resource/catalogue.html", "resource.title.catalogue", p)
}

// FormPage is the new-resource form.
type FormPage struct {
	Form     *web.Form
	Kinds    []string
	Licences []string
}

func (h *handler) newForm(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	f.Values.Set("public", "1")
	if id := web.IdentityFrom(r.Context()); id != nil && id.CurrentOrgID != 0 {
		f.Values.Set("org_id", itoa(id.CurrentOrgID))
	}
	return h.site.Render(w, r, "resource/new.html", "resource.title.new", FormPage{Form: f, Kinds: Kinds, Licences: Licences})
}

func (h *handler) create(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	o, err := h.orgs.FromForm(r.Context(), f.Get("org_id"))
	if err != nil {
		return err
	}
	in := Input{OrgID: o.ID, Kind: f.Get("kind"), Title: f.Get("title"), Summary: f.Get("summary"), Licence: f.Get("licence"),
		Physical: f.Get("physical") == "1", Public: f.Get("public") == "1"}
	if s := web.SubjectFrom(r.Context()); s != nil {
		in.By = s.UserID
	}
	id, err := h.store.Create(r.Context(), in)
	if err == nil {
		h.site.AddFlash(w, r, "ok", "resource.flash.created")
		return web.Redirect(w, r, "/resources/"+itoa(id))
	}
	if !f.Fail(h.site.T(r), err) {
		return err
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "resource/new.html", "resource.title.new", FormPage{Form: f, Kinds: Kinds, Licences: Licences})
}

// ShowPage is one resource with its files and loans.
type ShowPage struct {
	Resource Resource
	Files    []File
	Loans    []Loan
	Form     *web.Form
	Now      time.Time
}

func (h *handler) showPage(r *http.Request, f *web.Form) (ShowPage, error) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	res, err := h.store.Get(r.Context(), id)
	if err != nil {
		return ShowPage{}, err
	}
	p := ShowPage{Resource: res, Form: f, Now: time.Now()}
	if p.Files, err = h.store.Files(r.Context(), id); err != nil {
		return p, err
	}
	p.Loans, err = h.store.Loans(r.Context(), id)
	return p, err
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	p, err := h.showPage(r, web.NewForm())
	if errors.Is(err, ErrNotFound) {
		return web.ErrNotFound
	}
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "resource/show.html", "resource.title.show", p)
}

func (h *handler) fail(w http.ResponseWriter, r *http.Request, f *web.Form, err error) error {
	if !f.Fail(h.site.T(r), err) {
		return err
	}
	p, perr := h.showPage(r, f)
	if perr != nil {
		return perr
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "resource/show.html", "resource.title.show", p)
}

func (h *handler) upload(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, MaxFile+(1<<20))
	if err != nil {
		return err
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	file, hdr, err := r.FormFile("file")
	if err != nil {
		return h.fail(w, r, f, web.Errorf(http.StatusUnprocessableEntity, "resource.err.file_empty"))
	}
	data, err := io.ReadAll(io.LimitReader(file, MaxFile+1))
	file.Close()
	if err != nil {
		return err
	}
	if _, err := h.store.AddFile(r.Context(), id, hdr.Filename, sniff(data), data); err != nil {
		return h.fail(w, r, f, err)
	}
	h.site.AddFlash(w, r, "ok", "resource.flash.file")
	return web.Redirect(w, r, "/resources/"+itoa(id))
}

// sniff names the content type of data from its bytes; MP4 is recognised
// by its "ftyp" box, which http.DetectContentType does not know.
func sniff(data []byte) string {
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		return "video/mp4"
	}
	t, _, _ := strings.Cut(http.DetectContentType(data), ";")
	return t
}

func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, public bool) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	fid, _ := strconv.ParseInt(r.PathValue("file"), 10, 64)
	if public {
		res, err := h.store.Get(r.Context(), id)
		if err != nil || !res.Public {
			return web.ErrNotFound
		}
	}
	f, data, err := h.store.FileData(r.Context(), id, fid)
	if errors.Is(err, ErrNotFound) {
		return web.ErrNotFound
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", f.Mime)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(f.Name))
	_, err = w.Write(data)
	return err
}

func (h *handler) file(w http.ResponseWriter, r *http.Request) error { return h.serveFile(w, r, false) }

func (h *handler) publicFile(w http.ResponseWriter, r *http.Request) error {
	return h.serveFile(w, r, true)
}

func (h *handler) lend(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	in := LoanInput{ResourceID: id, Note: f.Get("note")}
	if s := web.SubjectFrom(r.Context()); s != nil {
		in.By = s.UserID
	}
	// Any org may borrow: the picker lists every org (org.join).
	if v := f.Get("borrower"); v != "" {
		o, err := h.orgs.FromForm(r.Context(), v)
		if err != nil {
			return h.fail(w, r, f, web.Errorf(http.StatusUnprocessableEntity, "orgpick.err.unknown", v))
		}
		in.BorrowerID = o.ID
	}
	if d, err := time.ParseInLocation("2006-01-02", f.Get("due"), calendar.Beijing); err == nil {
		in.Due = d.Add(24*time.Hour - time.Second) // the end of the due day
	}
	if _, err := h.store.Lend(r.Context(), in); err != nil {
		return h.fail(w, r, f, err)
	}
	h.site.AddFlash(w, r, "ok", "resource.flash.lent")
	return web.Redirect(w, r, "/resources/"+itoa(id))
}

func (h *handler) giveBack(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<12)
	if err != nil {
		return err
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err := h.store.Return(r.Context(), id); err != nil {
		return h.fail(w, r, f, err)
	}
	h.site.AddFlash(w, r, "ok", "resource.flash.returned")
	return web.Redirect(w, r, "/resources/"+itoa(id))
}
