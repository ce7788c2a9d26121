package event_test

import (
	"context"
	"testing"

	"kexie/internal/event"
)

// TestTicketsPaged: a page of an event's tickets says how many match — a
// count of its own (D270) — under the status and name filters, also past
// the end; the list without a limit reads them all. Another event's
// tickets are never counted.
func TestTicketsPaged(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "院士讲科学", 3)
		other := newEvent(t, es, "科普开放日", 10)
		for _, n := range []string{"张三", "李四", "王五", "赵六", "张七"} {
			if _, err := es.Events.Register(ctx, e.ID, n); err != nil {
				t.Fatal(err)
			}
			if _, err := es.Events.Register(ctx, other.ID, n); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range []struct {
			f           event.TicketFilter
			rows, total int
		}{
			{event.TicketFilter{Limit: 2}, 2, 5},
			{event.TicketFilter{Limit: 2, Offset: 4}, 1, 5},
			{event.TicketFilter{Limit: 2, Offset: 10}, 0, 5},
			{event.TicketFilter{Status: event.Waiting, Limit: 10}, 2, 2},
			{event.TicketFilter{Q: "张", Limit: 1}, 1, 2},
			{event.TicketFilter{}, 5, 5},
		} {
			list, total, err := es.Events.Tickets(ctx, e.ID, c.f)
			if err != nil || len(list) != c.rows || total != c.total {
				t.Errorf("%+v: %d rows of %d (%v), want %d of %d", c.f, len(list), total, err, c.rows, c.total)
			}
			for _, tk := range list {
				if tk.EventID != e.ID {
					t.Errorf("%+v: a ticket of event %d", c.f, tk.EventID)
				}
			}
		}
	})
}
