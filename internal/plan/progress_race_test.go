package plan

import (
	"context"
	"fmt"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/valid"
)

// Entries at once for one indicator and quarter: one holds the period, the
// others are told it is taken. On PostgreSQL each counted the period free
// before any other had written, and several were saved (race review 51).
func TestProgressAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, trackSets, func(t *testing.T, d *db.DB) {
		e := newProgress(t, d)
		n := 0
		for _, err := range dbtest.AtOnce(30, func(int) error {
			_, err := e.store.File(ctx, e.in(e.count, "12"))
			return err
		}) {
			if err == nil {
				n++
			} else if fieldKeys(err)["quarter"] != "plan.err.period_taken" {
				t.Errorf("unexpected: %v", err)
			}
		}
		if k := len(e.entries(t, e.count)); n != 1 || k != 1 {
			t.Errorf("%d entries at once for one period went through, %d saved, want 1", n, k)
		}
	})
}

// A withdrawal and a review of one entry at once: one of them goes through
// and the log says which. On PostgreSQL the withdrawal's conditional UPDATE
// changed nothing after an acceptance, and still logged "withdrawn".
func TestWithdrawWhileReviewed(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, trackSets, func(t *testing.T, d *db.DB) {
		e := newProgress(t, d)
		steps := func() int {
			var n int
			if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action IN ('plan.progress_withdrawn', 'plan.progress_accepted')`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		for i := 0; i < 5; i++ {
			in := e.in(e.count, "12")
			in.Year = fmt.Sprint(2021 + i%2)
			in.Quarter = fmt.Sprint(1 + i/2)
			id, err := e.store.File(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			before := steps()
			errs := dbtest.AtOnce(2, func(j int) error {
				if j == 0 {
					return e.store.Withdraw(ctx, e.planID, id, e.filer)
				}
				return e.store.Review(ctx, e.planID, id, true, "", e.review)
			})
			ok := 0
			for _, err := range errs {
				if err == nil {
					ok++
				} else if _, isValid := valid.As(err); !isValid {
					t.Errorf("unexpected: %v", err)
				}
			}
			logged := steps() - before
			if ok != 1 || logged != 1 {
				t.Errorf("entry %d: %d of a withdrawal and a review went through, %d logged, want 1", i, ok, logged)
			}
		}
	})
}
