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
	"kexie/internal/measure"
	"kexie/internal/youth"
)

// A programme's bad input is refused precisely and nothing saved; its
// steps follow the states.
func TestProgramme(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		for _, c := range []struct {
			name string
			edit func(*youth.ProgrammeInput)
			code string
		}{
			{"short title", func(in *youth.ProgrammeInput) { in.Title = "营" }, "youth.err.title"},
			{"long title", func(in *youth.ProgrammeInput) { in.Title = strings.Repeat("营", youth.MaxTitle+1) }, "youth.err.too_long"},
			{"bad kind", func(in *youth.ProgrammeInput) { in.Kind = "party" }, "youth.err.kind"},
			{"bad date", func(in *youth.ProgrammeInput) { in.StartsOn = "2026-13-01" }, "youth.err.date"},
			{"end before start", func(in *youth.ProgrammeInput) { in.EndsOn = "2026-07-01" }, "youth.err.ends"},
			{"too long", func(in *youth.ProgrammeInput) { in.EndsOn = "2026-12-01" }, "youth.err.ends"},
			{"no places", func(in *youth.ProgrammeInput) { in.Places = "0" }, "youth.err.places"},
			{"too many places", func(in *youth.ProgrammeInput) { in.Places = "5001" }, "youth.err.places"},
			{"bad grade", func(in *youth.ProgrammeInput) { in.GradeLo = "13" }, "youth.err.grade"},
			{"grades reversed", func(in *youth.ProgrammeInput) { in.GradeLo, in.GradeHi = "9", "7" }, "youth.err.grade_order"},
			{"negative fee", func(in *youth.ProgrammeInput) { in.Fee = "-1" }, "youth.err.fee"},
			{"fee too high", func(in *youth.ProgrammeInput) { in.Fee = "10000.01" }, "youth.err.fee"},
			{"long description", func(in *youth.ProgrammeInput) { in.Description = strings.Repeat("介", youth.MaxText+1) }, "youth.err.too_long"},
			{"no org", func(in *youth.ProgrammeInput) { in.OrgID = 0 }, "youth.err.org"},
		} {
			t.Run(c.name, func(t *testing.T) {
				in := goodProgramme(f.city)
				c.edit(&in)
				_, err := f.s.CreateProgramme(ctx, in, clerk)
				wantCode(t, err, c.code)
			})
		}
		if n := count(t, d, `SELECT COUNT(*) FROM youth_programmes`); n != 0 {
			t.Fatalf("%d programmes saved from bad input", n)
		}
		in := goodProgramme(f.city)
		in.Fee = "1,280.5"
		id, err := f.s.CreateProgramme(ctx, in, clerk)
		must(t, err)
		p, _ := f.s.Programme(ctx, id)
		if p.Status != youth.Draft || p.FeeText() != "1280.5" || len(p.Days()) != 5 {
			t.Errorf("created %+v", p)
		}
		wantCode(t, f.s.Move(ctx, id, "close", "", clerk), "youth.err.status")
		must(t, f.s.Move(ctx, id, "open", "", clerk))
		wantCode(t, f.s.Move(ctx, id, "end", "", clerk), "youth.err.not_over")
		*f.now = f.now.AddDate(0, 0, 20)
		must(t, f.s.Move(ctx, id, "end", "", clerk))
		wantCode(t, f.s.Move(ctx, id, "summarize", "短", clerk), "youth.err.summary")
		must(t, f.s.Move(ctx, id, "summarize", "营员们参观了钒钛产业园区，完成了三个科学探究小课题。", clerk))
		wantCode(t, f.s.Move(ctx, id, "cancel", "天气原因", clerk), "youth.err.status")
		other, _ := f.s.CreateProgramme(ctx, goodProgramme(f.city), clerk)
		wantCode(t, f.s.Move(ctx, other, "cancel", "", clerk), "youth.err.reason")
		must(t, f.s.Move(ctx, other, "cancel", "场地维修，活动取消。", clerk))
		if p, _ := f.s.Programme(ctx, other); p.Status != youth.Cancelled || p.Reason != "场地维修，活动取消。" {
			t.Errorf("cancelled %+v", p)
		}
		if n, _ := f.s.ToSummarize(ctx, access.Subtrees(f.city.Path)); n != 0 {
			t.Errorf("to summarize %d", n)
		}
	})
}

