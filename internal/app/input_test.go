package app

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/access"
)

// Bad input is refused at decoding with a 400 or 422 and a localized
// message, on every list page and form, on both databases — never a 500
// from SQLite ("LIKE pattern too complex") or PostgreSQL ("invalid byte
// sequence for encoding UTF8").
func TestBadInputRefused(t *testing.T) {
	onBothDBs(t, func(t *testing.T, dsn string) {
		ta := newTestApp(t, dsn)
		admin, _ := ta.user(t, "root", access.SysAdmin, ta.root)
		long := strings.Repeat("a%25", 30000) // "a%a%…": 60,000 characters
		queries := []struct {
			name, q string
			status  int
			text    string
		}{
			{"60,000 characters", "q=" + long, http.StatusUnprocessableEntity, "输入内容过长"},
			{"invalid UTF-8", "q=%FF%FE%FD", http.StatusBadRequest, "无效字符"},
			{"NUL", "q=a%00b", http.StatusBadRequest, "无效字符"},
			{"invalid UTF-8 in a filter", "sort=name&org=%C3%28", http.StatusBadRequest, "无效字符"},
		}
		for _, path := range []string{"/orgs", "/orgs/lookup", "/people", "/people/pools", "/members/units",
			"/plans", "/plans/compare", "/audit", "/users", "/std/disciplines"} {
			for _, q := range queries {
				t.Run(path+" "+q.name, func(t *testing.T) {
					res, body := admin.get(path + "?" + q.q)
					if res.StatusCode != q.status || !strings.Contains(body, q.text) {
						t.Errorf("GET %s?%.40s: %d, want %d with %q: %.300s", path, q.q, res.StatusCode, q.status, q.text, body)
					}
				})
			}
		}
		// The same search term at the cap is an ordinary search.
		if res, _ := admin.get("/people?q=" + strings.Repeat("张", 256)); res.StatusCode != http.StatusOK {
			t.Errorf("256-character search: %d", res.StatusCode)
		}
		// A posted search term is capped the same way.
		if res, body := admin.post("/people/pools/1/add", url.Values{"q": {strings.Repeat("a%", 30000)}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "输入内容过长") {
			t.Errorf("posted 60,000-character search: %d %.300s", res.StatusCode, body)
		}
		parent := strconv.FormatInt(ta.root.ID, 10)
		for _, f := range []struct {
			name  string
			value string
		}{{"NUL", "学会\x00"}, {"invalid UTF-8", "学会\xff"}} {
			t.Run("POST /orgs "+f.name, func(t *testing.T) {
				res, body := admin.post("/orgs", url.Values{"parent_id": {parent}, "code": {"X1"}, "name": {f.value}, "type": {"society"}})
				if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "无效字符") {
					t.Errorf("%d %.300s", res.StatusCode, body)
				}
			})
		}
	})
}
