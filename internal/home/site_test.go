package home_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/home"
	"kexie/internal/web/webtest"
)

// shelves stand in for the modules' readers: what each returns is fixed,
// and the user each was asked about is recorded.
func shelves(asked *[]int64) []home.Shelf {
	list := func(items ...home.Item) func(context.Context, int64, int) ([]home.Item, error) {
		return func(_ context.Context, user int64, limit int) ([]home.Item, error) {
			*asked = append(*asked, user)
			if len(items) > limit {
				items = items[:limit]
			}
			return items, nil
		}
	}
	many := make([]home.Item, 8)
	for i := range many {
		many[i] = home.Item{Title: "征集" + string(rune('A'+i)), Href: "/calls/" + string(rune('1'+i))}
	}
	return []home.Shelf{
		{Key: "apps", More: "/review/mine", Next: "/calls", List: list(home.Item{Title: "青年科技奖", Detail: "钒钛研究",
			Status: "home.mine.apps.title", When: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), WhenKey: "home.mine.updated", Href: "/calls/7/apply"})},
		{Key: "assignments", More: "/review/assignments", Next: "/review/assignments", Hidden: true, List: list()},
		{Key: "memberships", More: "/my/memberships", Next: "/my/memberships", List: list()},
		{Key: "volunteer", More: "/volunteer", Next: "/volunteer", List: list(home.Item{TitleKey: "home.mine.volunteer.hours", TitleArg: "12.5", Href: "/volunteer"},
			home.Item{Title: "科普日讲解", Status: "home.mine.due", StatusArg: "3月1日", Href: "/volunteer"})},
		{Key: "calls", More: "/calls", Next: "/calls", List: list(many...)},
	}
}

func TestMemberHome(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		var asked []int64
		ws.Start(home.Module(home.Sources{DB: d, Mine: shelves(&asked),
			OrgCounts: func(context.Context, access.Scope) ([]home.TypeCount, error) { return nil, nil },
			UserCount: func(context.Context, access.Scope) (int, error) { return 0, nil }}))
		member, u := ws.User(t, "member", access.Member, ws.City)
		staff, _ := ws.User(t, "staff", access.OrgStaff, ws.City)

		res, body := member.Get("/")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("member home: %d", res.StatusCode)
		}
		for _, want := range []string{
			"我的首页", `id="mine-apps"`, `href="/calls/7/apply"`, "青年科技奖", "钒钛研究", "2026-03-02 更新",
			// an empty list says so and offers the next step
			`id="mine-memberships"`, "您还不是任何学会的会员", `<a href="/my/memberships">查看会籍页面</a>`,
			"累计服务时长 12.5 小时", "3月1日 前完成", // a status worded with its argument
			// a long list shows five and links on
			"征集E", `<a href="/calls">查看全部 ›</a>`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("member home lacks %q", want)
			}
		}
		for _, not := range []string{"管辖范围", "组织数", "用户数", `id="mine-assignments"`, "征集F"} {
			if strings.Contains(body, not) {
				t.Errorf("member home shows %q", not)
			}
		}
		for _, id := range asked {
			if id != u.ID {
				t.Fatalf("a shelf was asked about user %d, not the member %d", id, u.ID)
			}
		}

		// Staff keep the org dashboard; they may not see users, so no count
		// of them (not a 0), while an administrator sees it.
		_, body = staff.Get("/")
		if !strings.Contains(body, "管辖范围") || strings.Contains(body, `id="mine-apps"`) {
			t.Error("staff do not land on the org dashboard")
		}
		if strings.Contains(body, "用户数") {
			t.Error("staff without user.view are shown a count of users")
		}
		admin, _ := ws.User(t, "admin", access.OrgAdmin, ws.City)
		if _, body = admin.Get("/"); !strings.Contains(body, "用户数") {
			t.Error("an administrator is not shown the count of users")
		}
	})
}
