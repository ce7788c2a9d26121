package volunteer_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/volunteer"
	"kexie/internal/web/webtest"
)

type volSite struct {
	*webtest.Site
	Store *volunteer.Store
}

func serveVolunteers(t testing.TB, d *db.DB) volSite {
	t.Helper()
	ws := webtest.New(t, d)
	s := volunteer.NewStore(d, volunteer.Config{Keys: webtest.Keyring(t), LedgerKey: webtest.Key("volunteer-ledger"),
		Calendar: calendar.Fixed{C: calendar.New(calendar.Shipped())}})
	ws.Start(volunteer.Module(s, ws.Orgs, volunteer.WebConfig{BaseURL: "https://kexie.example",
		Users: func(ctx context.Context, name string) (int64, error) {
			u, err := ws.Auth.UserByName(ctx, name)
			return u.ID, err
		}}))
	return volSite{Site: ws, Store: s}
}

// post posts a form and follows a redirect, returning the page it leads
// to and its path.
func post(c *webtest.Client, path string, form url.Values) (*http.Response, string, string) {
	c.T.Helper()
	res, body := c.Post(path, form)
	if res.StatusCode != http.StatusSeeOther {
		return res, body, ""
	}
	loc := res.Header.Get("Location")
	res, body = c.Get(loc)
	return res, body, loc
}

func must(t *testing.T, what string, res *http.Response, body string, status int, want ...string) {
	t.Helper()
	if res.StatusCode != status {
		t.Fatalf("%s: status %d, want %d\n%s", what, res.StatusCode, status, body)
	}
	for _, w := range want {
		if !strings.Contains(html.UnescapeString(body), w) {
			t.Errorf("%s: no %q in the page", what, w)
		}
	}
}

