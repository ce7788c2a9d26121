package conference_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"kexie/internal/calendar"
	"kexie/internal/checkin"
	"kexie/internal/conference"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// register signs up n public registrants of conference id.
func register(t *testing.T, f *fixture, id int64, names ...string) []conference.Reg {
	t.Helper()
	var out []conference.Reg
	for i, n := range names {
		r, err := f.s.Register(context.Background(), id, conference.RegInput{Name: n, Contact: fmt.Sprintf("139123456%02d", i)})
		must(t, err)
		out = append(out, r)
	}
	return out
}

// A batch of a door's phone: a code counts once however often and by
// however many phones it is scanned (the form included); a code of another
// conference, an unknown code, a clock far ahead, a scan outside the
// conference's days and a scan missing a field are rejected with their
// reasons (another conference's code as an unknown one). Sent again, the batch is answered the same way and changes
// nothing. A phone offline on the last day counts its scans the next
// morning, until the summary fixes the attendance; a cancelled
// conference takes none.
func TestSyncAnswersEachScanOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc)) // 20–21 May 2026, 3 places
		other := f.open(t, good(f.soc))
		regs := register(t, f, id, "王一", "李二", "张三")
		foreign := register(t, f, other, "赵四")[0]
		*f.now = time.Date(2026, 5, 20, 9, 0, 0, 0, calendar.Beijing)
		at := func(min int) time.Time { return f.now.Add(time.Duration(min) * time.Minute) }
		batch := []checkin.Scan{
			{Ticket: strings.ToLower(regs[0].Code), Device: "A", Nonce: "1", At: at(-5)},
			{Ticket: regs[0].Code, Device: "A", Nonce: "2", At: at(-4)}, // scanned twice
			{Ticket: foreign.Code, Device: "A", Nonce: "3", At: at(-4)}, // another conference
			{Ticket: "2222-3333-4444", Device: "A", Nonce: "4", At: at(-3)},
			{Ticket: regs[1].Code, Device: "A", Nonce: "5", At: at(60 * 24)},                 // the phone's clock a day ahead
			{Ticket: regs[1].Code, Device: "A", Nonce: "6", At: at(-60 * 24 * 3)},            // three days before: not a check-in day
			{Device: "A", Nonce: "7", At: at(-2), WalkIn: true},                              // the door has no walk-ins
			{Ticket: regs[2].Code, Device: "", Nonce: "8", At: at(-2)},                       // no device
			{Ticket: regs[1].Code, Device: "A", Nonce: strings.Repeat("n", 101), At: at(-2)}, // nonce too long
			{Ticket: regs[1].Code, Device: "A", Nonce: "10", At: at(-1)},
		}
		want := checkin.Result{Accepted: 2, Duplicates: 1,
			Rejected: []checkin.Rejection{{Line: 3, Reason: conference.ReasonUnknown}, {Line: 4, Reason: conference.ReasonUnknown},
				{Line: 5, Reason: conference.ReasonFuture}, {Line: 6, Reason: conference.ReasonDays}, {Line: 7, Reason: conference.ReasonBad},
				{Line: 8, Reason: conference.ReasonBad}, {Line: 9, Reason: conference.ReasonBad}},
			Seen: []checkin.Seen{{Line: 1, Outcome: checkin.Accepted, Name: "王一"}, {Line: 2, Outcome: checkin.Duplicate, Name: "王一"},
				{Line: 10, Outcome: checkin.Accepted, Name: "李二"}}}
		res, err := f.s.Sync(ctx, id, batch, secretary)
		must(t, err)
		if !reflect.DeepEqual(res, want) {
			t.Errorf("first sync:\n got %+v\nwant %+v", res, want)
		}
		// The phone never heard the answer and sends the batch again.
		res, err = f.s.Sync(ctx, id, batch, secretary)
		must(t, err)
		if !reflect.DeepEqual(res, want) {
			t.Errorf("the batch again:\n got %+v\nwant %+v", res, want)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM conference_scans WHERE conf_id = ?`, id); n != 7 {
			t.Errorf("%d scans kept, want 7 (those with a device and a nonce)", n)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'conference.checkin_sync'`); n != 1 {
			t.Errorf("%d audit entries of syncs, want 1 (the batch again stored nothing)", n)
		}
		door, err := f.s.DoorCounts(ctx, id)
		must(t, err)
		if want := (conference.Door{Registered: 3, CheckedIn: 2, Duplicates: 1, Rejected: 4}); door != want {
			t.Errorf("door counts %+v, want %+v", door, want)
		}
		// A batch that holds one scan twice (same device and nonce) keeps
		// it once and answers the second as the first.
		twice := []checkin.Scan{{Ticket: regs[1].Code, Device: "C", Nonce: "1", At: at(0)}, {Ticket: regs[1].Code, Device: "C", Nonce: "1", At: at(0)},
			{Ticket: "2222-3333-4444", Device: "C", Nonce: "2", At: at(0)}, {Ticket: "2222-3333-4444", Device: "C", Nonce: "2", At: at(0)}}
		res, err = f.s.Sync(ctx, id, twice, secretary)
		must(t, err)
		if res.Duplicates != 2 || fmt.Sprint(res.Rejected) != fmt.Sprint([]checkin.Rejection{{Line: 3, Reason: conference.ReasonUnknown},
			{Line: 4, Reason: conference.ReasonUnknown}}) {
			t.Errorf("one scan twice in a batch: %+v", res)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM conference_scans WHERE conf_id = ? AND device = 'C'`, id); n != 2 {
			t.Errorf("%d scans kept of the batch with each twice, want 2", n)
		}
		// The rules are CheckIn's: the form and a second phone meet the
		// same answers.
		_, err = f.s.CheckIn(ctx, id, regs[0].Code, secretary)
		wantCode(t, err, "conference.err.checked_in")
		got, err := f.s.CheckIn(ctx, id, regs[2].Code, secretary)
		must(t, err)
		if got.CheckedInAt.IsZero() {
			t.Errorf("the form's check-in: %+v", got)
		}
		res, err = f.s.Sync(ctx, id, []checkin.Scan{{Ticket: regs[2].Code, Device: "B", Nonce: "1", At: at(0)}}, secretary)
		must(t, err)
		if res.Accepted != 0 || res.Duplicates != 1 || len(res.Rejected) != 0 {
			t.Errorf("a second phone after the form: %+v", res)
		}
		if c, _ := f.s.Get(ctx, id); c.CheckedIn != 3 {
			t.Errorf("checked in %d, want 3", c.CheckedIn)
		}
		// The audit log holds the form's check-in too.
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'conference.checkin'`); n != 1 {
			t.Errorf("%d audit entries of the form's check-ins, want 1", n)
		}
	})
}

