package jobs_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
)

// testSchema stands in for the org module's table (the admin list joins
// orgs for their paths) and gives handlers a table to write their effect to.
var testSchema = db.Migrations{Module: "jobs_test", FS: fstest.MapFS{
	"001_test.sql": {Data: []byte(`CREATE TABLE orgs (id BIGINT PRIMARY KEY, path TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE effects (job_id BIGINT PRIMARY KEY, node TEXT NOT NULL);
INSERT INTO orgs (id, path, name) VALUES (1, '/1/', 'Province'), (2, '/1/2/', 'City'), (3, '/1/3/', 'Peer');`)},
}}

var sets = []db.Migrations{testSchema, jobs.Migrations()}

// clock is a frozen clock that tests move by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func freeze(d *db.DB) *clock {
	c := &clock{now: time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)}
	d.Now = c.Now
	return c
}

// runner returns a runner polling every few milliseconds on c's clock; it
// runs until the test ends (or stop is called).
func runner(t *testing.T, d *db.DB, c *clock, node string, kinds map[string]jobs.Kind) (r *jobs.Runner, stop func()) {
	t.Helper()
	r = jobs.NewRunner(d, jobs.Config{Node: node, Poll: 5 * time.Millisecond, Heartbeat: 10 * time.Millisecond,
		Lease: time.Minute, Backoff: 10 * time.Second, MaxBackoff: time.Minute, Now: c.Now,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	for k, v := range kinds {
		r.Register(k, v)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.Run(ctx)
	}()
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); <-done }) }
	t.Cleanup(stop)
	return r, stop
}

