package jobs

import (
	"context"
	"fmt"
	"sort"
	"time"

	"kexie/internal/db"
)

// claimLock is the PostgreSQL advisory lock key that serializes claims
// across nodes, so that a per-user cap counted in one claim holds against a
// claim on another node at the same moment. Claims are short and happen
// once a poll, so the lock costs nothing; SKIP LOCKED still keeps a claim
// from waiting on rows that a finishing job holds.
const claimLock = 0x6b78_6a6f_6273 // "kxjobs"

// candidate is a row a claim looks at.
type candidate struct {
	id, userID    int64
	kind          string
	state         State
	attempts, max int
	cancel        bool
}

// poll ends the jobs that need no handler (cancelled while queued, or lost
// with no attempts left), then claims ready jobs while this node has room.
func (r *Runner) poll(ctx context.Context) error {
	if len(r.kinds) == 0 {
		return nil
	}
	for ctx.Err() == nil {
		run, ended, err := r.claim(ctx)
		for _, id := range ended {
			r.finally(ctx, id)
		}
		if err != nil {
			return err
		}
		if run == nil {
			return nil
		}
		r.start(run)
	}
	return nil
}

// claim runs one claim transaction: it ends every candidate that needs no
// handler and claims at most one job, which it returns.
func (r *Runner) claim(ctx context.Context) (*Run, []int64, error) {
	kinds := make([]string, 0, len(r.kinds))
	for k := range r.kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	local := r.localIDs()
	var claimed *Run
	var ended []int64
	var now time.Time
	var nowMs int64
	err := r.db.Tx(ctx, func(tx *db.Tx) error {
		claimed, ended = nil, nil
		pg := tx.Dialect() == db.Postgres
		if pg {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(?)`, int64(claimLock)); err != nil {
				return err
			}
		}
		// The time is read once the claim lock is held: a claim that waited
		// for another node's claim or finish never stamps a start before it.
		now = r.cfg.Now().UTC()
		nowMs = db.Millis(now)
		q := `SELECT id, kind, user_id, state, attempts, max_attempts, cancel_requested FROM jobs WHERE kind IN (` +
			db.Marks(len(kinds), "?") + `) AND ((state = ? AND (run_after <= ? OR cancel_requested = 1)) OR (state = ? AND lease_until < ?))`
		args := []any{}
		for _, k := range kinds {
			args = append(args, k)
		}
		args = append(args, Queued, nowMs, Running, nowMs)
		if len(local) > 0 {
			q += ` AND id NOT IN (` + db.Marks(len(local), "?") + `)`
			for _, id := range local {
				args = append(args, id)
			}
		}
		q += ` ORDER BY run_after, id LIMIT 64`
		if pg {
			q += ` FOR UPDATE SKIP LOCKED`
		}
		cands, err := readCandidates(ctx, tx, q, args)
		if err != nil {
			return err
		}
		for _, c := range cands {
			switch {
			case c.cancel:
				if err := r.end(ctx, tx, c, Cancelled, CodeCancelled, nowMs); err != nil {
					return err
				}
				ended = append(ended, c.id)
				continue
			case c.state == Running && c.attempts >= c.max:
				if err := r.end(ctx, tx, c, Failed, CodeLost, nowMs); err != nil {
					return err
				}
				ended = append(ended, c.id)
				continue
			case claimed != nil || !r.capacity(c.kind):
				continue
			}
			if k := r.kinds[c.kind]; k.PerUser > 0 && c.userID != 0 {
				var n int
				if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = ? AND user_id = ? AND state = ? AND lease_until >= ?
					AND id <> ?`, c.kind, c.userID, Running, nowMs, c.id).Scan(&n); err != nil {
					return err
				}
				if n >= k.PerUser {
					continue
				}
			}
			token := tx.NewID()
			res, err := tx.Exec(ctx, `UPDATE jobs SET state = ?, attempts = attempts + 1, lease_until = ?, lease_token = ?, node = ?,
				started_at = ?, updated_at = ? WHERE id = ? AND (state = ? OR (state = ? AND lease_until < ?))`,
				Running, db.Millis(now.Add(r.cfg.Lease)), token, r.cfg.Node, nowMs, nowMs, c.id, Queued, Running, nowMs)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n != 1 {
				continue
			}
			j, err := scanJob(tx.QueryRow(ctx, `SELECT `+jobCols+jobFrom+` WHERE j.id = ?`, c.id))
			if err != nil {
				return err
			}
			claimed = &Run{Job: j, r: r, token: token}
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("jobs: claim: %w", err)
	}
	return claimed, ended, nil
}

func readCandidates(ctx context.Context, tx *db.Tx, q string, args []any) ([]candidate, error) {
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		var cancel int
		if err := rows.Scan(&c.id, &c.kind, &c.userID, &c.state, &c.attempts, &c.max, &cancel); err != nil {
			return nil, err
		}
		c.cancel = cancel != 0
		out = append(out, c)
	}
	return out, rows.Err()
}

// end moves a candidate the claim found to a final state without running it.
func (r *Runner) end(ctx context.Context, tx *db.Tx, c candidate, s State, code string, nowMs int64) error {
	_, err := tx.Exec(ctx, `UPDATE jobs SET state = ?, error_code = ?, error_args = '[]', lease_until = 0, finished_at = ?, updated_at = ?
		WHERE id = ? AND state = ?`, s, code, nowMs, nowMs, c.id, c.state)
	return err
}

// finally runs the Finally hook of a job that ended on this node.
func (r *Runner) finally(ctx context.Context, id int64) {
	j, err := r.Store.Get(context.WithoutCancel(ctx), id)
	if err != nil {
		r.cfg.Log.Warn("jobs: finally", "job", id, "err", err)
		return
	}
	if k := r.kinds[j.Kind]; k.Finally != nil {
		k.Finally(context.WithoutCancel(ctx), j)
	}
}
