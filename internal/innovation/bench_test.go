package innovation_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/innovation"
	"kexie/internal/org"
	"kexie/internal/std"
)

// benchNeeds is how many needs the list benchmark holds.
const benchNeeds = 100_000

// seedBench fills d with n needs spread over two cities of ten counties
// each, in every status and field, filed over a year; it returns the first
// city (half the needs are in its subtree).
func seedBench(b *testing.B, d *db.DB, n int) org.Org {
	b.Helper()
	f := setup(b, d)
	ctx := context.Background()
	orgs := org.NewStore(d, std.Regions())
	var ids []int64
	for ci, c := range []org.Org{f.city, f.peer} {
		ids = append(ids, c.ID)
		for k := 0; k < 10; k++ {
			o, err := orgs.Create(ctx, org.Input{ParentID: c.ID, Code: fmt.Sprintf("B%d%02d", ci, k), Name: fmt.Sprintf("县%d-%d科协", ci, k), Type: org.TypeCounty})
			if err != nil {
				b.Fatal(err)
			}
			ids = append(ids, o.ID)
		}
	}
	words := []string{"尾矿综合利用", "主轴热变形补偿", "采后保鲜", "正极材料低温性能", "废水零排放", "预测性维护", "植被恢复", "工业机器人视觉"}
	regions := []string{"510402", "510403", "510411", "341102", "341103"}
	start := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	dbtest.Insert(b, d, `INSERT INTO innovation_needs (id, org_id, enterprise, uscc, region_code, field, title, body, status, source, result, amount,
		filed_at, published_at, matched_at, updated_at) VALUES `,
		"(?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)", n, func(tx *db.Tx, j int) []any {
			st := innovation.Statuses[j%len(innovation.Statuses)]
			filed := start.Add(time.Duration(j) * 5 * time.Minute)
			var pub, matched int64
			if st != innovation.Pending && st != innovation.Rejected {
				pub = db.Millis(filed.Add(24 * time.Hour))
			}
			result, amount := "", int64(0)
			if st == innovation.Matching || st == innovation.Solved || st == innovation.Unsolved {
				matched = db.Millis(filed.Add(10 * 24 * time.Hour))
				if j%2 == 0 {
					result, amount = innovation.Signed, int64(1000+j%50000)
				}
			}
			w := words[j%len(words)]
			return []any{tx.NewID(), ids[j%len(ids)], fmt.Sprintf("第%d号科技有限公司", j%5000), "91110000802100433B", regions[j%len(regions)],
				innovation.Fields[j%len(innovation.Fields)], fmt.Sprintf("关于%s的技术需求（%d）", w, j), "需要" + w + "方面的技术方案。编号" + fmt.Sprint(j),
				string(st), result, amount, db.Millis(filed), pub, matched, db.Millis(filed)}
		})
	dbtest.Analyze(b, d)
	*f.now = start.AddDate(1, 0, 0)
	return f.city
}

// BenchmarkInnovationList is the staff list over 100,000 needs, a city's
// staff reading a page of their half: the first page, filtered by status,
// field and region, a search, the last page, the public list, the home
// page's count and the year's figures.
func BenchmarkInnovationList(b *testing.B) {
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		city := seedBench(b, d, benchNeeds)
		s := innovation.NewStore(d, innovation.Config{})
		ctx := context.Background()
		scope := access.Subtrees(city.Path)
		for _, c := range []struct {
			name string
			f    innovation.Filter
		}{
			{"page", innovation.Filter{Scope: scope}},
			{"status", innovation.Filter{Scope: scope, Status: innovation.Matching}},
			{"field_region", innovation.Filter{Scope: scope, Field: "materials", Region: "5104"}},
			{"search", innovation.Filter{Scope: scope, Q: "预测性维护"}},
			{"last_page", innovation.Filter{Scope: scope, Offset: 49_950}},
			{"public", innovation.Filter{Public: true}},
		} {
			b.Run(c.name, func(b *testing.B) {
				c.f.Limit = 50
				for i := 0; i < b.N; i++ {
					needs, total, err := s.List(ctx, c.f)
					if err != nil || total == 0 || len(needs) == 0 {
						b.Fatal(total, err)
					}
				}
			})
		}
		b.Run("todo_count", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.WaitingCount(ctx, scope); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("year_stats", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.YearStats(ctx, scope, "", 2026); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
