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
	"kexie/internal/plan"
	"kexie/internal/web/webtest"
)

// widths are the window widths every plan page must fit: a desktop and a phone.
var widths = []struct {
	name string
	w, h int64
}{{"desktop", 1280, 900}, {"phone", 390, 844}}

// fit sets the viewport to width and fails when the page is wider than the
// window; each sel must lie inside it horizontally.
func fit(t *testing.T, b *webtest.Tab, page string, w, h int64, sel ...string) {
	t.Helper()
	b.Run("viewport", chromedp.EmulateViewport(w, h), chromedp.Sleep(150*time.Millisecond))
	res, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]float64](`[document.documentElement.scrollWidth, window.innerWidth]`))
	if err != nil {
		b.Fail("measure the page", err)
	}
	if len(res) == 2 && res[0] > res[1] {
		t.Errorf("%s at %d px: the page is %v px wide", page, w, res[0])
	}
	for _, s := range sel {
		right, err := chromedp.Run(b.Ctx, chromedp.Evaluate[float64](fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return -1;
			const r = e.getBoundingClientRect(); return r.width > 0 ? r.right : -1 })()`, s)))
		if err != nil {
			b.Fail("measure "+s, err)
		}
		if right < 0 || right > float64(w) {
			t.Errorf("%s at %d px: %s ends at %v px (missing or cut off)", page, w, s, right)
		}
	}
}

// shot saves the page at width as docs-style name-desktop.png / name-phone.png
// in $KEXIE_SCREENSHOTS.
func shot(t *testing.T, b *webtest.Tab, name, suffix string, w, h int64) {
	dir := os.Getenv("KEXIE_SCREENSHOTS")
	if dir == "" {
		return
	}
	b.Run("shot "+name, chromedp.EmulateViewport(w, h), chromedp.Sleep(300*time.Millisecond))
	png, err := chromedp.Run(b.Ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.Fail("shot "+name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+"-"+suffix+".png"), png, 0o644); err != nil {
		t.Error(err)
	}
}

// TestBrowserPlanLayouts walks the pages of issue 10 §1 at 1,280 and 390 px:
// the draft review page with its 补充章节 card, the dashboard's hint that
// leads to assigning the unassigned targets, an entry approved from the
// dashboard on a phone with its value, narrative and evidence in view, and
// a plan past its period shown as ended.
func TestBrowserPlanLayouts(t *testing.T) {
	seed := seedFile(t, "002")
	eachDB(t, func(t *testing.T, ps planSite) {
		ctx := webtest.Browser(t)
		bg := context.Background()
		ps.Plans.SetClock(func() time.Time { return time.Date(2019, 2, 10, 9, 0, 0, 0, time.UTC) })
		owner, _ := ps.User(t, "planner", access.OrgStaff, ps.City)
		_ = owner
		f, err := os.Open(seed)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := plan.Ingest(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		id, err := ps.Plans.Save(bg, ps.City.ID, doc, filepath.Base(seed), "", []byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		b := webtest.NewTab(t, ctx, ps.URL, 30*time.Second)
		b.Login("planner")

		// 1. The draft review page fits, its 补充章节 card in view.
		b.Open(fmt.Sprintf("/plans/%d", id), `#plan-tree`)
		for _, s := range widths {
			fit(t, b, "draft review", s.w, s.h, `form[action$="/sections"]`, `#plan-publish`)
			shot(t, b, "plan-review", s.name, s.w, s.h)
		}

		// 2. Published, units linked; the hint leads to assigning what is left.
		names, err := ps.Plans.UnitNames(bg, id)
		if err != nil {
			t.Fatal(err)
		}
		var choices []plan.UnitChoice
		for _, n := range names {
			choices = append(choices, plan.UnitChoice{Name: n.Name, New: true})
		}
		if err := ps.Plans.Publish(bg, id); err != nil {
			t.Fatal(err)
		}
		if _, err := ps.Plans.LinkUnits(bg, id, choices); err != nil {
			t.Fatal(err)
		}
		p, _ := ps.Plans.Get(bg, id)
		var lit plan.StoredIndicator
		unassigned := 0
		for _, i := range p.Indicators {
			if strings.Contains(i.Metric, "科学素质的比例") {
				lit = i
			}
			if i.OrgID == 0 {
				unassigned++
			}
		}
		if lit.ID == 0 || lit.OrgID != 0 || unassigned == 0 {
			t.Fatalf("fixture: literacy target %+v, %d unassigned", lit, unassigned)
		}
		b.Open(fmt.Sprintf("/plans/%d/dashboard", id), `#unassigned-hint`)
		b.Run("follow the hint", chromedp.Click(chromedp.CSS(`#unassigned-hint a`)), chromedp.WaitVisible(chromedp.CSS(`#unassigned`)))
		if rows := b.Text(`#unassigned`); !strings.Contains(rows, "科学素质") {
			t.Errorf("the unassigned list lacks the literacy target: %.200s", rows)
		}
		var eduID int64
		if err := ps.DB.QueryRow(bg, `SELECT id FROM orgs WHERE name = ?`, "市教育体育局").Scan(&eduID); err != nil {
			t.Fatal(err)
		}
		form := fmt.Sprintf(`form[action="/plans/%d/indicators/%d/assign"]`, id, lit.ID)
		b.Run("assign", chromedp.SetValue(chromedp.CSS(form+` select`), fmt.Sprint(eduID)), chromedp.Submit(chromedp.CSS(form)))
		b.WaitText("assigned", `.flash-ok`, "责任单位已调整")
		if strings.Contains(b.Text(`main`), "公民具备科学素质") {
			t.Error("the assigned target is still listed as unassigned")
		}
		for _, s := range widths {
			fit(t, b, "unassigned targets", s.w, s.h)
		}

		// 3. The department files 2018 with a narrative and evidence; the owner
		// sees all of it on the dashboard and approves it on a phone.
		clerk := ps.CreateUser(t, "educlerk", access.OrgStaff, ps.City)
		if _, err := ps.Plans.File(bg, plan.ProgressInput{PlanID: id, IndicatorID: lit.ID, Year: "2018", Quarter: "0", Value: "5.5",
			Narrative: "全市抽样调查结果", UserID: clerk.ID, Scope: access.Everywhere(),
			Files: []plan.File{{Name: "2018年科学素质抽样调查.pdf", Data: []byte("%PDF-1.4 survey")}}}); err != nil {
			t.Fatal(err)
		}
		b.Open(fmt.Sprintf("/plans/%d/dashboard", id), `#pending`)
		pending := b.Text(`#pending`)
		for _, want := range []string{"5.5 %", "全市抽样调查结果", "2018年科学素质抽样调查.pdf", "通过", "退回"} {
			if !strings.Contains(pending, want) {
				t.Errorf("pending entry lacks %q: %q", want, pending)
			}
		}
		for _, s := range widths {
			fit(t, b, "dashboard", s.w, s.h, `#pending button[value=accept]`, `#pending details.return summary`)
			shot(t, b, "plan-dashboard", s.name, s.w, s.h)
		}
		b.Run("accept on a phone", chromedp.Click(chromedp.CSS(`#pending button[value=accept]`)))
		b.WaitText("accepted", `.flash-ok`, "已通过")
		// What is due and the cards agree: no "all filed" beside 未填报 without a reason.
		if due := b.Text(`#due`); strings.Contains(due, "本季度的进展都已填报。") && b.Text(`#count-none`) != "0" {
			t.Errorf("dashboard says all is filed while %s targets show 未填报", b.Text(`#count-none`))
		}

		// 4. Years later the plan is shown as ended, its final evaluation due.
		ps.Plans.SetClock(func() time.Time { return time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC) })
		b.Open(fmt.Sprintf("/plans/%d/dashboard", id), `#plan-ended`)
		if ended := b.Text(`#plan-ended`); !strings.Contains(ended, "2016–2020") || !strings.Contains(ended, "终期评估") {
			t.Errorf("ended banner: %q", ended)
		}
		due, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`!!document.querySelector('#due')`))
		if err != nil || due || strings.Contains(b.Text(`main`), "2026 年第 4 季度") {
			t.Error("an ended plan is still tracked for 2026 年第 4 季度")
		}
		shot(t, b, "plan-dashboard-ended", "desktop", 1280, 900)
	})
}
