package youth_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
	"kexie/internal/youth"
)

// TestBrowserYouthEditWithdraw: at 1,280 px staff edit a camp — places
// below those accepted are refused with the message and the values kept,
// then a good edit shows in the timeline (old → new); at 390 px the
// guardian withdraws from 我的学生报名 with a reason and the waitlisted
// student moves up; staff then cancel an application with a reason. No
// phone page is wider than the phone.
func TestBrowserYouthEditWithdraw(t *testing.T) {
	ctx := webtest.Browser(t)
	s := serve(t, dbtest.OpenSQLite(t))
	s.CreateUser(t, "staff", access.OrgStaff, s.City)
	_, gu := s.User(t, "guardian", access.Member, s.City)
	bg := context.Background()
	pid, err := s.Store.CreateProgramme(bg, goodProgramme(s.City), clerk) // two places
	must(t, err)
	must(t, s.Store.Move(bg, pid, "open", "", clerk))
	var ids []int64
	for i, name := range []string{"王小雨", "李明轩", "赵子涵"} {
		by := youth.Actor{UserID: int64(700 + i), Name: "家长"}
		if i == 0 {
			by = youth.Actor{UserID: gu.ID, Name: "guardian"}
		}
		id, err := s.Store.Apply(bg, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent(name)}, by)
		must(t, err)
		ids = append(ids, id)
	}
	must(t, s.Store.Decide(bg, ids[0], "accept", "", checker))
	must(t, s.Store.Decide(bg, ids[1], "accept", "", checker))
	must(t, s.Store.Decide(bg, ids[2], "waitlist", "", checker))
	b := webtest.NewTab(t, ctx, s.URL, 20*time.Second)
	phone := chromedp.EmulateViewport(390, 844)
	prog := "/youth/admin/programmes/" + itoa(pid)

	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	b.Login("staff")
	b.Open(prog, "#edit-link")
	b.Run("to the form", chromedp.Click(chromedp.CSS(`#edit-link`)), chromedp.WaitVisible(chromedp.CSS(`#programme-edit-form`)))
	b.Run("places below the accepted", chromedp.SetValue(chromedp.CSS(`input[name=places]`), "1"),
		chromedp.SetValue(chromedp.CSS(`textarea[name=description]`), "走进钒钛产业园区和重点实验室。"),
		chromedp.Click(chromedp.CSS(`#programme-save`)), chromedp.WaitVisible(chromedp.CSS(`.field.invalid .err`)))
	b.WaitText("refused", ".field.invalid .err", "名额不能少于已录取的 2 人")
	if got := b.Value(`textarea[name=description]`); got != "走进钒钛产业园区和重点实验室。" {
		t.Errorf("the typed description is lost: %q", got)
	}
	b.Shot("youth-edit-refused")
	b.Run("good edit", chromedp.SetValue(chromedp.CSS(`input[name=places]`), "30"),
		chromedp.Click(chromedp.CSS(`#programme-save`)), chromedp.WaitVisible(chromedp.CSS(`#timeline .changes`)))
	b.WaitText("in the timeline", "#timeline", "名额：2 → 30")
	b.WaitText("places", "#places", "2 / 30")
	b.Shot("youth-edit-timeline")
	b.Run("phone edit form", phone)
	b.Open(prog+"/edit", "#programme-edit-form")
	narrow(b, "the edit form")
	b.Logout()

	// Back to two places so that a withdrawal frees one for the waitlisted.
	p, _ := s.Store.Programme(bg, pid)
	in := p.EditInput()
	in.Places = "2"
	must(t, s.Store.EditProgramme(bg, pid, in, checker))

	b.Login("guardian")
	b.Open("/youth/mine", "#mine")
	narrow(b, "my applications")
	b.Run("withdraw", chromedp.Click(chromedp.CSS(`#mine details.withdraw summary`)),
		chromedp.SendKeys(chromedp.CSS(`#withdraw-`+itoa(ids[0])+` input[name=reason]`), "时间冲突。"))
	b.Shot("youth-withdraw")
	b.Run("send", chromedp.Click(chromedp.CSS(`#withdraw-`+itoa(ids[0])+` button`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("withdrawn", "#mine", "已撤回")
	narrow(b, "my applications after")
	b.Shot("youth-withdrawn")
	b.Logout()
	if e, _ := s.Store.Enrolment(bg, ids[2]); e.Status != youth.Accepted {
		t.Errorf("the waitlisted student is %s after the withdrawal", e.Status)
	}

	b.Login("staff")
	b.Open("/youth/admin/enrolments/"+itoa(ids[2]), "#timeline")
	b.WaitText("moved up", "#timeline", "候补递补录取")
	narrow(b, "the application")
	b.Run("cancel", chromedp.Click(chromedp.CSS(`#cancel summary`)), chromedp.Click(chromedp.CSS(`#cancel-submit`)))
	// The browser asks for the required reason; then it is given.
	b.Run("reason", chromedp.SendKeys(chromedp.CSS(`input[name=cancel_reason]`), "监护人来电取消。"),
		chromedp.Click(chromedp.CSS(`#cancel-submit`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("cancelled", "#enrolment-status", "已取消")
	if got := b.Text("#timeline"); !strings.Contains(got, "监护人来电取消。") {
		t.Errorf("the timeline: %q", got)
	}
	b.Shot("youth-enrolment-cancelled")
	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	b.Open(prog, "#timeline")
	b.Shot("youth-programme-edited")

	// Once started, the kind, the first day, the grades and the fee are
	// read-only; the places and the last day still change.
	*s.now = time.Date(2026, 7, 11, 9, 0, 0, 0, calendar.Beijing)
	b.Open(prog+"/edit", "#programme-edit-form")
	b.WaitText("phase", "#edit-phase", "活动已开始")
	locked, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.querySelector("input[type=hidden][name=starts_on]") !== null &&
		document.querySelector("input[type=hidden][name=fee]") !== null && document.querySelector("input[type=number][name=places]") !== null &&
		document.querySelector("select[name=kind]") === null && document.querySelector("input[type=hidden][name=kind]") !== null &&
		document.querySelectorAll("#programme-edit-form [disabled]").length === 5`))
	if err != nil || !locked {
		t.Errorf("the locked fields of a running programme: %v %v", locked, err)
	}
	b.Run("longer", chromedp.SetValue(chromedp.CSS(`input[name=ends_on]`), "2026-07-16"),
		chromedp.Click(chromedp.CSS(`#programme-save`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("in the timeline", "#timeline", "结束日期：2026-07-14 → 2026-07-16")
	b.Open(prog+"/edit", "#programme-edit-form")
	b.Shot("youth-edit-running")
}
