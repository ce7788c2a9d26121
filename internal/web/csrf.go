package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
)

// CSRF protection is a signed double-submit token: every browser gets a
// random, HttpOnly "kexie_csrf" cookie, and every form carries
// HMAC(key, cookie) in the field "csrf_token" (or the X-CSRF-Token header).
// A cross-site page can neither read the cookie nor compute the token, and
// the key is shared by all app nodes, so no server state is needed. On top,
// Go's CrossOriginProtection rejects requests a browser marks cross-origin.

// MaxBody is the largest request body a route accepts unless it allows a
// larger upload (Site.AllowUpload).
const MaxBody = 60 << 20

// MaxForm is the largest body of a request that is not a multipart upload —
// a url-encoded form, a JSON post — on every route, upload routes included.
// Such a body is read into memory whole (and parsed) before authorization and
// before any handler's own cap, so it keeps Go's own default ("10 MB is a lot
// of text") instead of MaxBody or an upload's size; the largest form a page
// posts (a survey's JSON) is a few megabytes.
const MaxForm = 10 << 20

const (
	csrfCookie = "kexie_csrf"
	// CSRFField is the form field that carries the token.
	CSRFField = "csrf_token"
)

type csrfKey struct{}

// csrfToken returns the token for the request's cookie (set by csrf).
func (s *Site) csrfToken(r *http.Request) string {
	if v, ok := r.Context().Value(csrfKey{}).(string); ok {
		return s.sign(v)
	}
	if c, err := r.Cookie(csrfCookie); err == nil {
		return s.sign(c.Value)
	}
	return ""
}

func (s *Site) sign(v string) string {
	m := hmac.New(sha256.New, s.csrfKey)
	m.Write([]byte("csrf:" + v))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

func (s *Site) csrf(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.Fail(w, r, ErrCSRF)
	}))
	check := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(csrfCookie)
		if safeMethod(r.Method) {
			if err != nil || len(c.Value) < 20 {
				b := make([]byte, 24)
				_, _ = rand.Read(b)
				v := base64.RawURLEncoding.EncodeToString(b)
				http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: v, Path: "/", HttpOnly: true,
					Secure: s.SecureCookies, SameSite: http.SameSiteLaxMode})
				r = r.WithContext(contextWith(r, csrfKey{}, v))
			}
			next.ServeHTTP(w, r)
			return
		}
		if r.URL.Path == "/metrics" || r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
			next.ServeHTTP(w, r)
			return
		}
		// Cap every request body before anything reads it; uploads larger
		// than MaxBody get a precise answer instead of a CSRF failure.
		limit, shown := int64(MaxBody), int64(MaxBody)
		if max, ok := s.uploadMax(r); ok {
			limit, shown = max+1<<20, max
		}
		if !isMultipart(r) {
			limit, shown = MaxForm, MaxForm
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		got := r.Header.Get("X-CSRF-Token")
		if got == "" {
			var perr error
			if isMultipart(r) {
				perr = r.ParseMultipartForm(8 << 20)
			} else {
				perr = r.ParseForm()
			}
			var mbe *http.MaxBytesError
			if errors.As(perr, &mbe) {
				s.Fail(w, r, tooLarge(r, shown))
				return
			}
			got = r.PostFormValue(CSRFField)
		}
		if err != nil || got == "" || !hmac.Equal([]byte(got), []byte(s.sign(c.Value))) {
			s.Fail(w, r, ErrCSRF)
			return
		}
		next.ServeHTTP(w, r)
	})
	return cop.Handler(check)
}

// isMultipart reports whether r's body is a multipart form (an upload).
func isMultipart(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/")
}

// tooLarge is the 413 of a body over limit bytes: an upload's, or a form's.
func tooLarge(r *http.Request, limit int64) error {
	if isMultipart(r) {
		return Errorf(http.StatusRequestEntityTooLarge, "error.too_large", limit>>20)
	}
	return Errorf(http.StatusRequestEntityTooLarge, "error.form_too_large", limit>>20)
}
