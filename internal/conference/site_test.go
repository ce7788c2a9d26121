package conference_test

import (
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/conference"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/web/webtest"
)

type confSite struct {
	*webtest.Site
	Store *conference.Store
	now   *time.Time
	soc   org.Org
}

func serveConf(t testing.TB, d *db.DB) *confSite {
	t.Helper()
	now := time.Now()
	cs := &confSite{now: &now}
	d.Now = func() time.Time { return *cs.now }
	ws := webtest.New(t, d)
	cs.Site = ws
	cs.Store = conference.NewStore(d, conference.Config{Keys: webtest.Keyring(t), Users: func(ctx context.Context, name string) (conference.Person, error) {
		u, err := ws.Auth.UserByName(ctx, name)
		return conference.Person{UserID: u.ID, Name: u.DisplayName}, err
	}})
	ws.Start(conference.Module(cs.Store, ws.Orgs, conference.WebConfig{Key: webtest.Key("conference")}))
	var err error
	if cs.soc, err = ws.Orgs.Create(context.Background(), org.Input{ParentID: ws.City.ID, Code: "PZHJS", Name: "攀枝花市金属学会", Type: org.TypeSociety}); err != nil {
		t.Fatal(err)
	}
	return cs
}

func day(t time.Time, days int) string { return t.AddDate(0, 0, days).Format("2006-01-02") }

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

func hidden(page, name string) string {
	i := strings.Index(page, `name="`+name+`" value="`)
	if i < 0 {
		return ""
	}
	rest := page[i+len(`name="`+name+`" value="`):]
	return rest[:strings.IndexByte(rest, '"')]
}

var codeRE = regexp.MustCompile(`[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}`)

