package conference_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/conference"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// TestBrowserOwnWork: the conference's page tells the city's staff who is
// also the society's that they do not approve it, and the papers' page
// tells a programme member who co-wrote a paper that they do not decide
// it — instead of offering the step — at 1,280 and 390 px; neither page is
// wider than the phone (security review 51).
func TestBrowserOwnWork(t *testing.T) {
	ctx := webtest.Browser(t)
	cs := serveConf(t, dbtest.OpenSQLite(t))
	bg := context.Background()
	both := cs.CreateUser(t, "jianren", access.OrgStaff, cs.City)
	if err := cs.Auth.Grant(bg, both.ID, cs.soc.ID, access.OrgStaff, 0); err != nil {
		t.Fatal(err)
	}
	cs.CreateUser(t, "pingshen", access.Member, cs.Peer)
	author := cs.CreateUser(t, "huiyuan", access.Member, cs.City)
	now := *cs.now
	in := good(cs.soc)
	in.StartsOn, in.EndsOn = day(now, 10), day(now, 11)
	filed, err := cs.Store.Create(bg, in, access.Subtrees(cs.soc.Path), secretary)
	must(t, err)
	must(t, cs.Store.Submit(bg, filed, secretary))
	in.Title = "第二届钒钛青年学术论坛"
	open, err := cs.Store.Create(bg, in, access.Subtrees(cs.soc.Path), secretary)
	must(t, err)
	must(t, cs.Store.Submit(bg, open, secretary))
	must(t, cs.Store.Approve(bg, open, access.Subtrees(cs.City.Path), approver))
	must(t, cs.Store.OpenRegistration(bg, open, secretary))
	must(t, cs.Store.AddProgramme(bg, open, "pingshen", secretary))
	_, err = cs.Store.SubmitPaper(bg, open, conference.PaperInput{Title: "高钛型高炉渣提钛新工艺", Authors: "huiyuan、pingshen",
		Abstract: "本文介绍高钛型高炉渣高温碳化—低温选择性氯化提钛工艺及其工业试验结果。"}, conference.Actor{UserID: author.ID, Name: "huiyuan"})
	must(t, err)

	b := webtest.NewTab(t, ctx, cs.URL, 20*time.Second)
	for _, width := range []int64{1280, 390} {
		b.Run(fmt.Sprint(width), chromedp.EmulateViewport(width, 900))
		b.Login("jianren")
		b.Open(fmt.Sprintf("/conference/admin/%d", filed), "#own-org")
		b.WaitText("own org", "#own-org", "主办单位（或其下级单位）的工作人员不能审批")
		if n := present(b, "#approve-submit"); n != 0 {
			t.Errorf("%d px: the approval is offered", width)
		}
		if width == 390 {
			narrow(b, "the conference's page")
		}
		b.Logout()
		b.Login("pingshen")
		b.Open(fmt.Sprintf("/conference/review/%d", open), "#paper-list")
		b.WaitText("co-author", "#paper-list", "您是该论文的作者之一，不能评审")
		if n := present(b, ".accept-paper"); n != 0 {
			t.Errorf("%d px: the decision is offered", width)
		}
		if width == 390 {
			narrow(b, "the papers' page")
			b.Shot("conference-coauthor")
			b.Logout()
			b.Login("jianren")
			b.Open(fmt.Sprintf("/conference/admin/%d", filed), "#own-org")
			b.Shot("conference-own-org")
		}
		b.Logout()
	}
}

// present counts the elements matching the CSS selector sel.
func present(b *webtest.Tab, sel string) int {
	b.T.Helper()
	n, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", sel)))
	if err != nil {
		b.Fail("count "+sel, err)
	}
	return n
}
