package conference_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/conference"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/measure"
	"kexie/internal/shortcode"
)

func count(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Bad input gets a precise error and saves nothing; an org outside the
// filer's scope is refused.
func TestCreateChecks(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		scope := access.Subtrees(f.soc.Path)
		for _, c := range []struct {
			name string
			edit func(*conference.Input)
			code string
		}{
			{"short title", func(in *conference.Input) { in.Title = "年会" }, "conference.err.title_short"},
			{"long title", func(in *conference.Input) { in.Title = strings.Repeat("长", conference.MaxTitle+1) }, "conference.err.too_long"},
			{"bad kind", func(in *conference.Input) { in.Kind = "party" }, "conference.err.kind"},
			{"end before start", func(in *conference.Input) { in.EndsOn = "2026-05-19" }, "conference.err.date_order"},
			{"bad date", func(in *conference.Input) { in.StartsOn = "2026-13-01" }, "conference.err.date"},
			{"too long", func(in *conference.Input) { in.EndsOn = "2026-07-30" }, "conference.err.too_many_days"},
			{"far future", func(in *conference.Input) { in.StartsOn, in.EndsOn = "2040-01-01", "2040-01-02" }, "conference.err.date_range"},
			{"no city", func(in *conference.Input) { in.City = "" }, "conference.err.city"},
			{"zero expected", func(in *conference.Input) { in.Expected = "0" }, "conference.err.number"},
			{"huge capacity", func(in *conference.Input) { in.Capacity = "1000001" }, "conference.err.number"},
			{"negative budget", func(in *conference.Input) { in.Budget = "-1" }, "conference.err.budget"},
			{"budget decimals", func(in *conference.Input) { in.Budget = "1.234" }, "conference.err.budget"},
			{"intl without countries", func(in *conference.Input) { in.International = true }, "conference.err.number"},
			{"countries when domestic", func(in *conference.Input) { in.Countries = "3" }, "conference.err.countries_domestic"},
			{"too many co-organisers", func(in *conference.Input) { in.CoOrganisers = strings.Repeat("某单位、", 11) }, "conference.err.co_count"},
			{"org outside scope", func(in *conference.Input) { in.OrgID = f.peer.ID }, "conference.err.org"},
		} {
			t.Run(c.name, func(t *testing.T) {
				in := good(f.soc)
				c.edit(&in)
				_, err := f.s.Create(ctx, in, scope, secretary)
				wantCode(t, err, c.code)
			})
		}
		if n := count(t, d, `SELECT COUNT(*) FROM conference_confs`); n != 0 {
			t.Fatalf("%d saved from bad input", n)
		}
		if _, err := f.s.Create(ctx, good(f.soc), access.Scope{}, secretary); err == nil {
			t.Error("the zero scope filed a conference")
		}
		id, err := f.s.Create(ctx, good(f.soc), scope, secretary)
		must(t, err)
		c, err := f.s.Get(ctx, id)
		must(t, err)
		if c.Status != conference.Draft || c.Budget != 1250 || len(c.CoOrganisers) != 2 || c.UpperPath != f.city.Path || c.Year != 2026 {
			t.Errorf("got %+v", c)
		}
	})
}

