package app

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/config"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/web/webtest"
)

// The harness serves the whole app, every module wired by Open, for the
// tests about that wiring: the route matrix, every page rendering, flows
// that cross modules. A module's own HTTP and browser tests serve only that
// module, with package webtest, in its own folder.

const testPassword = webtest.Password

// testApp is a wired app on a fresh database behind an httptest server,
// with a controllable clock for TOTP codes.
type testApp struct {
	*App
	srv              *httptest.Server
	root, city, peer org.Org // the root and two cities under it
	clk              *webtest.Clock
}

func newTestApp(t testing.TB, dsn string) *testApp {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.DB = dsn
	ta := openTestApp(t, cfg, true)
	ctx := context.Background()
	var err error
	ta.city, err = ta.Orgs.Create(ctx, org.Input{ParentID: ta.root.ID, Code: "PZH", Name: "攀枝花市科学技术协会", Type: org.TypeCity, RegionCode: "510400"})
	must(t, err)
	ta.peer, err = ta.Orgs.Create(ctx, org.Input{ParentID: ta.root.ID, Code: "CZ", Name: "滁州市科学技术协会", Type: org.TypeCity, RegionCode: "341100"})
	must(t, err)
	return ta
}

// openTestApp opens the app on cfg and migrates its database (bootstrap:
// a fresh one, which then gets its root and first administrator), serves
// it behind an httptest server and reads the root.
func openTestApp(t testing.TB, cfg config.Config, bootstrap bool) *testApp {
	t.Helper()
	ctx := context.Background()
	a, err := Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	must(t, err)
	t.Cleanup(func() { a.Close() })
	ta := &testApp{App: a, clk: webtest.NewClock(time.Now())}
	a.Auth.Now = ta.clk.Now
	must(t, a.Migrate(ctx))
	if bootstrap {
		_, _, err := a.Bootstrap(ctx)
		must(t, err)
	}
	must(t, a.BuildSite())
	ta.srv = httptest.NewServer(a.Handler())
	t.Cleanup(ta.srv.Close)
	ta.root, err = a.Orgs.Root(ctx)
	must(t, err)
	return ta
}

// onBothDBs runs fn on a fresh SQLite database, then on a fresh PostgreSQL
// schema, as the subtests "sqlite" and "postgres".
func onBothDBs(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) { fn(t, freshDSN(t, dialect)) })
	}
}

// freshDSN opens a fresh database of dialect ("sqlite" or "postgres").
func freshDSN(t testing.TB, dialect string) string {
	t.Helper()
	if dialect == "sqlite" {
		return dbtest.OpenSQLite(t).DSN()
	}
	return dbtest.PostgresDSN(t)
}

func (ta *testApp) clock() time.Time { return ta.clk.Now() }

// tick moves the clock to the next TOTP step so a fresh code is accepted.
func (ta *testApp) tick() { ta.clk.Tick() }

// client is webtest's client under the harness's older, lower-case names.
type client struct {
	*webtest.Client
	t    testing.TB
	http *http.Client
	base string
}

func wrap(c *webtest.Client) *client {
	return &client{Client: c, t: c.T, http: c.HTTP, base: c.Base}
}

func (ta *testApp) client(t testing.TB) *client { return wrap(webtest.NewClient(t, ta.srv.URL)) }

func (c *client) get(path string) (*http.Response, string) {
	c.t.Helper()
	return c.Get(path)
}

func (c *client) post(path string, form url.Values) (*http.Response, string) {
	c.t.Helper()
	return c.Post(path, form)
}

func (c *client) token() string {
	c.t.Helper()
	return c.Token()
}

// user creates an account holding role on o, with 2FA enabled for
// administrators, and returns a client signed in as it.
func (ta *testApp) user(t testing.TB, name string, role access.Role, o org.Org) (*client, auth.User) {
	t.Helper()
	c, u := webtest.SignIn(t, ta.srv.URL, ta.Auth, ta.clk, name, role, o)
	return wrap(c), u
}

func authInput(name string) auth.UserInput { return webtest.UserInput(name) }
