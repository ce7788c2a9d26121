package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"kexie/internal/db"
)

// Handler does a job's work. It reads the job's arguments with Run.Decode,
// reports progress with Run.Progress and may set a result with
// Run.SetResult. Its context is cancelled when the job is cancelled, when
// another node has taken the job over, or when the node shuts down; it
// should then return promptly. Handlers must be idempotent (see the package
// comment). An error built with Fail ends the job; any other is retried.
type Handler func(ctx context.Context, run *Run) error

// Kind is how a module registers one kind of job.
type Kind struct {
	Handle Handler
	// PerNode caps how many jobs of this kind one node runs at once (0:
	// only the runner's Workers cap); further jobs wait queued.
	PerNode int
	// PerUser caps how many jobs of this kind one user has running at once
	// across all nodes (0: no cap); further ones wait queued.
	PerUser int
	// Finally, when set, runs once on the node that ends the job, whatever
	// the end (done, failed, cancelled), e.g. to remove the job's files.
	Finally func(ctx context.Context, j Job)
	// Subject, when set, says what a job of this kind works on (a message's
	// title, a file's name) for the admin pages, read from its arguments by
	// the module that owns them; "" when it cannot say.
	Subject func(ctx context.Context, j Job) string
}

// Config tunes a Runner; zero fields take the defaults.
type Config struct {
	Node       string        // this node's name in job rows (default: host name and process ID)
	Workers    int           // jobs this node runs at once over all kinds (default 4)
	Poll       time.Duration // how often to look for ready jobs (default 1s)
	Lease      time.Duration // how long a claim holds without a heartbeat (default 30s)
	Heartbeat  time.Duration // how often a running job renews its lease (default Lease/3)
	Backoff    time.Duration // delay before the first retry, doubled each time (default 10s)
	MaxBackoff time.Duration // longest delay between attempts (default 10m)
	// Now is the clock of leases, retries and timestamps (default the
	// database's clock); tests freeze it.
	Now func() time.Time
	Log *slog.Logger
}

// Runner claims and runs jobs on one node. Kinds are registered while the
// app is wired, before Run.
type Runner struct {
	db    *db.DB
	Store *Store
	cfg   Config
	kinds map[string]Kind

	mu      sync.Mutex
	running map[int64]*Run // jobs this node is running, by ID
	byKind  map[string]int
	killed  bool // tests: stop as a crashed node would (see kill)
	wake    chan struct{}
	wg      sync.WaitGroup
}

// NewRunner returns a Runner on d.
func NewRunner(d *db.DB, c Config) *Runner {
	if c.Node == "" {
		host, _ := os.Hostname()
		c.Node = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	if c.Workers <= 0 {
		c.Workers = 4
	}
	if c.Poll <= 0 {
		c.Poll = time.Second
	}
	if c.Lease <= 0 {
		c.Lease = 30 * time.Second
	}
	if c.Heartbeat <= 0 {
		c.Heartbeat = c.Lease / 3
	}
	if c.Backoff <= 0 {
		c.Backoff = 10 * time.Second
	}
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = 10 * time.Minute
	}
	if c.Now == nil {
		c.Now = func() time.Time { return d.Now() }
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	return &Runner{db: d, Store: NewStore(d), cfg: c, kinds: map[string]Kind{}, running: map[int64]*Run{},
		byKind: map[string]int{}, wake: make(chan struct{}, 1)}
}

// Register adds a kind of job; call it while wiring, before Run.
func (r *Runner) Register(kind string, k Kind) {
	if k.Handle == nil {
		panic("jobs: Register " + kind + " without a handler")
	}
	r.kinds[kind] = k
}

// Notify makes the runner look for ready jobs now rather than at its next
// poll (e.g. right after a handler on this node enqueued one).
func (r *Runner) Notify() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Run claims and runs jobs until ctx ends, then stops its handlers and
// hands their jobs back to the queue for another node (or the next start).
func (r *Runner) Run(ctx context.Context) error {
	t := time.NewTicker(r.cfg.Poll)
	defer t.Stop()
	for {
		if err := r.poll(ctx); err != nil && ctx.Err() == nil {
			r.cfg.Log.Warn("jobs: poll", "err", err)
		}
		select {
		case <-ctx.Done():
			r.stop()
			return nil
		case <-t.C:
		case <-r.wake:
		}
	}
}

// Job returns a job as its row says, with this node's latest progress for a
// job it runs: on SQLite a handler that holds the one write connection (an
// import's transaction) cannot write its heartbeat until it ends, and SQLite
// means a single node, so this node's memory is the truth there.
func (r *Runner) Job(ctx context.Context, id int64) (Job, error) {
	j, err := r.Store.Get(ctx, id)
	if err != nil {
		return j, err
	}
	r.mu.Lock()
	run := r.running[id]
	r.mu.Unlock()
	if run != nil && j.State == Running {
		j.Progress = run.progress()
	}
	return j, nil
}

// Cancel asks job id to stop, as Store.Cancel does, and stops its handler
// at once when it runs on this node: on SQLite a running handler may hold
// the only write connection, so the request could not even be recorded
// before it ends. It reports whether the job was still unfinished.
func (r *Runner) Cancel(ctx context.Context, id int64) (bool, error) {
	r.mu.Lock()
	run := r.running[id]
	r.mu.Unlock()
	if run != nil {
		run.cancel(ErrCancelled)
	}
	ok, err := r.Store.Cancel(ctx, id)
	if err != nil {
		return false, err
	}
	r.Notify()
	return ok || run != nil, nil
}

// stop cancels every handler of this node and waits for them; their jobs
// go back to the queue without spending an attempt. A handler that ignores
// its context is waited for one lease at most: its job is then taken over
// like a dead node's.
func (r *Runner) stop() {
	r.mu.Lock()
	for _, run := range r.running {
		run.cancel(errShutdown)
	}
	r.mu.Unlock()
	done := make(chan struct{})
	go func() {
		r.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(r.cfg.Lease):
		r.cfg.Log.Warn("jobs: handlers still running at shutdown")
	}
}

// capacity reports whether this node may start one more job of kind.
func (r *Runner) capacity(kind string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.killed || len(r.running) >= r.cfg.Workers {
		return false
	}
	k := r.kinds[kind]
	return k.PerNode <= 0 || r.byKind[kind] < k.PerNode
}

// localIDs lists the jobs this node runs, which its own claims skip even
// when their lease looks expired (a heartbeat may be waiting for SQLite's
// write connection).
func (r *Runner) localIDs() []int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]int64, 0, len(r.running))
	for id := range r.running {
		out = append(out, id)
	}
	return out
}

// backoff is the delay before attempt n+1 after n failed attempts.
func (r *Runner) backoff(n int) time.Duration {
	d := r.cfg.Backoff
	for i := 1; i < n && d < r.cfg.MaxBackoff; i++ {
		d *= 2
	}
	return min(d, r.cfg.MaxBackoff)
}
