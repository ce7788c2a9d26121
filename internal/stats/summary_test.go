package stats_test

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// TestSummaryLikeForLike: early in a year few forms are approved; the
// change from last year compares only the orgs approved both years, not
// this year's few forms with last year's all (which reads as a fall of
// every figure), while the year's and last year's totals stay whole.
func TestSummaryLikeForLike(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		approve := func(orgID int64, year int, members string) {
			t.Helper()
			in := full()
			in.Raw["B01"] = members
			_, err := f.s.Submit(ctx, orgID, year, in, filer)
			must(t, err)
			must(t, f.s.Approve(ctx, orgID, year, reviewer))
		}
		approve(f.city.ID, 2025, "10")
		approve(f.county.ID, 2025, "10")
		approve(f.city.ID, 2026, "12") // the county's 2026 form is not in yet

		sum, err := f.s.Summarize(ctx, access.Subtrees(f.root.Path), "", 2026)
		must(t, err)
		if sum.Totals["B01"] != 12 || sum.Last["B01"] != 20 || sum.Included != 1 || sum.LastIncl != 2 {
			t.Errorf("totals %d (%d forms), last year %d (%d forms), want 12 (1), 20 (2)",
				sum.Totals["B01"], sum.Included, sum.Last["B01"], sum.LastIncl)
		}
		if sum.BothN != 1 || sum.Both["B01"] != 12 || sum.BothLast["B01"] != 10 {
			t.Errorf("like for like: %d orgs, %d against %d; want 1 org, 12 against 10", sum.BothN, sum.Both["B01"], sum.BothLast["B01"])
		}
		// Scoped as the rest: another city's staff compare nothing.
		if sum, _ := f.s.Summarize(ctx, access.Subtrees(f.peer.Path), "", 2026); sum.BothN != 0 || len(sum.Both)+len(sum.BothLast) != 0 {
			t.Errorf("the peer city compares %d orgs: %v %v", sum.BothN, sum.Both, sum.BothLast)
		}
	})
}
