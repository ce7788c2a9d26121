package review_test

import (
	"net/url"
	"strconv"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
)

// TestOrgPickers: the owner org of a new call and an application's
// recommending unit are org-picker fields on both databases: a code is
// read, a name that matches nothing is refused at the field, an org
// outside the staff's scope is not found (like an unknown ID), and a recommending unit that is
// not a 学会, county 科协 or university 科协 within the call is refused.
func TestOrgPickers(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		rs := serveReview(t, d)
		staff, _ := rs.User(t, "staff", access.OrgStaff, rs.City)
		app, au := rs.User(t, "zhangwei", access.Member, rs.City)
		rs.P.applicants[au.ID] = review.Applicant{PersonID: 1, OrgID: rs.Soc.ID, OrgPath: rs.Soc.Path, Name: "张伟", BirthYear: 1990}

		res, body := staff.Get("/review/calls/new?template=youth_award")
		must(t, "editor", res, body, 200, `data-orgpick="review.manage"`)
		form := url.Values{"template": {"youth_award"}, "title": {"青年科技奖"}, "kind": {"award"}, "applicant_kind": {"individual"},
			"recommend": {"1"}, "quota": {"2"}, "publicity_days": {"7"}, "opens": {time.Now().Add(-24 * time.Hour).Format("2006-01-02")},
			"closes": {time.Now().Add(30 * 24 * time.Hour).Format("2006-01-02")}}
		form.Set("org_id", "没有这个单位")
		res, body = post(staff, "/review/calls", form)
		must(t, "unknown org", res, body, 422, "找不到组织")
		form.Set("org_id", rs.Peer.Code)
		// An org outside the staff's scope is answered as an unknown one.
		if res, _ = post(staff, "/review/calls", form); res.StatusCode != 404 {
			t.Errorf("a call for another city: %d", res.StatusCode)
		}
		form.Set("org_id", rs.City.Code)
		res, body = post(staff, "/review/calls", form)
		must(t, "create by code", res, body, 200, "征集已创建")
		callID := idFrom(t, res.Request.URL.Path[:len(res.Request.URL.Path)-len("/form")], "/review/calls/")
		cid := strconv.FormatInt(callID, 10)
		if res, body = post(staff, "/review/calls/"+cid+"/publish", nil); res.StatusCode != 200 {
			t.Fatalf("publish %d %s", res.StatusCode, body)
		}
		res, body = app.Get("/calls/" + cid + "/apply")
		must(t, "apply", res, body, 200, `data-orgpick="org.join"`, `name="recommender_id"`)
		for _, bad := range []string{rs.Peer.Code, rs.City.Code} { // another city; the owner itself is no 学会
			res, body = post(app, "/calls/"+cid+"/apply", url.Values{"title": {"钒钛"}, "recommender_id": {bad}, "action": {"save"}})
			must(t, "recommender "+bad, res, body, 422, "推荐单位须为本征集范围内的学会")
		}
		res, body = post(app, "/calls/"+cid+"/apply", url.Values{"title": {"钒钛"}, "recommender_id": {"查无此会"}, "action": {"save"}})
		must(t, "unknown recommender", res, body, 422, "找不到组织")
		res, body = post(app, "/calls/"+cid+"/apply", url.Values{"title": {"钒钛"}, "recommender_id": {rs.Soc.Code}, "action": {"save"}})
		must(t, "recommender by code", res, body, 200, "草稿已保存")
		res, body = app.Get("/calls/" + cid + "/apply")
		must(t, "picker shows the unit", res, body, 200, `value="`+rs.Soc.Code+`"`, "攀枝花市金属学会")
	})
}
