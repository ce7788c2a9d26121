package innovation_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/innovation"
	"kexie/internal/web/webtest"
)

type site struct {
	*webtest.Site
	Store *innovation.Store
	now   *time.Time
}

func serve(t testing.TB, d *db.DB) *site {
	t.Helper()
	now := time.Now()
	s := &site{now: &now}
	d.Now = func() time.Time { return *s.now }
	ws := webtest.New(t, d)
	s.Site = ws
	x := experts{
		1: {innovation.Expert{PersonID: 1, Name: "李钒钛", Employer: "攀钢研究院", Field: "冶金工程"}, ws.City.Path},
		2: {innovation.Expert{PersonID: 2, Name: "周材料", Employer: "滁州学院", Field: "材料科学"}, ws.Peer.Path},
	}
	s.Store = innovation.NewStore(d, innovation.Config{Keys: webtest.Keyring(t), Experts: x})
	ws.Start(innovation.Module(s.Store, ws.Orgs, innovation.WebConfig{Key: webtest.Key("innovation")}))
	return s
}

func hidden(page, name string) string {
	i := strings.Index(page, `name="`+name+`" value="`)
	if i < 0 {
		return ""
	}
	rest := page[i+len(`name="`+name+`" value="`):]
	return rest[:strings.IndexByte(rest, '"')]
}

func status(t *testing.T, what string, res *http.Response, body string, want int, texts ...string) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s: status %d, want %d\n%.2000s", what, res.StatusCode, want, body)
	}
	for _, w := range texts {
		if !strings.Contains(html.UnescapeString(body), w) {
			t.Errorf("%s: no %q in the page", what, w)
		}
	}
}

func (s *site) form(t *testing.T, c *webtest.Client) url.Values {
	t.Helper()
	res, page := c.Get("/innovation")
	status(t, "the form", res, page, 200, "提交技术需求")
	*s.now = s.now.Add(5 * time.Second)
	return url.Values{"stamp": {hidden(page, "stamp")}, "sig": {hidden(page, "sig")}, "org_id": {"PZH"}, "enterprise": {"攀枝花某钒钛新材料有限公司"},
		"uscc": {"91110000802100433B"}, "region_code": {"510402"}, "field": {"materials"}, "title": {"钒钛磁铁矿尾矿综合利用"},
		"body": {"企业每年产生尾矿约五十万吨，需要经济可行的有价金属回收与尾矿建材化利用技术方案。"}, "budget_lo": {"50"}, "budget_hi": {"200"},
		"contact": {"13987654321"}}
}

