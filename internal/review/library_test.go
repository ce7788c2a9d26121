package review_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
)

// finalCall runs reviewedCall to its final result: the one application
// scored 80 and awarded.
func (f *fixture) finalCall(t testing.TB) (review.Call, review.Application) {
	t.Helper()
	ctx := context.Background()
	c, st, g := f.reviewedCall(t)
	if _, err := f.s.SaveScore(ctx, g.ID, 301, map[string]float64{"innovation": 80, "impact": 80}, "好"); err != nil {
		t.Fatal(err)
	}
	if err := f.s.Select(ctx, st.ID, staffScope(f.city), 60, 1, 0); err != nil {
		t.Fatal(err)
	}
	f.advance(11 * 24 * time.Hour)
	if err := f.s.Finalize(ctx, c.ID, staffScope(f.city)); err != nil {
		t.Fatal(err)
	}
	a, err := f.s.Application(ctx, g.AppID)
	if err != nil || a.Status != review.AppAwarded {
		t.Fatalf("not awarded: %+v %v", a, err)
	}
	return c, a
}

// TestLibrary: a final result is in the library of its city's staff (not
// of another city's), found by text, kind and year, with its score; its
// submissions (报送) and instructions (批示) are added as history, newest
// first, refused with reasons when bad, refused on a result that is not
// final, and audited.
func TestLibrary(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		c, a := f.finalCall(t)
		staff := staffScope(f.city)
		year := f.now.Year()
		rows, total, err := f.s.Library(ctx, review.LibraryFilter{Scope: staff, Q: "钒钛", Kind: "paper", Year: year})
		if err != nil || total != 1 || rows[0].AppID != a.ID || rows[0].Score != 80 || rows[0].CallTitle != c.Title {
			t.Fatalf("library %+v %d %v", rows, total, err)
		}
		for _, fl := range []review.LibraryFilter{{Scope: staffScope(f.peer)}, {Scope: access.Scope{}}, {Scope: staff, Kind: "award"},
			{Scope: staff, Year: year - 1}, {Scope: staff, Q: "稀土"}} {
			if rows, n, _ := f.s.Library(ctx, fl); len(rows) != 0 || n != 0 {
				t.Errorf("%+v found %d (total %d)", fl, len(rows), n)
			}
		}
		// The total is counted apart from the page: past the end it still says 1.
		if rows, n, err := f.s.Library(ctx, review.LibraryFilter{Scope: staff, Limit: 1, Offset: 1}); len(rows) != 0 || n != 1 || err != nil {
			t.Errorf("past the end: %d of %d, %v", len(rows), n, err)
		}
		today := f.now.Format("2006-01-02")
		if _, err := f.s.AddReport(ctx, staff, 60, review.ReportInput{AppID: a.ID, SentOn: today}); fieldKey(err) != "to_name:review.err.to_name" {
			t.Errorf("no addressee: %v", err)
		}
		if _, err := f.s.AddReport(ctx, staff, 60, review.ReportInput{AppID: a.ID, ToName: "市委办公室", SentOn: "2099-01-01"}); fieldKey(err) != "sent_on:review.err.day" {
			t.Errorf("a future date: %v", err)
		}
		if _, err := f.s.AddReport(ctx, staffScope(f.peer), 60, review.ReportInput{AppID: a.ID, ToName: "市委办公室", SentOn: today}); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another city reported it: %v", err)
		}
		first, err := f.s.AddReport(ctx, staff, 60, review.ReportInput{AppID: a.ID, ToOrgID: f.root.ID, SentOn: f.now.AddDate(0, 0, -2).Format("2006-01-02")})
		if err != nil {
			t.Fatal(err)
		}
		second, err := f.s.AddReport(ctx, staff, 60, review.ReportInput{AppID: a.ID, ToName: "市人民政府", SentOn: today, Note: "专报第3期"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddInstruction(ctx, staff, 60, review.InstructionInput{ReportID: second, Leader: "李市长", Body: "请发改委研究", GivenOn: f.now.AddDate(0, 0, -1).Format("2006-01-02")}); fieldKey(err) != "given_on:review.err.before_report" {
			t.Errorf("an instruction before its report: %v", err)
		}
		if _, err := f.s.AddInstruction(ctx, staff, 60, review.InstructionInput{ReportID: second, Leader: "", Body: "x", GivenOn: today}); fieldKey(err) != "leader:review.err.leader" {
			t.Errorf("no leader: %v", err)
		}
		for _, body := range []string{"请发改委研究吸收。", "已阅，请抓好落实。"} {
			if _, err := f.s.AddInstruction(ctx, staff, 60, review.InstructionInput{ReportID: second, Leader: "李市长", Body: body, GivenOn: today}); err != nil {
				t.Fatal(err)
			}
			f.advance(time.Minute)
		}
		reps, err := f.s.Reports(ctx, a.ID, staff)
		if err != nil || len(reps) != 2 || reps[0].ID != second || reps[1].ID != first || reps[1].ToName != "省科协" {
			t.Fatalf("reports %+v %v", reps, err)
		}
		if len(reps[0].Instructions) != 2 || reps[0].Instructions[0].Body != "已阅，请抓好落实。" || len(reps[1].Instructions) != 0 {
			t.Errorf("instructions %+v", reps[0].Instructions)
		}
		if rows, _, _ := f.s.Library(ctx, review.LibraryFilter{Scope: staff, Sort: "-reports"}); rows[0].Reports != 2 || rows[0].Instructions != 2 {
			t.Errorf("counts %+v", rows[0])
		}
		recs, _, _ := audit.List(ctx, d, audit.Filter{Scope: staff, Action: "review.report", Limit: 10})
		inst, _, _ := audit.List(ctx, d, audit.Filter{Scope: staff, Action: "review.instruction", Limit: 10})
		if len(recs) != 2 || len(inst) != 2 {
			t.Errorf("audited %d reports, %d instructions", len(recs), len(inst))
		}
		// A result that is not final takes no report.
		_, _, g := f.reviewedCall(t)
		if _, err := f.s.AddReport(ctx, staff, 60, review.ReportInput{AppID: g.AppID, ToName: "市委办公室", SentOn: f.now.Format("2006-01-02")}); fieldKey(err) != "form:review.err.not_final" {
			t.Errorf("a result not final: %v", err)
		}
	})
}

