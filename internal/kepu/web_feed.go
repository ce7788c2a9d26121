package kepu

import (
	"encoding/xml"
	"net/http"
	"time"

	"kexie/internal/web"
)

// atomFeed is an Atom 1.0 feed (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Link    []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Author  string   `xml:"author>name"`
	Summary string   `xml:"summary"`
	Content struct {
		Type string `xml:"type,attr"`
		Body string `xml:",chardata"`
	} `xml:"content"`
}

func (h *handler) feed(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f := Filter{Limit: 30}
	title := h.site.Catalogs.T(h.uiLang(r), "kepu.title.portal")
	if code := r.PathValue("code"); code != "" {
		sec, err := h.store.SectionByCode(ctx, code)
		if err != nil {
			return web.ErrNotFound
		}
		f.OrgPath, title = sec.Path, sec.Name+" · "+title
	}
	items, _, err := h.store.Published(ctx, f)
	if err != nil {
		return err
	}
	base := absURL(r, "")
	feed := atomFeed{Title: title, ID: base + r.URL.Path, Updated: h.store.db.Now().UTC().Format(time.RFC3339),
		Link: []atomLink{{Href: base + r.URL.Path, Rel: "self"}, {Href: base + "/kepu"}}}
	for _, it := range items {
		e := atomEntry{Title: it.Title, ID: base + ItemPath(it.ID), Link: atomLink{Href: base + ItemPath(it.ID)},
			Author: it.OrgName, Summary: it.Summary}
		up := it.PublishedAt
		if it.CorrectedAt.After(up) {
			up = it.CorrectedAt
		}
		e.Updated = up.UTC().Format(time.RFC3339)
		e.Content.Type, e.Content.Body = "html", it.Body
		feed.Entries = append(feed.Entries, e)
	}
	if len(items) > 0 {
		feed.Updated = items[0].PublishedAt.UTC().Format(time.RFC3339)
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write([]byte(xml.Header))
	return xml.NewEncoder(w).Encode(feed)
}

// EmergencyPage gathers an emergency's items.
type EmergencyPage struct {
	Emergency Emergency
	Items     []Card
}

func (h *handler) emergency(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	return h.serve(w, r, func() (Page, string, string, any, error) {
		e, err := h.store.Emergency(r.Context(), id)
		if err != nil {
			return Page{}, "", "", nil, err
		}
		items, _, err := h.store.Published(r.Context(), Filter{EmergencyID: id, Limit: 100})
		if err != nil {
			return Page{}, "", "", nil, err
		}
		if len(items) == 0 {
			// Nothing published yet: the topic and region are staff's.
			return Page{}, "", "", nil, web.ErrNotFound
		}
		return Page{}, "kepu/emergency.html", e.Topic, EmergencyPage{Emergency: e, Items: cards(items)}, nil
	})
}
