package people_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// BenchmarkUnits reads page 1 and a deep page of the unit members list
// (团体会员, sorted by name) of a city holding 20,000 units, and the first
// page of the other city's 200, on both databases — the list as a user
// pages it (its scope, its count).
func BenchmarkUnits(b *testing.B) {
	ctx := context.Background()
	const n = 20_000
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		f := setup(b, d)
		r := rand.New(rand.NewPCG(55, 55))
		trades := []string{"科技有限公司", "机械厂", "研究院", "学院", "钢铁集团有限公司", "信息技术有限公司"}
		dbtest.Insert(b, d, `INSERT INTO unit_members (id, org_id, name, uscc, kind, joined_on, status, created_at) VALUES `,
			`(?, ?, ?, ?, 'company', '', 'active', 0)`, n+200, func(tx *db.Tx, j int) []any {
				org := f.city.ID
				if j >= n {
					org = f.peer.ID
				}
				return []any{tx.NewID(), org, dbtest.PersonName(r) + trades[r.IntN(len(trades))], fmt.Sprintf("U%017d", j)}
			})
		dbtest.Analyze(b, d)
		for _, c := range []struct {
			name          string
			path          string
			offset, total int
		}{{"page1", f.city.Path, 0, n}, {"deep", f.city.Path, n - 50, n}, {"small", f.peer.Path, 0, 200}} {
			b.Run(c.name, func(b *testing.B) {
				for b.Loop() {
					list, total, err := f.s.Units(ctx, access.Subtrees(c.path), "", 50, c.offset)
					if err != nil || len(list) != 50 || total != c.total {
						b.Fatalf("read %d of %d: %v", len(list), total, err)
					}
				}
			})
		}
	})
}
