package kepu

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"kexie/internal/db"
	"kexie/internal/web"
)

// contentLang is the language of content the reader asked for: ?hl=, then
// the browser's Accept-Language, among the configured languages.
func contentLang(r *http.Request) string {
	if l := r.URL.Query().Get("hl"); knownLang(l) {
		return l
	}
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		switch {
		case strings.HasPrefix(tag, "zh"):
			return "zh-CN"
		case strings.HasPrefix(tag, "bo"), strings.HasPrefix(tag, "ug"), strings.HasPrefix(tag, "en"):
			return tag[:2]
		}
	}
	return Languages[0]
}

// cacheable: an anonymous reader with nothing personal on the page (no
// flash, no one-off language switch).
func cacheable(r *http.Request) bool {
	if id := web.IdentityFrom(r.Context()); id != nil && id.Subject != nil {
		return false
	}
	if _, err := r.Cookie("kexie_flash"); err == nil {
		return false
	}
	return r.URL.Query().Get("lang") == ""
}

func (h *handler) uiLang(r *http.Request) string { return web.NegotiateLanguage(r, "") }

// serve answers a public page from the cache when it is current, else
// renders it with build and keeps it for the next reader.
func (h *handler) serve(w http.ResponseWriter, r *http.Request, build func() (Page, string, string, any, error)) error {
	ctx := r.Context()
	useCache := cacheable(r)
	key := h.uiLang(r) + "|" + contentLang(r) + "|" + r.URL.Path + "?" + r.URL.RawQuery
	var v PageVersion
	if useCache {
		var err error
		if v, err = h.store.Version(ctx); err != nil {
			return err
		}
		if p, ok := h.store.CachedPage(key, v); ok {
			h.write(w, r, p, true)
			return nil
		}
		if r.Header.Get("If-None-Match") == etagOf(v, r) {
			// Nothing public changed since the reader's copy (a cheap phone
			// on a slow network re-reads nothing).
			w.Header().Set("ETag", etagOf(v, r))
			w.WriteHeader(http.StatusNotModified)
			return nil
		}
	}
	p, tpl, title, data, err := build()
	if err != nil {
		return err
	}
	view := h.site.NewView(w, r, "kepu.title.portal")
	if title != "" {
		view.Title = title
	}
	view.Data = data
	var buf bytes.Buffer
	if err := h.site.RenderPage(&buf, tpl, view); err != nil {
		return err
	}
	p.Body = buf.Bytes()
	if p.Status == 0 {
		p.Status = http.StatusOK
	}
	if useCache {
		p.ETag = etagOf(v, r)
	}
	if useCache {
		h.store.KeepPage(key, v, p)
	}
	h.write(w, r, p, useCache)
	return nil
}

// etagOf names a public page by the content version and the languages it
// was rendered in (the URL is the browser's own key).
func etagOf(v PageVersion, r *http.Request) string {
	return fmt.Sprintf(`W/"k%d.%d-%s-%s"`, v.Kepu, v.Org, web.NegotiateLanguage(r, ""), contentLang(r))
}

func (h *handler) write(w http.ResponseWriter, r *http.Request, p Page, public bool) {
	if p.ItemID != 0 {
		now := h.store.db.Now()
		h.store.CountView(p.Item, ReaderHash(h.cfg.Key, Day(now), web.ClientIP(r), r.UserAgent()), now)
	}
	if p.ETag != "" && public && r.Header.Get("If-None-Match") == p.ETag {
		w.Header().Set("ETag", p.ETag)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if p.ETag != "" {
		w.Header().Set("ETag", p.ETag)
	}
	if public {
		w.Header().Set("Cache-Control", "public, max-age=30")
	} else {
		w.Header().Set("Cache-Control", "no-store")
	}
	w.Header().Set("Vary", "Cookie, Accept-Language")
	w.WriteHeader(p.Status)
	_, _ = w.Write(p.Body)
}

// ArticlePage is one published item.
type ArticlePage struct {
	Item     Item
	Body     template.HTML
	Versions []Item
	History  []Earlier
	Share    string
	Lead     *Lead
	Emerg    *Emergency
}

func (h *handler) article(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	return h.serve(w, r, func() (Page, string, string, any, error) {
		ctx := r.Context()
		it, err := h.store.Item(ctx, id)
		if err != nil {
			return Page{}, "", "", nil, err
		}
		switch it.Status {
		case Withdrawn:
			return Page{Status: http.StatusGone}, "kepu/gone.html", it.Title, ArticlePage{Item: it}, nil
		case Published:
		default:
			return Page{}, "", "", nil, web.ErrNotFound
		}
		versions, err := h.store.Versions(ctx, it.GroupID)
		if err != nil {
			return Page{}, "", "", nil, err
		}
		// The reader's language, where a published version exists.
		if want := contentLang(r); want != it.Lang {
			for _, v := range versions {
				if v.Lang == want && v.Status == Published {
					it = v
				}
			}
		}
		var live []Item
		for _, v := range versions {
			if v.Status == Published {
				live = append(live, v)
			}
		}
		hist, err := h.store.History(ctx, it.ID)
		if err != nil {
			return Page{}, "", "", nil, err
		}
		p := ArticlePage{Item: it, Body: template.HTML(it.Body), Versions: live, History: hist, Share: ItemPath(it.ID)}
		if it.EmergencyID != 0 {
			if e, err := h.store.Emergency(ctx, it.EmergencyID); err == nil {
				p.Emerg = &e
			}
		}
		return Page{ItemID: it.ID, Item: it}, "kepu/article.html", it.Title, p, nil
	})
}

// share counts a share and sends the reader on: to the article itself
// (copy link, WeChat scans it) or to Weibo's share page.
func (h *handler) share(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	it, err := h.store.Item(r.Context(), id)
	if err != nil || it.Status != Published {
		return web.ErrNotFound
	}
	h.store.CountShare(id, h.store.db.Now())
	if r.PathValue("via") == "weibo" {
		u := "https://service.weibo.com/share/share.php?title=" + url.QueryEscape(it.Title) + "&url=" +
			url.QueryEscape(absURL(r, ItemPath(id)))
		http.Redirect(w, r, u, http.StatusSeeOther)
		return nil
	}
	return web.Redirect(w, r, ItemPath(id)+"?shared=1")
}

func absURL(r *http.Request, path string) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}

func (h *handler) media(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	typ, data, err := h.store.MediaData(r.Context(), id)
	if errors.Is(err, db.ErrNotFound) {
		return web.ErrNotFound
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", h.store.db.Now(), bytes.NewReader(data))
	return nil
}
