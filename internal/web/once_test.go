package web

import (
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"kexie/internal/access"
)

// memOnce is an OnceStore in memory.
type memOnce struct {
	mu   sync.Mutex
	used map[string]bool
}

func (m *memOnce) Claim(_ *http.Request, t string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.used[t] {
		return false, nil
	}
	m.used[t] = true
	return true, nil
}

func (m *memOnce) Release(_ *http.Request, t string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.used, t)
	return nil
}

var onceRE = regexp.MustCompile(`name="form_once" value="([A-Za-z0-9_-]{22})"`)

// onceRule lets the staff of org 1 do t.do.
var onceRule = access.Require("t.do", func(r *http.Request) (access.Resource, error) {
	return access.Resource{OrgPath: "/1/"}, nil
})

// formSite is a test site whose callers auth names and whose forms carry
// tokens kept in store, with the permissions t.do (staff) and t.admin
// (admins) and a form at GET /t (t/form.html); the test adds the rest.
func formSite(t *testing.T, auth Authenticator, store OnceStore) *Site {
	t.Helper()
	p := access.NewPolicy(access.Permission{Action: "t.do", Roles: []access.Role{access.OrgStaff}},
		access.Permission{Action: "t.admin", Roles: []access.Role{access.OrgAdmin}})
	s, err := NewSite(SiteConfig{Policy: p, Auth: auth, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Templates: []fs.FS{testTemplates}, CSRFKey: []byte(strings.Repeat("k", 32)), Once: store})
	if err != nil {
		t.Fatal(err)
	}
	s.Handle("GET /t", access.SignedIn(), func(w http.ResponseWriter, r *http.Request) error {
		return s.Render(w, r, "t/form.html", "app.name", "x")
	})
	return s
}

// onceClient is a browser of the test site at base that follows no
// redirect, and page, which reads the CSRF and form tokens of a fresh /t.
func onceClient(t *testing.T, base string) (*http.Client, func() (csrf, once string)) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return c, func() (string, string) {
		t.Helper()
		res, err := c.Get(base + "/t")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		m, o := tokenRE.FindSubmatch(body), onceRE.FindSubmatch(body)
		if m == nil || o == nil {
			t.Fatalf("no csrf or form_once field in %s", body)
		}
		return string(m[1]), string(o[1])
	}
}

