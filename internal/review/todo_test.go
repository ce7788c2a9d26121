package review_test

import (
	"context"
	"strconv"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
)

// TestWaiting counts what waits for 推荐 and for 形式审查 by call, in the
// caller's scope only, never an application the caller filed.
func TestWaiting(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		f.p.pools[9] = nil
		for u := int64(11); u <= 14; u++ {
			f.p.applicants[u] = review.Applicant{PersonID: 90 + u, OrgID: f.soc.ID, OrgPath: f.soc.Path,
				Name: "申报人" + strconv.FormatInt(u, 10), Employer: "单位", BirthYear: 1990, TitleLevel: "intermediate"}
		}
		c := f.awardCall(t, 9)
		if err := f.s.Publish(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		var apps []review.Application
		for u := int64(11); u <= 14; u++ {
			a, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: u, Title: "研究" + strconv.FormatInt(u, 10),
				RecommenderID: f.soc.ID, Answers: goodAnswers()})
			if err != nil {
				t.Fatal(err)
			}
			if a, err = f.s.Submit(ctx, a.ID, u); err != nil {
				t.Fatal(err)
			}
			apps = append(apps, a)
		}
		soc, city := access.Subtrees(f.soc.Path), staffScope(f.city)
		want := func(what string, got []review.Waiting, err error, n int) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			total := 0
			for _, w := range got {
				if w.CallID != c.ID || w.Title != c.Title {
					t.Errorf("%s: %+v", what, w)
				}
				total += w.Count
			}
			if total != n {
				t.Errorf("%s: %d waiting, want %d (%+v)", what, total, n, got)
			}
		}
		w, err := f.s.ToRecommend(ctx, soc, 50, 5)
		want("to recommend", w, err, 4)
		w, err = f.s.ToRecommend(ctx, soc, 12, 5)
		want("to recommend, by an applicant", w, err, 3)
		w, err = f.s.ToRecommend(ctx, staffScope(f.cty), 50, 5)
		want("to recommend, another unit", w, err, 0)
		w, err = f.s.ToRecommend(ctx, access.Scope{}, 50, 5)
		want("to recommend, no scope", w, err, 0)

		for _, a := range apps[:2] {
			if err := f.s.Recommend(ctx, a.ID, soc, 50, review.Approve, ""); err != nil {
				t.Fatal(err)
			}
		}
		w, err = f.s.ToRecommend(ctx, soc, 50, 5)
		want("to recommend after two", w, err, 2)
		w, err = f.s.FormalChecks(ctx, city, 60, 5)
		want("formal checks", w, err, 2)
		w, err = f.s.FormalChecks(ctx, city, 11, 5)
		want("formal checks, by an applicant", w, err, 1)
		w, err = f.s.FormalChecks(ctx, staffScope(f.peer), 60, 5)
		want("formal checks, a peer", w, err, 0)
		w, err = f.s.FormalChecks(ctx, access.Scope{}, 60, 5)
		want("formal checks, no scope", w, err, 0)
		if err := f.s.Decide(ctx, city, 60, review.Decision{AppID: apps[0].ID, Outcome: review.Approve}); err != nil {
			t.Fatal(err)
		}
		w, err = f.s.FormalChecks(ctx, city, 60, 5)
		want("formal checks after one passed", w, err, 1)
	})
}
