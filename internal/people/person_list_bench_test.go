package people_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// BenchmarkListByName reads page 1 and a deep page (offset 99,000) of the
// people list sorted by name over 100,000 people of one city, on both
// databases — the list as a user pages it (its scope, its count).
func BenchmarkListByName(b *testing.B) {
	ctx := context.Background()
	const n = 100_000
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		f := setup(b, d)
		r := rand.New(rand.NewPCG(53, 53))
		dbtest.Insert(b, d, `INSERT INTO people (id, org_id, name, created_at, updated_at) VALUES `, `(?, ?, ?, 0, 0)`, n,
			func(tx *db.Tx, _ int) []any {
				return []any{tx.NewID(), f.city.ID, dbtest.PersonName(r)}
			})
		dbtest.Analyze(b, d)
		for _, page := range []struct {
			name   string
			offset int
		}{{"page1", 0}, {"deep", 99_000}} {
			b.Run(page.name, func(b *testing.B) {
				for b.Loop() {
					list, total, err := f.s.List(ctx, people.Filter{Scope: access.Subtrees(f.city.Path), Sort: "name", Limit: 50, Offset: page.offset})
					if err != nil || len(list) != 50 || total != n {
						b.Fatalf("read %d of %d: %v", len(list), total, err)
					}
				}
			})
		}
	})
}
