package app

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"kexie/internal/access"
	"kexie/internal/std"
	"kexie/internal/web"
)

// platformModule serves what belongs to no business module: health checks,
// metrics and the language switch.
func platformModule(a *App) web.Module {
	return web.Module{
		Name: "platform",
		Routes: func(s *web.Site) {
			s.Handle("GET /healthz", access.Public(), func(w http.ResponseWriter, r *http.Request) error {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				_, err := w.Write([]byte("ok\n"))
				return err
			})
			s.Handle("GET /readyz", access.Public(), func(w http.ResponseWriter, r *http.Request) error {
				ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
				defer cancel()
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				if err := a.DB.Ping(ctx); err != nil {
					a.Log.Warn("not ready", "err", err)
					w.WriteHeader(http.StatusServiceUnavailable)
					_, err = w.Write([]byte("database unavailable\n"))
					return err
				}
				_, err := w.Write([]byte("ready\n"))
				return err
			})
			// Region type-ahead for forms: GB/T 2260 by name or code prefix.
			s.Handle("GET /std/regions", access.SignedIn(), func(w http.ResponseWriter, r *http.Request) error {
				type hit struct {
					Code string `json:"code"`
					Name string `json:"name"`
				}
				rt := std.Regions()
				out := []hit{}
				for _, reg := range rt.Search(r.URL.Query().Get("q"), 15) {
					out = append(out, hit{Code: reg.Code, Name: rt.FullName(reg.Code)})
				}
				w.Header().Set("Content-Type", "application/json; charset=utf-8")
				return json.NewEncoder(w).Encode(out)
			})
			// Metrics carry no personal data; restrict them at the load
			// balancer if route names are sensitive in your deployment.
			s.HandleRaw("GET /metrics", access.Public(), s.Metrics)
			s.Handle("POST /lang", access.Public(), func(w http.ResponseWriter, r *http.Request) error {
				lang := r.PostFormValue("lang")
				if lang != "en" {
					lang = "zh-CN"
				}
				http.SetCookie(w, &http.Cookie{Name: "kexie_lang", Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
					HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteLaxMode})
				return web.Redirect(w, r, web.SafeNext(r.PostFormValue("next"), "/"))
			}, web.AllowPending2FA, web.Repeatable) // choosing a language twice changes nothing: no form token kept
		},
	}
}
