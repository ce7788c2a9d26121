package conference_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/conference"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// Whoever wrote a plan — filed, edited or submitted it — never approves or
// returns it, and whoever wrote a summary — filed or corrected it — never
// confirms it, though someone else filed the plan (a clerk of the city who
// edits and files a society's draft holds the city's grant to approve);
// the home page's 待办 counts leave them out too (security review 51).
func TestNoStepOnOwnWork(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		city := access.Subtrees(f.city.Path)
		clerk := conference.Actor{UserID: 40, Name: "市科协办事员"}
		fixer := conference.Actor{UserID: 50, Name: "学会副秘书长"}
		id, err := f.s.Create(ctx, good(f.soc), access.Subtrees(f.soc.Path), secretary)
		must(t, err)
		in := good(f.soc)
		in.Venue = "攀枝花学院学术报告厅"
		must(t, f.s.Update(ctx, id, in, city, clerk))
		must(t, f.s.Submit(ctx, id, clerk))
		wantCode(t, f.s.Approve(ctx, id, city, clerk), "conference.err.own")
		wantCode(t, f.s.Return(ctx, id, "请补充议程", city, clerk), "conference.err.own")
		if n, _ := f.s.ToApprove(ctx, city, clerk.UserID); n != 0 {
			t.Errorf("the clerk who filed it sees %d to approve", n)
		}
		if n, _ := f.s.ToApprove(ctx, city, approver.UserID); n != 1 {
			t.Errorf("the approver sees %d to approve", n)
		}
		if plan, _, err := f.s.Hands(ctx, id, clerk.UserID); err != nil || !plan {
			t.Errorf("Hands(clerk) = %v, %v", plan, err)
		}
		must(t, f.s.Approve(ctx, id, city, approver))
		must(t, f.s.OpenRegistration(ctx, id, secretary))
		*f.now = time.Date(2026, 5, 20, 8, 0, 0, 0, time.UTC)
		must(t, f.s.MarkHeld(ctx, id, secretary))
		*f.now = time.Date(2026, 5, 25, 8, 0, 0, 0, time.UTC)
		sum := conference.SummaryInput{Attendance: "0", Papers: "0", Outcome: "会议交流论文若干篇，形成钒钛产业技术路线建议一份。"}
		must(t, f.s.FileSummary(ctx, id, sum, secretary))
		sum.Attendance, sum.Note, sum.Reason = "40", "现场纸质签到", "补录纸质签到"
		must(t, f.s.FileSummary(ctx, id, sum, fixer))
		// The summary's first filer and its corrector, with the city's grant.
		wantCode(t, f.s.Confirm(ctx, id, city, secretary), "conference.err.own")
		wantCode(t, f.s.Confirm(ctx, id, city, fixer), "conference.err.own")
		wantCode(t, f.s.Confirm(ctx, id, city, clerk), "conference.err.own")
		for _, u := range []conference.Actor{secretary, fixer, clerk} {
			if n, _ := f.s.ToConfirm(ctx, city, u.UserID); n != 0 {
				t.Errorf("%s sees %d to confirm", u.Name, n)
			}
		}
		if n, _ := f.s.ToConfirm(ctx, city, approver.UserID); n != 1 {
			t.Errorf("the approver sees %d to confirm", n)
		}
		must(t, f.s.Confirm(ctx, id, city, approver))
	})
}

