package plan_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/web/webtest"
)

// TestBrowserPlanFlow runs a plan from its document to its dashboard in a
// real browser: the city's staff upload seed 002, fix an extracted target,
// publish, link the units it names and assign the target; the responsible
// department files progress with an evidence file; the owner accepts it and
// sees the target's status change on the dashboard, then scores the units.
func TestBrowserPlanFlow(t *testing.T) {
	seed := seedFile(t, "002")
	eachDB(t, func(t *testing.T, ps planSite) {
		ctx := webtest.Browser(t)
		// Early 2019, in the middle of the 2016–2020 plan.
		ps.Plans.SetClock(func() time.Time { return time.Date(2019, 2, 10, 9, 0, 0, 0, time.UTC) })
		bg := context.Background()
		owner, err := ps.Auth.CreateUser(bg, webtest.UserInput("planner"))
		if err != nil {
			t.Fatal(err)
		}
		if err := ps.Auth.Grant(bg, owner.ID, ps.City.ID, access.OrgStaff, 0); err != nil {
			t.Fatal(err)
		}
		evidence := filepath.Join(t.TempDir(), "2018年科学素质抽样调查.pdf")
		if err := os.WriteFile(evidence, []byte("%PDF-1.4\n% survey report\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		base := ps.URL
		b := webtest.NewTab(t, ctx, base, 30*time.Second)

		// 1. Upload the document; it is read into a draft.
		b.Login("planner")
		b.Run("upload", chromedp.Navigate(base+"/plans"), chromedp.WaitVisible(chromedp.CSS(`#plan-upload`)),
			chromedp.SetUploadFiles(chromedp.CSS(`input[name=file]`), []string{seed}),
			chromedp.Click(chromedp.CSS(`#plan-upload`)), chromedp.WaitVisible(chromedp.CSS(`#plan-tree`)))
		planPath := strings.TrimPrefix(b.Location(), base)
		if tree := b.Text(`#plan-tree`); !strings.Contains(tree, "市教育体育局") || !strings.Contains(tree, "8%左右") {
			t.Errorf("plan tree lacks units or the literacy target: %.300s", tree)
		}
		b.Shot("plan-draft")
		// 2. Fix the literacy target (the document says 8%, the office decides 9%).
		b.Run("fix target", chromedp.Click(chromedp.CSS(`details.indedit summary`)),
			chromedp.SetValue(chromedp.CSS(`details.indedit input[name=value]`), "9"),
			chromedp.Click(chromedp.CSS(`details.indedit form button`)))
		b.WaitText("fixed target", `#plan-tree .indicator .badge.blue`, "9")
		// 3. Publish.
		b.Run("publish", chromedp.Submit(chromedp.CSS(`#plan-publish`)), chromedp.WaitNotPresent(chromedp.CSS(`#plan-publish`)))
		if st := b.Text(`.pagehead .badge`); st != "已发布" {
			t.Errorf("status after publishing: %q", st)
		}
		// 4. Link the units the document names: each becomes a government department of the city.
		b.Run("units", chromedp.Click(chromedp.CSS(`#to-units`)), chromedp.WaitVisible(chromedp.CSS(`#units-form`)))
		b.Shot("plan-units")
		b.Run("link units", chromedp.Click(chromedp.CSS(`#units-save`)), chromedp.WaitVisible(chromedp.CSS(`#plan-tree`)))
		if flash := b.Text(`.flash-ok`); !strings.Contains(flash, "新建了") {
			t.Errorf("link flash: %q", flash)
		}
		var eduID int64
		if err := ps.DB.QueryRow(bg, `SELECT id FROM orgs WHERE name = ? AND type = 'gov_dept'`, "市教育体育局").Scan(&eduID); err != nil {
			t.Fatalf("市教育体育局 was not created: %v", err)
		}
		// 5. The literacy target has no lead in its section: assign it to 市教育体育局.
		b.Run("open target", chromedp.Click(chromedp.CSS(`#plan-tree .indicator a`)), chromedp.WaitVisible(chromedp.CSS(`#ind-status`)))
		if st := b.Text(`#ind-status`); st != "未填报" {
			t.Errorf("status before any progress: %q", st)
		}
		// Set and submit in one script: the page's scripts (charts) may still
		// be changing the document, which invalidates node ids between steps.
		b.Run("assign form", chromedp.WaitVisible(chromedp.CSS(`form[action$="/assign"] select[name=org_id]`)))
		if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(function(){var f=document.querySelector('form[action$="/assign"]');`+
			`f.querySelector('select[name=org_id]').value=%q;f.submit();return true})()`, fmt.Sprint(eduID)))); err != nil {
			b.Fail("assign", err)
		}
		b.WaitText("assigned", `.flash-ok`, "责任单位已调整")
		indicatorPath := strings.TrimPrefix(b.Location(), base)
		b.Logout()

		// 6. The department's staff file 2018's value with the survey report.
		clerk, err := ps.Auth.CreateUser(bg, webtest.UserInput("educlerk"))
		if err != nil {
			t.Fatal(err)
		}
		if err := ps.Auth.Grant(bg, clerk.ID, eduID, access.OrgStaff, 0); err != nil {
			t.Fatal(err)
		}
		b.Login("educlerk")
		b.Run("tasks", chromedp.Navigate(base+"/plans/tasks"), chromedp.WaitVisible(chromedp.CSS(`#task-table`)))
		if tasks := b.Text(`#task-table`); !strings.Contains(tasks, "公民具备科学素质的比例") {
			t.Errorf("the clerk's tasks lack the literacy target: %q", tasks)
		}
		b.Shot("plan-tasks")
		// On a phone each task is a card: no badge hides past the screen's edge.
		b.Run("tasks on a phone", chromedp.EmulateViewport(390, 844), chromedp.Sleep(150*time.Millisecond))
		right, err := chromedp.Run(b.Ctx, chromedp.Evaluate[float64](`Math.max(...[...document.querySelectorAll('#task-table .badge, #task-table a')].map(e => e.getBoundingClientRect().right))`))
		if err != nil || right <= 0 || right > 390 {
			t.Errorf("tasks at 390 px: a badge or link ends at %v px (%v)", right, err)
		}
		b.Run("desktop again", chromedp.EmulateViewport(1280, 900))
		b.Run("open task", chromedp.Click(chromedp.CSS(`#task-table a[href="`+indicatorPath+`"]`)), chromedp.WaitVisible(chromedp.CSS(`#progress-form`)))
		// A value that is not a number is refused with a message and the form kept.
		b.Run("bad value", chromedp.SetValue(chromedp.CSS(`#progress-form select[name=year]`), "2018"),
			chromedp.SetValue(chromedp.CSS(`#progress-form select[name=quarter]`), "0"),
			chromedp.SetValue(chromedp.CSS(`#progress-form input[name=value]`), "五点五"),
			chromedp.SetValue(chromedp.CSS(`#progress-form textarea[name=narrative]`), "全市抽样调查结果"),
			chromedp.Click(chromedp.CSS(`#progress-submit`)))
		b.WaitText("bad value refused", `#progress-form .err`, "请填写数字")
		b.Run("file", chromedp.SetValue(chromedp.CSS(`#progress-form input[name=value]`), "5.5"),
			chromedp.SetUploadFiles(chromedp.CSS(`#progress-form input[name=files]`), []string{evidence}),
			chromedp.Click(chromedp.CSS(`#progress-submit`)))
		b.WaitText("filed", `#ledger`, "待审核")
		if ledger := b.Text(`#ledger`); !strings.Contains(ledger, "2018年科学素质抽样调查.pdf") || !strings.Contains(ledger, "全市抽样调查结果") {
			t.Errorf("ledger: %q", ledger)
		}
		b.Shot("plan-indicator-filed")
		// The clerk cannot reach the owner's dashboard.
		b.Run("no dashboard", chromedp.Navigate(base+planPath+"/dashboard"), chromedp.WaitVisible(chromedp.CSS(`main`)))
		if body := b.Text(`main`); strings.Contains(body, "实施看板") {
			t.Errorf("a department clerk saw the plan's dashboard")
		}
		b.Logout()

		// 7. The owner accepts it on the dashboard; the target's status changes.
		b.Login("planner")
		b.Run("dashboard", chromedp.Navigate(base+planPath+"/dashboard"), chromedp.WaitVisible(chromedp.CSS(`#pending`)))
		if n := b.Text(`#count-on_track`); n != "0" {
			t.Errorf("on-track count before review: %q", n)
		}
		b.Run("accept", chromedp.Click(chromedp.CSS(`#pending button[value=accept]`)))
		b.WaitText("accepted", `.flash-ok`, "已通过")
		// 5.5 at the end of 2018 against 5.4 on the line from 0 (2015) to 9 (2020).
		b.WaitText("status changed", `#count-on_track`, "1")
		b.Run("charts", chromedp.WaitVisible(chromedp.CSS(`.chart[data-chart-ready] svg`)))
		b.Shot("plan-dashboard")
		b.Run("indicator after", chromedp.Navigate(base+indicatorPath), chromedp.WaitVisible(chromedp.CSS(`#ind-status`)),
			chromedp.WaitVisible(chromedp.CSS(`.chart[data-chart-ready] svg`)))
		if st := b.Text(`#ind-status`); st != "进展顺利" {
			t.Errorf("status after acceptance: %q", st)
		}
		b.Shot("plan-indicator")

		// 8. A mid-term evaluation: score two rows, see the ranking, export it.
		b.Run("evaluate", chromedp.Navigate(base+planPath+"/dashboard"), chromedp.WaitVisible(chromedp.CSS(`#eval-create`)),
			chromedp.SetValue(chromedp.CSS(`form[action$="/evaluations"] input[name=year]`), "2018"),
			chromedp.Click(chromedp.CSS(`#eval-create`)), chromedp.WaitVisible(chromedp.CSS(`#eval-form`)))
		b.Run("score", chromedp.SetValue(chromedp.CSS(`#eval-form tbody tr:nth-child(1) input`), "92"),
			chromedp.SetValue(chromedp.CSS(`#eval-form tbody tr:nth-child(2) input`), "130"),
			chromedp.Click(chromedp.CSS(`#eval-save`)))
		b.WaitText("bad score", `#eval-form .err`, "0–100")
		b.Run("score again", chromedp.SetValue(chromedp.CSS(`#eval-form tbody tr:nth-child(2) input`), "85"),
			chromedp.Click(chromedp.CSS(`#eval-save`)))
		b.WaitText("scores saved", `.flash-ok`, "评分已保存")
		if rank := b.Text(`#ranking tbody tr:first-child`); !strings.Contains(rank, "92") {
			t.Errorf("ranking's first row: %q", rank)
		}
		b.Shot("plan-eval")
		b.Run("print", chromedp.Navigate(b.Location()+"/print"),
			chromedp.WaitVisible(chromedp.CSS(`.printable`)))
		b.Shot("plan-eval-print")
		b.Run("compare", chromedp.Navigate(base+"/plans/compare?q=科学素质"), chromedp.WaitVisible(chromedp.CSS(`#compare-table`)))
		b.Shot("plan-compare")
	})
}
