package stats_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/measure"
	"kexie/internal/stats"
	"kexie/internal/valid"
)

// A figure that cannot be read saves nothing; a draft keeps figures that
// break a rule; a submit needs every error fixed and every warning
// explained; the filer never approves nor returns; a return is editable
// again; an approval counts in the summary; a correction reopens it as
// the next revision and keeps the approved figures.
func TestFiling(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		year := 2026

		bad := full()
		bad.Raw["B01"] = "一百"
		res, err := f.s.Save(ctx, f.city.ID, year, bad, filer)
		wantCode(t, err, "stats.err.unreadable")
		if len(res.Issues) != 1 || res.Issues[0].Code != "B01" || res.Issues[0].Rule != "number" {
			t.Errorf("issues = %+v", res.Issues)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM stats_forms`); n != 0 {
			t.Fatalf("a form with an unreadable figure was saved (%d rows)", n)
		}

		in := full()
		in.Raw["B02"] = "50" // more women than members
		res, err = f.s.Save(ctx, f.city.ID, year, in, filer)
		must(t, err)
		if res.Form.Status != stats.Draft || res.Form.Values["B02"] != 50 || len(res.Issues) != 1 || res.Issues[0].Rule != "part" {
			t.Fatalf("draft = %+v, issues %+v", res.Form, res.Issues)
		}
		// Prefilled from the live measures: the city's subtree (city, county,
		// society, town: 4 orgs) less the subtrees that file (county with its
		// town, society: 3 orgs) is 1 org: 10.
		if got := res.Form.Prefill["D01"]; got != 10 {
			t.Errorf("prefill of D01 = %d, want 10", got)
		}
		if _, ok := res.Form.Prefill["D04"]; ok {
			t.Error("a source no module publishes was prefilled")
		}
		res, err = f.s.Submit(ctx, f.city.ID, year, in, filer)
		wantCode(t, err, "stats.err.blocked")
		if res.Form.Status != stats.Draft || res.Submitted {
			t.Fatalf("a form with an error was submitted: %+v", res.Form.Status)
		}
		in.Raw["B02"] = "5"
		res, err = f.s.Submit(ctx, f.city.ID, year, in, filer)
		must(t, err)
		if res.Form.Status != stats.Submitted || res.Form.FiledBy != filer.UserID {
			t.Fatalf("submitted = %+v", res.Form)
		}
		_, err = f.s.Save(ctx, f.city.ID, year, in, filer)
		wantCode(t, err, "stats.err.locked")

		// The filer never approves nor returns; a colleague who saved this
		// revision neither.
		wantCode(t, f.s.Approve(ctx, f.city.ID, year, filer), "stats.err.own")
		wantCode(t, f.s.Return(ctx, f.city.ID, year, "数据有误", filer), "stats.err.own")
		wantCode(t, f.s.Return(ctx, f.city.ID, year, " ", reviewer), "stats.err.reason")
		must(t, f.s.Return(ctx, f.city.ID, year, "科普经费支出与上年差异大，请核实", reviewer))
		fm, err := f.s.Form(ctx, f.city.ID, year)
		must(t, err)
		if fm.Status != stats.Returned || fm.Reason == "" || !fm.Status.Editable() {
			t.Fatalf("returned = %+v", fm)
		}
		colleague := stats.Actor{UserID: 300, Name: "王同事"}
		in.Raw["F09"] = "19"
		_, err = f.s.Submit(ctx, f.city.ID, year, in, colleague)
		must(t, err)
		wantCode(t, f.s.Approve(ctx, f.city.ID, year, colleague), "stats.err.own")
		must(t, f.s.Approve(ctx, f.city.ID, year, reviewer))

		sum, err := f.s.Summarize(ctx, access.Subtrees(f.root.Path), "", year)
		must(t, err)
		if sum.Included != 1 || sum.Expected != 5 || sum.Totals["F09"] != 1900 || len(sum.Missing) != 4 {
			t.Errorf("summary = %+v", sum)
		}

		// A correction: the next revision, the approved figures kept.
		wantCode(t, f.s.Reopen(ctx, f.city.ID, year, "", reviewer), "stats.err.reason")
		must(t, f.s.Reopen(ctx, f.city.ID, year, "会员数统计口径更正", reviewer))
		fm, _ = f.s.Form(ctx, f.city.ID, year)
		if fm.Status != stats.Returned || fm.Rev != 2 {
			t.Fatalf("reopened = %+v", fm)
		}
		evs, err := f.s.Events(ctx, fm.ID)
		must(t, err)
		var kept int
		for _, e := range evs {
			if e.Action == "reopen" && e.Snap["F09"] == 1900 && e.Note != "" && e.Rev == 1 {
				kept++
			}
		}
		if kept != 1 {
			t.Errorf("the approved figures are not kept with the reopening: %+v", evs)
		}
		if sum, _ := f.s.Summarize(ctx, access.Subtrees(f.root.Path), "", year); sum.Included != 0 {
			t.Errorf("a reopened form counts: %+v", sum)
		}
		// The reviewer who reopened did not edit it: after the fix they approve.
		_, err = f.s.Submit(ctx, f.city.ID, year, in, filer)
		must(t, err)
		must(t, f.s.Approve(ctx, f.city.ID, year, reviewer))
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action LIKE 'stats.%'`); n < 8 {
			t.Errorf("%d audit records", n)
		}
	})
}

