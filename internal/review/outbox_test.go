package review_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
)

type failing struct{ after int }

func (f *failing) Send(context.Context, review.Message) error {
	if f.after == 0 {
		return errors.New("smtp: connection refused")
	}
	f.after--
	return nil
}

// The outbox hands every notice to the sender once, oldest first; a
// failure stops the run and leaves the rest (and the failed one) for the
// next; a claim left by a node that died is taken over after ClaimFor.
func TestOutbox(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		f.finalCall(t) // the applicant is told of the decision and of the award
		var log bytes.Buffer
		first := &review.LogSender{W: &log}
		if n, err := f.s.Deliver(ctx, &failing{after: 1}, 10); n != 1 || err == nil {
			t.Fatalf("failing sender: %d %v", n, err)
		}
		n, err := f.s.Deliver(ctx, first, 10)
		if err != nil || n < 1 {
			t.Fatalf("deliver: %d %v", n, err)
		}
		keys := map[string]bool{}
		for _, m := range first.Sent {
			keys[m.Key] = true
			if m.UserID != 11 {
				t.Errorf("a notice to user %d", m.UserID)
			}
		}
		if !keys["review.notice.awarded"] || !strings.Contains(log.String(), "review.notice.awarded") {
			t.Errorf("sent %v; log %s", first.Sent, log.String())
		}
		again := &review.LogSender{}
		if n, _ := f.s.Deliver(ctx, again, 10); n != 0 {
			t.Errorf("sent twice: %d", n)
		}
		// A claim whose node died: taken over only after ClaimFor.
		if _, err := d.Exec(ctx, `UPDATE review_notices SET sent_at = ? WHERE id = ?`, -db.Millis(f.now.Add(-time.Minute)), first.Sent[0].ID); err != nil {
			t.Fatal(err)
		}
		if n, _ := f.s.Deliver(ctx, again, 10); n != 0 {
			t.Errorf("a fresh claim taken over: %d", n)
		}
		f.advance(review.ClaimFor)
		if n, _ := f.s.Deliver(ctx, again, 10); n != 1 || again.Sent[0].ID != first.Sent[0].ID {
			t.Errorf("a stale claim not taken over: %d", n)
		}
	})
}
