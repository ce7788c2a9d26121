package venue_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/venue"
)

// BenchmarkFind reads the venue picker's page 1 and a deep page over
// 20,000 venues (科普e站 run to thousands a province), half of them in the
// caller's city (those come first), and a search by name, on both
// databases.
func BenchmarkFind(b *testing.B) {
	ctx := context.Background()
	const n = 20_000
	dbtest.Bench(b, []db.Migrations{audit.Migrations(), org.Migrations(), venue.Migrations()}, func(b *testing.B, d *db.DB) {
		orgs := org.NewStore(d, std.Regions())
		root, err := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince})
		if err != nil {
			b.Fatal(err)
		}
		city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
		peer, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
		r := rand.New(rand.NewPCG(55, 55))
		towns := []string{"仁和", "银江", "格里坪", "大河", "务本", "平地", "同德", "啊喇"}
		dbtest.Insert(b, d, `INSERT INTO venues (id, org_id, kind, name, region_code, created_at, updated_at) VALUES `,
			`(?, ?, 'estation', ?, '510402', 0, 0)`, n, func(tx *db.Tx, j int) []any {
				o := city.ID
				if j%2 == 1 {
					o = peer.ID
				}
				return []any{tx.NewID(), o, fmt.Sprintf("%s镇%s村科普e站", towns[r.IntN(len(towns))], dbtest.PersonName(r)[:3])}
			})
		dbtest.Analyze(b, d)
		s := venue.NewStore(d, nil)
		for _, c := range []struct {
			name          string
			q             string
			offset, total int
		}{{"page1", "", 0, n}, {"deep", "", n - 50, n}, {"search", "仁和", 0, -1}} {
			b.Run(c.name, func(b *testing.B) {
				for b.Loop() {
					list, total, err := s.Find(ctx, access.Subtrees(city.Path), c.q, 50, c.offset)
					if err != nil || len(list) != 50 || c.total >= 0 && total != c.total {
						b.Fatalf("read %d of %d: %v", len(list), total, err)
					}
				}
			})
		}
	})
}
