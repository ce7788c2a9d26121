package voice_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/voice"
)

// benchItems is how many items the list benchmark holds.
const benchItems = 100_000

// seedBench fills d with n items spread over two cities of ten counties
// each, in every status and topic, filed over a year; it returns the first
// city (half the items are in its subtree).
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
	statuses := []voice.Status{voice.Submitted, voice.Accepted, voice.Assigned, voice.Answered, voice.Closed, voice.Declined}
	words := []string{"职称评审", "人才公寓", "科研经费报销", "成果转化收益", "拖欠绩效工资", "青年人才托举", "科普基地建设", "学会承接职能"}
	start := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	dbtest.Insert(b, d, `INSERT INTO voice_items (id, org_id, kind, topic, title, body, status, filer_user, code_hash, source, filed_at, accepted_at, due_at, answered_at, updated_at) VALUES `,
		"(?, ?, ?, ?, ?, ?, ?, 0, ?, '', ?, ?, ?, ?, ?)", n, func(tx *db.Tx, j int) []any {
			st := statuses[j%len(statuses)]
			filed := start.Add(time.Duration(j) * 5 * time.Minute)
			var acc, due, ans int64
			if st != voice.Submitted && st != voice.Declined {
				acc, due = db.Millis(filed.Add(time.Hour)), db.Millis(filed.Add(21*24*time.Hour))
			}
			if st == voice.Answered || st == voice.Closed {
				ans = db.Millis(filed.Add(time.Duration(1+j%30) * 24 * time.Hour))
			}
			w := words[j%len(words)]
			kind := voice.Request
			if j%3 == 0 {
				kind = voice.Suggestion
			}
			return []any{tx.NewID(), ids[j%len(ids)], string(kind), voice.Topics[j%len(voice.Topics)],
				fmt.Sprintf("关于%s的问题（%d）", w, j), "反映" + w + "方面的情况，请予以答复。编号" + fmt.Sprint(j), string(st),
				fmt.Sprintf("bench%09d", j), db.Millis(filed), acc, due, ans, db.Millis(filed)}
		})
	dbtest.Analyze(b, d)
	*f.now = start.AddDate(1, 0, 0)
	return f.city
}

// BenchmarkVoiceList is the staff list over 100,000 items, a city's staff
// reading a page of their half: the first page, sorted by due date, a
// search of titles and texts, the overdue filter, and the home page's count.
func BenchmarkVoiceList(b *testing.B) {
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		city := seedBench(b, d, benchItems)
		s := voice.NewStore(d, voice.Config{})
		ctx := context.Background()
		scope := access.Subtrees(city.Path)
		for _, c := range []struct {
			name string
			f    voice.Filter
		}{
			{"page", voice.Filter{Scope: scope}},
			{"by_due", voice.Filter{Scope: scope, Sort: "-due"}},
			{"search", voice.Filter{Scope: scope, Q: "成果转化"}},
			{"overdue", voice.Filter{Scope: scope, Overdue: true}},
			{"last_page", voice.Filter{Scope: scope, Offset: 49_950}},
		} {
			b.Run(c.name, func(b *testing.B) {
				c.f.Limit = 50
				for i := 0; i < b.N; i++ {
					items, total, err := s.List(ctx, c.f)
					if err != nil || total == 0 || len(items) == 0 {
						b.Fatal(total, err)
					}
				}
			})
		}
		b.Run("todo_count", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.OverdueCount(ctx, scope, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
