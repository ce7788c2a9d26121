package audit_test

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// BenchmarkList reads page 1 of the audit log viewer over 100,000 records
// (half of one city's, half of another's; half org changes, half people's),
// newest first, on both databases: every record (a system administrator),
// one city's, and one city's changes of one kind.
func BenchmarkList(b *testing.B) {
	ctx := context.Background()
	const n = 100_000
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		dbtest.Insert(b, d, `INSERT INTO audit_log (seq, id, at, actor_id, actor_name, org_id, org_path, action, target, summary, prev_hash, hash) VALUES `,
			`(?, ?, ?, 7, '张三', ?, ?, ?, 'org:1', '{"name":["旧","新"]}', 'p', 'h')`, n, func(tx *db.Tx, j int) []any {
				org, path := 2, "/1/2/"
				if j%2 == 1 {
					org, path = 3, "/1/3/"
				}
				action := "org.update"
				if j%4 >= 2 {
					action = "people.update"
				}
				return []any{j + 1, tx.NewID(), 1_780_000_000_000 + int64(j)*1000, org, path, action}
			})
		dbtest.Analyze(b, d)
		for _, bc := range []struct {
			name  string
			f     audit.Filter
			total int
		}{
			{"all", audit.Filter{Scope: access.Everywhere()}, n},
			{"city", audit.Filter{Scope: access.Subtrees("/1/2/")}, n / 2},
			{"city/action", audit.Filter{Scope: access.Subtrees("/1/2/"), Action: "people."}, n / 4},
		} {
			b.Run(bc.name, func(b *testing.B) {
				for b.Loop() {
					bc.f.Limit = 50
					recs, total, err := audit.List(ctx, d, bc.f)
					if err != nil || len(recs) != 50 || total != bc.total {
						b.Fatalf("read %d of %d: %v", len(recs), total, err)
					}
				}
			})
		}
	})
}
