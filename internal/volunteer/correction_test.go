package volunteer_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/volunteer"
)

func (f *fixture) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := f.d.QueryRow(context.Background(), `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCorrections(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		v := f.volunteer(t, 1, "张三", 10)
		city, peer := access.Subtrees(f.city.Path), access.Subtrees(f.peer.Path)
		first := f.serve(t, v, 3*time.Hour+30*time.Minute) // 210 minutes

		// Bad input: precise refusals, nothing written.
		in := func(minutes int, reason string) volunteer.CorrectionInput {
			return volunteer.CorrectionInput{VolunteerID: v.ID, EntrySeq: first.Seq, Minutes: minutes, Reason: reason}
		}
		_, err := f.s.FileCorrection(ctx, in(0, "签退时间记错"), city, 1)
		wantCode(t, err, "volunteer.err.correct_zero")
		_, err = f.s.FileCorrection(ctx, in(-60, "  "), city, 1)
		wantCode(t, err, "volunteer.err.reason")
		_, err = f.s.FileCorrection(ctx, in(25*60, "补记"), city, 1)
		wantCode(t, err, "volunteer.err.correct_day")
		_, err = f.s.FileCorrection(ctx, volunteer.CorrectionInput{VolunteerID: v.ID, EntrySeq: 999, Minutes: -10, Reason: "记错"}, city, 1)
		wantCode(t, err, "volunteer.err.entry")
		if _, err = f.s.FileCorrection(ctx, in(-60, "记错"), peer, 1); !errors.Is(err, access.ErrDenied) {
			t.Fatalf("out of scope: %v", err)
		}
		_, err = f.s.FileCorrection(ctx, in(60, "给自己加"), city, 10)
		wantCode(t, err, "volunteer.err.own_hours")
		_, err = f.s.FileCorrection(ctx, in(-211, "多减了"), city, 1)
		wantCode(t, err, "volunteer.err.correct_over")
		_, err = f.s.FileCorrection(ctx, in(21*60, "当天还有讲座"), city, 1) // 3.5 h + 21 h > 24 h
		wantCode(t, err, "volunteer.err.day_over")
		if n := f.count(t, "volunteer_corrections"); n != 0 {
			t.Fatalf("a refused correction wrote %d rows", n)
		}

		// Filed: nothing in the ledger until another person approves.
		id, err := f.s.FileCorrection(ctx, in(-60, "签退时间记错，实际服务 2.5 小时"), city, 1)
		if err != nil {
			t.Fatal(err)
		}
		// Two corrections in flight cannot together overdraw the entry.
		_, err = f.s.FileCorrection(ctx, in(-160, "再减"), city, 2)
		wantCode(t, err, "volunteer.err.correct_over")
		wantCode(t, f.s.DecideCorrection(ctx, id, true, city, 1), "volunteer.err.own_correction")
		wantCode(t, f.s.DecideCorrection(ctx, id, true, city, 10), "volunteer.err.own_hours")
		if err := f.s.DecideCorrection(ctx, id, true, peer, 2); !errors.Is(err, access.ErrDenied) {
			t.Fatalf("peer decided: %v", err)
		}
		if got, _ := f.s.Volunteer(ctx, v.ID); got.Minutes != 210 {
			t.Fatalf("minutes before approval = %d", got.Minutes)
		}
		if err := f.s.DecideCorrection(ctx, id, true, city, 2); err != nil {
			t.Fatal(err)
		}
		wantCode(t, f.s.DecideCorrection(ctx, id, true, city, 3), "volunteer.err.decided")
		if got, _ := f.s.Volunteer(ctx, v.ID); got.Minutes != 150 {
			t.Fatalf("minutes after approval = %d, want 150", got.Minutes)
		}
		led, _ := f.s.Ledger(ctx, v.ID, 10)
		if len(led) != 2 || led[0].Source != volunteer.SourceCorrection || led[0].Minutes != -60 || led[0].Corrects != first.Seq ||
			led[0].Reason != "签退时间记错，实际服务 2.5 小时" || led[0].Day != first.Day || led[0].ByUser != 2 {
			t.Fatalf("ledger = %+v", led)
		}
		c, _ := f.s.Correction(ctx, id)
		if c.Status != volunteer.Approved || c.LedgerSeq != led[0].Seq || c.DecidedBy != 2 {
			t.Fatalf("correction = %+v", c)
		}
		// The entry now holds 150 minutes: taking 151 off is refused.
		_, err = f.s.FileCorrection(ctx, in(-151, "再减"), city, 1)
		wantCode(t, err, "volunteer.err.correct_over")
		// A correction is not itself corrected.
		_, err = f.s.FileCorrection(ctx, volunteer.CorrectionInput{VolunteerID: v.ID, EntrySeq: led[0].Seq, Minutes: 10, Reason: "改回"}, city, 1)
		wantCode(t, err, "volunteer.err.correct_correction")

		// A rejected correction leaves the ledger alone.
		id2, err := f.s.FileCorrection(ctx, in(30, "漏记半小时"), city, 1)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.DecideCorrection(ctx, id2, false, city, 2); err != nil {
			t.Fatal(err)
		}
		if got, _ := f.s.Volunteer(ctx, v.ID); got.Minutes != 150 || f.count(t, "volunteer_hours") != 2 {
			t.Fatalf("a rejection changed the ledger: %d", got.Minutes)
		}
		cs, _ := f.s.CorrectionsOf(ctx, v.ID)
		if len(cs) != 2 || cs[0].Status != volunteer.Rejected || cs[1].Status != volunteer.Approved || cs[1].EntryDay != first.Day {
			t.Fatalf("corrections = %+v", cs)
		}
		var audits int
		d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action LIKE 'volunteer.correction_%'`).Scan(&audits)
		if audits != 4 {
			t.Fatalf("audit records = %d, want 4", audits)
		}

		// The chain still verifies after corrections.
		rep, err := f.s.VerifyLedger(ctx)
		if err != nil || !rep.OK() || rep.Checked != 2 {
			t.Fatalf("verify = %+v, %v", rep, err)
		}
	})
}