// Year-over-year warnings against last year's approved form block the
// submit until explained; the explanation is kept.
func TestWarnings(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		_, err := f.s.Submit(ctx, f.county.ID, 2025, full(), filer)
		must(t, err)
		must(t, f.s.Approve(ctx, f.county.ID, 2025, reviewer))
		in := full()
		in.Raw["D01"] = "40" // 10 → 40
		res, err := f.s.Submit(ctx, f.county.ID, 2026, in, filer)
		wantCode(t, err, "stats.err.blocked")
		warned := false
		for _, i := range res.Issues {
			warned = warned || i.Code == "D01" && i.Warning
		}
		if !warned {
			t.Fatalf("no warning on D01: %+v", res.Issues)
		}
		in.Notes["D01"] = "新增两个科普基地，活动明显增多。"
		res, err = f.s.Submit(ctx, f.county.ID, 2026, in, filer)
		must(t, err)
		if res.Form.Notes["D01"] == "" || res.Form.Status != stats.Submitted {
			t.Errorf("form = %+v", res.Form)
		}
		last, err := f.s.LastYear(ctx, f.county.ID, 2026)
		must(t, err)
		if last["D01"] != 10 {
			t.Errorf("last year = %v", last)
		}
	})
}

// Orgs that do not file have no form; a year ahead is refused.
func TestWhoFiles(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		if _, err := f.s.Save(ctx, f.town.ID, 2026, full(), filer); err == nil {
			t.Error("a township association filed")
		}
		_, err := f.s.Save(ctx, f.city.ID, 2028, full(), filer)
		wantCode(t, err, "stats.err.year")
		// A society's form has no 科协 rows.
		res, err := f.s.Save(ctx, f.soc.ID, 2026, full(), filer)
		must(t, err)
		if _, ok := res.Form.Values["A01"]; ok {
			t.Error("a society keeps 所属学会数")
		}
	})
}

