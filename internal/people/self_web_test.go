package people_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/std"
	"kexie/internal/web/webtest"
)

// A worker registers, records their own profile (with consent), downloads
// their data and asks for its deletion; the city's administrator resolves
// the request and the person is gone.
func TestSelfServiceFlow(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		c := ps.Client(t)
		if res, _ := c.Post("/register", url.Values{"username": {"zhao.min"}, "display_name": {"赵敏"}, "password": {webtest.Password}, "confirm": {webtest.Password}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("register: %d", res.StatusCode)
		}
		c.Post("/login", url.Values{"username": {"zhao.min"}, "password": {webtest.Password}})
		id := "51040219900101202"
		id += string(std.CitizenIDCheckDigit(id))
		form := url.Values{"name": {"赵敏"}, "org_id": {fmt.Sprint(ps.City.ID)}, "id_number": {id}, "phone": {"13812345678"}, "employer": {"攀枝花学院"}}
		res, body := c.Post("/me", form)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "请阅读并同意") {
			t.Fatalf("without consent: %d", res.StatusCode)
		}
		form.Set("consent", "yes")
		if res, _ := c.Post("/me", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("with consent: %d", res.StatusCode)
		}
		res, body = c.Get("/me/data")
		if res.StatusCode != http.StatusOK || !strings.Contains(body, id) || !strings.Contains(body, `"notice_version": "2026-11"`) {
			t.Errorf("my data: %d %.300s", res.StatusCode, body)
		}
		if res, _ := c.Post("/me/delete", url.Values{"reason": {"不再需要"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("deletion request: %d", res.StatusCode)
		}
		admin, _ := ps.User(t, "cityadmin", access.OrgAdmin, ps.City)
		_, body = admin.Get("/people/deletions")
		m := regexp.MustCompile(`/people/deletions/(\d+)/resolve`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no request listed: %.500s", body)
		}
		if res, _ := admin.Post("/people/deletions/"+m[1]+"/resolve", nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("resolve: %d", res.StatusCode)
		}
		if _, err := ps.People.FindByIDNumber(context.Background(), id); err == nil {
			t.Error("the erased person is still found by ID number")
		}
	})
}
