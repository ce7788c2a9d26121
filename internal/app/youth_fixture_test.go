package app

import (
	"context"
	"net/url"
	"testing"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/youth"
)

// youthFixture is an open programme with one application, its student, a
// mentoring pair and a teacher, in the city and in the peer city, for the
// route matrix.
type youthFixture struct {
	prog, peerProg, enrol, peerEnrol, student, peerStudent, pair, peerPair, teacher, peerTeacher int64
}

// seedYouth makes one of each in o; marker names what no user without a
// grant may see.
func seedYouth(t *testing.T, ta *testApp, o org.Org, marker, phone string) (prog, enrol, student, pair, teacher int64) {
	t.Helper()
	ctx := context.Background()
	by := youth.Actor{UserID: 1, Name: "工作人员"}
	prog, err := ta.Youth.CreateProgramme(ctx, youth.ProgrammeInput{OrgID: o.ID, Title: marker + "科学营", Kind: "camp",
		StartsOn: ta.DB.Now().AddDate(0, 1, 0).Format("2006-01-02"), EndsOn: ta.DB.Now().AddDate(0, 1, 2).Format("2006-01-02"),
		Places: "30", GradeLo: "7", GradeHi: "9"}, by)
	must(t, err)
	must(t, ta.Youth.Move(ctx, prog, "open", "", by))
	enrol, err = ta.Youth.Apply(ctx, youth.ApplyInput{ProgrammeID: prog, Student: youth.StudentInput{Name: marker + "学生", School: "第三中学",
		Grade: "8", GuardianName: marker + "家长", GuardianContact: phone, Consent: true, ConsentHow: "written"}}, youth.Actor{UserID: 999999, Name: "家长"})
	must(t, err)
	e, err := ta.Youth.Enrolment(ctx, enrol)
	must(t, err)
	p, err := ta.People.Create(ctx, people.Input{OrgID: o.ID, Name: marker + "导师", Employer: "研究院"})
	must(t, err)
	pair, err = ta.Youth.CreatePair(ctx, e.StudentID, p.ID, ta.DB.Now().Format("2006-01-02"), access.Everywhere(), by)
	must(t, err)
	teacher, err = ta.Youth.RegisterTeacher(ctx, youth.TeacherInput{OrgID: o.ID, Name: marker + "辅导员", School: "第三中学", Subject: "物理",
		RegionCode: "510402", Contact: phone}, by)
	must(t, err)
	return prog, enrol, e.StudentID, pair, teacher
}

func newYouthFixture(t *testing.T, ta *testApp) youthFixture {
	t.Helper()
	var f youthFixture
	f.prog, f.enrol, f.student, f.pair, f.teacher = seedYouth(t, ta, ta.city, "市", "13600000001")
	f.peerProg, f.peerEnrol, f.peerStudent, f.peerPair, f.peerTeacher = seedYouth(t, ta, ta.peer, "邻市", "13600000002")
	return f
}

func (f youthFixture) fill(s string) string {
	return fillIDs(s, "{yprog}", f.prog, "{peeryprog}", f.peerProg, "{yenrol}", f.enrol, "{peeryenrol}", f.peerEnrol,
		"{ystudent}", f.student, "{peerystudent}", f.peerStudent, "{ypair}", f.pair, "{peerypair}", f.peerPair,
		"{yteacher}", f.teacher, "{peeryteacher}", f.peerTeacher)
}