// The plan's form refuses bad input with the precise message and saves
// nothing; staff of a society file, the city approves (the society's own
// staff cannot, the filer cannot), members and the public register, staff
// check in, the summary is filed and confirmed; another city sees nothing.
func TestSite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		cs := serveConf(t, d)
		ctx := context.Background()
		sec, secU := cs.User(t, "xiehui", access.OrgStaff, cs.soc)
		boss, _ := cs.User(t, "boss", access.OrgStaff, cs.City)
		peer, _ := cs.User(t, "peer", access.OrgStaff, cs.Peer)
		nogrant, _ := cs.User(t, "member", access.Member, cs.City)
		anon := cs.Client(t)
		now := *cs.now

		goodForm := url.Values{"org_id": {"PZHJS"}, "title": {"第十届钒钛学术年会"}, "kind": {"annual"}, "co_organisers": {"攀钢研究院\n攀枝花学院"},
			"starts_on": {day(now, 10)}, "ends_on": {day(now, 11)}, "city": {"攀枝花"}, "venue": {"国际会展中心"}, "expected": {"200"},
			"capacity": {"2"}, "budget": {"8.5"}, "topics": {"钒钛"}}
		for _, c := range []struct{ name, field, value, want string }{
			{"short title", "title", "年会", "名称至少 4 个字"},
			{"bad kind", "kind", "party", "请选择会议类别"},
			{"end before start", "ends_on", day(now, 9), "结束日期不能早于开始日期"},
			{"bad date", "starts_on", "明天", "请填写有效日期"},
			{"zero capacity", "capacity", "0", "请填写 1 到 100000 之间的整数"},
			{"negative budget", "budget", "-3", "经费请填写 0 到"},
			{"org of another city", "org_id", "CZ", "请选择您有权申报的主办单位"},
			{"no org", "org_id", "", "请选择您有权申报的主办单位"},
			{"long venue", "venue", strings.Repeat("场", 101), "不能超过 100 个字"},
		} {
			t.Run(c.name, func(t *testing.T) {
				f := url.Values{}
				for k, v := range goodForm {
					f[k] = v
				}
				f.Set(c.field, c.value)
				res, body := sec.Post("/conference/admin/new", f)
				status(t, c.name, res, body, 422, c.want)
				if c.field != "title" && !strings.Contains(body, `value="第十届钒钛学术年会"`) {
					t.Error("the input is not kept")
				}
			})
		}
		if _, total, _ := cs.Store.List(ctx, conference.Filter{Scope: access.Everywhere()}); total != 0 {
			t.Fatalf("%d saved from bad input", total)
		}
		res, body := sec.Post("/conference/admin/new", goodForm)
		status(t, "create", res, body, http.StatusSeeOther)
		list, _, _ := cs.Store.List(ctx, conference.Filter{Scope: access.Everywhere()})
		id := strconv.FormatInt(list[0].ID, 10)
		base := "/conference/admin/" + id
		res, body = sec.Get(base)
		status(t, "show", res, body, 200, `经费预算</dt><dd id="conf-budget">8.5 万元</dd>`) // the unit once, not 经费预算（万元） 8.5 万元
		res, body = sec.Post(base+"/submit", url.Values{})
		status(t, "submit", res, body, http.StatusSeeOther)

		// Who may approve: not the society's own staff (the route's upper
		// org), not another city, not the filer even holding the city's grant.
		if res, _ := sec.Post(base+"/approve", url.Values{}); res.StatusCode != 403 && res.StatusCode != 404 {
			t.Errorf("the society approves its own: %d", res.StatusCode)
		}
		if res, _ := peer.Post(base+"/approve", url.Values{}); res.StatusCode != 403 && res.StatusCode != 404 {
			t.Errorf("another city approves: %d", res.StatusCode)
		}
		if err := cs.Auth.Grant(ctx, secU.ID, cs.City.ID, access.OrgStaff, 0); err != nil {
			t.Fatal(err)
		}
		res, body = sec.Get(base)
		status(t, "filer sees", res, body, 200, "本人申报或提交总结的会议，本人不能审批或确认")
		res, body = sec.Post(base+"/approve", url.Values{})
		status(t, "filer approves", res, body, 422, "本人申报或提交总结的会议，本人不能审批或确认")
		res, body = boss.Post(base+"/return", url.Values{"reason": {""}})
		status(t, "return without reason", res, body, 422, "请填写理由")
		res, body = boss.Post(base+"/approve", url.Values{})
		status(t, "approve", res, body, http.StatusSeeOther)

		// Scope: another city and a user with no grant see none of it.
		res, body = peer.Get("/conference/admin")
		status(t, "peer list", res, body, 200, "还没有学术会议。")
		res, body = peer.Get("/conference/admin?kind=forum")
		status(t, "peer list filtered", res, body, 200, "没有符合条件的学术会议。", `href="/conference/admin">清除筛选</a>`)
		if res, _ := peer.Get(base); res.StatusCode != 403 && res.StatusCode != 404 {
			t.Errorf("peer opens it: %d", res.StatusCode)
		}
		if res, body := nogrant.Get("/conference/admin"); res.StatusCode != 403 || strings.Contains(body, "钒钛学术年会") {
			t.Errorf("no grant lists: %d", res.StatusCode)
		}
		res, body = boss.Get("/conference/admin?q=" + url.QueryEscape("钒钛") + "&kind=annual&year=" + now.Format("2006") + "&org=PZHJS&sort=status")
		status(t, "city list", res, body, 200, "第十届钒钛学术年会", "共 1 条")

		res, body = sec.Post(base+"/open", url.Values{})
		status(t, "open", res, body, http.StatusSeeOther)
		res, body = anon.Get("/conferences")
		status(t, "upcoming", res, body, 200, "第十届钒钛学术年会", "攀枝花市金属学会")

		// The public registers behind the bot check; bad input first.
		res, page := anon.Get("/conferences/" + id)
		status(t, "public page", res, page, 200, "报名参会", "尚余 2 个名额")
		*cs.now = cs.now.Add(5 * time.Second)
		pub := url.Values{"stamp": {hidden(page, "stamp")}, "sig": {hidden(page, "sig")}, "name": {"王公众"}, "contact": {"13912345678"}}
		for _, c := range []struct{ name, field, value, want string }{
			{"no contact", "contact", "", "请留下手机号码或电子邮箱"},
			{"bad contact", "contact", "call me", "11 位手机号码"},
			{"short name", "name", "王", "请填写姓名"},
			{"honeypot", "website", "http://spam", "表单已过期"},
		} {
			f := url.Values{}
			for k, v := range pub {
				f[k] = v
			}
			f.Set(c.field, c.value)
			res, body := anon.Post("/conferences/"+id+"/register", f)
			status(t, c.name, res, body, 422, c.want)
		}
		res, body = anon.Post("/conferences/"+id+"/register", pub)
		status(t, "public registers", res, body, http.StatusSeeOther)
		res, body = anon.Get(res.Header.Get("Location"))
		status(t, "public code", res, body, 200, "报名成功")
		if codeRE.FindString(body) == "" {
			t.Fatal("no code shown")
		}
		// A member registers by their account; then the places are gone.
		res, body = nogrant.Post("/conferences/"+id+"/register", url.Values{"employer": {"攀钢研究院"}})
		status(t, "member registers", res, body, http.StatusSeeOther)
		res, body = nogrant.Get("/conferences/" + id)
		status(t, "member code", res, body, 200, "您已报名")
		code := codeRE.FindString(body)
		res, body = nogrant.Get("/conference/mine")
		status(t, "mine", res, body, 200, code)
		late := cs.Client(t)
		res, body = late.Get("/conferences/" + id)
		status(t, "full", res, body, 200, "报名名额已满")

		// Papers: bad input, then one, decided by the organiser's staff.
		res, body = nogrant.Post("/conferences/"+id+"/paper", url.Values{"title": {"钒钛"}, "authors": {""}, "abstract": {"短"}})
		status(t, "bad paper", res, body, 422, "名称至少 4 个字")
		res, body = nogrant.Post("/conferences/"+id+"/paper", url.Values{"title": {"高钛型高炉渣提钛新工艺"}, "authors": {"member、李四"},
			"abstract": {"本文介绍高钛型高炉渣高温碳化—低温选择性氯化提钛工艺及其工业试验结果。"}, "keywords": {"高炉渣；提钛"}})
		status(t, "paper", res, body, http.StatusSeeOther)
		papers, _, _ := cs.Store.Papers(ctx, list[0].ID, conference.PaperFilter{})
		// The programme committee: a reviewer named by user name reviews
		// the papers; nobody else reaches the page; the author never decides.
		reviewer, _ := cs.User(t, "pingshen", access.Member, cs.Peer)
		res, body = sec.Post(base+"/programme", url.Values{"username": {"nobody"}})
		status(t, "unknown reviewer", res, body, 422, "没有这个用户名的账号")
		for _, name := range []string{"pingshen", "member"} {
			res, body = sec.Post(base+"/programme", url.Values{"username": {name}})
			status(t, "add "+name, res, body, http.StatusSeeOther)
		}
		res, body = sec.Post(base+"/programme", url.Values{"username": {"pingshen"}})
		status(t, "twice", res, body, 422, "已在程序委员会中")
		if res, _ := peer.Get("/conference/review/" + id); res.StatusCode != 404 {
			t.Errorf("someone off the committee opens the review page: %d", res.StatusCode)
		}
		res, body = reviewer.Get("/conference/mine")
		status(t, "reviewing", res, body, 200, "我评审论文的会议", "第十届钒钛学术年会")
		res, body = reviewer.Get("/conference/review/" + id)
		status(t, "review page", res, body, 200, "高钛型高炉渣提钛新工艺")
		res, body = reviewer.Get("/conference/review/" + id + "?lang=en")
		status(t, "review page in English", res, body, 200, "Papers", "Under review")
		rp := "/conference/review/" + id + "/papers/" + strconv.FormatInt(papers[0].ID, 10)
		res, body = nogrant.Post(rp, url.Values{"decision": {"accepted"}})
		status(t, "the author decides", res, body, 422, "本人提交的论文，本人不能评审")
		res, body = reviewer.Post(rp, url.Values{"decision": {"rejected"}, "note": {"与会议主题不符"}})
		status(t, "reviewer rejects", res, body, http.StatusSeeOther)
		if res, _ := peer.Post(rp, url.Values{"decision": {"accepted"}}); res.StatusCode != 404 {
			t.Errorf("someone off the committee decides: %d", res.StatusCode)
		}
		pp := base + "/papers/" + strconv.FormatInt(papers[0].ID, 10)
		res, body = sec.Post(pp, url.Values{"decision": {"rejected"}})
		status(t, "reject without note", res, body, 422, "不录用时请填写意见")
		res, body = sec.Post(pp, url.Values{"decision": {"accepted"}, "note": {"大会报告"}})
		status(t, "accept", res, body, http.StatusSeeOther)

		// Check-in at the door, on the first day: a wrong code, the
		// member's, then again.
		*cs.now = cs.now.AddDate(0, 0, 10)
		res, body = sec.Post(base+"/checkin", url.Values{"code": {"2222-3333-4444"}})
		status(t, "wrong code", res, body, 422, "签到码无效")
		res, body = sec.Post(base+"/checkin", url.Values{"code": {strings.ToLower(code)}})
		status(t, "check in", res, body, 200, "member 签到成功")
		res, body = sec.Post(base+"/checkin", url.Values{"code": {code}})
		status(t, "twice", res, body, 422, "已经签到")

		// Registrations: staff export without contacts; the admin's export
		// has them masked; the reveal is the admin's, audited.
		rows := sec.XLSX(base + "/regs?format=xlsx")
		if len(rows) != 3 || strings.Contains(strings.Join(rows[0], ","), "联系方式") || strings.Contains(strings.Join(rows[1], ","), "139") {
			t.Errorf("staff export %v", rows)
		}
		admin, _ := cs.User(t, "admin", access.OrgAdmin, cs.City)
		rows = admin.XLSX(base + "/regs?format=xlsx")
		if joined := strings.Join(rows[1], ","); !strings.Contains(joined, "139****5678") || strings.Contains(joined, "13912345678") {
			t.Errorf("admin export %v", rows)
		}
		res, body = sec.Get(base + "/regs")
		status(t, "regs", res, body, 200, "139****5678")
		if strings.Contains(body, "13912345678") || strings.Contains(body, "class=\"link reveal\"") {
			t.Error("staff see the contact or its reveal")
		}
		regs, _, _ := cs.Store.Regs(ctx, list[0].ID, conference.RegFilter{})
		res, body = admin.Post(base+"/regs/"+strconv.FormatInt(regs[0].ID, 10)+"/reveal", url.Values{})
		status(t, "reveal", res, body, 200, "13912345678")

		// Held, then the summary after the end; bad figures refused.
		res, body = sec.Post(base+"/hold", url.Values{})
		status(t, "hold", res, body, http.StatusSeeOther)
		*cs.now = cs.now.AddDate(0, 0, 3)
		sum := url.Values{"attendance": {"0"}, "papers": {"1"}, "outcome": {"会议交流论文一篇，形成钒钛产业技术路线建议一份。"}}
		res, body = sec.Post(base+"/summary", sum)
		status(t, "below check-ins", res, body, 422, "实际参会人数不能少于签到人数（1 人）")
		sum.Set("attendance", "80")
		res, body = sec.Post(base+"/summary", sum)
		status(t, "above without note", res, body, 422, "请说明未签到人员情况")
		sum.Set("note", "部分人员纸质签到")
		sum.Set("papers", "0")
		res, body = sec.Post(base+"/summary", sum)
		status(t, "papers below", res, body, 422, "交流论文数不能少于已录用论文数（1 篇）")
		sum.Set("papers", "3")
		res, body = sec.Post(base+"/summary", sum)
		status(t, "summary", res, body, http.StatusSeeOther)
		res, body = sec.Post(base+"/confirm", url.Values{})
		status(t, "filer confirms", res, body, 422, "本人申报或提交总结的会议")
		res, body = boss.Post(base+"/confirm", url.Values{})
		status(t, "confirm", res, body, http.StatusSeeOther)
		res, body = boss.Get(base)
		status(t, "summarized", res, body, 200, "已总结", "确认总结", "提交总结", "开放报名")
		res, body = boss.Get("/conference/admin/stats?year=" + now.Format("2006"))
		status(t, "stats", res, body, 200, "学术会议统计", `id="st-held">1<`, `id="st-attendance">80<`)
		// The chart draws the conferences held on their own axis: 80
		// attendees on the same axis would leave one held a sliver.
		axes := map[string]float64{}
		for _, s := range chartOf(t, body).Series {
			axes[s.Name] = s.XAxisIndex
		}
		if len(axes) != 3 || axes["举办场次"] == axes["参会人次"] || axes["参会人次"] != axes["交流论文"] {
			t.Errorf("stats chart's series by axis %v, want 举办场次 apart from 参会人次 and 交流论文", axes)
		}
		if rows := boss.XLSX("/conference/admin?format=xlsx"); len(rows) != 2 || rows[1][1] != "第十届钒钛学术年会" {
			t.Errorf("list export %v", rows)
		}
		if rows := boss.XLSX("/conference/admin/stats?format=xlsx&year=" + now.Format("2006")); len(rows) != 7 {
			t.Errorf("stats export %v", rows)
		}
		// Every page renders, with no raw catalog key, in both languages.
		for _, lang := range []string{"zh-CN", "en"} {
			for _, p := range []string{"/conference/admin", "/conference/admin/new", base, base + "/edit", base + "/papers", base + "/regs",
				base + "/checkin", "/conference/admin/stats", "/conferences", "/conferences/" + id, "/conferences/" + id + "/paper", "/conference/mine"} {
				sep := "?"
				if strings.Contains(p, "?") {
					sep = "&"
				}
				res, body := sec.Get(p + sep + "lang=" + lang)
				status(t, lang+" "+p, res, body, 200)
				if m := regexp.MustCompile(`>[^<]*conference\.[a-z_]+\.[a-z_.]+`).FindString(body); m != "" {
					t.Errorf("%s %s shows a raw key %q", lang, p, m)
				}
			}
		}
		// An international conference of the kind 国际会议 says so once.
		intl := url.Values{}
		for k, v := range goodForm {
			intl[k] = v
		}
		intl.Set("title", "国际钒钛材料学术研讨会")
		intl.Set("kind", "international")
		intl.Set("international", "1")
		intl.Set("countries", "6")
		res, body = sec.Post("/conference/admin/new", intl)
		status(t, "create an international one", res, body, http.StatusSeeOther)
		// (The client reads English since the pages above: the kind and the
		// flag are one label in either language.)
		_, lb := sec.Get("/conference/admin?q=国际钒钛")
		row := lb[strings.Index(lb, "国际钒钛材料学术研讨会"):]
		if kind := row[:strings.Index(row, "</span>")]; strings.Contains(kind, "·") {
			t.Errorf("the list repeats the kind 国际会议 as its flag: %q", kind)
		}
	})
}

// chartOf decodes the first chart's ECharts option on page.
func chartOf(t *testing.T, page string) (opt struct {
	Series []struct {
		Name       string
		XAxisIndex float64 `json:"xAxisIndex"`
	}
}) {
	t.Helper()
	_, rest, ok := strings.Cut(page, `data-chart="`)
	attr, _, _ := strings.Cut(rest, `"`)
	if err := json.Unmarshal([]byte(html.UnescapeString(attr)), &opt); !ok || err != nil {
		t.Fatalf("no chart on the page (%v)", err)
	}
	return opt
}
