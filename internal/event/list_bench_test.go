package event_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/event"
)

// BenchmarkEventLists reads the event module's lists at 100,000 rows a
// table, on both databases, each as its page asks: 100,000 events (half in
// the city, four years of them around now) listed by start, deep, by
// title and by org, the public list of coming events, the event picker;
// 100,000 tickets, 1,000 of them one account's (/my/tickets, default
// order and by event); 100,000 scans, 40,000 of them at one event's door
// (all, deep, one outcome). A total of -1 is not checked (the coming
// events are those not ended at now, about half).
func BenchmarkEventLists(b *testing.B) {
	const n = 100_000
	ctx := context.Background()
	dbtest.Bench(b, nil, func(b *testing.B, d *db.DB) {
		es := serveEvents(b, d)
		now := time.Now().Truncate(time.Minute)
		start := now.Add(-2 * 365 * 24 * time.Hour)
		ids := make([]int64, n)
		kinds := []string{event.KindLecture, "kepuri", "week", "caravan", "other"}
		topics := []string{"科普讲座", "全国科普日", "科技活动周", "科普大篷车", "青少年科学营", "院士报告会"}
		dbtest.Insert(b, d, `INSERT INTO events (id, org_id, venue_id, title, kind, place, capacity, starts_at, ends_at, created_at, updated_at) VALUES `,
			`(?, ?, 0, ?, ?, '市科技馆报告厅', 200, ?, ?, 0, 0)`, n, func(tx *db.Tx, j int) []any {
				ids[j] = tx.NewID()
				org := es.City.ID
				if j%2 == 1 {
					org = es.Peer.ID
				}
				at := start.Add(time.Duration(j) * (4 * 365 * 24 * time.Hour / n))
				return []any{ids[j], org, fmt.Sprintf("第%d届%s", j/len(topics)+1, topics[j%len(topics)]), kinds[j%len(kinds)], db.Millis(at), db.Millis(at.Add(2 * time.Hour))}
			})
		const user, mine = 777, 1_000
		dbtest.Insert(b, d, `INSERT INTO event_tickets (id, event_id, code, name, status, created_at, user_id) VALUES `,
			`(?, ?, ?, '观众', ?, ?, ?)`, n, func(tx *db.Tx, j int) []any {
				var u any // a ticket taken by name alone
				if j < mine {
					u = user
				}
				status := "confirmed"
				if j%10 == 9 {
					status = "cancelled"
				}
				return []any{tx.NewID(), ids[(j*97)%n], fmt.Sprintf("T%011d", j), status, db.Millis(start.Add(time.Duration(j) * time.Minute)), u}
			})
		const door = 40_000
		outcomes := []string{"accepted", "duplicate", "rejected", "walk_in"}
		dbtest.Insert(b, d, `INSERT INTO event_scans (id, event_id, ticket_code, device, nonce, scanned_at, received_at, outcome) VALUES `,
			`(?, ?, ?, 'phone', ?, ?, ?, ?)`, n, func(tx *db.Tx, j int) []any {
				e := ids[0]
				if j >= door {
					e = ids[1+j%(n-1)]
				}
				at := db.Millis(now.Add(time.Duration(j) * time.Second))
				return []any{tx.NewID(), e, fmt.Sprintf("T%011d", j), fmt.Sprint("n", j), at, at, outcomes[j%len(outcomes)]}
			})
		dbtest.Analyze(b, d)
		city := access.Subtrees(es.City.Path)
		for _, c := range []struct {
			name  string
			total int
			read  func() (int, int, error)
		}{
			{"list/starts", n / 2, func() (int, int, error) { return rows(es.Events.List(ctx, event.Filter{Scope: city, Limit: 50})) }},
			{"list/starts_deep", n / 2, func() (int, int, error) {
				return rows(es.Events.List(ctx, event.Filter{Scope: city, Limit: 50, Offset: n/2 - 50}))
			}},
			{"list/title", n / 2, func() (int, int, error) {
				return rows(es.Events.List(ctx, event.Filter{Scope: city, Sort: "title", Limit: 50}))
			}},
			{"list/org_all", n, func() (int, int, error) {
				return rows(es.Events.List(ctx, event.Filter{Scope: access.Everywhere(), Sort: "org", Limit: 50}))
			}},
			{"upcoming", -1, func() (int, int, error) { return rows(es.Events.Upcoming(ctx, access.Everywhere(), now, "", 20, 0)) }},
			{"find", n / 2, func() (int, int, error) { return rows(es.Events.Find(ctx, city, "", now, 20, 0)) }},
			{"my_tickets", mine, func() (int, int, error) {
				return rows(es.Events.MyTickets(ctx, event.MyFilter{UserID: user, Now: now, Limit: 50}))
			}},
			{"my_tickets/event", mine, func() (int, int, error) {
				return rows(es.Events.MyTickets(ctx, event.MyFilter{UserID: user, Now: now, Sort: "event", Limit: 50}))
			}},
			{"scans", door, func() (int, int, error) { return rows(es.Events.Scans(ctx, ids[0], "", 50, 0)) }},
			{"scans/deep", door, func() (int, int, error) { return rows(es.Events.Scans(ctx, ids[0], "", 50, door-50)) }},
			{"scans/rejected", door / 4, func() (int, int, error) { return rows(es.Events.Scans(ctx, ids[0], "rejected", 50, 0)) }},
		} {
			b.Run(c.name, func(b *testing.B) {
				for b.Loop() {
					k, total, err := c.read()
					if err != nil || k == 0 || c.total >= 0 && total != c.total {
						b.Fatalf("read %d of %d: %v; want %d in all", k, total, err, c.total)
					}
				}
			})
		}
	})
}

// rows is how many rows a list read, its total and its error.
func rows[T any](list []T, total int, err error) (int, int, error) { return len(list), total, err }
