package org

import (
	"encoding/json"
	"net/http"
	"strconv"

	"kexie/internal/access"
)

// JoinAction is the picker's "action" for choosing the org one belongs to
// on one's own profile: the associations a worker may join are public, so
// it lists every org to any signed-in user.
const JoinAction access.Action = "org.join"

// lookupHit is one result of the org picker's look-up.
type lookupHit struct {
	ID   string `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
	Path string `json:"path"` // 四川省科协 › 成都市科协 › 锦江区科协
}

// lookupPage is one page of hits with what the picker needs to page on.
type lookupPage struct {
	Hits   []lookupHit `json:"hits"`
	Total  int         `json:"total"`
	Offset int         `json:"offset"`
	Next   int         `json:"next"` // offset of the next page; 0 when this is the last
}

// lookup answers the org picker: GET /orgs/lookup?q=…&action=…&offset=…
// lists the orgs the caller may do action on (default org.view) that match
// q, with their paths, twenty at a time; total and next let the picker page
// through every match.
func (h *handler) lookup(w http.ResponseWriter, r *http.Request) error {
	qv := r.URL.Query()
	action := access.Action(qv.Get("action"))
	if action == "" {
		action = "org.view"
	}
	offset, _ := strconv.Atoi(qv.Get("offset"))
	limit, _ := strconv.Atoi(qv.Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	scope := h.site.Scope(r, action)
	if action == JoinAction {
		scope = access.Everywhere()
	}
	hits, total, err := h.store.Search(r.Context(), scope, qv.Get("q"), limit, offset)
	if err != nil {
		return err
	}
	p := lookupPage{Hits: make([]lookupHit, 0, len(hits)), Total: total, Offset: max(offset, 0)}
	for _, o := range hits {
		p.Hits = append(p.Hits, lookupHit{ID: strconv.FormatInt(o.ID, 10), Code: o.Code, Name: o.Name, Path: o.PathLabel()})
	}
	if end := p.Offset + len(hits); end < total {
		p.Next = end
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(p)
}

// pickLabel tells the org picker what to show for a field's value: the
// org's code for the field and its path beside it ("" when nothing matches).
func (h *handler) pickLabel(r *http.Request, v string) (code, label string) {
	o, err := h.store.FromForm(r.Context(), v)
	if err != nil {
		return v, ""
	}
	hit, err := h.store.Trail(r.Context(), o)
	if err != nil {
		return o.Code, o.Name
	}
	return o.Code, hit.PathLabel()
}
