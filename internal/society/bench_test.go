package society_test

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/society"
)

// BenchmarkLedger reads the first page of a 20,000-member society's dues
// ledger (count and sum over all its invoices) and the board of its city.
func BenchmarkLedger(b *testing.B) {
	d := dbtest.OpenSQLite(b, sets...)
	f := buildB(b, d)
	ctx := context.Background()
	ref, _ := f.s.Society(ctx, f.soc.ID)
	if err := f.s.Seed(ctx, society.SeedSpec{Societies: []society.Ref{ref}, Years: 10, Members: []int{20000}, Until: 2026, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	scope := access.Subtrees(f.city.Path)
	b.Run("ledger", func(b *testing.B) {
		for b.Loop() {
			if _, n, _, err := f.s.Ledger(ctx, society.LedgerFilter{Scope: scope, OrgID: f.soc.ID, Limit: 50}); err != nil || n != 20000 {
				b.Fatal(n, err)
			}
		}
	})
	b.Run("arrears", func(b *testing.B) {
		for b.Loop() {
			if _, _, _, err := f.s.Ledger(ctx, society.LedgerFilter{Scope: scope, OrgID: f.soc.ID, Status: "arrears", Limit: 50}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("board", func(b *testing.B) {
		for b.Loop() {
			if _, err := f.s.Board(ctx, scope, 2025); err != nil {
				b.Fatal(err)
			}
		}
	})
}
