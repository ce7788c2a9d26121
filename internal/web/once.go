package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
)

// FormOnceField is the hidden field that makes a form's submission count
// once: every form the "csrf" partial writes carries a fresh token in it.
const FormOnceField = "form_once"

// ErrResubmitted answers a form sent again with a token already used: a
// double click, a reload of the answer to a POST, the back button. Its
// page links back to the page the form was sent from (BackTo).
var ErrResubmitted = &Error{Status: http.StatusConflict, Key: "error.resubmitted"}

// OnceStore remembers the form tokens whose submission went through, on
// every app node (the database): Claim takes a token and says whether it
// was free; Release gives back one whose submission did not go through,
// so the same form may be sent again.
type OnceStore interface {
	Claim(r *http.Request, token string) (bool, error)
	Release(r *http.Request, token string) error
}

// OnceRecent is an OnceStore that tells a token claimed moments ago: its
// first submission may still be running (a double click), and may yet
// fail and give the token back.
type OnceRecent interface {
	ClaimedWithin(r *http.Request, token string, d time.Duration) (bool, error)
}

// A form sent again while its token was claimed less than onceRecentFor
// ago waits up to onceWait, trying the claim every oncePoll, for the first
// submission's answer: if that failed and gave the token back, the second
// is handled, as one sent after it would be; if it went through, the
// second is answered 409. A token claimed longer ago is answered at once.
var (
	onceRecentFor = 15 * time.Second
	onceWait      = 2 * time.Second
	oncePoll      = 250 * time.Millisecond
)

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
// check has parsed the form, and only notes the request's token (in its
// context); the token is claimed where the route's handler is about to
// run, after the route's access checks (claimOnce, called by guard). So an
// answer that is not the handler's — an unknown path or method, a refusal
// (401, 403, 404), the redirect of a session yet to give its second factor
// — uses nothing up, and a token already used is answered 409 only where
// a token not yet used would have been handled. A claimed token is given
// back unless the handler answered with a redirect or said KeepOnce (a
// change answered with a page); ReleaseOnce gives it back whatever the
// answer. A request without a token (a script, the command line, a test)
// passes.
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
		st := &onceState{token: t}
		r = r.WithContext(context.WithValue(r.Context(), onceKey{}, st))
		sw := &onceWriter{ResponseWriter: w}
		defer func() {
			if !st.claimed || st.keep == keepOnce || st.keep == onceByStatus && sw.status >= 300 && sw.status < 400 {
				return
			}
			if err := s.once.Release(r, t); err != nil && s.Log != nil {
				s.Log.Warn("form token not released", "err", err)
			}
		}()
		next.ServeHTTP(sw, r)
	})
}

// claimOnce claims the token formOnce noted on r, if any, just before the
// route's handler runs; it reports whether the handler may run. A token
// already used is answered ErrResubmitted — one page, whatever the route.
func (s *Site) claimOnce(w http.ResponseWriter, r *http.Request) bool {
	st, _ := r.Context().Value(onceKey{}).(*onceState)
	if st == nil || st.claimed || s.once == nil {
		return true
	}
	free, err := s.once.Claim(r, st.token)
	if err == nil && !free {
		free, err = s.awaitOnce(r, st.token)
	}
	if err != nil {
		s.Fail(w, r, err)
		return false
	}
	if !free {
		s.Fail(w, r, ErrResubmitted)
		return false
	}
	st.claimed = true
	return true
}

// awaitOnce waits for the first submission of a token claimed moments ago
// (onceRecentFor) to end, and reports whether the token came back and was
// claimed for r; false at once for a token claimed earlier, or a store
// that cannot tell.
func (s *Site) awaitOnce(r *http.Request, token string) (bool, error) {
	rs, ok := s.once.(OnceRecent)
	if !ok {
		return false, nil
	}
	if recent, err := rs.ClaimedWithin(r, token, onceRecentFor); err != nil || !recent {
		return false, err
	}
	deadline := time.NewTimer(onceWait)
	defer deadline.Stop()
	tick := time.NewTicker(oncePoll)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return false, r.Context().Err()
		case <-deadline.C:
			return false, nil
		case <-tick.C:
			if free, err := s.once.Claim(r, token); err != nil || free {
				return free, err
			}
		}
	}
}

type onceKey struct{}

// onceState is what formOnce and the handler know of a request's form
// token: whether it was claimed, and what the handler said of it.
type onceState struct {
	token   string
	claimed bool
	keep    onceKeep
}

type onceKeep int

const (
	onceByStatus onceKeep = iota // kept by a redirect, given back by any other answer
	keepOnce                     // KeepOnce: kept whatever the answer
	releaseOnce                  // ReleaseOnce: given back whatever the answer
)

// KeepOnce says r's form went through although its answer is a page, not
// a redirect: a change answered 200 (a new password shown once, recovery
// codes, an import's result, a check-in). Its token stays used, so the
// same form sent again — a reload, the back button — is answered 409 and
// not handled again. Without it, an answer other than a redirect gives the
// token back. Call it once the change is saved; a request without a token
// ignores it.
func KeepOnce(r *http.Request) { markOnce(r, keepOnce) }

// ReleaseOnce gives r's form token back whatever the answer, for a handler
// that redirected without changing anything and whose form may be sent
// again as it was. A request without a token ignores it.
func ReleaseOnce(r *http.Request) { markOnce(r, releaseOnce) }

func markOnce(r *http.Request, k onceKeep) {
	if st, ok := r.Context().Value(onceKey{}).(*onceState); ok {
		st.keep = k
	}
}

// Repeatable is a route option for a form whose submission may be repeated
// as it was, changing nothing a second time (choosing a language): its
// token is not claimed, so it neither uses one up nor keeps a row a day.
func Repeatable(r *Route) { r.Repeatable = true }

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

// BackTo is the page of this site r was sent from, read from its Referer
// (browsers send it to the same origin only: Referrer-Policy same-origin),
// for the page answering a form sent twice to link back to. Anything else —
// no Referer, another host, a scheme other than http(s), credentials, a
// path a browser could read as another host ("//x", "/\x", encoded or
// not), control characters — is the home page, "/": never an open redirect.
func BackTo(r *http.Request) string {
	ref := r.Referer()
	u, err := url.Parse(ref)
	if ref == "" || err != nil || u.User != nil || u.Opaque != "" || strings.HasPrefix(ref, "//") || strings.HasPrefix(ref, "/\\") {
		return "/"
	}
	if u.Scheme != "" || u.Host != "" {
		if (u.Scheme != "http" && u.Scheme != "https") || r.Host == "" || !strings.EqualFold(u.Host, r.Host) {
			return "/"
		}
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\") || strings.ContainsFunc(p+u.RawQuery, func(c rune) bool { return c < 0x20 || c == 0x7f }) {
		return "/"
	}
	p = path.Clean(p)
	if strings.HasPrefix(p, "//") {
		return "/"
	}
	back := (&url.URL{Path: p, RawQuery: u.RawQuery}).String()
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.HasPrefix(back, "/\\") {
		return "/"
	}
	return back
}
