package volunteer_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/volunteer"
)

// BenchmarkVolunteerList reads page 1 of the volunteer list over 100,000
// volunteers of one city, on both databases, by name and by hours served,
// as a user pages it (the city's scope, its count).
func BenchmarkVolunteerList(b *testing.B) {
	ctx := context.Background()
	const n = 100_000
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		f := setup(b, d)
		r := rand.New(rand.NewPCG(54, 54))
		dbtest.Insert(b, d, `INSERT INTO volunteers (id, org_id, name, id_sealed, id_index, minutes, created_at, updated_at) VALUES `,
			`(?, ?, ?, 'x', ?, ?, 0, 0)`, n, func(tx *db.Tx, j int) []any {
				return []any{tx.NewID(), f.city.ID, dbtest.PersonName(r), fmt.Sprintf("i%06d", j), r.IntN(60 * 200)}
			})
		dbtest.Analyze(b, d)
		for _, bc := range []struct {
			name string
			f    volunteer.Filter
		}{
			{"name", volunteer.Filter{Sort: "name"}},
			{"hours", volunteer.Filter{Sort: "hours", Desc: true}},
		} {
			b.Run(bc.name, func(b *testing.B) {
				bc.f.Scope, bc.f.Limit = access.Subtrees(f.city.Path), 50
				for b.Loop() {
					list, total, err := f.s.Volunteers(ctx, bc.f)
					if err != nil || len(list) != 50 || total != n {
						b.Fatalf("read %d of %d: %v", len(list), total, err)
					}
				}
			})
		}
	})
}