func TestSite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		vs := serveVolunteers(t, d)
		vc, vu := vs.User(t, "zhangsan", access.Member, vs.City)
		staff, _ := vs.User(t, "staff", access.OrgStaff, vs.City)
		peer, _ := vs.User(t, "peer", access.OrgStaff, vs.Peer)
		lead, _ := vs.User(t, "lead", access.Member, vs.City)

		var loc string
		res, body := vc.Get("/volunteer")
		must(t, "me before", res, body, 200, "注册为科普志愿者")
		res, body, loc = post(vc, "/volunteer", url.Values{"name": {"张三"}, "org_id": {"PZH"}, "id_number": {"510402199001011230"}})
		must(t, "bad id", res, body, 422, "身份证号码无效")
		res, body, loc = post(vc, "/volunteer", url.Values{"name": {"张三"}, "org_id": {"PZH"}, "id_number": {idNumber(1)}, "skills": {"天文、讲解"}})
		must(t, "register", res, body, 200, "注册成功", "尚未获评星级", "510402************")
		v, err := vs.Store.ByUser(ctx, vu.ID)
		if err != nil {
			t.Fatal(err)
		}
		// The same number from another account: refused.
		other, _ := vs.User(t, "lisi", access.Member, vs.City)
		res, body, loc = post(other, "/volunteer", url.Values{"name": {"李四"}, "org_id": {"PZH"}, "id_number": {idNumber(1)}})
		must(t, "duplicate", res, body, 422, "该身份证号码已注册为科普志愿者")

		// Staff publish a post and a team; the volunteer signs up and joins.
		now := time.Now()
		res, body, loc = post(staff, "/volunteers/opportunities", url.Values{"org_id": {"PZH"}, "title": {"科技馆周末讲解"}, "slots": {"2"},
			"starts_at": {now.In(calendar.Beijing).Format("2006-01-02T15:04")}, "ends_at": {now.Add(3 * time.Hour).In(calendar.Beijing).Format("2006-01-02T15:04")}})
		must(t, "new post", res, body, 200, "服务岗位已发布")
		oppID, _ := strconv.ParseInt(strings.TrimPrefix(loc, "/volunteers/opportunities/"), 10, 64)
		res, body = peer.Get("/volunteers/opportunities/" + strconv.FormatInt(oppID, 10))
		must(t, "peer roster", res, body, 404) // out of scope: as if absent
		res, body, loc = post(staff, "/volunteers/teams", url.Values{"org_id": {"PZH"}, "name": {"天文服务队"}, "admin": {"lead"}})
		must(t, "new team", res, body, 200, "服务队已创建")
		res, body, loc = post(vc, "/volunteer/opportunities/"+strconv.FormatInt(oppID, 10)+"/signup", nil)
		must(t, "sign up", res, body, 200, "报名成功", "已报名")
		teams, _ := vs.Store.Teams(ctx, access.Everywhere())
		res, body, loc = post(vc, "/volunteer/teams/"+strconv.FormatInt(teams[0].ID, 10)+"/join", nil)
		must(t, "join", res, body, 200, "已加入服务队")

		// Check-in, two hours later check-out: 2 hours on the volunteer's page.
		res, body, loc = post(staff, "/volunteers/opportunities/"+strconv.FormatInt(oppID, 10)+"/check", url.Values{"volunteer_id": {strconv.FormatInt(v.ID, 10)}, "action": {"in"}})
		must(t, "check in", res, body, 200, "已签到")
		d.Exec(ctx, `UPDATE volunteer_signups SET checked_in_at = checked_in_at - ?`, int64(2*time.Hour/time.Millisecond))
		res, body, loc = post(staff, "/volunteers/opportunities/"+strconv.FormatInt(oppID, 10)+"/check", url.Values{"volunteer_id": {strconv.FormatInt(v.ID, 10)}, "action": {"out"}})
		must(t, "check out", res, body, 200, "已签退")
		res, body = vc.Get("/volunteer")
		must(t, "hours", res, body, 200, ">2</span>", "签到签退")

		// Extra hours: filed by the volunteer, approved by the team's admin — on
		// the day the two hours were credited (the Beijing day of the check-in,
		// two hours ago: the day before, just after midnight).
		res, body, loc = post(vc, "/volunteer/claims", url.Values{"team_id": {strconv.FormatInt(teams[0].ID, 10)}, "day": {volunteer.Day(time.Now().Add(-2 * time.Hour))}, "hours": {"23"}, "note": {"社区讲座"}})
		must(t, "claim", res, body, 200, "补录已提交")
		res, body = vc.Get("/volunteer/claims/review")
		must(t, "own review list", res, body, 200, "没有待审核的补录时长")
		claims, _ := vs.Store.ClaimsOf(ctx, v.ID)
		res, body, loc = post(vc, "/volunteer/claims/"+strconv.FormatInt(claims[0].ID, 10), url.Values{"decision": {"approve"}})
		must(t, "self approve", res, body, 200, "不能审核自己的服务时长")
		res, body, loc = post(lead, "/volunteer/claims/"+strconv.FormatInt(claims[0].ID, 10), url.Values{"decision": {"approve"}})
		must(t, "over 24h", res, body, 200, "一天合计不能超过 24 小时")

		// Certificates: issued as PDF, verified publicly; a forged code fails.
		res, body, loc = post(vc, "/volunteer/certificate", nil)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/pdf" {
			if res.StatusCode != 503 {
				t.Fatalf("certificate: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
			}
		}
		code := strings.TrimPrefix(loc, "/volunteer/certificate/")
		anon := vs.Client(t)
		res, body = anon.Get("/cert/" + code)
		must(t, "verify", res, body, 200, "张三", "攀枝花市科学技术协会")
		forged := "2222-2222-2222"
		res, body = anon.Get("/cert/" + forged)
		must(t, "forged", res, body, 404, "不是本平台开具的服务证明")

		// Staff list, export, import.
		res, body = staff.Get("/volunteers")
		must(t, "list", res, body, 200, "张三", "科技馆周末讲解")
		res, body = peer.Get("/volunteers")
		if strings.Contains(body, "张三") {
			t.Error("peer city sees the volunteer")
		}
		res, _ = staff.Get("/volunteers?format=xlsx")
		if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheet") {
			t.Fatalf("export: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		csv := "姓名,身份证号码\n王五," + idNumber(2) + "\n赵六,123\n"
		res, body = staff.Upload("/volunteers/import", url.Values{"org_id": {"PZH"}}, "file", "v.csv", []byte(csv))
		must(t, "bad import", res, body, 422, "第 3 行", "未导入任何记录")
		if _, n, _ := vs.Store.Volunteers(ctx, volunteer.Filter{Scope: access.Everywhere()}); n != 1 {
			t.Fatalf("a failed import wrote: %d", n)
		}
		res, body = staff.Upload("/volunteers/import", url.Values{"org_id": {"PZH"}}, "file", "v.csv", []byte("姓名,身份证号码\n王五,"+idNumber(2)+"\n"))
		must(t, "import", res, body, 200, "已导入 1 名志愿者")
		res, body, _ = post(staff, "/volunteers/"+strconv.FormatInt(v.ID, 10)+"/trainings", url.Values{"title": {"科普讲解员培训"}, "held_on": {"2026-03-01"}, "hours": {"3"}})
		must(t, "training", res, body, 200, "培训已记录", "科普讲解员培训", "签到签退")
		res, body = peer.Get("/volunteers/" + strconv.FormatInt(v.ID, 10))
		must(t, "peer detail", res, body, 404)
		res, body = anon.Get("/volunteers/publicity")
		must(t, "publicity", res, body, 200, "目前没有正在公示的星级志愿者")
		// A star in its 公示 shows on the public list and the volunteer's page;
		// staff may withhold it there.
		if _, err := d.Exec(ctx, `INSERT INTO volunteer_stars (volunteer_id, level, reached_at, publicity_to) VALUES (?, 1, ?, ?)`,
			v.ID, time.Now().UnixMilli(), time.Now().Add(7*24*time.Hour).UnixMilli()); err != nil {
			t.Fatal(err)
		}
		res, body = anon.Get("/volunteers/publicity")
		must(t, "publicity with a star", res, body, 200, "张三", "一星级志愿者")
		res, body = vc.Get("/volunteer")
		must(t, "star in publicity", res, body, 200, "一星级志愿者公示中", "尚未获评星级")
		res, body, _ = post(staff, "/volunteers/"+strconv.FormatInt(v.ID, 10)+"/stars/1/withhold", nil)
		must(t, "withhold", res, body, 200, "已撤销该星级公示", "目前没有正在公示的星级志愿者")
	})
}

func TestAuditLabels(t *testing.T) { webtest.AuditLabels(t, ".") }
