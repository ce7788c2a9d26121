package stats_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/stats"
	"kexie/internal/web/webtest"

	"github.com/xuri/excelize/v2"
)

type site struct {
	*webtest.Site
	Store *stats.Store
}

func serve(t testing.TB, d *db.DB) *site {
	t.Helper()
	ws := webtest.New(t, d)
	s := &site{Site: ws, Store: stats.NewStore(d, stats.Config{})}
	ws.Start(stats.Module(s.Store, ws.Orgs))
	return s
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

// follow fetches where a 303 sends the client.
func follow(t *testing.T, c *webtest.Client, res *http.Response, body string) (*http.Response, string) {
	t.Helper()
	if res.StatusCode != http.StatusSeeOther {
		return res, body
	}
	return c.Get(res.Header.Get("Location"))
}

func denied(t *testing.T, what string, res *http.Response) {
	t.Helper()
	if res.Header.Get("X-Access") != "denied" && res.StatusCode != http.StatusNotFound {
		t.Errorf("%s: status %d, not denied", what, res.StatusCode)
	}
}

// posted is full() as the form posts it.
func posted(action string) url.Values {
	v := url.Values{"action": {action}}
	for code, x := range full().Raw {
		v.Set("v."+code, x)
	}
	return v
}

// The city's staff fill their form: a figure that cannot be read comes
// back as typed with its message and saves nothing; a submit with an error
// keeps the draft and says why; a good one is submitted. The city's staff
// cannot review it (the province does); a province reviewer who edited it
// cannot approve it; a return needs a reason; another reviewer approves,
// and the summary and its export count it. The peer city and a user
// without a grant see none of it.
func TestSiteFiling(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := serve(t, d)
		year := s.Store.CurrentYear()
		city, _ := s.User(t, "cityclerk", access.OrgStaff, s.City)
		prov, _ := s.User(t, "provclerk", access.OrgStaff, s.Root)
		prov2, _ := s.User(t, "provhead", access.OrgAdmin, s.Root)
		peer, _ := s.User(t, "peerclerk", access.OrgStaff, s.Peer)
		nobody, _ := s.User(t, "nobody", access.Member, s.City)
		href := fmt.Sprintf("/stats/orgs/%d/%d", s.City.ID, year)

		res, body := city.Get("/stats")
		status(t, "my forms", res, body, 200, "攀枝花市科学技术协会", "未填报", `href="`+href+`"`)
		res, body = city.Get(href)
		status(t, "my form", res, body, 200, "攀枝花市科学技术协会", "表A 组织建设", "所属学会数", "表F 经费", "保存草稿")

		form := posted("save")
		form.Set("v.B01", "一千二")
		form.Set("v.B03", "-4")
		res, body = city.Post(href, form)
		status(t, "unreadable", res, body, 422, "有 2 处数据无法识别，本次未保存", "表B 人员 第 B01 行「个人会员数」：不是有效的数字",
			"表B 人员 第 B03 行「其中：35岁以下」：不能为负数", `value="一千二"`, `value="100"`)
		if n := count(t, d, `SELECT COUNT(*) FROM stats_forms`); n != 0 {
			t.Fatalf("saved %d forms", n)
		}

		form = posted("save")
		form.Set("n.D01", strings.Repeat("说", stats.MaxNote+1))
		res, body = city.Post(href, form)
		status(t, "long explanation", res, body, 422, "原因说明不能超过 500 个字", "本次未保存")
		form = posted("save")
		form.Set("v.F02", "40.123")
		res, body = city.Post(href, form)
		status(t, "three decimals", res, body, 422, "表F 经费 第 F02 行「其中：财政拨款」：最多保留 2 位小数", `value="40.123"`)
		res, _ = city.Get(fmt.Sprintf("/stats/orgs/%d/%d", s.City.ID, year+1))
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("a year ahead: %d", res.StatusCode)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM stats_forms`); n != 0 {
			t.Fatalf("saved %d forms", n)
		}

		form = posted("submit")
		form.Set("v.F01", "120")
		res, body = city.Post(href, form)
		status(t, "blocked", res, body, 422, "草稿已保存，但还有未改正的错误", "表F 经费 第 F01 行「总收入（万元）」为 120.00，与其各项来源之和 100.00 不符")
		if fm, _ := s.Store.Form(context.Background(), s.City.ID, year); fm.Status != stats.Draft || fm.Values["F01"] != 12000 {
			t.Fatalf("the draft was not kept: %+v", fm)
		}
		res, body = city.Post(href, posted("submit"))
		res, body = follow(t, city, res, body)
		status(t, "submitted", res, body, 200, "年报已上报", "已上报")

		res, _ = city.Post(href+"/approve", nil)
		denied(t, "the city approves its own form", res)
		res, _ = peer.Get(href)
		denied(t, "the peer city reads the form", res)
		res, _ = nobody.Get(href)
		denied(t, "a member reads the form", res)
		res, _ = peer.Post(href, posted("save"))
		denied(t, "the peer city saves the form", res)

		res, body = prov.Post(href+"/return", url.Values{"reason": {""}})
		status(t, "return without a reason", res, body, 422, "请填写原因")
		res, body = prov.Post(href+"/return", url.Values{"reason": {"科普经费支出请核实"}})
		res, body = follow(t, prov, res, body)
		status(t, "returned", res, body, 200, "已退回", "退回原因：科普经费支出请核实")
		// The province's clerk fixes it and submits: they may not approve it now.
		res, body = prov.Post(href, posted("submit"))
		res, body = follow(t, prov, res, body)
		status(t, "resubmitted", res, body, 200, "年报已上报", "您填报或修改过这份年报")
		res, body = prov.Post(href+"/approve", nil)
		status(t, "own approval", res, body, 422, "不能审核、退回或重新打开")
		res, body = prov2.Post(href+"/approve", nil)
		res, body = follow(t, prov2, res, body)
		status(t, "approved", res, body, 200, "年报已审核通过", "已审核")

		// Last year both cities' forms were approved (the city's with 8
		// members, the peer's with 10): this year's 10 members of the city
		// alone are +25.0% on the same org, not -44.4% on last year's 18.
		for org, members := range map[int64]string{s.City.ID: "8", s.Peer.ID: "10"} {
			in := full()
			in.Raw["B01"] = members
			if _, err := s.Store.Submit(context.Background(), org, year-1, in, stats.Actor{UserID: 900, Name: "去年填报"}); err != nil {
				t.Fatal(err)
			}
			if err := s.Store.Approve(context.Background(), org, year-1, stats.Actor{UserID: 901, Name: "去年审核"}); err != nil {
				t.Fatal(err)
			}
		}
		res, body = prov2.Get(fmt.Sprintf("/stats/summary?year=%d", year))
		status(t, "summary", res, body, 200, "已汇总 1 个单位已审核的年报，应报 3 个单位", "滁州市科学技术协会", "导出全年 Excel",
			fmt.Sprintf("同比变化只比较 %d 年和 %d 年年报均已审核的 1 个单位", year-1, year), `<span class="up">+25.0%</span>`)
		if !strings.Contains(body, `formatter&#34;:&#34;&#43;25.0%`) {
			t.Error("the chart's bar does not say +25.0% as the table does")
		}
		if strings.Contains(body, "-44.4%") {
			t.Error("the change compares this year's one form with last year's two")
		}
		rows := prov2.XLSX(fmt.Sprintf("/stats/summary?year=%d&format=xlsx", year))
		if len(rows) != 3 || rows[1][1] != "攀枝花市科学技术协会" || !strings.HasPrefix(rows[2][1], "合计") {
			t.Errorf("export = %v", rows)
		}
		res, body = peer.Get(fmt.Sprintf("/stats/summary?year=%d", year))
		status(t, "peer summary", res, body, 200, "已汇总 0 个单位已审核的年报，应报 1 个单位")
		if strings.Contains(body, "攀枝花") {
			t.Error("the peer city's summary names the city")
		}
		res, body = peer.Get(fmt.Sprintf("/stats/summary?year=%d&org=PZH", year))
		status(t, "peer asks for the city", res, body, 200, "已汇总 0 个单位")
		// An org outside the scope is one that does not exist: its deadline
		// and name are not shown (by code or by ID).
		due := fmt.Sprintf("%d-02-15", year+1)
		if err := s.Store.SetDeadline(context.Background(), s.City.ID, year, due, stats.Actor{UserID: 1}); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"PZH", fmt.Sprint(s.City.ID)} {
			for _, page := range []string{"summary", "progress"} {
				res, body = peer.Get(fmt.Sprintf("/stats/%s?year=%d&org=%s", page, year, q))
				// (The summary's org picker labels any code it is given: the
				// org module's labeler, not this module's; see stats-decisions.)
				if res.StatusCode != 200 || page == "progress" && strings.Contains(body, "攀枝花") || strings.Contains(body, due) {
					t.Errorf("the peer city's %s for the city (%s): %d, names it %v", page, q, res.StatusCode, strings.Contains(body, "攀枝花"))
				}
			}
		}

		res, body = prov2.Get(fmt.Sprintf("/stats/progress?year=%d&sort=-status", year))
		status(t, "progress", res, body, 200, "攀枝花市科学技术协会", "滁州市科学技术协会", "应报单位")
		res, body = city.Get(fmt.Sprintf("/stats/progress?year=%d", year))
		status(t, "city progress", res, body, 200, "攀枝花市科学技术协会")
		if strings.Contains(body, "滁州") {
			t.Error("the city's progress lists the peer city")
		}
		rows = prov2.XLSX(fmt.Sprintf("/stats/progress?year=%d&format=xlsx&status=approved", year))
		if len(rows) != 2 || rows[1][2] != "攀枝花市科学技术协会" {
			t.Errorf("progress export = %v", rows)
		}
		res, _ = nobody.Get("/stats/progress")
		denied(t, "a member sees the progress", res)

		// The province's clerk filed a revision of it: they are not offered
		// the reopening, and may not post it.
		res, body = prov.Get(href)
		status(t, "own approved form", res, body, 200, "不能审核、退回或重新打开")
		if strings.Contains(body, `id="reopen"`) {
			t.Error("the clerk who filed the form is offered its reopening")
		}
		res, body = prov.Post(href+"/reopen", url.Values{"reason": {"会员数口径更正"}})
		status(t, "own reopening", res, body, 422, "不能审核、退回或重新打开")
		// A correction needs a reason; it reopens the form and keeps the approved figures.
		res, body = prov2.Post(href+"/reopen", url.Values{"reason": {"x"}})
		status(t, "reopen without a reason", res, body, 422, "请填写原因（至少 2 个字）", "已审核")
		res, body = prov2.Post(href+"/reopen", url.Values{"reason": {"会员数口径更正"}})
		res, body = follow(t, prov2, res, body)
		status(t, "reopened", res, body, 200, "年报已重新打开", "第 2 版", "重新打开更正时的数据")

		// The deadline: a bad date is refused with its message.
		res, body = prov2.Post("/stats/deadline", url.Values{"org": {"ROOT"}, "year": {fmt.Sprint(year)}, "due": {"2099-01-01"}})
		status(t, "deadline out of range", res, body, 422, "截止日期须在")
		res, _ = city.Post("/stats/deadline", url.Values{"org": {"ROOT"}, "year": {fmt.Sprint(year)}, "due": {fmt.Sprintf("%d-03-20", year+1)}})
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("the city set the province's deadline: %d", res.StatusCode)
		}
		res, body = prov2.Post("/stats/deadline", url.Values{"org": {"ROOT"}, "year": {fmt.Sprint(year)}, "due": {fmt.Sprintf("%d-03-20", year+1)}})
		res, body = follow(t, prov2, res, body)
		status(t, "deadline", res, body, 200, "截止日期已保存", fmt.Sprintf("%d-03-20", year+1))
	})
}

