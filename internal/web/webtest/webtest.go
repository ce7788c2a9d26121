// Package webtest serves a module's pages in tests the way package app
// serves them in production: the platform wired (a migrated database of
// either dialect, the access policy, the org store with a root and two
// cities, accounts and sessions, the audit log) and only the modules the
// test adds. It gives signed-in clients, a clock the test moves, and
// helpers that drive headless Chromium.
//
// It is a platform package: it never imports a business module. A module's
// tests import it (as package <module>_test) and hand it their own module.
// It must only be imported by tests.
package webtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/config"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/pii"
	"kexie/internal/std"
	"kexie/internal/web"
)

// Password is the password of every account the helpers create.
const Password = "Kexie-2026-secret"

// Key derives the test key for purpose, the way the app derives its keys
// from the master secret: fixed, so a test can seal and unseal across
// stores.
func Key(purpose string) []byte {
	h := sha256.Sum256([]byte("kexie-test/" + purpose))
	return h[:]
}

// Keyring returns a personal-data keyring with the test keys.
func Keyring(t testing.TB) *pii.Keyring {
	t.Helper()
	k, err := pii.NewKeyring(Key, 1)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// Clock is a clock the test sets and moves; the auth service reads it (for
// TOTP codes and session ages), and a module may read it too.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock at now.
func NewClock(now time.Time) *Clock { return &Clock{now: now} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set moves the clock to now.
func (c *Clock) Set(now time.Time) {
	c.mu.Lock()
	c.now = now
	c.mu.Unlock()
}

// Tick moves the clock to the next TOTP step, so that a fresh code is
// accepted.
func (c *Clock) Tick() {
	c.mu.Lock()
	c.now = c.now.Add(31 * time.Second)
	c.mu.Unlock()
}

// Site is the platform under test. New wires it; Start adds the test's
// modules and serves it.
type Site struct {
	T      testing.TB
	DB     *db.DB
	Policy *access.Policy
	Orgs   *org.Store
	Auth   *auth.Service
	Clock  *Clock
	// Root is the root org; City and Peer are two cities under it, for
	// checking that one city's staff see nothing of the other's.
	Root, City, Peer org.Org

	// Web and URL are set by Start.
	Web *web.Site
	URL string

	platform []web.Module
	modules  []web.Module
}

// New wires the platform on d (a database from dbtest, migrated or not):
// the audit log, the org tree and the accounts with their pages, migrated,
// with the root org and two cities. Modules are added by Start.
func New(t testing.TB, d *db.DB) *Site {
	t.Helper()
	ctx := context.Background()
	cfg := config.Default()
	s := &Site{T: t, DB: d, Policy: access.NewPolicy(), Clock: NewClock(time.Now())}
	s.Orgs = org.NewStore(d, std.Regions())
	s.Auth = auth.NewService(d, s.Orgs, s.Policy, auth.Config{
		Idle: cfg.SessionIdle, Max: cfg.SessionMax, LockoutAttempts: cfg.LockoutAttempts, LockoutFor: cfg.LockoutFor,
		SecretKey: Key("totp"), Issuer: "科协工作平台",
	})
	s.Auth.Now = s.Clock.Now
	s.platform = []web.Module{audit.Module(d), org.Module(s.Orgs), s.Auth.Module()}
	if err := s.migrate(s.platform); err != nil {
		t.Fatal(err)
	}
	for _, m := range s.platform {
		s.Policy.Add(m.Permissions...)
	}
	var err error
	if s.Root, _, err = s.Orgs.EnsureRoot(ctx, "科学技术协会", "ROOT", org.TypeProvince); err != nil {
		t.Fatal(err)
	}
	if s.City, err = s.Orgs.Create(ctx, org.Input{ParentID: s.Root.ID, Code: "PZH", Name: "攀枝花市科学技术协会", Type: org.TypeCity, RegionCode: "510400"}); err != nil {
		t.Fatal(err)
	}
	if s.Peer, err = s.Orgs.Create(ctx, org.Input{ParentID: s.Root.ID, Code: "CZ", Name: "滁州市科学技术协会", Type: org.TypeCity, RegionCode: "341100"}); err != nil {
		t.Fatal(err)
	}
	return s
}

// Node wires a second node of the platform on s's database: its own org
// store, accounts service and policy (so its own caches), the same clock,
// orgs and accounts. Start it with its own copies of the test's modules to
// check that a change made on one node reaches the other's next request.
func (s *Site) Node() *Site {
	t := s.T
	t.Helper()
	cfg := config.Default()
	n := &Site{T: t, DB: s.DB, Policy: access.NewPolicy(), Clock: s.Clock, Root: s.Root, City: s.City, Peer: s.Peer}
	n.Orgs = org.NewStore(s.DB, std.Regions())
	n.Auth = auth.NewService(s.DB, n.Orgs, n.Policy, auth.Config{
		Idle: cfg.SessionIdle, Max: cfg.SessionMax, LockoutAttempts: cfg.LockoutAttempts, LockoutFor: cfg.LockoutFor,
		SecretKey: Key("totp"), Issuer: "科协工作平台",
	})
	n.Auth.Now = n.Clock.Now
	n.platform = []web.Module{audit.Module(s.DB), org.Module(n.Orgs), n.Auth.Module()}
	for _, m := range n.platform {
		n.Policy.Add(m.Permissions...)
	}
	return n
}

func (s *Site) migrate(mods []web.Module) error {
	var sets []db.Migrations
	for _, m := range mods {
		sets = append(sets, m.Migrations...)
	}
	return s.DB.Migrate(context.Background(), sets...)
}

// Start migrates modules, registers their permissions and routes beside
// the platform's, and serves the whole behind an httptest server closed at
// the end of the test. It returns s for chaining.
func (s *Site) Start(modules ...web.Module) *Site {
	t := s.T
	t.Helper()
	if s.Web != nil {
		t.Fatal("webtest: Start called twice")
	}
	if err := s.migrate(modules); err != nil {
		t.Fatal(err)
	}
	s.modules = modules
	all := append(append([]web.Module(nil), s.platform...), modules...)
	var locales, templates []fs.FS
	for _, m := range modules {
		s.Policy.Add(m.Permissions...)
	}
	for _, m := range all {
		if m.Locales != nil {
			locales = append(locales, m.Locales)
		}
		if m.Templates != nil {
			templates = append(templates, m.Templates)
		}
	}
	csrf := make([]byte, 32)
	if _, err := rand.Read(csrf); err != nil {
		t.Fatal(err)
	}
	site, err := web.NewSite(web.SiteConfig{
		Policy: s.Policy, Auth: s.Auth, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Locales: locales, Templates: templates, CSRFKey: csrf,
		Enrich: func(ctx context.Context, r *http.Request, id *web.Identity) context.Context {
			m := audit.Meta{IP: web.ClientIP(r), RequestID: web.RequestID(ctx)}
			if id != nil && id.Subject != nil {
				m.ActorID, m.ActorName = id.Subject.UserID, id.Subject.Username
			}
			return audit.WithMeta(ctx, m)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		site.AddNav(m.Nav...)
		if m.Routes != nil {
			m.Routes(site)
		}
	}
	if err := site.Err(); err != nil {
		t.Fatal(err)
	}
	s.Web = site
	srv := httptest.NewServer(site.Handler())
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}