// The whole flow: the filer never approves nor confirms; the org above
// does; a return goes back for edits; every step is on the timeline.
func TestFlowAndIntegrity(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		city := access.Subtrees(f.city.Path)
		id, err := f.s.Create(ctx, good(f.soc), access.Subtrees(f.soc.Path), secretary)
		must(t, err)
		wantCode(t, f.s.Approve(ctx, id, city, approver), "conference.err.status")
		must(t, f.s.Submit(ctx, id, secretary))
		// The society's own staff may not approve (not the org above), nor
		// may the filer even with the city's grant, nor another city.
		wantCode(t, f.s.Approve(ctx, id, access.Subtrees(f.soc.Path), approver), "conference.err.not_upper")
		wantCode(t, f.s.Approve(ctx, id, city, secretary), "conference.err.own")
		wantCode(t, f.s.Approve(ctx, id, access.Subtrees(f.peer.Path), approver), "conference.err.not_upper")
		wantCode(t, f.s.Return(ctx, id, " ", city, approver), "conference.err.reason")
		must(t, f.s.Return(ctx, id, "请补充协办单位的书面意见", city, approver))
		in := good(f.soc)
		in.Title = "2026年钒钛学术年会暨青年论坛"
		must(t, f.s.Update(ctx, id, in, access.Subtrees(f.soc.Path), secretary))
		must(t, f.s.Submit(ctx, id, secretary))
		must(t, f.s.Approve(ctx, id, city, approver))
		wantCode(t, f.s.Update(ctx, id, in, access.Subtrees(f.soc.Path), secretary), "conference.err.status")
		wantCode(t, f.s.MarkHeld(ctx, id, secretary), "conference.err.not_started")
		must(t, f.s.OpenRegistration(ctx, id, secretary))

		// Papers: a member submits; nobody decides their own paper.
		pid, err := f.s.SubmitPaper(ctx, id, conference.PaperInput{Title: "钒钛磁铁矿综合利用新工艺", Authors: "张会员、李四",
			Abstract: "本文介绍一种钒钛磁铁矿综合利用的新工艺及其工业试验结果。"}, member)
		must(t, err)
		wantCode(t, f.s.DecidePaper(ctx, id, pid, conference.PaperAccepted, "", member), "conference.err.own_paper")
		wantCode(t, f.s.DecidePaper(ctx, id, pid, conference.PaperRejected, "", secretary), "conference.err.reject_note")
		must(t, f.s.DecidePaper(ctx, id, pid, conference.PaperAccepted, "录用为大会报告", secretary))
		// Registration and check-in.
		r, err := f.s.Register(ctx, id, conference.RegInput{UserID: member.UserID, Name: member.Name})
		must(t, err)
		if _, err := f.s.Register(ctx, id, conference.RegInput{UserID: member.UserID, Name: member.Name}); !errors.Is(err, conference.ErrRegistered) {
			t.Errorf("second registration: %v", err)
		}
		*f.now = time.Date(2026, 5, 20, 8, 0, 0, 0, time.UTC) // the first day: the door opens
		wantCode(t, func() error { _, err := f.s.CheckIn(ctx, id, "2222-3333-4444", secretary); return err }(), "conference.err.code")
		got, err := f.s.CheckIn(ctx, id, strings.ToLower(r.Code), secretary)
		must(t, err)
		if got.Name != member.Name {
			t.Errorf("checked in %q", got.Name)
		}
		wantCode(t, func() error { _, err := f.s.CheckIn(ctx, id, r.Code, secretary); return err }(), "conference.err.checked_in")

		// Held, then the summary after the end.
		must(t, f.s.MarkHeld(ctx, id, secretary))
		sum := conference.SummaryInput{Attendance: "1", Papers: "1", Outcome: "会议交流论文一篇，形成钒钛产业技术路线建议一份。"}
		wantCode(t, f.s.FileSummary(ctx, id, sum, secretary), "conference.err.not_ended")
		*f.now = time.Date(2026, 5, 25, 8, 0, 0, 0, time.UTC)
		bad := sum
		bad.Attendance = "0"
		wantCode(t, f.s.FileSummary(ctx, id, bad, secretary), "conference.err.below_checkins")
		bad = sum
		bad.Attendance = "120"
		wantCode(t, f.s.FileSummary(ctx, id, bad, secretary), "conference.err.above_checkins")
		bad = sum
		bad.Papers = "0"
		wantCode(t, f.s.FileSummary(ctx, id, bad, secretary), "conference.err.below_accepted")
		sum.Attendance, sum.Note = "120", "现场签到系统故障，其余人员纸质签到"
		must(t, f.s.FileSummary(ctx, id, sum, secretary))
		wantCode(t, f.s.Confirm(ctx, id, city, secretary), "conference.err.own")
		wantCode(t, f.s.Confirm(ctx, id, access.Subtrees(f.soc.Path), approver), "conference.err.not_upper")
		must(t, f.s.Confirm(ctx, id, city, approver))
		c, err := f.s.Get(ctx, id)
		must(t, err)
		if c.Status != conference.Done || c.Summary.Attendance != 120 || c.Accepted != 1 || c.CheckedIn != 1 {
			t.Errorf("got %+v", c)
		}
		// A correction keeps the old figures in the timeline and takes the
		// confirmation back.
		sum.Attendance, sum.Reason = "130", "补录纸质签到"
		must(t, f.s.FileSummary(ctx, id, sum, secretary))
		c, _ = f.s.Get(ctx, id)
		if c.Status != conference.Held || !c.Summary.ConfirmedAt.IsZero() || c.Summary.Attendance != 130 {
			t.Errorf("after the correction: %+v", c)
		}
		evs, err := f.s.Events(ctx, id)
		must(t, err)
		var actions []string
		for _, e := range evs {
			actions = append(actions, e.Action)
		}
		want := "file submit return edit submit approve open hold summary confirm correct"
		if strings.Join(actions, " ") != want {
			t.Errorf("timeline %v, want %s", actions, want)
		}
		if last := evs[len(evs)-1]; !strings.Contains(last.Detail, "120 / 1 / 0 → 130") {
			t.Errorf("the correction keeps %q", last.Detail)
		}
		wantCode(t, f.s.Cancel(ctx, id, "天气", secretary), "conference.err.status")
	})
}

