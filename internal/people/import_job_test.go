package people_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// manyRows returns n valid CSV rows of distinct people (row i+1 is index i).
func manyRows(n int) []string {
	out := make([]string, n)
	for i := range out {
		first := fmt.Sprintf("5104021%03d%02d%02d%03d", 960+i/336%40, 1+i/28%12, 1+i%28, i%1000)
		out[i] = fmt.Sprintf("张伟%d,%s,138%08d,攀枝花学院,510402,,", i, idNumber(first), i)
	}
	return out
}

// The pipeline checks rows on several workers but reports them in file
// order, across chunk boundaries, and reports progress as it goes.
func TestImportOrderAndProgress(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		rows := manyRows(1500)
		rows[699] = strings.Replace(rows[699], "510402,", "999999,", 1) // row 700: unknown region
		rows[1299] = rows[3]                                            // row 1300 repeats row 4
		rows[9] = strings.Replace(rows[9], ",138", ",1", 1)             // row 10: bad phone
		var seen []int
		res, err := f.s.ImportWith(ctx, csvFile(rows...), "many.csv", f.city.ID, people.ImportOptions{T: tr,
			Progress: func(n int) { seen = append(seen, n) }})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range res.Errors {
			got = append(got, fmt.Sprintf("%d/%s/%s", e.Row, e.Column, e.Code))
		}
		want := []string{"10/手机号/people.err.phone", "700/地区代码/people.err.region", "1300/身份证号/people.err.duplicate_in_file"}
		if strings.Join(got, " ") != strings.Join(want, " ") || res.Rows != 1500 || res.Created != 0 {
			t.Errorf("errors %v, rows %d, created %d; want %v", got, res.Rows, res.Created, want)
		}
		if !strings.Contains(res.Errors[2].Message, "4") {
			t.Errorf("duplicate should name the first row 4: %q", res.Errors[2].Message)
		}
		if len(seen) < 3 || seen[len(seen)-1] != 1500 {
			t.Errorf("progress %v", seen)
		}
		for i := 1; i < len(seen); i++ {
			if seen[i] <= seen[i-1] {
				t.Errorf("progress not increasing: %v", seen)
			}
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 0 {
			t.Errorf("a failed import wrote %d people", n)
		}
		// The good file is written whole, in one go, and a rerun adds nothing.
		good := manyRows(1500)
		res, err = f.s.Import(ctx, csvFile(good...), "many.csv", f.city.ID, false, tr)
		if err != nil || res.Created != 1500 || len(res.Errors) != 0 {
			t.Fatalf("import: %+v %v", res.Errors, err)
		}
		res, _ = f.s.Import(ctx, csvFile(good...), "many.csv", f.city.ID, false, tr)
		if res.Unchanged != 1500 || res.Created != 0 {
			t.Errorf("rerun: created %d unchanged %d", res.Created, res.Unchanged)
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 1500 {
			t.Errorf("%d people, want 1500", n)
		}
		// The search index follows: every person is found by name.
		hits, err := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "张伟1499", Limit: 5, UseDatabase: true})
		if err != nil || len(hits.Hits) == 0 {
			t.Errorf("search after import: %+v %v", hits, err)
		}
	})
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
			t.Fatalf("job %d still %s", id, j.Phase)
		}
	}
}

func TestImportJob(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		write := func(rows ...string) string {
			p := filepath.Join(t.TempDir(), "up.csv")
			b, _ := io.ReadAll(csvFile(rows...))
			if err := os.WriteFile(p, b, 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}
		good := manyRows(700)
		// A check, then the import: each job ends with the result an
		// import of the same file gives, and removes its copy of the file.
		path := write(good...)
		id, err := f.s.StartImportJob(ctx, path, "up.csv", f.city.ID, 0, true, tr)
		if err != nil {
			t.Fatal(err)
		}
		j := waitJob(t, f.s, id)
		if j.Phase != people.JobDone || !j.DryRun || j.Result == nil || j.Result.Created != 700 || j.Fraction() != 1 {
			t.Fatalf("dry-run job: %+v %+v", j, j.Result)
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 0 {
			t.Errorf("a dry-run job wrote %d people", n)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the job left its file: %v", err)
		}
		id, _ = f.s.StartImportJob(ctx, write(good...), "up.csv", f.city.ID, 0, false, tr)
		j = waitJob(t, f.s, id)
		if j.Phase != people.JobDone || j.Result.Created != 700 || j.Result.Rows != 700 || j.Rows != 700 || j.FileName != "up.csv" {
			t.Fatalf("import job: %+v %+v", j, j.Result)
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 700 {
			t.Errorf("%d people after the job, want 700", n)
		}
		// A file with a bad row: the errors come back, nothing is written.
		bad := manyRows(800)[700:]
		bad[50] = strings.Replace(bad[50], "510402,", "999999,", 1)
		id, _ = f.s.StartImportJob(ctx, write(bad...), "bad.csv", f.city.ID, 0, false, tr)
		j = waitJob(t, f.s, id)
		if j.Phase != people.JobDone || len(j.Result.Errors) != 1 || j.Result.Errors[0].Row != 51 || j.Result.Created != 0 {
			t.Fatalf("bad job: %+v %+v", j, j.Result)
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 700 {
			t.Errorf("%d people after the failed job, want 700", n)
		}
		// A job left running by a node that stopped is reported interrupted.
		stale := d.Now().Add(-time.Hour).UnixMilli()
		if _, err := d.Exec(ctx, `INSERT INTO people_import_jobs (id, org_id, file_name, phase, created_at, updated_at)
			VALUES (?, ?, 'x.csv', 'running', ?, ?)`, 42, f.city.ID, stale, stale); err != nil {
			t.Fatal(err)
		}
		if j, err := f.s.ImportJob(ctx, 42); err != nil || j.Phase != people.JobInterrupted || !j.Done() {
			t.Errorf("stale job: %+v %v", j, err)
		}
		if _, err := f.s.ImportJob(ctx, 43); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("missing job: %v", err)
		}
	})
}
