package voice_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/measure"
	"kexie/internal/shortcode"
	"kexie/internal/voice"
)

func count(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Bad input gets a precise error and saves nothing; a good item gets an
// unguessable code that finds it, and its contact is sealed and masked.
func TestFileAndTrack(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		good := voice.FileInput{OrgID: f.city.ID, Kind: voice.Request, Topic: "talent_policy", Title: "人才公寓申请",
			Body: "引进人才申请人才公寓，需要哪些材料？办理时限多长？", Contact: "13912345678", Source: "s1"}
		for _, c := range []struct {
			name string
			edit func(*voice.FileInput)
			code string
		}{
			{"no title", func(in *voice.FileInput) { in.Title = " " }, "voice.err.title_short"},
			{"long title", func(in *voice.FileInput) { in.Title = strings.Repeat("长", voice.MaxTitle+1) }, "voice.err.too_long"},
			{"short body", func(in *voice.FileInput) { in.Body = "太短了" }, "voice.err.body_short"},
			{"long body", func(in *voice.FileInput) { in.Body = strings.Repeat("字", voice.MaxBody+1) }, "voice.err.too_long"},
			{"no contact", func(in *voice.FileInput) { in.Contact = "" }, "voice.err.contact_required"},
			{"bad contact", func(in *voice.FileInput) { in.Contact = "12345" }, "voice.err.contact"},
			{"bad kind", func(in *voice.FileInput) { in.Kind = "complaint" }, "voice.err.kind"},
			{"bad topic", func(in *voice.FileInput) { in.Topic = "weather" }, "voice.err.topic"},
			{"not a public org", func(in *voice.FileInput) { in.OrgID = f.dept.ID }, "voice.err.org"},
			{"no org", func(in *voice.FileInput) { in.OrgID = 0 }, "voice.err.org"},
		} {
			t.Run(c.name, func(t *testing.T) {
				in := good
				c.edit(&in)
				_, _, err := f.s.File(ctx, in)
				wantCode(t, err, c.code)
			})
		}
		if n := count(t, d, `SELECT COUNT(*) FROM voice_items`); n != 0 {
			t.Fatalf("%d items saved from bad input", n)
		}
		it, code, err := f.s.File(ctx, good)
		must(t, err)
		if !regexp.MustCompile(`^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$`).MatchString(code) {
			t.Errorf("code %q", code)
		}
		if it.Contact != "139****5678" || it.Status != voice.Submitted {
			t.Errorf("filed %+v", it)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM voice_items WHERE contact LIKE '%13912345678%' OR code_hash LIKE ?`, "%"+shortcode.Norm(code)+"%"); n != 0 {
			t.Error("contact or code kept in clear")
		}
		got, err := f.s.ByCode(ctx, strings.ToLower(strings.ReplaceAll(code, "-", " ")))
		must(t, err)
		if got.ID != it.ID {
			t.Errorf("by code: %d, want %d", got.ID, it.ID)
		}
		if _, err := f.s.ByCode(ctx, "2222-2222-2222"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("a wrong code: %v", err)
		}
		// The public files at most MaxPerHour items an hour from one address.
		for i := 1; i < voice.MaxPerHour; i++ {
			_, _, err := f.s.File(ctx, good)
			must(t, err)
		}
		_, _, err = f.s.File(ctx, good)
		wantCode(t, err, "voice.err.rate")
	})
}

// The whole path: accepted with a due date, assigned, answered by the
// handler only, rated with the code; the filer's timeline has no staff note.
func TestHandleFlow(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		it, code := f.file(t, f.city, "职称评审结果")
		must(t, f.s.Accept(ctx, it.ID, clerk))
		wantCode(t, f.s.Accept(ctx, it.ID, clerk), "voice.err.status")
		wantCode(t, f.s.Assign(ctx, it.ID, "nobody", clerk), "voice.err.handler")
		must(t, f.s.Assign(ctx, it.ID, "wang", clerk))
		must(t, f.s.Note(ctx, it.ID, "已电话联系人社局", clerk))
		wantCode(t, f.s.Answer(ctx, it.ID, "答复", clerk), "voice.err.not_handler")
		wantCode(t, f.s.Answer(ctx, it.ID, " ", wang), "voice.err.answer")
		must(t, f.s.Answer(ctx, it.ID, "评审结果将于三月底公示。", wang))
		wantCode(t, f.s.Rate(ctx, it.ID, "great", voice.Filer{Code: code}), "voice.err.rating")
		if err := f.s.Rate(ctx, it.ID, voice.Satisfied, voice.Filer{Code: "2222-2222-2222"}); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("rate with a wrong code: %v", err)
		}
		must(t, f.s.Rate(ctx, it.ID, voice.Satisfied, voice.Filer{Code: code}))
		got, err := f.s.Item(ctx, it.ID)
		must(t, err)
		if got.Status != voice.Closed || got.Rating != voice.Satisfied || got.HandlerName != "王办理" || got.Answer != "评审结果将于三月底公示。" {
			t.Errorf("closed item %+v", got)
		}
		pub, err := f.s.Events(ctx, it.ID, false)
		must(t, err)
		all, err := f.s.Events(ctx, it.ID, true)
		must(t, err)
		var acts []string
		for _, e := range pub {
			acts = append(acts, e.Action)
		}
		if strings.Join(acts, " ") != "file accept assign answer rate" || len(all) != len(pub)+1 {
			t.Errorf("timeline %v (%d with notes)", acts, len(all))
		}
	})
}

// Nobody handles what they filed: the filer, signed in as staff, may not
// accept, decline, note, transfer, answer, nor be assigned it.
func TestIntegrity(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		me := voice.Actor{UserID: 7, Name: "李建言"}
		it, _, err := f.s.File(ctx, voice.FileInput{OrgID: f.city.ID, Kind: voice.Suggestion, Topic: "kexie_work", Title: "建议设立青年科技工作者沙龙",
			Body: "建议市科协每季度举办一次青年科技工作者沙龙。", UserID: me.UserID, Name: me.Name})
		must(t, err)
		wantCode(t, f.s.Accept(ctx, it.ID, me), "voice.err.own")
		wantCode(t, f.s.Decline(ctx, it.ID, "不属于受理范围", me), "voice.err.own")
		wantCode(t, f.s.Note(ctx, it.ID, "备注", me), "voice.err.own")
		wantCode(t, f.s.Transfer(ctx, it.ID, f.county.ID, "属地办理", access.Subtrees(f.city.Path), me), "voice.err.own")
		must(t, f.s.Accept(ctx, it.ID, clerk))
		wantCode(t, f.s.Assign(ctx, it.ID, "filer", clerk), "voice.err.own_handler")
		wantCode(t, f.s.Assign(ctx, it.ID, "wang", me), "voice.err.own")
		must(t, f.s.Assign(ctx, it.ID, "wang", clerk))
		wantCode(t, f.s.Answer(ctx, it.ID, "自己答复自己", me), "voice.err.own")
		// The filer, signed in, rates their own item without a code.
		must(t, f.s.Answer(ctx, it.ID, "已采纳，将于下季度试办。", wang))
		if err := f.s.Rate(ctx, it.ID, voice.Satisfied, voice.Filer{UserID: 8}); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another user rates: %v", err)
		}
		must(t, f.s.Rate(ctx, it.ID, voice.Satisfied, voice.Filer{UserID: 7, Name: me.Name}))
	})
}

// The time limit counts working days: accepted on the eve of the National
// Day holiday, a request is due 15 working days later (the 调休 Saturday
// counting), and is flagged overdue the day after.
func TestDueAcrossHoliday(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		*f.now = time.Date(2026, 9, 30, 10, 0, 0, 0, calendar.Beijing)
		req, _ := f.file(t, f.city, "国庆前的诉求")
		must(t, f.s.Accept(ctx, req.ID, clerk))
		sug, _, err := f.s.File(ctx, voice.FileInput{OrgID: f.city.ID, Kind: voice.Suggestion, Topic: "sci_policy", Title: "加强基础研究支持",
			Body: "建议加大对基础研究的稳定支持力度。", Contact: "a@example.com"})
		must(t, err)
		must(t, f.s.Accept(ctx, sug.ID, clerk))
		got, err := f.s.Item(ctx, req.ID)
		must(t, err)
		if day := got.DueAt.Add(-time.Second).In(calendar.Beijing).Format("2006-01-02"); day != "2026-10-26" {
			t.Errorf("request due %s, want 2026-10-26", day)
		}
		if got.Overdue {
			t.Error("overdue on the day it was accepted")
		}
		s2, err := f.s.Item(ctx, sug.ID)
		must(t, err)
		if !s2.DueAt.After(got.DueAt) {
			t.Errorf("suggestion due %v, not after the request's %v", s2.DueAt, got.DueAt)
		}
		*f.now = time.Date(2026, 10, 27, 10, 0, 0, 0, calendar.Beijing)
		got, err = f.s.Item(ctx, req.ID)
		must(t, err)
		scope := access.Subtrees(f.city.Path)
		list, total, err := f.s.List(ctx, voice.Filter{Scope: scope, Overdue: true})
		must(t, err)
		n, err := f.s.OverdueCount(ctx, scope, 0)
		must(t, err)
		if !got.Overdue || total != 1 || len(list) != 1 || list[0].ID != req.ID || n != 1 {
			t.Errorf("overdue: item %v, list %d, count %d", got.Overdue, total, n)
		}
	})
}

// An unsatisfied filer reopens once; the second time is refused, and a
// satisfied one cannot reopen at all.
func TestReopenOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		it, code := f.file(t, f.city, "科研经费报销")
		must(t, f.s.Accept(ctx, it.ID, clerk))
		must(t, f.s.Assign(ctx, it.ID, "wang", clerk))
		must(t, f.s.Answer(ctx, it.ID, "请咨询财务处。", wang))
		wantCode(t, f.s.Reopen(ctx, it.ID, "没有回答问题", voice.Filer{Code: code}), "voice.err.status")
		must(t, f.s.Rate(ctx, it.ID, voice.Unsatisfied, voice.Filer{Code: code}))
		wantCode(t, f.s.Reopen(ctx, it.ID, "", voice.Filer{Code: code}), "voice.err.reason")
		must(t, f.s.Reopen(ctx, it.ID, "没有回答问题", voice.Filer{Code: code}))
		got, err := f.s.Item(ctx, it.ID)
		must(t, err)
		if got.Status != voice.Assigned || !got.Reopened || got.Rating != "" {
			t.Errorf("reopened %+v", got)
		}
		must(t, f.s.Answer(ctx, it.ID, "按照新规定，横向经费可以报销。", wang))
		must(t, f.s.Rate(ctx, it.ID, voice.Unsatisfied, voice.Filer{Code: code}))
		wantCode(t, f.s.Reopen(ctx, it.ID, "还是不满意", voice.Filer{Code: code}), "voice.err.reopened")
	})
}

// A correction keeps the earlier answer in the timeline.
func TestCorrectKeepsOld(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		it, _ := f.file(t, f.city, "成果转化收益")
		must(t, f.s.Accept(ctx, it.ID, clerk))
		must(t, f.s.Assign(ctx, it.ID, "wang", clerk))
		must(t, f.s.Answer(ctx, it.ID, "收益的50%归团队。", wang))
		wantCode(t, f.s.Correct(ctx, it.ID, "收益的70%归团队。", "比例有误", clerk), "voice.err.not_handler")
		must(t, f.s.Correct(ctx, it.ID, "收益的70%归团队。", "比例有误", wang))
		got, err := f.s.Item(ctx, it.ID)
		must(t, err)
		evs, err := f.s.Events(ctx, it.ID, false)
		must(t, err)
		texts := ""
		for _, e := range evs {
			texts += e.Note + "|" + e.Detail + "|"
		}
		if got.Answer != "收益的70%归团队。" || !strings.Contains(texts, "收益的50%归团队。") || !strings.Contains(texts, "比例有误") {
			t.Errorf("answer %q, timeline %s", got.Answer, texts)
		}
	})
}

// A contact is revealed in full only through Reveal, which is audited.
func TestRevealAudited(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		it, _ := f.file(t, f.city, "权益保障")
		plain, err := f.s.Reveal(ctx, it.ID)
		must(t, err)
		if plain != "13912345678" {
			t.Errorf("revealed %q", plain)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'voice.reveal' AND target = ?`, "voice_item:"+itoa(it.ID)); n != 1 {
			t.Errorf("%d reveal records", n)
		}
	})
}

