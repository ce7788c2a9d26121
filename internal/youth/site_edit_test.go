package youth_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/youth"
)

// Staff edit a programme through the page: a bad edit answers 422 with its
// message and the values as typed, nothing saved; a good one is in the
// timeline (old → new); another city's staff and the public cannot edit.
// The applicant withdraws from their own list (anyone else is told there
// is no such application), the first waitlisted moves up, staff cancel
// with a reason, a withdrawn application cannot be decided.
func TestSiteEditWithdraw(t *testing.T) {
	s := serve(t, dbtest.OpenSQLite(t))
	staff, _ := s.User(t, "staff", access.OrgStaff, s.City)
	peer, _ := s.User(t, "peer", access.OrgStaff, s.Peer)
	gc, gu := s.User(t, "guardian", access.Member, s.City)
	oc, _ := s.User(t, "other", access.Member, s.City)
	ctx := context.Background()
	pid := itoa(func() int64 {
		in := goodProgramme(s.City)
		id, err := s.Store.CreateProgramme(ctx, in, clerk)
		must(t, err)
		must(t, s.Store.Move(ctx, id, "open", "", clerk))
		return id
	}())
	edit := "/youth/admin/programmes/" + pid + "/edit"
	res, body := staff.Get(edit)
	status(t, "edit form", res, body, 200, "2026年攀枝花青少年科学营", `value="2026-07-10"`, "名额不能少于已录取人数")
	form := url.Values{"title": {"2026年攀枝花青少年科学营"}, "kind": {"camp"}, "starts_on": {"2026-07-10"}, "ends_on": {"2026-07-14"},
		"places": {"2"}, "grade_lo": {"7"}, "grade_hi": {"9"}, "fee": {""}, "description": {"走进钒钛产业。"}}
	for _, c := range []struct{ field, value, msg string }{
		{"ends_on", "2026-07-01", "结束日期不能早于开始日期"},
		{"starts_on", "2026-06-01", "开始日期不能改到今天以前"},
		{"places", "abc", "名额须在 1 至 5000 之间"},
		{"title", "2026年攀枝花青少年科学营", "没有修改任何内容"},
	} {
		f := copyForm(form)
		f.Set(c.field, c.value)
		if c.field != "title" {
			f.Set("description", "改过的介绍<b>")
		}
		res, body := staff.Post(edit, f)
		status(t, "edit "+c.field, res, body, http.StatusUnprocessableEntity, c.msg)
		if c.field != "title" && !strings.Contains(body, "改过的介绍&lt;b&gt;") {
			t.Errorf("edit %s: the typed description is not kept (escaped)", c.field)
		}
	}
	if res, _ := peer.Get(edit); res.StatusCode != 404 && res.StatusCode != 403 {
		t.Errorf("another city's staff open the edit form: %d", res.StatusCode)
	}
	if res, _ := peer.Post(edit, form); res.StatusCode != 404 && res.StatusCode != 403 {
		t.Errorf("another city's staff edit: %d", res.StatusCode)
	}
	if res, _ := gc.Post(edit, form); res.StatusCode != 403 {
		t.Errorf("a member edits: %d", res.StatusCode)
	}
	bad := copyForm(form)
	bad.Set("places", "3")
	bad.Set("csrf_token", "forged")
	if res, _ := staff.Post(edit, bad); res.StatusCode != http.StatusForbidden {
		t.Errorf("an edit with a forged CSRF token: %d", res.StatusCode)
	}
	if n := count(t, s.DB, `SELECT COUNT(*) FROM youth_events WHERE action = 'edit'`); n != 0 {
		t.Fatalf("%d edits saved from refused forms", n)
	}
	f := copyForm(form)
	f.Del("csrf_token") // the peer's, set by their post
	f.Set("places", "3")
	f.Set("title", "2026年攀枝花青少年钒钛科学营")
	res, body = staff.Post(edit, f)
	status(t, "edit", res, body, http.StatusSeeOther)
	res, body = staff.Get("/youth/admin/programmes/" + pid)
	status(t, "edited", res, body, 200, "2026年攀枝花青少年钒钛科学营", "名额：2 → 3", "活动名称：2026年攀枝花青少年科学营 → 2026年攀枝花青少年钒钛科学营", "修改活动")

	// Applications: the guardian's, accepted; two more, waitlisted.
	apply := func(name string, by youth.Actor) string {
		id, err := s.Store.Apply(ctx, youth.ApplyInput{ProgrammeID: mustID(t, pid), Student: goodStudent(name)}, by)
		must(t, err)
		return itoa(id)
	}
	mine := apply("王小雨", youth.Actor{UserID: gu.ID, Name: "guardian"})
	w1 := apply("李明轩", youth.Actor{UserID: 700, Name: "家长"})
	w2 := apply("赵子涵", youth.Actor{UserID: 701, Name: "家长"})
	w3 := apply("钱多多", youth.Actor{UserID: 702, Name: "家长"})
	must(t, s.Store.Decide(ctx, mustID(t, mine), "accept", "", checker))
	must(t, s.Store.Decide(ctx, mustID(t, w1), "accept", "", checker))
	must(t, s.Store.Decide(ctx, mustID(t, w2), "accept", "", checker))
	must(t, s.Store.Decide(ctx, mustID(t, w3), "waitlist", "", checker))
	f.Set("places", "2")
	res, body = staff.Post(edit, f)
	status(t, "places below the accepted", res, body, http.StatusUnprocessableEntity, "名额不能少于已录取的 3 人")

	res, body = gc.Get("/youth/mine")
	status(t, "mine", res, body, 200, "撤回报名", "已录取")
	if res, _ := oc.Post("/youth/mine/"+mine+"/withdraw", url.Values{}); res.StatusCode != 404 {
		t.Errorf("someone else withdraws: %d", res.StatusCode)
	}
	if res, _ := oc.Post("/youth/mine/99999/withdraw", url.Values{}); res.StatusCode != 404 {
		t.Errorf("withdraw of a missing application: %d", res.StatusCode)
	}
	res, body = gc.Post("/youth/mine/"+mine+"/withdraw", url.Values{"reason": {strings.Repeat("因", youth.MaxReason+1)}})
	status(t, "long reason", res, body, http.StatusUnprocessableEntity, "最多 500 个字")
	res, body = gc.Post("/youth/mine/"+mine+"/withdraw", url.Values{"reason": {"时间冲突。"}})
	status(t, "withdraw", res, body, http.StatusSeeOther)
	res, body = gc.Get("/youth/mine")
	status(t, "mine after", res, body, 200, "已撤回", "时间冲突。")
	res, body = staff.Get("/youth/admin/enrolments/" + w3)
	status(t, "moved up", res, body, 200, "已录取", "候补递补录取", "系统")
	res, body = staff.Get("/youth/admin/enrolments/" + mine)
	status(t, "withdrawn", res, body, 200, "已撤回", "报名人撤回报名", "时间冲突。", "不能再审核")
	if strings.Contains(body, `id="decide-submit"`) || strings.Contains(body, `id="cancel-submit"`) {
		t.Error("a withdrawn application is offered a decision")
	}
	res, body = staff.Post("/youth/admin/enrolments/"+mine+"/decide", url.Values{"decision": {"accept"}})
	status(t, "decide withdrawn", res, body, http.StatusUnprocessableEntity, "该报名已由报名人撤回")

	// Staff cancel: a reason is required.
	res, body = staff.Post("/youth/admin/enrolments/"+w1+"/cancel", url.Values{})
	status(t, "cancel without reason", res, body, http.StatusUnprocessableEntity, "请填写原因")
	res, body = staff.Post("/youth/admin/enrolments/"+w1+"/cancel", url.Values{"cancel_reason": {"监护人来电取消。"}})
	status(t, "cancel", res, body, http.StatusSeeOther)
	if res, _ := peer.Post("/youth/admin/enrolments/"+w2+"/cancel", url.Values{"cancel_reason": {"越权取消。"}}); res.StatusCode != 404 && res.StatusCode != 403 {
		t.Errorf("another city's staff cancel: %d", res.StatusCode)
	}
	res, body = staff.Get("/youth/admin/enrolments/" + w1)
	status(t, "cancelled", res, body, 200, "已取消", "监护人来电取消。")
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	must(t, err)
	return n
}
