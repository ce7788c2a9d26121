package review_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
)

// reviewedCall is a call with one expert-review stage of one reviewer
// (expert 201, user 301) already assigned on one application (user 11).
func (f *fixture) reviewedCall(t testing.TB) (review.Call, review.Stage, review.Assignment) {
	t.Helper()
	ctx := context.Background()
	f.p.pools[3] = []review.Expert{{PersonID: 201, UserID: 301, Name: "王专家", Employer: "四川大学"}}
	f.p.applicants[11] = review.Applicant{PersonID: 101, OrgID: f.soc.ID, OrgPath: f.soc.Path, Name: "张伟", Employer: "攀枝花学院"}
	c, err := f.s.CreateCall(ctx, review.CallInput{OrgID: f.city.ID, Title: "优秀论文评选", Kind: "paper", ApplicantKind: review.Individual,
		OpensAt: f.now.Add(-time.Hour), ClosesAt: f.now.Add(10 * 24 * time.Hour),
		Form:   review.Schema{Fields: []review.Field{{Key: "abstract", Label: "摘要", Type: review.LongText, Required: true}}},
		Stages: []review.StageInput{{Kind: review.StageReview, Name: "初评", PerApp: 1, PoolID: 3, Rubric: rubric()}}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.Publish(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	a, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 11, Title: "钒钛磁铁矿", Answers: review.Answers{"abstract": {S: "摘要"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Submit(ctx, a.ID, 11); err != nil {
		t.Fatal(err)
	}
	stages, _ := f.s.Stages(ctx, c.ID)
	if _, err := f.s.AssignStage(ctx, stages[0].ID, staffScope(f.city), 60, 1); err != nil {
		t.Fatal(err)
	}
	mine, err := f.s.MyAssignments(ctx, 301)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range mine {
		if g.StageID == stages[0].ID {
			return c, stages[0], g
		}
	}
	t.Fatalf("no assignment at stage %d: %v", stages[0].ID, mine)
	return c, stages[0], review.Assignment{}
}

// A stage's review window is enforced on scoring and on declining: before
// it opens and after it closes a score is refused with the time; staff of
// another city cannot set it; a window that closes before it opens is
// refused; each change is audited with before and after.
func TestStageWindow(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		_, st, g := f.reviewedCall(t)
		staff := staffScope(f.city)
		score := map[string]float64{"innovation": 80, "impact": 80}
		day := 24 * time.Hour
		if err := f.s.SetWindow(ctx, st.ID, staffScope(f.peer), f.now.Add(day), time.Time{}); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another city set the window: %v", err)
		}
		if err := f.s.SetWindow(ctx, st.ID, staff, f.now.Add(2*day), f.now.Add(day)); fieldKey(err) != "closes:review.err.window" {
			t.Errorf("closing before opening: %v", err)
		}
		if err := f.s.SetWindow(ctx, st.ID, staff, f.now.Add(day), f.now.Add(3*day)); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.SaveScore(ctx, g.ID, 301, score, "意见"); fieldKey(err) != "form:review.err.window_early" {
			t.Errorf("scored before the window: %v", err)
		}
		if err := f.s.Decline(ctx, g.ID, 301, "回避"); fieldKey(err) != "form:review.err.window_early" {
			t.Errorf("declined before the window: %v", err)
		}
		f.advance(day + time.Minute)
		if _, err := f.s.SaveScore(ctx, g.ID, 301, score, "意见"); err != nil {
			t.Fatalf("in the window: %v", err)
		}
		f.advance(2 * day)
		if _, err := f.s.SaveScore(ctx, g.ID, 301, score, "改"); fieldKey(err) != "form:review.err.window_over" {
			t.Errorf("scored after the window: %v", err)
		}
		if err := f.s.SetWindow(ctx, st.ID, staff, time.Time{}, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.SaveScore(ctx, g.ID, 301, score, "改"); err != nil {
			t.Errorf("no window: %v", err)
		}
		entries, _, err := audit.List(ctx, d, audit.Filter{Scope: staff, Action: "review.window", Limit: 10})
		if err != nil || len(entries) != 2 {
			t.Errorf("audited %d window changes: %v", len(entries), err)
		}
	})
}