// A form's submission goes through once: the same token again is answered
// 409 with a message and not handled; a submission shown again with its
// errors (422) gives its token back, so the corrected form is handled;
// each page a form is shown on carries a new token; a POST without one (a
// script) passes; a malformed one is ignored.
func TestFormOnce(t *testing.T) {
	staff := &access.Subject{UserID: 1, Username: "u", Grants: []access.Grant{{OrgPath: "/1/", Role: access.OrgStaff}}}
	s := formSite(t, fakeAuth{staff}, &memOnce{used: map[string]bool{}})
	writes := 0
	s.Handle("POST /t", onceRule, func(w http.ResponseWriter, r *http.Request) error {
		if r.PostFormValue("name") == "" {
			return Errorf(http.StatusUnprocessableEntity, "error.bad_request")
		}
		writes++
		return Redirect(w, r, "/t")
	})
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	c, page := onceClient(t, srv.URL)
	post := func(form url.Values) (int, string) {
		t.Helper()
		res, err := c.PostForm(srv.URL+"/t", form)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		return res.StatusCode, string(body)
	}
	csrf, once := page()
	if _, again := page(); again == once {
		t.Error("two pages carry the same form token")
	}
	// Sent with an error, then corrected: the token came back.
	if st, _ := post(url.Values{"csrf_token": {csrf}, FormOnceField: {once}}); st != http.StatusUnprocessableEntity {
		t.Fatalf("a form with an error: %d", st)
	}
	if st, _ := post(url.Values{"csrf_token": {csrf}, FormOnceField: {once}, "name": {"a"}}); st != http.StatusSeeOther || writes != 1 {
		t.Fatalf("the corrected form: %d, %d writes", st, writes)
	}
	// The same form again: refused, said so, not handled; the page links
	// back to the page the form came from, and to no other site's.
	st, body := post(url.Values{"csrf_token": {csrf}, FormOnceField: {once}, "name": {"a"}})
	if st != http.StatusConflict || writes != 1 || !strings.Contains(body, "该表单已经提交过，第一次提交已保存") {
		t.Errorf("sent again: %d, %d writes, %.200s", st, writes, body)
	}
	for _, tt := range []struct{ referer, link string }{
		{srv.URL + "/t?tab=2&x=1", `<a class="btn primary" href="/t?tab=2&amp;x=1">返回原页面</a>`},
		{"https://evil.example/t", ""},
		{strings.Replace(srv.URL, "127.0.0.1", "evil.example", 1) + "/t", ""},
		{"javascript:alert(1)", ""},
		{srv.URL + "/%5Cevil.example", ""},
		{"", ""},
	} {
		req, _ := http.NewRequest("POST", srv.URL+"/t", strings.NewReader(url.Values{"csrf_token": {csrf}, FormOnceField: {once}, "name": {"a"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Referer", tt.referer)
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		page := string(b)
		switch {
		case res.StatusCode != http.StatusConflict:
			t.Errorf("referer %q: %d", tt.referer, res.StatusCode)
		case tt.link != "" && !strings.Contains(page, tt.link):
			t.Errorf("referer %q: no link %s in %s", tt.referer, tt.link, page)
		case tt.link == "" && (strings.Contains(page, "返回原页面") || strings.Contains(page, "evil")):
			t.Errorf("referer %q: linked back in %s", tt.referer, page)
		case !strings.Contains(page, `<a class="btn" href="/">返回首页</a>`):
			t.Errorf("referer %q: no link home in %s", tt.referer, page)
		}
	}
	if writes != 1 {
		t.Errorf("%d writes after the form was sent again, want 1", writes)
	}
	// Without a token, or with one not of the form, the handler decides.
	for _, f := range []url.Values{{"csrf_token": {csrf}, "name": {"a"}}, {"csrf_token": {csrf}, FormOnceField: {"short"}, "name": {"a"}}} {
		if st, _ := post(f); st != http.StatusSeeOther {
			t.Errorf("%v: %d", f, st)
		}
	}
	if writes != 3 {
		t.Errorf("%d writes, want 3", writes)
	}
	// A site without a store writes no field.
	plain, _ := newTestSite(t, staff)
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/t", nil)
	plain.Handler().ServeHTTP(rec, req)
	if strings.Contains(rec.Body.String(), FormOnceField) {
		t.Error("a site without a store wrote a form token")
	}
}

// BackTo reads the page a form came from out of the Referer: a path of
// this site only, its query kept; anything another host, scheme or a
// browser could read as another host is the home page.
func TestBackTo(t *testing.T) {
	for _, tt := range []struct{ referer, want string }{
		{"", "/"},
		{"http://kexie.example/events/new?org=3", "/events/new?org=3"},
		{"https://kexie.example/events", "/events"},
		{"https://KEXIE.example/x", "/x"},
		{"/events?tab=2", "/events?tab=2"},
		{"https://kexie.example/a/../b/./c", "/b/c"},
		{"https://kexie.example/x?q=%3Cscript%3E", "/x?q=%3Cscript%3E"},
		{"https://kexie.example/报名", "/%E6%8A%A5%E5%90%8D"},
		{"https://kexie.example//evil.example/x", "/evil.example/x"},
		{"https://kexie.example/%2F%2Fevil.example", "/evil.example"},
		{"https://evil.example/events", "/"},
		{"https://kexie.example.evil.example/x", "/"},
		{"https://kexie.example@evil.example/x", "/"},
		{"https://evil.example@kexie.example/x", "/"},
		{"https://kexie.example:8443/x", "/"},
		{"//evil.example/x", "/"},
		{"///evil.example/x", "/"},
		{"/\\evil.example", "/"},
		{"\\evil.example", "/"},
		{"https://kexie.example/%5Cevil.example", "/"},
		{"https://kexie.example/%0d%0aSet-Cookie:x", "/"},
		{"javascript:alert(1)", "/"},
		{"JaVaScRiPt://kexie.example/%0aalert(1)", "/"},
		{"data:text/html,<script>", "/"},
		{"ftp://kexie.example/x", "/"},
		{"events", "/"},
		{"%", "/"},
	} {
		r := httptest.NewRequest("POST", "https://kexie.example/events", nil)
		if tt.referer != "" {
			r.Header.Set("Referer", tt.referer)
		}
		if got := BackTo(r); got != tt.want {
			t.Errorf("BackTo(%q) = %q, want %q", tt.referer, got, tt.want)
		}
	}
}
