package web

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
)

// The searchable pickers (partial "orgpick", kexie.js) all ask a look-up
// that answers one JSON shape: GET …?q=…&action=…&offset=… returns a
// PickPage. /orgs/lookup answers for orgs; another module's look-up (an
// event, a venue) answers the same way and its field names it in
// OrgPick.Lookup, so there is one picker, not one per kind of thing.

// Bounds of a look-up: what may be typed, and how many hits one page holds.
const (
	MaxPickQuery = 64  // runes; a longer q is refused (400)
	MaxPickLimit = 100 // hits per page at most; 20 unless asked
)

// PickHit is one suggestion of a picker.
type PickHit struct {
	ID   string `json:"id"`
	Code string `json:"code"` // what a pick puts in the field (and what the server reads)
	Name string `json:"name"` // the line shown
	Tag  string `json:"tag"`  // a short grey mark after the name (an org's code, a venue's kind); "" for none
	Path string `json:"path"` // the second line, shown under the field once picked: an org's path, an event's date and org
}

// PickPage is one page of hits with what the picker needs to page on.
type PickPage struct {
	Hits   []PickHit `json:"hits"`
	Total  int       `json:"total"`
	Offset int       `json:"offset"`
	Next   int       `json:"next"` // offset of the next page; 0 when this is the last
}

// PickQuery is what a picker asked a look-up.
type PickQuery struct {
	Q      string
	Action access.Action // the form's action, whose scope the choices come from
	Limit  int
	Offset int
}

// ParsePick reads a look-up's query: q (trimmed, at most MaxPickQuery
// runes, else ErrBadRequest), action (def when absent), limit (20 unless
// 1…MaxPickLimit) and offset (0 when negative or unreadable).
func ParsePick(r *http.Request, def access.Action) (PickQuery, error) {
	v := r.URL.Query()
	p := PickQuery{Q: strings.TrimSpace(v.Get("q")), Action: access.Action(v.Get("action"))}
	if utf8.RuneCountInString(p.Q) > MaxPickQuery {
		return p, ErrBadRequest
	}
	if p.Action == "" {
		p.Action = def
	}
	p.Offset, _ = strconv.Atoi(v.Get("offset"))
	p.Offset = max(p.Offset, 0)
	p.Limit, _ = strconv.Atoi(v.Get("limit"))
	if p.Limit <= 0 || p.Limit > MaxPickLimit {
		p.Limit = 20
	}
	return p, nil
}

// WritePick answers a look-up with hits, one page of total from offset.
func WritePick(w http.ResponseWriter, hits []PickHit, total, offset int) error {
	if hits == nil {
		hits = []PickHit{}
	}
	p := PickPage{Hits: hits, Total: total, Offset: max(offset, 0)}
	if end := p.Offset + len(hits); end < total {
		p.Next = end
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(p)
}

// Pick prepares the picker for field name over another module's look-up
// (lookup, e.g. "/venues/lookup?action=event.edit"), showing value as
// chosen with label beside it (with scripts the label, a name, takes the
// field's place and the value goes in a hidden field); placeholder and none are the keys of the
// field's hint and of the words shown when nothing matches. The field may
// stay empty. Use it as
// {{template "orgpick" (.Pick "venue_id" "/venues/lookup" value label "event.venuepick.placeholder" "event.venuepick.none")}}.
func (v *View) Pick(name, lookup, value, label, placeholder, none string) OrgPick {
	return OrgPick{Name: name, Lookup: lookup, Value: value, Label: label,
		Placeholder: v.T(placeholder), More: v.T("orgpick.more"), None: v.T(none)}
}
