package people

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/web"
)

// Phases of an import job.
const (
	JobRunning     = "running"
	JobDone        = "done"
	JobFailed      = "failed"      // an internal error; nothing was written
	JobInterrupted = "interrupted" // its node stopped before the end; nothing was written
)

// ImportJob is a web import of a large file running in the background.
type ImportJob struct {
	ID         int64
	OrgID      int64
	OrgPath    string
	UserID     int64
	FileName   string
	DryRun     bool
	Phase      string
	Rows       int
	BytesRead  int64
	BytesTotal int64
	Result     *ImportResult // when Phase is done
	UpdatedAt  time.Time
}

// Done reports whether the job has finished, one way or another.
func (j ImportJob) Done() bool { return j.Phase != JobRunning }

// Fraction is how much of the file has been read, 0 to 1.
func (j ImportJob) Fraction() float64 {
	if j.BytesTotal <= 0 {
		return 0
	}
	if j.Phase == JobDone {
		return 1
	}
	return min(1, float64(j.BytesRead)/float64(j.BytesTotal))
}

// Permille is Fraction for a <progress max="1000">.
func (j ImportJob) Permille() int { return int(j.Fraction() * 1000) }

// jobStale is how long a running job may go without a progress write on
// PostgreSQL before it is taken for one whose node stopped.
const jobStale = 2 * time.Minute

// jobProgressEvery is how often a running job writes its progress.
const jobProgressEvery = 500 * time.Millisecond

// localJobs holds the progress of the jobs running in this process, for
// SQLite: its single writer is held by the import's transaction, so the row
// cannot be written until the end (SQLite means one node, so memory is
// enough there).
var localJobs sync.Map // job id → *jobProgress

