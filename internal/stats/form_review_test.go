package stats_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/stats"
)

// Whoever filed a form's figures — saved or submitted any revision of it —
// never approves, returns nor reopens it (D249.4, D249.5): a city clerk who
// holds stats.fill over a county and stats.review at the city, and filed
// the county's approved form, could reopen it (taking it out of every
// summary); after a correction another colleague submitted, they could
// approve the form that still held their own figures. The 待办 count
// leaves those forms out too.
func TestNoStepOnOwnFigures(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		year := 2026
		clerk := stats.Actor{UserID: 300, Name: "王兼任"}
		_, err := f.s.Submit(ctx, f.county.ID, year, full(), clerk)
		must(t, err)
		must(t, f.s.Approve(ctx, f.county.ID, year, reviewer))
		wantCode(t, f.s.Reopen(ctx, f.county.ID, year, "我自己重开更正", clerk), "stats.err.own")
		must(t, f.s.Reopen(ctx, f.county.ID, year, "会员数统计口径更正", reviewer))
		in := full()
		in.Raw["F09"] = "19"
		_, err = f.s.Submit(ctx, f.county.ID, year, in, filer)
		must(t, err)
		city := access.Subtrees(f.city.Path)
		if n, err := f.s.ToReview(ctx, city, stats.Actor{UserID: clerk.UserID}); err != nil || n != 0 {
			t.Errorf("the clerk's 待办: %d %v, want 0 (they filed the form's first revision)", n, err)
		}
		if n, err := f.s.ToReview(ctx, city, stats.Actor{UserID: reviewer.UserID}); err != nil || n != 1 {
			t.Errorf("the reviewer's 待办: %d %v, want 1", n, err)
		}
		wantCode(t, f.s.Approve(ctx, f.county.ID, year, clerk), "stats.err.own")
		wantCode(t, f.s.Return(ctx, f.county.ID, year, "数据有误", clerk), "stats.err.own")
		must(t, f.s.Approve(ctx, f.county.ID, year, reviewer))
	})
}

// A member of the filing org's own staff (兼任: a society's 秘书长 who is
// also on the city's staff, holding stats.review at the city) never
// approves, returns nor reopens the org's form, though a colleague filed
// it; the city's other staff do. Staff of the org above only (their
// stats.fill reaches the society through the city) are not the society's.
func TestOrgStaffNeverReview(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		year := 2026
		both := stats.Actor{UserID: 400, Name: "赵兼任", Staff: []string{f.city.Path, f.soc.Path}}
		city := stats.Actor{UserID: 401, Name: "钱市级", Staff: []string{f.city.Path}}
		_, err := f.s.Submit(ctx, f.soc.ID, year, full(), filer)
		must(t, err)
		wantCode(t, f.s.Approve(ctx, f.soc.ID, year, both), "stats.err.staff")
		wantCode(t, f.s.Return(ctx, f.soc.ID, year, "数据有误", both), "stats.err.staff")
		must(t, f.s.Approve(ctx, f.soc.ID, year, city))
		wantCode(t, f.s.Reopen(ctx, f.soc.ID, year, "口径更正", both), "stats.err.staff")
		must(t, f.s.Reopen(ctx, f.soc.ID, year, "口径更正", city))
	})
}

// Over HTTP: a province clerk who is also on the city's staff is told why
// instead of being offered the review of the city's form, and is refused
// when they post it; another province reviewer approves.
func TestOrgStaffNeverReviewSite(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := serve(t, d)
		ctx := context.Background()
		year := s.Store.CurrentYear()
		city, _ := s.User(t, "cityclerk", access.OrgStaff, s.City)
		both, bothU := s.User(t, "jianren", access.OrgStaff, s.Root)
		must(t, s.Auth.Grant(ctx, bothU.ID, s.City.ID, access.OrgStaff, 0))
		prov, _ := s.User(t, "provhead", access.OrgAdmin, s.Root)
		href := fmt.Sprintf("/stats/orgs/%d/%d", s.City.ID, year)
		res, body := city.Post(href, posted("submit"))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit: %d %.2000s", res.StatusCode, body)
		}
		res, body = both.Get(href)
		status(t, "the form to a member of its org's staff", res, body, 200, "您是该单位（或其下级单位）的工作人员")
		if strings.Contains(body, `id="approve"`) {
			t.Error("a member of the city's staff is offered the approval of the city's form")
		}
		res, body = both.Post(href+"/approve", nil)
		status(t, "approval by a member of the org's staff", res, body, 422, "不能审核、退回或重新打开它的年报")
		res, _ = prov.Post(href+"/approve", nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Errorf("approval by the province: %d", res.StatusCode)
		}
	})
}
