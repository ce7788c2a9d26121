package stats_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/stats"
	"kexie/internal/web/webtest"
)

// TestBrowserStats: at a desktop's width (1,280 px) the city's staff fill
// their 统计年报 with one figure that cannot be read — the message shows and
// every typed value is kept — fix it, explain a year-over-year warning and
// submit; the province returns it with a reason; the city fixes it and
// submits again; the province approves it and the summary counts it. The
// progress page at a phone's width (390 px) is no wider than the phone.
func TestBrowserStats(t *testing.T) {
	ctx := webtest.Browser(t)
	d := dbtest.OpenSQLite(t)
	s := serve(t, d)
	year := s.Store.CurrentYear()
	// Last year's form of the city, approved: this year's is checked against it.
	bg := context.Background()
	_, err := s.Store.Submit(bg, s.City.ID, year-1, full(), stats.Actor{UserID: 900, Name: "往年填报人"})
	must(t, err)
	must(t, s.Store.Approve(bg, s.City.ID, year-1, stats.Actor{UserID: 901, Name: "往年审核人"}))
	s.CreateUser(t, "cityclerk", access.OrgStaff, s.City)
	s.CreateUser(t, "provclerk", access.OrgStaff, s.Root)
	b := webtest.NewTab(t, ctx, s.URL, 30*time.Second)
	href := fmt.Sprintf("/stats/orgs/%d/%d", s.City.ID, year)

	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	b.Login("cityclerk")
	b.Open("/stats", "#mine")
	b.Run("open the form", chromedp.Click(chromedp.CSS(`#mine a.btn`)), chromedp.WaitVisible(chromedp.CSS(`#stats-form`)))
	vals := full().Raw
	vals["D01"] = "40" // 10 last year: a warning to explain
	js, _ := json.Marshal(vals)
	if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`(() => { const v = `+string(js)+`; let n = 0;
		for (const [k, x] of Object.entries(v)) { const i = document.getElementById("v-" + k); if (i) { i.value = x; n++ } } return n })()`)); err != nil {
		b.Fail("fill", err)
	}
	setValue(b, "v-B01", "")
	b.Run("a bad figure", chromedp.SendKeys(chromedp.CSS(`#v-B01`), "一千二"),
		chromedp.Click(chromedp.CSS(`#save`)), chromedp.WaitVisible(chromedp.CSS(`#form-error`)))
	if got := b.Text("#issues"); !strings.Contains(got, "表B 人员 第 B01 行「个人会员数」：不是有效的数字") {
		t.Errorf("the message: %q", got)
	}
	if got, want := b.Value(`#v-B01`), "一千二"; got != want {
		t.Errorf("B01 holds %q, want %q", got, want)
	}
	if got := b.Value(`#v-F01`); got != "100" {
		t.Errorf("the other figures are lost: F01 holds %q", got)
	}
	b.Shot("stats-form-error")
	setValue(b, "v-B01", "12")
	b.Run("fix it", chromedp.Click(chromedp.CSS(`#save`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)), chromedp.WaitVisible(chromedp.CSS(`#n-D01`)))
	b.WaitText("saved", ".flash", "草稿已保存")
	if got := b.Text("#row-D01"); !strings.Contains(got, "上年 10，本年 40，变化 +300%") {
		t.Errorf("the warning: %q", got)
	}
	b.Run("submit unexplained", chromedp.Click(chromedp.CSS(`#submit`)), chromedp.WaitVisible(chromedp.CSS(`#form-error`)))
	b.WaitText("blocked", "#form-error", "暂不能上报")
	b.Run("explain", chromedp.SendKeys(chromedp.CSS(`#n-D01`), "今年新建三个科普教育基地，科普活动明显增加。"),
		chromedp.Click(chromedp.CSS(`#submit`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("submitted", "#form-status", "已上报")
	b.Logout()

	b.Login("provclerk")
	b.Open(href, "#review")
	b.Run("return", chromedp.SendKeys(chromedp.CSS(`#return-form textarea[name=reason]`), "科普经费支出请与财务决算核对。"),
		chromedp.Click(chromedp.CSS(`#return`)), chromedp.WaitVisible(chromedp.CSS(`#return-reason`)))
	b.WaitText("returned", "#form-status", "已退回")
	b.Logout()

	b.Login("cityclerk")
	b.Open(href, "#stats-form")
	b.WaitText("the reason", "#return-reason", "科普经费支出请与财务决算核对。")
	setValue(b, "v-F09", "18")
	b.Run("fix and submit", chromedp.Click(chromedp.CSS(`#submit`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("submitted again", "#form-status", "已上报")
	b.Logout()

	b.Login("provclerk")
	b.Open(href, "#review")
	b.Run("approve", chromedp.Click(chromedp.CSS(`#approve`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("approved", "#form-status", "已审核")
	b.Shot("stats-form")
	b.Open(fmt.Sprintf("/stats/summary?year=%d", year), "#coverage")
	b.WaitText("summary", "#included", "已汇总 1 个单位已审核的年报，应报 3 个单位")
	if got := b.Text("#sum-F09"); !strings.Contains(got, "18.00") || !strings.Contains(got, "20.00") || !strings.Contains(got, "-10.0%") {
		t.Errorf("the summary's F09: %q", got)
	}
	b.Shot("stats-summary")

	b.Run("phone", chromedp.EmulateViewport(390, 844))
	b.Open(fmt.Sprintf("/stats/progress?year=%d", year), "#progress")
	if got := b.Text("#progress"); !strings.Contains(got, "攀枝花市科学技术协会") || !strings.Contains(got, "已审核") {
		t.Errorf("the progress list: %q", got)
	}
	narrow(b, "the progress page")
	b.Shot("stats-progress")
	b.Open(href, "#form-facts")
	narrow(b, "the form")
}

// narrow fails when the page is wider than the 390 px screen.
func narrow(b *webtest.Tab, what string) {
	b.T.Helper()
	w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil {
		b.Fail("width", err)
	}
	if w > 390 {
		b.T.Errorf("%s at 390 px is %d px wide", what, w)
	}
}

// setValue sets the value of the input with id.
func setValue(b *webtest.Tab, id, v string) {
	b.T.Helper()
	js, _ := json.Marshal(v)
	if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.getElementById("`+id+`").value = `+string(js))); err != nil {
		b.Fail("set "+id, err)
	}
}

// TestBrowserStatsImport: the city's staff fill their form from a
// workbook. At a phone's width (390 px) a workbook with a bad cell and an
// unknown row comes back with one message per problem, naming the sheet
// and row, and nothing saved; the page is no wider than the phone. At a
// desktop's width (1,280 px) the fixed workbook is the draft.
func TestBrowserStatsImport(t *testing.T) {
	ctx := webtest.Browser(t)
	d := dbtest.OpenSQLite(t)
	s := serve(t, d)
	year := s.Store.CurrentYear()
	c, _ := s.User(t, "cityfiler", access.OrgStaff, s.City)
	href := fmt.Sprintf("/stats/orgs/%d/%d", s.City.ID, year)
	_, file := download(t, c, href+"/xlsx")
	dir := t.TempDir()
	vals := full().Raw
	good := filepath.Join(dir, "年报.xlsx")
	must(t, os.WriteFile(good, setCells(t, file, vals), 0o600))
	vals["B01"] = "一千二"
	bad := filepath.Join(dir, "年报-有误.xlsx")
	must(t, os.WriteFile(bad, setCells(t, file, vals, []string{"X01", "多出来的一行", "", "", "5"}), 0o600))

	s.CreateUser(t, "cityclerk", access.OrgStaff, s.City)
	b := webtest.NewTab(t, ctx, s.URL, 30*time.Second)
	b.Run("phone", chromedp.EmulateViewport(390, 844))
	b.Login("cityclerk")
	b.Open(href, "#xlsx")
	b.Run("a bad workbook", chromedp.SetUploadFiles(chromedp.CSS(`#xlsx-import input[type=file]`), []string{bad}),
		chromedp.Click(chromedp.CSS(`#xlsx-submit`)), chromedp.WaitVisible(chromedp.CSS(`#import-errors`)))
	b.WaitText("nothing saved", "#form-error", "本次导入未保存任何数据")
	got := b.Text("#import-errors")
	for _, want := range []string{"工作表“表A 组织建设”第 9 行：指标代码“X01”不在本年报中。", "工作表“表B 人员”第 2 行：表B 人员 第 B01 行「个人会员数」：不是有效的数字"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in %q", want, got)
		}
	}
	narrow(b, "the form with the import's errors")
	b.Shot("stats-import-errors")
	if n := count(t, d, `SELECT COUNT(*) FROM stats_forms`); n != 0 {
		t.Fatalf("a bad workbook saved %d forms", n)
	}

	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	b.Open(href, "#xlsx")
	b.Run("the fixed workbook", chromedp.SetUploadFiles(chromedp.CSS(`#xlsx-import input[type=file]`), []string{good}),
		chromedp.Click(chromedp.CSS(`#xlsx-submit`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("imported", ".flash", "已从表格导入并保存为草稿")
	b.WaitText("a draft", "#form-status", "草稿")
	if got := b.Value(`#v-F01`); got != "100.00" {
		t.Errorf("F01 holds %q after the import", got)
	}
	b.Shot("stats-import")
}
