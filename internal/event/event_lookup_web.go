package event

import (
	"net/http"
	"strconv"
	"time"

	"kexie/internal/web"
)

// lookup answers the event picker (a volunteer post's event): GET
// /events/lookup?q=…&action=…&offset=… lists the events inside the
// caller's scope for action (default event.view; the post form asks for
// volunteer.manage, D189) matching q, with date and org, as web.PickPage.
// The form's server checks the picked ID again.
func (h *handler) lookup(w http.ResponseWriter, r *http.Request) error {
	pq, err := web.ParsePick(r, "event.view")
	if err != nil {
		return err
	}
	list, total, err := h.store.Find(r.Context(), h.site.Scope(r, pq.Action), pq.Q, time.Now(), pq.Limit, pq.Offset)
	if err != nil {
		return err
	}
	hits := make([]web.PickHit, 0, len(list))
	for _, e := range list {
		id := strconv.FormatInt(e.ID, 10)
		when := e.StartsAt.In(beijing).Format("2006-01-02 15:04")
		hits = append(hits, web.PickHit{ID: id, Code: id, Name: e.Title, Path: when + " · " + e.OrgName})
	}
	return web.WritePick(w, hits, total, pq.Offset)
}