// No more people register than there are places, however many at once.
func TestCapacityUnderConcurrency(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc)) // 3 places
		errs := make(chan error, 20)
		for i := 0; i < 20; i++ {
			go func(i int) {
				var err error
				if i%2 == 0 {
					_, err = f.s.Register(ctx, id, conference.RegInput{UserID: int64(100 + i), Name: fmt.Sprintf("会员%d", i)})
				} else {
					_, err = f.s.Register(ctx, id, conference.RegInput{Name: fmt.Sprintf("公众%d", i), Contact: fmt.Sprintf("139000000%02d", i)})
				}
				errs <- err
			}(i)
		}
		ok, full := 0, 0
		for i := 0; i < 20; i++ {
			switch err := <-errs; {
			case err == nil:
				ok++
			case errors.Is(err, err) && strings.Contains(fmt.Sprint(err), "full"):
				full++
			default:
				t.Errorf("unexpected: %v", err)
			}
		}
		c, _ := f.s.Get(ctx, id)
		if ok != 3 || full != 17 || c.Registered != 3 || count(t, d, `SELECT COUNT(*) FROM conference_regs`) != 3 {
			t.Errorf("ok %d, full %d, registered %d", ok, full, c.Registered)
		}
	})
}

// A public registrant's contact is sealed, masked, revealed with an audit
// record; codes are random and not IDs.
func TestContactSealed(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc))
		_, err := f.s.Register(ctx, id, conference.RegInput{Name: "王公众", Contact: "call me"})
		wantCode(t, err, "conference.err.contact")
		_, err = f.s.Register(ctx, id, conference.RegInput{Name: "王公众"})
		wantCode(t, err, "conference.err.contact_required")
		r, err := f.s.Register(ctx, id, conference.RegInput{Name: "王公众", Contact: "13912345678", Source: "s"})
		must(t, err)
		if r.Contact != "139****5678" || len(shortcode.Norm(r.Code)) != 12 || strings.Contains(r.Code, fmt.Sprint(r.ID)) {
			t.Errorf("got %+v", r)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM conference_regs WHERE contact LIKE '%13912345678%'`); n != 0 {
			t.Error("the contact is stored in clear")
		}
		regs, _, err := f.s.Regs(ctx, id, conference.RegFilter{})
		must(t, err)
		if len(regs) != 1 || regs[0].Contact != "139****5678" {
			t.Errorf("listed %+v", regs)
		}
		before := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'conference.reveal'`)
		plain, err := f.s.RevealContact(ctx, id, r.ID)
		must(t, err)
		if plain != "13912345678" || count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'conference.reveal'`) != before+1 {
			t.Errorf("revealed %q", plain)
		}
	})
}

// Lists, counts and numbers stay inside the scope; the zero scope shows
// nothing; the 待办 counts leave out what the user filed.
func TestScopeAndNumbers(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		held := f.open(t, good(f.soc))
		r, err := f.s.Register(ctx, held, conference.RegInput{UserID: member.UserID, Name: member.Name})
		must(t, err)
		in := good(f.soc)
		in.Title, in.International, in.Countries, in.Kind = "国际钒钛论坛", true, "5", "international"
		waiting, err := f.s.Create(ctx, in, access.Subtrees(f.soc.Path), secretary)
		must(t, err)
		must(t, f.s.Submit(ctx, waiting, secretary))
		*f.now = time.Date(2026, 5, 20, 8, 0, 0, 0, time.UTC)
		_, err = f.s.CheckIn(ctx, held, r.Code, secretary)
		must(t, err)
		must(t, f.s.MarkHeld(ctx, held, secretary))

		for _, c := range []struct {
			name  string
			scope access.Scope
			want  int
		}{{"city", access.Subtrees(f.city.Path), 2}, {"peer", access.Subtrees(f.peer.Path), 0}, {"zero", access.Scope{}, 0}, {"all", access.Everywhere(), 2}} {
			list, total, err := f.s.List(ctx, conference.Filter{Scope: c.scope})
			must(t, err)
			if total != c.want || len(list) != c.want {
				t.Errorf("%s: %d listed of %d, want %d", c.name, len(list), total, c.want)
			}
		}
		list, total, err := f.s.List(ctx, conference.Filter{Scope: access.Everywhere(), Intl: "yes", Q: "论坛", Kind: "international", Year: 2026})
		must(t, err)
		if total != 1 || list[0].ID != waiting {
			t.Errorf("filters: %d", total)
		}
		if _, total, _ := f.s.List(ctx, conference.Filter{Scope: access.Subtrees(f.city.Path), OrgPath: f.peer.Path}); total != 0 {
			t.Error("an org filter outside the scope lists something")
		}
		if n, _ := f.s.ToApprove(ctx, access.Subtrees(f.city.Path), approver.UserID); n != 1 {
			t.Errorf("to approve: %d", n)
		}
		if n, _ := f.s.ToApprove(ctx, access.Subtrees(f.soc.Path), approver.UserID); n != 0 {
			t.Errorf("the society's own staff see %d to approve", n)
		}
		if n, _ := f.s.ToApprove(ctx, access.Subtrees(f.city.Path), secretary.UserID); n != 0 {
			t.Errorf("the filer sees %d to approve", n)
		}
		*f.now = time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC)
		if n, _ := f.s.OverdueSummaries(ctx, access.Subtrees(f.soc.Path)); n != 1 {
			t.Errorf("overdue: %d", n)
		}
		st, err := f.s.YearStats(ctx, access.Subtrees(f.city.Path), "", 2026)
		must(t, err)
		if st.Total.Held != 1 || st.Total.Attendance != 1 || st.Filed != 2 {
			t.Errorf("stats %+v", st.Total)
		}
		if st, _ := f.s.YearStats(ctx, access.Subtrees(f.peer.Path), "", 2026); st.Total.Held != 0 {
			t.Error("the peer counts the city's conference")
		}
		for _, src := range f.s.Sources() {
			v, err := src.Value(ctx, access.Subtrees(f.city.Path), measure.Period{})
			must(t, err)
			zero, _ := src.Value(ctx, access.Scope{}, measure.Period{})
			want := map[string]float64{conference.SourceHeld: 1, conference.SourceAttendance: 1, conference.SourcePapers: 0, conference.SourceIntl: 0}[src.Key]
			if v != want || zero != 0 {
				t.Errorf("%s = %v (zero scope %v), want %v", src.Key, v, zero, want)
			}
		}
		up, total, err := f.s.Upcoming(ctx, 10, 0)
		must(t, err)
		if total != 0 || len(up) != 0 {
			t.Errorf("upcoming after the date: %d", total)
		}
	})
}
