package jobs_test

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
)

// BenchmarkJobList reads page 1 of the jobs admin list, newest first, over
// 100,000 kept jobs (half of one city's, half of another's), on both
// databases: every job (a system administrator) and one city's.
func BenchmarkJobList(b *testing.B) {
	ctx := context.Background()
	const n = 100_000
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		dbtest.Insert(b, d, `INSERT INTO jobs (id, kind, org_id, user_id, args, state, run_after, result, created_at, updated_at) VALUES `,
			`(?, 'people.export', ?, 7, '{"q":"张","sort":"name"}', 'done', 0, '{"file":"export.xlsx","rows":1200}', ?, 0)`, n,
			func(tx *db.Tx, j int) []any { return []any{tx.NewID(), 2 + j%2, 1_780_000_000_000 + int64(j)*1000} })
		dbtest.Analyze(b, d)
		s := jobs.NewStore(d)
		for _, bc := range []struct {
			name  string
			scope access.Scope
			total int
		}{{"all", access.Everywhere(), n}, {"city", access.Subtrees("/1/2/"), n / 2}} {
			b.Run(bc.name, func(b *testing.B) {
				for b.Loop() {
					list, total, err := s.List(ctx, jobs.Filter{Scope: bc.scope, Limit: 50})
					if err != nil || len(list) != 50 || total != bc.total {
						b.Fatalf("read %d of %d: %v", len(list), total, err)
					}
				}
			})
		}
	})
}