// The progress list and the summary show only the scope: another city
// sees none of it, the zero scope nothing; filters, sort and shares.
func TestProgressScope(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		_, err := f.s.Submit(ctx, f.county.ID, 2026, full(), filer)
		must(t, err)
		_, err = f.s.Save(ctx, f.soc.ID, 2026, full(), filer)
		must(t, err)
		_, err = f.s.Save(ctx, f.city.ID, 2025, full(), filer) // last year's form starts nothing this year
		must(t, err)
		rows, total, err := f.s.List(ctx, stats.Filter{Scope: access.Subtrees(f.city.Path), Year: 2026, Sort: "name"})
		must(t, err)
		if total != 3 || len(rows) != 3 {
			t.Fatalf("city sees %d: %+v", total, rows)
		}
		for _, c := range []struct {
			name string
			f    stats.Filter
			want int
		}{
			{"peer", stats.Filter{Scope: access.Subtrees(f.peer.Path), Year: 2026}, 1},
			{"zero scope", stats.Filter{Year: 2026}, 0},
			{"peer asks for the city", stats.Filter{Scope: access.Subtrees(f.peer.Path), Year: 2026, OrgPath: f.city.Path}, 0},
			{"submitted", stats.Filter{Scope: access.Subtrees(f.city.Path), Year: 2026, Status: stats.Submitted}, 1},
			{"not started", stats.Filter{Scope: access.Subtrees(f.city.Path), Year: 2026, Status: stats.None}, 1},
			{"not started, by name", stats.Filter{Scope: access.Everywhere(), Year: 2026, Status: stats.None, Q: "攀枝花"}, 1},
			{"not started, societies", stats.Filter{Scope: access.Everywhere(), Year: 2026, Status: stats.None, Kind: stats.ForSociety}, 0},
			{"societies", stats.Filter{Scope: access.Everywhere(), Year: 2026, Kind: stats.ForSociety}, 1},
			{"by name", stats.Filter{Scope: access.Everywhere(), Year: 2026, Q: "东区"}, 1},
			{"everywhere", stats.Filter{Scope: access.Everywhere(), Year: 2026}, 5},
		} {
			t.Run(c.name, func(t *testing.T) {
				if _, n, err := f.s.List(ctx, c.f); err != nil || n != c.want {
					t.Errorf("got %d, %v; want %d", n, err, c.want)
				}
			})
		}
		// The not-started page and its count come from one query; past the
		// end the count still holds.
		none := stats.Filter{Scope: access.Everywhere(), Year: 2026, Status: stats.None, Sort: "name", Limit: 1}
		rows, total, err = f.s.List(ctx, none)
		must(t, err)
		if total != 3 || len(rows) != 1 || rows[0].Status != stats.None || rows[0].FormID != 0 {
			t.Errorf("not started, first page: %d %+v", total, rows)
		}
		none.Offset = 2
		if rows, total, err = f.s.List(ctx, none); err != nil || total != 3 || len(rows) != 1 {
			t.Errorf("not started, last page: %d %+v %v", total, rows, err)
		}
		none.Offset = 3
		if rows, total, err = f.s.List(ctx, none); err != nil || total != 3 || len(rows) != 0 {
			t.Errorf("not started, past the end: %d %+v %v", total, rows, err)
		}
		sh, err := f.s.Shares(ctx, stats.Filter{Scope: access.Subtrees(f.city.Path), Year: 2026})
		must(t, err)
		if sh[stats.Submitted] != 1 || sh[stats.Draft] != 1 || sh[stats.None] != 1 {
			t.Errorf("shares = %v", sh)
		}
		// Forms to review: at the city (the county's parent), not by the filer.
		if n, _ := f.s.ToReview(ctx, access.Subtrees(f.city.Path), stats.Actor{UserID: reviewer.UserID}); n != 1 {
			t.Errorf("to review at the city: %d", n)
		}
		if n, _ := f.s.ToReview(ctx, access.Subtrees(f.city.Path), stats.Actor{UserID: filer.UserID}); n != 0 {
			t.Errorf("the filer has their own form to review: %d", n)
		}
		if n, _ := f.s.ToReview(ctx, access.Subtrees(f.county.Path), stats.Actor{UserID: reviewer.UserID}); n != 0 {
			t.Errorf("the county reviews its own form: %d", n)
		}
		// A city reviewer also on the county's staff (兼任) may not approve the county's form: not their 待办.
		if n, _ := f.s.ToReview(ctx, access.Subtrees(f.city.Path), stats.Actor{UserID: reviewer.UserID, Staff: []string{f.county.Path}}); n != 0 {
			t.Errorf("a reviewer on the county's staff has its form to review: %d", n)
		}
		if n, _ := f.s.ToReview(ctx, access.Subtrees(f.city.Path), stats.Actor{UserID: reviewer.UserID, Staff: []string{f.peer.Path}}); n != 1 {
			t.Errorf("a reviewer on another org's staff loses the county's form: %d", n)
		}
		must(t, f.s.Approve(ctx, f.county.ID, 2026, reviewer))
		if sum, _ := f.s.Summarize(ctx, access.Subtrees(f.peer.Path), "", 2026); sum.Included != 0 || len(sum.Totals) != 0 {
			t.Errorf("the peer city sums the county: %+v", sum)
		}
		if sum, _ := f.s.Summarize(ctx, access.Subtrees(f.city.Path), f.city.Path, 2026); sum.Included != 1 || sum.Totals["B01"] != 10 {
			t.Errorf("the city's summary: %+v", sum)
		}
		tabs, err := f.s.Export(ctx, access.Subtrees(f.city.Path), "", 2026, "zh-CN", func(k string, a ...any) string { return k })
		must(t, err)
		if len(tabs) != 6 || len(tabs[1].Rows) != 2 || tabs[1].Rows[0][1] != "东区科协" {
			t.Errorf("export = %+v", tabs)
		}
		if tabs, _ := f.s.Export(ctx, access.Scope{}, "", 2026, "zh-CN", func(k string, a ...any) string { return k }); len(tabs[0].Rows) != 1 {
			t.Errorf("the zero scope exports %d rows", len(tabs[0].Rows)-1)
		}
	})
}