func enqueue(t *testing.T, d *db.DB, s jobs.Spec) int64 {
	t.Helper()
	var id int64
	err := d.Tx(context.Background(), func(tx *db.Tx) (err error) {
		id, err = jobs.Enqueue(context.Background(), tx, s)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// waitFor polls job id until ok accepts it.
func waitFor(t *testing.T, s *jobs.Store, id int64, what string, ok func(jobs.Job) bool) jobs.Job {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		j, err := s.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if ok(j) {
			return j
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d never %s: %+v", id, what, j)
		}
	}
}

func inState(s jobs.State) func(jobs.Job) bool { return func(j jobs.Job) bool { return j.State == s } }

// A job enqueued in a transaction that rolls back does not exist; one whose
// transaction commits is queued with its fields.
func TestEnqueueInCallersTx(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		c := freeze(d)
		s := jobs.NewStore(d)
		boom := errors.New("the module's change failed")
		err := d.Tx(ctx, func(tx *db.Tx) error {
			if _, err := jobs.Enqueue(ctx, tx, jobs.Spec{Kind: "test.echo", OrgID: 2}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		if list, n, err := s.List(ctx, jobs.Filter{Scope: access.Everywhere()}); err != nil || n != 0 || len(list) != 0 {
			t.Fatalf("after rollback: %d jobs, %v", n, err)
		}
		id := enqueue(t, d, jobs.Spec{Kind: "test.echo", OrgID: 2, UserID: 7, Args: map[string]int{"n": 1},
			RunAfter: c.Now().Add(time.Hour)})
		j, err := s.Get(ctx, id)
		if err != nil || j.State != jobs.Queued || j.Kind != "test.echo" || j.OrgPath != "/1/2/" || j.UserID != 7 ||
			j.MaxAttempts != jobs.DefaultMaxAttempts || !j.RunAfter.Equal(c.Now().Add(time.Hour)) || string(j.Args) != `{"n":1}` {
			t.Errorf("job %+v %v", j, err)
		}
	})
}

// A failing handler is retried after 10 s, then 20 s (exponential backoff,
// on the frozen clock: never earlier), and after its last attempt the job
// fails with the handler's code and arguments. A permanent error fails at
// once.
func TestRetryBackoffThenFail(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		c := freeze(d)
		var mu sync.Mutex
		calls := 0
		_, _ = runner(t, d, c, "a", map[string]jobs.Kind{
			"test.flaky": {Handle: func(ctx context.Context, run *jobs.Run) error {
				mu.Lock()
				calls++
				mu.Unlock()
				return jobs.Retry("test.err.flaky", 3, "x")
			}},
			"test.broken": {Handle: func(ctx context.Context, run *jobs.Run) error {
				return jobs.Fail("test.err.broken")
			}},
		})
		s := jobs.NewStore(d)
		start := c.Now()
		id := enqueue(t, d, jobs.Spec{Kind: "test.flaky", MaxAttempts: 3})
		j := waitFor(t, s, id, "retried once", func(j jobs.Job) bool { return j.Attempts == 1 && j.State == jobs.Queued })
		if !j.RunAfter.Equal(start.Add(10*time.Second)) || j.ErrorCode != "test.err.flaky" {
			t.Errorf("after attempt 1: run after %v, code %q", j.RunAfter.Sub(start), j.ErrorCode)
		}
		time.Sleep(50 * time.Millisecond) // ten polls: none may run it early
		if j, _ := s.Get(context.Background(), id); j.Attempts != 1 {
			t.Fatalf("ran before its backoff: %+v", j)
		}
		c.Add(10 * time.Second)
		j = waitFor(t, s, id, "retried twice", func(j jobs.Job) bool { return j.Attempts == 2 && j.State == jobs.Queued })
		if got := j.RunAfter.Sub(c.Now()); got != 20*time.Second {
			t.Errorf("second backoff %v, want 20s", got)
		}
		c.Add(20 * time.Second)
		j = waitFor(t, s, id, "failed", inState(jobs.Failed))
		if j.Attempts != 3 || j.ErrorCode != "test.err.flaky" || len(j.ErrorArgs) != 2 || j.ErrorArgs[0] != 3 || j.ErrorArgs[1] != "x" ||
			j.FinishedAt.IsZero() {
			t.Errorf("failed job %+v", j)
		}
		mu.Lock()
		if calls != 3 {
			t.Errorf("%d calls, want 3", calls)
		}
		mu.Unlock()
		id = enqueue(t, d, jobs.Spec{Kind: "test.broken", MaxAttempts: 5})
		if j := waitFor(t, s, id, "failed", inState(jobs.Failed)); j.Attempts != 1 || j.ErrorCode != "test.err.broken" {
			t.Errorf("permanent error: %+v", j)
		}
	})
}

// Cancelling a running job cancels its handler's context on the next
// heartbeat; cancelling a queued job ends it without running it. Finally
// runs for both.
func TestCancel(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		c := freeze(d)
		started := make(chan int64, 4)
		var mu sync.Mutex
		final := map[int64]jobs.State{}
		_, _ = runner(t, d, c, "a", map[string]jobs.Kind{
			"test.wait": {PerNode: 1, Handle: func(ctx context.Context, run *jobs.Run) error {
				started <- run.ID
				<-ctx.Done()
				return ctx.Err()
			}, Finally: func(ctx context.Context, j jobs.Job) {
				mu.Lock()
				final[j.ID] = j.State
				mu.Unlock()
			}},
		})
		s := jobs.NewStore(d)
		first := enqueue(t, d, jobs.Spec{Kind: "test.wait"})
		<-started
		second := enqueue(t, d, jobs.Spec{Kind: "test.wait"}) // waits: one per node
		if ok, err := s.Cancel(ctx, second); !ok || err != nil {
			t.Fatalf("cancel queued: %v %v", ok, err)
		}
		if j := waitFor(t, s, second, "cancelled", inState(jobs.Cancelled)); j.Attempts != 0 || j.ErrorCode != jobs.CodeCancelled {
			t.Errorf("queued job ran or lacks its code: %+v", j)
		}
		if ok, err := s.Cancel(ctx, first); !ok || err != nil {
			t.Fatalf("cancel running: %v %v", ok, err)
		}
		waitFor(t, s, first, "cancelled", inState(jobs.Cancelled))
		if ok, _ := s.Cancel(ctx, first); ok {
			t.Error("a finished job was cancelled again")
		}
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
			mu.Lock()
			n := len(final)
			mu.Unlock()
			if n == 2 || time.Now().After(deadline) {
				break
			}
		}
		mu.Lock()
		if final[first] != jobs.Cancelled || final[second] != jobs.Cancelled {
			t.Errorf("Finally saw %v", final)
		}
		mu.Unlock()
	})
}