// Lists are scoped: a city's staff see their subtree, never another
// city's; no scope sees nothing; an org filter stays inside the scope.
func TestListScope(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		f.file(t, f.city, "市里的诉求")
		f.file(t, f.county, "区里的诉求")
		f.file(t, f.peer, "别的市的诉求")
		for _, c := range []struct {
			name string
			f    voice.Filter
			want int
		}{
			{"city", voice.Filter{Scope: access.Subtrees(f.city.Path)}, 2},
			{"peer", voice.Filter{Scope: access.Subtrees(f.peer.Path)}, 1},
			{"no scope", voice.Filter{}, 0},
			{"everywhere", voice.Filter{Scope: access.Everywhere()}, 3},
			{"county inside", voice.Filter{Scope: access.Subtrees(f.city.Path), OrgPath: f.county.Path}, 1},
			{"peer outside", voice.Filter{Scope: access.Subtrees(f.city.Path), OrgPath: f.peer.Path}, 0},
			{"search", voice.Filter{Scope: access.Everywhere(), Q: "区里"}, 1},
			{"search body", voice.Filter{Scope: access.Everywhere(), Q: "正高级工程师"}, 3},
			{"kind", voice.Filter{Scope: access.Everywhere(), Kind: voice.Suggestion}, 0},
			{"topic", voice.Filter{Scope: access.Everywhere(), Topic: "title_review"}, 3},
		} {
			t.Run(c.name, func(t *testing.T) {
				list, total, err := f.s.List(ctx, c.f)
				must(t, err)
				if total != c.want || len(list) != c.want {
					t.Errorf("got %d (%d listed), want %d", total, len(list), c.want)
				}
			})
		}
		n, err := f.s.ToAccept(ctx, access.Scope{}, 0)
		must(t, err)
		if n != 0 {
			t.Errorf("no scope counts %d", n)
		}
	})
}

