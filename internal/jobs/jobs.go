// Package jobs runs the background work of every module through one
// database table: a module enqueues a job inside its own transaction (so the
// job exists exactly when the module's change commits), and a Runner on each
// app node claims ready jobs with a lease, renews the lease while the handler
// runs, retries failures with exponential backoff, records progress that any
// node can read, and stops a handler when a user or administrator cancels its
// job. A job whose node died is claimed again by another node once its lease
// has passed.
//
// Handlers must be idempotent: a job may run more than once (its node died
// after the work but before the job was marked done, or a retry follows a
// partial failure). Key what a handler writes by the job's ID or by the
// data's own natural key, or do the whole effect in one transaction that
// commits all or nothing.
//
// Results and errors are stored as codes with arguments and translated when
// shown, never when stored. The package must never import a business module:
// modules register their handlers with a Runner when the app is wired.
package jobs

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"kexie/internal/db"
)

//go:embed migrations/*.sql templates locales
var files embed.FS

// Migrations returns the job table's migrations.
func Migrations() db.Migrations {
	sub, err := fs.Sub(files, "migrations")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	return db.Migrations{Module: "jobs", FS: sub}
}

// State is where a job is in its life.
type State string

// The states of a job. Done, failed and cancelled are final.
const (
	Queued    State = "queued"    // waiting for its run_after and for a free slot
	Running   State = "running"   // held by a node's lease
	Done      State = "done"      // the handler succeeded
	Failed    State = "failed"    // out of attempts, or a permanent error
	Cancelled State = "cancelled" // cancelled by a user or an administrator
)

// States lists the states in the order the admin page offers them.
func States() []State { return []State{Queued, Running, Done, Failed, Cancelled} }

// Final reports whether s is an end state.
func (s State) Final() bool { return s == Done || s == Failed || s == Cancelled }

// Job is one row of the job table.
type Job struct {
	ID              int64
	Kind            string
	OrgID           int64
	OrgPath         string // "" for a job without an org
	OrgName         string
	UserID          int64
	Args            json.RawMessage
	State           State
	Attempts        int
	MaxAttempts     int
	RunAfter        time.Time
	LeaseUntil      time.Time
	Node            string
	CancelRequested bool
	Progress        Progress
	Result          json.RawMessage // what the handler set with Run.SetResult
	ErrorCode       string          // the last error, also kept while a retry waits
	ErrorArgs       []any
	CreatedAt       time.Time
	StartedAt       time.Time
	FinishedAt      time.Time
	UpdatedAt       time.Time
}

// Progress is how far a running job has come: Done of Total units (bytes,
// rows, …) and a message key with its arguments, translated when shown.
type Progress struct {
	Done, Total int64
	Key         string
	Args        []any
}

// Fraction is Done/Total between 0 and 1 (1 once the job is done).
func (j Job) Fraction() float64 {
	if j.State == Done {
		return 1
	}
	if j.Progress.Total <= 0 {
		return 0
	}
	return min(1, float64(j.Progress.Done)/float64(j.Progress.Total))
}

// Permille is Fraction for a <progress max="1000">.
func (j Job) Permille() int { return int(j.Fraction() * 1000) }

// Error is a handler's failure as a code and arguments. A permanent error
// fails the job at once; any other is retried while attempts remain.
type Error struct {
	Code      string
	Args      []any
	Permanent bool
}

func (e *Error) Error() string { return fmt.Sprintf("jobs: %s %v", e.Code, e.Args) }

// Fail returns a permanent error: the job fails without another attempt.
func Fail(code string, args ...any) error { return &Error{Code: code, Args: args, Permanent: true} }

// Retry returns an error with a code that is retried while attempts remain.
func Retry(code string, args ...any) error { return &Error{Code: code, Args: args} }

// Codes the runner itself stores.
const (
	CodeInternal  = "jobs.err.internal"  // a handler's error without a code (its text is logged only)
	CodeCancelled = "jobs.err.cancelled" // cancelled on request
	CodeLost      = "jobs.err.lost"      // its node stopped with no attempts left
)

// ErrCancelled is the cause of a handler's context when its job was
// cancelled; ErrLost when another node took the job over.
var (
	ErrCancelled = errors.New("jobs: cancelled")
	ErrLost      = errors.New("jobs: lease lost")
	errShutdown  = errors.New("jobs: node shutting down")
)

// NormalizeArgs turns the arguments of a code read back from JSON into
// what a catalog's verbs expect: whole numbers become int (JSON gives
// float64, which "%d" would print as an error).
func NormalizeArgs(args []any) []any {
	for i, a := range args {
		if f, ok := a.(float64); ok && f == float64(int64(f)) {
			args[i] = int(f)
		}
	}
	return args
}

func encodeArgs(args []any) string {
	if len(args) == 0 {
		return "[]"
	}
	b, err := json.Marshal(args)
	if err != nil {
		return "[]"
	}
	return string(b)
}

func decodeArgs(s string) []any {
	var out []any
	if s == "" || json.Unmarshal([]byte(s), &out) != nil {
		return nil
	}
	return NormalizeArgs(out)
}