// Check-in is attendance: only from the day before the conference (报到)
// to its last day — not weeks ahead to pad the count, not after the end,
// when the summary fixes the attendance (never below the check-ins). Once
// the summary is filed (the papers exchanged never fewer than those
// accepted) the papers' decisions stand (security review 51).
func TestCheckInOnConferenceDays(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc)) // 20–21 May 2026
		early, err := f.s.Register(ctx, id, conference.RegInput{UserID: member.UserID, Name: member.Name})
		must(t, err)
		late, err := f.s.Register(ctx, id, conference.RegInput{Name: "王公众", Contact: "13912345678"})
		must(t, err)
		pid, err := f.s.SubmitPaper(ctx, id, conference.PaperInput{Title: "钒钛磁铁矿综合利用新工艺", Authors: "张会员",
			Abstract: "本文介绍一种钒钛磁铁矿综合利用的新工艺及其工业试验结果。"}, member)
		must(t, err)
		must(t, f.s.DecidePaper(ctx, id, pid, conference.PaperAccepted, "", secretary))
		checkin := func(code string) error { _, err := f.s.CheckIn(ctx, id, code, secretary); return err }
		wantCode(t, checkin(early.Code), "conference.err.checkin_days") // 2 March
		*f.now = time.Date(2026, 5, 18, 23, 0, 0, 0, calendar.Beijing)
		wantCode(t, checkin(early.Code), "conference.err.checkin_days")
		*f.now = time.Date(2026, 5, 19, 18, 0, 0, 0, calendar.Beijing) // the day people arrive
		must(t, checkin(early.Code))
		*f.now = time.Date(2026, 5, 22, 0, 30, 0, 0, calendar.Beijing)
		must(t, f.s.MarkHeld(ctx, id, secretary))
		wantCode(t, checkin(late.Code), "conference.err.checkin_days")
		must(t, f.s.FileSummary(ctx, id, conference.SummaryInput{Attendance: "1", Papers: "1",
			Outcome: "会议交流论文一篇，形成钒钛产业技术路线建议一份。"}, secretary))
		wantCode(t, f.s.DecidePaper(ctx, id, pid, conference.PaperRejected, "撤稿", approver), "conference.err.summary_filed")
		c, err := f.s.Get(ctx, id)
		must(t, err)
		if c.CheckedIn != 1 || c.Accepted != 1 || c.Summary.Attendance != 1 || c.Summary.Papers != 1 {
			t.Errorf("checked in %d, accepted %d, summary %+v", c.CheckedIn, c.Accepted, c.Summary)
		}
	})
}

// One member submits at most MaxPapers papers to one conference: the call
// for papers is open to every account, and each paper is up to 3,000
// characters in the organiser's list (security review 51).
func TestPapersPerMember(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc))
		other := f.open(t, good(f.soc))
		paper := func(conf int64, i int) error {
			_, err := f.s.SubmitPaper(ctx, conf, conference.PaperInput{Title: fmt.Sprintf("钒钛磁铁矿综合利用研究之%d", i), Authors: "张会员",
				Abstract: "本文介绍一种钒钛磁铁矿综合利用的新工艺及其工业试验结果。"}, member)
			return err
		}
		for i := 0; i < conference.MaxPapers; i++ {
			must(t, paper(id, i))
		}
		wantCode(t, paper(id, conference.MaxPapers), "conference.err.papers_count")
		must(t, paper(other, 0)) // another conference counts its own
		if n := count(t, d, `SELECT COUNT(*) FROM conference_papers WHERE conf_id = ?`, id); n != conference.MaxPapers {
			t.Errorf("%d papers saved, want %d", n, conference.MaxPapers)
		}
	})
}

