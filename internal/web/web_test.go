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
	"testing"
	"testing/fstest"

	"kexie/internal/access"
)

// fakeAuth signs every request in as sub (nil: anonymous).
type fakeAuth struct{ sub *access.Subject }

func (f fakeAuth) Authenticate(http.ResponseWriter, *http.Request) (*Identity, error) {
	if f.sub == nil {
		return nil, nil
	}
	return &Identity{Subject: f.sub, SessionID: "s"}, nil
}

var testTemplates = fstest.MapFS{
	"t/form.html": {Data: []byte(`{{define "content"}}<form method="post" action="/t">{{template "csrf" .}}<b>{{.Data}}</b></form>{{end}}`)},
}

func newTestSite(t *testing.T, sub *access.Subject) (*Site, *int) {
	t.Helper()
	p := access.NewPolicy(access.Permission{Action: "t.do", Roles: []access.Role{access.OrgStaff}})
	s, err := NewSite(SiteConfig{Policy: p, Auth: fakeAuth{sub}, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Templates: []fs.FS{testTemplates}, CSRFKey: []byte(strings.Repeat("k", 32))})
	if err != nil {
		t.Fatal(err)
	}
	writes := new(int)
	s.Handle("GET /t", access.SignedIn(), func(w http.ResponseWriter, r *http.Request) error {
		return s.Render(w, r, "t/form.html", "app.name", "<i>data</i>")
	})
	s.Handle("POST /t", access.Require("t.do", func(r *http.Request) (access.Resource, error) {
		return access.Resource{OrgPath: "/1/2/"}, nil
	}), func(w http.ResponseWriter, r *http.Request) error {
		*writes++
		return Redirect(w, r, "/t")
	})
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return s, writes
}

var tokenRE = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

func TestCSRF(t *testing.T) {
	staff := &access.Subject{UserID: 1, Username: "u", Grants: []access.Grant{{OrgPath: "/1/", Role: access.OrgStaff}}}
	s, writes := newTestSite(t, staff)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	res, err := c.Get(srv.URL + "/t")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), "&lt;i&gt;data&lt;/i&gt;") {
		t.Errorf("page data not escaped: %s", body)
	}
	m := tokenRE.FindSubmatch(body)
	if m == nil {
		t.Fatalf("no csrf token in %s", body)
	}
	token := string(m[1])

	post := func(form url.Values) int {
		res, err := c.PostForm(srv.URL+"/t", form)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	tests := []struct {
		name   string
		form   url.Values
		status int
		writes int
	}{
		{"missing token", url.Values{}, http.StatusForbidden, 0},
		{"forged token", url.Values{"csrf_token": {"AAAA" + token[4:]}}, http.StatusForbidden, 0},
		{"valid token", url.Values{"csrf_token": {token}}, http.StatusSeeOther, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := post(tt.form); got != tt.status {
				t.Errorf("status = %d, want %d", got, tt.status)
			}
			if *writes != tt.writes {
				t.Errorf("handler ran %d times, want %d", *writes, tt.writes)
			}
		})
	}

	// A cross-origin browser request is refused even with a token.
	req, _ := http.NewRequest("POST", srv.URL+"/t", strings.NewReader("csrf_token="+url.QueryEscape(token)))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden || *writes != 1 {
		t.Errorf("cross-site post: status %d, writes %d", res.StatusCode, *writes)
	}
}

