package youth_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
	"kexie/internal/youth"
)

type site struct {
	*webtest.Site
	Store *youth.Store
	now   *time.Time
}

func serve(t testing.TB, d *db.DB) *site {
	t.Helper()
	now := time.Date(2026, 7, 1, 9, 0, 0, 0, calendar.Beijing)
	s := &site{now: &now}
	d.Now = func() time.Time { return *s.now }
	ws := webtest.New(t, d)
	s.Site = ws
	s.Store = youth.NewStore(d, youth.Config{Keys: webtest.Keyring(t), Mentors: newMentors(ws.City.Path, ws.Peer.Path), Accounts: siteAccounts{ws}})
	ws.Start(youth.Module(s.Store, ws.Orgs))
	return s
}

// siteAccounts finds the test site's users by name.
type siteAccounts struct{ s *webtest.Site }

func (a siteAccounts) UserID(ctx context.Context, name string) (int64, error) {
	var id int64
	err := a.s.DB.QueryRow(ctx, `SELECT id FROM users WHERE username = ?`, name).Scan(&id)
	if err != nil {
		return 0, db.ErrNotFound
	}
	return id, nil
}

func status(t *testing.T, what string, res *http.Response, body string, want int, texts ...string) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s: status %d, want %d\n%.3000s", what, res.StatusCode, want, body)
	}
	for _, w := range texts {
		if !strings.Contains(html.UnescapeString(body), w) {
			t.Errorf("%s: no %q in the page", what, w)
		}
	}
}

func copyForm(f url.Values) url.Values {
	out := url.Values{}
	for k, v := range f {
		out[k] = v
	}
	return out
}