// An export holds every row of its filter: a conference takes up to
// 100,000 registrations, and the registrations' and papers' exports read
// them a page at a time instead of one page of db.MaxPage (10,000) rows
// (security review 51).
func TestExportsEveryRow(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		cs := serveConf(t, d)
		ctx := context.Background()
		sec, _ := cs.User(t, "xiehui", access.OrgStaff, cs.soc)
		now := *cs.now
		in := good(cs.soc)
		in.StartsOn, in.EndsOn, in.Capacity = day(now, 10), day(now, 11), "20000"
		id, err := cs.Store.Create(ctx, in, access.Subtrees(cs.soc.Path), secretary)
		must(t, err)
		must(t, cs.Store.Submit(ctx, id, secretary))
		must(t, cs.Store.Approve(ctx, id, access.Subtrees(cs.City.Path), approver))
		must(t, cs.Store.OpenRegistration(ctx, id, secretary))
		const n = 10001
		at := db.Millis(now)
		dbtest.Insert(t, d, `INSERT INTO conference_regs (id, conf_id, name, employer, code, created_at) VALUES `, "(?, ?, ?, '', ?, ?)", n,
			func(tx *db.Tx, j int) []any {
				return []any{tx.NewID(), id, fmt.Sprintf("参会人%05d", j), fmt.Sprintf("C%011d", j), at + int64(j)}
			})
		dbtest.Insert(t, d, `INSERT INTO conference_papers (id, conf_id, title, authors, abstract, user_id, status, submitted_at) VALUES `,
			"(?, ?, ?, '作者', '摘要', ?, 'submitted', ?)", n,
			func(tx *db.Tx, j int) []any {
				return []any{tx.NewID(), id, fmt.Sprintf("论文%05d", j), 1000 + j, at + int64(j)}
			})
		base := fmt.Sprintf("/conference/admin/%d", id)
		if rows := sec.XLSX(base + "/regs?format=xlsx"); len(rows) != n+1 || rows[n][1] != fmt.Sprintf("参会人%05d", n-1) {
			t.Errorf("the registrations' export has %d rows, want %d", len(rows), n+1)
		}
		if rows := sec.XLSX(base + "/papers?format=xlsx"); len(rows) != n+1 {
			t.Errorf("the papers' export has %d rows, want %d", len(rows), n+1)
		}
	})
}