func TestGuard(t *testing.T) {
	tests := []struct {
		name   string
		sub    *access.Subject
		status int
	}{
		{"anonymous", nil, http.StatusUnauthorized},
		// Outside the subtree, the record is one that does not exist (D188).
		{"outside subtree", &access.Subject{UserID: 2, Grants: []access.Grant{{OrgPath: "/1/3/", Role: access.OrgStaff}}}, http.StatusNotFound},
		{"member lacks action", &access.Subject{UserID: 3, Grants: []access.Grant{{OrgPath: "/1/", Role: access.Member}}}, http.StatusForbidden},
		{"inside subtree", &access.Subject{UserID: 4, Grants: []access.Grant{{OrgPath: "/1/", Role: access.OrgStaff}}}, http.StatusSeeOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestSite(t, tt.sub)
			h := s.Handler()
			get := httptest.NewRecorder()
			h.ServeHTTP(get, httptest.NewRequest("GET", "/t", nil))
			var token, cookie string
			for _, c := range get.Result().Cookies() {
				if c.Name == csrfCookie {
					cookie = c.Value
				}
			}
			if m := tokenRE.FindStringSubmatch(get.Body.String()); m != nil {
				token = m[1]
			} else {
				token = s.sign(cookie)
			}
			req := httptest.NewRequest("POST", "/t", strings.NewReader("csrf_token="+url.QueryEscape(token)))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.AddCookie(&http.Cookie{Name: csrfCookie, Value: cookie})
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Errorf("status = %d, want %d", rec.Code, tt.status)
			}
		})
	}
}

// TestGuardOutOfScopeIsAbsent: a record outside the caller's subtrees gets
// the answer of a record that does not exist (status, the X-Access header,
// the page), and whoever holds the action nowhere gets the same 403 for
// both, before anything is looked up.
func TestGuardOutOfScopeIsAbsent(t *testing.T) {
	records := map[string]string{"7": "/1/2/", "8": "/1/3/"} // id → org path
	answer := func(sub *access.Subject, id string) (int, string, string, int) {
		s, _ := newTestSite(t, sub)
		looked := 0
		s.Handle("GET /r/{id}", access.Require("t.do", func(r *http.Request) (access.Resource, error) {
			looked++
			p, ok := records[r.PathValue("id")]
			if !ok {
				return access.Resource{}, ErrNotFound
			}
			return access.Resource{OrgPath: p}, nil
		}), func(w http.ResponseWriter, r *http.Request) error { _, err := io.WriteString(w, "record"); return err })
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/r/"+id, nil))
		body := regexp.MustCompile(`value="[^"]*"|nonce-[^']*'|nonce="[^"]*"|<code>[0-9a-f]{16}</code>`).ReplaceAllString(rec.Body.String(), "")
		return rec.Code, rec.Header().Get("X-Access"), body, looked
	}
	staff := &access.Subject{UserID: 2, Grants: []access.Grant{{OrgPath: "/1/2/", Role: access.OrgStaff}}}
	if code, _, body, _ := answer(staff, "7"); code != http.StatusOK || body != "record" {
		t.Fatalf("own record: %d %q", code, body)
	}
	code, hdr, body, _ := answer(staff, "8")
	acode, ahdr, abody, _ := answer(staff, "9")
	if code != http.StatusNotFound || code != acode || hdr != ahdr || body != abody {
		t.Errorf("out of scope %d %q, absent %d %q; same page: %v", code, hdr, acode, ahdr, body == abody)
	}
	member := &access.Subject{UserID: 3, Grants: []access.Grant{{OrgPath: "/1/", Role: access.Member}}}
	for _, id := range []string{"7", "9"} {
		if code, hdr, _, looked := answer(member, id); code != http.StatusForbidden || hdr != "denied" || looked != 0 {
			t.Errorf("no grant of the action, record %s: %d %q, resolver called %d times", id, code, hdr, looked)
		}
	}
}

func TestRouteWithoutRuleRefused(t *testing.T) {
	s, _ := newTestSite(t, nil)
	s.Handle("GET /naked", access.Rule{}, func(w http.ResponseWriter, r *http.Request) error { return nil })
	if s.Err() == nil {
		t.Fatal("a route without an access rule was accepted")
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/naked", nil))
	if rec.Code != http.StatusForbidden {
		t.Errorf("naked route answered %d, want 403", rec.Code)
	}
}

func TestSecurityHeadersAnd404(t *testing.T) {
	s, _ := newTestSite(t, nil)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/nope", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("status %d, want 404", rec.Code)
	}
	for _, h := range []string{"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "X-Request-Id"} {
		if rec.Header().Get(h) == "" {
			t.Errorf("header %s missing", h)
		}
	}
	if !strings.Contains(rec.Body.String(), "页面或记录不存在") {
		t.Errorf("404 page not localized: %s", rec.Body.String())
	}
}

