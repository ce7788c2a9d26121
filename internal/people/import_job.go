package people

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"kexie/internal/db"
	"kexie/internal/jobs"
	"kexie/internal/valid"
)

// JobKind is the kind of the people import's background jobs.
const JobKind = "people.import"

// importsPerNode is how many imports one node runs at once; more wait
// queued (each holds a transaction, a few CPU-bound workers and up to
// ~100 MB of memory for a large file). One user runs one at a time.
const importsPerNode = 2

// imports is where uploads wait for their jobs and the runner that runs
// them.
type imports struct {
	dir    string // the uploads folder: on a volume every node shares
	runner *jobs.Runner
}

// importArgs are a job's arguments: the upload's file (in the uploads
// folder), its name as uploaded, and whether it is a check only.
type importArgs struct {
	File   string `json:"file"`
	Name   string `json:"name"`
	DryRun bool   `json:"dry_run"`
}

// UseJobs runs large imports as jobs of r, their uploads kept in dir
// (which every node must share: see docs/decisions.md). Call it while the
// app is wired, before r runs.
func (s *Store) UseJobs(r *jobs.Runner, dir string) {
	s.imp = &imports{dir: dir, runner: r}
	r.Register(JobKind, jobs.Kind{Handle: s.runImport, PerNode: importsPerNode, PerUser: 1,
		Finally: func(ctx context.Context, j jobs.Job) { s.removeUpload(j) }})
}

// EnqueueImport saves an upload where every node can read it and enqueues
// its import; it returns the job's ID. Until a slot is free the job waits
// queued.
func (s *Store) EnqueueImport(ctx context.Context, file io.Reader, name string, orgID, userID int64, dryRun bool) (int64, error) {
	if s.imp == nil {
		return 0, errors.New("people: enqueue import: no job runner")
	}
	if err := os.MkdirAll(s.imp.dir, 0o700); err != nil {
		return 0, fmt.Errorf("people: uploads folder: %w", err)
	}
	id := s.db.NewID()
	base := strconv.FormatInt(id, 10)
	part, final := filepath.Join(s.imp.dir, base+".part"), filepath.Join(s.imp.dir, base+".upload")
	if err := saveFile(part, file); err != nil {
		return 0, fmt.Errorf("people: save upload: %w", err)
	}
	if err := os.Rename(part, final); err != nil {
		os.Remove(part)
		return 0, fmt.Errorf("people: save upload: %w", err)
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		_, err := jobs.Enqueue(ctx, tx, jobs.Spec{ID: id, Kind: JobKind, OrgID: orgID, UserID: userID, MaxAttempts: 2,
			Args: importArgs{File: base + ".upload", Name: name, DryRun: dryRun}})
		return err
	})
	if err != nil {
		os.Remove(final)
		return 0, fmt.Errorf("people: enqueue import: %w", err)
	}
	s.imp.runner.Notify()
	return id, nil
}

func saveFile(path string, r io.Reader) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
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

// runImport is the job's handler. It is idempotent: the import is all or
// nothing in one transaction, and a re-run of a file adds nothing.
func (s *Store) runImport(ctx context.Context, run *jobs.Run) error {
	var a importArgs
	if err := run.Decode(&a); err != nil {
		return err
	}
	f, err := os.Open(filepath.Join(s.imp.dir, filepath.Base(a.File)))
	if err != nil {
		return jobs.Fail("people.err.upload_gone")
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	var read atomic.Int64
	progress := func(rows int) { run.SetProgress(read.Load(), st.Size(), "people.import.progress", rows) }
	progress(0)
	res, err := s.ImportWith(ctx, countingReader{f, &read}, a.Name, run.OrgID, ImportOptions{DryRun: a.DryRun, Progress: progress})
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if list, ok := valid.As(err); ok {
			return jobs.Fail(list[0].Key, list[0].Args...)
		}
		return err
	}
	run.SetProgress(st.Size(), st.Size(), "people.import.progress", res.Rows)
	return run.SetResult(res)
}

// removeUpload deletes a finished job's upload.
func (s *Store) removeUpload(j jobs.Job) {
	var a importArgs
	if err := json.Unmarshal(j.Args, &a); err != nil || a.File == "" {
		return
	}
	if err := os.Remove(filepath.Join(s.imp.dir, filepath.Base(a.File))); err != nil && !errors.Is(err, os.ErrNotExist) {
		slog.Warn("people: remove upload", "job", j.ID, "err", err)
	}
}

// orphanAge is how old an upload without a job must be before a sweep
// removes it: younger, its node may still be saving it or enqueueing.
const orphanAge = time.Hour

// SweepUploads removes the uploads of jobs that have ended and uploads
// left without a job (a node stopped while saving one). The app calls it
// at start-up.
func (s *Store) SweepUploads(ctx context.Context) error {
	if s.imp == nil {
		return nil
	}
	entries, err := os.ReadDir(s.imp.dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("people: sweep uploads: %w", err)
	}
	type upload struct {
		id int64
		e  os.DirEntry
	}
	var ups []upload
	var list []int64
	for _, e := range entries {
		base, _, _ := strings.Cut(e.Name(), ".")
		id, err := strconv.ParseInt(base, 10, 64)
		if err != nil || e.IsDir() {
			continue
		}
		ups, list = append(ups, upload{id, e}), append(list, id)
	}
	live, err := s.imp.runner.Store.Unfinished(ctx, list)
	if err != nil {
		return err
	}
	for _, u := range ups {
		id, e := u.id, u.e
		if live[id] {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if _, err := s.imp.runner.Store.Get(ctx, id); errors.Is(err, db.ErrNotFound) && time.Since(info.ModTime()) < orphanAge {
			continue
		}
		if err := os.Remove(filepath.Join(s.imp.dir, e.Name())); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("people: sweep uploads: %w", err)
		}
	}
	return nil
}
