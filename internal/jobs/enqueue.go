package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"kexie/internal/db"
)

// Spec describes a job to enqueue.
type Spec struct {
	ID          int64  // optional: an ID the caller took with db.NewID (e.g. to name a file after it)
	Kind        string // the handler's name, "module.verb" (e.g. "people.import")
	OrgID       int64  // the org the job works for, which scopes who sees it; 0 for none
	UserID      int64  // who asked for it (per-user caps, "my jobs"); 0 for the system
	Args        any    // marshalled to JSON; the handler reads it with Run.Decode
	MaxAttempts int    // 0 means 3
	RunAfter    time.Time
}

// DefaultMaxAttempts is the attempts a job gets when its Spec names none.
const DefaultMaxAttempts = 3

// Enqueue adds a job in the caller's transaction: it exists if and only if
// tx commits. It returns the job's ID.
func Enqueue(ctx context.Context, tx *db.Tx, s Spec) (int64, error) {
	if s.Kind == "" {
		return 0, fmt.Errorf("jobs: enqueue: no kind")
	}
	args := []byte("{}")
	if s.Args != nil {
		b, err := json.Marshal(s.Args)
		if err != nil {
			return 0, fmt.Errorf("jobs: enqueue %s: %w", s.Kind, err)
		}
		args = b
	}
	if s.MaxAttempts <= 0 {
		s.MaxAttempts = DefaultMaxAttempts
	}
	if s.ID == 0 {
		s.ID = tx.NewID()
	}
	runAfter := tx.Now
	if s.RunAfter.After(runAfter) {
		runAfter = s.RunAfter
	}
	now := db.Millis(tx.Now)
	if _, err := tx.Exec(ctx, `INSERT INTO jobs (id, kind, org_id, user_id, args, state, max_attempts, run_after, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, s.ID, s.Kind, s.OrgID, s.UserID, string(args), Queued, s.MaxAttempts,
		db.Millis(runAfter), now, now); err != nil {
		return 0, fmt.Errorf("jobs: enqueue %s: %w", s.Kind, err)
	}
	return s.ID, nil
}
