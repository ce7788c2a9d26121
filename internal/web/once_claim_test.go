package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"kexie/internal/access"
)

// identityAuth answers with whatever identity *id is at the time.
type identityAuth struct{ id **Identity }

func (a identityAuth) Authenticate(http.ResponseWriter, *http.Request) (*Identity, error) {
	return *a.id, nil
}

// onceSite is a site with an in-memory token store, the caller's identity
// in *id, and routes that count how often their handlers ran.
func onceSite(t *testing.T, id **Identity) (*Site, *memOnce, map[string]int) {
	t.Helper()
	store := &memOnce{used: map[string]bool{}}
	s := formSite(t, identityAuth{id}, store)
	ran := map[string]int{}
	at := func(path string) func(*http.Request) (access.Resource, error) {
		return func(*http.Request) (access.Resource, error) { return access.Resource{OrgPath: path}, nil }
	}
	count := func(name string, answer func(w http.ResponseWriter, r *http.Request) error) HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) error {
			ran[name]++
			return answer(w, r)
		}
	}
	back := func(w http.ResponseWriter, r *http.Request) error { return Redirect(w, r, "/t") }
	s.Handle("POST /t", access.Require("t.do", at("/1/")), count("t", back))
	s.Handle("POST /u", access.Require("t.do", at("/1/")), count("u", back))
	s.Handle("POST /elsewhere", access.Require("t.do", at("/9/")), count("elsewhere", back))
	s.Handle("POST /admin", access.Require("t.admin", nil), count("admin", back))
	s.Handle("POST /gone", access.Require("t.do", func(*http.Request) (access.Resource, error) {
		return access.Resource{}, ErrNotFound
	}), count("gone", back))
	s.Handle("GET /only-get", access.SignedIn(), count("only-get", back))
	s.Handle("POST /lang", access.Public(), count("lang", back), Repeatable, AllowPending2FA)
	// A change answered with a page (a password shown once): kept.
	s.Handle("POST /change", access.Require("t.do", at("/1/")), count("change", func(w http.ResponseWriter, r *http.Request) error {
		if r.PostFormValue("name") == "" {
			return s.RenderStatus(w, r, http.StatusUnprocessableEntity, "t/form.html", "app.name", "name?")
		}
		KeepOnce(r)
		return s.Render(w, r, "t/form.html", "app.name", "saved")
	}))
	// A builder that redraws its form (200) and changes nothing: given back.
	s.Handle("POST /redraw", access.Require("t.do", at("/1/")), count("redraw", func(w http.ResponseWriter, r *http.Request) error {
		return s.Render(w, r, "t/form.html", "app.name", "redrawn")
	}))
	// A redirect that changed nothing and says so: given back.
	s.Handle("POST /nothing", access.Require("t.do", at("/1/")), count("nothing", func(w http.ResponseWriter, r *http.Request) error {
		ReleaseOnce(r)
		return Redirect(w, r, "/t")
	}))
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return s, store, ran
}

var (
	requestIDRE    = regexp.MustCompile(`[0-9a-f]{16}`)
	errorSectionRE = regexp.MustCompile(`(?s)<section class="card narrow error-page">.*</section>`)
)

// oncePost posts a form to s with a CSRF cookie and its token, and the
// given one-time token ("" for none).
func oncePost(t *testing.T, s *Site, path, token string, extra url.Values) (int, string) {
	t.Helper()
	f := url.Values{"csrf_token": {s.sign("cookie-value-of-the-test-client")}}
	if token != "" {
		f.Set(FormOnceField, token)
	}
	for k, v := range extra {
		f[k] = v
	}
	req := httptest.NewRequest("POST", path, strings.NewReader(f.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: csrfCookie, Value: "cookie-value-of-the-test-client"})
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec.Code, requestIDRE.ReplaceAllString(rec.Body.String(), "ID")
}

