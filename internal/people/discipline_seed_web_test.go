package people_test

import (
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
)

// On a fresh install the discipline picker answers from the embedded
// GB/T 13745-2009 table, and the person form refuses free text as a
// discipline, naming it.
func TestDisciplinePickerFreshInstall(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		staff, _ := ps.User(t, "cityclerk", access.OrgStaff, ps.City)
		_, body := staff.Get("/std/disciplines?q=" + url.QueryEscape("材料"))
		if !strings.Contains(body, `"code":"430"`) || !strings.Contains(body, "材料科学") {
			t.Errorf("picker on a fresh install: %s", body)
		}
		res, body := staff.Post("/people", url.Values{"org_id": {itoa(ps.City.ID)}, "name": {"王芳"}, "discipline": {"cl"}})
		if res.StatusCode != 422 || !strings.Contains(body, "学科“cl”不在学科分类与代码表") {
			t.Errorf("free text as a discipline: %d", res.StatusCode)
		}
		res, _ = staff.Post("/people", url.Values{"org_id": {itoa(ps.City.ID)}, "name": {"王芳"}, "discipline": {"430"}, "email": {"wang@"}})
		if res.StatusCode != 422 {
			t.Errorf("wang@ accepted: %d", res.StatusCode)
		}
	})
}
