package venue

import (
	"net/http"

	"kexie/internal/web"
)

// serveOutlines sends the outlines file (404 when none was configured).
func (h *handler) serveOutlines(w http.ResponseWriter, r *http.Request) error {
	o := h.store.outlines
	if o == nil {
		return web.ErrNotFound
	}
	w.Header().Set("Content-Type", "application/geo+json")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Header().Set("ETag", o.ETag)
	if r.Header.Get("If-None-Match") == o.ETag {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	_, err := w.Write(o.Body)
	return err
}
