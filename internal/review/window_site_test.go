package review_test

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
	"kexie/internal/review"
)

// TestWindowSite: staff set a stage's review window on the call's page (a
// bad one refused with the reason); before it opens the reviewer's score
// form is shut with the opening time and a posted score is refused.
func TestWindowSite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		rs := serveReview(t, d)
		bg := context.Background()
		staff, su := rs.User(t, "staff", access.OrgStaff, rs.City)
		expert, eu := rs.User(t, "expert", access.Reviewer, rs.City)
		_, au := rs.User(t, "zhangwei", access.Member, rs.City)
		rs.P.applicants[au.ID] = review.Applicant{PersonID: 1, OrgID: rs.City.ID, OrgPath: rs.City.Path, Name: "张伟", Employer: "攀枝花学院"}
		rs.P.pools[3] = []review.Expert{{PersonID: 100, UserID: eu.ID, Name: "王专家", Employer: "四川大学"}}
		c, err := rs.Store.CreateCall(bg, review.CallInput{OrgID: rs.City.ID, Title: "优秀论文评选", Kind: "paper", ApplicantKind: review.Individual,
			OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(10 * 24 * time.Hour),
			Form: review.Schema{Fields: []review.Field{{Key: "abstract", Label: "摘要", Type: review.LongText, Required: true}}},
			Stages: []review.StageInput{{Kind: review.StageReview, Name: "初评", PerApp: 1, PoolID: 3,
				Rubric: []review.Criterion{{Key: "quality", Label: "学术质量", Weight: 1, Max: 100}}}}}, su.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := rs.Store.Publish(bg, c.ID); err != nil {
			t.Fatal(err)
		}
		a, _ := rs.Store.SaveDraft(bg, review.Draft{CallID: c.ID, UserID: au.ID, Title: "钒钛", Answers: review.Answers{"abstract": {S: "摘要"}}})
		if _, err := rs.Store.Submit(bg, a.ID, au.ID); err != nil {
			t.Fatal(err)
		}
		stages, _ := rs.Store.Stages(bg, c.ID)
		if _, err := rs.Store.AssignStage(bg, stages[0].ID, access.Everywhere(), su.ID, 1); err != nil {
			t.Fatal(err)
		}
		cid, sid := strconv.FormatInt(c.ID, 10), strconv.FormatInt(stages[0].ID, 10)
		res, body := staff.Get("/review/calls/" + cid)
		must(t, "call page", res, body, 200, `action="/review/stages/`+sid+`/window"`)
		tomorrow, later := time.Now().AddDate(0, 0, 1).Format("2006-01-02"), time.Now().AddDate(0, 0, 5).Format("2006-01-02")
		res, body = post(staff, "/review/stages/"+sid+"/window", url.Values{"opens": {later}, "closes": {tomorrow}})
		must(t, "bad window", res, body, 200, "评审截止日期须晚于开始日期")
		res, body = post(staff, "/review/stages/"+sid+"/window", url.Values{"opens": {tomorrow}, "closes": {later}})
		must(t, "window", res, body, 200, "已记录", "评审时间: "+tomorrow+" ~ "+later)
		mine, _ := rs.Store.MyAssignments(bg, eu.ID)
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
