package app

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/config"
	"kexie/internal/org"
	"kexie/internal/web/webtest"
)

// A fresh data directory has no root org until someone with the token
// serve printed names it and its region on the setup page; then the page
// is gone. No "科学技术协会 / ROOT" appears.
func TestFirstRunSetup(t *testing.T) {
	onBothDBs(t, testFirstRunSetup)
}

func testFirstRunSetup(t *testing.T, dsn string) {
	{
		cfg := config.Default()
		cfg.DataDir = t.TempDir()
		cfg.DB = dsn
		ctx := context.Background()
		a, err := Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { a.Close() })
		if err := a.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if need, err := a.NeedsSetup(ctx); err != nil || !need {
			t.Fatalf("fresh database needs setup: %v %v", need, err)
		}
		token := a.OpenSetup()
		if err := a.BuildSite(); err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(a.Handler())
		t.Cleanup(srv.Close)
		c := webtest.NewClient(t, srv.URL)

		res, body := c.Get("/setup?token=" + token)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, `name="region"`) || !strings.Contains(body, token) {
			t.Fatalf("setup page: %d %.300s", res.StatusCode, body)
		}
		form := url.Values{"name": {"四川省科学技术协会"}, "region": {"510000"}, "token": {"wrong"}}
		if res, _ := c.Post("/setup", form); res.StatusCode != http.StatusForbidden {
			t.Errorf("wrong token: %d, want 403", res.StatusCode)
		}
		form.Set("token", token)
		form.Set("region", "519999")
		if res, body := c.Post("/setup", form); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "行政区划代码") {
			t.Errorf("bad region: %d %.300s", res.StatusCode, body)
		}
		if need, _ := a.NeedsSetup(ctx); !need {
			t.Fatal("a refused setup created the root")
		}
		form.Set("region", "510000")
		res, body = c.Post("/setup", form)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, `id="setup-password"`) {
			t.Fatalf("setup: %d %.500s", res.StatusCode, body)
		}
		root, err := a.Orgs.Root(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if root.Name != "四川省科学技术协会" || root.RegionCode != "510000" || root.Code != "510000-KX" || root.Type != org.TypeProvince {
			t.Errorf("root = %+v", root)
		}
		if n, err := a.Auth.CountUsers(ctx, access.Everywhere()); err != nil || n != 1 {
			t.Errorf("users after setup: %d %v", n, err)
		}
		if res, _ := c.Get("/setup?token=" + token); res.StatusCode != http.StatusNotFound {
			t.Errorf("setup page after setup: %d, want 404", res.StatusCode)
		}
		if res, _ := c.Post("/setup", form); res.StatusCode != http.StatusNotFound {
			t.Errorf("second setup: %d, want 404", res.StatusCode)
		}
	}
}
