package review_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
)

// A reason the engine writes as a catalog key (left out by the ranking) is
// shown in words on the applicant's list and their application, never as
// the raw key; staff's own words are shown as written.
func TestSiteEngineReasonTranslated(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		rs := serveReview(t, d)
		app, au := rs.User(t, "zhangwei", access.Member, rs.City)
		rs.P.applicants[au.ID] = review.Applicant{PersonID: 1, OrgID: rs.City.ID, OrgPath: rs.City.Path, Name: "张伟", Employer: "攀枝花学院"}
		c, err := rs.Store.CreateCall(ctx, review.CallInput{OrgID: rs.City.ID, Title: "青年科技奖", Kind: "award", ApplicantKind: review.Individual,
			OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(24 * time.Hour),
			Form:   review.Schema{Fields: []review.Field{{Key: "summary", Label: "主要事迹", Type: review.LongText}}},
			Stages: []review.StageInput{{Kind: review.StageFormal, Name: "形式审查"}}}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := rs.Store.Publish(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		a, err := rs.Store.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: au.ID, Answers: review.Answers{"summary": {S: "事迹"}}})
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct{ note, want string }{{"review.reason.ranking", "未进入拟入选名次"}, {"名额已满", "名额已满"}} {
			// As stage_rank leaves an application the ranking left out (or staff with their own reason).
			if _, err := d.Exec(ctx, `UPDATE review_applications SET status = 'not_selected', note = ? WHERE id = ?`, tc.note, a.ID); err != nil {
				t.Fatal(err)
			}
			for _, page := range []string{"/review/mine", "/calls/" + strconv.FormatInt(c.ID, 10) + "/apply"} {
				res, body := app.Get(page)
				must(t, page, res, body, 200, tc.want)
				if strings.Contains(body, "review.reason.") {
					t.Errorf("%s shows the raw key", page)
				}
			}
		}
		// Past its closing date (nothing sets a call closed), the public list says 已截止, not 征集中.
		if _, err := d.Exec(ctx, `UPDATE review_calls SET closes_at = ? WHERE id = ?`, db.Millis(time.Now().Add(-time.Hour)), c.ID); err != nil {
			t.Fatal(err)
		}
		res, body := rs.Client(t).Get("/calls")
		must(t, "public calls", res, body, 200, "青年科技奖", "已截止")
		if strings.Contains(body, "征集中") {
			t.Error("a call past its closing date reads 征集中")
		}
	})
}
