package volunteer_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/volunteer"
)

// TestSiteCorrections: staff file an hours correction on a volunteer's
// page; bad input is refused with a precise message and writes nothing; the
// filer cannot approve it, another staff member does; the volunteer sees
// the correction and its reason; peer staff cannot touch it.
func TestSiteCorrections(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		vs := serveVolunteers(t, d)
		vc, vu := vs.User(t, "zhangsan", access.Member, vs.City)
		staff, _ := vs.User(t, "staff", access.OrgStaff, vs.City)
		second, _ := vs.User(t, "second", access.OrgAdmin, vs.City)
		peer, _ := vs.User(t, "peer", access.OrgStaff, vs.Peer)
		v, err := vs.Store.Register(ctx, volunteer.Input{OrgID: vs.City.ID, UserID: vu.ID, Name: "张三", IDNumber: idNumber(5)}, 0)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		p, _ := vs.Store.CreateOpportunity(ctx, volunteer.OpportunityInput{OrgID: vs.City.ID, Title: "科技馆讲解", StartsAt: now, EndsAt: now.Add(5 * time.Hour), Slots: 2}, 0)
		vs.Store.SignUp(ctx, p.ID, v.ID)
		vs.Store.CheckIn(ctx, p.ID, v.ID, access.Everywhere())
		d.Exec(ctx, `UPDATE volunteer_signups SET checked_in_at = checked_in_at - ?`, int64(3*time.Hour/time.Millisecond))
		entry, err := vs.Store.CheckOut(ctx, p.ID, v.ID, access.Everywhere(), 0)
		if err != nil {
			t.Fatal(err)
		}
		page := "/volunteers/" + strconv.FormatInt(v.ID, 10)
		seq := strconv.FormatInt(entry.Seq, 10)
		form := func(hours, reason string) url.Values {
			return url.Values{"entry": {seq}, "hours": {hours}, "reason": {reason}}
		}

		res, body := staff.Get(page)
		must(t, "page", res, body, 200, "提交时长更正", "#"+seq+" · ", "暂无更正")
		res, body = peer.Post(page+"/corrections", form("-1", "记错"))
		must(t, "peer files", res, body, 404) // out of scope: as if absent
		for _, c := range []struct{ hours, reason, want string }{
			{"abc", "记错", "请填写更正的小时数"},
			{"30", "记错", "一次更正不能超过 24 小时"},
			{"-3.5", "多记了", "第 " + seq + " 条记录现有 3.0 小时"},
			{"-1", " ", "请填写更正原因"},
			{"22", "漏记", "已记 3.0 小时，一天合计不能超过 24 小时"},
		} {
			res, body, _ = post(staff, page+"/corrections", form(c.hours, c.reason))
			must(t, "bad "+c.hours, res, body, 200, c.want)
		}
		if cs, _ := vs.Store.CorrectionsOf(ctx, v.ID); len(cs) != 0 {
			t.Fatalf("bad input wrote %d corrections", len(cs))
		}

		res, body, _ = post(staff, page+"/corrections", form("-1", "签退晚点了一小时"))
		must(t, "file", res, body, 200, "更正已提交", "由你提交，待他人审核", "签退晚点了一小时", "-1")
		cs, _ := vs.Store.CorrectionsOf(ctx, v.ID)
		decide := page + "/corrections/" + strconv.FormatInt(cs[0].ID, 10) + "/decide"
		res, body, _ = post(staff, decide, url.Values{"decision": {"approve"}})
		must(t, "filer approves", res, body, 200, "提交更正的人不能审核这条更正")
		res, body = peer.Post(decide, url.Values{"decision": {"approve"}})
		must(t, "peer approves", res, body, 404)
		if got, _ := vs.Store.Volunteer(ctx, v.ID); got.Minutes != 180 {
			t.Fatalf("minutes before approval = %d", got.Minutes)
		}
		res, body = second.Get(page)
		if !strings.Contains(body, `action="`+decide+`"`) {
			t.Fatal("the second staff member has no approve button")
		}
		res, body, _ = post(second, decide, url.Values{"decision": {"approve"}})
		must(t, "approve", res, body, 200, "已处理该更正", "已记入", "更正第 "+seq+" 条：签退晚点了一小时", ">2</span>")

		res, body = vc.Get("/volunteer")
		must(t, "volunteer sees it", res, body, 200, "更正第 "+seq+" 条：签退晚点了一小时", ">2</span>")
		// A star flagged for review: shown to staff and the volunteer; staff
		// revoke it, and it shows as revoked, not gone.
		if _, err := d.Exec(ctx, `INSERT INTO volunteer_stars (volunteer_id, level, reached_at, publicity_to, review_since) VALUES (?, 1, ?, ?, ?)`,
			v.ID, now.Add(-30*24*time.Hour).UnixMilli(), now.Add(-20*24*time.Hour).UnixMilli(), now.UnixMilli()); err != nil {
			t.Fatal(err)
		}
		res, body = vc.Get("/volunteer")
		must(t, "volunteer sees the review", res, body, 200, "一星级志愿者待复核：更正后累计时长低于 100 小时")
		res, body = staff.Get(page)
		must(t, "staff see the review", res, body, 200, "一星级志愿者待复核", "撤销星级")
		res, body = peer.Post(page+"/stars/1/review", url.Values{"decision": {"revoke"}})
		must(t, "peer reviews", res, body, 404)
		res, body, _ = post(staff, page+"/stars/1/review", url.Values{"decision": {"revoke"}})
		must(t, "revoke", res, body, 200, "已复核该星级", "一星级志愿者已撤销（复核）", "尚未获评星级")
		res, body, _ = post(staff, page+"/stars/1/review", url.Values{"decision": {"keep"}})
		must(t, "review twice", res, body, 200, "该星级不在待复核状态")

		if rep, err := vs.Store.VerifyLedger(ctx); err != nil || !rep.OK() || rep.Checked != 2 {
			t.Fatalf("verify = %+v, %v", rep, err)
		}
	})
}
