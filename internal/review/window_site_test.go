package review_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// TestWindowSite: staff set a stage's review window on the call's page (none
// set reads 未设置; a bad one refused with the reason); before it opens the reviewer's score
// form is shut with the opening time and a posted score is refused.
func TestWindowSite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		rs := serveReview(t, d)
		bg := context.Background()
		f := newAssignedOnSite(t, rs)
		staff, expert := f.staff, f.expert
		cid, sid := strconv.FormatInt(f.call.ID, 10), strconv.FormatInt(f.stage, 10)
		res, body := staff.Get("/review/calls/" + cid)
		must(t, "call page", res, body, 200, `action="/review/stages/`+sid+`/window"`, "评审时间: 未设置")
		if strings.Contains(body, "— ~ —") {
			t.Error("a stage with no window shows two dashes, not 未设置")
		}
		now := time.Now().In(calendar.Beijing) // the dates staff type are Beijing days, whatever the server's zone
		tomorrow, later := now.AddDate(0, 0, 1).Format("2006-01-02"), now.AddDate(0, 0, 5).Format("2006-01-02")
		res, body = post(staff, "/review/stages/"+sid+"/window", url.Values{"opens": {later}, "closes": {tomorrow}})
		must(t, "bad window", res, body, 200, "评审截止日期须晚于开始日期")
		res, body = post(staff, "/review/stages/"+sid+"/window", url.Values{"opens": {tomorrow}, "closes": {later}})
		must(t, "window", res, body, 200, "已记录", "评审时间: "+tomorrow+" ~ "+later)
		mine, _ := rs.Store.MyAssignments(bg, f.expertID)
		gid := strconv.FormatInt(mine[0].ID, 10)
		res, body = expert.Get("/review/assignments/" + gid)
		must(t, "before the window", res, body, 200, "评审尚未开始", `id="window"`)
		if !strings.Contains(body, `<fieldset class="plain" disabled>`) {
			t.Error("the score form is open before the window")
		}
		res, body = post(expert, "/review/assignments/"+gid, url.Values{"action": {"score"}, "s.quality": {"80"}})
		must(t, "score before the window", res, body, 422, "评审尚未开始")
	})
}
