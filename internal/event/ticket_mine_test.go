package event_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kexie/internal/event"
)

// TestTicketsOfAccount: a ticket taken while signed in records the account
// and is listed for it alone; a ticket taken by name alone is on nobody's
// list; coming events come before past ones, each with its state.
func TestTicketsOfAccount(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		const a, b = int64(9001), int64(9002)
		soon := newEvent(t, es, "院士讲科学", 1)
		later, err := es.Events.Create(ctx, event.Input{OrgID: es.City.ID, Title: "天文夜观测", Kind: event.KindLecture, Capacity: 10,
			StartsAt: soon.StartsAt.Add(72 * time.Hour), EndsAt: soon.StartsAt.Add(74 * time.Hour), Place: "市青少年宫"})
		if err != nil {
			t.Fatal(err)
		}
		anon, err := es.Events.Register(ctx, soon.ID, "张三") // takes the only seat of soon
		if err != nil || anon.UserID != 0 {
			t.Fatalf("anonymous ticket: %+v, %v", anon, err)
		}
		aLater, err := es.Events.RegisterAs(ctx, later.ID, event.Registrant{Name: "李四", UserID: a})
		if err != nil || aLater.UserID != a || aLater.Status != event.Confirmed {
			t.Fatalf("A's ticket for later: %+v, %v", aLater, err)
		}
		aSoon, err := es.Events.RegisterAs(ctx, soon.ID, event.Registrant{Name: "李四", UserID: a})
		if err != nil || aSoon.Status != event.Waiting {
			t.Fatalf("A's ticket for soon: %+v, %v", aSoon, err)
		}
		bSoon, err := es.Events.RegisterAs(ctx, soon.ID, event.Registrant{Name: "王五", UserID: b})
		if err != nil {
			t.Fatal(err)
		}

		mine, total, err := es.Events.TicketsOf(ctx, a, time.Now(), 50, 0)
		if err != nil {
			t.Fatal(err)
		}
		if total != 2 || len(mine) != 2 || mine[0].Ticket.Code != aSoon.Code || mine[1].Ticket.Code != aLater.Code {
			t.Fatalf("A's tickets: %d %+v, want soon then later", total, mine)
		}
		if m := mine[0]; m.Ticket.State() != event.Waiting || m.Ticket.Position != 1 || m.Event.Title != "院士讲科学" || m.Event.Place != "市科技馆报告厅" {
			t.Errorf("A's waiting ticket: %+v", m)
		}
		for _, who := range []int64{a, b, 0, 9999} {
			list, _, err := es.Events.TicketsOf(ctx, who, time.Now(), 50, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range list {
				if m.Ticket.UserID != who || m.Ticket.Code == anon.Code {
					t.Errorf("user %d sees ticket %s of user %d", who, m.Ticket.Code, m.Ticket.UserID)
				}
			}
			if want := map[int64]int{a: 2, b: 1}[who]; len(list) != want {
				t.Errorf("user %d: %d tickets, want %d", who, len(list), want)
			}
		}
		if bl, _, _ := es.Events.TicketsOf(ctx, b, time.Now(), 50, 0); len(bl) != 1 || bl[0].Ticket.Code != bSoon.Code || bl[0].Ticket.Position != 2 {
			t.Errorf("B's list: %+v", bl)
		}

		// Once soon is over it moves after later.
		after := soon.EndsAt.Add(time.Hour)
		mine, _, _ = es.Events.TicketsOf(ctx, a, after, 50, 0)
		if len(mine) != 2 || mine[0].Ticket.Code != aLater.Code || mine[1].Upcoming(after) {
			t.Errorf("after soon ended: %+v, want later first", mine)
		}

		// The anonymous ticket is checked in; the cancellation moves A up.
		if err := es.Events.Cancel(ctx, anon.Code); err != nil {
			t.Fatal(err)
		}
		if _, err := es.Events.Sync(ctx, soon.ID, []event.Scan{{Ticket: aSoon.Code, Device: "d1", Nonce: "n1", At: time.Now()}}); err != nil {
			t.Fatal(err)
		}
		mine, _, _ = es.Events.TicketsOf(ctx, a, time.Now(), 50, 0)
		if st := mine[0].Ticket.State(); st != event.CheckedInState || mine[0].Ticket.Position != 0 {
			t.Errorf("A's ticket after promotion and check-in: %s (position %d)", st, mine[0].Ticket.Position)
		}
		// Paging.
		if page, total, _ := es.Events.TicketsOf(ctx, a, time.Now(), 1, 1); total != 2 || len(page) != 1 || page[0].Ticket.Code != aLater.Code {
			t.Errorf("second page: %d %+v", total, page)
		}
	})
}

// TestRegisterTwiceSignedIn: an account's second registration for an event
// — one after the other or many at once — gets its live ticket back with
// ErrRegistered and takes no seat; after a cancellation it may register
// again; a name alone may register any number of times, as before.
func TestRegisterTwiceSignedIn(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		const a = int64(9001)
		e := newEvent(t, es, "科技活动周", 10)
		first, err := es.Events.RegisterAs(ctx, e.ID, event.Registrant{Name: "李四", UserID: a})
		if err != nil {
			t.Fatal(err)
		}
		again, err := es.Events.RegisterAs(ctx, e.ID, event.Registrant{Name: "李四（重复）", UserID: a})
		if !errors.Is(err, event.ErrRegistered) || again.Code != first.Code {
			t.Fatalf("second registration: %+v, %v; want the first ticket and ErrRegistered", again, err)
		}
		errs := make(chan error, 6)
		codes := make(chan string, 6)
		for i := 0; i < 6; i++ {
			go func() {
				tk, err := es.Events.RegisterAs(ctx, e.ID, event.Registrant{Name: "李四", UserID: a})
				errs <- err
				codes <- tk.Code
			}()
		}
		for i := 0; i < 6; i++ {
			if err := <-errs; !errors.Is(err, event.ErrRegistered) {
				t.Errorf("registration at once: %v, want ErrRegistered", err)
			}
			if c := <-codes; c != first.Code {
				t.Errorf("registration at once: ticket %s, want %s", c, first.Code)
			}
		}
		got, _ := es.Events.Get(ctx, e.ID)
		if got.Confirmed != 1 {
			t.Errorf("seats taken: %d, want 1", got.Confirmed)
		}
		if err := es.Events.Cancel(ctx, first.Code); err != nil {
			t.Fatal(err)
		}
		next, err := es.Events.RegisterAs(ctx, e.ID, event.Registrant{Name: "李四", UserID: a})
		if err != nil || next.Code == first.Code {
			t.Fatalf("registering after a cancellation: %+v, %v", next, err)
		}
		for i := 0; i < 2; i++ {
			if _, err := es.Events.Register(ctx, e.ID, "李四"); err != nil {
				t.Fatalf("a name registering again: %v", err)
			}
		}
		if got, _ := es.Events.Get(ctx, e.ID); got.Confirmed != 3 {
			t.Errorf("seats taken: %d, want 3", got.Confirmed)
		}
	})
}
