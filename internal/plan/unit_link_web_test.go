package plan_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/plan"
)

// The units page lets staff choose the type of each unit it creates: it
// proposes 高校科协 for 攀枝花学院, and the choice is what is created.
func TestUnitTypeOverHTTP(t *testing.T) {
	eachDB(t, func(t *testing.T, ps planSite) {
		ctx := context.Background()
		doc, err := plan.Ingest(strings.NewReader("某市科普工作规划（2021—2025年）\n一、主要目标\n每年举办科普讲座不少于20场。\n牵头单位：攀枝花学院\n配合单位：市教育局\n"))
		if err != nil {
			t.Fatal(err)
		}
		id, err := ps.Plans.Save(ctx, ps.City.ID, doc, "plan.txt", "", []byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		staff, _ := ps.User(t, "unitstaff", access.OrgStaff, ps.City)
		_, page := staff.Get(fmt.Sprintf("/plans/%d/units", id))
		i := strings.Index(page, `name="type_0"`)
		if i < 0 || !strings.Contains(page[i:min(len(page), i+600)], `value="university" selected`) {
			t.Fatalf("no type choice proposing a university for 攀枝花学院: %s", snippet(page, "units-form"))
		}
		res, _ := staff.Post(fmt.Sprintf("/plans/%d/units", id), url.Values{"name_0": {"攀枝花学院"}, "choice_0": {"new"}, "type_0": {"university"},
			"name_1": {"市教育局"}, "choice_1": {"new"}, "type_1": {"gov_dept"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("link units: %d", res.StatusCode)
		}
		var typ string
		if err := ps.DB.QueryRow(ctx, `SELECT type FROM orgs WHERE name = ?`, "攀枝花学院").Scan(&typ); err != nil || typ != "university" {
			t.Errorf("攀枝花学院 created as %q (%v)", typ, err)
		}
	})
}
