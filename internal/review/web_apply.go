package review

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"

	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// ApplyPage is the apply form of a call for the signed-in user.
type ApplyPage struct {
	Call     Call
	Schema   Schema
	App      Application
	HasApp   bool
	Form     *web.Form
	Editable bool
	Rows     []int   // row indexes shown for table fields
	Unit     org.Ref // the applying unit (calls whose applicants are units)
	PickUnit bool    // a unit call opened without a unit: choose one first
}

// FieldsView is what the "review-fields" partial renders.
func (p ApplyPage) FieldsView() FieldsView {
	return FieldsView{Schema: p.Schema, Form: p.Form, Rows: p.Rows}
}

// FieldsView is a form's questions with the values to show in them: the
// apply page, and the builder's preview.
type FieldsView struct {
	Schema Schema
	Form   *web.Form
	Rows   []int // row indexes shown for table fields
}

// MB shows a byte limit in megabytes.
func (FieldsView) MB(n int64) string { return fmtNum(float64(n) / (1 << 20)) }

func (h *handler) applyPage(r *http.Request, id int64, f *web.Form) (ApplyPage, error) {
	c, err := h.store.Call(r.Context(), id)
	if err != nil {
		return ApplyPage{}, err
	}
	if c.Status == CallDraft {
		return ApplyPage{}, web.ErrNotFound
	}
	p := ApplyPage{Call: c, Form: f}
	if c.ApplicantKind == Unit {
		v := f.Get("unit_id")
		if v == "" {
			v = r.URL.Query().Get("unit")
		}
		if p.Unit, err = h.unit(r, v); err != nil {
			p.PickUnit = true
			if v != "" {
				f.Errors["unit"] = h.site.T(r)("review.err.unit_scope")
			}
			return p, nil
		}
		f.Values.Set("unit_id", strconv.FormatInt(p.Unit.ID, 10))
		p.App, err = h.store.UnitApplication(r.Context(), id, p.Unit.ID, h.scope(r, "review.unit"))
	} else {
		p.App, err = h.store.Mine(r.Context(), id, userID(r))
	}
	switch {
	case err == nil:
		p.HasApp = true
	case !errors.Is(err, db.ErrNotFound):
		return p, err
	}
	version := 0
	if p.HasApp && p.App.Status != AppDraft && p.App.Status != AppReturned {
		version = p.App.FormVersion
	}
	if p.Schema, _, err = h.store.Form(r.Context(), id, version); err != nil {
		return p, err
	}
	p.Editable = (!p.HasApp || p.App.Status == AppDraft || p.App.Status == AppReturned) && (c.Accepting(h.store.db.Now()) || p.App.Status == AppReturned)
	if p.HasApp && f.Get("title") == "" && f.Get("action") == "" {
		fill(f, p.App, p.Schema)
	}
	n := 3
	for _, v := range p.App.Answers {
		if len(v.Rows) >= n {
			n = min(len(v.Rows)+1, 50)
		}
	}
	p.Rows = make([]int, n)
	for i := range p.Rows {
		p.Rows[i] = i
	}
	return p, nil
}

// fill puts saved answers into the form's values for re-rendering.
func fill(f *web.Form, a Application, sc Schema) {
	f.Values.Set("title", a.Title)
	if a.RecommenderID != 0 {
		f.Values.Set("recommender_id", strconv.FormatInt(a.RecommenderID, 10))
	}
	for _, fd := range sc.Fields {
		v := a.Answers[fd.Key]
		switch fd.Type {
		case Multi:
			f.Values["f."+fd.Key] = v.L
		case Table:
			for i, row := range v.Rows {
				for k, x := range row {
					f.Values.Set("f."+fd.Key+"."+strconv.Itoa(i)+"."+k, x)
				}
			}
		case File:
			if v.F != nil {
				f.Values.Set("f."+fd.Key+".name", v.F.Name)
			}
		default:
			f.Values.Set("f."+fd.Key, v.S)
		}
	}
}

func (h *handler) applyForm(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	p, err := h.applyPage(r, id, web.NewForm())
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "review/apply.html", "review.title.apply", p)
}

