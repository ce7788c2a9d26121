package app

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/config"
	"kexie/internal/org"
)

const testPassword = "Kexie-2026-secret"

// testApp is a wired app on a fresh SQLite database behind an httptest
// server, with a controllable clock for TOTP codes.
type testApp struct {
	*App
	srv  *httptest.Server
	root org.Org
	city org.Org // a city under the root
	peer org.Org // a sibling city
	mu   sync.Mutex
	now  time.Time
}

func newTestApp(t testing.TB, dsn string) *testApp {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.DB = dsn
	a, err := Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	ta := &testApp{App: a, now: time.Now()}
	a.Auth.Now = ta.clock
	if err := a.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.Bootstrap(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := a.BuildSite(); err != nil {
		t.Fatal(err)
	}
	ta.srv = httptest.NewServer(a.Handler())
	t.Cleanup(ta.srv.Close)
	ctx := context.Background()
	if ta.root, err = a.Orgs.Root(ctx); err != nil {
		t.Fatal(err)
	}
	if ta.city, err = a.Orgs.Create(ctx, org.Input{ParentID: ta.root.ID, Code: "PZH", Name: "攀枝花市科学技术协会", Type: org.TypeCity, RegionCode: "510400"}); err != nil {
		t.Fatal(err)
	}
	if ta.peer, err = a.Orgs.Create(ctx, org.Input{ParentID: ta.root.ID, Code: "CZ", Name: "滁州市科学技术协会", Type: org.TypeCity, RegionCode: "341100"}); err != nil {
		t.Fatal(err)
	}
	return ta
}

func (ta *testApp) clock() time.Time {
	ta.mu.Lock()
	defer ta.mu.Unlock()
	return ta.now
}

// tick moves the clock to the next TOTP step so a fresh code is accepted.
func (ta *testApp) tick() {
	ta.mu.Lock()
	ta.now = ta.now.Add(31 * time.Second)
	ta.mu.Unlock()
}

// client is a browser-like HTTP client with a cookie jar that does not
// follow redirects.
type client struct {
	t    testing.TB
	http *http.Client
	base string
}

func (ta *testApp) client(t testing.TB) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: ta.srv.URL, http: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

var csrfRE = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

func (c *client) get(path string) (*http.Response, string) {
	c.t.Helper()
	res, err := c.http.Get(c.base + path)
	if err != nil {
		c.t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(b)
}

// token fetches a page to obtain the CSRF cookie and token.
func (c *client) token() string {
	c.t.Helper()
	for _, p := range []string{"/login", "/account"} {
		_, body := c.get(p)
		if m := csrfRE.FindStringSubmatch(body); m != nil {
			return m[1]
		}
	}
	c.t.Errorf("no CSRF token on /login or /account")
	return ""
}

func (c *client) post(path string, form url.Values) (*http.Response, string) {
	c.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if form.Get("csrf_token") == "" {
		form.Set("csrf_token", c.token())
	}
	res, err := c.http.PostForm(c.base+path, form)
	if err != nil {
		c.t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(b)
}

// user creates an account holding role on o, with 2FA enabled for
// administrators, and returns a client signed in as it.
func (ta *testApp) user(t testing.TB, name string, role access.Role, o org.Org) (*client, auth.User) {
	t.Helper()
	ctx := context.Background()
	u, err := ta.Auth.CreateUser(ctx, auth.UserInput{Username: name, DisplayName: name, Password: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Auth.Grant(ctx, u.ID, o.ID, role, 0); err != nil {
		t.Fatal(err)
	}
	var secret string
	if role == access.SysAdmin || role == access.OrgAdmin {
		if secret, _, err = ta.Auth.BeginTOTP(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		code, _ := totp.GenerateCode(secret, ta.clock())
		if _, err := ta.Auth.EnableTOTP(ctx, u.ID, code); err != nil {
			t.Fatal(err)
		}
		ta.tick()
	}
	c := ta.client(t)
	res, _ := c.post("/login", url.Values{"username": {name}, "password": {testPassword}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: %d", name, res.StatusCode)
	}
	if secret != "" {
		code, _ := totp.GenerateCode(secret, ta.clock())
		res, body := c.post("/login/2fa", url.Values{"code": {code}})
		if res.StatusCode != http.StatusSeeOther || strings.HasPrefix(res.Header.Get("Location"), "/login") {
			t.Fatalf("2fa %s: %d %s", name, res.StatusCode, body)
		}
		ta.tick()
	}
	return c, u
}

func authInput(name string) auth.UserInput {
	return auth.UserInput{Username: name, DisplayName: name, Password: testPassword}
}
