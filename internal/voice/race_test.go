package voice_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/voice"
)

// Steps at once on one item see each other: of 40 acceptances and
// refusals of one submitted item, one goes through and one is on the
// timeline. On PostgreSQL without the item's row lock several went
// through, each on the timeline (race review 51).
func TestStepsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		it, _ := f.file(t, f.city, "人才公寓申请")
		errs := dbtest.AtOnce(40, func(i int) error {
			by := voice.Actor{UserID: int64(300 + i), Name: fmt.Sprint("受理", i)}
			if i%2 == 0 {
				return f.s.Accept(ctx, it.ID, by)
			}
			return f.s.Decline(ctx, it.ID, "不属于本会职责范围", by)
		})
		ok := dbtest.Went(t, errs, func(err error) bool { return strings.Contains(fmt.Sprint(err), "voice.err.status") })
		k := count(t, d, `SELECT COUNT(*) FROM voice_events WHERE item_id = ? AND action IN ('accept', 'decline')`, it.ID)
		if ok != 1 || k != 1 {
			t.Errorf("%d steps went through, %d on the timeline, want 1", ok, k)
		}
	})
}

// The closing run on several nodes at once closes a due answer once: one
// "close" on the timeline and in the count. On PostgreSQL each run read
// the item as answered, and every one whose conditional UPDATE then changed
// nothing still wrote its "close" (race review 51).
func TestCloseDueAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		it, _ := f.file(t, f.city, "无人评价的答复")
		must(t, f.s.Accept(ctx, it.ID, clerk))
		must(t, f.s.Assign(ctx, it.ID, "wang", clerk))
		must(t, f.s.Answer(ctx, it.ID, "答复内容。", wang))
		*f.now = f.now.AddDate(0, 0, 20)
		closed := make([]int, 4)
		errs := dbtest.AtOnce(4, func(i int) error {
			var err error
			closed[i], err = f.s.CloseDue(ctx)
			return err
		})
		sum := 0
		for i, err := range errs {
			must(t, err)
			sum += closed[i]
		}
		k := count(t, d, `SELECT COUNT(*) FROM voice_events WHERE item_id = ? AND action = 'close'`, it.ID)
		if sum != 1 || k != 1 {
			t.Errorf("closed %d times, %d on the timeline, want 1", sum, k)
		}
	})
}

// Public filings at once from one address are held to MaxPerHour: on
// PostgreSQL without the address's lock most of 20 went through.
func TestFilingsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		in := voice.FileInput{OrgID: f.city.ID, Kind: voice.Request, Topic: "talent_policy", Title: "人才公寓申请",
			Body: "引进人才申请人才公寓，需要哪些材料？办理时限多长？", Contact: "13912345678", Source: "s1"}
		errs := dbtest.AtOnce(20, func(int) error {
			_, _, err := f.s.File(ctx, in)
			return err
		})
		for _, err := range errs {
			if err != nil && !strings.Contains(fmt.Sprint(err), "voice.err.rate") {
				t.Errorf("unexpected: %v", err)
			}
		}
		if k := count(t, d, `SELECT COUNT(*) FROM voice_items WHERE source = ?`, "s1"); k != voice.MaxPerHour {
			t.Errorf("%d filed at once from one address, want %d", k, voice.MaxPerHour)
		}
	})
}

// Nodes starting at once queue one closing run: on PostgreSQL each counted
// none queued and each queued one (race review 51).
func TestScheduleAtOnce(t *testing.T) {
	dbtest.Run(t, append(sets, jobs.Migrations()), func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		f.s.UseJobs(jobs.NewRunner(d, jobs.Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))}))
		for _, err := range dbtest.AtOnce(10, func(int) error { return f.s.ScheduleClosing(ctx) }) {
			must(t, err)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM jobs WHERE kind = ?`, voice.CloseKind); n != 1 {
			t.Errorf("%d closing runs queued by 10 nodes at once, want 1", n)
		}
	})
}

// The filer rating an answer 30 times at once (a double-clicked form)
// rates it once: on PostgreSQL each read it as answered and each wrote a
// "rate" on the timeline (race review 51).
func TestRatingsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		it, code := f.file(t, f.city, "人才公寓申请")
		must(t, f.s.Accept(ctx, it.ID, clerk))
		must(t, f.s.Assign(ctx, it.ID, "wang", clerk))
		must(t, f.s.Answer(ctx, it.ID, "答复内容。", wang))
		for _, err := range dbtest.AtOnce(30, func(int) error { return f.s.Rate(ctx, it.ID, voice.Satisfied, voice.Filer{Code: code}) }) {
			if err != nil && !strings.Contains(fmt.Sprint(err), "voice.err.status") {
				t.Errorf("unexpected: %v", err)
			}
		}
		if k := count(t, d, `SELECT COUNT(*) FROM voice_events WHERE item_id = ? AND action = 'rate'`, it.ID); k != 1 {
			t.Errorf("%d ratings on the timeline, want 1", k)
		}
	})
}