// A correction that puts the attendance above the check-ins needs a note
// on who came without checking in, and keeps it: in the timeline beside
// the reason, and in the audit entry (it was asked for, then dropped)
// (security review 51).
func TestCorrectionKeepsNote(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc))
		*f.now = time.Date(2026, 5, 20, 9, 0, 0, 0, calendar.Beijing)
		must(t, f.s.MarkHeld(ctx, id, secretary))
		*f.now = time.Date(2026, 5, 25, 9, 0, 0, 0, calendar.Beijing)
		sum := conference.SummaryInput{Attendance: "0", Papers: "0", Outcome: "会议交流论文若干篇，形成钒钛产业技术路线建议一份。"}
		must(t, f.s.FileSummary(ctx, id, sum, secretary))
		sum.Attendance, sum.Reason = "45", "补录纸质签到表"
		wantCode(t, f.s.FileSummary(ctx, id, sum, secretary), "conference.err.above_checkins")
		sum.Note = "45 人在分会场纸质签到"
		must(t, f.s.FileSummary(ctx, id, sum, secretary))
		evs, err := f.s.Events(ctx, id)
		must(t, err)
		last := evs[len(evs)-1]
		if last.Action != "correct" || !strings.Contains(last.Note, sum.Reason) || !strings.Contains(last.Note, sum.Note) {
			t.Errorf("the correction's event %+v", last)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'conference.correct' AND summary LIKE ?`, "%"+sum.Note+"%"); n != 1 {
			t.Errorf("%d audit entries of the correction keep the note", n)
		}
	})
}

// A plan returned and edited keeps what the org above was first sent: the
// edit's audit entry holds every changed field before and after, not only
// the title and the start date (security review 51).
func TestEditKeepsHistory(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		scope := access.Subtrees(f.soc.Path)
		id, err := f.s.Create(ctx, good(f.soc), scope, secretary)
		must(t, err)
		must(t, f.s.Submit(ctx, id, secretary))
		must(t, f.s.Return(ctx, id, "经费预算偏低，名额请按场地核定", access.Subtrees(f.city.Path), approver))
		in := good(f.soc)
		in.Capacity, in.Budget, in.Venue = "50", "20", "攀枝花学院学术报告厅"
		must(t, f.s.Update(ctx, id, in, scope, secretary))
		var summary string
		if err := d.QueryRow(ctx, `SELECT summary FROM audit_log WHERE action = 'conference.edit' AND target = ?`, fmt.Sprintf("conference:%d", id)).
			Scan(&summary); err != nil {
			t.Fatal(err)
		}
		var got struct{ Before, After map[string]any }
		must(t, json.Unmarshal([]byte(summary), &got))
		want := map[string][2]any{"capacity": {3.0, 50.0}, "budget": {"12.5", "20"}, "venue": {"攀枝花国际会展中心", "攀枝花学院学术报告厅"}}
		for k, w := range want {
			if got.Before[k] != w[0] || got.After[k] != w[1] {
				t.Errorf("%s: %v → %v, want %v → %v", k, got.Before[k], got.After[k], w[0], w[1])
			}
		}
		if len(got.After) != len(want) {
			t.Errorf("the entry records %v, want only the changed fields", got.After)
		}
	})
}

// The organiser's staff never take the org above's steps, though they hold
// its grant too (a 科协 clerk who is also a society's secretary-general):
// not approve, return or confirm; the root's own conferences, approved at
// the root, aside (security review 51).
func TestOrganiserStaffNeverApprove(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		city := access.Subtrees(f.city.Path)
		both := conference.Actor{UserID: 60, Name: "兼任学会秘书长", Staff: []string{f.city.Path, f.soc.Path}}
		id, err := f.s.Create(ctx, good(f.soc), access.Subtrees(f.soc.Path), secretary)
		must(t, err)
		must(t, f.s.Submit(ctx, id, secretary))
		wantCode(t, f.s.Approve(ctx, id, city, both), "conference.err.own_org")
		wantCode(t, f.s.Return(ctx, id, "请补充议程", city, both), "conference.err.own_org")
		if n, _ := f.s.ToApproveBy(ctx, city, both); n != 0 {
			t.Errorf("the society's staff see %d to approve", n)
		}
		if n, _ := f.s.ToApproveBy(ctx, city, conference.Actor{UserID: approver.UserID, Staff: []string{f.city.Path}}); n != 1 {
			t.Errorf("the city's staff see %d to approve", n)
		}
		// Staff of the city alone approve.
		must(t, f.s.Approve(ctx, id, city, conference.Actor{UserID: approver.UserID, Name: approver.Name, Staff: []string{f.city.Path}}))
		must(t, f.s.OpenRegistration(ctx, id, secretary))
		*f.now = time.Date(2026, 5, 20, 9, 0, 0, 0, calendar.Beijing)
		must(t, f.s.MarkHeld(ctx, id, secretary))
		*f.now = time.Date(2026, 5, 25, 9, 0, 0, 0, calendar.Beijing)
		must(t, f.s.FileSummary(ctx, id, conference.SummaryInput{Attendance: "0", Papers: "0",
			Outcome: "会议交流论文若干篇，形成钒钛产业技术路线建议一份。"}, secretary))
		wantCode(t, f.s.Confirm(ctx, id, city, both), "conference.err.own_org")
		if n, _ := f.s.ToConfirmBy(ctx, city, both); n != 0 {
			t.Errorf("the society's staff see %d to confirm", n)
		}
		if n, _ := f.s.ToConfirmBy(ctx, city, conference.Actor{UserID: approver.UserID, Staff: []string{f.city.Path}}); n != 1 {
			t.Errorf("the city's staff see %d to confirm", n)
		}
		// The root's own: its staff approve at the root.
		*f.now = time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Beijing)
		root := access.Subtrees(f.root.Path)
		own, err := f.s.Create(ctx, good(f.root), root, secretary)
		must(t, err)
		must(t, f.s.Submit(ctx, own, secretary))
		if n, _ := f.s.ToApproveBy(ctx, root, conference.Actor{UserID: approver.UserID, Staff: []string{f.root.Path}}); n != 1 {
			t.Errorf("the root's staff see %d of the root's own to approve", n)
		}
		must(t, f.s.Approve(ctx, own, root, conference.Actor{UserID: approver.UserID, Name: approver.Name, Staff: []string{f.root.Path}}))
	})
}

// Over HTTP: a second account — the city's staff who is also the
// society's — is refused the approval, and the page says why instead of
// offering it.
func TestOrganiserStaffSite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		cs := serveConf(t, d)
		ctx := context.Background()
		both, bothU := cs.User(t, "jianren", access.OrgStaff, cs.City)
		if err := cs.Auth.Grant(ctx, bothU.ID, cs.soc.ID, access.OrgStaff, 0); err != nil {
			t.Fatal(err)
		}
		boss, _ := cs.User(t, "boss", access.OrgStaff, cs.City)
		now := *cs.now
		in := good(cs.soc)
		in.StartsOn, in.EndsOn = day(now, 10), day(now, 11)
		id, err := cs.Store.Create(ctx, in, access.Subtrees(cs.soc.Path), secretary)
		must(t, err)
		must(t, cs.Store.Submit(ctx, id, secretary))
		base := fmt.Sprintf("/conference/admin/%d", id)
		res, body := both.Get(base)
		status(t, "the society's staff see", res, body, 200, "主办单位（或其下级单位）的工作人员不能审批")
		if strings.Contains(body, `id="approve-submit"`) {
			t.Error("the page offers the organiser's staff the approval")
		}
		res, body = both.Post(base+"/approve", url.Values{})
		status(t, "the society's staff approve", res, body, 422, "主办单位（或其下级单位）的工作人员不能审批")
		res, body = boss.Get(base)
		status(t, "the city's staff see", res, body, 200)
		if !strings.Contains(body, `id="approve-submit"`) {
			t.Error("the page does not offer the city's staff the approval")
		}
		res, body = boss.Post(base+"/approve", url.Values{})
		status(t, "the city's staff approve", res, body, 303)
	})
}

// An author never decides their paper, though another member submitted
// it: a programme member or staff whose name is among its authors is
// refused (security review 51).
func TestCoauthorNeverDecides(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc))
		pid, err := f.s.SubmitPaper(ctx, id, conference.PaperInput{Title: "钒钛磁铁矿综合利用新工艺", Authors: "张会员、李评审",
			Abstract: "本文介绍一种钒钛磁铁矿综合利用的新工艺及其工业试验结果。"}, member)
		must(t, err)
		coauthor := conference.Actor{UserID: 70, Name: " 李评审 "}
		wantCode(t, f.s.DecidePaper(ctx, id, pid, conference.PaperAccepted, "", coauthor), "conference.err.coauthor")
		wantCode(t, f.s.DecidePaper(ctx, id, pid, conference.PaperAccepted, "", member), "conference.err.own_paper")
		must(t, f.s.DecidePaper(ctx, id, pid, conference.PaperAccepted, "", secretary))
	})
}

// A conference people checked in at took place: it is not called off —
// out of the held counts and the overdue summaries — but marked held and
// summarized (security review 51).
func TestNoCancelAfterCheckIn(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc))
		r, err := f.s.Register(ctx, id, conference.RegInput{UserID: member.UserID, Name: member.Name})
		must(t, err)
		*f.now = time.Date(2026, 5, 20, 9, 0, 0, 0, calendar.Beijing)
		_, err = f.s.CheckIn(ctx, id, r.Code, secretary)
		must(t, err)
		wantCode(t, f.s.Cancel(ctx, id, "场地临时无法使用", secretary), "conference.err.cancel_checked_in")
		if c, _ := f.s.Get(ctx, id); c.Status != conference.Open {
			t.Errorf("status %s", c.Status)
		}
	})
}

// The bound holds for submissions at once: 30 from one member, 10 saved,
// the others refused (security review 51).
func TestPapersPerMemberAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc))
		atOnce(t, 30, "papers_count", func(i int) error {
			_, err := f.s.SubmitPaper(ctx, id, conference.PaperInput{Title: fmt.Sprintf("钒钛磁铁矿综合利用研究之%d", i), Authors: "张会员",
				Abstract: "本文介绍一种钒钛磁铁矿综合利用的新工艺及其工业试验结果。"}, member)
			return err
		})
		if n := count(t, d, `SELECT COUNT(*) FROM conference_papers WHERE conf_id = ?`, id); n != conference.MaxPapers {
			t.Errorf("%d papers saved, want %d", n, conference.MaxPapers)
		}
	})
}

// The programme committee's bound holds for namings at once: 40 at once,
// 30 named (security review 51).
func TestProgrammeBoundAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		s := conference.NewStore(d, conference.Config{Users: func(ctx context.Context, name string) (conference.Person, error) {
			var i int64
			_, err := fmt.Sscanf(name, "expert%d", &i)
			return conference.Person{UserID: 1000 + i, Name: name}, err
		}})
		id := f.open(t, good(f.soc))
		atOnce(t, 40, "programme_full", func(i int) error { return s.AddProgramme(ctx, id, fmt.Sprintf("expert%d", i), secretary) })
		if n := count(t, d, `SELECT COUNT(*) FROM conference_programme WHERE conf_id = ?`, id); n != conference.MaxProgramme {
			t.Errorf("%d named, want %d", n, conference.MaxProgramme)
		}
	})
}

// A paper decided by several at once is counted once; registrations at
// once from one address are held to MaxPerHour (security review 51).
func TestDecisionsAndRegistrationsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		in := good(f.soc)
		in.Capacity = "100"
		id := f.open(t, in)
		pid, err := f.s.SubmitPaper(ctx, id, conference.PaperInput{Title: "钒钛磁铁矿综合利用新工艺", Authors: "张会员",
			Abstract: "本文介绍一种钒钛磁铁矿综合利用的新工艺及其工业试验结果。"}, member)
		must(t, err)
		atOnce(t, 30, "unchanged", func(i int) error {
			return f.s.DecidePaper(ctx, id, pid, conference.PaperAccepted, "", conference.Actor{UserID: int64(200 + i), Name: fmt.Sprint("评审", i)})
		})
		if c, _ := f.s.Get(ctx, id); c.Accepted != 1 {
			t.Errorf("one paper accepted at once by thirty counts %d", c.Accepted)
		}
		atOnce(t, 20, "rate", func(i int) error {
			_, err := f.s.Register(ctx, id, conference.RegInput{Name: fmt.Sprint("公众", i), Contact: fmt.Sprintf("139000000%02d", i), Source: "one-address"})
			return err
		})
		if n := count(t, d, `SELECT COUNT(*) FROM conference_regs WHERE conf_id = ?`, id); n != conference.MaxPerHour {
			t.Errorf("%d registered from one address at once, want %d", n, conference.MaxPerHour)
		}
	})
}

// Steps at once on one conference: of approvals and returns of one filed
// plan one goes through, and the timeline holds it alone (security review
// 51).
func TestStepsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		city := access.Subtrees(f.city.Path)
		id, err := f.s.Create(ctx, good(f.soc), access.Subtrees(f.soc.Path), secretary)
		must(t, err)
		must(t, f.s.Submit(ctx, id, secretary))
		errs := make(chan error, 20)
		for i := 0; i < 20; i++ {
			go func(i int) {
				by := conference.Actor{UserID: int64(300 + i), Name: fmt.Sprint("市科协", i)}
				if i%2 == 0 {
					errs <- f.s.Approve(ctx, id, city, by)
				} else {
					errs <- f.s.Return(ctx, id, "请补充议程", city, by)
				}
			}(i)
		}
		ok := 0
		for i := 0; i < 20; i++ {
			switch err := <-errs; {
			case err == nil:
				ok++
			case !strings.Contains(fmt.Sprint(err), "conference.err.status"):
				t.Errorf("unexpected: %v", err)
			}
		}
		n := count(t, d, `SELECT COUNT(*) FROM conference_events WHERE conf_id = ? AND action IN ('approve', 'return')`, id)
		if ok != 1 || n != 1 {
			t.Errorf("%d steps went through, %d on the timeline, want 1", ok, n)
		}
	})
}

// atOnce runs fn n times at once (dbtest.AtOnce); each call succeeds or
// fails with an error naming refused (the bound or rule under test).
func atOnce(t *testing.T, n int, refused string, fn func(i int) error) {
	t.Helper()
	for _, err := range dbtest.AtOnce(n, fn) {
		if err != nil && !strings.Contains(fmt.Sprint(err), refused) {
			t.Errorf("unexpected: %v", err)
		}
	}
}