// TestCorrectionFlagsStar: a correction taking an awarded star's basis
// below its hours flags the star for review (it still stands); staff keep
// or revoke it; a revoked level reached again starts a new 公示.
func TestCorrectionFlagsStar(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		v := f.volunteer(t, 1, "张三", 10)
		city := access.Subtrees(f.city.Path)
		var last volunteer.Entry
		for i := 0; i < 5; i++ {
			last = f.serve(t, v, 20*time.Hour)
			*f.now = f.now.Add(4 * time.Hour)
		}
		stars, _ := f.s.Stars(ctx, v.ID)
		*f.now = stars[0].PublicityTo.Add(time.Hour) // awarded
		if volunteer.StarCount(stars, *f.now) != 1 {
			t.Fatal("no star after the 公示")
		}
		correct := func(minutes int, reason string) {
			t.Helper()
			id, err := f.s.FileCorrection(ctx, volunteer.CorrectionInput{VolunteerID: v.ID, EntrySeq: last.Seq, Minutes: minutes, Reason: reason}, city, 1)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.s.DecideCorrection(ctx, id, true, city, 2); err != nil {
				t.Fatal(err)
			}
		}
		wantCode(t, f.s.ReviewStar(ctx, v.ID, 1, false, city, 2), "volunteer.err.star_not_flagged")
		correct(-120, "重复签退，多记 2 小时")
		stars, _ = f.s.Stars(ctx, v.ID)
		if !stars[0].UnderReview() || !stars[0].Awarded(*f.now) {
			t.Fatalf("after the correction: %+v (want flagged and still standing)", stars[0])
		}
		wantCode(t, f.s.ReviewStar(ctx, v.ID, 1, false, city, 10), "volunteer.err.own_hours")
		if err := f.s.ReviewStar(ctx, v.ID, 1, false, access.Subtrees(f.peer.Path), 2); !errors.Is(err, access.ErrDenied) {
			t.Fatalf("peer reviewed: %v", err)
		}
		if err := f.s.ReviewStar(ctx, v.ID, 1, false, city, 2); err != nil {
			t.Fatal(err)
		}
		stars, _ = f.s.Stars(ctx, v.ID)
		if stars[0].UnderReview() || stars[0].Awarded(*f.now) || stars[0].ReviewOutcome != volunteer.StarRevoked {
			t.Fatalf("after revoking: %+v", stars[0])
		}
		wantCode(t, f.s.ReviewStar(ctx, v.ID, 1, true, city, 2), "volunteer.err.star_not_flagged")
		// Back to 100 hours: a new 公示, not the old star.
		correct(120, "核实后恢复")
		stars, _ = f.s.Stars(ctx, v.ID)
		if len(stars) != 1 || stars[0].ReviewOutcome != "" || stars[0].Awarded(*f.now) || !stars[0].PublicityTo.After(*f.now) {
			t.Fatalf("reached again: %+v", stars[0])
		}
		var flags int
		d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action IN ('volunteer.star_flag', 'volunteer.star_review')`).Scan(&flags)
		if flags != 2 {
			t.Fatalf("star audit records = %d, want 2", flags)
		}
		if rep, err := f.s.VerifyLedger(ctx); err != nil || !rep.OK() || rep.Checked != 7 {
			t.Fatalf("verify = %+v, %v", rep, err)
		}
	})
}

// TestCorrectionApprovalsRace: pairs of pending corrections that together
// would take an entry below zero (filed at the same instant, so neither saw
// the other) are approved at once: in each pair one passes and the other
// is refused, never both.
func TestCorrectionApprovalsRace(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		city := access.Subtrees(f.city.Path)
		const pairs = 12
		errs := make(chan error, 2*pairs)
		var vols []volunteer.Volunteer
		var jobs []int64
		for p := 0; p < pairs; p++ {
			v := f.volunteer(t, 10+p, "志愿者", 0)
			vols = append(vols, v)
			e := f.serve(t, v, 150*time.Minute)
			for i := 0; i < 2; i++ {
				id := int64(9000 + 2*p + i)
				if _, err := d.Exec(ctx, `INSERT INTO volunteer_corrections (id, volunteer_id, entry_seq, minutes, reason, status, filed_by, created_at)
					VALUES (?, ?, ?, -100, '重复签退', 'pending', 1, 0)`, id, v.ID, e.Seq); err != nil {
					t.Fatal(err)
				}
				jobs = append(jobs, id)
			}
		}
		for _, id := range jobs {
			go func() { errs <- f.s.DecideCorrection(ctx, id, true, city, 2) }()
		}
		var failed int
		for range jobs {
			if err := <-errs; err != nil {
				wantCode(t, err, "volunteer.err.correct_over")
				failed++
			}
		}
		for _, v := range vols {
			if got, _ := f.s.Volunteer(ctx, v.ID); got.Minutes != 50 {
				t.Errorf("%d: minutes %d, want 50", v.ID, got.Minutes)
			}
		}
		if failed != pairs {
			t.Fatalf("%d refused, want %d", failed, pairs)
		}
		if rep, err := f.s.VerifyLedger(ctx); err != nil || !rep.OK() || rep.Checked != 2*pairs {
			t.Fatalf("verify = %+v, %v", rep, err)
		}
	})
}
