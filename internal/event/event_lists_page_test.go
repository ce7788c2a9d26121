package event_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/event"
)

// pages reads a list two rows a page from the start to a page past its end
// and checks that every page says the same total, want — a count of its
// own under the list's conditions (D270) — and that the pages hold want
// rows in all; it returns them in order.
func pages[T any](t *testing.T, name string, want int, read func(limit, offset int) ([]T, int, error)) []T {
	t.Helper()
	var all []T
	for off := 0; off <= want+2; off += 2 {
		list, total, err := read(2, off)
		if err != nil || total != want {
			t.Fatalf("%s, offset %d: total %d, %v; want %d", name, off, total, err, want)
		}
		if w := min(2, max(want-off, 0)); len(list) != w {
			t.Errorf("%s, offset %d: %d rows, want %d", name, off, len(list), w)
		}
		all = append(all, list...)
	}
	return all
}

// TestEventListsPaged: the events list, the public list of coming events,
// the event picker, /my/tickets and an event's door scans each count on
// their own under their scope and filters, say the same total on every page
// and past the end, and never read another org's events, another
// account's tickets or another event's scans — on both databases.
func TestEventListsPaged(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		const user, other = 501, 502
		m := makeMemberTickets(t, es, user) // four events of the city, two of them past
		makeMemberTickets(t, es, other)     // four more, and the other account's tickets
		e := newEvent(t, es, "院士讲科学（第二场）", 10)
		start := e.StartsAt.Add(48 * time.Hour)
		for i := range 3 {
			if _, err := es.Events.Create(ctx, event.Input{OrgID: es.Peer.ID, Title: fmt.Sprintf("滁州科普讲座%d", i), Kind: event.KindLecture,
				Capacity: 10, StartsAt: start, EndsAt: start.Add(time.Hour), Place: "报告厅"}); err != nil {
				t.Fatal(err)
			}
		}
		city := access.Subtrees(es.City.Path)
		now := time.Now()

		// 9 events in the city (4 past), 3 in the other.
		list := pages(t, "list", 9, func(l, o int) ([]event.Event, int, error) {
			return es.Events.List(ctx, event.Filter{Scope: city, Limit: l, Offset: o})
		})
		for i, x := range list {
			if x.OrgID != es.City.ID {
				t.Errorf("list: %s of org %d", x.Title, x.OrgID)
			}
			if i > 0 && x.StartsAt.After(list[i-1].StartsAt) {
				t.Errorf("list: %s after a later event", x.Title)
			}
		}
		pages(t, "list by title, searched", 3, func(l, o int) ([]event.Event, int, error) {
			return es.Events.List(ctx, event.Filter{Scope: city, Q: "院士", Sort: "title", Limit: l, Offset: o})
		})
		pages(t, "list of no scope", 0, func(l, o int) ([]event.Event, int, error) {
			return es.Events.List(ctx, event.Filter{Limit: l, Offset: o})
		})

		up := pages(t, "upcoming", 8, func(l, o int) ([]event.Event, int, error) {
			return es.Events.Upcoming(ctx, access.Everywhere(), now, "", l, o)
		})
		for i, x := range up {
			if x.EndsAt.Before(now) || i > 0 && x.StartsAt.Before(up[i-1].StartsAt) {
				t.Errorf("upcoming: %s (%v) out of place", x.Title, x.StartsAt)
			}
		}
		pages(t, "upcoming in the city", 5, func(l, o int) ([]event.Event, int, error) {
			return es.Events.Upcoming(ctx, city, now, "", l, o)
		})

		found := pages(t, "picker", 9, func(l, o int) ([]event.Event, int, error) {
			return es.Events.Find(ctx, city, "", now, l, o)
		})
		// Coming events first, soonest first, then past ones, latest first.
		for i := 1; i < len(found); i++ {
			a, b := found[i-1], found[i]
			aOver, bOver := a.EndsAt.Before(now), b.EndsAt.Before(now)
			if aOver && !bOver || aOver == bOver && !aOver && b.StartsAt.Before(a.StartsAt) || aOver && bOver && b.StartsAt.After(a.StartsAt) {
				t.Errorf("picker: %s before %s", a.Title, b.Title)
			}
		}
		pages(t, "picker, searched", 4, func(l, o int) ([]event.Event, int, error) {
			return es.Events.Find(ctx, city, "科普", now, l, o)
		})

		mine := pages(t, "my tickets", 4, func(l, o int) ([]event.MyTicket, int, error) {
			return es.Events.MyTickets(ctx, event.MyFilter{UserID: user, Now: now, Limit: l, Offset: o})
		})
		if len(mine) == 4 && (mine[0].Ticket.Code != m.Active.Code || mine[3].Ticket.Code != m.Ended.Code) {
			t.Errorf("my tickets: %s first, %s last; want the coming one first, the oldest last", mine[0].Ticket.Code, mine[3].Ticket.Code)
		}
		for _, x := range mine {
			if x.Ticket.UserID != user {
				t.Errorf("my tickets: a ticket of account %d", x.Ticket.UserID)
			}
		}
		pages(t, "my tickets by event", 4, func(l, o int) ([]event.MyTicket, int, error) {
			return es.Events.MyTickets(ctx, event.MyFilter{UserID: user, Now: now, Sort: "event", Desc: true, Limit: l, Offset: o})
		})
		pages(t, "my tickets, ended", 1, func(l, o int) ([]event.MyTicket, int, error) {
			return es.Events.MyTickets(ctx, event.MyFilter{UserID: user, Now: now, State: event.MineEnded, Limit: l, Offset: o})
		})

		// Door scans: 7 at e, latest first, 3 of them rejected; 2 at another event.
		seen := e.StartsAt.Add(-time.Hour)
		err := es.DB.Tx(ctx, func(tx *db.Tx) error {
			for i, out := range []string{event.Accepted, event.Rejected, event.Duplicate, event.Rejected, event.Accepted, event.Rejected, event.WalkIn, event.Accepted, event.Accepted} {
				id := e.ID
				if i >= 7 {
					id = m.Active.EventID
				}
				at := db.Millis(seen.Add(time.Duration(i) * time.Minute))
				if _, err := tx.Exec(ctx, `INSERT INTO event_scans (id, event_id, ticket_code, device, nonce, scanned_at, received_at, outcome)
					VALUES (?, ?, ?, 'door', ?, ?, ?, ?)`, tx.NewID(), id, fmt.Sprint("T", i), fmt.Sprint("n", i), at, at, out); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		scans := pages(t, "scans", 7, func(l, o int) ([]event.ScanRecord, int, error) { return es.Events.Scans(ctx, e.ID, "", l, o) })
		for i, x := range scans {
			if want := fmt.Sprint("T", 6-i); x.Ticket != want {
				t.Errorf("scan %d: %s, want %s (latest first, this event's)", i, x.Ticket, want)
			}
		}
		for _, x := range pages(t, "rejected scans", 3, func(l, o int) ([]event.ScanRecord, int, error) {
			return es.Events.Scans(ctx, e.ID, event.Rejected, l, o)
		}) {
			if x.Outcome != event.Rejected {
				t.Errorf("rejected scans: one %s", x.Outcome)
			}
		}
	})
}
