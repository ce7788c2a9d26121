package jobs_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/web/webtest"
)

// The admin page filters jobs by the person who started them: suggestions
// name the people of the caller's jobs, a typed name (or part, or a user
// number) lists their jobs, and a name of nobody lists nothing.
func TestAdminPersonFilter(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		names := map[int64]string{}
		ws.Start(jobs.Module(jobs.NewRunner(d, jobs.Config{}), func(_ context.Context, ids []int64) map[int64]string {
			out := map[int64]string{}
			for _, id := range ids {
				out[id] = names[id]
			}
			return out
		}))
		admin, _ := ws.User(t, "admin", access.OrgAdmin, ws.City)
		_, wang := ws.User(t, "wangjg", access.OrgStaff, ws.City)
		_, li := ws.User(t, "lifang", access.OrgStaff, ws.City)
		_, peer := ws.User(t, "zhao", access.OrgStaff, ws.Peer)
		names[wang.ID], names[li.ID], names[peer.ID] = "王建国", "李芳", "赵敏"
		mine := enqueue(t, d, jobs.Spec{Kind: "people.import", OrgID: ws.City.ID, UserID: wang.ID})
		other := enqueue(t, d, jobs.Spec{Kind: "people.import", OrgID: ws.City.ID, UserID: li.ID})
		enqueue(t, d, jobs.Spec{Kind: "people.import", OrgID: ws.Peer.ID, UserID: peer.ID})
		row := func(id int64) string { return `href="/admin/jobs/` + strconv.FormatInt(id, 10) + `"` }

		_, body := admin.Get("/admin/jobs")
		for _, want := range []string{`list="jobs-people"`, `<option value="王建国">`, `<option value="李芳">`, row(mine), row(other)} {
			if !strings.Contains(body, want) {
				t.Errorf("list lacks %s", want)
			}
		}
		if strings.Contains(body, "赵敏") {
			t.Error("the picker offers a person of another city's jobs")
		}
		for _, tc := range []struct{ name, user string }{{"a name", "王建国"}, {"part of a name", "建国"}, {"a user number", strconv.FormatInt(wang.ID, 10)}} {
			_, body = admin.Get("/admin/jobs?user=" + url.QueryEscape(tc.user))
			if !strings.Contains(body, row(mine)) || strings.Contains(body, row(other)) {
				t.Errorf("by %s: want only 王建国's job", tc.name)
			}
		}
		_, body = admin.Get("/admin/jobs?user=" + url.QueryEscape("无此人"))
		if strings.Contains(body, row(mine)) || strings.Contains(body, row(other)) {
			t.Error("a name of nobody lists jobs")
		}
	})
}
