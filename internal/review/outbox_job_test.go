package review_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/review"
)

type countSender struct {
	mu  sync.Mutex
	ids []int64
}

func (c *countSender) Send(_ context.Context, m review.Message) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ids = append(c.ids, m.ID)
	return nil
}

func (c *countSender) n() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.ids)
}

// TestDeliveryJob: with UseSender the outbox is delivered by a job that
// ScheduleDelivery queues (once, however often a node starts), and each run
// queues the next DeliverEvery later.
func TestDeliveryJob(t *testing.T) {
	dbtest.Run(t, append(sets, jobs.Migrations()), func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		f.finalCall(t) // notices wait in the outbox
		r := jobs.NewRunner(d, jobs.Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Poll: 20 * time.Millisecond})
		sender := &countSender{}
		f.s.UseSender(r, sender)
		count := func(state string) (n int, after int64) {
			if err := d.QueryRow(ctx, `SELECT COUNT(*), COALESCE(MAX(run_after), 0) FROM jobs WHERE kind = ? AND state = ?`,
				review.DeliverKind, state).Scan(&n, &after); err != nil {
				t.Fatal(err)
			}
			return n, after
		}
		for i := 0; i < 2; i++ {
			if err := f.s.ScheduleDelivery(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if n, _ := count("queued"); n != 1 {
			t.Fatalf("delivery jobs queued: %d, want 1", n)
		}
		rctx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); _ = r.Run(rctx) }()
		defer func() { cancel(); <-done }()
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			if n, _ := count("done"); n == 1 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the delivery job did not run")
			}
		}
		if sender.n() == 0 {
			t.Error("the job handed no notice on")
		}
		n, after := count("queued")
		if want := db.Millis(d.Now().Add(review.DeliverEvery)); n != 1 || after != want {
			t.Errorf("next run: %d queued at %d, want 1 at %d", n, after, want)
		}
		if m, err := f.s.Deliver(ctx, sender, 10); m != 0 || err != nil {
			t.Errorf("left in the outbox: %d %v", m, err)
		}
	})
}
