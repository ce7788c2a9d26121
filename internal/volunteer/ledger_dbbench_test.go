package volunteer_test

import (
	"context"
	"testing"

	"kexie/internal/db/dbtest"
)

// BenchmarkVerifyLedgerSQLite walks a 50,000-entry ledger on SQLite.
func BenchmarkVerifyLedgerSQLite(b *testing.B) {
	d := dbtest.OpenSQLite(b, sets...)
	s := newStore(b, d)
	if err := s.SeedLedger(context.Background(), 50_000, nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := s.VerifyLedger(context.Background())
		if err != nil || !rep.OK() {
			b.Fatal(rep, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*50_000), "ns/entry")
}
