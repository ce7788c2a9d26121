package kepu

import (
	"net/http"
	"net/url"
	"strconv"

	"kexie/internal/access"
)

var everywhere = access.Everywhere()

// Card is an item as lists show it.
type Card struct {
	Item
	Href string
}

// HomePage is the portal's start page.
type HomePage struct {
	Latest      []Card
	Videos      []Card
	Debunks     []Card
	Local       []Card // in the reader's language when not Chinese
	LocalLang   string
	Emergencies []Emergency
	Topics      []Topic
	Sections    []Section
	Series      []Series
	Audiences   []string
	Section     *Section
}

func cards(items []Item) []Card {
	out := make([]Card, len(items))
	for i, it := range items {
		out[i] = Card{Item: it, Href: ItemPath(it.ID)}
	}
	return out
}

func (h *handler) home(w http.ResponseWriter, r *http.Request) error {
	return h.serve(w, r, func() (Page, string, string, any, error) {
		p, err := h.homeData(r, nil)
		return Page{}, "kepu/home.html", "", p, err
	})
}

func (h *handler) homeData(r *http.Request, sec *Section) (HomePage, error) {
	ctx := r.Context()
	p := HomePage{Audiences: Audiences, Section: sec}
	path := ""
	if sec != nil {
		path = sec.Path
	}
	latest, _, err := h.store.Published(ctx, Filter{OrgPath: path, Kind: Article, Limit: 12})
	if err != nil {
		return p, err
	}
	videos, _, err := h.store.Published(ctx, Filter{OrgPath: path, Kind: Video, Limit: 4})
	if err != nil {
		return p, err
	}
	debunks, _, err := h.store.Published(ctx, Filter{OrgPath: path, Kind: Debunk, Limit: 5})
	if err != nil {
		return p, err
	}
	p.Latest, p.Videos, p.Debunks = cards(latest), cards(videos), cards(debunks)
	if l := contentLang(r); l != Languages[0] {
		local, _, err := h.store.Published(ctx, Filter{OrgPath: path, Lang: l, Limit: 12})
		if err != nil {
			return p, err
		}
		p.Local, p.LocalLang = cards(local), l
	}
	if p.Topics, err = h.store.Topics(ctx, path); err != nil {
		return p, err
	}
	if sec == nil {
		if p.Sections, err = h.store.Sections(ctx); err != nil {
			return p, err
		}
		if p.Series, err = h.store.SeriesList(ctx, everywhere); err != nil {
			return p, err
		}
		ems, err := h.store.Emergencies(ctx, everywhere)
		if err != nil {
			return p, err
		}
		for _, e := range ems {
			if !e.Open {
				continue
			}
			// An emergency shows once something is published for it: its
			// topic and region are staff's until then.
			if shown, err := h.store.hasPublished(ctx, e.ID); err != nil {
				return p, err
			} else if shown {
				p.Emergencies = append(p.Emergencies, e)
			}
		}
	}
	return p, nil
}

func (h *handler) section(w http.ResponseWriter, r *http.Request) error {
	return h.serve(w, r, func() (Page, string, string, any, error) {
		sec, err := h.store.SectionByCode(r.Context(), r.PathValue("code"))
		if err != nil {
			return Page{}, "", "", nil, err
		}
		p, err := h.homeData(r, &sec)
		return Page{}, "kepu/home.html", sec.Name, p, err
	})
}

// ListPage is a filtered list of published items.
type ListPage struct {
	Items    []Card
	Filter   Filter
	Total    int
	Page     int
	Prev     string
	Next     string
	Audience []string
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	return h.serve(w, r, func() (Page, string, string, any, error) {
		q := r.URL.Query()
		f := Filter{Audience: q.Get("audience"), Topic: q.Get("topic"), Kind: Kind(q.Get("kind")), Q: q.Get("q"), Limit: 20}
		if f.Audience != "" && !knownAudience(f.Audience) {
			f.Audience = ""
		}
		if l := q.Get("hl"); knownLang(l) {
			f.Lang = l
		}
		// A page number is bounded like web.ParseList's: past it, the
		// offset (page-1)×20 could overflow into a negative one.
		page, _ := strconv.Atoi(q.Get("page"))
		if page < 1 || page >= 1_000_000 {
			page = 1
		}
		f.Offset = (page - 1) * f.Limit
		items, total, err := h.store.Published(r.Context(), f)
		if err != nil {
			return Page{}, "", "", nil, err
		}
		p := ListPage{Items: cards(items), Filter: f, Total: total, Page: page, Audience: Audiences}
		link := func(n int) string {
			q2 := url.Values{}
			for k, v := range q {
				q2[k] = v
			}
			q2.Set("page", strconv.Itoa(n))
			return "/kepu/list?" + q2.Encode()
		}
		if page > 1 {
			p.Prev = link(page - 1)
		}
		if f.Offset+len(items) < total {
			p.Next = link(page + 1)
		}
		return Page{}, "kepu/list.html", "", p, nil
	})
}
