package home_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/home"
	"kexie/internal/web"
	"kexie/internal/web/webtest"
)

func withMore(td home.Todo, more string) home.Todo { td.More = more; return td }

// The staff dashboard shows what waits for the viewer: each kind read in the
// scope of its permission for that viewer, at most five places with their
// counts, an empty kind left off, "nothing waiting" when every kind is
// empty, and no card for a viewer who holds none of the permissions.
func TestStaffTodos(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		perms := web.Module{Name: "work", Permissions: []access.Permission{
			{Action: "work.review", Roles: []access.Role{access.OrgStaff, access.OrgAdmin}},
			{Action: "work.file", Roles: []access.Role{access.OrgStaff, access.OrgAdmin}},
			{Action: "work.audit", Roles: []access.Role{access.SysAdmin}},
		}}
		var askedUser []int64
		empty := false
		todo := func(key string, perm access.Action, n int) home.Todo {
			return home.Todo{Key: key, Perm: perm, Items: func(_ context.Context, scope access.Scope, user int64) ([]home.TodoItem, error) {
				if scope.None() {
					t.Errorf("%s read with no scope", key)
				}
				askedUser = append(askedUser, user)
				var out []home.TodoItem
				for i := 0; i < n && !empty; i++ {
					out = append(out, home.TodoItem{Title: "规划" + strconv.Itoa(i+1), Count: 10 + i, Href: "/plans/" + strconv.Itoa(i+1) + "/dashboard"})
				}
				return out, nil
			}}
		}
		ws.Start(perms, home.Module(home.Sources{DB: d,
			OrgCounts: func(context.Context, access.Scope) ([]home.TypeCount, error) { return nil, nil },
			UserCount: func(context.Context, access.Scope) (int, error) { return 0, nil },
			Todos: []home.Todo{withMore(todo("home.todo.plan_review", "work.review", 7), "/plans"), todo("home.todo.plan_due", "work.file", 0),
				todo("home.todo.plan_due", "work.audit", 3),
				{Key: "home.todo.society_reports", Perm: "work.review", More: "/societies", Items: func(context.Context, access.Scope, int64) ([]home.TodoItem, error) {
					if empty {
						return nil, nil
					}
					return []home.TodoItem{{TitleKey: "home.todo.report_title", Title: "攀枝花市电子学会", Arg: "2025", Href: "/societies/9/reports/2025"}}, nil
				}}}}))
		staff, u := ws.User(t, "staff", access.OrgStaff, ws.City)

		res, body := staff.Get("/")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("staff home: %d", res.StatusCode)
		}
		for _, want := range []string{`id="todo"`, "待办事项", "规划进展待审核（条）", `<a href="/plans/1/dashboard">规划1</a> <span class="badge red">10</span>`, "规划5",
			`<a class="small" href="/plans">查看全部 ›</a>`,                                    // more than five: the kind's full list
			"学会年度报告待审核", `<a href="/societies/9/reports/2025">攀枝花市电子学会 2025 年度报告</a></li>`, // one thing: no count
		} {
			if !strings.Contains(body, want) {
				t.Errorf("staff home lacks %q", want)
			}
		}
		for _, not := range []string{"规划6", "本季度待填报指标", "暂无待办事项", `href="/societies">查看全部`} {
			if strings.Contains(body, not) {
				t.Errorf("staff home shows %q", not)
			}
		}
		if len(askedUser) != 2 || askedUser[0] != u.ID || askedUser[1] != u.ID {
			t.Errorf("kinds were read for users %v, want the viewer %d twice (never the kind it holds no permission for)", askedUser, u.ID)
		}

		empty = true
		if _, body := staff.Get("/"); !strings.Contains(body, "暂无待办事项。") || strings.Contains(body, "规划进展待审核") {
			t.Error("every kind empty: want 暂无待办事项 and no kind")
		}

		member, _ := ws.User(t, "member", access.Member, ws.City)
		if _, body := member.Get("/"); strings.Contains(body, `id="todo"`) {
			t.Error("a member is shown staff work")
		}
	})
}
