package review_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
)

// TestResearch runs 决策咨询课题 on the same engine: 选题征集 (members
// propose topics, staff select), 公开申报 on a selected topic, 开题评审 by
// three experts with the mean, and 结题验收 as a follow-up call that only
// the project's holder may answer.
func TestResearch(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		staff := staffScope(f.city)
		for u := int64(21); u <= 24; u++ {
			f.p.applicants[u] = review.Applicant{PersonID: 80 + u, OrgID: f.cty.ID, OrgPath: f.cty.Path, Name: "研究员" + strconv.FormatInt(u, 10),
				Employer: "攀枝花学院" + strconv.FormatInt(u, 10), BirthYear: 1975, TitleLevel: "senior"}
		}
		var experts []review.Expert
		for i := int64(1); i <= 4; i++ {
			experts = append(experts, review.Expert{PersonID: 400 + i, UserID: 500 + i, Employer: "智库" + strconv.FormatInt(i, 10)})
		}
		f.p.pools[3] = experts
		week := 7 * 24 * time.Hour
		text := review.Schema{Fields: []review.Field{{Key: "why", Label: "选题理由", Type: review.LongText, Required: true}}}
		mk := func(in review.CallInput) review.Call {
			t.Helper()
			in.OrgID, in.ApplicantKind = f.city.ID, review.Individual
			in.OpensAt, in.ClosesAt = f.now.Add(-time.Hour), f.now.Add(week)
			c, err := f.s.CreateCall(ctx, in, 1)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.s.Publish(ctx, c.ID); err != nil {
				t.Fatal(err)
			}
			return c
		}
		apply := func(c review.Call, u int64, title string, a review.Answers) review.Application {
			t.Helper()
			x, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: u, Title: title, Answers: a})
			if err != nil {
				t.Fatal(err)
			}
			if x, err = f.s.Submit(ctx, x.ID, u); err != nil {
				t.Fatal(err)
			}
			return x
		}
		// 选题征集
		topics := mk(review.CallInput{Title: "2026年度决策咨询选题征集", Kind: "topic_collection", Form: text,
			Stages: []review.StageInput{{Kind: review.StageFormal, Name: "选题遴选"}, {Kind: review.StageResult, Name: "选题库"}}})
		t1 := apply(topics, 21, "钒钛产业链人才引育研究", review.Answers{"why": {S: "产业急需"}})
		t2 := apply(topics, 22, "康养旅游科普研究", review.Answers{"why": {S: "城市定位"}})
		if err := f.s.Decide(ctx, staff, 60, review.Decision{AppID: t1.ID, Outcome: review.Approve}); err != nil {
			t.Fatal(err)
		}
		if err := f.s.Decide(ctx, staff, 60, review.Decision{AppID: t2.ID, Outcome: review.Reject, Reason: "与去年课题重复"}); err != nil {
			t.Fatal(err)
		}
		if err := f.s.Finalize(ctx, topics.ID, staff); fieldKey(err) != "status:review.err.still_open" {
			t.Errorf("finalized while open: %v", err)
		}
		f.advance(week + time.Hour)
		if err := f.s.Finalize(ctx, topics.ID, staff); err != nil {
			t.Fatal(err)
		}
		if x, _ := f.s.Application(ctx, t1.ID); x.Status != review.AppAwarded {
			t.Errorf("topic 1: %s", x.Status)
		}
		// 公开申报 on the selected topic, 开题评审.
		plan := review.Schema{Fields: []review.Field{
			{Key: "plan", Label: "研究方案", Type: review.LongText, Required: true},
			{Key: "budget", Label: "经费预算", Type: review.Table, Required: true, Columns: []review.Field{
				{Key: "item", Label: "科目", Type: review.Text, Required: true},
				{Key: "amount", Label: "金额（万元）", Type: review.Number, Required: true, Min: f64(0), Max: f64(50)}}},
		}}
		research := mk(review.CallInput{Title: t1.Title, Kind: "research", ParentAppID: t1.ID, Form: plan,
			Stages: []review.StageInput{{Kind: review.StageFormal, Name: "形式审查"},
				{Kind: review.StageReview, Name: "开题评审", PerApp: 3, PoolID: 3, Method: review.Mean, Rubric: rubric()},
				{Kind: review.StageResult, Name: "立项"}}})
		budget := review.Answer{Rows: []map[string]string{{"item": "调研差旅", "amount": "3"}, {"item": "专家咨询", "amount": "2"}}}
		var projects []review.Application
		for _, u := range []int64{23, 24} {
			x := apply(research, u, "课题申报"+strconv.FormatInt(u, 10), review.Answers{"plan": {S: "分三阶段调研"}, "budget": budget})
			if err := f.s.Decide(ctx, staff, 60, review.Decision{AppID: x.ID, Outcome: review.Approve}); err != nil {
				t.Fatal(err)
			}
			projects = append(projects, x)
		}
		stages, _ := f.s.Stages(ctx, research.ID)
		if _, err := f.s.AssignStage(ctx, stages[1].ID, staff, 60, 7); err != nil {
			t.Fatal(err)
		}
		all, _ := f.s.StageAssignments(ctx, stages[1].ID, staff)
		for _, g := range all {
			v := 70.0
			if g.AppID == projects[1].ID {
				v = 88
			}
			if _, err := f.s.SaveScore(ctx, g.ID, g.UserID, map[string]float64{"innovation": v, "impact": v}, "同意"); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.s.Select(ctx, stages[1].ID, staff, 60, 1, 0); err != nil {
			t.Fatal(err)
		}
		f.advance(week)
		if err := f.s.Finalize(ctx, research.ID, staff); err != nil {
			t.Fatal(err)
		}
		project, _ := f.s.Application(ctx, projects[1].ID)
		if project.Status != review.AppAwarded {
			t.Fatalf("project: %s", project.Status)
		}
		// 结题验收: a follow-up call on the project; only its holder answers.
		report := review.Schema{Fields: []review.Field{{Key: "report", Label: "结题报告", Type: review.File, Required: true,
			FileTypes: []string{"pdf"}, MaxSize: 20 << 20}}}
		accept := mk(review.CallInput{Title: project.Title + "·结题验收", Kind: "milestone", ParentAppID: project.ID, Form: report,
			Stages: []review.StageInput{{Kind: review.StageReview, Name: "结题验收", PerApp: 2, PoolID: 3, Method: review.Mean, Rubric: rubric()},
				{Kind: review.StageResult, Name: "验收结论"}}})
		file := review.Answers{"report": {F: &review.FileRef{Name: "结题报告.pdf", Size: 3 << 20}}}
		other, _ := f.s.SaveDraft(ctx, review.Draft{CallID: accept.ID, UserID: 23, Answers: file})
		if _, err := f.s.Submit(ctx, other.ID, 23); fieldKey(err) != "eligibility:review.elig.project" {
			t.Errorf("someone else's project: %v", err)
		}
		done := apply(accept, 24, project.Title, file)
		st, _ := f.s.Stages(ctx, accept.ID)
		if _, err := f.s.AssignStage(ctx, st[0].ID, staff, 60, 9); err != nil {
			t.Fatal(err)
		}
		gs, _ := f.s.StageAssignments(ctx, st[0].ID, staff)
		for _, g := range gs {
			if _, err := f.s.SaveScore(ctx, g.ID, g.UserID, map[string]float64{"innovation": 80, "impact": 85}, "同意结题"); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.s.Select(ctx, st[0].ID, staff, 60, 0, 60); err != nil {
			t.Fatal(err)
		}
		f.advance(week)
		if err := f.s.Finalize(ctx, accept.ID, staff); err != nil {
			t.Fatal(err)
		}
		if x, _ := f.s.Application(ctx, done.ID); x.Status != review.AppAwarded {
			t.Errorf("结题: %s", x.Status)
		}
	})
}
