package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Store reads jobs and records cancel requests; any node can use it.
type Store struct {
	db *db.DB
}

// NewStore returns a Store on d.
func NewStore(d *db.DB) *Store { return &Store{db: d} }

const jobCols = `j.id, j.kind, j.org_id, COALESCE(o.path, ''), COALESCE(o.name, ''), j.user_id, j.args, j.state, j.attempts,
	j.max_attempts, j.run_after, j.lease_until, j.node, j.cancel_requested, j.progress_done, j.progress_total, j.message_key,
	j.message_args, j.result, j.error_code, j.error_args, j.created_at, j.started_at, j.finished_at, j.updated_at`

const jobFrom = ` FROM jobs j LEFT JOIN orgs o ON o.id = j.org_id`

type scanner interface{ Scan(dest ...any) error }

func scanJob(sc scanner, extra ...any) (Job, error) {
	var j Job
	var args, msgArgs, result, errArgs string
	var cancel int
	var runAfter, lease, created, started, finished, updated int64
	dest := []any{&j.ID, &j.Kind, &j.OrgID, &j.OrgPath, &j.OrgName, &j.UserID, &args, &j.State, &j.Attempts, &j.MaxAttempts,
		&runAfter, &lease, &j.Node, &cancel, &j.Progress.Done, &j.Progress.Total, &j.Progress.Key, &msgArgs, &result,
		&j.ErrorCode, &errArgs, &created, &started, &finished, &updated}
	if err := sc.Scan(append(dest, extra...)...); err != nil {
		return j, err
	}
	j.Args, j.CancelRequested = []byte(args), cancel != 0
	j.Progress.Args, j.ErrorArgs = decodeArgs(msgArgs), decodeArgs(errArgs)
	if result != "" {
		j.Result = []byte(result)
	}
	j.RunAfter, j.LeaseUntil, j.CreatedAt = db.Time(runAfter), db.Time(lease), db.Time(created)
	j.StartedAt, j.FinishedAt, j.UpdatedAt = db.Time(started), db.Time(finished), db.Time(updated)
	return j, nil
}

// Get returns job id, or an error wrapping db.ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (Job, error) {
	j, err := scanJob(s.db.QueryRow(ctx, `SELECT `+jobCols+jobFrom+` WHERE j.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return j, fmt.Errorf("jobs: job %d: %w", id, db.ErrNotFound)
	}
	if err != nil {
		return j, fmt.Errorf("jobs: job %d: %w", id, err)
	}
	return j, nil
}

// Filter selects jobs for a list. Scope is required: its zero value lists
// nothing; jobs without an org are listed only with access.Everywhere().
type Filter struct {
	Scope  access.Scope
	Kind   string
	State  State
	UserID int64
	// Users, when set, lists only the jobs these users started; NoUser
	// lists nothing (a person filter that matched nobody).
	Users  []int64
	NoUser bool
	Sort   string // "created", "-created" (default), "kind", "state"
	Limit  int
	Offset int
}

var sorts = map[string]string{"created": "j.created_at, j.id", "-created": "j.created_at DESC, j.id DESC",
	"kind": "j.kind, j.created_at DESC, j.id DESC", "-kind": "j.kind DESC, j.created_at DESC, j.id DESC",
	"state": "j.state, j.created_at DESC, j.id DESC", "-state": "j.state DESC, j.created_at DESC, j.id DESC"}

// List returns a page of jobs and the total matching f.
func (s *Store) List(ctx context.Context, f Filter) ([]Job, int, error) {
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	if f.Scope.All() {
		cond = "1=1" // with the LEFT JOIN, jobs without an org too
	}
	where := []string{cond}
	if f.Kind != "" {
		where, args = append(where, "j.kind = ?"), append(args, f.Kind)
	}
	if f.State != "" {
		where, args = append(where, "j.state = ?"), append(args, string(f.State))
	}
	if f.UserID != 0 {
		where, args = append(where, "j.user_id = ?"), append(args, f.UserID)
	}
	if f.NoUser {
		return nil, 0, nil
	}
	if len(f.Users) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(f.Users)), ", ")
		where = append(where, "j.user_id IN ("+marks+")")
		for _, u := range f.Users {
			args = append(args, u)
		}
	}
	order, ok := sorts[f.Sort]
	if !ok {
		order = sorts["-created"]
	}
	// The total is a count of its own (D266): jobs are kept, and a window
	// COUNT(*) OVER() read every one in scope whole (arguments, results)
	// before the first page.
	from := jobFrom + ` WHERE ` + strings.Join(where, " AND ")
	out, total, err := db.Page(ctx, s.db, db.PageQuery{
		Count:  `SELECT COUNT(*)` + from,
		Select: `SELECT ` + jobCols + from + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`,
		Args:   args, Limit: f.Limit, Offset: f.Offset,
	}, func(r db.Scanner) (Job, error) { return scanJob(r) })
	if err != nil {
		return nil, 0, fmt.Errorf("jobs: list: %w", err)
	}
	return out, total, nil
}

// Users lists the distinct users who started jobs in scope, the most
// recent first (at most limit), for the admin page's person filter.
func (s *Store) Users(ctx context.Context, scope access.Scope, limit int) ([]int64, error) {
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	if scope.All() {
		cond = "1=1"
	}
	rows, err := s.db.Query(ctx, `SELECT j.user_id, MAX(j.created_at)`+jobFrom+` WHERE j.user_id <> 0 AND `+cond+`
		GROUP BY j.user_id ORDER BY 2 DESC, 1 LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("jobs: users: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id, at int64
		if err := rows.Scan(&id, &at); err != nil {
			return nil, fmt.Errorf("jobs: users: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Cancel asks for job id to stop: a queued job is cancelled by the next
// runner that polls, a running one on its node's next heartbeat. It reports
// whether the job was still unfinished.
func (s *Store) Cancel(ctx context.Context, id int64) (bool, error) {
	var n int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE jobs SET cancel_requested = 1, updated_at = ? WHERE id = ? AND state IN (?, ?)`,
			db.Millis(tx.Now), id, Queued, Running)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return false, fmt.Errorf("jobs: cancel %d: %w", id, err)
	}
	return n > 0, nil
}

// Unfinished reports which of ids are jobs still queued or running, for
// modules sweeping the files of jobs that ended.
func (s *Store) Unfinished(ctx context.Context, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	for start := 0; start < len(ids); start += 500 {
		part := ids[start:min(len(ids), start+500)]
		ph := strings.TrimSuffix(strings.Repeat("?,", len(part)), ",")
		args := []any{Queued, Running}
		for _, id := range part {
			args = append(args, id)
		}
		rows, err := s.db.Query(ctx, `SELECT id FROM jobs WHERE state IN (?, ?) AND id IN (`+ph+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("jobs: unfinished: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