// youthMatrix lists the 青少年科技教育 module's routes for the access matrix.
func youthMatrix() []matrixCase {
	sys := []string{"sysadmin"}
	return []matrixCase{
		{"GET /youth", "/youth", nil, public},
		{"GET /youth/programmes/{id}", "/youth/programmes/{yprog}", nil, public},
		{"GET /youth/programmes/{id}/apply", "/youth/programmes/{yprog}/apply", nil, signedIn},
		{"POST /youth/programmes/{id}/apply", "/youth/programmes/{yprog}/apply", url.Values{"name": {""}}, signedIn},
		{"GET /youth/mine", "/youth/mine", nil, signedIn},
		{"POST /youth/mine/{id}/withdraw", "/youth/mine/{yenrol}/withdraw", nil, signedIn},
		{"GET /youth/admin", "/youth/admin", nil, staff},
		{"POST /youth/admin/enrolments/{id}/cancel", "/youth/admin/enrolments/{yenrol}/cancel", url.Values{"cancel_reason": {""}}, staff},
		{"POST /youth/admin/enrolments/{id}/cancel", "/youth/admin/enrolments/{peeryenrol}/cancel", url.Values{"cancel_reason": {""}}, sys},
		{"GET /youth/admin/programmes/{id}/edit", "/youth/admin/programmes/{yprog}/edit", nil, staff},
		{"GET /youth/admin/programmes/{id}/edit", "/youth/admin/programmes/{peeryprog}/edit", nil, sys},
		{"POST /youth/admin/programmes/{id}/edit", "/youth/admin/programmes/{yprog}/edit", url.Values{"title": {""}}, staff},
		{"POST /youth/admin/programmes/{id}/edit", "/youth/admin/programmes/{peeryprog}/edit", url.Values{"title": {""}}, sys},
		{"GET /youth/admin/enrolments/{id}", "/youth/admin/enrolments/{yenrol}", nil, staff},
		{"GET /youth/admin/enrolments/{id}", "/youth/admin/enrolments/{peeryenrol}", nil, sys},
		{"POST /youth/admin/enrolments/{id}/decide", "/youth/admin/enrolments/{yenrol}/decide", url.Values{"decision": {"x"}}, staff},
		{"POST /youth/admin/enrolments/{id}/decide", "/youth/admin/enrolments/{peeryenrol}/decide", url.Values{"decision": {"x"}}, sys},
		{"POST /youth/admin/enrolments/{id}/complete", "/youth/admin/enrolments/{yenrol}/complete", nil, staff},
		{"POST /youth/admin/enrolments/{id}/complete", "/youth/admin/enrolments/{peeryenrol}/complete", nil, sys},
		{"GET /youth/admin/programmes", "/youth/admin/programmes", nil, staff},
		{"GET /youth/admin/programmes/new", "/youth/admin/programmes/new", nil, staff},
		{"POST /youth/admin/programmes/new", "/youth/admin/programmes/new", url.Values{"title": {""}}, staff},
		{"GET /youth/admin/programmes/{id}", "/youth/admin/programmes/{yprog}", nil, staff},
		{"GET /youth/admin/programmes/{id}", "/youth/admin/programmes/{peeryprog}", nil, sys},
		{"POST /youth/admin/programmes/{id}/move", "/youth/admin/programmes/{yprog}/move", url.Values{"step": {"x"}}, staff},
		{"POST /youth/admin/programmes/{id}/move", "/youth/admin/programmes/{peeryprog}/move", url.Values{"step": {"x"}}, sys},
		{"POST /youth/admin/programmes/{id}/attend", "/youth/admin/programmes/{yprog}/attend", url.Values{"day": {"x"}}, staff},
		{"POST /youth/admin/programmes/{id}/attend", "/youth/admin/programmes/{peeryprog}/attend", url.Values{"day": {"x"}}, sys},
		{"GET /youth/admin/students/{id}", "/youth/admin/students/{ystudent}", nil, staff},
		{"GET /youth/admin/students/{id}", "/youth/admin/students/{peerystudent}", nil, sys},
		{"POST /youth/admin/students/{id}/reveal", "/youth/admin/students/{ystudent}/reveal", nil, admins},
		{"POST /youth/admin/students/{id}/reveal", "/youth/admin/students/{peerystudent}/reveal", nil, sys},
		{"POST /youth/admin/students/{id}/pair", "/youth/admin/students/{ystudent}/pair", url.Values{"person_id": {"0"}}, staff},
		{"POST /youth/admin/students/{id}/pair", "/youth/admin/students/{peerystudent}/pair", url.Values{"person_id": {"0"}}, sys},
		{"GET /youth/admin/pairs", "/youth/admin/pairs", nil, staff},
		{"GET /youth/admin/pairs/{id}", "/youth/admin/pairs/{ypair}", nil, staff},
		{"GET /youth/admin/pairs/{id}", "/youth/admin/pairs/{peerypair}", nil, sys},
		{"POST /youth/admin/pairs/{id}/meeting", "/youth/admin/pairs/{ypair}/meeting", url.Values{"hours": {"x"}}, staff},
		{"POST /youth/admin/pairs/{id}/meeting", "/youth/admin/pairs/{peerypair}/meeting", url.Values{"hours": {"x"}}, sys},
		{"POST /youth/admin/pairs/{id}/end", "/youth/admin/pairs/{ypair}/end", url.Values{"outcome": {"x"}}, staff},
		{"GET /youth/admin/teachers", "/youth/admin/teachers", nil, staff},
		{"GET /youth/admin/teachers/new", "/youth/admin/teachers/new", nil, staff},
		{"POST /youth/admin/teachers/new", "/youth/admin/teachers/new", url.Values{"name": {""}}, staff},
		{"GET /youth/admin/teachers/{id}", "/youth/admin/teachers/{yteacher}", nil, staff},
		{"GET /youth/admin/teachers/{id}", "/youth/admin/teachers/{peeryteacher}", nil, sys},
		{"POST /youth/admin/teachers/{id}/reveal", "/youth/admin/teachers/{yteacher}/reveal", nil, admins},
		{"POST /youth/admin/teachers/{id}/reveal", "/youth/admin/teachers/{peeryteacher}/reveal", nil, sys},
		{"POST /youth/admin/teachers/{id}/training", "/youth/admin/teachers/{yteacher}/training", url.Values{"hours": {"x"}}, staff},
		{"POST /youth/admin/teachers/{id}/recognize", "/youth/admin/teachers/{yteacher}/recognize", url.Values{"year": {"x"}}, staff},
		{"POST /youth/admin/teachers/{id}/recognize", "/youth/admin/teachers/{peeryteacher}/recognize", url.Values{"year": {"x"}}, sys},
		{"GET /youth/admin/stats", "/youth/admin/stats", nil, staff},
	}
}