// answers reads the form's answers against the schema; uploaded files are
// stored by content hash, files not sent again keep their saved answer.
func (h *handler) answers(r *http.Request, f *web.Form, sc Schema, old Answers) (Answers, error) {
	out := Answers{}
	for _, fd := range sc.Fields {
		key := "f." + fd.Key
		switch fd.Type {
		case Multi:
			if v := f.Values[key]; len(v) > 0 {
				out[fd.Key] = Answer{L: v}
			}
		case Table:
			var rows []map[string]string
			for i := 0; i < 50; i++ {
				row := map[string]string{}
				for _, c := range fd.Columns {
					if v := f.Get(key + "." + strconv.Itoa(i) + "." + c.Key); v != "" {
						row[c.Key] = v
					}
				}
				if len(row) > 0 {
					rows = append(rows, row)
				}
			}
			if len(rows) > 0 {
				out[fd.Key] = Answer{Rows: rows}
			}
		case File:
			ref, err := h.saveFile(r, key)
			if err != nil {
				return nil, err
			}
			if ref == nil {
				ref = old[fd.Key].F
			}
			if ref != nil {
				out[fd.Key] = Answer{F: ref}
			}
		default:
			if v := f.Get(key); v != "" {
				out[fd.Key] = Answer{S: v}
			}
		}
	}
	return out, nil
}

func (h *handler) saveFile(r *http.Request, key string) (*FileRef, error) {
	if r.MultipartForm == nil || len(r.MultipartForm.File[key]) == 0 {
		return nil, nil
	}
	fh := r.MultipartForm.File[key][0]
	if fh.Size == 0 {
		return nil, nil
	}
	src, err := fh.Open()
	if err != nil {
		return nil, fmt.Errorf("review: upload: %w", err)
	}
	defer src.Close()
	if err := os.MkdirAll(h.cfg.Uploads, 0o700); err != nil {
		return nil, fmt.Errorf("review: upload: %w", err)
	}
	tmp, err := os.CreateTemp(h.cfg.Uploads, "up-*")
	if err != nil {
		return nil, fmt.Errorf("review: upload: %w", err)
	}
	defer os.Remove(tmp.Name())
	hash := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, hash), src)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("review: upload: %w", err)
	}
	sum := hex.EncodeToString(hash.Sum(nil))
	if err := os.Rename(tmp.Name(), filepath.Join(h.cfg.Uploads, sum)); err != nil {
		return nil, fmt.Errorf("review: upload: %w", err)
	}
	return &FileRef{Name: filepath.Base(fh.Filename), Size: n, SHA256: sum}, nil
}

func (h *handler) apply(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 60<<20)
	if err != nil {
		return err
	}
	sc, _, err := h.store.Form(r.Context(), id, 0)
	if err != nil {
		return err
	}
	c, err := h.store.Call(r.Context(), id)
	if err != nil {
		return err
	}
	units := h.scope(r, "review.unit")
	unitID, _ := strconv.ParseInt(f.Get("unit_id"), 10, 64)
	var old Answers
	if c.ApplicantKind == Unit {
		if a, err := h.store.UnitApplication(r.Context(), id, unitID, units); err == nil {
			old = a.Answers
		}
	} else if a, err := h.store.Mine(r.Context(), id, userID(r)); err == nil {
		old = a.Answers
	}
	answers, err := h.answers(r, f, sc, old)
	if err != nil {
		return err
	}
	rec, err := h.orgID(r, f.Get("recommender_id"))
	if err != nil {
		return err
	}
	var a Application
	if rec == 0 && f.Get("recommender_id") != "" {
		err = valid.New("recommender_id", "orgpick.err.unknown", f.Get("recommender_id"))
	} else {
		a, err = h.store.SaveDraft(r.Context(), Draft{CallID: id, UserID: userID(r), Title: f.Get("title"), RecommenderID: rec,
			UnitID: unitID, Scope: units, Answers: answers})
	}
	flash := "review.flash.saved"
	if err == nil && f.Get("action") == "submit" {
		_, err = h.store.SubmitUnit(r.Context(), a.ID, userID(r), units)
		flash = "review.flash.submitted"
	}
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p, perr := h.applyPage(r, id, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "review/apply.html", "review.title.apply", p)
	}
	h.site.AddFlash(w, r, "ok", flash)
	return web.Redirect(w, r, "/review/mine")
}

// MinePage lists the user's applications with their status.
type MinePage struct {
	Apps    []Application
	Calls   map[int64]Call
	Notices []Notice
}

func (h *handler) mine(w http.ResponseWriter, r *http.Request) error {
	apps, calls, err := h.store.MyApplications(r.Context(), userID(r), h.scope(r, "review.unit"))
	if err != nil {
		return err
	}
	notices, err := h.store.Notices(r.Context(), userID(r), 5)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "review/mine.html", "review.title.mine", MinePage{Apps: apps, Calls: calls, Notices: notices})
}

// Checked reports whether option opt of multiple-choice field key is chosen.
func (p FieldsView) Checked(key, opt string) bool {
	for _, v := range p.Form.Values["f."+key] {
		if v == opt {
			return true
		}
	}
	return false
}
