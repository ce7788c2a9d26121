package org_test

import (
	"context"
	"fmt"
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

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/web"
)

// fixedAuth signs every request in as one identity.
type fixedAuth struct{ id *web.Identity }

func (a fixedAuth) Authenticate(http.ResponseWriter, *http.Request) (*web.Identity, error) {
	return a.id, nil
}

// siteFor serves the org module alone, to the user holding grants.
func siteFor(t *testing.T, s *org.Store, grants ...access.Grant) *client {
	t.Helper()
	m := org.Module(s)
	id := &web.Identity{Subject: &access.Subject{UserID: 1, Username: "u", Name: "测试用户", Grants: grants}, SessionID: "s"}
	if len(grants) > 0 {
		id.CurrentOrgID = grants[0].OrgID
	}
	site, err := web.NewSite(web.SiteConfig{Policy: access.NewPolicy(m.Permissions...), Auth: fixedAuth{id},
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Locales: []fs.FS{m.Locales}, Templates: []fs.FS{m.Templates},
		CSRFKey: []byte(strings.Repeat("k", 32))})
	if err != nil {
		t.Fatal(err)
	}
	site.AddNav(m.Nav...)
	m.Routes(site)
	if err := site.Err(); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site.Handler())
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: srv.URL, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type client struct {
	t     *testing.T
	base  string
	c     *http.Client
	token string
}

var tokenRE = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

func (c *client) do(method, path string, form url.Values) (*http.Response, string) {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		form.Set("csrf_token", c.token)
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, c.base+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := c.c.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if m := tokenRE.FindSubmatch(b); m != nil {
		c.token = string(m[1]) // the CSRF cookie is in the jar; the token is in every signed-in page
	}
	return res, string(b)
}

func TestPages(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		tr := build(t, s)
		xss, err := s.Create(ctx, org.Input{ParentID: tr.a.ID, Code: "XSS", Name: `<script>alert(1)</script>`, Type: org.TypeSociety, RegionCode: "510400"})
		if err != nil {
			t.Fatal(err)
		}
		admin := access.Grant{OrgID: tr.root.ID, OrgPath: tr.root.Path, Role: access.OrgAdmin}
		cityAdmin := access.Grant{OrgID: tr.a.ID, OrgPath: tr.a.Path, Role: access.OrgAdmin}
		peerStaff := access.Grant{OrgID: tr.b.ID, OrgPath: tr.b.Path, Role: access.OrgStaff}
		id := func(o org.Org) string { return fmt.Sprint(o.ID) }
		tests := []struct {
			name    string
			grant   access.Grant
			path    string
			status  int
			want    []string
			notWant []string
		}{
			{"tree escapes names", cityAdmin, "/orgs", 200,
				[]string{"&lt;script&gt;alert(1)&lt;/script&gt;", "东区科协", "攀枝花市", "新建下级组织"}, []string{"<script>alert(1)"}},
			{"tree of a peer starts at its own org", peerStaff, "/orgs", 200, []string{"成都市科学技术协会"}, []string{"东区科协", "新建下级组织"}},
			{"browse outside scope", peerStaff, "/orgs?under=" + id(tr.a), 404, nil, nil},
			{"search is scoped", peerStaff, "/orgs?q=市", 200, []string{"成都市科学技术协会"}, []string{"攀枝花"}},
			{"search by region", admin, "/orgs?region=510400", 200, []string{"&lt;script&gt;"}, []string{"东区科协"}},
			{"detail", cityAdmin, "/orgs/" + id(tr.a1), 200, []string{"PZH-DQ", "银江镇科协", "/orgs/" + id(tr.a1) + "/edit"}, nil},
			{"detail shows the region's full name", admin, "/orgs/" + id(xss), 200, []string{"四川省", "攀枝花市"}, nil},
			{"detail of a sibling subtree", peerStaff, "/orgs/" + id(tr.a), 404, nil, []string{"攀枝花市科学技术协会"}}, // out of scope: as if absent
			{"new form needs org.create at the parent", cityAdmin, "/orgs/new?parent=" + id(tr.b), 404, nil, nil},
			{"staff may not edit", peerStaff, "/orgs/" + id(tr.b) + "/edit", 403, nil, nil},
			{"lookup is scoped", peerStaff, "/orgs/lookup?q=c", 200, []string{`"code":"CD"`}, []string{"PZH"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res, body := siteFor(t, s, tt.grant).do("GET", tt.path, nil)
				if res.StatusCode != tt.status {
					t.Fatalf("status = %d, want %d", res.StatusCode, tt.status)
				}
				for _, w := range tt.want {
					if !strings.Contains(body, w) {
						t.Errorf("page lacks %q", w)
					}
				}
				for _, w := range tt.notWant {
					if strings.Contains(body, w) {
						t.Errorf("page shows %q", w)
					}
				}
			})
		}
		t.Run("export", func(t *testing.T) {
			res, body := siteFor(t, s, admin).do("GET", "/orgs?q=科协&format=xlsx", nil)
			if ct := res.Header.Get("Content-Type"); res.StatusCode != 200 || ct != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
				t.Fatalf("export: %d %s", res.StatusCode, ct)
			}
			if !strings.HasPrefix(body, "PK") {
				t.Errorf("export is not a ZIP/XLSX file")
			}
		})
	})
}

