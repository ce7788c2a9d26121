package venue

import (
	"net/http"
	"strconv"

	"kexie/internal/web"
)

// lookup answers the venue picker (the event form's venue): GET
// /venues/lookup?q=…&action=…&offset=… lists the venues in service that
// match q, those in the caller's scope for action (default venue.view)
// first, twenty at a time, as web.PickPage. It answers any signed-in user:
// what it tells is what the public venue pages tell.
func (h *handler) lookup(w http.ResponseWriter, r *http.Request) error {
	pq, err := web.ParsePick(r, "venue.view")
	if err != nil {
		return err
	}
	found, total, err := h.store.Find(r.Context(), h.site.Scope(r, pq.Action), pq.Q, pq.Limit, pq.Offset)
	if err != nil {
		return err
	}
	t := h.site.T(r)
	hits := make([]web.PickHit, 0, len(found))
	for _, f := range found {
		id := strconv.FormatInt(f.ID, 10)
		path := f.OrgName
		if f.RegionName != "" {
			path = f.RegionName + " · " + path
		}
		hits = append(hits, web.PickHit{ID: id, Code: id, Name: f.Name, Tag: t("venue.kind." + f.Kind), Path: path})
	}
	return web.WritePick(w, hits, total, pq.Offset)
}