// No student is enrolled without the guardian's consent; contacts and ID
// numbers are sealed and masked; grade and places are checked.
func TestApply(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		pid := f.openProgramme(t, f.city)
		for _, c := range []struct {
			name string
			edit func(*youth.StudentInput)
			code string
		}{
			{"no consent", func(in *youth.StudentInput) { in.Consent = false }, "youth.err.consent"},
			{"no consent way", func(in *youth.StudentInput) { in.ConsentHow = "" }, "youth.err.consent_how"},
			{"no name", func(in *youth.StudentInput) { in.Name = "" }, "youth.err.name"},
			{"long name", func(in *youth.StudentInput) { in.Name = strings.Repeat("名", youth.MaxName+1) }, "youth.err.too_long"},
			{"bad gender", func(in *youth.StudentInput) { in.Gender = "x" }, "youth.err.gender"},
			{"birth year too old", func(in *youth.StudentInput) { in.BirthYear = "1990" }, "youth.err.birth_year"},
			{"no school", func(in *youth.StudentInput) { in.School = "" }, "youth.err.school"},
			{"bad grade", func(in *youth.StudentInput) { in.Grade = "0" }, "youth.err.grade"},
			{"no guardian", func(in *youth.StudentInput) { in.GuardianName = "" }, "youth.err.guardian_name"},
			{"no contact", func(in *youth.StudentInput) { in.GuardianContact = "" }, "youth.err.contact_required"},
			{"bad contact", func(in *youth.StudentInput) { in.GuardianContact = "abc" }, "youth.err.contact"},
			{"bad id", func(in *youth.StudentInput) { in.IDNumber = "510402201201011235" }, "youth.err.id_number"},
		} {
			t.Run(c.name, func(t *testing.T) {
				in := goodStudent("王小明")
				c.edit(&in)
				_, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: in}, teacher)
				wantCode(t, err, c.code)
			})
		}
		in := goodStudent("王小明")
		in.Grade = "10"
		_, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: in}, teacher)
		wantCode(t, err, "youth.err.grade_range")
		if n := count(t, d, `SELECT COUNT(*) FROM youth_students`) + count(t, d, `SELECT COUNT(*) FROM youth_enrolments`); n != 0 {
			t.Fatalf("%d rows saved from bad input", n)
		}
		if _, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("王小明")}, youth.Actor{}); err == nil {
			t.Error("applied without an account")
		}
		// A registered teacher applies as the teacher.
		_, err = f.s.RegisterTeacher(ctx, youth.TeacherInput{OrgID: f.city.ID, Name: "刘辅导员", School: "攀枝花市第三中学", Subject: "物理",
			RegionCode: "510402", Contact: "13800001111", Username: "teacher"}, clerk)
		must(t, err)
		in = goodStudent("王小明")
		in.IDNumber = "51040220120101123" + "X"
		in.IDNumber = in.IDNumber[:17] + checkDigit(in.IDNumber[:17])
		eid, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: in}, teacher)
		must(t, err)
		e, _ := f.s.Enrolment(ctx, eid)
		if e.Status != youth.Pending || e.AppliedAs != "teacher" || e.Grade != 8 {
			t.Errorf("enrolment %+v", e)
		}
		st, err := f.s.Student(ctx, e.StudentID)
		must(t, err)
		if st.GuardianContact != "139****5678" || st.IDNumber != "510402************" || st.ConsentBy != "陈家长" || st.ConsentHow != "written" {
			t.Errorf("student %+v", st)
		}
		if k := count(t, d, `SELECT COUNT(*) FROM youth_students WHERE guardian_contact LIKE '%5678%' OR id_number LIKE '%5104%'`); k != 0 {
			t.Error("contact or ID kept in clear")
		}
		_, err = f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("王小明")}, teacher)
		wantCode(t, err, "youth.err.duplicate")
		c, idn, err := f.s.RevealStudent(ctx, e.StudentID)
		if err != nil || c != "13912345678" || idn != in.IDNumber {
			t.Errorf("reveal %q %q %v", c, idn, err)
		}
		if k := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'youth.reveal'`); k != 1 {
			t.Errorf("reveal audited %d times", k)
		}
		// A guardian applies too; the list of their own shows theirs only.
		guardian := youth.Actor{UserID: 400, Name: "赵家长"}
		_, err = f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("赵小红")}, guardian)
		must(t, err)
		mine, _, _ := f.s.List(ctx, youth.Filter{Applicant: guardian.UserID})
		if len(mine) != 1 || mine[0].AppliedAs != "guardian" || mine[0].StudentName != "赵小红" {
			t.Errorf("guardian's list %+v", mine)
		}
	})
}

func checkDigit(first17 string) string {
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range first17 {
		sum += int(c-'0') * w[i]
	}
	return string("10X98765432"[sum%11])
}

// Whoever applied never decides; acceptances stop at the places, even
// when staff accept at the same time; attendance and a certificate follow.
func TestDecide(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		pid := f.openProgramme(t, f.city) // two places
		var ids []int64
		for i, name := range []string{"甲同学", "乙同学", "丙同学", "丁同学", "戊同学", "己同学"} {
			id, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent(name)}, youth.Actor{UserID: int64(500 + i), Name: "家长"})
			must(t, err)
			ids = append(ids, id)
		}
		wantCode(t, f.s.Decide(ctx, ids[0], "accept", "", youth.Actor{UserID: 500}), "youth.err.own")
		wantCode(t, f.s.Decide(ctx, ids[0], "decline", "", checker), "youth.err.reason")
		wantCode(t, f.s.Decide(ctx, ids[0], "maybe", "", checker), "youth.err.decision")
		// Six staff accept six applications at once: two succeed.
		var wg sync.WaitGroup
		errs := make([]error, len(ids))
		for i, id := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = f.s.Decide(ctx, id, "accept", "", youth.Actor{UserID: int64(900 + i), Name: "审核"})
			}()
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
			} else {
				wantCode(t, err, "youth.err.full")
			}
		}
		if n := count(t, d, `SELECT COUNT(*) FROM youth_enrolments WHERE status = 'accepted'`); ok != 2 || n != 2 {
			t.Fatalf("%d acceptances succeeded, %d accepted; want 2 of 2 places", ok, n)
		}
		var accepted, rest []int64
		for i, err := range errs {
			if err == nil {
				accepted = append(accepted, ids[i])
			} else {
				rest = append(rest, ids[i])
			}
		}
		_, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("庚同学")}, teacher)
		wantCode(t, err, "youth.err.full")
		must(t, f.s.Decide(ctx, rest[0], "waitlist", "", checker))
		must(t, f.s.Decide(ctx, rest[1], "decline", "年级名额已满。", checker))

		// Attendance on the first day, then completion from the last day.
		present := map[int64]bool{accepted[0]: true}
		wantCode(t, f.s.AttendDay(ctx, pid, "2026-07-10", present, checker), "youth.err.day") // not yet
		*f.now = time.Date(2026, 7, 10, 18, 0, 0, 0, f.now.Location())
		wantCode(t, f.s.AttendDay(ctx, pid, "2026-07-09", present, checker), "youth.err.day")
		must(t, f.s.AttendDay(ctx, pid, "2026-07-10", present, checker))
		_, err = f.s.Complete(ctx, accepted[0], checker)
		wantCode(t, err, "youth.err.not_over")
		*f.now = time.Date(2026, 7, 14, 18, 0, 0, 0, f.now.Location())
		_, err = f.s.Complete(ctx, accepted[1], checker)
		wantCode(t, err, "youth.err.no_attendance")
		e0, _ := f.s.Enrolment(ctx, accepted[0])
		_, err = f.s.Complete(ctx, accepted[0], youth.Actor{UserID: e0.ApplicantUser})
		wantCode(t, err, "youth.err.own")
		c1, err := f.s.Complete(ctx, accepted[0], checker)
		must(t, err)
		if !strings.HasPrefix(c1, "QS2026-") || len(c1) != len("QS2026-XXXXX-XXXXX-XX") {
			t.Errorf("certificate %q", c1)
		}
		must(t, f.s.AttendDay(ctx, pid, "2026-07-14", map[int64]bool{accepted[1]: true}, checker))
		c2, err := f.s.Complete(ctx, accepted[1], checker)
		must(t, err)
		if c1 == c2 {
			t.Error("two certificates share a number")
		}
		list, total, _ := f.s.List(ctx, youth.Filter{Scope: access.Subtrees(f.city.Path), Q: c2})
		if total != 1 || list[0].ID != accepted[1] {
			t.Errorf("certificate search: %d", total)
		}
		if _, total, _ := f.s.List(ctx, youth.Filter{Scope: access.Subtrees(f.peer.Path)}); total != 0 {
			t.Errorf("another city sees %d", total)
		}
		if _, total, _ := f.s.List(ctx, youth.Filter{}); total != 0 {
			t.Errorf("the zero scope sees %d", total)
		}
		if n, _ := f.s.ToDecide(ctx, access.Subtrees(f.city.Path)); n != 2 {
			t.Errorf("to decide %d", n)
		}
		// The year's figures and measures.
		st, err := f.s.YearStats(ctx, access.Subtrees(f.city.Path), "", 2026)
		must(t, err)
		if st.Programmes != 1 || st.Places != 2 || st.Enrolled != 2 || st.Completed != 2 || st.Campers != 2 || st.Applied != 6 {
			t.Errorf("stats %+v", st)
		}
		if got := st.ByKind[0].Enrolled.String(); got != "<5" {
			t.Errorf("a camp of two shows %q", got)
		}
		if none, _ := f.s.YearStats(ctx, access.Subtrees(f.peer.Path), "", 2026); none.Enrolled != 0 {
			t.Errorf("another city counts %d", none.Enrolled)
		}
		for _, src := range f.s.Sources() {
			v, err := src.Value(ctx, access.Subtrees(f.city.Path), measure.Period{})
			must(t, err)
			if src.Key == youth.SourceStudents && v != 2 {
				t.Errorf("%s = %v", src.Key, v)
			}
			if v, _ := src.Value(ctx, access.Scope{}, measure.Period{}); v != 0 {
				t.Errorf("%s counts %v for the zero scope", src.Key, v)
			}
		}
	})
}

// A mentor pairs with at most MaxMentees students at once; meetings and
// the end are recorded.
func TestPairs(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		pid := f.openProgramme(t, f.city)
		scope := access.Subtrees(f.city.Path)
		var students []int64
		for i, name := range []string{"甲同学", "乙同学", "丙同学"} {
			id, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent(name)}, youth.Actor{UserID: int64(600 + i)})
			must(t, err)
			e, _ := f.s.Enrolment(ctx, id)
			students = append(students, e.StudentID)
		}
		_, err := f.s.CreatePair(ctx, students[0], 2, "2026-07-01", scope, clerk)
		wantCode(t, err, "youth.err.mentor") // another city's person
		_, err = f.s.CreatePair(ctx, students[0], 1, "2020-01-01", scope, clerk)
		wantCode(t, err, "youth.err.started_on")
		p1, err := f.s.CreatePair(ctx, students[0], 1, "2026-07-01", scope, clerk)
		must(t, err)
		_, err = f.s.CreatePair(ctx, students[0], 1, "2026-07-01", scope, clerk)
		wantCode(t, err, "youth.err.paired")
		_, err = f.s.CreatePair(ctx, students[1], 1, "2026-07-01", scope, clerk)
		must(t, err)
		_, err = f.s.CreatePair(ctx, students[2], 1, "2026-07-01", scope, clerk)
		wantCode(t, err, "youth.err.mentor_full")
		if _, err := f.s.CreatePair(ctx, students[2], 1, "2026-07-01", access.Subtrees(f.peer.Path), clerk); err == nil {
			t.Error("another city pairs the city's student")
		}
		wantCode(t, f.s.LogMeeting(ctx, p1, "2026-07-01", "0", "交流", clerk), "youth.err.meeting_hours")
		wantCode(t, f.s.LogMeeting(ctx, p1, "2026-07-01", "2", "", clerk), "youth.err.note")
		wantCode(t, f.s.LogMeeting(ctx, p1, "2099-07-01", "2", "交流", clerk), "youth.err.held_on")
		must(t, f.s.LogMeeting(ctx, p1, "2026-07-01", "1.5", "参观实验室，确定课题方向。", clerk))
		wantCode(t, f.s.EndPair(ctx, p1, "2026-07-01", "gone", clerk), "youth.err.outcome")
		must(t, f.s.EndPair(ctx, p1, "2026-07-01", "finished", clerk))
		p, _ := f.s.Pair(ctx, p1)
		if p.Active() || p.Meetings != 1 || p.HoursText() != "1.5" {
			t.Errorf("pair %+v", p)
		}
		_, err = f.s.CreatePair(ctx, students[2], 1, "2026-07-01", scope, clerk)
		must(t, err)
		st, _ := f.s.YearStats(ctx, scope, "", 2026)
		if st.Mentors != 1 || st.Pairs != 3 {
			t.Errorf("mentors %d pairs %d", st.Mentors, st.Pairs)
		}
		// The list's total is counted apart from its page, under the same
		// scope and filters: pages of one add up to it.
		for _, c := range []struct {
			name  string
			f     youth.PairFilter
			total int
		}{
			{"the city", youth.PairFilter{Scope: scope}, 3},
			{"the city's active pairs", youth.PairFilter{Scope: scope, Active: true}, 2},
			{"one student", youth.PairFilter{Scope: scope, StudentID: students[0]}, 1},
			{"the other city", youth.PairFilter{Scope: access.Subtrees(f.peer.Path)}, 0},
			{"the other city's subtree from the city", youth.PairFilter{Scope: scope, OrgPath: f.peer.Path}, 0},
			{"the zero scope", youth.PairFilter{}, 0},
		} {
			seen := 0
			for off := 0; off <= c.total; off++ {
				c.f.Limit, c.f.Offset = 1, off
				list, total, err := f.s.Pairs(ctx, c.f)
				must(t, err)
				if total != c.total {
					t.Errorf("%s, offset %d: total %d, want %d", c.name, off, total, c.total)
				}
				seen += len(list)
			}
			if seen != c.total {
				t.Errorf("%s: pages held %d, want %d", c.name, seen, c.total)
			}
		}
	})
}

// Teachers: bad input refused, contact sealed, trainings add hours,
// recognition once a year; lists never carry a contact.
func TestTeachers(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		good := youth.TeacherInput{OrgID: f.city.ID, Name: "刘辅导员", School: "攀枝花市第三中学", Subject: "物理", RegionCode: "510402", Contact: "13800001111"}
		for _, c := range []struct {
			name string
			edit func(*youth.TeacherInput)
			code string
		}{
			{"no name", func(in *youth.TeacherInput) { in.Name = "" }, "youth.err.name"},
			{"bad region", func(in *youth.TeacherInput) { in.RegionCode = "999999" }, "youth.err.region"},
			{"bad contact", func(in *youth.TeacherInput) { in.Contact = "x" }, "youth.err.contact"},
			{"no subject", func(in *youth.TeacherInput) { in.Subject = "" }, "youth.err.subject"},
			{"no such account", func(in *youth.TeacherInput) { in.Username = "nobody" }, "youth.err.username"},
		} {
			t.Run(c.name, func(t *testing.T) {
				in := good
				c.edit(&in)
				_, err := f.s.RegisterTeacher(ctx, in, clerk)
				wantCode(t, err, c.code)
			})
		}
		id, err := f.s.RegisterTeacher(ctx, good, clerk)
		must(t, err)
		wantCode(t, f.s.AddTraining(ctx, id, "2026-06-01", "培训", "3", clerk), "youth.err.title")
		wantCode(t, f.s.AddTraining(ctx, id, "2026-06-01", "科技辅导员培训班", "300", clerk), "youth.err.hours")
		must(t, f.s.AddTraining(ctx, id, "2026-06-01", "科技辅导员培训班", "12.5", clerk))
		must(t, f.s.Recognize(ctx, id, 2025, "优秀科技辅导员", clerk))
		wantCode(t, f.s.Recognize(ctx, id, 2025, "优秀科技辅导员", clerk), "youth.err.recognized")
		wantCode(t, f.s.Recognize(ctx, id, 1990, "优秀科技辅导员", clerk), "youth.err.year")
		tc, _ := f.s.Teacher(ctx, id)
		if tc.Contact != "138****1111" || tc.HoursText() != "12.5" || tc.Recognized != 2025 {
			t.Errorf("teacher %+v", tc)
		}
		list, total, _ := f.s.Teachers(ctx, youth.TeacherFilter{Scope: access.Subtrees(f.city.Path), Q: "物理", Recognized: true})
		if total != 1 || list[0].Contact != "" {
			t.Errorf("teachers %d %+v", total, list)
		}
		if _, total, _ := f.s.Teachers(ctx, youth.TeacherFilter{Scope: access.Subtrees(f.peer.Path)}); total != 0 {
			t.Errorf("another city sees %d teachers", total)
		}
		// A page past the end reads nothing and still says the total.
		if list, total, _ := f.s.Teachers(ctx, youth.TeacherFilter{Scope: access.Subtrees(f.city.Path), Limit: 1, Offset: 3}); total != 1 || len(list) != 0 {
			t.Errorf("past the end: %d of %d", len(list), total)
		}
	})
}
