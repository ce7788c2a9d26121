package voice_test

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
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/voice"
	"kexie/internal/web/webtest"
)

type voiceSite struct {
	*webtest.Site
	Store        *voice.Store
	now          *time.Time
	county, dept org.Org
}

// grantStaff is the Staff package app wires, on the test site's accounts.
func grantStaff(ws *webtest.Site) voice.GrantStaff {
	return voice.GrantStaff{Policy: ws.Policy,
		User: func(ctx context.Context, name string) (voice.Person, error) {
			u, err := ws.Auth.UserByName(ctx, name)
			return voice.Person{UserID: u.ID, Name: u.DisplayName}, err
		},
		Grants: func(ctx context.Context, id int64) ([]access.Grant, error) {
			rows, err := ws.Auth.Grants(ctx, id)
			out := make([]access.Grant, len(rows))
			for i, g := range rows {
				out[i] = access.Grant{OrgID: g.OrgID, OrgPath: g.OrgPath, OrgName: g.OrgName, Role: g.Role}
			}
			return out, err
		}}
}

func serveVoice(t testing.TB, d *db.DB) *voiceSite {
	t.Helper()
	now := time.Now()
	vs := &voiceSite{now: &now}
	d.Now = func() time.Time { return *vs.now }
	ws := webtest.New(t, d)
	vs.Site = ws
	vs.Store = voice.NewStore(d, voice.Config{Keys: webtest.Keyring(t), Days: calendar.Fixed{C: calendar.New(calendar.Shipped())}, Staff: grantStaff(ws)})
	ws.Start(voice.Module(vs.Store, ws.Orgs, voice.WebConfig{Key: webtest.Key("voice")}))
	ctx := context.Background()
	var err error
	if vs.county, err = ws.Orgs.Create(ctx, org.Input{ParentID: ws.City.ID, Code: "PZHDQ", Name: "攀枝花市东区科学技术协会", Type: org.TypeCounty}); err != nil {
		t.Fatal(err)
	}
	if vs.dept, err = ws.Orgs.Create(ctx, org.Input{ParentID: ws.City.ID, Code: "PZHRS", Name: "攀枝花市人力资源和社会保障局", Type: org.TypeGovDept}); err != nil {
		t.Fatal(err)
	}
	return vs
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

var codeRE = regexp.MustCompile(`[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}`)

// fileForm gets the public form and returns a filled copy of its fields
// (the bot check's stamp included), the clock then moved past its minimum.
func (vs *voiceSite) fileForm(t *testing.T, c *webtest.Client, title string) url.Values {
	t.Helper()
	res, page := c.Get("/voice")
	status(t, "the form", res, page, 200, "建言与诉求")
	*vs.now = vs.now.Add(5 * time.Second)
	return url.Values{"stamp": {hidden(page, "stamp")}, "sig": {hidden(page, "sig")}, "kind": {"request"}, "org_id": {"PZH"},
		"topic": {"title_review"}, "title": {title}, "body": {"申报高级工程师已经半年，评审结果何时公布？请给予答复。"}, "contact": {"13987654321"}}
}

func (vs *voiceSite) items(t *testing.T) int {
	t.Helper()
	var n int
	if err := vs.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM voice_items`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Every form with bad input answers with the precise message and saves
// nothing; the public files, tracks, and rates; staff accept, assign and
// answer; a contact is revealed only by an administrator.
func TestSite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		vs := serveVoice(t, d)
		ctx := context.Background()
		anon := vs.Client(t)

		// The org picker lists the associations, not a government department.
		res, body := anon.Get("/voice/orgs?q=" + url.QueryEscape("攀枝花"))
		status(t, "lookup", res, body, 200, `"code":"PZH"`, "PZHDQ")
		if strings.Contains(body, "PZHRS") {
			t.Error("the picker offers a government department")
		}

		good := vs.fileForm(t, anon, "职称评审结果何时公布")
		for _, c := range []struct {
			name  string
			field string
			value string
			want  string
		}{
			{"honeypot", "website", "http://spam", "表单已过期"},
			{"short title", "title", "职称", "标题至少 4 个字"},
			{"long body", "body", strings.Repeat("长", voice.MaxBody+1), "不能超过 5000 个字"},
			{"no contact", "contact", "", "请留下手机号码或电子邮箱"},
			{"bad contact", "contact", "call me", "11 位手机号码"},
			{"no org", "org_id", "", "请选择受理单位"},
			{"a department", "org_id", "PZHRS", "请选择受理单位"},
			{"bad topic", "topic", "weather", "请选择主题"},
			{"bad kind", "kind", "complaint", "请选择建言或诉求"},
		} {
			t.Run(c.name, func(t *testing.T) {
				f := url.Values{}
				for k, v := range good {
					f[k] = v
				}
				f.Set(c.field, c.value)
				res, body := anon.Post("/voice", f)
				status(t, c.name, res, body, 422, c.want)
				if c.field != "website" && c.field != "body" && c.field != "title" && !strings.Contains(body, `value="`+html.EscapeString(good.Get("title"))+`"`) {
					t.Error("the input is not kept")
				}
			})
		}
		if n := vs.items(t); n != 0 {
			t.Fatalf("%d items saved from bad input", n)
		}
		res, body = anon.Post("/voice", good)
		status(t, "file", res, body, http.StatusSeeOther)
		res, body = anon.Get(res.Header.Get("Location"))
		status(t, "filed", res, body, 200, "您的查询码是")
		code := codeRE.FindString(body)
		if code == "" {
			t.Fatal("no code shown")
		}
		items, _, err := vs.Store.List(ctx, voice.Filter{Scope: access.Everywhere()})
		must(t, err)
		it := items[0]
		id := strconv.FormatInt(it.ID, 10)

		res, body = anon.Post("/voice/track", url.Values{"code": {"2222-3333-4444"}})
		status(t, "wrong code", res, body, 404, "查询码不正确")
		res, body = anon.Post("/voice/track", url.Values{"code": {strings.ToLower(code)}})
		status(t, "track", res, body, 200, "职称评审结果何时公布", "已提交", "139****4321")

		// Staff of the city, of another city, and the city's administrator.
		staff, _ := vs.User(t, "staff", access.OrgStaff, vs.City)
		peer, _ := vs.User(t, "peer", access.OrgStaff, vs.Peer)
		admin, _ := vs.User(t, "admin", access.OrgAdmin, vs.City)
		res, body = staff.Get("/voice/admin")
		status(t, "list", res, body, 200, "职称评审结果何时公布", "共 1 条")
		res, body = peer.Get("/voice/admin")
		status(t, "peer list", res, body, 200, "还没有收到建言诉求。科技工作者和公众提交后会列在这里", `href="/voice">查看提交页面</a>`)
		if res, _ := peer.Get("/voice/admin/" + id); res.StatusCode != 404 && res.StatusCode != 403 {
			t.Errorf("peer opens the item: %d", res.StatusCode)
		}
		if res, _ := peer.Post("/voice/admin/"+id+"/accept", url.Values{}); res.StatusCode != 404 && res.StatusCode != 403 {
			t.Errorf("peer accepts: %d", res.StatusCode)
		}
		res, body = staff.Get("/voice/admin/" + id)
		status(t, "show", res, body, 200, "139****4321", "受理")
		if strings.Contains(body, "13987654321") || strings.Contains(body, `id="reveal"`) {
			t.Error("staff see the contact or its reveal")
		}

		// Each staff form with bad input: the message, and nothing changes.
		for _, c := range []struct {
			name, path string
			form       url.Values
			want       string
		}{
			{"decline without reason", "/decline", url.Values{"reason": {" "}}, "请填写理由"},
			{"assign before accepting", "/assign", url.Values{"handler": {"staff"}}, "当前状态下不能进行此操作"},
			{"answer before assigning", "/answer", url.Values{"answer": {"答复"}}, "当前状态下不能进行此操作"},
			{"empty note", "/note", url.Values{"note": {""}}, "请填写备注"},
			{"transfer nowhere", "/transfer", url.Values{"org_id": {"NOPE"}, "reason": {"属地"}}, "请选择您有权办理的另一单位"},
			{"transfer out of scope", "/transfer", url.Values{"org_id": {"CZ"}, "reason": {"属地"}}, "请选择您有权办理的另一单位"},
		} {
			t.Run(c.name, func(t *testing.T) {
				res, body := staff.Post("/voice/admin/"+id+c.path, c.form)
				status(t, c.name, res, body, 422, c.want)
				got, err := vs.Store.Item(ctx, it.ID)
				must(t, err)
				if got.Status != voice.Submitted || got.OrgID != vs.City.ID {
					t.Errorf("changed: %s at %d", got.Status, got.OrgID)
				}
			})
		}
		res, body = staff.Post("/voice/admin/"+id+"/accept", url.Values{})
		status(t, "accept", res, body, http.StatusSeeOther)
		res, body = staff.Post("/voice/admin/"+id+"/assign", url.Values{"handler": {"peer"}})
		status(t, "assign out of scope", res, body, 422, "无权办理")
		res, body = staff.Post("/voice/admin/"+id+"/assign", url.Values{"me": {"1"}})
		status(t, "assign me", res, body, http.StatusSeeOther)
		res, body = staff.Post("/voice/admin/"+id+"/answer", url.Values{"answer": {""}})
		status(t, "empty answer", res, body, 422, "请填写答复内容")
		res, body = staff.Post("/voice/admin/"+id+"/answer", url.Values{"answer": {"评审结果将于本月底在市人社局网站公示。<script>"}})
		status(t, "answer", res, body, http.StatusSeeOther)

		// The filer reads the answer (escaped) and rates it with the code.
		res, body = anon.Post("/voice/track", url.Values{"code": {code}})
		status(t, "answered", res, body, 200, "已答复", "评审结果将于本月底在市人社局网站公示。")
		if strings.Contains(body, "· staff") || strings.Contains(body, ">staff<") {
			t.Error("the public is shown the staff member's name")
		}
		if strings.Contains(body, "公示。<script>") {
			t.Error("the answer is not escaped")
		}
		res, body = anon.Post("/voice/track/rate", url.Values{"code": {code}})
		status(t, "rate without rating", res, body, 422, "请选择评价")
		res, body = anon.Post("/voice/track/rate", url.Values{"code": {"2222-3333-4444"}, "rating": {"satisfied"}})
		status(t, "rate with a wrong code", res, body, 404)
		res, body = anon.Post("/voice/track/rate", url.Values{"code": {code}, "rating": {"satisfied"}})
		status(t, "rate", res, body, 200, "感谢您的评价", "已办结", "满意")
		res, body = anon.Post("/voice/track/reopen", url.Values{"code": {code}, "reason": {"再看看"}})
		status(t, "reopen when satisfied", res, body, 422, "当前状态下不能进行此操作")

		// Only an administrator reveals the contact, and it is audited.
		if res, _ := staff.Post("/voice/admin/"+id+"/reveal", url.Values{}); res.StatusCode != 403 && res.StatusCode != 404 {
			t.Errorf("staff reveal: %d", res.StatusCode)
		}
		res, body = admin.Post("/voice/admin/"+id+"/reveal", url.Values{})
		status(t, "reveal", res, body, 200, "13987654321")
		var n int
		must(t, d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'voice.reveal'`).Scan(&n))
		if n != 1 {
			t.Errorf("%d reveal records", n)
		}

		// The export has the item and never the contact; the numbers page draws.
		rows := staff.XLSX("/voice/admin?format=xlsx")
		text := ""
		for _, r := range rows {
			text += strings.Join(r, "|") + "\n"
		}
		if !strings.Contains(text, "职称评审结果何时公布") || strings.Contains(text, "4321") {
			t.Errorf("export:\n%s", text)
		}
		res, body = staff.Get("/voice/admin/stats")
		status(t, "stats", res, body, 200, "按主题统计", "data-chart")
		if rows := staff.XLSX("/voice/admin/stats?format=xlsx"); len(rows) != len(voice.Topics)+2 {
			t.Errorf("stats export has %d rows", len(rows))
		}
		res, body = peer.Get("/voice/admin/stats")
		status(t, "peer stats", res, body, 200)
		if strings.Contains(body, "data-chart") {
			t.Error("a peer's numbers count another city's items")
		}
	})
}

