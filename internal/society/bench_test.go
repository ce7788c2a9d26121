package society_test

import (
	"context"
	"fmt"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
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

// BenchmarkBoard counts and lists the board over 2,000 societies with ten
// years of reports each.
func BenchmarkBoard(b *testing.B) {
	d := dbtest.OpenSQLite(b, sets...)
	f := buildB(b, d)
	ctx := context.Background()
	var refs []society.Ref
	for i := 0; i < 2000; i++ {
		o, err := f.orgs.Create(ctx, org.Input{ParentID: f.city.ID, Code: fmt.Sprintf("B%05d", i), Name: fmt.Sprintf("学会%d", i), Type: org.TypeSociety})
		if err != nil {
			b.Fatal(err)
		}
		refs = append(refs, society.Ref{ID: o.ID, Code: o.Code, Name: o.Name, Path: o.Path})
	}
	if err := f.s.Seed(ctx, society.SeedSpec{Societies: refs, Years: 10, Members: nil, Until: 2026, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	d.Exec(ctx, "ANALYZE")
	scope := access.Subtrees(f.root.Path)
	b.Run("counts", func(b *testing.B) {
		for b.Loop() {
			if x, err := f.s.Board(ctx, scope, 2025); err != nil || x.Societies < 2000 {
				b.Fatal(x, err)
			}
		}
	})
	b.Run("rows", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := f.s.BoardRows(ctx, society.BoardFilter{Scope: scope, Year: 2025, Limit: 50}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("missing", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := f.s.BoardRows(ctx, society.BoardFilter{Scope: scope, Year: 2025, State: "missing", Limit: 50}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
