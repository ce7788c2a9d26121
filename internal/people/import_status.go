package people

import (
	"context"
	"encoding/json"
	"fmt"

	"kexie/internal/db"
	"kexie/internal/jobs"
)

// ImportJob is a web import of a large file as its page shows it, read
// from the job's row (so any node can answer) or, for a job this node
// runs, from its latest progress.
type ImportJob struct {
	jobs.Job
	FileName string
	DryRun   bool
	Rows     int           // rows read so far
	Result   *ImportResult // when the job is done
}

// Done reports whether the job has ended, one way or another.
func (j ImportJob) Done() bool { return j.State.Final() }

// ImportJob returns import job id; a job of another kind is not found.
func (s *Store) ImportJob(ctx context.Context, id int64) (ImportJob, error) {
	if s.imp == nil {
		return ImportJob{}, fmt.Errorf("people: import job %d: %w", id, db.ErrNotFound)
	}
	j, err := s.imp.runner.Job(ctx, id)
	if err != nil {
		return ImportJob{}, fmt.Errorf("people: import job %d: %w", id, err)
	}
	if j.Kind != JobKind {
		return ImportJob{}, fmt.Errorf("people: import job %d: %w", id, db.ErrNotFound)
	}
	out := ImportJob{Job: j}
	var a importArgs
	if err := json.Unmarshal(j.Args, &a); err != nil {
		return out, fmt.Errorf("people: import job %d args: %w", id, err)
	}
	out.FileName, out.DryRun = a.Name, a.DryRun
	if len(j.Progress.Args) > 0 {
		if n, ok := j.Progress.Args[0].(int); ok {
			out.Rows = n
		}
	}
	if j.State == jobs.Done && len(j.Result) > 0 {
		var r ImportResult
		if err := json.Unmarshal(j.Result, &r); err != nil {
			return out, fmt.Errorf("people: import job %d result: %w", id, err)
		}
		for i := range r.Errors {
			r.Errors[i].Args = jobs.NormalizeArgs(r.Errors[i].Args)
		}
		out.Result, out.Rows = &r, r.Rows
	}
	return out, nil
}

// CancelImport asks import job id to stop; nothing of a cancelled import
// is written. It reports whether the job was still unfinished.
func (s *Store) CancelImport(ctx context.Context, id int64) (bool, error) {
	if _, err := s.ImportJob(ctx, id); err != nil {
		return false, err
	}
	return s.imp.runner.Cancel(ctx, id)
}