func TestForms(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		tr := build(t, s)
		c := siteFor(t, s, access.Grant{OrgID: tr.a.ID, OrgPath: tr.a.Path, Role: access.OrgAdmin})
		c.do("GET", fmt.Sprintf("/orgs/new?parent=%d", tr.a.ID), nil)
		if c.token == "" {
			t.Fatal("no CSRF token on the form")
		}
		form := func(kv ...string) url.Values {
			v := url.Values{}
			for i := 0; i < len(kv); i += 2 {
				v.Set(kv[i], kv[i+1])
			}
			return v
		}
		before := count(t, d)

		res, body := c.do("POST", "/orgs", form("parent_id", fmt.Sprint(tr.a.ID), "code", "cd", "name", "攀枝花市某学会", "type", "society"))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "组织代码 CD 已被其他组织使用") ||
			!strings.Contains(body, `value="攀枝花市某学会"`) {
			t.Errorf("duplicate code: status %d, error or kept input missing", res.StatusCode)
		}
		if res, _ := c.do("POST", "/orgs", form("parent_id", fmt.Sprint(tr.b.ID), "code", "X1", "name", "n", "type", "society")); res.StatusCode != 404 {
			t.Errorf("create under a sibling subtree: %d, want 404", res.StatusCode)
		}
		tok := c.token
		c.token = "forged"
		if res, _ := c.do("POST", "/orgs", form("parent_id", fmt.Sprint(tr.a.ID), "code", "X2", "name", "n", "type", "society")); res.StatusCode != 403 {
			t.Errorf("forged CSRF token: %d, want 403", res.StatusCode)
		}
		c.token = tok
		if got := count(t, d); got != before {
			t.Fatalf("refused posts wrote: %d orgs, want %d", got, before)
		}

		res, _ = c.do("POST", "/orgs", form("parent_id", fmt.Sprint(tr.a.ID), "code", "pzh-kx", "name", "攀枝花市科普协会", "type", "kepu", "region_code", "510400"))
		created, err := s.GetByCode(ctx, "PZH-KX")
		if res.StatusCode != http.StatusSeeOther || err != nil || res.Header.Get("Location") != fmt.Sprintf("/orgs/%d", created.ID) {
			t.Fatalf("create: %d to %q, %v", res.StatusCode, res.Header.Get("Location"), err)
		}
		if _, body := c.do("GET", res.Header.Get("Location"), nil); !strings.Contains(body, "已创建组织") {
			t.Errorf("no flash after create")
		}

		// Moving needs org.move where the org goes, too.
		res, body = c.do("POST", fmt.Sprintf("/orgs/%d/move", tr.a1.ID), form("parent_code", "cd"))
		if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "您无权") {
			t.Errorf("move to a sibling subtree: %d", res.StatusCode)
		}
		res, body = c.do("POST", fmt.Sprintf("/orgs/%d/move", tr.a.ID), form("parent_code", "PZH-DQ-1"))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "不能把组织调整到它自己或它的下级组织之下") {
			t.Errorf("move into a descendant: %d", res.StatusCode)
		}
		if res, _ = c.do("POST", fmt.Sprintf("/orgs/%d/move", tr.a1x.ID), form("parent_code", "pzh")); res.StatusCode != http.StatusSeeOther {
			t.Errorf("move: %d", res.StatusCode)
		}
		if got, _ := s.Get(ctx, tr.a1x.ID); got.ParentID != tr.a.ID || got.Path != fmt.Sprintf("%s%d/", tr.a.Path, tr.a1x.ID) {
			t.Errorf("after move: parent %d path %s", got.ParentID, got.Path)
		}
	})
}
