package youth_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/youth"
)

// BenchmarkTeachers reads page 1 and a deep page of the teachers list
// (科技辅导员) by name and by school, 20,000 teachers in one city and 200
// in the other, on both databases — the list as a user pages it (its
// scope, its count).
func BenchmarkTeachers(b *testing.B) {
	ctx := context.Background()
	const n = 20_000
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		f := setup(b, d)
		r := rand.New(rand.NewPCG(55, 55))
		places := []string{"攀枝花市", "仁和区", "东区", "西区", "米易县", "盐边县"}
		schools := []string{"第一中学", "第三中学", "实验学校", "外国语学校", "第二小学", "职业技术学校"}
		dbtest.Insert(b, d, `INSERT INTO youth_teachers (id, org_id, name, school, subject, region_code, contact, hours, created_at, updated_at) VALUES `,
			`(?, ?, ?, ?, '物理', '510402', '', ?, 0, 0)`, n+200, func(tx *db.Tx, j int) []any {
				org := f.city.ID
				if j >= n {
					org = f.peer.ID
				}
				return []any{tx.NewID(), org, dbtest.PersonName(r), places[r.IntN(len(places))] + schools[r.IntN(len(schools))], r.IntN(500)}
			})
		dbtest.Analyze(b, d)
		for _, c := range []struct {
			name, sort    string
			path          string
			offset, total int
		}{
			{"name/page1", "name", f.city.Path, 0, n}, {"name/deep", "name", f.city.Path, n - 50, n},
			{"school/page1", "school", f.city.Path, 0, n}, {"school/deep", "school", f.city.Path, n - 50, n},
			{"name/small", "name", f.peer.Path, 0, 200},
		} {
			b.Run(c.name, func(b *testing.B) {
				for b.Loop() {
					list, total, err := f.s.Teachers(ctx, youth.TeacherFilter{Scope: access.Subtrees(c.path), Sort: c.sort, Limit: 50, Offset: c.offset})
					if err != nil || len(list) != 50 || total != c.total {
						b.Fatalf("read %d of %d: %v", len(list), total, err)
					}
				}
			})
		}
	})
}
