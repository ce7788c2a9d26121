package voice

import (
	"context"
	"fmt"

	"kexie/internal/db"
	"kexie/internal/jobs"
)

// CloseKind is the job that closes unrated answers (CloseDue), every
// CloseEvery; each run queues the next.
const CloseKind = "voice.close"

// UseJobs registers the closing job with r. Call it while wiring, before r
// runs, then ScheduleClosing when a node starts its jobs.
func (s *Store) UseJobs(r *jobs.Runner) {
	s.jobs = true
	r.Register(CloseKind, jobs.Kind{Handle: func(ctx context.Context, run *jobs.Run) error {
		n, err := s.CloseDue(ctx)
		if err != nil {
			return err // retried with backoff
		}
		if err := s.db.Tx(ctx, func(tx *db.Tx) error { return enqueueClosing(ctx, tx) }); err != nil {
			return err
		}
		run.SetProgress(int64(n), int64(n), "voice.job.closed", n)
		return nil
	}, PerNode: 1})
}

// enqueueClosing queues the next run unless one is queued already.
func enqueueClosing(ctx context.Context, tx *db.Tx) error {
	// Nodes scheduling at once wait for each other, so one run is queued
	// (race review 51).
	if err := tx.LockKey(ctx, "jobs:"+CloseKind); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = ? AND state = 'queued'`, CloseKind).Scan(&n); err != nil {
		return fmt.Errorf("voice: schedule closing: %w", err)
	}
	if n > 0 {
		return nil
	}
	_, err := jobs.Enqueue(ctx, tx, jobs.Spec{Kind: CloseKind, RunAfter: tx.Now.Add(CloseEvery)})
	return err
}

// ScheduleClosing makes sure a closing run is queued or running (call it
// when a node starts its jobs; after UseJobs).
func (s *Store) ScheduleClosing(ctx context.Context) error {
	if !s.jobs {
		return nil
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockKey(ctx, "jobs:"+CloseKind); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = ? AND state IN ('queued', 'running')`, CloseKind).Scan(&n); err != nil {
			return fmt.Errorf("voice: schedule closing: %w", err)
		}
		if n > 0 {
			return nil
		}
		_, err := jobs.Enqueue(ctx, tx, jobs.Spec{Kind: CloseKind, RunAfter: tx.Now})
		return err
	})
}
