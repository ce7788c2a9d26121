package jobs_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
)

// A node dies mid-job, after the handler's effect but before the job is
// marked done: no heartbeat renews its lease, so once the lease has passed
// a second node claims the job and runs it again. The handler is
// idempotent (its effect is keyed by the job's ID), so the effect happens
// exactly once and the job ends done, on the second node, after two
// attempts. Before the lease passes, the second node leaves the job alone.
func TestDeadNodeJobTakenOver(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		c := freeze(d)
		entered := make(chan string, 4)
		kind := func(node string) map[string]jobs.Kind {
			return map[string]jobs.Kind{"test.effect": {Handle: func(ctx context.Context, run *jobs.Run) error {
				if _, err := d.Exec(ctx, `INSERT INTO effects (job_id, node) VALUES (?, ?) ON CONFLICT (job_id) DO NOTHING`,
					run.ID, node); err != nil {
					return err
				}
				entered <- node
				if node == "a" {
					<-ctx.Done() // node a dies here, before it can mark the job done
					return ctx.Err()
				}
				return nil
			}}}
		}
		a, stopA := runner(t, d, c, "a", kind("a"))
		s := a.Store
		id := enqueue(t, d, jobs.Spec{Kind: "test.effect", MaxAttempts: 3})
		if got := <-entered; got != "a" {
			t.Fatalf("first run on %s", got)
		}
		a.Kill()
		stopA()
		if j, _ := s.Get(ctx, id); j.State != jobs.Running || j.Node != "a" {
			t.Fatalf("a dead node's job: %+v", j)
		}
		_, _ = runner(t, d, c, "b", kind("b"))
		time.Sleep(50 * time.Millisecond)
		if j, _ := s.Get(ctx, id); j.State != jobs.Running || j.Node != "a" {
			t.Fatalf("taken over before the lease passed: %+v", j)
		}
		c.Add(61 * time.Second) // past node a's one-minute lease
		j := waitFor(t, s, id, "done", inState(jobs.Done))
		if j.Node != "b" || j.Attempts != 2 {
			t.Errorf("finished job %+v", j)
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM effects WHERE job_id = ?`, id).Scan(&n); err != nil || n != 1 {
			t.Errorf("%d effects (%v), want exactly 1", n, err)
		}
	})
}

// Progress written by the handler on one node is read from the row by
// another node.
func TestProgressReadFromAnotherRunner(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		c := freeze(d)
		release := make(chan struct{})
		_, _ = runner(t, d, c, "a", map[string]jobs.Kind{"test.slow": {Handle: func(ctx context.Context, run *jobs.Run) error {
			run.SetProgress(40, 100, "test.msg.rows", 4000)
			<-release
			return run.SetResult(map[string]int{"rows": 10000})
		}}})
		other := jobs.NewRunner(d, jobs.Config{Node: "b", Now: c.Now}) // registers nothing and never runs
		id := enqueue(t, d, jobs.Spec{Kind: "test.slow"})
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
			j, err := other.Job(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if j.Progress.Done == 40 {
				if j.State != jobs.Running || j.Progress.Total != 100 || j.Progress.Key != "test.msg.rows" ||
					len(j.Progress.Args) != 1 || j.Progress.Args[0] != 4000 || j.Permille() != 400 {
					t.Errorf("progress seen from b: %+v", j)
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("no progress: %+v", j)
			}
		}
		close(release)
		j := waitFor(t, other.Store, id, "done", inState(jobs.Done))
		if string(j.Result) != `{"rows":10000}` || j.Fraction() != 1 {
			t.Errorf("done job %+v", j)
		}
	})
}

// At most PerNode jobs of a kind run on a node and at most PerUser per user
// across nodes; the others wait queued and start as slots free up.
func TestCaps(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		c := freeze(d)
		var mu sync.Mutex
		gates := map[int64]chan struct{}{}
		gate := func(id int64) chan struct{} {
			mu.Lock()
			defer mu.Unlock()
			if gates[id] == nil {
				gates[id] = make(chan struct{})
			}
			return gates[id]
		}
		kinds := map[string]jobs.Kind{"test.import": {PerNode: 2, PerUser: 1, Handle: func(ctx context.Context, run *jobs.Run) error {
			select {
			case <-gate(run.ID):
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}}}
		a, _ := runner(t, d, c, "a", kinds)
		s := a.Store
		u1a := enqueue(t, d, jobs.Spec{Kind: "test.import", UserID: 1})
		u1b := enqueue(t, d, jobs.Spec{Kind: "test.import", UserID: 1})
		u2 := enqueue(t, d, jobs.Spec{Kind: "test.import", UserID: 2})
		u3 := enqueue(t, d, jobs.Spec{Kind: "test.import", UserID: 3})
		waitFor(t, s, u1a, "running", inState(jobs.Running))
		waitFor(t, s, u2, "running", inState(jobs.Running))
		time.Sleep(50 * time.Millisecond)
		for _, id := range []int64{u1b, u3} {
			if j, _ := s.Get(context.Background(), id); j.State != jobs.Queued {
				t.Errorf("job %d of user %d: %s, want queued", id, j.UserID, j.State)
			}
		}
		// A second node takes user 3's job but not user 1's second one:
		// the per-user cap holds across nodes.
		_, _ = runner(t, d, c, "b", kinds)
		waitFor(t, s, u3, "running", inState(jobs.Running))
		time.Sleep(50 * time.Millisecond)
		if j, _ := s.Get(context.Background(), u1b); j.State != jobs.Queued {
			t.Errorf("user 1's second job: %s, want queued", j.State)
		}
		close(gate(u1a))
		waitFor(t, s, u1a, "done", inState(jobs.Done))
		waitFor(t, s, u1b, "running", inState(jobs.Running))
		for _, id := range []int64{u1b, u2, u3} {
			close(gate(id))
			waitFor(t, s, id, "done", inState(jobs.Done))
		}
	})
}

// A node shutting down stops its handlers and hands their jobs back to the
// queue without spending an attempt; another node then runs them at once.
func TestShutdownHandsJobsBack(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		c := freeze(d)
		started := make(chan string, 2)
		kind := func(node string) map[string]jobs.Kind {
			return map[string]jobs.Kind{"test.long": {Handle: func(ctx context.Context, run *jobs.Run) error {
				started <- node
				if node == "a" {
					<-ctx.Done()
					return ctx.Err()
				}
				return nil
			}}}
		}
		a, stopA := runner(t, d, c, "a", kind("a"))
		id := enqueue(t, d, jobs.Spec{Kind: "test.long", MaxAttempts: 1})
		<-started
		stopA()
		if j, _ := a.Store.Get(context.Background(), id); j.State != jobs.Queued || j.Attempts != 0 {
			t.Fatalf("after a's shutdown: %+v", j)
		}
		_, _ = runner(t, d, c, "b", kind("b"))
		if j := waitFor(t, a.Store, id, "done", inState(jobs.Done)); j.Node != "b" || j.Attempts != 1 {
			t.Errorf("job after b: %+v", j)
		}
	})
}