// A transfer goes to an org of the scope that takes items, with a reason.
func TestTransfer(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		it, _ := f.file(t, f.city, "区里的事")
		scope := access.Subtrees(f.city.Path)
		must(t, f.s.Accept(ctx, it.ID, clerk))
		must(t, f.s.Assign(ctx, it.ID, "wang", clerk))
		wantCode(t, f.s.Transfer(ctx, it.ID, f.peer.ID, "属地", scope, clerk), "voice.err.transfer_org")
		wantCode(t, f.s.Transfer(ctx, it.ID, f.dept.ID, "属地", scope, clerk), "voice.err.transfer_org")
		wantCode(t, f.s.Transfer(ctx, it.ID, f.city.ID, "属地", scope, clerk), "voice.err.transfer_same")
		wantCode(t, f.s.Transfer(ctx, it.ID, f.county.ID, "", scope, clerk), "voice.err.reason")
		before, _ := f.s.Item(ctx, it.ID)
		must(t, f.s.Transfer(ctx, it.ID, f.county.ID, "属地办理", scope, clerk))
		got, err := f.s.Item(ctx, it.ID)
		must(t, err)
		if got.OrgID != f.county.ID || got.Status != voice.Accepted || got.HandlerUser != 0 || !got.DueAt.Equal(before.DueAt) {
			t.Errorf("transferred %+v", got)
		}
	})
}

