package review_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
)

// TestAward runs the 青年科技奖 configuration from call to final result on
// both databases, with the bad input of each step.
func TestAward(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		// Experts 201…207 (users 301…): 201 works where applicant user 11 works,
		// 202 is applicant user 12 themself.
		var experts []review.Expert
		for i := int64(1); i <= 7; i++ {
			experts = append(experts, review.Expert{PersonID: 200 + i, UserID: 300 + i, Name: "专家" + strconv.FormatInt(i, 10),
				Employer: "单位" + strconv.FormatInt(i, 10), Disciplines: []string{"43010"}})
		}
		experts[0].Employer = "攀钢研究院"
		experts[1].PersonID = 102
		f.p.pools[9] = experts
		for u := int64(11); u <= 15; u++ {
			f.p.applicants[u] = review.Applicant{PersonID: 90 + u, OrgID: f.soc.ID, OrgPath: f.soc.Path, Name: "申报人" + strconv.FormatInt(u, 10),
				Employer: "单位A" + strconv.FormatInt(u, 10), BirthYear: 1990, TitleLevel: "intermediate"}
		}
		a11 := f.p.applicants[11]
		a11.Employer = "攀钢 研究院"
		f.p.applicants[11] = a11
		old := f.p.applicants[15]
		old.BirthYear = 1980
		f.p.applicants[15] = old

		c := f.awardCall(t, 9)
		if err := f.s.Publish(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		// A published form is frozen: a change makes version 2.
		v2 := awardForm()
		v2.Fields[0].Label = "主要事迹（不超过3000字）"
		if v, err := f.s.SaveForm(ctx, c.ID, v2); err != nil || v != 2 {
			t.Fatalf("form version %d, %v", v, err)
		}
		if sc, _, _ := f.s.Form(ctx, c.ID, 1); sc.Fields[0].Label != "主要事迹" {
			t.Error("version 1 changed")
		}

		apps := map[int64]review.Application{}
		for u := int64(11); u <= 15; u++ {
			rec := f.soc.ID
			if u == 14 {
				rec = f.cty.ID
			}
			a, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: u, Title: "钒钛研究" + strconv.FormatInt(u, 10),
				RecommenderID: rec, Answers: goodAnswers()})
			if err != nil {
				t.Fatal(err)
			}
			apps[u] = a
		}
		// Bad input: a missing required field names the field; the draft stays.
		bad := goodAnswers()
		delete(bad, "summary")
		bad["cv"] = review.Answer{F: &review.FileRef{Name: "cv.exe", Size: 100}}
		if _, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 13, Title: "钒钛研究13", RecommenderID: f.soc.ID, Answers: bad}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Submit(ctx, apps[13].ID, 13); fieldKey(err) != "f.summary:review.err.required" {
			t.Errorf("missing field: %v", err)
		}
		if a, _ := f.s.Application(ctx, apps[13].ID); a.Status != review.AppDraft || a.Answers["cv"].F.Name != "cv.exe" {
			t.Errorf("a failed submit changed the draft: %+v", a)
		}
		if _, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 13, Title: "钒钛研究13", RecommenderID: f.soc.ID, Answers: goodAnswers()}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Submit(ctx, apps[15].ID, 15); fieldKey(err) != "eligibility:review.elig.age" {
			t.Errorf("too old: %v", err)
		}
		if _, err := f.s.Submit(ctx, apps[11].ID, 12); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("someone else's application: %v", err)
		}
		for u := int64(11); u <= 14; u++ {
			a, err := f.s.Submit(ctx, apps[u].ID, u)
			if err != nil || a.Status != review.AppRecommending {
				t.Fatalf("submit %d: %v %+v", u, err, a.Status)
			}
			if a.FormVersion != 2 {
				t.Errorf("submitted on form v%d", a.FormVersion)
			}
		}
		if _, err := f.s.Submit(ctx, apps[11].ID, 11); fieldKey(err) != "form:review.err.already_submitted" {
			t.Errorf("second submission: %v", err)
		}
		if _, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 11, Answers: goodAnswers()}); fieldKey(err) != "form:review.err.already_submitted" {
			t.Errorf("editing a submitted application: %v", err)
		}

		// 推荐: the 学会 (quota 2) approves two, the third does not fit.
		soc := access.Subtrees(f.soc.Path)
		if err := f.s.Recommend(ctx, apps[11].ID, staffScope(f.cty), 50, review.Approve, ""); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another unit recommended: %v", err)
		}
		if err := f.s.Recommend(ctx, apps[11].ID, soc, 11, review.Approve, ""); fieldKey(err) != "form:review.err.own" {
			t.Errorf("the applicant recommended themself: %v", err)
		}
		if err := f.s.Recommend(ctx, apps[11].ID, soc, 50, review.Reject, ""); fieldKey(err) != "reason:review.err.reason" {
			t.Errorf("a rejection without reason: %v", err)
		}
		for _, u := range []int64{11, 12} {
			if err := f.s.Recommend(ctx, apps[u].ID, soc, 50, review.Approve, ""); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.s.Recommend(ctx, apps[13].ID, soc, 50, review.Approve, ""); fieldKey(err) != "form:review.err.quota_full" {
			t.Errorf("over quota: %v", err)
		}
		if err := f.s.Recommend(ctx, apps[13].ID, soc, 50, review.Reject, "名额已满，请明年再报"); err != nil {
			t.Fatal(err)
		}
		if err := f.s.Recommend(ctx, apps[14].ID, staffScope(f.cty), 51, review.Approve, ""); err != nil {
			t.Fatal(err)
		}
		if n, _ := f.s.Recommended(ctx, c.ID, f.soc.ID); n != 2 {
			t.Errorf("recommended %d", n)
		}

		// 形式审查: 12 is returned for changes, resubmits, and passes.
		staff := staffScope(f.city)
		if err := f.s.Decide(ctx, staffScope(f.peer), 60, review.Decision{AppID: apps[11].ID, Outcome: review.Approve}); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another city's staff decided: %v", err)
		}
		if err := f.s.Decide(ctx, staff, 60, review.Decision{AppID: apps[12].ID, Outcome: review.Return, Reason: "缺少单位盖章页"}); err != nil {
			t.Fatal(err)
		}
		if a, _ := f.s.Application(ctx, apps[12].ID); a.Status != review.AppReturned || a.Note != "缺少单位盖章页" {
			t.Errorf("returned: %+v", a)
		}
		if _, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 12, Title: "钒钛研究12（补充盖章页）", RecommenderID: f.soc.ID, Answers: goodAnswers()}); err != nil {
			t.Fatal(err)
		}
		if a, err := f.s.Submit(ctx, apps[12].ID, 12); err != nil || a.Status != review.AppInStage || a.StageSeq != 1 {
			t.Fatalf("resubmit: %v %+v", err, a)
		}
		for _, u := range []int64{11, 12, 14} {
			if err := f.s.Decide(ctx, staff, 60, review.Decision{AppID: apps[u].ID, Outcome: review.Approve}); err != nil {
				t.Fatal(err)
			}
		}

		// 专家评审: 5 of 7 experts each, never a conflicted one.
		stages, _ := f.s.Stages(ctx, c.ID)
		round := stages[1]
		plan, err := f.s.AssignStage(ctx, round.ID, staff, 60, 20261)
		if err != nil {
			t.Fatal(err)
		}
		if len(plan.Unfilled) != 0 {
			t.Errorf("unfilled %v", plan.Unfilled)
		}
		for _, e := range plan.Experts[apps[11].ID] {
			if e == 201 {
				t.Error("the same employer reviews 11")
			}
		}
		for _, e := range plan.Experts[apps[12].ID] {
			if e == 102 {
				t.Error("12 reviews themself")
			}
		}
		if _, err := f.s.AssignStage(ctx, round.ID, staff, 60, 1); fieldKey(err) != "stage:review.err.stage_not_pending" {
			t.Errorf("assigned twice: %v", err)
		}
		// Each reviewer sees only their own assignments, blind: no name, no birth date.
		mine, _ := f.s.MyAssignments(ctx, 303)
		if len(mine) == 0 {
			t.Fatal("expert 203 has nothing")
		}
		for _, g := range mine {
			if g.UserID != 303 {
				t.Errorf("someone else's assignment %+v", g)
			}
		}
		rv, err := f.s.Review(ctx, mine[0].ID, 303)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := rv.Answers["born"]; ok || rv.Applicant != "" {
			t.Errorf("blind mode shows identifying data: %+v", rv)
		}
		if _, err := f.s.Review(ctx, mine[0].ID, 304); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another reviewer opened it: %v", err)
		}
		if _, err := f.s.SaveScore(ctx, mine[0].ID, 303, map[string]float64{"innovation": 101, "impact": 80}, "好"); fieldKey(err) != "s.innovation:review.err.score_range" {
			t.Errorf("score out of range: %v", err)
		}
		if _, err := f.s.SaveScore(ctx, mine[0].ID, 303, map[string]float64{"innovation": 90, "impact": 80}, ""); fieldKey(err) != "comment:review.err.comment_required" {
			t.Errorf("missing comment: %v", err)
		}
		// Scores: 11 highest, then 14, then 12; expert 207 is far off on 11.
		base := map[int64]float64{apps[11].ID: 90, apps[14].ID: 80, apps[12].ID: 70}
		all, _ := f.s.StageAssignments(ctx, round.ID, staff)
		if len(all) != 15 {
			t.Fatalf("%d assignments", len(all))
		}
		for i, g := range all {
			v := base[g.AppID] + float64(i%3)
			if g.AppID == apps[11].ID && g.PersonID == 207 {
				v = 20
			}
			if _, err := f.s.SaveScore(ctx, g.ID, g.UserID, map[string]float64{"innovation": v, "impact": v}, "意见"); err != nil {
				t.Fatal(err)
			}
		}
		rk, err := f.s.Ranking(ctx, round.ID, staff)
		if err != nil {
			t.Fatal(err)
		}
		if len(rk.Rows) != 3 || rk.Rows[0].App.ID != apps[11].ID || rk.Rows[2].App.ID != apps[12].ID {
			t.Fatalf("ranking %+v", rk.Rows)
		}
		if !rk.Rows[0].Outliers[207] {
			t.Errorf("207 not flagged: %+v", rk.Rows[0].Outliers)
		}
		if err := f.s.Select(ctx, round.ID, staff, 11, 2, 0); fieldKey(err) != "form:review.err.own" {
			t.Errorf("an applicant decided: %v", err)
		}
		if err := f.s.Select(ctx, round.ID, staff, 60, 2, 0); err != nil {
			t.Fatal(err)
		}
		if a, _ := f.s.Application(ctx, apps[12].ID); a.Status != review.AppNotSelected {
			t.Errorf("third: %s", a.Status)
		}

		// 公示 of 7 working days from Monday 3-2 … ends with Tuesday 3-10.
		if err := f.s.StartPublicity(ctx, c.ID, staff); err != nil {
			t.Fatal(err)
		}
		c, _ = f.s.Call(ctx, c.ID)
		if got := c.PublicityTo.In(time.FixedZone("CST", 8*3600)).Format("2006-01-02 15:04"); got != "2026-03-11 00:00" {
			t.Errorf("publicity ends %s", got)
		}
		listed, _ := f.s.Listed(ctx, c.ID)
		if len(listed) != 2 {
			t.Fatalf("listed %d", len(listed))
		}
		if _, err := f.s.FileObjection(ctx, review.ObjectionInput{AppID: apps[12].ID, Name: "王五", Body: "该申报人材料有误，请核实。"}); fieldKey(err) != "body:review.err.publicity_over" {
			t.Errorf("objection to an unlisted application: %v", err)
		}
		oid, err := f.s.FileObjection(ctx, review.ObjectionInput{AppID: apps[14].ID, UserID: 12, Name: "申报人12", Contact: "13912345678",
			Body: "第二项成果并非本人主持完成，附证明材料。"})
		if err != nil {
			t.Fatal(err)
		}
		// The objector's contact is sealed at rest and opened for the call's staff.
		var stored string
		if err := d.QueryRow(ctx, `SELECT contact FROM review_objections WHERE id = ?`, oid).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(stored, "13912345678") || !strings.HasPrefix(stored, "k1:") {
			t.Errorf("the contact is stored as %q", stored)
		}
		if objs, _ := f.s.Objections(ctx, c.ID, staff); len(objs) != 1 || objs[0].Contact != "13912345678" {
			t.Errorf("objections: %+v", objs)
		}
		for i := 0; i <= review.MaxObjectionsPerHour; i++ {
			_, err = f.s.FileObjection(ctx, review.ObjectionInput{AppID: apps[11].ID, Name: "匿名", Body: "重复提交的异议内容，测试限流。", Source: "ip1"})
		}
		if fieldKey(err) != "body:review.err.objection_rate" {
			t.Errorf("rate limit: %v", err)
		}
		f.advance(10 * 24 * time.Hour)
		if err := f.s.Finalize(ctx, c.ID, staff); fieldKey(err) != "status:review.err.objections_open" {
			t.Errorf("final with open objections: %v", err)
		}
		objs, _ := f.s.Objections(ctx, c.ID, staff)
		for _, o := range objs {
			if o.ID == oid {
				continue
			}
			if err := f.s.HandleObjection(ctx, o.ID, staff, 60, false, "重复异议，不予受理"); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.s.HandleObjection(ctx, oid, staff, 12, true, "x"); fieldKey(err) != "form:review.err.own" {
			t.Errorf("the filer handled their objection: %v", err)
		}
		// Accepted: 14 goes back to the review round, which is decided again.
		if err := f.s.HandleObjection(ctx, oid, staff, 60, true, "经核实成果归属有误，退回专家评审"); err != nil {
			t.Fatal(err)
		}
		if a, _ := f.s.Application(ctx, apps[14].ID); a.Status != review.AppInStage || a.StageSeq != 2 {
			t.Errorf("reopened: %+v", a)
		}
		if err := f.s.Finalize(ctx, c.ID, staff); fieldKey(err) != "status:review.err.objections_open" {
			t.Errorf("final with a reopened application: %v", err)
		}
		if err := f.s.Select(ctx, round.ID, staff, 60, 1, 0); err != nil {
			t.Fatal(err)
		}
		if a, _ := f.s.Application(ctx, apps[14].ID); a.Status != review.AppNotSelected {
			t.Errorf("re-decided: %s", a.Status)
		}
		if err := f.s.Finalize(ctx, c.ID, staff); err != nil {
			t.Fatal(err)
		}
		if a, _ := f.s.Application(ctx, apps[11].ID); a.Status != review.AppAwarded {
			t.Errorf("winner: %s", a.Status)
		}

		// Two years on, the winner may not win again (not awarded within 4 years).
		f.advance(2 * 365 * 24 * time.Hour)
		next := f.awardCall(t, 9)
		if err := f.s.Publish(ctx, next.ID); err != nil {
			t.Fatal(err)
		}
		a, _ := f.s.SaveDraft(ctx, review.Draft{CallID: next.ID, UserID: 11, RecommenderID: f.soc.ID, Answers: goodAnswers()})
		if _, err := f.s.Submit(ctx, a.ID, 11); fieldKey(err) != "eligibility:review.elig.awarded" {
			t.Errorf("awarded again: %v", err)
		}
		// After the deadline nothing is taken.
		f.advance(31 * 24 * time.Hour)
		if _, err := f.s.Submit(ctx, a.ID, 11); fieldKey(err) != "form:review.err.closed" {
			t.Errorf("after the deadline: %v", err)
		}
	})
}