// The deadline is 31 March by default, the nearest org's when set; a
// form not submitted within RemindDays of it is a 待办.
func TestDeadline(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		dl, err := f.s.Deadline(ctx, f.county.Path, 2026)
		must(t, err)
		if want := stats.DefaultDeadline(2026); !dl.Equal(want) {
			t.Errorf("default = %v, want %v", dl, want)
		}
		wantCode(t, f.s.SetDeadline(ctx, f.city.ID, 2026, "2026-13-01", reviewer), "stats.err.date")
		wantCode(t, f.s.SetDeadline(ctx, f.city.ID, 2026, "2030-01-01", reviewer), "stats.err.due_range")
		must(t, f.s.SetDeadline(ctx, f.root.ID, 2026, "2027-04-30", reviewer))
		wantCode(t, f.s.SetDeadline(ctx, f.city.ID, 2026, "2027-05-15", reviewer), "stats.err.due_after")
		must(t, f.s.SetDeadline(ctx, f.city.ID, 2026, "2027-03-10", reviewer))
		if dl, _ := f.s.Deadline(ctx, f.county.Path, 2026); day(dl) != "2027-03-10" {
			t.Errorf("county's deadline = %v", dl)
		}
		if dl, _ := f.s.Deadline(ctx, f.peer.Path, 2026); day(dl) != "2027-04-30" {
			t.Errorf("peer's deadline = %v", dl)
		}
		// 2 March 2027: the county's deadline (10 March) is within 15 days.
		due, err := f.s.DueForms(ctx, access.Subtrees(f.county.Path))
		must(t, err)
		if len(due) != 1 || due[0].OrgID != f.county.ID || due[0].Year != 2026 {
			t.Errorf("due = %+v", due)
		}
		if due, _ := f.s.DueForms(ctx, access.Subtrees(f.peer.Path)); len(due) != 0 {
			t.Errorf("the peer is due two months early: %+v", due)
		}
		_, err = f.s.Submit(ctx, f.county.ID, 2026, full(), filer)
		must(t, err)
		if due, _ := f.s.DueForms(ctx, access.Subtrees(f.county.Path)); len(due) != 0 {
			t.Errorf("a submitted form is due: %+v", due)
		}
	})
}

// The filing rate counts submitted and approved forms among the orgs that
// file in the scope.
func TestSources(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		_, err := f.s.Submit(ctx, f.county.ID, 2026, full(), filer)
		must(t, err)
		src := f.s.Sources()
		p := stats_period(2026)
		v, err := src[0].Value(ctx, access.Subtrees(f.city.Path), p)
		must(t, err)
		if v < 33 || v > 34 {
			t.Errorf("filing rate = %v, want 1 of 3", v)
		}
		if v, _ := src[0].Value(ctx, access.Scope{}, p); v != 0 {
			t.Errorf("the zero scope measures %v", v)
		}
		// A subtree with no org that files: no rate, not 0 %.
		if v, err := src[0].Value(ctx, access.Subtrees("/1/"), p); err != nil || measure.Known(v) {
			t.Errorf("a subtree with nothing to file measures %v, %v", v, err)
		}
	})
}

// day is the last day before the deadline dl, in Beijing.
func day(dl time.Time) string { return dl.Add(-time.Second).In(calendar.Beijing).Format("2006-01-02") }

// recorder keeps the notices a store sends; with fail set, every Tell
// fails.
type recorder struct {
	got  []stats.Notice
	fail bool
}

