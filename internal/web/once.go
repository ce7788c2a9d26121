package web

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
)

// FormOnceField is the hidden field that makes a form's submission count
// once: every form the "csrf" partial writes carries a fresh token in it.
const FormOnceField = "form_once"

// ErrResubmitted answers a form sent again with a token already used: a
// double click, a reload of the answer to a POST, the back button.
var ErrResubmitted = &Error{Status: http.StatusConflict, Key: "error.resubmitted"}

// OnceStore remembers the form tokens whose submission went through, on
// every app node (the database): Claim takes a token and says whether it
// was free; Release gives back one whose submission did not go through,
// so the same form may be sent again.
type OnceStore interface {
	Claim(r *http.Request, token string) (bool, error)
	Release(r *http.Request, token string) error
}

// FormOnce is a fresh token for one form, or "" when the site keeps none.
func (v *View) FormOnce() string {
	if v.site == nil || v.site.once == nil {
		return ""
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// validOnce reports whether t has the form FormOnce gives: 22 characters
// of unpadded URL-safe base64.
func validOnce(t string) bool {
	if len(t) != 22 {
		return false
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// formOnce lets a form's submission through once. It runs after the CSRF
// check has parsed the form. A submission that claims its token and then
// does not end in a redirect (a form shown again with its errors, a
// failure) gives the token back, so only one that went through holds it;
// one that finds its token held is answered 409 and not handled again.
// A request without a token (a script, the command line, a test) passes.
func (s *Site) formOnce(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.once == nil || safeMethod(r.Method) {
			next.ServeHTTP(w, r)
			return
		}
		t := r.PostFormValue(FormOnceField)
		if !validOnce(t) {
			next.ServeHTTP(w, r)
			return
		}
		free, err := s.once.Claim(r, t)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		if !free {
			s.Fail(w, r, ErrResubmitted)
			return
		}
		sw := &onceWriter{ResponseWriter: w}
		defer func() {
			if sw.status < 300 || sw.status >= 400 {
				if err := s.once.Release(r, t); err != nil && s.Log != nil {
					s.Log.Warn("form token not released", "err", err)
				}
			}
		}()
		next.ServeHTTP(sw, r)
	})
}

// onceWriter remembers the status a handler answered with.
type onceWriter struct {
	http.ResponseWriter
	status int
}

func (w *onceWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *onceWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *onceWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