// An answer nobody rates closes by itself after CloseDays working days.
func TestCloseDue(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		it, _ := f.file(t, f.city, "无人评价")
		must(t, f.s.Accept(ctx, it.ID, clerk))
		must(t, f.s.Assign(ctx, it.ID, "wang", clerk))
		must(t, f.s.Answer(ctx, it.ID, "答复内容。", wang))
		n, err := f.s.CloseDue(ctx)
		must(t, err)
		if n != 0 {
			t.Fatalf("closed %d at once", n)
		}
		*f.now = f.now.AddDate(0, 0, 15)
		n, err = f.s.CloseDue(ctx)
		must(t, err)
		got, _ := f.s.Item(ctx, it.ID)
		if n != 1 || got.Status != voice.Closed {
			t.Errorf("closed %d, status %s", n, got.Status)
		}
	})
}

// The year's numbers and the live measures count the same items.
func TestStats(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		a, ca := f.file(t, f.city, "按时答复的")
		b, _ := f.file(t, f.county, "逾期未答的")
		c, _ := f.file(t, f.city, "不予受理的")
		must(t, f.s.Accept(ctx, a.ID, clerk))
		must(t, f.s.Assign(ctx, a.ID, "wang", clerk))
		must(t, f.s.Answer(ctx, a.ID, "答复。", wang))
		must(t, f.s.Rate(ctx, a.ID, voice.Fair, voice.Filer{Code: ca}))
		must(t, f.s.Accept(ctx, b.ID, clerk))
		must(t, f.s.Decline(ctx, c.ID, "重复提交", clerk))
		*f.now = f.now.AddDate(0, 2, 0)
		st, err := f.s.YearStats(ctx, access.Subtrees(f.city.Path), "", 2026)
		must(t, err)
		tt := st.Total
		if tt.Filed != 3 || tt.Declined != 1 || tt.Answered != 1 || tt.Closed != 1 || tt.Timed != 2 || tt.OnTime != 1 || tt.Overdue != 1 ||
			tt.OnTimeRate() != 50 || tt.SatisfiedRate() != 100 || tt.ClosedRate() != 50 {
			t.Errorf("total %+v", tt)
		}
		if st.ByTopic[0].Topic != "title_review" || st.ByTopic[0].Filed != 3 {
			t.Errorf("by topic %+v", st.ByTopic[0])
		}
		none, err := f.s.YearStats(ctx, access.Scope{}, "", 2026)
		must(t, err)
		if none.Total.Filed != 0 {
			t.Error("no scope counts")
		}
		want := map[string]float64{voice.SourceSuggestions: 0, voice.SourceClosedRate: 50, voice.SourceOnTime: 50, voice.SourceSatisfied: 100}
		for _, src := range f.s.Sources() {
			v, err := src.Value(ctx, access.Subtrees(f.city.Path), measureAll())
			must(t, err)
			if v != want[src.Key] {
				t.Errorf("%s = %v, want %v", src.Key, v, want[src.Key])
			}
			if v, _ := src.Value(ctx, access.Scope{}, measureAll()); v != 0 {
				t.Errorf("%s without scope = %v", src.Key, v)
			}
			// A year with nothing filed: no count, and no rate (not 0 %).
			empty := measure.Period{From: time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2002, 1, 1, 0, 0, 0, 0, time.UTC)}
			v, err = src.Value(ctx, access.Subtrees(f.city.Path), empty)
			must(t, err)
			if rate := src.Kind == measure.Share; rate == measure.Known(v) || (!rate && v != 0) {
				t.Errorf("%s in a year with nothing filed = %v", src.Key, v)
			}
		}
	})
}
