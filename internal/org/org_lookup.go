package org

import (
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/web"
)

// JoinAction is the picker's "action" for choosing the org one belongs to
// on one's own profile: the associations a worker may join are public, so
// it lists every org to any signed-in user.
const JoinAction access.Action = "org.join"

// lookup answers the org picker: GET /orgs/lookup?q=…&action=…&offset=…
// lists the orgs the caller may do action on (default org.view) that match
// q, with their paths, twenty at a time; total and next let the picker page
// through every match (web.PickPage, the shape every picker's look-up answers).
func (h *handler) lookup(w http.ResponseWriter, r *http.Request) error {
	pq, err := web.ParsePick(r, "org.view")
	if err != nil {
		return err
	}
	scope := h.site.Scope(r, pq.Action)
	if pq.Action == JoinAction {
		scope = access.Everywhere()
	}
	hits, total, err := h.store.Search(r.Context(), scope, pq.Q, pq.Limit, pq.Offset)
	if err != nil {
		return err
	}
	out := make([]web.PickHit, 0, len(hits))
	for _, o := range hits {
		out = append(out, web.PickHit{ID: strconv.FormatInt(o.ID, 10), Code: o.Code, Name: o.Name, Tag: o.Code, Path: o.PathLabel()})
	}
	return web.WritePick(w, out, total, pq.Offset)
}

// pickLabel tells the org picker what to show for a field's value: the
// org's code for the field and its path beside it ("" when nothing matches).
func (h *handler) pickLabel(r *http.Request, v string) (code, name, label string) {
	o, err := h.store.FromForm(r.Context(), v)
	if err != nil {
		return v, "", ""
	}
	hit, err := h.store.Trail(r.Context(), o)
	if err != nil {
		return o.Code, o.Name, o.Name
	}
	return o.Code, o.Name, hit.PathLabel()
}
