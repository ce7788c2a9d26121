package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"kexie/internal/db"
)

// Run is a job being run by a handler on this node.
type Run struct {
	Job
	r      *Runner
	token  int64 // the claim's lease token: writes by a node that lost the job change nothing
	ctx    context.Context
	cancel context.CancelCauseFunc

	mu     sync.Mutex
	prog   Progress
	result []byte
}

// Decode unmarshals the job's arguments into v.
func (x *Run) Decode(v any) error {
	if err := json.Unmarshal(x.Args, v); err != nil {
		return Fail("jobs.err.args")
	}
	return nil
}

// SetProgress records how far the job has come; the next heartbeat writes
// it to the job's row, where every node reads it.
func (x *Run) SetProgress(done, total int64, key string, args ...any) {
	x.mu.Lock()
	x.prog = Progress{Done: done, Total: total, Key: key, Args: args}
	x.mu.Unlock()
}

func (x *Run) progress() Progress {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.prog
}

// SetResult records the job's result (marshalled to JSON; codes and
// arguments, not translated text), stored when the handler succeeds.
func (x *Run) SetResult(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("jobs: result of %d: %w", x.ID, err)
	}
	x.mu.Lock()
	x.result = b
	x.mu.Unlock()
	return nil
}

// start registers a claimed job on this node and runs it.
func (r *Runner) start(run *Run) {
	run.ctx, run.cancel = context.WithCancelCause(context.Background())
	run.prog = run.Job.Progress
	r.mu.Lock()
	r.running[run.ID] = run
	r.byKind[run.Kind]++
	r.mu.Unlock()
	r.wg.Add(1)
	go r.execute(run)
}

func (r *Runner) execute(run *Run) {
	defer r.wg.Done()
	beats := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		r.heartbeat(run, beats)
	}()
	err := r.call(run)
	close(beats)
	<-stopped
	defer func() {
		r.mu.Lock()
		delete(r.running, run.ID)
		r.byKind[run.Kind]--
		r.mu.Unlock()
		r.Notify() // a slot is free
	}()
	r.mu.Lock()
	killed := r.killed
	r.mu.Unlock()
	if killed {
		return // a crashed node writes nothing
	}
	ctx := context.Background()
	cause := context.Cause(run.ctx)
	var final bool
	var werr error
	switch {
	case errors.Is(cause, ErrLost):
		r.cfg.Log.Warn("jobs: lease lost to another node", "job", run.ID, "kind", run.Kind)
		return
	case err == nil:
		final, werr = true, r.finish(ctx, run, Done, "", nil)
	case errors.Is(cause, ErrCancelled):
		final, werr = true, r.finish(ctx, run, Cancelled, CodeCancelled, nil)
	case errors.Is(cause, errShutdown):
		werr = r.release(ctx, run)
	default:
		final, werr = r.failed(ctx, run, err)
	}
	if werr != nil {
		r.cfg.Log.Error("jobs: record end", "job", run.ID, "kind", run.Kind, "err", werr)
		return
	}
	if final {
		r.finally(ctx, run.ID)
	}
}

// call runs the handler, turning a panic into an error.
func (r *Runner) call(run *Run) (err error) {
	defer func() {
		if v := recover(); v != nil {
			r.cfg.Log.Error("jobs: handler panicked", "job", run.ID, "kind", run.Kind, "panic", v)
			err = fmt.Errorf("jobs: panic: %v", v)
		}
	}()
	return r.kinds[run.Kind].Handle(run.ctx, run)
}

