package society_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/society"
)

func TestReminders(t *testing.T) {
	dbtest.Run(t, append(sets, jobs.Migrations()), func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		f.s.UseJobs(jobs.NewRunner(d, jobs.Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))}))
		queued := func(kind string) int {
			var n int
			if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = ? AND state = 'queued'`, kind).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		for i := 0; i < 2; i++ {
			if err := f.s.ScheduleReports(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if n := queued(society.ReportsKind); n != 1 {
			t.Errorf("report reminder jobs queued: %d", n)
		}
		if n, err := f.s.RemindReports(ctx, 2025); err != nil || n != 3 {
			t.Errorf("reminded %d %v", n, err)
		}
		if n, _ := f.s.RemindReports(ctx, 2025); n != 0 {
			t.Errorf("reminded twice: %d", n)
		}
		tm, err := f.s.AddTerm(ctx, society.TermInput{OrgID: f.soc.ID, Body: "council", Seq: 5,
			StartsOn: time.Date(2022, 9, 1, 0, 0, 0, 0, time.UTC), EndsOn: time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if n := queued(society.RemindKind); n != 2 {
			t.Errorf("term reminders queued: %d, want 6 and 3 months", n)
		}
		if left, err := f.s.RemindTerm(ctx, tm.ID, 6); err != nil || !left {
			t.Errorf("term reminder: %v %v", left, err)
		}
		if left, _ := f.s.RemindTerm(ctx, tm.ID, 6); left {
			t.Error("term reminded twice")
		}
		rs, _ := f.s.Reminders(ctx, f.soc.ID)
		if len(rs) != 2 {
			t.Errorf("reminders %+v", rs)
		}
	})
}
