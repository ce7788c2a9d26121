package volunteer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/volunteer"
	"kexie/internal/web/webtest"
)

// TestBrowserCorrectionQueue: at 1,280 px a second staff member follows the
// badge on the volunteer list to the queue, narrows it with the org picker
// and approves a correction, landing back on the filtered queue; at 390 px
// they reject another and keep a flagged star; the filer sees their own
// filing without buttons. Nothing is wider than the screen.
func TestBrowserCorrectionQueue(t *testing.T) {
	ctx := webtest.Browser(t)
	vs := serveVolunteers(t, dbtest.OpenSQLite(t))
	bg := context.Background()
	_, su := vs.User(t, "staff", access.OrgStaff, vs.City)
	vs.User(t, "second", access.OrgStaff, vs.City)
	reasons := []string{"签退时忘记操作，次日补签多记了 1.5 小时", "讲解结束后协助布展，漏记半小时", "同一场活动重复签到，扣除重复部分"}
	minutes := []int{-90, 30, -60}
	var first volunteer.Volunteer
	for i, name := range []string{"张三", "李四", "欧阳明远"} {
		v, e := queueEntry(t, vs, vs.City.ID, 31+i, name)
		if i == 0 {
			first = v
		}
		if _, err := vs.Store.FileCorrection(bg, volunteer.CorrectionInput{VolunteerID: v.ID, EntrySeq: e.Seq, Minutes: minutes[i], Reason: reasons[i]},
			access.Everywhere(), su.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := vs.DB.Exec(bg, `INSERT INTO volunteer_stars (volunteer_id, level, reached_at, publicity_to, review_since) VALUES (?, 1, ?, ?, ?)`,
		first.ID, time.Now().Add(-30*24*time.Hour).UnixMilli(), time.Now().Add(-20*24*time.Hour).UnixMilli(), time.Now().UnixMilli()); err != nil {
		t.Fatal(err)
	}

	b := webtest.NewTab(t, ctx, vs.URL, 20*time.Second)
	desk := chromedp.EmulateViewport(1280, 900)
	phone := chromedp.EmulateViewport(390, 844)
	b.Run("desktop", desk)
	b.Login("second")
	b.Run("desktop", desk)
	b.Open("/volunteers", "#queue-link")
	b.WaitText("badge", "#queue-link", "4")
	b.Run("to the queue", chromedp.Click(chromedp.CSS(`#queue-link`)), chromedp.WaitVisible(chromedp.CSS(`#queue`)))
	b.Run("type into the org picker", chromedp.SendKeys(chromedp.CSS(`#queue-filters input[name=org]`), "攀枝花"),
		chromedp.WaitVisible(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)))
	b.Run("pick", chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)), chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
	if v := b.Value(`#queue-filters input[name=org]`); v != "PZH" {
		t.Errorf("picked %q", v)
	}
	// the old, unfiltered queue has #queue too: wait for the filtered page
	b.Run("filter", chromedp.Click(chromedp.CSS(`#queue-filters button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#queue-export[href*="org=PZH"]`)), chromedp.WaitVisible(chromedp.CSS(`#queue`)))
	b.WaitText("filtered", "#queue", reasons[2])
	widthAt(b, "queue", 1280)
	b.Shot("volunteer-queue")
	b.Run("approve", chromedp.Click(chromedp.CSS(`#queue tbody tr:first-child button[value=approve]`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("approved", ".flash", "已处理该更正")
	if loc := b.Location(); !strings.Contains(loc, "/volunteers/corrections?") || !strings.Contains(loc, "org=PZH") {
		t.Errorf("after approving: %s", loc)
	}
	b.WaitText("two left", "#queue", reasons[1])

	b.Run("phone", phone)
	b.Open("/volunteers/corrections", "#queue")
	widthAt(b, "queue", 390)
	b.Shot("volunteer-queue-pending")
	b.Run("reject", chromedp.Click(chromedp.CSS(`#queue tbody tr:first-child button[value=reject]`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("rejected", ".flash", "已处理该更正")
	b.Run("keep the star", chromedp.Click(chromedp.CSS(`#queue-stars button[value=keep]`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("kept", ".flash", "已复核该星级")
	b.Open("/volunteers/corrections?status=all", "#queue")
	b.WaitText("all", "#queue", "已驳回")
	widthAt(b, "every status", 390)
	b.Shot("volunteer-queue-all")

	b.Open("/volunteers", "#queue-link")
	widthAt(b, "list with the queue link", 390)
	b.Shot("volunteer-list-queue-link")

	b.Logout()
	b.Login("staff")
	b.Run("phone", phone)
	b.Open("/volunteers/corrections", "#queue")
	b.WaitText("filer", "#queue", "由你提交，待他人审核")
	widthAt(b, "filer's queue", 390)
}