// A phone offline on the conference's last day sends its scans the next
// morning: they count (the day is the scan's), until the summary is filed
// and has fixed the attendance; then a scan is refused, and a scan sent
// before is still answered as it was. A cancelled conference takes no
// check-in.
func TestSyncAfterTheLastDay(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc))
		off := f.open(t, good(f.soc))
		regs := register(t, f, id, "王一", "李二", "张三")
		gone := register(t, f, off, "赵四")[0]
		must(t, f.s.Cancel(ctx, off, "场地调整，会议取消", secretary))
		lastEvening := time.Date(2026, 5, 21, 22, 0, 0, 0, calendar.Beijing)
		*f.now = time.Date(2026, 5, 22, 8, 30, 0, 0, calendar.Beijing)
		must(t, f.s.MarkHeld(ctx, id, secretary))
		late := []checkin.Scan{{Ticket: regs[0].Code, Device: "A", Nonce: "1", At: lastEvening}}
		res, err := f.s.Sync(ctx, id, late, secretary)
		must(t, err)
		if res.Accepted != 1 {
			t.Errorf("the last evening's scan the next morning: %+v", res)
		}
		_, err = f.s.CheckIn(ctx, id, regs[1].Code, secretary) // the form, today
		wantCode(t, err, "conference.err.checkin_days")
		must(t, f.s.FileSummary(ctx, id, conference.SummaryInput{Attendance: "1", Papers: "0",
			Outcome: "会议交流论文若干篇，形成钒钛产业技术路线建议一份。"}, secretary))
		res, err = f.s.Sync(ctx, id, []checkin.Scan{{Ticket: regs[1].Code, Device: "B", Nonce: "1", At: lastEvening}}, secretary)
		must(t, err)
		if want := []checkin.Rejection{{Line: 1, Reason: conference.ReasonSummarized}}; !reflect.DeepEqual(res.Rejected, want) {
			t.Errorf("after the summary: %+v", res)
		}
		res, err = f.s.Sync(ctx, id, late, secretary)
		must(t, err)
		if res.Accepted != 1 || len(res.Rejected) != 0 {
			t.Errorf("the first scan again after the summary: %+v, want answered as before", res)
		}
		if c, _ := f.s.Get(ctx, id); c.CheckedIn != 1 || c.Summary.Attendance != 1 {
			t.Errorf("checked in %d, summary %d", c.CheckedIn, c.Summary.Attendance)
		}
		*f.now = time.Date(2026, 5, 20, 9, 0, 0, 0, calendar.Beijing)
		res, err = f.s.Sync(ctx, off, []checkin.Scan{{Ticket: gone.Code, Device: "A", Nonce: "1", At: *f.now}}, secretary)
		must(t, err)
		if want := []checkin.Rejection{{Line: 1, Reason: conference.ReasonClosed}}; !reflect.DeepEqual(res.Rejected, want) {
			t.Errorf("a cancelled conference: %+v", res)
		}
		if _, err := f.s.Sync(ctx, 999, late, secretary); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("no such conference: %v, want not found", err)
		}
	})
}

