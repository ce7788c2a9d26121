package people_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/people"
)

// The search page shows the membership facet with its grades named — from
// the database before the in-memory index is built and from the index
// after it — and its links filter by grade.
func TestMembershipFacetPage(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		ctx := context.Background()
		ids := map[string]int64{}
		for _, name := range []string{"张伟", "王芳", "刘洋"} {
			p, err := ps.People.Create(ctx, people.Input{OrgID: ps.City.ID, Name: name, Expertise: "钒钛磁铁矿"})
			if err != nil {
				t.Fatal(err)
			}
			ids[name] = p.ID
		}
		if _, err := ps.People.AddMembership(ctx, people.MembershipInput{PersonID: ids["王芳"], OrgID: ps.Peer.ID, Grade: "fellow", Status: "lapsed"}); err != nil {
			t.Fatal(err)
		}
		staff, _ := ps.User(t, "cityclerk", access.OrgStaff, ps.City)
		// Staff record 张伟 as a fellow through the person's page.
		res, _ := staff.Post(fmt.Sprintf("/people/%d/memberships", ids["张伟"]), url.Values{"org_code": {"PZH"}, "grade": {"fellow"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("add membership: %d", res.StatusCode)
		}
		search := "/people?q=" + url.QueryEscape("钒钛")
		page := func(label, path string, want, unwanted []string) {
			t.Helper()
			res, body := staff.Get(path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s %s: %d", label, path, res.StatusCode)
			}
			for _, w := range want {
				if !strings.Contains(body, w) {
					t.Errorf("%s: %s lacks %q", label, path, w)
				}
			}
			for _, w := range unwanted {
				if strings.Contains(body, w) {
					t.Errorf("%s: %s shows %q", label, path, w)
				}
			}
		}
		page("database", search, []string{`<h3>会员级别</h3>`, `>会士</a> <span class="muted">1</span>`, `>非会员</a> <span class="muted">2</span>`,
			`membership=fellow`}, []string{`>高级会员</a>`})
		page("database", search+"&membership=fellow", []string{"张伟", `>会士</a> <span class="muted">1</span>`}, []string{"王芳", "刘洋"})

		if err := ps.People.BuildIndex(ctx); err != nil {
			t.Fatal(err)
		}
		res, _ = staff.Post(fmt.Sprintf("/people/%d/memberships", ids["刘洋"]), url.Values{"org_code": {"PZH"}, "grade": {"senior"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("add membership: %d", res.StatusCode)
		}
		page("index", search, []string{`<h3>会员级别</h3>`, `>会士</a> <span class="muted">1</span>`, `>高级会员</a> <span class="muted">1</span>`,
			`>非会员</a> <span class="muted">1</span>`}, nil)
		page("index", search+"&membership=none", []string{"王芳", `>非会员</a> <span class="muted">1</span>`}, []string{"张伟", "刘洋"})
	})
}
