package youth_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/valid"
	"kexie/internal/web/webtest"
	"kexie/internal/youth"
)

// key is the localized key of a store's refusal, or the error's text.
func key(err error) string {
	var e *valid.Error
	if errors.As(err, &e) {
		return e.Key
	}
	if es, ok := valid.As(err); ok && len(es) > 0 {
		return es[0].Key
	}
	return err.Error()
}

// One student, ten mentors paired with them at once (two colleagues, a
// resubmitted form): one active pair. The mentor's lock alone let every
// pairing of a different mentor through.
func TestPairOnceAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		ms := mentors{}
		for i := int64(1); i <= 10; i++ {
			ms[i] = struct {
				m    youth.Mentor
				path string
			}{youth.Mentor{PersonID: i, Name: "导师" + itoa(i), Employer: "攀钢研究院"}, f.city.Path}
		}
		s := youth.NewStore(d, youth.Config{Keys: webtest.Keyring(t), Mentors: ms, MaxMentees: 2})
		pid := f.openProgramme(t, f.city)
		id, err := s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("甲同学")}, youth.Actor{UserID: 600})
		must(t, err)
		e, _ := s.Enrolment(ctx, id)
		scope := access.Subtrees(f.city.Path)
		ok := dbtest.Went(t, dbtest.AtOnce(10, func(i int) error {
			_, err := s.CreatePair(ctx, e.StudentID, int64(i+1), "2026-07-01", scope, clerk)
			return err
		}), func(err error) bool { return key(err) == "youth.err.paired" })
		if n := count(t, d, `SELECT COUNT(*) FROM youth_pairs WHERE student_id = ? AND ended_on = 0`, e.StudentID); ok != 1 || n != 1 {
			t.Errorf("%d of 10 pairings went through, %d active pairs; want 1", ok, n)
		}
	})
}

// One mentor paired with ten students at once (colleagues of several
// schools at once) takes MaxMentees of them: the pairings of one mentor
// wait on a named key (youth.mentor:<person>), as they waited on a raw
// advisory lock of the person's id before.
func TestMentorFullAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		pid := f.openProgramme(t, f.city)
		names := []string{"甲同学", "乙同学", "丙同学", "丁同学", "戊同学", "己同学", "庚同学", "辛同学", "壬同学", "癸同学"}
		students := make([]int64, len(names))
		for i, name := range names {
			id, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent(name)}, youth.Actor{UserID: int64(600 + i)})
			must(t, err)
			e, _ := f.s.Enrolment(ctx, id)
			students[i] = e.StudentID
		}
		scope := access.Subtrees(f.city.Path)
		ok := dbtest.Went(t, dbtest.AtOnce(len(students), func(i int) error {
			_, err := f.s.CreatePair(ctx, students[i], 1, "2026-07-01", scope, clerk)
			return err
		}), func(err error) bool { return key(err) == "youth.err.mentor_full" })
		if n := count(t, d, `SELECT COUNT(*) FROM youth_pairs WHERE mentor_person = 1 AND ended_on = 0`); ok != 2 || n != 2 {
			t.Errorf("%d of 10 pairings of one mentor went through, %d active pairs; want 2 (MaxMentees)", ok, n)
		}
	})
}

// A teacher's training of one title on one day, and a recognition of one
// title in a year, are recorded once however many times (or at once) they
// are sent: a second training added its hours again.
func TestTeacherRecordsOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id, err := f.s.RegisterTeacher(ctx, youth.TeacherInput{OrgID: f.city.ID, Name: "刘辅导员", School: "攀枝花市第三中学", Subject: "物理",
			RegionCode: "510402", Contact: "13800001111"}, clerk)
		must(t, err)
		tally := func(what, want string, errs []error) {
			t.Helper()
			ok := 0
			for _, err := range errs {
				switch {
				case err == nil:
					ok++
				case key(err) != want:
					t.Errorf("%s: unexpected: %v", what, err)
				}
			}
			if ok != 1 {
				t.Errorf("%s: %d of %d went through; want 1", what, ok, len(errs))
			}
		}
		tally("training", "youth.err.trained", dbtest.AtOnce(10, func(int) error {
			return f.s.AddTraining(ctx, id, "2026-06-01", "科技辅导员培训班", "12.5", clerk)
		}))
		wantCode(t, f.s.AddTraining(ctx, id, "2026-06-01", "科技辅导员培训班", "12.5", clerk), "youth.err.trained")
		must(t, f.s.AddTraining(ctx, id, "2026-06-02", "科技辅导员培训班", "6", clerk)) // the course's second day
		tally("recognition", "youth.err.recognized", dbtest.AtOnce(10, func(int) error {
			return f.s.Recognize(ctx, id, 2025, "优秀科技辅导员", clerk)
		}))
		tc, _ := f.s.Teacher(ctx, id)
		if tc.HoursText() != "18.5" {
			t.Errorf("hours %s; want 18.5 (12.5 once and 6)", tc.HoursText())
		}
		if n := count(t, d, `SELECT COUNT(*) FROM youth_recognitions WHERE teacher_id = ?`, id); n != 1 {
			t.Errorf("%d recognitions; want 1", n)
		}
	})
}