// Phones and the form at once, each with the same code: it is checked in
// once, one of them hears "checked in", the others "in before".
func TestSyncAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		in := good(f.soc)
		in.Capacity = "50"
		id := f.open(t, in)
		regs := register(t, f, id, "王一", "李二")
		*f.now = time.Date(2026, 5, 20, 9, 0, 0, 0, calendar.Beijing)
		const n = 12
		results := make([]checkin.Result, n)
		form := 0
		errs := dbtest.AtOnce(n, func(i int) error {
			if i == n-1 {
				_, err := f.s.CheckIn(ctx, id, regs[0].Code, secretary)
				if err != nil && !strings.Contains(fmt.Sprint(err), "checked_in") {
					return err
				}
				if err == nil {
					form = 1
				}
				return nil
			}
			// Each phone sends both codes, in an order of its own.
			scans := []checkin.Scan{{Ticket: regs[0].Code, Device: fmt.Sprint("P", i), Nonce: "1", At: *f.now},
				{Ticket: regs[1].Code, Device: fmt.Sprint("P", i), Nonce: "2", At: *f.now}}
			if i%2 == 1 {
				scans[0], scans[1] = scans[1], scans[0]
			}
			var err error
			results[i], err = f.s.Sync(ctx, id, scans, secretary)
			return err
		})
		accepted, dup := 0, 0
		for i, err := range errs {
			if err != nil {
				t.Errorf("%d: %v", i, err)
			}
			accepted += results[i].Accepted
			dup += results[i].Duplicates
		}
		// The phones sent 2(n-1) scans: each counted or was in before.
		if accepted+form != 2 || accepted+dup != 2*(n-1) {
			t.Errorf("at once: %d accepted by the phones, %d by the form, %d duplicates; want 2 in all, and %d scans answered",
				accepted, form, dup, 2*(n-1))
		}
		if c, _ := f.s.Get(ctx, id); c.CheckedIn != 2 {
			t.Errorf("checked in %d, want 2", c.CheckedIn)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM conference_regs WHERE conf_id = ? AND checked_in_at > 0`, id); n != 2 {
			t.Errorf("%d registrations in, want 2", n)
		}
	})
}

// A door's phone learns nothing of another conference: a code of one is
// answered as a code that does not exist (the form says the same), and no
// name or reason tells them apart.
func TestSyncHidesOtherConferences(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc))
		other := f.open(t, good(f.soc))
		foreign := register(t, f, other, "赵四")[0]
		*f.now = time.Date(2026, 5, 20, 9, 0, 0, 0, calendar.Beijing)
		res, err := f.s.Sync(ctx, id, []checkin.Scan{{Ticket: foreign.Code, Device: "A", Nonce: "1", At: *f.now},
			{Ticket: "2222-3333-4444", Device: "A", Nonce: "2", At: *f.now}}, secretary)
		must(t, err)
		want := checkin.Result{Rejected: []checkin.Rejection{{Line: 1, Reason: conference.ReasonUnknown}, {Line: 2, Reason: conference.ReasonUnknown}}}
		if !reflect.DeepEqual(res, want) {
			t.Errorf("another conference's code and an unknown one:\n got %+v\nwant %+v", res, want)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM conference_scans WHERE reason = ?`, conference.ReasonOtherConf); n != 0 {
			t.Errorf("%d scans kept as another conference's", n)
		}
	})
}