func (r *recorder) Tell(_ context.Context, n stats.Notice) error {
	r.got = append(r.got, n)
	if r.fail {
		return errors.New("no sender")
	}
	return nil
}

// A return, an approval and a reopening tell the filer of the revision
// (with the reason); a failing teller never blocks the step; the filing
// org's staff see a returned form, with its reason, until they submit it
// again — and nobody else does.
func TestReturnNotice(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		rec := &recorder{fail: true}
		f.s = stats.NewStore(d, stats.Config{Measures: fakeMeasures{d}, Teller: rec})
		_, err := f.s.Submit(ctx, f.county.ID, 2026, full(), filer)
		must(t, err)
		must(t, f.s.Return(ctx, f.county.ID, 2026, "会员数与上年差异大，\r\n请核实", reviewer))
		fm, _ := f.s.Form(ctx, f.county.ID, 2026)
		if fm.Status != stats.Returned {
			t.Fatalf("a failing notice blocked the return: %s", fm.Status)
		}
		if len(rec.got) != 1 || rec.got[0].UserID != filer.UserID || rec.got[0].Key != "stats.notice.return" ||
			len(rec.got[0].Args) != 3 || rec.got[0].Args[2] != "会员数与上年差异大， 请核实" || rec.got[0].Link != fmt.Sprintf("/stats/orgs/%d/2026", f.county.ID) {
			t.Fatalf("notices = %+v", rec.got)
		}
		rets, err := f.s.Returns(ctx, access.Subtrees(f.county.Path))
		must(t, err)
		if len(rets) != 1 || rets[0].OrgID != f.county.ID || rets[0].Reason != "会员数与上年差异大，\r\n请核实" || rets[0].Year != 2026 {
			t.Fatalf("returns = %+v", rets)
		}
		// Only the org's own staff: not the city above, not a peer, not the
		// zero scope, not a system administrator.
		for _, sc := range []access.Scope{access.Subtrees(f.city.Path), access.Subtrees(f.peer.Path), {}, access.Everywhere()} {
			if rets, _ := f.s.Returns(ctx, sc); len(rets) != 0 {
				t.Errorf("returns in %+v = %+v", sc, rets)
			}
		}
		// Listed once: not again as due soon.
		*f.now = time.Date(2027, 3, 25, 9, 0, 0, 0, calendar.Beijing)
		if due, _ := f.s.DueForms(ctx, access.Subtrees(f.county.Path)); len(due) != 0 {
			t.Errorf("a returned form is also due: %+v", due)
		}
		rec.fail = false
		_, err = f.s.Submit(ctx, f.county.ID, 2026, full(), filer)
		must(t, err)
		if rets, _ := f.s.Returns(ctx, access.Subtrees(f.county.Path)); len(rets) != 0 {
			t.Errorf("a submitted form is still returned: %+v", rets)
		}
		must(t, f.s.Approve(ctx, f.county.ID, 2026, reviewer))
		must(t, f.s.Reopen(ctx, f.county.ID, 2026, "口径更正", reviewer))
		if len(rec.got) != 3 || rec.got[1].Key != "stats.notice.approve" || len(rec.got[1].Args) != 2 || rec.got[2].Key != "stats.notice.reopen" {
			t.Fatalf("notices = %+v", rec.got)
		}
		// A refused step tells nobody.
		wantCode(t, f.s.Approve(ctx, f.county.ID, 2026, reviewer), "stats.err.status")
		if len(rec.got) != 3 {
			t.Errorf("a refused step told: %+v", rec.got)
		}
	})
}

// Two reviewers approving and returning the same form at once: one step
// wins, the other is refused, and the timeline holds one of them.
func TestReviewRace(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		other := stats.Actor{UserID: 201, Name: "赵审核"}
		for round := 0; round < 20; round++ {
			year := 2006 + round
			_, err := f.s.Submit(ctx, f.county.ID, year, full(), filer)
			must(t, err)
			errs := make(chan error, 2)
			start := make(chan struct{})
			go func() { <-start; errs <- f.s.Approve(ctx, f.county.ID, year, reviewer) }()
			go func() { <-start; errs <- f.s.Return(ctx, f.county.ID, year, "请核实", other) }()
			close(start)
			e1, e2 := <-errs, <-errs
			if (e1 == nil) == (e2 == nil) {
				t.Fatalf("round %d: approve and return gave %v and %v", round, e1, e2)
			}
			fm, _ := f.s.Form(ctx, f.county.ID, year)
			if n := count(t, d, `SELECT COUNT(*) FROM stats_events WHERE form_id = ? AND action IN ('approve', 'return')`, fm.ID); n != 1 {
				t.Fatalf("round %d: %d review events, status %s", round, n, fm.Status)
			}
		}
	})
}

