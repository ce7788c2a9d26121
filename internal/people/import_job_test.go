package people_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/people"
)

var jobSets = append(append([]db.Migrations{}, sets...), jobs.Migrations())

// withJobs wires f's store to a runner over dir; start runs the runner
// until the test ends.
func withJobs(t *testing.T, f fixture, dir string) (start func()) {
	r := jobs.NewRunner(f.d, jobs.Config{Node: "test", Poll: 5 * time.Millisecond, Heartbeat: 20 * time.Millisecond,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	f.s.UseJobs(r, dir)
	return func() {
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			defer close(done)
			r.Run(ctx)
		}()
		t.Cleanup(func() { cancel(); <-done })
	}
}

func waitJob(t *testing.T, s *people.Store, id int64) people.ImportJob {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		j, err := s.ImportJob(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if j.Done() {
			return j
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d still %s", id, j.State)
		}
	}
}

func csvText(t *testing.T, rows ...string) string {
	b, err := io.ReadAll(csvFile(rows...))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// An import job ends with the result an import of the same file gives and
// removes its upload; a bad file's errors come back as codes; one user's
// imports run one after the other.
func TestImportJob(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, jobSets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		dir := filepath.Join(t.TempDir(), "uploads")
		withJobs(t, f, dir)()
		good := csvText(t, manyRows(700)...)
		id, err := f.s.EnqueueImport(ctx, strings.NewReader(good), "up.csv", f.city.ID, 7, true)
		if err != nil {
			t.Fatal(err)
		}
		j := waitJob(t, f.s, id)
		if j.State != jobs.Done || !j.DryRun || j.Result == nil || j.Result.Created != 700 || j.Fraction() != 1 || j.UserID != 7 {
			t.Fatalf("dry-run job: %+v %+v", j, j.Result)
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 0 {
			t.Errorf("a dry-run job wrote %d people", n)
		}
		// The upload goes when the job ends (the runner's Finally runs just
		// after the final state is written): give it a moment.
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			left, _ := os.ReadDir(dir)
			if len(left) == 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Errorf("the job left its upload: %v", left)
				break
			}
		}
		// Two imports of one user: the second waits for the first.
		first, _ := f.s.EnqueueImport(ctx, strings.NewReader(good), "up.csv", f.city.ID, 7, false)
		second, _ := f.s.EnqueueImport(ctx, strings.NewReader(good), "up.csv", f.city.ID, 7, false)
		a, b := waitJob(t, f.s, first), waitJob(t, f.s, second)
		if a.State != jobs.Done || a.Result.Created != 700 || a.Rows != 700 || a.FileName != "up.csv" {
			t.Fatalf("import job: %+v %+v", a, a.Result)
		}
		// The second ran after the first had committed: it found all 700
		// people already there (the database clock of the tests is not the
		// wall clock, so start and finish stamps prove nothing here).
		if b.State != jobs.Done || b.Result.Unchanged != 700 {
			t.Errorf("second import of the same user: %+v %+v, first finished %v", b, b.Result, a.FinishedAt)
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 700 {
			t.Errorf("%d people after the jobs, want 700", n)
		}
		// A file with a bad row: the errors come back, nothing is written.
		bad := manyRows(800)[700:]
		bad[50] = strings.Replace(bad[50], "510402,", "999999,", 1)
		id, _ = f.s.EnqueueImport(ctx, strings.NewReader(csvText(t, bad...)), "bad.csv", f.city.ID, 7, false)
		j = waitJob(t, f.s, id)
		if j.State != jobs.Done || len(j.Result.Errors) != 1 || j.Result.Errors[0].Row != 52 || j.Result.Created != 0 ||
			j.Result.Errors[0].Code != "people.err.region" || j.Result.Errors[0].Text(tr) != "people.err.region999999" {
			t.Fatalf("bad job: %+v %+v", j, j.Result)
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 700 {
			t.Errorf("%d people after the failed job, want 700", n)
		}
		if _, err := f.s.ImportJob(ctx, 43); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("missing job: %v", err)
		}
	})
}

// A cancelled import writes nothing and its upload is removed.
func TestImportJobCancelled(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, jobSets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		dir := filepath.Join(t.TempDir(), "uploads")
		start := withJobs(t, f, dir)
		id, err := f.s.EnqueueImport(ctx, strings.NewReader(csvText(t, manyRows(300)...)), "up.csv", f.city.ID, 7, false)
		if err != nil {
			t.Fatal(err)
		}
		if j, _ := f.s.ImportJob(ctx, id); j.State != jobs.Queued || j.Done() {
			t.Fatalf("before the runner starts: %+v", j)
		}
		if ok, err := f.s.CancelImport(ctx, id); !ok || err != nil {
			t.Fatalf("cancel: %v %v", ok, err)
		}
		start()
		if j := waitJob(t, f.s, id); j.State != jobs.Cancelled || j.Result != nil {
			t.Errorf("cancelled job: %+v", j)
		}
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			left, _ := os.ReadDir(dir)
			if len(left) == 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("a cancelled job left its upload: %v", left)
			}
		}
		// A running import stops at once (on SQLite its transaction holds
		// the only write connection, so this node cancels it directly).
		id, err = f.s.EnqueueImport(ctx, strings.NewReader(csvText(t, manyRows(30000)...)), "big.csv", f.city.ID, 7, false)
		if err != nil {
			t.Fatal(err)
		}
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(5 * time.Millisecond) {
			j, err := f.s.ImportJob(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if j.State == jobs.Running && j.Rows > 0 {
				break
			}
			if j.Done() || time.Now().After(deadline) {
				t.Fatalf("never seen running: %+v", j)
			}
		}
		asked := time.Now()
		if ok, err := f.s.CancelImport(ctx, id); !ok || err != nil {
			t.Fatalf("cancel running: %v %v", ok, err)
		}
		if j := waitJob(t, f.s, id); j.State != jobs.Cancelled || time.Since(asked) > 5*time.Second {
			t.Errorf("running import after cancel: %s after %v", j.State, time.Since(asked))
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 0 {
			t.Errorf("a cancelled job wrote %d people", n)
		}
	})
}

// At start-up the uploads of ended jobs and old uploads without a job are
// removed; a queued job's upload and a fresh one (its node may still be
// enqueueing it) stay.
func TestSweepUploads(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, jobSets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		dir := filepath.Join(t.TempDir(), "uploads")
		withJobs(t, f, dir) // never started: jobs stay queued
		queued, err := f.s.EnqueueImport(ctx, strings.NewReader(csvText(t, manyRows(3)...)), "q.csv", f.city.ID, 7, false)
		if err != nil {
			t.Fatal(err)
		}
		ended, _ := f.s.EnqueueImport(ctx, strings.NewReader(csvText(t, manyRows(3)...)), "e.csv", f.city.ID, 8, false)
		if _, err := d.Exec(ctx, `UPDATE jobs SET state = 'failed' WHERE id = ?`, ended); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-2 * time.Hour)
		for name, mtime := range map[string]time.Time{"111.part": old, "222.upload": old, "333.part": time.Now()} {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(p, mtime, mtime); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.s.SweepUploads(ctx); err != nil {
			t.Fatal(err)
		}
		var got []string
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			got = append(got, e.Name())
		}
		want := []string{"333.part", strconv.FormatInt(queued, 10) + ".upload"}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("after the sweep %v, want %v", got, want)
		}
	})
}
