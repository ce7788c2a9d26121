package org

import (
	"net/http"
	"strconv"

	"kexie/internal/valid"
	"kexie/internal/web"
)

// DisablePage is the data of the page confirming that an org is disabled.
type DisablePage struct {
	Org    Org
	Status Status
	Form   *web.Form
}

func (h *handler) disablePage(w http.ResponseWriter, r *http.Request, f *web.Form, status int) error {
	o, err := h.orgFromPath(r)
	if err != nil {
		return err
	}
	st, err := h.store.Status(r.Context(), o.ID)
	if err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, status, "org/disable.html", "org.title.disable", DisablePage{Org: o, Status: st, Form: f})
}

func (h *handler) disableForm(w http.ResponseWriter, r *http.Request) error {
	return h.disablePage(w, r, web.NewForm(), http.StatusOK)
}

// disable switches the org off; with enabled orgs below it, only when the
// form confirms that they go too.
func (h *handler) disable(w http.ResponseWriter, r *http.Request) error {
	o, err := h.orgFromPath(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 4<<10)
	if err != nil {
		return err
	}
	n, err := h.store.Disable(r.Context(), o.ID, f.Get("subtree") == "yes")
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.disablePage(w, r, f, http.StatusUnprocessableEntity)
	}
	h.site.AddFlash(w, r, "ok", "org.flash.disabled", o.Name, n)
	return web.Redirect(w, r, "/orgs/"+strconv.FormatInt(o.ID, 10))
}

func (h *handler) enable(w http.ResponseWriter, r *http.Request) error {
	o, err := h.orgFromPath(r)
	if err != nil {
		return err
	}
	if _, err := web.ParseForm(w, r, 4<<10); err != nil {
		return err
	}
	if err := h.store.Enable(r.Context(), o.ID); err != nil {
		list, ok := valid.As(err)
		if !ok {
			return err
		}
		h.site.AddFlash(w, r, "error", list[0].Key)
	} else {
		h.site.AddFlash(w, r, "ok", "org.flash.enabled", o.Name)
	}
	return web.Redirect(w, r, "/orgs/"+strconv.FormatInt(o.ID, 10))
}
