package people

import (
	"net/http"

	"kexie/internal/web"
)

// DeletePage is the data of the page confirming a person's deletion.
type DeletePage struct {
	Person Person
	Form   *web.Form
}

// deleteForm asks for a reason and a confirmation before the erasure.
func (h *handler) deleteForm(w http.ResponseWriter, r *http.Request) error {
	p, err := h.personFromPath(r)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "people/delete.html", "people.title.delete", DeletePage{Person: p, Form: web.NewForm()})
}

// delete erases the person (person_delete.go). The confirmation box must
// be ticked: a deletion cannot be undone.
func (h *handler) delete(w http.ResponseWriter, r *http.Request) error {
	p, err := h.personFromPath(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	if f.Get("confirm") != "yes" {
		err = validConfirm()
	} else {
		err = h.store.Delete(r.Context(), p.ID, f.Get("reason"))
	}
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "people/delete.html", "people.title.delete", DeletePage{Person: p, Form: f})
	}
	h.site.AddFlash(w, r, "ok", "people.flash.deleted")
	return web.Redirect(w, r, "/people")
}
