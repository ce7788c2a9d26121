package audit_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

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
		if rep := verify(t, d); len(rep.Problems) != 0 || rep.Checked != 10 {
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

func TestForgedLink(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		appendN(t, d, 4, "/1/")
		// Replace record 3 by one with a self-consistent hash but a wrong link.
		recs, _, err := audit.List(ctx, d, audit.Filter{Sort: "at"})
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
		tests := []struct {
			name  string
			f     audit.Filter
			total int
		}{
			{"all", audit.Filter{}, 6},
			{"scope", audit.Filter{OrgPaths: []string{"/1/2/"}}, 3},
			{"two scopes", audit.Filter{OrgPaths: []string{"/1/2/", "/1/3/"}}, 5},
			{"empty scope", audit.Filter{OrgPaths: []string{}}, 0},
			{"action prefix", audit.Filter{Action: "org."}, 6},
			{"other action", audit.Filter{Action: "user."}, 0},
			{"actor", audit.Filter{Actor: "张"}, 6},
			{"target", audit.Filter{Target: "org:1"}, 2},
			{"future", audit.Filter{From: time.Now().Add(time.Hour)}, 0},
			{"page", audit.Filter{Limit: 2, Offset: 4}, 6},
			{"past last page", audit.Filter{Limit: 2, Offset: 40}, 6},
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
				if tt.f.Limit == 0 && len(recs) != tt.total {
					t.Errorf("got %d records, want %d", len(recs), tt.total)
				}
			})
		}
		recs, _, _ := audit.List(ctx, d, audit.Filter{})
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