func TestCatalogsComplete(t *testing.T) {
	c, err := NewCatalogs(localesFS())
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Missing(); len(m) > 0 {
		t.Errorf("keys missing: %v", m)
	}
	if got := c.TN("en", "list.total", 1); got != "1 record" {
		t.Errorf("TN one = %q", got)
	}
	if got := c.TN("zh-CN", "list.total", 3); got != "共 3 条" {
		t.Errorf("TN zh = %q", got)
	}
}

func TestNegotiateLanguage(t *testing.T) {
	tests := []struct{ query, pref, header, cookie, want string }{
		{"", "", "", "", "zh-CN"},
		{"", "", "en-US,en;q=0.9", "", "zh-CN"}, // the browser's language is no choice
		{"", "", "fr, en;q=0.5, zh;q=0.8", "", "zh-CN"},
		{"", "", "zh-CN", "en", "en"},
		{"", "en", "zh-CN", "zh-CN", "en"},
		{"en", "", "", "", "en"},
		{"zh-CN", "en", "", "en", "zh-CN"},
		{"xx", "", "en-US", "", "zh-CN"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/?lang="+tt.query, nil)
		r.Header.Set("Accept-Language", tt.header)
		if tt.cookie != "" {
			r.AddCookie(&http.Cookie{Name: "kexie_lang", Value: tt.cookie})
		}
		if got := NegotiateLanguage(r, tt.pref); got != tt.want {
			t.Errorf("NegotiateLanguage(?lang=%q, %q, %q, %q) = %q, want %q", tt.query, tt.pref, tt.header, tt.cookie, got, tt.want)
		}
	}
}

func TestSafeNext(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/orgs?q=1", "/orgs?q=1"},
		{"//evil.com", "/"},
		{"https://evil.com/", "/"},
		{"/\\evil.com", "/"},
		{"", "/"},
		{"orgs", "/"},
		// Decoded, these lead off the site in a browser, which drops tabs
		// and line breaks and reads a backslash as a slash.
		{"/%09/evil.com", "/"},
		{"/%0d%0a/evil.com", "/"},
		{"/%5Cevil.com", "/"},
		{"/a/..%2F%5Cevil.com", "/"},
		{"/%2F/evil.com", "/evil.com"},
		{"/orgs/%E4%B8%AD?q=%E4%B8%AD", "/orgs/%E4%B8%AD?q=%E4%B8%AD"},
		{"/a b", "/a%20b"},
	}
	for _, tt := range tests {
		if got := SafeNext(tt.in, "/"); got != tt.want {
			t.Errorf("SafeNext(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPanicRecoveryAndGzip(t *testing.T) {
	s, _ := newTestSite(t, &access.Subject{UserID: 1, Grants: []access.Grant{{OrgPath: "/1/", Role: access.OrgStaff}}})
	s.Handle("GET /p", access.SignedIn(), func(w http.ResponseWriter, r *http.Request) error { panic("boom") })
	h := s.Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/p", nil))
	if rec.Code != http.StatusInternalServerError || strings.Contains(rec.Body.String(), "boom") {
		t.Errorf("panic: status %d, body leaks %v", rec.Code, strings.Contains(rec.Body.String(), "boom"))
	}
	req := httptest.NewRequest("GET", "/t", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Header().Get("Content-Encoding") != "gzip" {
		t.Errorf("HTML not compressed: %v", rec.Header())
	}
}

// TestRedirectStaysOnSite: a target a browser would read as another host
// (a tab or line break it drops, a backslash it reads as a slash) goes home.
func TestRedirectStaysOnSite(t *testing.T) {
	for in, want := range map[string]string{
		"/events": "/events", "/\t/evil.com": "/", "/\n/evil.com": "/", "/\\evil.com": "/", "//evil.com": "/",
		"https://evil.com": "/", "/a\\b": "/",
	} {
		w := httptest.NewRecorder()
		if err := Redirect(w, httptest.NewRequest("POST", "/login", nil), in); err != nil {
			t.Fatal(err)
		}
		if got := w.Header().Get("Location"); got != want {
			t.Errorf("Redirect(%q): Location %q, want %q", in, got, want)
		}
	}
}
