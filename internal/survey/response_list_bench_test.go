package survey

import (
	"context"
	"fmt"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
)

// BenchmarkResponses reads page 1 of a survey's responses, newest first,
// over 100,000 responses (half from one city's stations, half from
// another's, one in a hundred excluded), on both databases: every response
// (the province's office), one city's, and the city's included ones.
func BenchmarkResponses(b *testing.B) {
	ctx := context.Background()
	const n = 100_000
	dbtest.Bench(b, []db.Migrations{audit.Migrations(), org.Migrations(), Migrations()}, func(b *testing.B, d *db.DB) {
		orgs := org.NewStore(d, std.Regions())
		root, err := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "四川省科协", Type: org.TypeProvince})
		if err != nil {
			b.Fatal(err)
		}
		city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
		peer, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
		s := NewStore(d)
		def := small()
		v, err := s.Create(ctx, Input{OrgID: root.ID, Kind: KindGeneral, Title: "测试问卷", UserID: 1, Definition: &def})
		if err != nil {
			b.Fatal(err)
		}
		if _, err = s.Publish(ctx, v.ID, 1); err != nil {
			b.Fatal(err)
		}
		var ids []int64
		dbtest.Insert(b, d, `INSERT INTO survey_responses (id, survey_id, version, org_id, respondent, answers, started_at, submitted_at) VALUES `,
			`(?, ?, 1, ?, ?, '{"gender":["1"],"n":["12"]}', 0, 60000)`, n, func(tx *db.Tx, j int) []any {
				o := city.ID
				if j%2 == 1 {
					o = peer.ID
				}
				id := tx.NewID()
				ids = append(ids, id)
				return []any{id, v.ID, o, fmt.Sprintf("b:%06d", j)}
			})
		dbtest.Insert(b, d, `INSERT INTO survey_exclusions (response_id, survey_id, reason, by_user, at) VALUES `, `(?, ?, '重复', 1, 0)`, n/100,
			func(_ *db.Tx, j int) []any { return []any{ids[j*100], v.ID} })
		dbtest.Analyze(b, d)
		for _, bc := range []struct {
			name  string
			f     RespFilter
			total int
		}{
			{"all", RespFilter{Scope: access.Everywhere()}, n},
			{"city", RespFilter{Scope: access.Subtrees(city.Path)}, n / 2},
			{"city/included", RespFilter{Scope: access.Subtrees(city.Path), Flag: "included"}, n/2 - n/100},
		} {
			b.Run(bc.name, func(b *testing.B) {
				bc.f.Limit = 50
				for b.Loop() {
					list, total, err := s.Responses(ctx, v.ID, bc.f)
					if err != nil || len(list) != 50 || total != bc.total {
						b.Fatalf("read %d of %d: %v", len(list), total, err)
					}
				}
			})
		}
	})
}