// Staff create and open a camp; every bad form answers with its message
// and saves nothing; a teacher applies (consent required); another staff
// member accepts, the teacher never decides; attendance, certificate; the
// public page shows counts only; scope holds.
func TestSite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		s := serve(t, d)
		staff, _ := s.User(t, "staff", access.OrgStaff, s.City)
		admin, _ := s.User(t, "admin", access.OrgAdmin, s.City)
		peer, _ := s.User(t, "peer", access.OrgStaff, s.Peer)
		tc, _ := s.User(t, "teacher", access.Member, s.City)
		anon := s.Client(t)

		good := url.Values{"org_id": {"PZH"}, "title": {"2026年攀枝花青少年科学营"}, "kind": {"camp"}, "starts_on": {"2026-07-10"},
			"ends_on": {"2026-07-12"}, "places": {"30"}, "grade_lo": {"7"}, "grade_hi": {"9"}, "fee": {""}, "description": {"走进钒钛产业。"}}
		for _, c := range []struct{ field, value, msg string }{
			{"title", "营", "名称至少 4 个字"},
			{"kind", "party", "请选择活动类型"},
			{"ends_on", "2026-07-01", "结束日期不能早于开始日期"},
			{"places", "0", "名额须在 1 至 5000 之间"},
			{"grade_hi", "6", "最高年级不能低于最低年级"},
			{"fee", "abc", "费用须在 0 至 10000 元之间"},
			{"org_id", "CZ", "请选择您有权办理的单位"},
		} {
			f := copyForm(good)
			f.Set(c.field, c.value)
			res, body := staff.Post("/youth/admin/programmes/new", f)
			status(t, "programme "+c.field, res, body, http.StatusUnprocessableEntity, c.msg)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM youth_programmes`); n != 0 {
			t.Fatalf("%d programmes saved from bad input", n)
		}
		res, body := staff.Post("/youth/admin/programmes/new", good)
		status(t, "create", res, body, http.StatusSeeOther)
		prog := res.Header.Get("Location")
		pid := strings.TrimPrefix(prog, "/youth/admin/programmes/")
		res, body = anon.Get("/youth/programmes/" + pid)
		status(t, "a draft is not public", res, body, http.StatusNotFound)
		res, body = staff.Post(prog+"/move", url.Values{"step": {"open"}})
		status(t, "open", res, body, http.StatusSeeOther)
		if res, _ := peer.Get(prog); res.StatusCode != 404 && res.StatusCode != 403 {
			t.Errorf("peer reads the programme: %d", res.StatusCode)
		}

		// The teacher registry: bad input, then the teacher with an account.
		tf := url.Values{"org_id": {"PZH"}, "name": {"刘辅导员"}, "school": {"攀枝花市第三中学"}, "subject": {"物理"}, "region_code": {"510402"},
			"contact": {"13800001111"}, "username": {"teacher"}}
		for _, c := range []struct{ field, value, msg string }{
			{"region_code", "999999", "请选择有效的行政区划"},
			{"contact", "abc", "请填写有效的手机号或固定电话"},
			{"username", "nobody", "没有这个用户名的账号"},
		} {
			f := copyForm(tf)
			f.Set(c.field, c.value)
			res, body := staff.Post("/youth/admin/teachers/new", f)
			status(t, "teacher "+c.field, res, body, http.StatusUnprocessableEntity, c.msg)
		}
		res, body = staff.Post("/youth/admin/teachers/new", tf)
		status(t, "teacher", res, body, http.StatusSeeOther)
		teacherPage := res.Header.Get("Location")
		res, body = staff.Post(teacherPage+"/training", url.Values{"held_on": {"2026-06-01"}, "title": {"科技辅导员培训班"}, "hours": {"abc"}})
		status(t, "training", res, body, http.StatusUnprocessableEntity, "学时须在 0.1 至 200 之间")
		res, body = staff.Post(teacherPage+"/training", url.Values{"held_on": {"2026-06-01"}, "title": {"科技辅导员培训班"}, "hours": {"12.5"}})
		status(t, "training", res, body, http.StatusSeeOther)
		if res, _ := staff.Post(teacherPage+"/reveal", url.Values{}); res.StatusCode != 403 {
			t.Errorf("staff reveal a teacher's contact: %d", res.StatusCode)
		}
		res, body = admin.Post(teacherPage+"/reveal", url.Values{})
		status(t, "teacher reveal", res, body, 200, "13800001111")
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'youth.teacher_reveal'`); n != 1 {
			t.Errorf("teacher reveal audited %d times", n)
		}
		res, body = staff.Get("/youth/admin/teachers?q=" + url.QueryEscape("物理"))
		status(t, "teachers", res, body, 200, "刘辅导员", "12.5")
		if strings.Contains(body, "1111") {
			t.Error("the teachers' list shows a contact")
		}
		if rows := staff.XLSX("/youth/admin/teachers?format=xlsx"); len(rows) != 2 || strings.Contains(strings.Join(rows[1], " "), "1111") {
			t.Errorf("teachers' export %v", rows)
		}
		// The region filter takes a name: one region becomes its code in
		// the address; a name of none is said, and lists nobody.
		res, body = staff.Get("/youth/admin/teachers?region=" + url.QueryEscape("攀枝花市"))
		status(t, "region by name", res, body, http.StatusSeeOther)
		if got := res.Header.Get("Location"); got != "/youth/admin/teachers?region=510400" {
			t.Errorf("a region by name goes to %q", got)
		}
		res, body = staff.Get("/youth/admin/teachers?region=510400")
		status(t, "teachers by region", res, body, 200, "刘辅导员", `id="region-name">四川省攀枝花市<`)
		res, body = staff.Get("/youth/admin/teachers?region=" + url.QueryEscape("火星"))
		status(t, "no such region", res, body, 200, "未找到地区“火星”")
		if strings.Contains(body, "刘辅导员") {
			t.Error("a region that names nothing lists every teacher")
		}
		res, body = peer.Get("/youth/admin/teachers")
		status(t, "peer teachers", res, body, 200, "还没有科技辅导员。", `href="/youth/admin/teachers/new">登记科技辅导员</a>`)

		// The teacher applies: no consent, nothing saved.
		af := url.Values{"name": {"王小明"}, "school": {"攀枝花市第三中学"}, "grade": {"8"}, "gender": {"m"}, "guardian_name": {"王家长"},
			"guardian_contact": {"13912345678"}, "consent_how": {"written"}}
		res, body = tc.Post("/youth/programmes/"+pid+"/apply", af)
		status(t, "no consent", res, body, http.StatusUnprocessableEntity, "须经监护人同意才能报名")
		for _, c := range []struct{ field, value, msg string }{
			{"grade", "10", "该活动不招收这个年级的学生"},
			{"guardian_contact", "123", "请填写有效的手机号或固定电话"},
			{"name", "", "请填写姓名"},
		} {
			f := copyForm(af)
			f.Set("consent", "1")
			f.Set(c.field, c.value)
			res, body := tc.Post("/youth/programmes/"+pid+"/apply", f)
			status(t, "apply "+c.field, res, body, http.StatusUnprocessableEntity, c.msg)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM youth_students`); n != 0 {
			t.Fatalf("%d students saved without a good application", n)
		}
		af.Set("consent", "1")
		res, body = tc.Post("/youth/programmes/"+pid+"/apply", af)
		status(t, "apply", res, body, http.StatusSeeOther)
		res, body = tc.Get("/youth/mine")
		status(t, "mine", res, body, 200, "王小明", "待审核", `href="/youth/mine"`) // in the teacher's own navigation
		if res, _ := anon.Post("/youth/programmes/"+pid+"/apply", af); res.StatusCode == http.StatusSeeOther {
			t.Error("applied without signing in")
		}

		// Staff see the application without the contact; the teacher is no staff.
		res, body = staff.Get("/youth/admin")
		status(t, "list", res, body, 200, "王小明", "待审核")
		if strings.Contains(body, "5678") {
			t.Error("the list shows a contact")
		}
		res, body = peer.Get("/youth/admin")
		status(t, "peer list", res, body, 200, "还没有学生报名。活动开放报名后", `href="/youth/admin/programmes">科学营与活动</a>`)
		if res, _ := tc.Get("/youth/admin"); res.StatusCode != 403 {
			t.Errorf("a teacher reads the staff list: %d", res.StatusCode)
		}
		list, _, _ := s.Store.List(context.Background(), youth.Filter{Scope: access.Everywhere()})
		eid := itoa(list[0].ID)
		sid := itoa(list[0].StudentID)
		res, body = staff.Post("/youth/admin/enrolments/"+eid+"/decide", url.Values{"decision": {"decline"}})
		status(t, "decline without reason", res, body, http.StatusUnprocessableEntity, "请填写原因")
		res, body = staff.Post("/youth/admin/enrolments/"+eid+"/decide", url.Values{"decision": {"accept"}})
		status(t, "accept", res, body, http.StatusSeeOther)
		res, body = staff.Get("/youth/admin/students/" + sid)
		status(t, "student", res, body, 200, "139****5678", "王家长", "书面签字")
		if strings.Contains(body, "13912345678") {
			t.Error("the student page shows the contact in full")
		}
		if res, _ := staff.Post("/youth/admin/students/"+sid+"/reveal", url.Values{}); res.StatusCode != 403 {
			t.Errorf("staff reveal: %d", res.StatusCode)
		}
		res, body = admin.Post("/youth/admin/students/"+sid+"/reveal", url.Values{})
		status(t, "reveal", res, body, 200, "13912345678")
		if rows := staff.XLSX("/youth/admin?format=xlsx"); len(rows) != 2 || strings.Contains(strings.Join(rows[1], " "), "5678") {
			t.Errorf("export %v", rows)
		}

		// Attendance and the certificate.
		*s.now = time.Date(2026, 7, 12, 17, 0, 0, 0, calendar.Beijing)
		res, body = staff.Post(prog+"/attend", url.Values{"day": {"2026-07-20"}, "present": {eid}})
		status(t, "attend late", res, body, http.StatusUnprocessableEntity, "出勤日期须在活动期间")
		res, body = staff.Post(prog+"/attend", url.Values{"day": {"2026-07-10"}, "present": {eid}})
		status(t, "attend", res, body, http.StatusSeeOther)
		res, body = staff.Post("/youth/admin/enrolments/"+eid+"/complete", url.Values{})
		status(t, "complete", res, body, http.StatusSeeOther)
		res, body = staff.Get("/youth/admin/enrolments/" + eid)
		status(t, "completed", res, body, 200, "已结业", "QS2026-")

		// The public page: counts, never a name.
		res, body = anon.Get("/youth")
		status(t, "public", res, body, 200, "2026年攀枝花青少年科学营")
		res, body = anon.Get("/youth/programmes/" + pid)
		status(t, "public programme", res, body, 200, `名额</dt><dd id="public-counts">30 个，已录取 1 人</dd>`) // 名额 once
		if strings.Contains(body, "王小明") || strings.Contains(body, "王家长") {
			t.Error("the public page names a student")
		}
		res, body = staff.Get("/youth/admin/stats")
		status(t, "stats", res, body, 200, "青少年科技教育统计", "<5")
		res, body = peer.Get("/youth/admin/stats")
		status(t, "peer stats", res, body, 200)
		if rows := staff.XLSX("/youth/admin/stats?format=xlsx"); len(rows) < 5 {
			t.Errorf("stats export %d rows", len(rows))
		}

		// Mentoring from the student's page.
		res, body = staff.Get("/youth/admin/students/" + sid + "?mentor_q=" + url.QueryEscape("钒钛"))
		status(t, "mentor search", res, body, 200, "李钒钛", "攀钢研究院")
		res, body = staff.Post("/youth/admin/students/"+sid+"/pair", url.Values{"person_id": {"2"}, "started_on": {"2026-07-12"}})
		status(t, "pair another city's", res, body, http.StatusUnprocessableEntity, "请从人才库中选择可见范围内的导师")
		res, body = staff.Post("/youth/admin/students/"+sid+"/pair", url.Values{"person_id": {"1"}, "started_on": {"2026-07-12"}})
		status(t, "pair", res, body, http.StatusSeeOther)
		pair := res.Header.Get("Location")
		res, body = staff.Post(pair+"/meeting", url.Values{"held_on": {"2026-07-12"}, "hours": {"99"}, "note": {"交流"}})
		status(t, "meeting", res, body, http.StatusUnprocessableEntity, "时长须在 0.1 至 12 小时之间")
		res, body = staff.Post(pair+"/meeting", url.Values{"held_on": {"2026-07-12"}, "hours": {"2"}, "note": {"参观实验室。"}})
		status(t, "meeting", res, body, http.StatusSeeOther)
		res, body = staff.Get(pair)
		status(t, "pair", res, body, 200, `id="pair-meetings">1 次，共 2 小时<`) // not "1 · 2 小时"
		res, body = staff.Get("/youth/admin/pairs")
		status(t, "pairs", res, body, 200, "李钒钛", "王小明")
		if rows := staff.XLSX("/youth/admin/pairs?format=xlsx"); len(rows) != 2 || rows[1][1] != "李钒钛" {
			t.Errorf("pairs' export %v", rows)
		}
		if rows := staff.XLSX("/youth/admin/programmes?format=xlsx"); len(rows) != 2 || rows[1][1] != "2026年攀枝花青少年科学营" {
			t.Errorf("programmes' export %v", rows)
		}
		if rows := peer.XLSX("/youth/admin/programmes?format=xlsx"); len(rows) != 1 {
			t.Errorf("another city exports %d programmes", len(rows)-1)
		}
		res, body = peer.Get("/youth/admin/pairs")
		status(t, "no pairs yet", res, body, 200, "还没有导师结对。在学生报名中打开一名学生", `href="/youth/admin">学生报名</a>`)
		res, body = staff.Get("/youth/admin/pairs?org=CZ")
		status(t, "pairs of another city", res, body, 200, "没有符合条件的导师结对。", `href="/youth/admin/pairs">清除筛选</a>`)
		if res, _ := peer.Get(pair); res.StatusCode != 404 && res.StatusCode != 403 {
			t.Errorf("peer reads the pair: %d", res.StatusCode)
		}
	})
}

// The one who applied for a student, even as staff, never decides.
func TestApplicantNeverDecides(t *testing.T) {
	s := serve(t, dbtest.OpenSQLite(t))
	staff, u := s.User(t, "staff", access.OrgStaff, s.City)
	other, _ := s.User(t, "other", access.OrgStaff, s.City)
	ctx := context.Background()
	in := goodProgramme(s.City)
	in.Places = "5"
	pid, err := s.Store.CreateProgramme(ctx, in, clerk)
	must(t, err)
	must(t, s.Store.Move(ctx, pid, "open", "", clerk))
	eid, err := s.Store.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("王小明")}, youth.Actor{UserID: u.ID, Name: "staff"})
	must(t, err)
	res, body := staff.Get("/youth/admin/enrolments/" + itoa(eid))
	status(t, "own", res, body, 200, "报名须由报名人以外的工作人员审核")
	if strings.Contains(body, `id="decide-submit"`) {
		t.Error("the applicant is offered the decision")
	}
	res, body = staff.Post("/youth/admin/enrolments/"+itoa(eid)+"/decide", url.Values{"decision": {"accept"}})
	status(t, "own decide", res, body, http.StatusUnprocessableEntity, "报名须由报名人以外的工作人员审核")
	res, body = other.Post("/youth/admin/enrolments/"+itoa(eid)+"/decide", url.Values{"decision": {"accept"}})
	status(t, "other decides", res, body, http.StatusSeeOther)
}
