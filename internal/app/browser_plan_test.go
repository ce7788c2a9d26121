package app

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
	"kexie/internal/db/dbtest"
)

// TestBrowserPlanFlow runs a plan from its document to its dashboard in a
// real browser: the city's staff upload seed 002, fix an extracted target,
// publish, link the units it names and assign the target; the responsible
// department files progress with an evidence file; the owner accepts it and
// sees the target's status change on the dashboard, then scores the units.
func TestBrowserPlanFlow(t *testing.T) {
	ctx := browser(t)
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	// Early 2019, in the middle of the 2016–2020 plan.
	ta.Plans.SetClock(func() time.Time { return time.Date(2019, 2, 10, 9, 0, 0, 0, time.UTC) })
	bg := context.Background()
	owner, err := ta.Auth.CreateUser(bg, authInput("planner"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Auth.Grant(bg, owner.ID, ta.city.ID, access.OrgStaff, 0); err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob(filepath.Join(seedsDir(), "002_*.txt"))
	if len(seeds) != 1 {
		t.Fatalf("seed 002 not found under %s", seedsDir())
	}
	seedFile, _ := filepath.Abs(seeds[0])
	evidence := filepath.Join(t.TempDir(), "2018年科学素质抽样调查.pdf")
	if err := os.WriteFile(evidence, []byte("%PDF-1.4\n% survey report\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	sh := shots{t: t, dir: os.Getenv("KEXIE_SCREENSHOTS")}
	base := ta.srv.URL
	fail := func(step string, err error) {
		t.Helper()
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		html, _ := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("main")))
		t.Fatalf("%s: %v\nat %s\n%.2000s", step, err, loc, html)
	}
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			fail(step, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			fail("read "+sel, err)
		}
		return v
	}
	waitText := func(step, sel, want string) {
		t.Helper()
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel))); err == nil && strings.Contains(v, want) {
				return
			}
		}
		fail(step, fmt.Errorf("%s never showed %q", sel, want))
	}
	login := func(user string) {
		t.Helper()
		run("sign in as "+user, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=username]`), user),
			chromedp.SendKeys(chromedp.CSS(`input[name=password]`), testPassword),
			chromedp.Click(chromedp.CSS(`#login-submit`)), chromedp.WaitVisible(chromedp.CSS(`.topbar`)))
	}
	logout := func() {
		t.Helper()
		run("sign out", chromedp.Navigate(base+"/account"), chromedp.WaitVisible(chromedp.CSS(`form[action="/logout"] button`)),
			chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)))
	}

	// 1. Upload the document; it is read into a draft.
	login("planner")
	run("upload", chromedp.Navigate(base+"/plans"), chromedp.WaitVisible(chromedp.CSS(`#plan-upload`)),
		chromedp.SetUploadFiles(chromedp.CSS(`input[name=file]`), []string{seedFile}),
		chromedp.Click(chromedp.CSS(`#plan-upload`)), chromedp.WaitVisible(chromedp.CSS(`#plan-tree`)))
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	planPath := strings.TrimPrefix(loc, base)
	if tree := text(`#plan-tree`); !strings.Contains(tree, "市教育体育局") || !strings.Contains(tree, "8%左右") {
		t.Errorf("plan tree lacks units or the literacy target: %.300s", tree)
	}
	sh.take(ctx, "plan-draft")
	// 2. Fix the literacy target (the document says 8%, the office decides 9%).
	run("fix target", chromedp.Click(chromedp.CSS(`details.indedit summary`)),
		chromedp.SetValue(chromedp.CSS(`details.indedit input[name=value]`), "9"),
		chromedp.Click(chromedp.CSS(`details.indedit form button`)))
	waitText("fixed target", `#plan-tree .indicator .badge.blue`, "9")
	// 3. Publish.
	run("publish", chromedp.Submit(chromedp.CSS(`#plan-publish`)), chromedp.WaitNotPresent(chromedp.CSS(`#plan-publish`)))
	if st := text(`.pagehead .badge`); st != "已发布" {
		t.Errorf("status after publishing: %q", st)
	}
	// 4. Link the units the document names: each becomes a government department of the city.
	run("units", chromedp.Click(chromedp.CSS(`#to-units`)), chromedp.WaitVisible(chromedp.CSS(`#units-form`)))
	sh.take(ctx, "plan-units")
	run("link units", chromedp.Click(chromedp.CSS(`#units-save`)), chromedp.WaitVisible(chromedp.CSS(`#plan-tree`)))
	if flash := text(`.flash-ok`); !strings.Contains(flash, "新建了") {
		t.Errorf("link flash: %q", flash)
	}
	var eduID int64
	if err := ta.DB.QueryRow(bg, `SELECT id FROM orgs WHERE name = ? AND type = 'gov_dept'`, "市教育体育局").Scan(&eduID); err != nil {
		t.Fatalf("市教育体育局 was not created: %v", err)
	}
	// 5. The literacy target has no lead in its section: assign it to 市教育体育局.
	run("open target", chromedp.Click(chromedp.CSS(`#plan-tree .indicator a`)), chromedp.WaitVisible(chromedp.CSS(`#ind-status`)))
	if st := text(`#ind-status`); st != "未填报" {
		t.Errorf("status before any progress: %q", st)
	}
	run("assign", chromedp.SetValue(chromedp.CSS(`form[action$="/assign"] select[name=org_id]`), fmt.Sprint(eduID)),
		chromedp.Submit(chromedp.CSS(`form[action$="/assign"]`)))
	waitText("assigned", `.flash-ok`, "责任单位已调整")
	indicatorPath := strings.TrimPrefix(must(chromedp.Run(ctx, chromedp.Location())), base)
	logout()

	// 6. The department's staff file 2018's value with the survey report.
	clerk, err := ta.Auth.CreateUser(bg, authInput("educlerk"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Auth.Grant(bg, clerk.ID, eduID, access.OrgStaff, 0); err != nil {
		t.Fatal(err)
	}
	login("educlerk")
	run("tasks", chromedp.Navigate(base+"/plans/tasks"), chromedp.WaitVisible(chromedp.CSS(`#task-table`)))
	if tasks := text(`#task-table`); !strings.Contains(tasks, "公民具备科学素质的比例") {
		t.Errorf("the clerk's tasks lack the literacy target: %q", tasks)
	}
	sh.take(ctx, "plan-tasks")
	run("open task", chromedp.Click(chromedp.CSS(`#task-table a[href="`+indicatorPath+`"]`)), chromedp.WaitVisible(chromedp.CSS(`#progress-form`)))
	// A value that is not a number is refused with a message and the form kept.
	run("bad value", chromedp.SetValue(chromedp.CSS(`#progress-form select[name=year]`), "2018"),
		chromedp.SetValue(chromedp.CSS(`#progress-form select[name=quarter]`), "0"),
		chromedp.SetValue(chromedp.CSS(`#progress-form input[name=value]`), "五点五"),
		chromedp.SetValue(chromedp.CSS(`#progress-form textarea[name=narrative]`), "全市抽样调查结果"),
		chromedp.Click(chromedp.CSS(`#progress-submit`)))
	waitText("bad value refused", `#progress-form .err`, "请填写数字")
	run("file", chromedp.SetValue(chromedp.CSS(`#progress-form input[name=value]`), "5.5"),
		chromedp.SetUploadFiles(chromedp.CSS(`#progress-form input[name=files]`), []string{evidence}),
		chromedp.Click(chromedp.CSS(`#progress-submit`)))
	waitText("filed", `#ledger`, "待审核")
	if ledger := text(`#ledger`); !strings.Contains(ledger, "2018年科学素质抽样调查.pdf") || !strings.Contains(ledger, "全市抽样调查结果") {
		t.Errorf("ledger: %q", ledger)
	}
	sh.take(ctx, "plan-indicator-filed")
	// The clerk cannot reach the owner's dashboard.
	run("no dashboard", chromedp.Navigate(base+planPath+"/dashboard"), chromedp.WaitVisible(chromedp.CSS(`main`)))
	if body := text(`main`); strings.Contains(body, "实施看板") {
		t.Errorf("a department clerk saw the plan's dashboard")
	}
	logout()

	// 7. The owner accepts it on the dashboard; the target's status changes.
	login("planner")
	run("dashboard", chromedp.Navigate(base+planPath+"/dashboard"), chromedp.WaitVisible(chromedp.CSS(`#pending`)))
	if n := text(`#count-on_track`); n != "0" {
		t.Errorf("on-track count before review: %q", n)
	}
	run("accept", chromedp.Click(chromedp.CSS(`#pending button[value=accept]`)))
	waitText("accepted", `.flash-ok`, "已通过")
	// 5.5 at the end of 2018 against 5.4 on the line from 0 (2015) to 9 (2020).
	waitText("status changed", `#count-on_track`, "1")
	run("charts", chromedp.WaitVisible(chromedp.CSS(`.chart[data-chart-ready] svg`)))
	sh.take(ctx, "plan-dashboard")
	run("indicator after", chromedp.Navigate(base+indicatorPath), chromedp.WaitVisible(chromedp.CSS(`#ind-status`)),
		chromedp.WaitVisible(chromedp.CSS(`.chart[data-chart-ready] svg`)))
	if st := text(`#ind-status`); st != "进展顺利" {
		t.Errorf("status after acceptance: %q", st)
	}
	sh.take(ctx, "plan-indicator")

	// 8. A mid-term evaluation: score two rows, see the ranking, export it.
	run("evaluate", chromedp.Navigate(base+planPath+"/dashboard"), chromedp.WaitVisible(chromedp.CSS(`#eval-create`)),
		chromedp.SetValue(chromedp.CSS(`form[action$="/evaluations"] input[name=year]`), "2018"),
		chromedp.Click(chromedp.CSS(`#eval-create`)), chromedp.WaitVisible(chromedp.CSS(`#eval-form`)))
	run("score", chromedp.SetValue(chromedp.CSS(`#eval-form tbody tr:nth-child(1) input`), "92"),
		chromedp.SetValue(chromedp.CSS(`#eval-form tbody tr:nth-child(2) input`), "130"),
		chromedp.Click(chromedp.CSS(`#eval-save`)))
	waitText("bad score", `#eval-form .err`, "0–100")
	run("score again", chromedp.SetValue(chromedp.CSS(`#eval-form tbody tr:nth-child(2) input`), "85"),
		chromedp.Click(chromedp.CSS(`#eval-save`)))
	waitText("scores saved", `.flash-ok`, "评分已保存")
	if rank := text(`#ranking tbody tr:first-child`); !strings.Contains(rank, "92") {
		t.Errorf("ranking's first row: %q", rank)
	}
	sh.take(ctx, "plan-eval")
	run("print", chromedp.Navigate(base+strings.TrimPrefix(must(chromedp.Run(ctx, chromedp.Location())), base)+"/print"),
		chromedp.WaitVisible(chromedp.CSS(`.printable`)))
	sh.take(ctx, "plan-eval-print")
	run("compare", chromedp.Navigate(base+"/plans/compare?q=科学素质"), chromedp.WaitVisible(chromedp.CSS(`#compare-table`)))
	sh.take(ctx, "plan-compare")
}

func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}

// seedsDir is where the five seed plans are (../shared/seeds beside the repository).
func seedsDir() string {
	if d := os.Getenv("KEXIE_SEEDS"); d != "" {
		return d
	}
	return "../../../shared/seeds"
}
