package notify_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/measure"
	"kexie/internal/notify"
)

// A sender failing mid-batch makes the job retry; the retry sends only what
// is still pending, so nobody gets the message twice and everybody gets it.
func TestSendRetriesWithoutDuplicates(t *testing.T) {
	eachDB(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		old := notify.Chunk
		notify.Chunk = 4
		t.Cleanup(func() { notify.Chunk = old })
		const n = 10
		for i := 0; i < n; i++ {
			f.subscriber(t, fmt.Sprintf("1390000%04d", i), f.City.ID, notify.Follow{})
		}
		codes := len(f.Log.Sent())
		var calls atomic.Int32
		f.Log.Fail = func(o notify.Out) error {
			if c := calls.Add(1); c == 6 || c == 7 { // the 6th and 7th sends fail, in the second chunk
				return errors.New("gateway timeout")
			}
			return nil
		}
		id, err := f.Store.Announce(ctx, notify.Message{Key: "kepu:1", OrgID: f.City.ID, Title: "防汛科普", Link: "/kepu/a/1", Summary: "汛期安全知识"})
		if err != nil {
			t.Fatal(err)
		}
		// Announcing the same key again is a no-op.
		if again, err := f.Store.Announce(ctx, notify.Message{Key: "kepu:1", OrgID: f.City.ID, Title: "防汛科普"}); err != nil || again != id {
			t.Fatalf("announce again: %d %v", again, err)
		}
		f.waitSent(t, id)
		got := map[string]int{}
		for _, o := range f.Log.Sent()[codes:] {
			got[o.To]++
			if o.Unsubscribe == "" || o.Title != "防汛科普" {
				t.Fatalf("out: %+v", o)
			}
		}
		if len(got) != n {
			t.Fatalf("%d recipients reached, want %d", len(got), n)
		}
		for to, c := range got {
			if c != 1 {
				t.Fatalf("%s got the message %d times", to, c)
			}
		}
		if calls.Load() != n+2 {
			t.Fatalf("sender called %d times, want %d (two failures retried)", calls.Load(), n+2)
		}
		ms, _, err := f.Store.Messages(ctx, notify.MessageFilter{Scope: access.Everywhere()})
		if err != nil || len(ms) != 1 || ms[0].Recipients != n || ms[0].Sent != n || ms[0].Failed != 0 {
			t.Fatalf("stats: %+v %v", ms, err)
		}
		// The measure counts deliveries in the sender's subtree only.
		reg, err := measure.NewRegistry(f.Store.Sources())
		if err != nil {
			t.Fatal(err)
		}
		v, err := reg.Value(ctx, "notify.deliveries", access.Subtrees(f.City.Path), measure.Period{})
		if err != nil || v != n {
			t.Fatalf("deliveries in city: %v %v", v, err)
		}
		if v, _ := reg.Value(ctx, "notify.deliveries", access.Subtrees(f.Peer.Path), measure.Period{}); v != 0 {
			t.Fatalf("deliveries in peer: %v", v)
		}
		if v, _ := reg.Value(ctx, "notify.deliveries", access.Scope{}, measure.Period{}); v != 0 {
			t.Fatalf("deliveries in zero scope: %v", v)
		}
	})
}

// A message reaches the accounts of the sender's subtree that follow one of
// its audiences (or none), live in its region, and have not unsubscribed.
func TestTargetingAndUnsubscribe(t *testing.T) {
	eachDB(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		farmer := f.subscriber(t, "13900000001", f.City.ID, notify.Follow{Audiences: []string{"farmers"}, RegionCode: "510411"})
		f.subscriber(t, "13900000002", f.City.ID, notify.Follow{Audiences: []string{"youth"}}) // other audience
		all := f.subscriber(t, "13900000003", f.City.ID, notify.Follow{})                      // everything
		f.subscriber(t, "13900000004", f.City.ID, notify.Follow{RegionCode: "341100"})         // other region
		f.subscriber(t, "13900000005", f.Peer.ID, notify.Follow{})                             // other org
		gone := f.subscriber(t, "w@example.cn", f.City.ID, notify.Follow{})                    // unsubscribes
		tok := f.Store.UnsubscribeToken(gone.ID)
		id, ok := f.Store.UnsubscribeAccount(tok)
		if !ok || id != gone.ID {
			t.Fatal("token")
		}
		if _, ok := f.Store.UnsubscribeAccount(tok + "x"); ok {
			t.Fatal("a tampered token was accepted")
		}
		if err := f.Store.Unsubscribe(ctx, id); err != nil {
			t.Fatal(err)
		}
		if err := f.Store.Unsubscribe(ctx, id); err != nil {
			t.Fatalf("twice: %v", err)
		}
		before := len(f.Log.Sent())
		msg, err := f.Store.Announce(ctx, notify.Message{Key: "kepu:2", OrgID: f.City.ID, Title: "春耕科普",
			Audiences: []string{"farmers", "elderly"}, RegionCode: "510400"})
		if err != nil {
			t.Fatal(err)
		}
		f.waitSent(t, msg)
		var to []string
		for _, o := range f.Log.Sent()[before:] {
			to = append(to, o.To)
		}
		if len(to) != 2 || !(to[0] == "13900000001" && to[1] == "13900000003" || to[1] == "13900000001" && to[0] == "13900000003") {
			t.Fatalf("sent to %v", to)
		}
		// Inbox and open mark.
		items, unread, err := f.Store.Inbox(ctx, farmer.ID, 10, 0)
		if err != nil || len(items) != 1 || unread != 1 || items[0].Title != "春耕科普" {
			t.Fatalf("inbox: %+v %d %v", items, unread, err)
		}
		if ok, err := f.Store.MarkOpened(ctx, msg, farmer.ID); !ok || err != nil {
			t.Fatal(ok, err)
		}
		if err := f.Store.OpenedByToken(ctx, f.Store.OpenToken(msg, all.ID)); err != nil {
			t.Fatal(err)
		}
		ms, _, _ := f.Store.Messages(ctx, notify.MessageFilter{Scope: access.Subtrees(f.City.Path)})
		if len(ms) != 1 || ms[0].Opened != 2 || ms[0].Sent != 2 {
			t.Fatalf("stats: %+v", ms)
		}
		if ms, _, _ := f.Store.Messages(ctx, notify.MessageFilter{Scope: access.Subtrees(f.Peer.Path)}); len(ms) != 0 {
			t.Fatalf("peer sees %d messages", len(ms))
		}
		total, byAud, _, err := f.Store.SubscriberCounts(ctx, access.Subtrees(f.City.Path))
		if err != nil || total != 4 || len(byAud) != 3 {
			t.Fatalf("counts: %d %+v %v", total, byAud, err)
		}
		// Tell reaches a contact through a job.
		before = len(f.Log.Sent())
		if err := f.Store.Tell(ctx, "t@example.cn", "辟谣：喝醋不能软化血管", "/kepu/a/9"); err != nil {
			t.Fatal(err)
		}
		f.Runner.Notify()
		deadline := time.Now().Add(10 * time.Second)
		for len(f.Log.Sent()) == before && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if o, ok := f.Log.Last("t@example.cn"); !ok || o.Link != "/kepu/a/9" {
			t.Fatalf("tell: %+v %v", o, ok)
		}
	})
}
