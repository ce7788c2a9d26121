package event_test

import (
	"context"
	"fmt"
	"testing"

	"kexie/internal/db/dbtest"
	"kexie/internal/event"
	"kexie/internal/valid"
)

// Public registrations at once from one address are held to
// MaxRegistrationsPerHour: on PostgreSQL without the address's lock all 20
// went through (race review 51).
func TestRegistrationsAtOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "院士讲科学", 100)
		n := 0
		for _, err := range dbtest.AtOnce(20, func(i int) error {
			_, err := es.Events.RegisterFrom(ctx, e.ID, fmt.Sprint("张三", i), "one-address")
			return err
		}) {
			if err == nil {
				n++
			} else if _, ok := valid.As(err); !ok {
				t.Errorf("unexpected: %v", err)
			}
		}
		if n != event.MaxRegistrationsPerHour {
			t.Errorf("%d registered at once from one address, want %d", n, event.MaxRegistrationsPerHour)
		}
	})
}

// A smaller capacity set while people register never leaves more
// confirmed than seats: on PostgreSQL the capacity was checked against the
// confirmed count read before the registrations at once had taken their
// seats (race review 51).
func TestCapacityWhileRegistering(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "院士讲科学", 40)
		for i := 0; i < 10; i++ {
			if _, err := es.Events.Register(ctx, e.ID, fmt.Sprint("李四", i)); err != nil {
				t.Fatal(err)
			}
		}
		errs := dbtest.AtOnce(21, func(i int) error {
			if i == 0 {
				return es.Events.SetCapacity(ctx, e.ID, 12)
			}
			_, err := es.Events.Register(ctx, e.ID, fmt.Sprint("王五", i))
			return err
		})
		for _, err := range errs {
			if _, ok := valid.As(err); err != nil && !ok {
				t.Errorf("unexpected: %v", err)
			}
		}
		ev, err := es.Events.Get(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Confirmed > ev.Capacity {
			t.Errorf("%d confirmed for %d seats", ev.Confirmed, ev.Capacity)
		}
	})
}
