package plan

import (
	"context"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
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
