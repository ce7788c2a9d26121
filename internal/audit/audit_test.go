package audit_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

var sets = []db.Migrations{audit.Migrations()}

func appendN(t *testing.T, d *db.DB, n int, path string) {
	t.Helper()
	ctx := audit.WithMeta(context.Background(), audit.Meta{ActorID: 7, ActorName: "张三", IP: "10.0.0.1", RequestID: "r1"})
	for i := range n {
		err := d.Tx(ctx, func(tx *db.Tx) error {
			return audit.Append(ctx, tx, audit.Entry{OrgID: 1, OrgPath: path, Action: "org.update",
				Target: fmt.Sprintf("org:%d", i), Before: map[string]string{"name": "旧"}, After: map[string]string{"name": "新"}})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func verify(t *testing.T, d *db.DB) audit.Report {
	t.Helper()
	rep, err := audit.Verify(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func hasProblem(rep audit.Report, seq int64, kind string) bool {
	for _, p := range rep.Problems {
		if p.Seq == seq && p.Kind == kind {
			return true
		}
	}
	return false
}

func TestTamper(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		appendN(t, d, 10, "/1/")
		if rep := verify(t, d); !rep.OK() || rep.Checked != 10 || rep.HeadSeq != 10 || len(rep.HeadHash) != 64 {
			t.Fatalf("clean chain: %+v", rep)
		}
		tests := []struct {
			name string
			sql  string
			seq  int64
			kind string
		}{
			{"edit", `UPDATE audit_log SET target = 'org:999' WHERE seq = 5`, 5, "edited"},
			{"delete", `DELETE FROM audit_log WHERE seq = 3`, 3, "missing"},
			{"insert beyond head", `INSERT INTO audit_log (seq, id, at, action, prev_hash, hash)
				SELECT 11, 424242, at, 'org.delete', hash, 'forged' FROM audit_log WHERE seq = 10`, 11, "inserted"},
			{"insert before first", `INSERT INTO audit_log (seq, id, at, action, prev_hash, hash)
				VALUES (0, 434343, 0, 'org.delete', '', 'forged')`, 0, "inserted"},
			{"delete tail", `DELETE FROM audit_log WHERE seq >= 10`, 10, "head"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if _, err := d.Exec(ctx, tt.sql); err != nil {
					t.Fatal(err)
				}
				rep := verify(t, d)
				if !hasProblem(rep, tt.seq, tt.kind) {
					t.Errorf("want %s at %d, got %+v", tt.kind, tt.seq, rep.Problems)
				}
			})
		}
	})
}

// Each kind of tampering on a fresh chain of 10, with the exact problems
// expected (and no others).
func TestTamperExact(t *testing.T) {
	ctx := context.Background()
	type want struct {
		seq  int64
		kind string
	}
	tests := []struct {
		name string
		sql  []string
		want []want
	}{
		{"edited", []string{`UPDATE audit_log SET summary = '{}' WHERE seq = 4`}, []want{{4, "edited"}}},
		{"deleted", []string{`DELETE FROM audit_log WHERE seq = 4`}, []want{{4, "missing"}}},
		{"deleted range", []string{`DELETE FROM audit_log WHERE seq BETWEEN 3 AND 6`}, []want{{3, "missing"}}},
		{"deleted then next edited", []string{`DELETE FROM audit_log WHERE seq = 4`,
			`UPDATE audit_log SET actor_name = '李四' WHERE seq = 5`}, []want{{4, "missing"}, {5, "edited"}}},
		{"deleted first, second edited", []string{`DELETE FROM audit_log WHERE seq = 1`,
			`UPDATE audit_log SET ip = '6.6.6.6' WHERE seq = 2`}, []want{{1, "missing"}, {2, "edited"}}},
		{"relinked", []string{`UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE seq = 2) WHERE seq = 7`},
			[]want{{7, "edited"}}},
		{"inserted beyond head", []string{`INSERT INTO audit_log (seq, id, at, action, prev_hash, hash)
			SELECT 11, 424242, at, 'org.delete', hash, 'forged' FROM audit_log WHERE seq = 10`}, []want{{11, "inserted"}, {11, "edited"}}},
		{"truncated", []string{`DELETE FROM audit_log WHERE seq >= 8`}, []want{{8, "head"}}},
		{"last replaced", []string{`UPDATE audit_log SET target = 'x', hash = 'y' WHERE seq = 10`},
			[]want{{10, "edited"}, {10, "head"}}},
		{"emptied", []string{`DELETE FROM audit_log`}, []want{{1, "head"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
				appendN(t, d, 10, "/1/")
				for _, q := range tt.sql {
					if _, err := d.Exec(ctx, q); err != nil {
						t.Fatal(err)
					}
				}
				rep := verify(t, d)
				var got []want
				for _, p := range rep.Problems {
					got = append(got, want{p.Seq, p.Kind})
				}
				if fmt.Sprint(got) != fmt.Sprint(tt.want) || rep.Omitted != 0 {
					t.Errorf("problems = %+v (omitted %d), want %v", rep.Problems, rep.Omitted, tt.want)
				}
			})
		})
	}
}

// A forged record that recomputes its own hash correctly after its
// predecessor was deleted still fails: the hash covers prev_hash and seq,
// and the record after the forgery no longer chains.
func TestDeletedThenRelinked(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		appendN(t, d, 6, "/1/")
		if _, err := d.Exec(ctx, `DELETE FROM audit_log WHERE seq = 3`); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE seq = 2) WHERE seq = 4`); err != nil {
			t.Fatal(err)
		}
		rep := verify(t, d)
		if !hasProblem(rep, 3, "missing") || !hasProblem(rep, 4, "edited") || len(rep.Problems) != 2 {
			t.Errorf("problems = %+v, want missing 3 and edited 4", rep.Problems)
		}
	})
}

func TestProblemCap(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		appendN(t, d, 130, "/1/")
		if _, err := d.Exec(ctx, `UPDATE audit_log SET target = 'org:x'`); err != nil {
			t.Fatal(err)
		}
		rep := verify(t, d)
		// 130 edited records (hashes untouched, so the head still matches).
		if len(rep.Problems) != audit.MaxProblems || rep.Omitted != 130-audit.MaxProblems || rep.Checked != 130 || rep.OK() {
			t.Errorf("listed %d, omitted %d, checked %d; want %d, %d, 130", len(rep.Problems), rep.Omitted, rep.Checked,
				audit.MaxProblems, 130-audit.MaxProblems)
		}
		if rep.Problems[0].Seq != 1 || rep.Problems[audit.MaxProblems-1].Seq != audit.MaxProblems {
			t.Errorf("first listed problems are not the first records: %+v … %+v", rep.Problems[0], rep.Problems[audit.MaxProblems-1])
		}
	})
}

// Verify runs beside live appends from several goroutines and must never
// report a problem: the head and the log are read from one snapshot.
func TestVerifyDuringAppends(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		appendN(t, d, 20, "/1/")
		const writers, each = 4, 40
		var wg sync.WaitGroup
		errs := make(chan error, writers)
		done := make(chan struct{})
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ctx := audit.WithMeta(context.Background(), audit.Meta{ActorID: int64(w), ActorName: "writer"})
				for i := range each {
					if err := d.Tx(ctx, func(tx *db.Tx) error {
						return audit.Append(ctx, tx, audit.Entry{Action: "org.update", Target: fmt.Sprintf("org:%d-%d", w, i)})
					}); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		go func() { wg.Wait(); close(done) }()
		runs, lastSeen := 0, int64(0)
		for running, failed := true, false; running && !failed; {
			select {
			case <-done:
				running = false
			default:
			}
			rep := verify(t, d)
			runs++
			switch {
			case !rep.OK():
				t.Errorf("run %d beside appends: head %d, checked %d, problems %+v", runs, rep.HeadSeq, rep.Checked, rep.Problems)
				failed = true
			case int64(rep.Checked) != rep.HeadSeq || rep.HeadSeq < lastSeen:
				t.Errorf("run %d: checked %d records, head %d (previous head %d)", runs, rep.Checked, rep.HeadSeq, lastSeen)
				failed = true
			}
			lastSeen = rep.HeadSeq
		}
		<-done // the writers finish before the database is dropped
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if rep := verify(t, d); !rep.OK() || rep.HeadSeq != 20+writers*each {
			t.Errorf("after appends: head %d, problems %+v", rep.HeadSeq, rep.Problems)
		}
		if runs < 2 {
			t.Errorf("verify ran only %d time(s) beside the appends", runs)
		}
		t.Logf("%d verifications beside %d appends", runs, writers*each)
	})
}

func TestForgedLink(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		appendN(t, d, 4, "/1/")
		// Replace record 3 by one with a self-consistent hash but a wrong link.
		recs, _, err := audit.List(ctx, d, audit.Filter{Scope: access.Everywhere(), Sort: "at"})
		if err != nil {
			t.Fatal(err)
		}
		r := recs[2]
		if _, err := d.Exec(ctx, `UPDATE audit_log SET prev_hash = ? WHERE seq = 3`, recs[0].Hash); err != nil {
			t.Fatal(err)
		}
		rep := verify(t, d)
		if len(rep.Problems) == 0 || rep.Problems[0].Seq != r.Seq {
			t.Errorf("problems = %+v, want one naming record 3", rep.Problems)
		}
	})
}

func TestConcurrentAppend(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				appendN(t, d, 25, "/1/2/")
			}()
		}
		wg.Wait()
		rep := verify(t, d)
		if len(rep.Problems) != 0 || rep.Checked != 200 || rep.HeadSeq != 200 {
			t.Errorf("after concurrent appends: checked %d, head %d, problems %+v", rep.Checked, rep.HeadSeq, rep.Problems)
		}
	})
}

func TestList(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		appendN(t, d, 3, "/1/2/")
		appendN(t, d, 2, "/1/3/")
		appendN(t, d, 1, "/1/20/")
		city3 := access.Subtrees("/1/3/")
		tests := []struct {
			name  string
			f     audit.Filter
			total int
		}{
			{"all", audit.Filter{Scope: access.Everywhere()}, 6},
			{"scope", audit.Filter{Scope: access.Subtrees("/1/2/")}, 3},
			{"two scopes", audit.Filter{Scope: access.Subtrees("/1/2/", "/1/3/")}, 5},
			{"zero scope", audit.Filter{}, 0},
			{"action prefix", audit.Filter{Scope: access.Everywhere(), Action: "org."}, 6},
			{"other action", audit.Filter{Scope: access.Everywhere(), Action: "user."}, 0},
			{"actor", audit.Filter{Scope: access.Everywhere(), Actor: "张"}, 6},
			{"target", audit.Filter{Scope: access.Everywhere(), Target: "org:1"}, 2},
			{"future", audit.Filter{Scope: access.Everywhere(), From: time.Now().Add(time.Hour)}, 0},
			{"page", audit.Filter{Scope: access.Everywhere(), Limit: 2, Offset: 4}, 6},
			{"past last page", audit.Filter{Scope: access.Everywhere(), Limit: 2, Offset: 40}, 6},
			{"org filter", audit.Filter{Scope: access.Subtrees("/1/"), In: &city3}, 2},
			{"org filter outside the scope", audit.Filter{Scope: access.Subtrees("/1/2/"), In: &city3}, 0},
			{"scope and action, a page", audit.Filter{Scope: access.Subtrees("/1/2/"), Action: "org.", Limit: 2, Offset: 2}, 3},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				recs, total, err := audit.List(ctx, d, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				if total != tt.total {
					t.Errorf("total = %d, want %d", total, tt.total)
				}
				want := tt.total
				if tt.f.Limit > 0 {
					want = min(max(tt.total-tt.f.Offset, 0), tt.f.Limit)
				}
				if len(recs) != want {
					t.Errorf("got %d records, want %d", len(recs), want)
				}
			})
		}
		recs, _, _ := audit.List(ctx, d, audit.Filter{Scope: access.Everywhere()})
		if recs[0].Seq != 6 || recs[0].IP != "10.0.0.1" || recs[0].Summary == "" {
			t.Errorf("newest first with meta and summary: %+v", recs[0])
		}
	})
}

func BenchmarkAppend(b *testing.B) {
	d := dbtest.OpenSQLite(b, sets...)
	ctx := context.Background()
	for b.Loop() {
		if err := d.Tx(ctx, func(tx *db.Tx) error {
			return audit.Append(ctx, tx, audit.Entry{Action: "bench.op", Target: "x:1"})
		}); err != nil {
			b.Fatal(err)
		}
	}
}