// A member files while signed in (no contact needed), follows the item on
// their own pages, and, being staff too, may not handle it; no other
// member sees it.
func TestMember(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		vs := serveVoice(t, d)
		me, _ := vs.User(t, "zhang", access.OrgStaff, vs.City)
		other, _ := vs.User(t, "lisi", access.Member, vs.City)
		f := vs.fileForm(t, me, "建议设立青年科技人才沙龙")
		f.Set("kind", "suggestion")
		f.Set("contact", "")
		res, body := me.Post("/voice", f)
		status(t, "file", res, body, http.StatusSeeOther)
		loc := res.Header.Get("Location")
		if !strings.HasPrefix(loc, "/voice/mine/") {
			t.Fatalf("sent to %s", loc)
		}
		res, body = me.Get(loc)
		status(t, "mine", res, body, 200, "您的查询码是", "建议设立青年科技人才沙龙", "已提交")
		res, body = me.Get("/voice/mine")
		status(t, "my list", res, body, 200, "建议设立青年科技人才沙龙")
		if res, _ := other.Get(loc); res.StatusCode != 404 {
			t.Errorf("another member opens it: %d", res.StatusCode)
		}
		id := strings.TrimPrefix(loc, "/voice/mine/")
		res, body = me.Get("/voice/admin/" + id)
		status(t, "own item as staff", res, body, 200, "本人提交的建言诉求，本人不能办理")
		res, body = me.Post("/voice/admin/"+id+"/accept", url.Values{})
		status(t, "accept own", res, body, 422, "本人提交的建言诉求，本人不能办理")
		res, body = me.Post("/voice/mine/"+id+"/rate", url.Values{"rating": {"satisfied"}})
		status(t, "rate before the answer", res, body, 422, "当前状态下不能进行此操作")
	})
}
