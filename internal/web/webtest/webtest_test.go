package webtest_test

import (
	"go/parser"
	"go/token"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// The platform alone serves sign-in and the org pages: a staff member and
// an administrator (with a second factor) sign in and see their city, a
// post without the CSRF token is refused, and the audit labels of the
// platform's modules are in their own catalogs.
func TestPlatform(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		s := webtest.New(t, d).Start()
		for _, role := range []access.Role{access.OrgStaff, access.OrgAdmin} {
			c, u := s.User(t, "u_"+string(role), role, s.City)
			if u.ID == 0 {
				t.Fatal("no user")
			}
			res, body := c.Get("/orgs")
			if res.StatusCode != http.StatusOK || !strings.Contains(body, s.City.Name) || strings.Contains(body, s.Peer.Name) {
				t.Errorf("%s: /orgs = %d %.300s", role, res.StatusCode, body)
			}
			res, err := c.HTTP.PostForm(c.Base+"/account/org", url.Values{"org_id": {"1"}})
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("%s: a post without the CSRF token = %d", role, res.StatusCode)
			}
		}
		if res, _ := s.Client(t).Get("/orgs"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("anonymous /orgs = %d", res.StatusCode)
		}
	})
}

func TestAuditActions(t *testing.T) {
	got := strings.Join(webtest.AuditActions(t, "testdata"), " ")
	if got != "thing.make thing.step_*" {
		t.Errorf("actions = %q", got)
	}
}

// webtest is a platform package: it imports the platform (and the org tree
// and accounts every module stands on), never a business module, so any
// module's tests may import it.
func TestImportsNoModule(t *testing.T) {
	allowed := map[string]bool{"access": true, "audit": true, "auth": true, "config": true, "db": true, "org": true,
		"pii": true, "std": true, "testenv": true, "web": true,
		"sheet": true} // the platform's spreadsheet reader (Client.XLSX), a leaf: it imports only valid
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		pf, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range pf.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if name, ok := strings.CutPrefix(p, "kexie/internal/"); ok && !allowed[name] {
				t.Errorf("%s imports %s", f, p)
			}
		}
	}
}
