package jobs_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/web"
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

// An office user reads the jobs page for what ran, for whom, when and how
// it ended: the list leads with the job's name (not its number), the org,
// who started it, when, its state and result (a bar only while it runs);
// a job's page is titled by its name, says how long it took, and keeps
// the number and the kind's code out of the way (no code shown at all).
func TestAdminJobPages(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		c := freeze(d)
		r, _ := runner(t, d, c, "a", map[string]jobs.Kind{
			"test.import": {Handle: func(ctx context.Context, run *jobs.Run) error {
				c.Add(65 * time.Second)
				return nil
			}},
			"test.broken": {Handle: func(ctx context.Context, run *jobs.Run) error { return jobs.Fail("jobs.err.args") },
				// What it works on, as its module would read it from its
				// arguments (a push job: the message's title).
				Subject: func(ctx context.Context, j jobs.Job) string { return "台风天气防范提示" }},
		})
		ws.Start(jobs.Module(r, nil), web.Module{Name: "jobstest", Locales: fstest.MapFS{
			"zh-CN.json": {Data: []byte(`{"jobs.kind.test.import": "测试导入", "jobs.kind.test.broken": "测试推送"}`)},
			"en.json":    {Data: []byte(`{"jobs.kind.test.import": "Test import", "jobs.kind.test.broken": "Test push"}`)}}})
		admin, _ := ws.User(t, "admin", access.OrgAdmin, ws.City)
		s := jobs.NewStore(d)
		done := enqueue(t, d, jobs.Spec{Kind: "test.import", OrgID: ws.City.ID})
		waitFor(t, s, done, "done", inState(jobs.Done))
		failed := enqueue(t, d, jobs.Spec{Kind: "test.broken", OrgID: ws.City.ID})
		waitFor(t, s, failed, "failed", inState(jobs.Failed))

		_, body := admin.Get("/admin/jobs")
		table := body[strings.Index(body, `id="jobs-table"`):]
		for _, want := range []string{">任务 ", ">测试导入</a>", ws.City.Name, `<span class="badge green">已完成</span>`, "用时 1 分 5 秒",
			`<span class="badge red">失败</span>`, "任务参数无效。", `<span class="small muted job-subject">台风天气防范提示</span>`} {
			if !strings.Contains(table, want) {
				t.Errorf("list lacks %q", want)
			}
		}
		for _, bad := range []string{"<th class=\"hide-sm\">#</th>", ">" + strconv.FormatInt(done, 10) + "</a>", "<progress", "租约"} {
			if strings.Contains(body, bad) {
				t.Errorf("list shows %q", bad)
			}
		}
		if strings.Count(table, "job-subject") != 1 {
			t.Error("a job whose kind cannot say what it works on shows a subject")
		}
		if _, body := admin.Get("/admin/jobs/" + strconv.FormatInt(failed, 10)); !strings.Contains(body, `<dt>内容</dt><dd id="job-subject">台风天气防范提示</dd>`) {
			t.Error("a push job's page does not name its message")
		}
		_, body = admin.Get("/admin/jobs/" + strconv.FormatInt(done, 10))
		for _, want := range []string{"<h1>测试导入</h1>", ws.City.Name, "（用时 1 分 5 秒）", `<span class="badge green">已完成</span>`, `<details class="small" id="job-tech">`} {
			if !strings.Contains(body, want) {
				t.Errorf("job page lacks %q", want)
			}
		}
		if strings.Contains(body, "test.import") || strings.Contains(body, "<progress") {
			t.Error("the job page shows the kind's code or a bar for a finished job")
		}
	})
}
