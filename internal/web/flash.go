package web

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
)

// Flash is a one-time message shown on the next page: Kind is "ok", "info"
// or "error"; Text is already translated.
type Flash struct {
	Kind string `json:"k"`
	Text string `json:"t"`
}

const flashCookie = "kexie_flash"

// AddFlash queues a translated message for the next page the browser loads.
func (s *Site) AddFlash(w http.ResponseWriter, r *http.Request, kind, key string, args ...any) {
	lang := NegotiateLanguage(r, "")
	if id := IdentityFrom(r.Context()); id != nil {
		lang = NegotiateLanguage(r, id.Locale)
	}
	fl := []Flash{{Kind: kind, Text: s.Catalogs.T(lang, key, args...)}}
	if c, err := r.Cookie(flashCookie); err == nil {
		var old []Flash
		if b, err := base64.RawURLEncoding.DecodeString(c.Value); err == nil && json.Unmarshal(b, &old) == nil && len(old) < 5 {
			fl = append(old, fl...)
		}
	}
	b, _ := json.Marshal(fl)
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: base64.RawURLEncoding.EncodeToString(b), Path: "/",
		HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteLaxMode, MaxAge: 60})
}

// takeFlashes reads and clears the flash cookie. The text is escaped when
// rendered like any other data, so a forged cookie can only show text.
func takeFlashes(w http.ResponseWriter, r *http.Request) []Flash {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return nil
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: "", Path: "/", MaxAge: -1})
	var fl []Flash
	b, err := base64.RawURLEncoding.DecodeString(c.Value)
	if err != nil || json.Unmarshal(b, &fl) != nil {
		return nil
	}
	if len(fl) > 5 {
		fl = fl[:5]
	}
	return fl
}
