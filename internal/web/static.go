package web

import (
	"io/fs"
	"net/http"
)

// staticHandler serves the embedded CSS, scripts and images. File names do
// not carry hashes yet, so browsers revalidate after an hour.
func staticHandler() http.Handler {
	sub, _ := fs.Sub(embedded, "static")
	fsrv := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}