func (s *site) needs(t *testing.T) int {
	t.Helper()
	var n int
	if err := s.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM innovation_needs`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Every form with bad input answers with its precise message and saves
// nothing; an enterprise files, staff publish, propose an expert, record a
// 对接 and a 签约; the public list shows it without contact; scope holds.
func TestSite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		s := serve(t, d)
		anon := s.Client(t)
		good := s.form(t, anon)
		for _, c := range []struct{ field, value, msg string }{
			{"uscc", "91110000802100433C", "统一社会信用代码不正确"},
			{"enterprise", "", "请填写单位名称"},
			{"region_code", "999999", "请选择有效的行政区划"},
			{"field", "weather", "请选择行业领域"},
			{"title", "钒", "需求名称至少 4 个字"},
			{"body", "短", "需求描述至少 20 个字"},
			{"budget_lo", "-1", "请填写 0 至 1000000 之间的金额"},
			{"budget_hi", "10", "预算上限不能低于下限"},
			{"wanted_by", "2019-01-01", "期望解决时间须在今天之后十年以内"},
			{"contact", "abc", "请填写有效的手机号"},
			{"org_id", "PZHRS", "请选择受理的科协或学会"},
			{"website", "http://spam", "页面已过期或提交过快"},
		} {
			t.Run(c.field, func(t *testing.T) {
				f := url.Values{}
				for k, v := range good {
					f[k] = v
				}
				f.Set(c.field, c.value)
				res, body := anon.Post("/innovation", f)
				status(t, c.field, res, body, http.StatusUnprocessableEntity, c.msg)
			})
		}
		if n := s.needs(t); n != 0 {
			t.Fatalf("%d needs saved from bad input", n)
		}
		res, body := anon.Post("/innovation", good)
		status(t, "file", res, body, http.StatusSeeOther)
		if n := s.needs(t); n != 1 {
			t.Fatalf("%d needs", n)
		}
		res, body = anon.Get("/innovation/needs")
		status(t, "public list before review", res, body, 200, "目前没有发布中的技术需求。", `href="/innovation">提交技术需求</a>`)

		staff, _ := s.User(t, "staff", access.OrgStaff, s.City)
		admin, _ := s.User(t, "admin", access.OrgAdmin, s.City)
		peer, _ := s.User(t, "peer", access.OrgStaff, s.Peer)
		res, body = staff.Get("/innovation/admin")
		status(t, "staff list", res, body, 200, "钒钛磁铁矿尾矿综合利用", "待审核")
		res, body = peer.Get("/innovation/admin")
		status(t, "peer list", res, body, 200, "还没有技术需求。", `href="/innovation/admin/new">录入企业需求</a>`)
		res, body = peer.Get("/innovation/admin?q=" + url.QueryEscape("无此需求"))
		status(t, "peer list filtered", res, body, 200, "没有符合条件的需求。", `href="/innovation/admin">清除筛选</a>`)
		list, _, _ := s.Store.List(context.Background(), innovation.Filter{Scope: access.Everywhere()})
		id := itoa(list[0].ID)
		if res, _ := peer.Get("/innovation/admin/" + id); res.StatusCode != 404 && res.StatusCode != 403 {
			t.Errorf("peer reads the need: %d", res.StatusCode)
		}
		if res, _ := peer.Post("/innovation/admin/"+id+"/publish", url.Values{}); res.StatusCode != 404 && res.StatusCode != 403 {
			t.Errorf("peer publishes the need: %d", res.StatusCode)
		}
		res, body = staff.Get("/innovation/admin/" + id)
		status(t, "show", res, body, 200, "139****4321", "91110000802100433B")
		if strings.Contains(body, "13987654321") {
			t.Error("the contact shows in full")
		}
		for _, c := range []struct {
			path string
			form url.Values
			msg  string
		}{
			{"/reject", url.Values{"reason": {""}}, "请填写原因"},
			{"/propose", url.Values{"person_id": {"1"}}, "该需求当前状态不能进行此操作"},
		} {
			res, body := staff.Post("/innovation/admin/"+id+c.path, c.form)
			status(t, c.path, res, body, http.StatusUnprocessableEntity, c.msg)
		}
		res, body = staff.Post("/innovation/admin/"+id+"/publish", url.Values{})
		status(t, "publish", res, body, http.StatusSeeOther)
		res, body = anon.Get("/innovation/needs")
		status(t, "public list", res, body, 200, "钒钛磁铁矿尾矿综合利用", "攀枝花某钒钛新材料有限公司")
		// The region filter takes a name as the people and venue lists
		// do: one region becomes its code in the address; none is said.
		for _, list := range []struct {
			c    *webtest.Client
			path string
		}{{anon, "/innovation/needs"}, {staff, "/innovation/admin"}, {staff, "/innovation/admin/stations"}} {
			res, body = list.c.Get(list.path + "?region=" + url.QueryEscape("攀枝花市"))
			status(t, list.path+" region by name", res, body, http.StatusSeeOther)
			if got := res.Header.Get("Location"); got != list.path+"?region=510400" {
				t.Errorf("%s: a region by name goes to %q", list.path, got)
			}
			res, body = list.c.Get(list.path + "?region=" + url.QueryEscape("火星"))
			status(t, list.path+" no such region", res, body, 200, "未找到地区“火星”，请输入地区名称、代码或拼音缩写后从提示中选择。")
		}
		res, body = anon.Get("/innovation/needs?region=510400")
		status(t, "public list by region", res, body, 200, "钒钛磁铁矿尾矿综合利用", `id="region-name">四川省攀枝花市<`)
		res, body = anon.Get("/innovation/needs?region=" + url.QueryEscape("火星"))
		if strings.Contains(body, "钒钛磁铁矿尾矿综合利用") {
			t.Error("a region that names nothing lists every need")
		}
		res, body = anon.Get("/innovation/needs/" + id)
		status(t, "public need", res, body, 200, "钒钛磁铁矿尾矿综合利用")
		if strings.Contains(body, "4321") || strings.Contains(body, "91110000802100433B") {
			t.Error("the public page shows the contact or the credit code")
		}
		res, body = staff.Get("/innovation/admin/" + id + "?expert_q=" + url.QueryEscape("钒钛"))
		status(t, "expert search", res, body, 200, "李钒钛", "攀钢研究院")
		res, body = staff.Get("/innovation/admin/" + id + "?expert_q=" + url.QueryEscape("周材料"))
		status(t, "another city's expert", res, body, 200, "人才库中没有找到匹配的专家")
		res, body = staff.Post("/innovation/admin/"+id+"/propose", url.Values{"person_id": {"2"}})
		status(t, "propose another city's expert", res, body, http.StatusUnprocessableEntity, "请从人才库中选择可见范围内的专家")
		res, body = staff.Post("/innovation/admin/"+id+"/propose", url.Values{"person_id": {"1"}})
		status(t, "propose", res, body, http.StatusSeeOther)
		today := s.now.In(time.FixedZone("CST", 8*3600)).Format("2006-01-02")
		for _, c := range []struct {
			form url.Values
			msg  string
		}{
			{url.Values{"held_on": {"x"}, "form": {"online"}, "participants": {"李钒钛"}}, "请填写有效日期"},
			{url.Values{"held_on": {today}, "form": {"fax"}, "participants": {"李钒钛"}}, "请选择对接形式"},
			{url.Values{"held_on": {today}, "form": {"online"}, "participants": {""}}, "请填写参加对接的人员"},
		} {
			res, body := staff.Post("/innovation/admin/"+id+"/meet", c.form)
			status(t, "meet", res, body, http.StatusUnprocessableEntity, c.msg)
		}
		res, body = staff.Post("/innovation/admin/"+id+"/meet", url.Values{"held_on": {today}, "form": {"onsite"}, "participants": {"李钒钛、企业技术部"}})
		status(t, "meet", res, body, http.StatusSeeOther)
		res, body = staff.Post("/innovation/admin/"+id+"/result", url.Values{"result": {"signed"}, "amount": {"abc"}})
		status(t, "result", res, body, http.StatusUnprocessableEntity, "请填写 0 至 1000000 之间的金额")
		res, body = staff.Post("/innovation/admin/"+id+"/result", url.Values{"result": {"signed"}, "amount": {"120.5"}})
		status(t, "result", res, body, http.StatusSeeOther)
		res, body = staff.Get("/innovation/admin/" + id)
		status(t, "signed", res, body, 200, "对接中", "签约 · 120.5 万元", "李钒钛")

		// The contact: staff may not reveal it, the administrator does, audited.
		if res, _ := staff.Post("/innovation/admin/"+id+"/reveal", url.Values{}); res.StatusCode != 403 {
			t.Errorf("staff reveal: %d", res.StatusCode)
		}
		res, body = admin.Post("/innovation/admin/"+id+"/reveal", url.Values{})
		status(t, "reveal", res, body, 200, "13987654321")
		var n int
		if err := d.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action = 'innovation.reveal'`).Scan(&n); err != nil || n != 1 {
			t.Errorf("reveal audited %d times (%v)", n, err)
		}

		// The export has no contact.
		rows := staff.XLSX("/innovation/admin?format=xlsx")
		if len(rows) != 2 {
			t.Fatalf("export rows %d", len(rows))
		}
		for _, r := range rows {
			if strings.Contains(strings.Join(r, " "), "4321") {
				t.Error("the export has the contact")
			}
		}
		res, body = staff.Get("/innovation/admin/stats")
		status(t, "stats", res, body, 200, "创新服务统计", "120.5")
		// The contract amounts are charted by field, on an axis of their own.
		if !regexp.MustCompile(`120\.5[,0]*\],&#34;name&#34;:&#34;合同金额（万元）&#34;,&#34;type&#34;:&#34;bar&#34;,&#34;xAxisIndex&#34;:1`).MatchString(body) {
			t.Error("the stats chart does not draw the contract amounts on their own axis")
		}
		res, body = peer.Get("/innovation/admin/stats")
		status(t, "peer stats", res, body, 200)
		if strings.Contains(body, "120.5") {
			t.Error("the peer's figures count the city's contract")
		}

		// Staff entering a need never confirm its result.
		res, body = staff.Post("/innovation/admin/new", url.Values{"org_id": {"CZ"}, "enterprise": {"某公司"}})
		status(t, "new at another city", res, body, http.StatusUnprocessableEntity, "请选择受理的科协或学会")
		f := url.Values{}
		for k, v := range good {
			f[k] = v
		}
		f.Del("csrf_token")
		f.Set("title", "员工录入的需求")
		res, body = staff.Post("/innovation/admin/new", f)
		status(t, "new", res, body, http.StatusSeeOther)
		own := res.Header.Get("Location")
		res, body = admin.Post(own+"/publish", url.Values{})
		status(t, "publish own", res, body, http.StatusSeeOther)
		res, body = admin.Post(own+"/meet", url.Values{"held_on": {today}, "form": {"online"}, "participants": {"李钒钛"}})
		status(t, "meet own", res, body, http.StatusSeeOther)
		res, body = staff.Get(own)
		status(t, "own need", res, body, 200, "对接结果须由其他工作人员确认")
		res, body = staff.Post(own+"/result", url.Values{"result": {"intent"}})
		status(t, "own result", res, body, http.StatusUnprocessableEntity, "对接结果须由其他工作人员确认")

		// Stations.
		res, body = staff.Get("/innovation/admin/stations/new?expert_q=" + url.QueryEscape("李钒钛"))
		status(t, "station form", res, body, 200, "李钒钛")
		sf := url.Values{"org_id": {"PZH"}, "kind": {"academician"}, "name": {"攀钢钒钛院士专家工作站"}, "host": {"攀钢集团有限公司"},
			"host_uscc": {"91440300708461136T"}, "region_code": {"510402"}, "founded": {"2021-06-01"}, "person_id": {"1"}}
		for _, c := range []struct{ field, value, msg string }{
			{"host_uscc", "91440300708461136A", "统一社会信用代码不正确"},
			{"person_id", "2", "请从人才库中选择可见范围内的专家"},
			{"founded", "2099-01-01", "建站时间须在 1990 年之后"},
			{"org_id", "CZ", "请选择受理的科协或学会"},
		} {
			f := url.Values{}
			for k, v := range sf {
				f[k] = v
			}
			f.Set(c.field, c.value)
			res, body := staff.Post("/innovation/admin/stations/new", f)
			status(t, "station "+c.field, res, body, http.StatusUnprocessableEntity, c.msg)
		}
		res, body = staff.Post("/innovation/admin/stations/new", sf)
		status(t, "station", res, body, http.StatusSeeOther)
		st := res.Header.Get("Location")
		res, body = staff.Post(st+"/assess", url.Values{"year": {"2020"}, "grade": {"excellent"}, "outcome": {"keep"}})
		status(t, "assess early", res, body, http.StatusUnprocessableEntity, "请填写建站以来")
		year := itoa(int64(s.now.Year() - 1))
		res, body = staff.Post(st+"/assess", url.Values{"year": {year}, "grade": {"qualified"}, "outcome": {"keep"}})
		status(t, "assess", res, body, http.StatusSeeOther)
		res, body = staff.Post(st+"/assess", url.Values{"year": {year}, "grade": {"excellent"}, "outcome": {"keep"}, "note": {"复核更正"}})
		status(t, "correct", res, body, http.StatusSeeOther)
		res, body = staff.Get(st)
		status(t, "station page", res, body, 200, "已更正", "优秀", "合格")
		res, body = staff.Get("/innovation/admin/stations")
		status(t, "stations", res, body, 200, "攀钢钒钛院士专家工作站")
		// The stats name the stations by kind, apart, and say when none
		// was graded in the year rather than show a row of zeros.
		res, body = staff.Get("/innovation/admin/stats")
		status(t, "stats stations", res, body, 200, "院士专家工作站 1 · 专家服务站 0 · 科技服务站 0",
			itoa(int64(s.now.Year()))+" 年度尚无专家工作站考核记录。")
		res, body = staff.Get("/innovation/admin/stats?year=" + year)
		status(t, "stats grades", res, body, 200, "优秀 <strong>1</strong>")
		res, body = peer.Get("/innovation/admin/stations")
		status(t, "peer stations", res, body, 200, "还没有专家工作站。", `href="/innovation/admin/stations/new">登记专家工作站</a>`)
		res, body = staff.Get("/innovation/admin/stations?kind=service")
		status(t, "stations filtered", res, body, 200, "没有符合条件的专家工作站。", "清除筛选")
		if res, _ := peer.Get(st); res.StatusCode != 404 && res.StatusCode != 403 {
			t.Errorf("peer reads the station: %d", res.StatusCode)
		}
		if rows := staff.XLSX("/innovation/admin/stations?format=xlsx"); len(rows) != 2 {
			t.Errorf("station export rows %d", len(rows))
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