// download fetches path's body as is.
func download(t *testing.T, c *webtest.Client, path string) (*http.Response, []byte) {
	t.Helper()
	res, err := c.HTTP.Get(c.Base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

// setCells writes values (by code) into the value column of a downloaded
// workbook, and rows at the end of its first sheet.
func setCells(t *testing.T, file []byte, values map[string]string, extra ...[]string) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, name := range x.GetSheetList() {
		rows, _ := x.GetRows(name)
		for i, r := range rows {
			if v, ok := values[r[0]]; ok && i > 0 {
				x.SetCellValue(name, fmt.Sprintf("E%d", i+1), v)
			}
		}
		if len(extra) > 0 {
			for j, r := range extra {
				x.SetSheetRow(name, fmt.Sprintf("A%d", len(rows)+1+j), &r)
			}
			extra = nil
		}
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The form's workbook downloads and comes back filled: a bad cell is named
// by sheet and row (escaped) and nothing is saved; a good workbook is the
// draft; another org, a member and a file that is not a workbook or is too
// large are refused.
func TestSiteImport(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := serve(t, d)
		year := s.Store.CurrentYear()
		city, _ := s.User(t, "cityclerk", access.OrgStaff, s.City)
		peer, _ := s.User(t, "peerclerk", access.OrgStaff, s.Peer)
		nobody, _ := s.User(t, "nobody", access.Member, s.City)
		href := fmt.Sprintf("/stats/orgs/%d/%d", s.City.ID, year)

		res, body := city.Get(href)
		status(t, "form", res, body, 200, "用 Excel 填报", "下载 Excel 表格", `enctype="multipart/form-data"`)
		res, file := download(t, city, href+"/xlsx")
		if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheetml") {
			t.Fatalf("download: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		x, err := excelize.OpenReader(bytes.NewReader(file))
		must(t, err)
		if names := x.GetSheetList(); len(names) != 6 || names[1] != "表B 人员" {
			t.Errorf("sheets = %q", names)
		}
		head, _ := x.GetRows("表B 人员")
		if len(head) < 2 || strings.Join(head[0], "|") != fmt.Sprintf("代码|指标|单位|上年（%d）|%d 年|变动原因说明", year-1, year) || head[1][0] != "B01" {
			t.Errorf("表B = %q", head)
		}
		x.Close()
		res, _ = download(t, peer, href+"/xlsx")
		denied(t, "the peer city downloads the form", res)
		res, _ = download(t, nobody, href+"/xlsx")
		denied(t, "a member downloads the form", res)

		vals := full().Raw
		vals["B01"] = "一千"
		bad := setCells(t, file, vals, []string{"<b>X1</b>", "", "", "", "3"})
		res, body = city.Upload(href+"/xlsx", nil, "file", "年报.xlsx", bad)
		status(t, "bad cells", res, body, 422, "表格中有 2 处问题，本次导入未保存任何数据",
			"工作表“表A 组织建设”第 9 行：指标代码“<B>X1</B>”不在本年报中。", "工作表“表B 人员”第 2 行：表B 人员 第 B01 行「个人会员数」：不是有效的数字")
		if strings.Contains(body, "<B>X1") {
			t.Error("a cell's text reached the page unescaped")
		}
		if n := count(t, d, `SELECT COUNT(*) FROM stats_forms`); n != 0 {
			t.Fatalf("a bad workbook saved %d forms", n)
		}
		res, _ = peer.Upload(href+"/xlsx", nil, "file", "年报.xlsx", setCells(t, file, full().Raw))
		denied(t, "the peer city imports into the form", res)
		res, body = city.Upload(href+"/xlsx", nil, "file", "年报.xlsx", []byte("代码,值\nB01,1\n"))
		status(t, "not a workbook", res, body, 422, "无法读取该文件")
		res, body = city.Upload(href+"/xlsx", nil, "file", "年报.xlsx", bytes.Repeat([]byte("x"), stats.BookMaxBytes+(2<<20)))
		if res.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("a 4 MB upload: %d", res.StatusCode)
		}

		res, body = city.Upload(href+"/xlsx", nil, "file", "年报.xlsx", setCells(t, file, full().Raw))
		res, body = follow(t, city, res, body)
		status(t, "imported", res, body, 200, "已从表格导入并保存为草稿", "草稿")
		fm, err := s.Store.Form(context.Background(), s.City.ID, year)
		must(t, err)
		if fm.Status != stats.Draft || fm.Values["F01"] != 10000 || fm.Values["B01"] != 10 {
			t.Errorf("imported form = %+v", fm.Values)
		}
	})
}