// A meeting of a pair (day, length, note) is recorded once: ten at once
// and one later give one, its hours counted once; the pair's end at once
// goes through once. There was no check, and each click added the hours.
func TestMeetingOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		pid := f.openProgramme(t, f.city)
		id, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("甲同学")}, youth.Actor{UserID: 600})
		must(t, err)
		e, _ := f.s.Enrolment(ctx, id)
		pair, err := f.s.CreatePair(ctx, e.StudentID, 1, "2026-07-01", access.Subtrees(f.city.Path), clerk)
		must(t, err)
		meet := func() error {
			return f.s.LogMeeting(ctx, pair, "2026-07-01", "1.5", "参观实验室，确定课题方向。", clerk)
		}
		ok := dbtest.Went(t, dbtest.AtOnce(10, func(int) error { return meet() }), func(err error) bool { return key(err) == "youth.err.met" })
		wantCode(t, meet(), "youth.err.met")
		p, _ := f.s.Pair(ctx, pair)
		if ok != 1 || p.Meetings != 1 || p.HoursText() != "1.5" {
			t.Errorf("%d of 10 went through, %d meetings of %s hours; want 1 of 1.5", ok, p.Meetings, p.HoursText())
		}
		ended := dbtest.Went(t, dbtest.AtOnce(10, func(int) error { return f.s.EndPair(ctx, pair, "2026-07-01", "finished", clerk) }), func(err error) bool { return key(err) == "youth.err.status" })
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'youth.pair_end'`); ended != 1 || n != 1 {
			t.Errorf("%d of 10 ends went through, %d audited; want 1", ended, n)
		}
	})
}

// A day's attendance saved several times at once (a double click, two
// staff at the door) is saved each time without a raw database error:
// each deleted the day's marks the other had just written and failed on
// the key. The last save's marks stand, one per student.
func TestAttendanceAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		in := goodProgramme(f.city)
		in.Places = "20"
		pid, err := f.s.CreateProgramme(ctx, in, clerk)
		must(t, err)
		must(t, f.s.Move(ctx, pid, "open", "", clerk))
		all := map[int64]bool{}
		for i := 0; i < 5; i++ {
			id, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("同学" + itoa(int64(i)))}, teacher)
			must(t, err)
			must(t, f.s.Decide(ctx, id, "accept", "", checker))
			all[id] = true
		}
		*f.now = time.Date(2026, 7, 10, 18, 0, 0, 0, calendar.Beijing)
		for _, err := range dbtest.AtOnce(10, func(int) error { return f.s.AttendDay(ctx, pid, "2026-07-10", all, checker) }) {
			if err != nil {
				t.Errorf("attendance at once: %v", err)
			}
		}
		if n := count(t, d, `SELECT COUNT(*) FROM youth_attendance`); n != len(all) {
			t.Errorf("%d marks, want %d", n, len(all))
		}
	})
}

// An account is one teacher's: ten registrations naming one account at
// once give one teacher; the count had no lock.
func TestTeacherAccountOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		ok := dbtest.Went(t, dbtest.AtOnce(10, func(i int) error {
			_, err := f.s.RegisterTeacher(ctx, youth.TeacherInput{OrgID: f.city.ID, Name: "刘辅导员", School: "攀枝花市第三中学", Subject: "物理",
				RegionCode: "510402", Contact: "13800001111", Username: "teacher"}, clerk)
			return err
		}), func(err error) bool { return key(err) == "youth.err.username_taken" })
		if n := count(t, d, `SELECT COUNT(*) FROM youth_teachers WHERE user_id = 300`); ok != 1 || n != 1 {
			t.Errorf("%d of 10 went through, %d teachers of the account; want 1", ok, n)
		}
	})
}
