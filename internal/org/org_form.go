package org

import (
	"errors"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/web"
)

// FormPage is the data of the create, edit and move forms.
type FormPage struct {
	Form   *web.Form
	Org    Org // the org being edited or moved (zero when creating)
	Parent Org // the parent of a new org
	Types  []TypeOption
}

func (h *handler) formPage(r *http.Request, f *web.Form) FormPage {
	t := h.site.T(r)
	p := FormPage{Form: f}
	for _, ty := range Types() {
		p.Types = append(p.Types, TypeOption{Value: string(ty), Label: t(ty.Label()), Selected: f.Value("type") == string(ty)})
	}
	return p
}

func input(f *web.Form) Input {
	return Input{Code: f.Get("code"), Name: f.Get("name"), ShortName: f.Get("short_name"), Type: Type(f.Get("type")),
		RegionCode: f.Get("region_code"), Note: f.Get("note")}
}

func (h *handler) newForm(w http.ResponseWriter, r *http.Request) error {
	pid, _ := strconv.ParseInt(r.URL.Query().Get("parent"), 10, 64)
	parent, err := h.store.Get(r.Context(), pid)
	if err != nil {
		return err
	}
	f := web.NewForm()
	f.Values.Set("parent_id", strconv.FormatInt(parent.ID, 10))
	f.Values.Set("type", string(TypeSociety))
	p := h.formPage(r, f)
	p.Parent = parent
	return h.site.Render(w, r, "org/form.html", "org.title.new", p)
}

func (h *handler) create(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	pid, _ := strconv.ParseInt(f.Get("parent_id"), 10, 64)
	parent, err := h.store.Get(r.Context(), pid)
	if err != nil {
		return err
	}
	in := input(f)
	in.ParentID = parent.ID
	o, err := h.store.Create(r.Context(), in)
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p := h.formPage(r, f)
		p.Parent = parent
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "org/form.html", "org.title.new", p)
	}
	h.site.AddFlash(w, r, "ok", "org.flash.created", o.Name)
	return web.Redirect(w, r, "/orgs/"+strconv.FormatInt(o.ID, 10))
}

func (h *handler) orgFromPath(r *http.Request) (Org, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return Org{}, web.ErrNotFound
	}
	return h.store.Get(r.Context(), id)
}

func (h *handler) editForm(w http.ResponseWriter, r *http.Request) error {
	o, err := h.orgFromPath(r)
	if err != nil {
		return err
	}
	f := web.NewForm()
	for k, v := range map[string]string{"code": o.Code, "name": o.Name, "short_name": o.ShortName, "type": string(o.Type),
		"region_code": o.RegionCode, "note": o.Note} {
		f.Values.Set(k, v)
	}
	p := h.formPage(r, f)
	p.Org = o
	return h.site.Render(w, r, "org/form.html", "org.title.edit", p)
}

func (h *handler) update(w http.ResponseWriter, r *http.Request) error {
	o, err := h.orgFromPath(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	if _, err := h.store.Update(r.Context(), o.ID, input(f)); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p := h.formPage(r, f)
		p.Org = o
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "org/form.html", "org.title.edit", p)
	}
	h.site.AddFlash(w, r, "ok", "org.flash.updated")
	return web.Redirect(w, r, "/orgs/"+strconv.FormatInt(o.ID, 10))
}

func (h *handler) moveForm(w http.ResponseWriter, r *http.Request) error {
	o, err := h.orgFromPath(r)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "org/move.html", "org.title.move", FormPage{Form: web.NewForm(), Org: o})
}

func (h *handler) move(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	o, err := h.orgFromPath(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	fail := func(status int, key string, args ...any) error {
		f.Errors["parent_code"] = h.site.T(r)(key, args...)
		return h.site.RenderStatus(w, r, status, "org/move.html", "org.title.move", FormPage{Form: f, Org: o})
	}
	code := f.Get("parent_code")
	if code == "" {
		return fail(http.StatusUnprocessableEntity, "org.err.parent_code_required")
	}
	np, err := h.store.FromForm(ctx, code) // the picker sends a code; a unique name does too
	if errors.Is(err, db.ErrNotFound) {
		return fail(http.StatusUnprocessableEntity, "org.err.parent_code_unknown", code)
	}
	if err != nil {
		return err
	}
	// Moving needs the right at both ends: where the org is (the route rule)
	// and where it goes. The form still says why.
	if !h.canAt(r, access.Action("org.move"), np) {
		return fail(http.StatusForbidden, "org.err.parent_forbidden")
	}
	if err := h.store.Move(ctx, o.ID, np.ID); err != nil {
		if key, ok := validErr(err); ok {
			return fail(http.StatusUnprocessableEntity, key)
		}
		return err
	}
	h.site.AddFlash(w, r, "ok", "org.flash.moved", o.Name, np.Name)
	return web.Redirect(w, r, "/orgs/"+strconv.FormatInt(o.ID, 10))
}
