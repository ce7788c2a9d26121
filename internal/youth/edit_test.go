package youth_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/youth"
)

// A programme is edited with its rules: bad input and locked fields save
// nothing; places never drop below those taken; the grades keep the
// applications'; the fee never rises once someone applied; once started
// only title, description, places and the last day change, once ended
// only title and description; every change is in the timeline, old → new.
func TestEditProgramme(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		pid := f.openProgramme(t, f.city) // 2026-07-10 – 07-14, two places, grades 7–9, free
		p, _ := f.s.Programme(ctx, pid)
		base := p.EditInput()
		edit := func(change func(*youth.ProgrammeInput)) error {
			in := base
			change(&in)
			return f.s.EditProgramme(ctx, pid, in, checker)
		}
		events := func() int {
			return count(t, d, `SELECT COUNT(*) FROM youth_events WHERE programme_id = ? AND action = 'edit'`, pid)
		}
		wantCode(t, edit(func(in *youth.ProgrammeInput) {}), "youth.err.no_change")
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.Title = "营" }), "youth.err.title")
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.EndsOn = "2026-07-01" }), "youth.err.ends")
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.StartsOn = "2026-06-30" }), "youth.err.starts_past")
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.Places = "0" }), "youth.err.places")

		// Two apply, one is accepted: places cannot drop below one, the
		// grades must keep grade 8, the fee cannot rise.
		var ids []int64
		for i, name := range []string{"甲同学", "乙同学"} {
			id, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent(name)}, youth.Actor{UserID: int64(500 + i), Name: "家长"})
			must(t, err)
			ids = append(ids, id)
		}
		must(t, f.s.Decide(ctx, ids[0], "accept", "", checker))
		must(t, f.s.Decide(ctx, ids[1], "accept", "", checker))
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.Places = "1" }), "youth.err.places_taken")
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.GradeLo, in.GradeHi = "9", "9" }), "youth.err.grades_taken")
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.Fee = "100" }), "youth.err.fee_rise")
		if n := events(); n != 0 {
			t.Fatalf("%d edits recorded from refused input", n)
		}
		if q, _ := f.s.Programme(ctx, pid); q.Places != 2 || q.Title != p.Title || q.Fee != 0 {
			t.Fatalf("a refused edit changed the programme: %+v", q)
		}

		// A good edit of several fields: one event listing each, audited.
		must(t, edit(func(in *youth.ProgrammeInput) {
			in.Title, in.Places, in.EndsOn, in.GradeLo = "2026年攀枝花青少年钒钛科学营", "30", "2026-07-15", "8"
		}))
		q, _ := f.s.Programme(ctx, pid)
		if q.Title != "2026年攀枝花青少年钒钛科学营" || q.Places != 30 || q.GradeLo != 8 || len(q.Days()) != 6 {
			t.Errorf("edited %+v", q)
		}
		evs, _ := f.s.Events(ctx, pid, 0)
		last := evs[len(evs)-1]
		got := last.Changes()
		want := []youth.Change{{"title", "2026年攀枝花青少年科学营", "2026年攀枝花青少年钒钛科学营"}, {"ends_on", "2026-07-14", "2026-07-15"},
			{"places", "2", "30"}, {"grade_lo", "7", "8"}}
		if last.Action != "edit" || last.ActorName != checker.Name || len(got) != len(want) {
			t.Fatalf("edit event %+v %+v", last, got)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("change %d = %+v, want %+v", i, got[i], want[i])
			}
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'youth.edit' AND target = ?`, "youth_programme:"+itoa(pid)); n != 1 {
			t.Errorf("edit audited %d times", n)
		}
		base = q.EditInput()
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.Fee = "0" }), "youth.err.no_change") // free is free

		// Started: the kind, the first day, the grades and the fee are locked.
		*f.now = time.Date(2026, 7, 12, 9, 0, 0, 0, f.now.Location())
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.Kind = "survey" }), "youth.err.locked_started")
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.StartsOn = "2026-07-11" }), "youth.err.locked_started")
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.GradeHi = "12" }), "youth.err.locked_started")
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.EndsOn = "2026-07-11" }), "youth.err.ends_past")
		must(t, edit(func(in *youth.ProgrammeInput) { in.EndsOn, in.Places = "2026-07-12", "40" }))
		base.EndsOn, base.Places = "2026-07-12", "40"

		// Ended: only the title and the description.
		*f.now = time.Date(2026, 7, 13, 9, 0, 0, 0, f.now.Location())
		must(t, f.s.Move(ctx, pid, "end", "", checker))
		wantCode(t, edit(func(in *youth.ProgrammeInput) { in.Places = "50" }), "youth.err.locked_over")
		must(t, edit(func(in *youth.ProgrammeInput) { in.Description = "走进钒钛产业园区。" }))
		if n := events(); n != 3 {
			t.Errorf("%d edits in the timeline, want 3", n)
		}

		// Cancelled: nothing.
		other, _ := f.s.CreateProgramme(ctx, goodProgramme(f.city), clerk)
		must(t, f.s.Move(ctx, other, "cancel", "场地维修。", clerk))
		o, _ := f.s.Programme(ctx, other)
		in := o.EditInput()
		in.Title = "新的活动名称"
		wantCode(t, f.s.EditProgramme(ctx, other, in, checker), "youth.err.status")
		if err := f.s.EditProgramme(ctx, 999, in, checker); !strings.Contains(err.Error(), "not found") {
			t.Errorf("edit of a missing programme: %v", err)
		}
	})
}

// Whoever applied withdraws before the start (anyone else is told there is
// no such application); an accepted place goes to the first on the waiting
// list in the same transaction; a withdrawn application is never decided;
// staff cancel with a reason; the audit log never holds the reason.
func TestWithdraw(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		pid := f.openProgramme(t, f.city) // two places
		guardian := youth.Actor{UserID: 400, Name: "赵家长"}
		var ids []int64
		for i, name := range []string{"甲同学", "乙同学", "丙同学", "丁同学"} {
			by := youth.Actor{UserID: int64(500 + i), Name: "家长"}
			if i == 0 {
				by = guardian
			}
			id, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent(name)}, by)
			must(t, err)
			ids = append(ids, id)
		}
		must(t, f.s.Decide(ctx, ids[0], "accept", "", checker))
		must(t, f.s.Decide(ctx, ids[1], "accept", "", checker))
		*f.now = f.now.Add(time.Minute)
		must(t, f.s.Decide(ctx, ids[3], "waitlist", "", checker)) // 丁 first on the list
		*f.now = f.now.Add(time.Minute)
		must(t, f.s.Decide(ctx, ids[2], "waitlist", "", checker))

		err := f.s.Withdraw(ctx, ids[0], "", youth.Actor{UserID: 501})
		if err == nil || !strings.Contains(err.Error(), "not found") {
			t.Fatalf("someone else withdraws: %v", err)
		}
		wantCode(t, f.s.Withdraw(ctx, ids[0], strings.Repeat("因", youth.MaxReason+1), guardian), "youth.err.too_long")
		must(t, f.s.Withdraw(ctx, ids[0], "甲同学生病，无法参加。", guardian))
		e, _ := f.s.Enrolment(ctx, ids[0])
		next, _ := f.s.Enrolment(ctx, ids[3])
		if e.Status != youth.Withdrawn || e.Reason != "甲同学生病，无法参加。" || next.Status != youth.Accepted {
			t.Fatalf("after the withdrawal: %s, the first waitlisted %s", e.Status, next.Status)
		}
		if third, _ := f.s.Enrolment(ctx, ids[2]); third.Status != youth.Waitlisted {
			t.Errorf("the second waitlisted is %s", third.Status)
		}
		if p, _ := f.s.Programme(ctx, pid); p.Accepted != 2 {
			t.Errorf("%d accepted after the move up", p.Accepted)
		}
		wantCode(t, f.s.Decide(ctx, ids[0], "accept", "", checker), "youth.err.withdrawn")
		wantCode(t, f.s.Withdraw(ctx, ids[0], "", guardian), "youth.err.withdrawn")
		wantCode(t, f.s.CancelEnrolment(ctx, ids[0], "重复报名。", checker), "youth.err.withdrawn")
		evs, _ := f.s.Events(ctx, pid, ids[3])
		if last := evs[len(evs)-1]; last.Action != "promote" {
			t.Errorf("the moved-up application's last step: %+v", last)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action IN ('youth.withdraw', 'youth.promote')`); n != 2 {
			t.Errorf("%d audit entries for the withdrawal and the move up", n)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE summary LIKE '%同学%' OR summary LIKE '%生病%'`); n != 0 {
			t.Errorf("%d audit entries name a student", n)
		}

		// Staff cancel with a reason; the place goes to the next waitlisted.
		wantCode(t, f.s.CancelEnrolment(ctx, ids[1], "", checker), "youth.err.reason")
		must(t, f.s.CancelEnrolment(ctx, ids[1], "监护人电话告知不参加。", checker))
		if third, _ := f.s.Enrolment(ctx, ids[2]); third.Status != youth.Accepted {
			t.Errorf("after the cancellation the next waitlisted is %s", third.Status)
		}
		// After the start nobody withdraws; staff may still cancel, and the
		// place is not given on.
		*f.now = time.Date(2026, 7, 10, 9, 0, 0, 0, f.now.Location())
		wantCode(t, f.s.Withdraw(ctx, ids[3], "", youth.Actor{UserID: 503}), "youth.err.started")
		must(t, f.s.CancelEnrolment(ctx, ids[3], "未到营。", checker))
		if p, _ := f.s.Programme(ctx, pid); p.Accepted != 1 {
			t.Errorf("%d accepted after a cancellation once started", p.Accepted)
		}
		// The same child applied by two people is not refused (no oracle),
		// but staff see the twin.
		*f.now = time.Date(2026, 7, 1, 9, 0, 0, 0, f.now.Location())
		pid2 := f.openProgramme(t, f.city)
		a, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid2, Student: goodStudent("王小明")}, guardian)
		must(t, err)
		_, err = f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid2, Student: goodStudent("王小明")}, guardian)
		wantCode(t, err, "youth.err.duplicate")
		_, err = f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid2, Student: goodStudent("王小明")}, teacher)
		must(t, err)
		ea, _ := f.s.Enrolment(ctx, a)
		if n, _ := f.s.Twins(ctx, ea); n != 1 {
			t.Errorf("twins %d", n)
		}
		must(t, f.s.Withdraw(ctx, a, "", guardian))
		_, err = f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid2, Student: goodStudent("王小明")}, guardian)
		must(t, err) // withdrawn, so applying again is allowed
	})
}

// A withdrawal and an acceptance of the same application at once: never
// both (the acceptance reads the application again under the lock).
func TestWithdrawRace(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		pid := f.openProgramme(t, f.city)
		guardian := youth.Actor{UserID: 400, Name: "赵家长"}
		for i := 0; i < 8; i++ {
			id, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("同学" + itoa(int64(i)))}, guardian)
			must(t, err)
			var wg sync.WaitGroup
			wg.Add(2)
			go func() { defer wg.Done(); _ = f.s.Withdraw(ctx, id, "", guardian) }()
			go func() { defer wg.Done(); _ = f.s.Decide(ctx, id, "accept", "", checker) }()
			wg.Wait()
			e, _ := f.s.Enrolment(ctx, id)
			if n := count(t, d, `SELECT COUNT(*) FROM youth_events WHERE enrolment_id = ? AND action = 'withdraw'`, id); n > 0 && e.Status != youth.Withdrawn {
				t.Fatalf("%s after a withdrawal", e.Status)
			}
			if e.Status == youth.Accepted {
				must(t, f.s.Withdraw(ctx, id, "", guardian))
			}
		}
	})
}

// The year's figures never let a small cell be worked out from a total:
// six campers and two in a survey (total eight) show the camp cell (and
// 科学营营员数) hidden as well as the survey's "<5".
func TestStatsComplement(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		n := 0
		for kind, k := range map[string]int{"camp": 6, "survey": 2} {
			in := goodProgramme(f.city)
			in.Kind, in.Places = kind, "10"
			pid, err := f.s.CreateProgramme(ctx, in, clerk)
			must(t, err)
			must(t, f.s.Move(ctx, pid, "open", "", clerk))
			for i := 0; i < k; i++ {
				n++
				id, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("学生" + itoa(int64(n)))},
					youth.Actor{UserID: int64(600 + n), Name: "家长"})
				must(t, err)
				must(t, f.s.Decide(ctx, id, "accept", "", checker))
			}
		}
		st, err := f.s.YearStats(ctx, access.Subtrees(f.city.Path), "", 2026)
		must(t, err)
		got := map[string]string{}
		for _, k := range st.ByKind {
			got[k.Kind] = k.Enrolled.String()
		}
		if st.Enrolled != 8 || got["camp"] != "*" || got["survey"] != "<5" || st.CampersShown().String() != "*" {
			t.Errorf("total %d, by kind %v, campers %s", st.Enrolled, got, st.CampersShown())
		}
	})
}

// TestNoApplicationOnceStarted: an open programme takes no applications
// from its first day (北京 time), though staff have not closed it; the
// day before it still does.
func TestNoApplicationOnceStarted(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		pid := f.openProgramme(t, f.city) // starts 2026-07-10
		guardian := youth.Actor{UserID: 501, Name: "陈家长"}
		*f.now = time.Date(2026, 7, 9, 23, 59, 0, 0, f.now.Location())
		_, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("李小红")}, guardian)
		must(t, err)
		*f.now = time.Date(2026, 7, 10, 0, 0, 0, 0, f.now.Location())
		_, err = f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("王小明")}, guardian)
		wantCode(t, err, "youth.err.apply_started")
		if p, _ := f.s.Programme(ctx, pid); p.Applied != 1 {
			t.Errorf("%d applications, want the one before the start", p.Applied)
		}
	})
}
