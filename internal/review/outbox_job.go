package review

import (
	"context"
	"fmt"
	"time"

	"kexie/internal/db"
	"kexie/internal/jobs"
)

// DeliverKind is the periodic job that hands the outbox to a Sender; each
// run schedules the next, DeliverEvery later.
const DeliverKind = "review.deliver"

// DeliverEvery is how long a notice waits at most before it is handed on;
// DeliverBatch how many one run hands on.
const (
	DeliverEvery = time.Minute
	DeliverBatch = 200
)

// UseSender has the outbox delivered to sender by jobs of r, one run every
// DeliverEvery. Call it while wiring, before r runs, then ScheduleDelivery
// when a node starts its jobs.
func (s *Store) UseSender(r *jobs.Runner, sender Sender) {
	s.delivery = true
	r.Register(DeliverKind, jobs.Kind{Handle: func(ctx context.Context, run *jobs.Run) error {
		n, err := s.Deliver(ctx, sender, DeliverBatch)
		if err != nil {
			return err // retried with backoff; the notices not sent wait
		}
		if err := s.db.Tx(ctx, func(tx *db.Tx) error { return enqueueDelivery(ctx, tx, tx.Now.Add(DeliverEvery)) }); err != nil {
			return err
		}
		run.SetProgress(int64(n), int64(n), "review.job.delivered", n)
		return nil
	}, PerNode: 1})
}

// enqueueDelivery queues the next run at `at` unless one is queued already
// (a run that died after queuing its successor and ran again adds none).
func enqueueDelivery(ctx context.Context, tx *db.Tx, at time.Time) error {
	// Nodes scheduling at once wait for each other, so one run is queued
	// (race review 51).
	if err := tx.LockKey(ctx, "jobs:"+DeliverKind); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = ? AND state = 'queued'`, DeliverKind).Scan(&n); err != nil {
		return fmt.Errorf("review: schedule delivery: %w", err)
	}
	if n > 0 {
		return nil
	}
	_, err := jobs.Enqueue(ctx, tx, jobs.Spec{Kind: DeliverKind, RunAfter: at})
	return err
}

// ScheduleDelivery makes sure a delivery run is queued or running (call it
// when a node starts its jobs; after UseSender).
func (s *Store) ScheduleDelivery(ctx context.Context) error {
	if !s.delivery {
		return nil
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockKey(ctx, "jobs:"+DeliverKind); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = ? AND state IN ('queued', 'running')`, DeliverKind).Scan(&n); err != nil {
			return fmt.Errorf("review: schedule delivery: %w", err)
		}
		if n > 0 {
			return nil
		}
		return enqueueDelivery(ctx, tx, tx.Now)
	})
}
