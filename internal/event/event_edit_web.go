package event

import (
	"fmt"
	"net/http"

	"kexie/internal/web"
)

// update corrects an event's details from the form on its page.
func (h *handler) update(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	venueID, err := h.store.venueFromForm(r.Context(), f.Get("venue_id"))
	if err == nil {
		err = h.store.Update(r.Context(), id, Input{VenueID: venueID, Title: f.Get("title"), Kind: f.Get("kind"), Audience: f.Get("audience"),
			Place: f.Get("place"), StartsAt: parseLocal(f.Get("starts_at")), EndsAt: parseLocal(f.Get("ends_at"))})
	}
	if f.Fail(h.site.T(r), err) {
		p, perr := h.showPage(r, id, nil)
		if perr != nil {
			return perr
		}
		p.Edit = f
		if p.VenueLabel, perr = h.store.VenueLabel(r.Context(), f.Get("venue_id"), p.Event.VenueID); perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "event/show.html", "event.title.show", p)
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "event.flash.updated")
	return web.Redirect(w, r, fmt.Sprintf("/events/%d", id))
}
