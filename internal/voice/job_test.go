package voice_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/voice"
)

// The closing job, scheduled once however often nodes start, closes an
// unrated answer whose time has come and queues its next run.
func TestCloseJob(t *testing.T) {
	dbtest.Run(t, append(sets, jobs.Migrations()), func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		it, _ := f.file(t, f.city, "无人评价的答复")
		must(t, f.s.Accept(ctx, it.ID, clerk))
		must(t, f.s.Assign(ctx, it.ID, "wang", clerk))
		must(t, f.s.Answer(ctx, it.ID, "答复内容。", wang))
		*f.now = f.now.AddDate(0, 0, 20)
		r := jobs.NewRunner(d, jobs.Config{Poll: 5 * time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		f.s.UseJobs(r)
		must(t, f.s.ScheduleClosing(ctx))
		must(t, f.s.ScheduleClosing(ctx))
		if n := count(t, d, `SELECT COUNT(*) FROM jobs WHERE kind = ?`, voice.CloseKind); n != 1 {
			t.Fatalf("%d closing jobs queued", n)
		}
		rctx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); r.Run(rctx) }()
		defer func() { cancel(); <-done }()
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			got, err := f.s.Item(ctx, it.ID)
			must(t, err)
			if got.Status == voice.Closed && count(t, d, `SELECT COUNT(*) FROM jobs WHERE kind = ? AND state = 'queued'`, voice.CloseKind) == 1 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("not closed by the job: %s", got.Status)
			}
		}
	})
}