// TestRecords checks an expert's record on hand-computed data: on one
// application A scores 90 and B 80 and C 70 (others' means 75, 80, 85:
// deviations 15, 0, 15); C scores late; D declines.
func TestRecords(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		f.p.pools[1] = []review.Expert{{PersonID: 201, UserID: 301, Employer: "甲"}, {PersonID: 202, UserID: 302, Employer: "乙"},
			{PersonID: 203, UserID: 303, Employer: "丙"}, {PersonID: 204, UserID: 304, Employer: "丁"}}
		f.p.applicants[11] = review.Applicant{PersonID: 1, OrgID: f.soc.ID, OrgPath: f.soc.Path, Employer: "戊"}
		c, err := f.s.CreateCall(ctx, review.CallInput{OrgID: f.city.ID, Title: "优秀论文", Kind: "paper", ApplicantKind: review.Individual,
			OpensAt: f.now.Add(-time.Hour), ClosesAt: f.now.Add(time.Hour),
			Stages: []review.StageInput{{Kind: review.StageReview, Name: "初评", PerApp: 4, PoolID: 1, Rubric: rubric(), DueAt: f.now.Add(48 * time.Hour)}}}, 1)
		if err != nil {
			t.Fatal(err)
		}
		f.s.Publish(ctx, c.ID)
		a, _ := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 11})
		if _, err := f.s.Submit(ctx, a.ID, 11); err != nil {
			t.Fatal(err)
		}
		st, _ := f.s.Stages(ctx, c.ID)
		if _, err := f.s.AssignStage(ctx, st[0].ID, staffScope(f.city), 1, 3); err != nil {
			t.Fatal(err)
		}
		gs, _ := f.s.StageAssignments(ctx, st[0].ID, staffScope(f.city))
		by := map[int64]review.Assignment{}
		for _, g := range gs {
			by[g.PersonID] = g
		}
		score := func(p int64, v float64) {
			if _, err := f.s.SaveScore(ctx, by[p].ID, by[p].UserID, map[string]float64{"innovation": v, "impact": v}, "意见"); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.s.Decline(ctx, by[204].ID, 304, "与申报人同一课题组"); err != nil {
			t.Fatal(err)
		}
		score(201, 90)
		score(202, 80)
		f.advance(72 * time.Hour)
		score(203, 70)
		recs, err := f.s.Records(ctx, []int64{201, 202, 203, 204})
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]review.Record{
			201: {PersonID: 201, Assigned: 1, Done: 1, OnTime: 1, Deviation: 15},
			202: {PersonID: 202, Assigned: 1, Done: 1, OnTime: 1, Deviation: 0},
			203: {PersonID: 203, Assigned: 1, Done: 1, OnTime: 0, Deviation: 15},
			204: {PersonID: 204, Assigned: 1, Declined: 1},
		}
		for p, w := range want {
			if recs[p] != w {
				t.Errorf("%d: got %+v, want %+v", p, recs[p], w)
			}
		}
	})
}