// A save racing a colleague's submit never changes the figures after they
// were sent: the form as stored is the submit's snapshot, or the save won
// and the submit came after it.
func TestSaveSubmitRace(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		colleague := stats.Actor{UserID: 300, Name: "王同事"}
		for round := 0; round < 20; round++ {
			year := 2006 + round
			_, err := f.s.Save(ctx, f.county.ID, year, full(), filer)
			must(t, err)
			late := full()
			late.Raw["B07"] = "99"
			errs := make(chan error, 2)
			start := make(chan struct{})
			go func() { <-start; _, err := f.s.Submit(ctx, f.county.ID, year, full(), filer); errs <- err }()
			go func() { <-start; _, err := f.s.Save(ctx, f.county.ID, year, late, colleague); errs <- err }()
			close(start)
			<-errs
			<-errs
			fm, _ := f.s.Form(ctx, f.county.ID, year)
			evs, _ := f.s.Events(ctx, fm.ID)
			for _, e := range evs {
				if e.Action == "submit" && e.Snap["B07"] != fm.Values["B07"] {
					t.Fatalf("round %d: submitted B07 %d, stored %d", round, e.Snap["B07"], fm.Values["B07"])
				}
			}
		}
	})
}

// detached records whether the notice's context could still be canceled
// by the request's.
type detached struct{ cancelable []bool }

func (c *detached) Tell(ctx context.Context, n stats.Notice) error {
	c.cancelable = append(c.cancelable, ctx.Done() != nil)
	return nil
}

// A step whose request goes away once it committed still tells the filer:
// the notice does not hang on the request's context.
func TestNoticeOutlivesRequest(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		rec := &detached{}
		f.s = stats.NewStore(d, stats.Config{Teller: rec})
		_, err := f.s.Submit(context.Background(), f.county.ID, 2026, full(), filer)
		must(t, err)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		must(t, f.s.Approve(ctx, f.county.ID, 2026, reviewer))
		if len(rec.cancelable) != 1 || rec.cancelable[0] {
			t.Errorf("the notice's context follows the request's: %v", rec.cancelable)
		}
	})
}

// Two first saves of the same form at once: one creates it, the other is
// told a colleague came first (not a server error) and saves nothing.
func TestFirstSaveRace(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		colleague := stats.Actor{UserID: 300, Name: "王同事"}
		for round := 0; round < 20; round++ {
			year := 2006 + round
			errs := make(chan error, 2)
			start := make(chan struct{})
			for _, by := range []stats.Actor{filer, colleague} {
				go func() { <-start; _, err := f.s.Save(ctx, f.county.ID, year, full(), by); errs <- err }()
			}
			close(start)
			for _, err := range []error{<-errs, <-errs} {
				if err != nil && !valid.Has(err, "stats.err.concurrent") {
					t.Fatalf("round %d: %v", round, err)
				}
			}
			if n := count(t, d, `SELECT COUNT(*) FROM stats_forms WHERE org_id = ? AND year = ?`, f.county.ID, year); n != 1 {
				t.Fatalf("round %d: %d forms", round, n)
			}
		}
	})
}

// Two reviewers setting a deadline at once: one wins, the other is told a
// colleague came first, never a server error.
func TestDeadlineRace(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		for round := 0; round < 20; round++ {
			year := 2006 + round
			errs := make(chan error, 2)
			start := make(chan struct{})
			for _, day := range []string{fmt.Sprintf("%d-03-10", year+1), fmt.Sprintf("%d-03-20", year+1)} {
				go func() { <-start; errs <- f.s.SetDeadline(ctx, f.city.ID, year, day, reviewer) }()
			}
			close(start)
			for _, err := range []error{<-errs, <-errs} {
				if err != nil && !valid.Has(err, "stats.err.concurrent_due") {
					t.Fatalf("round %d: %v", round, err)
				}
			}
		}
	})
}
