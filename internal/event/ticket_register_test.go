package event_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"kexie/internal/event"
	"kexie/internal/valid"
)

// TestWaitingListPromotion: past capacity a registration goes to the
// waiting list in order; a cancellation and a larger capacity move it up.
func TestWaitingListPromotion(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "院士讲科学", 2)
		var ts []event.Ticket
		for _, n := range []string{"张三", "李四", "王五", "赵六"} {
			tk, err := es.Events.Register(ctx, e.ID, n)
			if err != nil {
				t.Fatal(err)
			}
			ts = append(ts, tk)
		}
		want := []string{event.Confirmed, event.Confirmed, event.Waiting, event.Waiting}
		for i, tk := range ts {
			if tk.Status != want[i] {
				t.Errorf("ticket %d: got %s, want %s", i, tk.Status, want[i])
			}
		}
		got, err := es.Events.Ticket(ctx, ts[3].Code)
		if err != nil || got.Position != 2 {
			t.Errorf("赵六's place: got %d (%v), want 2", got.Position, err)
		}
		if err := es.Events.Cancel(ctx, ts[0].Code); err != nil {
			t.Fatal(err)
		}
		if got, _ := es.Events.Ticket(ctx, ts[2].Code); got.Status != event.Confirmed {
			t.Errorf("王五 after a cancellation: got %s, want confirmed", got.Status)
		}
		if err := es.Events.Cancel(ctx, ts[0].Code); err == nil {
			t.Error("cancelling twice: no error")
		}
		if err := es.Events.SetCapacity(ctx, e.ID, 1); err == nil {
			t.Error("capacity below the confirmed: no error")
		} else if _, ok := valid.As(err); !ok {
			t.Errorf("capacity below the confirmed: got %v, want a field error", err)
		}
		if err := es.Events.SetCapacity(ctx, e.ID, 5); err != nil {
			t.Fatal(err)
		}
		if got, _ := es.Events.Ticket(ctx, ts[3].Code); got.Status != event.Confirmed {
			t.Errorf("赵六 after more seats: got %s, want confirmed", got.Status)
		}
		ev, err := es.Events.Get(ctx, e.ID)
		if err != nil || ev.Confirmed != 3 || ev.Waiting != 0 {
			t.Errorf("event: got %d confirmed, %d waiting (%v), want 3, 0", ev.Confirmed, ev.Waiting, err)
		}
		if _, err := es.Events.Register(ctx, e.ID, "  "); err == nil {
			t.Error("a blank name: no error")
		}
	})
}

// TestConcurrentRegistration: many people registering at once never take
// more seats than there are; the rest wait in order; an ended event takes
// no one.
func TestConcurrentRegistration(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "热门讲座", 5)
		errs := make(chan error, 20)
		for i := 0; i < 20; i++ {
			go func(i int) {
				_, err := es.Events.Register(ctx, e.ID, fmt.Sprintf("观众%d", i))
				errs <- err
			}(i)
		}
		for i := 0; i < 20; i++ {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		got, _ := es.Events.Get(ctx, e.ID)
		_, confirmed, _ := es.Events.Tickets(ctx, e.ID, event.TicketFilter{Status: event.Confirmed})
		if got.Confirmed != 5 || confirmed != 5 || got.Waiting != 15 {
			t.Errorf("got %d confirmed (%d tickets), %d waiting; want 5, 5, 15", got.Confirmed, confirmed, got.Waiting)
		}
		past, err := es.Events.Create(ctx, event.Input{OrgID: es.City.ID, Title: "已结束", Kind: event.KindLecture, Capacity: 5,
			StartsAt: time.Now().Add(-48 * time.Hour), EndsAt: time.Now().Add(-47 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := es.Events.Register(ctx, past.ID, "迟到者"); err == nil {
			t.Error("registered for an ended event")
		}
	})
}
