package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
	"kexie/internal/plan"
	"kexie/internal/web/webtest"
)

// TestBrowserBoundTarget binds a plan's talent target to the people
// database in a real browser: the picker shows each fitting source with its
// current value, and after binding the target's ledger shows the computed
// value of each period, marked 系统计算, with no filing form; the 填报 list
// leaves the target out.
func TestBrowserBoundTarget(t *testing.T) {
	ctx := webtest.Browser(t)
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	bg := context.Background()
	planID, indID := boundFixture(t, ta)
	owner, err := ta.Auth.CreateUser(bg, authInput("talentplanner"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Auth.Grant(bg, owner.ID, ta.city.ID, access.OrgStaff, 0); err != nil {
		t.Fatal(err)
	}

	base := ta.srv.URL
	b := webtest.NewTab(t, ctx, base, 30*time.Second)
	b.Login("talentplanner")
	key := people.TalentSource("高层次人才")
	b.Run("open target", chromedp.Navigate(fmt.Sprintf("%s/plans/%d/indicators/%d", base, planID, indID)),
		chromedp.WaitVisible(chromedp.CSS(`#source-form`)))
	if f := b.Text(`#progress-form button`); f == "" {
		t.Error("an unbound target offers no filing form")
	}
	// The picker lists the sources counted in people, each with its value in the city now.
	opt, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.querySelector('#source-select option[value="`+key+`"]').textContent`))
	if err != nil {
		b.Fail("read the picker", err)
	}
	if !strings.Contains(opt, "人才库高层次人才人数") || !strings.Contains(opt, "现值 3 人") {
		t.Errorf("picker option: %q", opt)
	}
	b.Run("bind", chromedp.SetValue(chromedp.CSS(`#source-select`), key), chromedp.Click(chromedp.CSS(`#source-submit`)))
	b.WaitText("bound", `.flash-ok`, "已关联数据来源")
	b.Shot("plan-indicator-bound")
	computed := b.Text(`#computed`)
	for _, want := range []string{"2024 年全年", "2025 年全年", "2026 年第 2 季度", "系统计算", "攀枝花市科学技术协会"} {
		if !strings.Contains(computed, want) {
			t.Errorf("computed rows lack %q: %q", want, computed)
		}
	}
	// innerText separates a row's cells by tabs.
	for _, want := range []string{"2024 年全年\t2\t", "2025 年全年\t3\t", "2026 年第 1 季度\t3\t"} {
		if !strings.Contains(computed, want) {
			t.Errorf("computed rows lack %q (the peer city's person must not count): %q", want, computed)
		}
	}
	if src := b.Text(`#ind-source`); !strings.Contains(src, "人才库高层次人才人数") {
		t.Errorf("source shown: %q", src)
	}
	if st := b.Text(`#ind-status`); st != "进度滞后" {
		t.Errorf("status: %q, want 进度滞后 (3 of 10 halfway)", st)
	}
	if msg := b.Text(`#source-auto`); !strings.Contains(msg, "无需填报") {
		t.Errorf("no-filing notice: %q", msg)
	}
	count := func(sel string) int {
		n, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.querySelectorAll('`+sel+`').length`))
		if err != nil {
			b.Fail("count "+sel, err)
		}
		return n
	}
	if count(`#progress-form`) != 0 {
		t.Error("a bound target still offers the filing form")
	}
	b.Run("tasks", chromedp.Navigate(base+"/plans/tasks"), chromedp.WaitVisible(chromedp.CSS(`.pagehead`)))
	if count(fmt.Sprintf(`a[href="/plans/%d/indicators/%d"]`, planID, indID)) != 0 {
		t.Error("the bound target is in the 填报 list")
	}
}

// boundFixture makes a published 2024–2028 plan of the city with one
// target, 高层次人才 ≥ 10 人 assigned to the city, and four people of that
// category: two in the city in 2024, one in 2025, one in the peer city; the
// plans' clock is 10 May 2026.
func boundFixture(t *testing.T, ta *testApp) (planID, indID int64) {
	t.Helper()
	var err error
	bg := context.Background()
	cst := time.FixedZone("CST", 8*3600)
	ta.Plans.SetClock(func() time.Time { return time.Date(2026, 5, 10, 9, 0, 0, 0, cst) })
	ptr := func(v int) *int { return &v }
	goal := 10.0
	doc := &plan.Doc{Title: "攀枝花市科技人才发展规划（2024—2028年）", Period: plan.Period{Start: ptr(2024), End: ptr(2028)},
		Sections: []*plan.Section{{Number: "一", Title: "发展目标", Level: 1}},
		Indicators: []plan.Indicator{{Text: "到2028年，全市高层次人才达到10人以上", Section: []string{"一"}, Metric: "全市高层次人才",
			Comparator: ">=", Value: &goal, Unit: "人", DeadlineYear: ptr(2028)}}}
	planID, err = ta.Plans.Save(bg, ta.city.ID, doc, "规划.txt", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := ta.Plans.Get(bg, planID)
	indID = p.Indicators[0].ID
	if err := ta.Plans.Assign(bg, planID, indID, ta.city.ID); err != nil {
		t.Fatal(err)
	}
	if err := ta.Plans.Publish(bg, planID); err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		when time.Time
		org  int64
		name string
	}{{time.Date(2024, 3, 1, 9, 0, 0, 0, cst), ta.city.ID, "张伟"}, {time.Date(2024, 8, 1, 9, 0, 0, 0, cst), ta.city.ID, "王芳"},
		{time.Date(2025, 4, 1, 9, 0, 0, 0, cst), ta.city.ID, "李强"}, {time.Date(2025, 4, 1, 9, 0, 0, 0, cst), ta.peer.ID, "赵敏"}} {
		ta.DB.Now = func() time.Time { return x.when }
		if _, err := ta.People.Create(bg, people.Input{OrgID: x.org, Name: x.name, Categories: "高层次人才"}); err != nil {
			t.Fatal(err)
		}
	}
	ta.DB.Now = time.Now
	return planID, indID
}