// A phone's scans are judged at the time it says it scanned them, so an
// organiser's phone could add check-ins weeks after the conference, dated
// on its days, until the summary is filed (D246.7, review 51's F4). The
// scans of the last day are taken until SyncDays after it, no later.
func TestSyncNotWeeksLater(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc)) // 20–21 May 2026
		regs := register(t, f, id, "王一", "李二")
		lastDay := time.Date(2026, 5, 21, 16, 0, 0, 0, calendar.Beijing)
		*f.now = time.Date(2026, 5, 21, 18, 0, 0, 0, calendar.Beijing).AddDate(0, 0, conference.SyncDays)
		must(t, f.s.MarkHeld(ctx, id, secretary))
		res, err := f.s.Sync(ctx, id, []checkin.Scan{{Ticket: regs[0].Code, Device: "A", Nonce: "1", At: lastDay}}, secretary)
		must(t, err)
		if res.Accepted != 1 {
			t.Errorf("the last day's scan %d days later: %+v", conference.SyncDays, res)
		}
		*f.now = time.Date(2026, 6, 15, 10, 0, 0, 0, calendar.Beijing)
		res, err = f.s.Sync(ctx, id, []checkin.Scan{{Ticket: regs[1].Code, Device: "A", Nonce: "2", At: lastDay}}, secretary)
		must(t, err)
		if want := []checkin.Rejection{{Line: 1, Reason: conference.ReasonDays}}; res.Accepted != 0 || !reflect.DeepEqual(res.Rejected, want) {
			t.Errorf("a scan dated on the last day sent weeks later: %+v", res)
		}
		if c, _ := f.s.Get(ctx, id); c.CheckedIn != 1 {
			t.Errorf("checked in %d, want 1", c.CheckedIn)
		}
	})
}

// A scan whose device or nonce holds a NUL (JSON's \u0000), which
// PostgreSQL cannot store, is rejected as not sound; it does not fail the
// batch, which the phone would send again and again with every scan after
// it.
func TestSyncNulInAScan(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc))
		regs := register(t, f, id, "王一", "李二")
		*f.now = time.Date(2026, 5, 20, 9, 0, 0, 0, calendar.Beijing)
		scans, err := checkin.Decode(strings.NewReader(fmt.Sprintf(`{"scans":[
			{"ticket":%q,"device":"A\u0000","nonce":"1","at":"2026-05-20T01:00:00Z"},
			{"ticket":%q,"device":"A","nonce":"2\u0000","at":"2026-05-20T01:00:00Z"},
			{"ticket":%q,"device":"A","nonce":"3","at":"2026-05-20T01:00:00Z"}]}`, regs[0].Code, regs[1].Code, regs[1].Code)))
		must(t, err)
		res, err := f.s.Sync(ctx, id, scans, secretary)
		must(t, err)
		want := []checkin.Rejection{{Line: 1, Reason: conference.ReasonBad}, {Line: 2, Reason: conference.ReasonBad}}
		if res.Accepted != 1 || !reflect.DeepEqual(res.Rejected, want) {
			t.Errorf("a batch with NULs: %+v", res)
		}
	})
}

// A conference keeps at most conference.MaxScans(c) scans: an organiser's
// script sending batch after batch of made-up codes (5,000 a request, each
// with a fresh nonce) cannot fill the database. Past the bound a scan is
// still judged and a code still lets its holder in; the scan is not kept.
func TestSyncKeepsBoundedScans(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc)) // 3 places
		regs := register(t, f, id, "王一")
		*f.now = time.Date(2026, 5, 20, 9, 0, 0, 0, calendar.Beijing)
		c, err := f.s.Get(ctx, id)
		must(t, err)
		bound := conference.MaxScans(c)
		var flood []checkin.Scan
		for i := 0; i < bound+100; i++ {
			flood = append(flood, checkin.Scan{Ticket: fmt.Sprintf("2222-3333-%04d", i), Device: "X", Nonce: fmt.Sprint(i), At: *f.now})
		}
		res, err := f.s.Sync(ctx, id, flood, secretary)
		must(t, err)
		if len(res.Rejected) != bound+100 {
			t.Errorf("%d of %d made-up codes rejected", len(res.Rejected), bound+100)
		}
		res, err = f.s.Sync(ctx, id, []checkin.Scan{{Ticket: regs[0].Code, Device: "A", Nonce: "1", At: *f.now}}, secretary)
		must(t, err)
		if res.Accepted != 1 {
			t.Errorf("a real code past the bound: %+v", res)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM conference_scans WHERE conf_id = ?`, id); n > bound {
			t.Errorf("%d scans kept, want at most %d", n, bound)
		}
		if c, _ := f.s.Get(ctx, id); c.CheckedIn != 1 {
			t.Errorf("checked in %d, want 1", c.CheckedIn)
		}
	})
}
