package voice

import (
	"net/http"
	"strconv"

	"kexie/internal/web"
)

// MinePage lists the items a member filed while signed in.
type MinePage struct {
	Items []Item
}

func (h *handler) mine(w http.ResponseWriter, r *http.Request) error {
	items, err := h.store.Mine(r.Context(), actor(r).UserID, 200)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "voice/mine.html", "voice.title.mine", MinePage{Items: items})
}

// MineItemPage is one of the member's own items.
type MineItemPage struct {
	Form   *web.Form
	Filer  *FilerView
	Events []Event // Filer.Events, for the shared partial
}

// own returns the item in the path when the signed-in user filed it; any
// other is not found.
func (h *handler) own(r *http.Request) (Item, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return Item{}, err
	}
	it, err := h.store.Item(r.Context(), id)
	if err != nil {
		return it, err
	}
	if it.FilerUser == 0 || it.FilerUser != actor(r).UserID {
		return it, web.ErrNotFound
	}
	return it, nil
}

func (h *handler) renderMine(w http.ResponseWriter, r *http.Request, f *web.Form, status int) error {
	it, err := h.own(r)
	if err != nil {
		return err
	}
	evs, err := h.store.Events(r.Context(), it.ID, false)
	if err != nil {
		return err
	}
	base := "/voice/mine/" + strconv.FormatInt(it.ID, 10)
	fv := filerView(it, evs)
	fv.RateAction, fv.ReopenAction = base+"/rate", base+"/reopen"
	return h.site.RenderStatus(w, r, status, "voice/mine_item.html", "voice.title.item", MineItemPage{Form: f, Filer: fv, Events: fv.Events})
}

func (h *handler) mineItem(w http.ResponseWriter, r *http.Request) error {
	return h.renderMine(w, r, web.NewForm(), http.StatusOK)
}

// mineStep runs a member's rating or reopening of their own item.
func (h *handler) mineStep(w http.ResponseWriter, r *http.Request, step func(id int64, f *web.Form, by Filer) error, done string) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	it, err := h.own(r)
	if err != nil {
		return err
	}
	a := actor(r)
	if err := step(it.ID, f, Filer{UserID: a.UserID, Name: a.Name}); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.renderMine(w, r, f, http.StatusUnprocessableEntity)
	}
	h.site.AddFlash(w, r, "ok", done)
	return web.Redirect(w, r, "/voice/mine/"+strconv.FormatInt(it.ID, 10))
}

func (h *handler) mineRate(w http.ResponseWriter, r *http.Request) error {
	return h.mineStep(w, r, func(id int64, f *web.Form, by Filer) error { return h.store.Rate(r.Context(), id, f.Get("rating"), by) }, "voice.flash.rated")
}

func (h *handler) mineReopen(w http.ResponseWriter, r *http.Request) error {
	return h.mineStep(w, r, func(id int64, f *web.Form, by Filer) error {
		return h.store.Reopen(r.Context(), id, f.Value("reason"), by)
	}, "voice.flash.reopened")
}