// heartbeat renews the lease and writes progress until beats is closed; it
// cancels the handler when the job was cancelled or taken over.
func (r *Runner) heartbeat(run *Run, beats chan struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-beats
		cancel() // a write waiting for SQLite's connection gives up
	}()
	t := time.NewTicker(r.cfg.Heartbeat)
	defer t.Stop()
	for {
		select {
		case <-beats:
			return
		case <-t.C:
		}
		r.mu.Lock()
		killed := r.killed
		r.mu.Unlock()
		if killed {
			return
		}
		p := run.progress()
		now := r.cfg.Now().UTC()
		res, err := r.db.Exec(ctx, `UPDATE jobs SET lease_until = ?, progress_done = ?, progress_total = ?, message_key = ?,
			message_args = ?, updated_at = ? WHERE id = ? AND lease_token = ? AND state = ?`, db.Millis(now.Add(r.cfg.Lease)),
			p.Done, p.Total, p.Key, encodeArgs(p.Args), db.Millis(now), run.ID, run.token, Running)
		if err != nil {
			if ctx.Err() == nil {
				r.cfg.Log.Warn("jobs: heartbeat", "job", run.ID, "err", err)
			}
			continue
		}
		if n, _ := res.RowsAffected(); n == 0 {
			run.cancel(ErrLost)
			return
		}
		var cancelled int
		if err := r.db.QueryRow(ctx, `SELECT cancel_requested FROM jobs WHERE id = ?`, run.ID).Scan(&cancelled); err == nil && cancelled != 0 {
			run.cancel(ErrCancelled)
		}
	}
}

// finish records a final state, if this node still holds the job.
func (r *Runner) finish(ctx context.Context, run *Run, s State, code string, args []any) error {
	p := run.progress()
	run.mu.Lock()
	result := string(run.result)
	run.mu.Unlock()
	if s == Done && p.Total > 0 {
		p.Done = p.Total
	}
	now := db.Millis(r.cfg.Now().UTC())
	_, err := r.db.Exec(ctx, `UPDATE jobs SET state = ?, result = ?, error_code = ?, error_args = ?, progress_done = ?, progress_total = ?,
		message_key = ?, message_args = ?, lease_until = 0, finished_at = ?, updated_at = ? WHERE id = ? AND lease_token = ?`,
		s, result, code, encodeArgs(args), p.Done, p.Total, p.Key, encodeArgs(p.Args), now, now, run.ID, run.token)
	return err
}

// failed records a handler's error: the job is queued again after a
// backoff while attempts remain and the error is not permanent, and fails
// otherwise. It reports whether the job ended.
func (r *Runner) failed(ctx context.Context, run *Run, err error) (bool, error) {
	code, args, permanent := CodeInternal, []any(nil), false
	var je *Error
	if errors.As(err, &je) {
		code, args, permanent = je.Code, je.Args, je.Permanent
	} else {
		r.cfg.Log.Error("jobs: handler failed", "job", run.ID, "kind", run.Kind, "attempt", run.Attempts, "err", err)
	}
	if permanent || run.Attempts >= run.MaxAttempts {
		return true, r.finish(ctx, run, Failed, code, args)
	}
	now := r.cfg.Now().UTC()
	p := run.progress()
	_, werr := r.db.Exec(ctx, `UPDATE jobs SET state = ?, run_after = ?, error_code = ?, error_args = ?, progress_done = ?,
		progress_total = ?, message_key = ?, message_args = ?, lease_until = 0, updated_at = ? WHERE id = ? AND lease_token = ?`,
		Queued, db.Millis(now.Add(r.backoff(run.Attempts))), code, encodeArgs(args), p.Done, p.Total, p.Key, encodeArgs(p.Args),
		db.Millis(now), run.ID, run.token)
	return false, werr
}

// release hands a job back to the queue when its node shuts down, without
// spending the attempt.
func (r *Runner) release(ctx context.Context, run *Run) error {
	now := db.Millis(r.cfg.Now().UTC())
	_, err := r.db.Exec(ctx, `UPDATE jobs SET state = ?, attempts = attempts - 1, run_after = ?, lease_until = 0, updated_at = ?
		WHERE id = ? AND lease_token = ?`, Queued, now, now, run.ID, run.token)
	return err
}