// A submission (报送) of a result to one body on one day, and an
// instruction (批示) of one leader on one day with one text, are recorded
// once however often they are sent (ten at once and once later); there
// was no check, and each click listed another.
func TestLibraryOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		_, a := f.finalCall(t)
		staff := staffScope(f.city)
		today := f.now.Format("2006-01-02")
		tally := func(what, want string, errs []error) {
			t.Helper()
			ok := 0
			for _, err := range errs {
				switch {
				case err == nil:
					ok++
				case fieldKey(err) != want:
					t.Errorf("%s: unexpected: %v", what, err)
				}
			}
			if ok != 1 {
				t.Errorf("%s: %d of %d went through; want 1", what, ok, len(errs))
			}
		}
		var rep int64
		report := func() error {
			id, err := f.s.AddReport(ctx, staff, 60, review.ReportInput{AppID: a.ID, ToName: "市人民政府", SentOn: today, Note: "专报第3期"})
			if err == nil {
				rep = id
			}
			return err
		}
		tally("report", "to_name:review.err.report_dup", dbtest.AtOnce(10, func(int) error { return report() }))
		if err := report(); fieldKey(err) != "to_name:review.err.report_dup" {
			t.Errorf("reported again later: %v", err)
		}
		instruct := func() error {
			_, err := f.s.AddInstruction(ctx, staff, 60, review.InstructionInput{ReportID: rep, Leader: "李市长", Body: "请发改委研究吸收。", GivenOn: today})
			return err
		}
		tally("instruction", "body:review.err.instruction_dup", dbtest.AtOnce(10, func(int) error { return instruct() }))
		if err := instruct(); fieldKey(err) != "body:review.err.instruction_dup" {
			t.Errorf("instruction again later: %v", err)
		}
		if _, err := f.s.AddReport(ctx, staff, 60, review.ReportInput{AppID: a.ID, ToName: "省科协", SentOn: today}); err != nil {
			t.Errorf("another body: %v", err)
		}
		reps, err := f.s.Reports(ctx, a.ID, staff)
		if err != nil || len(reps) != 2 || len(reps[1].Instructions)+len(reps[0].Instructions) != 1 {
			t.Errorf("reports %+v %v; want 2, one instruction", reps, err)
		}
	})
}