type jobProgress struct {
	rows, bytes atomic.Int64
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// StartImportJob records an import job for the file at path (which the job
// owns and removes when it ends) and runs it in the background; ctx gives
// the audit metadata and is not cancelled with the request. The job's state
// is read back with ImportJob.
func (s *Store) StartImportJob(ctx context.Context, path, name string, orgID, userID int64, dryRun bool,
	t func(key string, args ...any) string) (int64, error) {
	st, err := os.Stat(path)
	if err != nil {
		return 0, fmt.Errorf("people: import job: %w", err)
	}
	var id int64
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		id = tx.NewID()
		now := db.Millis(tx.Now)
		_, err := tx.Exec(ctx, `INSERT INTO people_import_jobs (id, org_id, user_id, file_name, dry_run, phase, bytes_total,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, orgID, userID, name, boolInt(dryRun), JobRunning,
			st.Size(), now, now)
		return err
	})
	if err != nil {
		os.Remove(path)
		return 0, fmt.Errorf("people: start import job: %w", err)
	}
	p := &jobProgress{}
	localJobs.Store(id, p)
	go s.runImportJob(context.WithoutCancel(ctx), id, path, name, orgID, dryRun, t, p)
	return id, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (s *Store) runImportJob(ctx context.Context, id int64, path, name string, orgID int64, dryRun bool,
	t func(key string, args ...any) string, p *jobProgress) {
	defer localJobs.Delete(id)
	defer os.Remove(path)
	phase, result := JobFailed, ""
	defer func() {
		if v := recover(); v != nil {
			slog.Error("people: import job panicked", "job", id, "panic", v)
		}
		_, err := s.db.Exec(ctx, `UPDATE people_import_jobs SET phase = ?, result = ?, rows_read = ?, bytes_read = ?, updated_at = ?
			WHERE id = ?`, phase, result, p.rows.Load(), p.bytes.Load(), db.Millis(s.db.Now()), id)
		if err != nil {
			slog.Error("people: finish import job", "job", id, "err", err)
		}
	}()
	f, err := os.Open(path)
	if err != nil {
		slog.Error("people: import job", "job", id, "err", err)
		return
	}
	defer f.Close()
	var last time.Time
	progress := func(rows int) {
		p.rows.Store(int64(rows))
		if s.db.Dialect() != db.Postgres || time.Since(last) < jobProgressEvery {
			return
		}
		last = time.Now()
		// Another connection of the pool: readable by every node at once.
		if _, err := s.db.Exec(ctx, `UPDATE people_import_jobs SET rows_read = ?, bytes_read = ?, updated_at = ? WHERE id = ?`,
			rows, p.bytes.Load(), db.Millis(s.db.Now()), id); err != nil {
			slog.Warn("people: import job progress", "job", id, "err", err)
		}
	}
	res, err := s.ImportWith(ctx, countingReader{f, &p.bytes}, name, orgID, ImportOptions{DryRun: dryRun, T: t, Progress: progress})
	if err != nil {
		slog.Error("people: import job", "job", id, "err", err)
		return
	}
	b, err := json.Marshal(res)
	if err != nil {
		return
	}
	phase, result = JobDone, string(b)
}

// ImportJob returns a job's state. A job still marked running whose node
// has stopped (no progress on PostgreSQL for jobStale, or no longer in this
// process on SQLite) is reported interrupted: its transaction was rolled
// back, so nothing was written.
func (s *Store) ImportJob(ctx context.Context, id int64) (ImportJob, error) {
	var j ImportJob
	var dry int
	var result string
	var updated int64
	// Look for the job in this process before reading its row: a job that
	// ends between the two has its final row written before it leaves
	// localJobs, so a row still running is then read with its progress,
	// never taken for an interrupted job.
	v, local := localJobs.Load(id)
	err := s.db.QueryRow(ctx, `SELECT j.id, j.org_id, o.path, j.user_id, j.file_name, j.dry_run, j.phase, j.rows_read, j.bytes_read,
		j.bytes_total, j.result, j.updated_at FROM people_import_jobs j JOIN orgs o ON o.id = j.org_id WHERE j.id = ?`, id).Scan(
		&j.ID, &j.OrgID, &j.OrgPath, &j.UserID, &j.FileName, &dry, &j.Phase, &j.Rows, &j.BytesRead, &j.BytesTotal, &result, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return j, fmt.Errorf("people: import job %d: %w", id, db.ErrNotFound)
	}
	if err != nil {
		return j, fmt.Errorf("people: import job %d: %w", id, err)
	}
	j.DryRun, j.UpdatedAt = dry != 0, db.Time(updated)
	if j.Phase == JobRunning {
		if local {
			p := v.(*jobProgress)
			j.Rows, j.BytesRead = max(j.Rows, int(p.rows.Load())), max(j.BytesRead, p.bytes.Load())
		} else if s.db.Dialect() == db.SQLite || s.db.Now().Sub(j.UpdatedAt) > jobStale {
			j.Phase = JobInterrupted
		}
	}
	if j.Phase == JobDone && result != "" {
		var r ImportResult
		if err := json.Unmarshal([]byte(result), &r); err != nil {
			return j, fmt.Errorf("people: import job %d result: %w", id, err)
		}
		j.Result = &r
	}
	return j, nil
}

// jobResolver is the route Resource of /people/import/jobs/{id}: the org
// the job imports into.
func (s *Store) jobResolver(r *http.Request) (access.Resource, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return access.Resource{}, web.ErrNotFound
	}
	var orgID int64
	var path string
	err = s.db.QueryRow(r.Context(), `SELECT o.id, o.path FROM people_import_jobs j JOIN orgs o ON o.id = j.org_id WHERE j.id = ?`, id).
		Scan(&orgID, &path)
	if errors.Is(err, sql.ErrNoRows) {
		return access.Resource{}, web.ErrNotFound
	}
	if err != nil {
		return access.Resource{}, fmt.Errorf("people: resolve import job %d: %w", id, err)
	}
	return access.Resource{OrgID: orgID, OrgPath: path}, nil
}