// A form's token is used up only by a request its route's handler answers:
// an unknown path or method, a refusal by the route's access rule (401,
// 403, a 404 for a record out of scope or not found) and the redirect of a
// session that has yet to give its second factor (or change its password)
// leave it free, so the
// form is handled when it reaches its handler. Those answers are the same
// with a used token as without one — the token tells nothing of a route —
// and the 409 is one page whatever the route that refuses it. A
// Repeatable route (POST /lang) claims no token at all.
func TestFormOnceClaimedWhereHandled(t *testing.T) {
	staff := &Identity{Subject: &access.Subject{UserID: 1, Username: "u", Grants: []access.Grant{{OrgPath: "/1/", Role: access.OrgStaff}}}, SessionID: "s"}
	pending := &Identity{Subject: staff.Subject, SessionID: "s", MFAPending: true}
	mustChange := &Identity{Subject: staff.Subject, SessionID: "s", MustChangePassword: true}
	id := staff
	s, store, ran := onceSite(t, &id)
	const tok = "TTTTTTTTTTTTTTTTTTTTTT"
	notHandled := []struct {
		name, path string
		who        *Identity
		status     int
	}{
		{"unknown path", "/nope", staff, http.StatusNotFound},
		{"wrong method", "/only-get", staff, http.StatusMethodNotAllowed},
		{"out of scope", "/elsewhere", staff, http.StatusNotFound},
		{"record not found", "/gone", staff, http.StatusNotFound},
		{"action not held", "/admin", staff, http.StatusForbidden},
		{"signed in to none", "/t", nil, http.StatusUnauthorized},
		{"second factor pending", "/t", pending, http.StatusSeeOther},
		{"password to change first", "/t", mustChange, http.StatusSeeOther},
	}
	for _, tt := range notHandled {
		id = tt.who
		plainStatus, plainBody := oncePost(t, s, tt.path, "", nil)
		st, body := oncePost(t, s, tt.path, tok, nil)
		if st != tt.status || plainStatus != tt.status || body != plainBody {
			t.Errorf("%s: %d with a token, %d without, want %d; same page: %v", tt.name, st, plainStatus, tt.status, body == plainBody)
		}
		if len(store.used) != 0 {
			t.Fatalf("%s: the answer used up the token (%d kept)", tt.name, len(store.used))
		}
	}
	id = staff
	if st, _ := oncePost(t, s, "/lang", tok, nil); st != http.StatusSeeOther || len(store.used) != 0 || ran["lang"] != 1 {
		t.Errorf("POST /lang: %d, %d tokens kept, ran %d", st, len(store.used), ran["lang"])
	}
	if st, _ := oncePost(t, s, "/t", tok, nil); st != http.StatusSeeOther || ran["t"] != 1 {
		t.Fatalf("the form after every refusal: %d, ran %d", st, ran["t"])
	}
	// Used now: every route whose handler would run answers the same 409;
	// every other answer stays what it was.
	// (The layout around it names the path, for the language switch.)
	_, first := oncePost(t, s, "/t", tok, nil)
	first = errorSectionRE.FindString(first)
	for _, path := range []string{"/t", "/u", "/change"} {
		st, body := oncePost(t, s, path, tok, url.Values{"name": {"a"}})
		if body = errorSectionRE.FindString(body); st != http.StatusConflict || body == "" || body != first {
			t.Errorf("%s with a used token: %d, the same 409 page: %v", path, st, body == first)
		}
	}
	for _, tt := range notHandled {
		id = tt.who
		if st, _ := oncePost(t, s, tt.path, tok, nil); st != tt.status {
			t.Errorf("%s with a used token: %d, want %d", tt.name, st, tt.status)
		}
	}
	if ran["t"] != 1 || ran["u"]+ran["change"]+ran["elsewhere"]+ran["admin"]+ran["gone"]+ran["only-get"] != 0 {
		t.Errorf("handlers ran %v", ran)
	}
}

// A change answered with a page keeps its token when its handler says
// KeepOnce: the same form again is 409 and not handled. A form shown again
// with its errors, a page redrawn with no change, and a redirect whose
// handler said ReleaseOnce give it back.
func TestFormOnceKeep(t *testing.T) {
	id := &Identity{Subject: &access.Subject{UserID: 1, Username: "u", Grants: []access.Grant{{OrgPath: "/1/", Role: access.OrgStaff}}}, SessionID: "s"}
	s, _, ran := onceSite(t, &id)
	if st, _ := oncePost(t, s, "/change", "CCCCCCCCCCCCCCCCCCCCCC", nil); st != http.StatusUnprocessableEntity {
		t.Fatalf("a change with an error: %d", st)
	}
	if st, body := oncePost(t, s, "/change", "CCCCCCCCCCCCCCCCCCCCCC", url.Values{"name": {"a"}}); st != http.StatusOK || !strings.Contains(body, "saved") {
		t.Fatalf("the corrected change: %d", st)
	}
	if st, _ := oncePost(t, s, "/change", "CCCCCCCCCCCCCCCCCCCCCC", url.Values{"name": {"a"}}); st != http.StatusConflict || ran["change"] != 2 {
		t.Errorf("the change sent again: %d, ran %d; want 409, 2", st, ran["change"])
	}
	for _, path := range []string{"/redraw", "/nothing"} {
		tok := strings.Repeat(strings.ToUpper(path[1:2]), 22)
		for i := 1; i <= 2; i++ {
			if st, _ := oncePost(t, s, path, tok, nil); st == http.StatusConflict || ran[path[1:]] != i {
				t.Errorf("%s sent %d times: %d, ran %d", path, i, st, ran[path[1:]])
			}
		}
	}
}
