package review_test

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/review"
)

// TestRemind: assigning a stage with a deadline enqueues its reminder two
// days before; the reminder leaves one notice per reviewer with open
// assignments, and running it again (a job retried) adds none.
func TestRemind(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, append(sets, jobs.Migrations()), func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		f.s.UseJobs(jobs.NewRunner(d, jobs.Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))}))
		var pool []review.Expert
		for i := int64(1); i <= 3; i++ {
			pool = append(pool, review.Expert{PersonID: 200 + i, UserID: 300 + i, Employer: "单位" + strconv.FormatInt(i, 10)})
		}
		f.p.pools[1] = pool
		f.p.applicants[11] = review.Applicant{PersonID: 1, OrgID: f.soc.ID, OrgPath: f.soc.Path, Employer: "攀枝花学院"}
		due := f.now.Add(10 * 24 * time.Hour)
		c, err := f.s.CreateCall(ctx, review.CallInput{OrgID: f.city.ID, Title: "优秀论文", Kind: "paper", ApplicantKind: review.Individual,
			OpensAt: f.now.Add(-time.Hour), ClosesAt: f.now.Add(24 * time.Hour),
			Stages: []review.StageInput{{Kind: review.StageReview, Name: "初评", PerApp: 2, PoolID: 1, Rubric: rubric(), DueAt: due}}}, 1)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.Publish(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		a, _ := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 11})
		if _, err := f.s.Submit(ctx, a.ID, 11); err != nil {
			t.Fatal(err)
		}
		st, _ := f.s.Stages(ctx, c.ID)
		if _, err := f.s.AssignStage(ctx, st[0].ID, staffScope(f.city), 1, 5); err != nil {
			t.Fatal(err)
		}
		var n int
		var after int64
		if err := d.QueryRow(ctx, `SELECT COUNT(*), MAX(run_after) FROM jobs WHERE kind = ?`, review.RemindKind).Scan(&n, &after); err != nil || n != 1 {
			t.Fatalf("reminder jobs %d, %v", n, err)
		}
		if got := db.Time(after); !got.Equal(due.Add(-review.RemindBefore).Truncate(time.Millisecond)) {
			t.Errorf("reminder at %v, want two days before %v", got, due)
		}
		if n, err := f.s.Remind(ctx, st[0].ID); err != nil || n != 2 {
			t.Fatalf("reminded %d, %v", n, err)
		}
		if n, _ := f.s.Remind(ctx, st[0].ID); n != 0 {
			t.Errorf("a second run reminded %d", n)
		}
		gs, _ := f.s.StageAssignments(ctx, st[0].ID, staffScope(f.city))
		notes, err := f.s.Notices(ctx, gs[0].UserID, 5)
		msgs := map[string]int{}
		for _, n := range notes {
			msgs[n.Msg]++
			if n.Msg == "review.notice.remind" && n.Args[1] != "初评" {
				t.Errorf("reminder %+v", n)
			}
		}
		if err != nil || msgs["review.notice.remind"] != 1 || msgs["review.notice.assigned"] != 1 {
			t.Errorf("notices %+v %v", notes, err)
		}
	})
}
