package kepu_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
	"kexie/internal/web/webtest"
)

// TestPortalPages reads the public pages without signing in: the article
// shows its reviewer and dates, the cache follows publishing, a withdrawn
// item answers 410 with its reason, scripts in the text never reach the page.
func TestPortalPages(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		it := k.published(t, "雷雨天气如何防雷")
		anon := k.Client(t)
		path := kepu.ItemPath(it.ID)
		resp, html := anon.Get(path)
		if resp.StatusCode != 200 || !strings.Contains(html, "王研究员（大气科学）") || !strings.Contains(html, "科学性审核") {
			t.Fatalf("article %d: %.600s", resp.StatusCode, html)
		}
		if _, home := anon.Get("/kepu"); !strings.Contains(home, "雷雨天气如何防雷") {
			t.Fatalf("home misses the article: %.600s", home)
		}
		// A second item published on another node: the version counter in
		// the database drops this node's cached home page.
		two := k.published(t, "高温天气防中暑")
		if _, home := anon.Get("/kepu"); !strings.Contains(home, "高温天气防中暑") {
			t.Fatal("the cached home page outlived a publish")
		}
		if err := k.Store.Withdraw(ctx, two.ID, "与新版指南重复", k.Editor); err != nil {
			t.Fatal(err)
		}
		resp, html = anon.Get(kepu.ItemPath(two.ID))
		if resp.StatusCode != http.StatusGone || !strings.Contains(html, "与新版指南重复") {
			t.Fatalf("withdrawn: %d %.400s", resp.StatusCode, html)
		}
		if resp, _ := anon.Get("/kepu/a/999"); resp.StatusCode != 404 {
			t.Fatalf("missing: %d", resp.StatusCode)
		}
		draft := k.draft(t, "尚未审核的草稿")
		if resp, _ := anon.Get(kepu.ItemPath(draft.ID)); resp.StatusCode != 404 {
			t.Fatalf("a draft is public: %d", resp.StatusCode)
		}
		resp, feed := anon.Get("/kepu/feed.atom")
		if resp.StatusCode != 200 || !strings.Contains(feed, "<feed xmlns=\"http://www.w3.org/2005/Atom\">") || !strings.Contains(feed, "雷雨天气如何防雷") {
			t.Fatalf("feed: %.400s", feed)
		}
		if _, list := anon.Get("/kepu/list?q=" + url.QueryEscape("防雷")); !strings.Contains(list, "雷雨天气如何防雷") {
			t.Fatal("search")
		}
		// A page number anyone can type: far past the end is an empty page,
		// never an offset that overflows (PostgreSQL refuses a negative one).
		for _, page := range []string{"500000000000000000", "999999999999999999", "-5", "1000000"} {
			if resp, list := anon.Get("/kepu/list?page=" + page); resp.StatusCode != 200 {
				t.Errorf("page=%s: %d %.300s", page, resp.StatusCode, list)
			}
		}
		if _, sec := anon.Get("/kepu/o/PZH"); !strings.Contains(sec, "雷雨天气如何防雷") {
			t.Fatal("the city's section")
		}
		if _, sec := anon.Get("/kepu/o/CZ"); strings.Contains(sec, "雷雨天气如何防雷") {
			t.Fatal("the peer city's section shows the city's item")
		}
		if resp, _ := anon.Get(path + "/share/link"); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("share: %d", resp.StatusCode)
		}
		anon.Get(path) // a cached page counts too
		if err := k.Store.FlushReach(ctx); err != nil {
			t.Fatal(err)
		}
		rows, err := k.Store.Reach(ctx, accessAll, periodAll)
		if err != nil || len(rows) != 1 || rows[0].Views < 2 || rows[0].Shares != 1 {
			t.Fatalf("reach %+v %v", rows, err)
		}
		tree, err := k.Store.ReachTree(ctx, accessAll, periodAll)
		if err != nil || len(tree) != 2 || tree[0].OrgID != k.Root.ID || tree[0].Views != rows[0].Views || tree[1].OrgID != k.City.ID {
			t.Fatalf("rolled up: %+v %v", tree, err)
		}
		if tree, _ := k.Store.ReachTree(ctx, accessPeer(k), periodAll); len(tree) != 0 {
			t.Fatalf("the peer city sees the city's reach: %+v", tree)
		}
		if n, _ := k.Store.Readers(ctx, accessAll, periodAll); n != 1 {
			t.Fatalf("one reader read twice: %d", n)
		}
		if n, _ := k.Store.Readers(ctx, accessPeer(k), periodAll); n != 0 {
			t.Fatalf("the peer city counts the city's readers: %d", n)
		}
	})
}

// TestSanitize: scripts, handlers and foreign images never reach the page.
func TestSanitize(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		evil := `<p onclick="alert(1)">` + body + `</p><script>alert(1)</script><img src="https://evil.example/x.png" onerror="alert(2)"><img src="/kepu/media/12"><a href="javascript:alert(3)">x</a><iframe src="https://evil.example"></iframe>`
		it, err := k.Store.CreateDraft(ctx, kepu.DraftInput{OrgID: k.City.ID, Title: "防雷", Body: evil, Audience: "public"}, k.Author)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"script", "onclick", "onerror", "evil.example", "javascript", "iframe"} {
			if strings.Contains(it.Body, bad) {
				t.Errorf("%q survived: %s", bad, it.Body)
			}
		}
		if !strings.Contains(it.Body, `<img src="/kepu/media/12"`) {
			t.Errorf("the portal's own image was dropped: %s", it.Body)
		}
	})
}

// TestLeadForm files a rumour lead through the public form: the bot check
// refuses a form sent at once or with the honeypot filled, and the sixth
// lead of an hour from one address is refused.
func TestLeadForm(t *testing.T) {
	d := dbtest.OpenSQLite(t)
	now := time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)
	d.Now = func() time.Time { return now }
	k := serveKepu(t, d)
	anon := k.Client(t)
	_, page := anon.Get("/kepu/rumours")
	stamp, sig := hidden(page, "stamp"), hidden(page, "sig")
	form := func(claim, pot string) url.Values {
		return url.Values{"stamp": {stamp}, "sig": {sig}, "claim": {claim}, "website": {pot}, "contact": {"13800000000"}}
	}
	if resp, _ := anon.Post("/kepu/rumours", form("喝醋可以软化血管，每天一杯能治高血压", "")); resp.StatusCode != 422 {
		t.Fatalf("sent at once: %d", resp.StatusCode)
	}
	now = now.Add(20 * time.Second)
	if resp, _ := anon.Post("/kepu/rumours", form("喝醋可以软化血管，每天一杯能治高血压", "http://spam")); resp.StatusCode != 422 {
		t.Fatalf("honeypot: %d", resp.StatusCode)
	}
	if resp, html := anon.Post("/kepu/rumours", form("短", "")); resp.StatusCode != 422 || !strings.Contains(html, "至少 6 个字") {
		t.Fatalf("short claim: %d", resp.StatusCode)
	}
	for i := 0; i < kepu.MaxLeadsPerHour; i++ {
		resp, _ := anon.Post("/kepu/rumours", form("喝醋可以软化血管，每天一杯能治高血压 "+strconv.Itoa(i), ""))
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/kepu/rumours?done=1" {
			t.Fatalf("lead %d: %d", i, resp.StatusCode)
		}
	}
	if resp, html := anon.Post("/kepu/rumours", form("喝醋可以软化血管，每天一杯能治高血压 again", "")); resp.StatusCode != 422 || !strings.Contains(html, "一小时后") {
		t.Fatalf("rate limit: %d", resp.StatusCode)
	}
	if _, html := anon.Get("/kepu/rumours?done=1"); !strings.Contains(html, "已收到您的线索") {
		t.Fatal("no thanks")
	}
	leads, _, _ := k.Store.LeadList(context.Background(), kepu.LeadFilter{Scope: accessAll, Limit: 500})
	if len(leads) != kepu.MaxLeadsPerHour {
		t.Fatalf("%d leads kept", len(leads))
	}
}

func hidden(html, name string) string {
	i := strings.Index(html, `name="`+name+`" value="`)
	if i < 0 {
		return ""
	}
	rest := html[i+len(`name="`+name+`" value="`):]
	return rest[:strings.IndexByte(rest, '"')]
}

var _ = webtest.Key

// TestLeadScreenshot: a screenshot is checked by content and re-encoded; a
// disguised file is refused and nothing of the lead is kept.
func TestLeadScreenshot(t *testing.T) {
	d := dbtest.OpenSQLite(t)
	now := time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)
	d.Now = func() time.Time { return now }
	k := serveKepu(t, d)
	anon := k.Client(t)
	_, page := anon.Get("/kepu/rumours")
	fields := url.Values{"stamp": {hidden(page, "stamp")}, "sig": {hidden(page, "sig")}, "claim": {"喝醋可以软化血管，每天一杯能治高血压"}}
	now = now.Add(30 * time.Second)
	res, html := anon.Upload("/kepu/rumours", fields, "shot", "shot.png", []byte("MZ\x90\x00 not a picture"))
	if res.StatusCode != 422 || !strings.Contains(html, "按文件内容判断") {
		t.Fatalf("disguised screenshot: %d", res.StatusCode)
	}
	if leads, _, _ := k.Store.LeadList(context.Background(), kepu.LeadFilter{Scope: accessAll, Limit: 500}); len(leads) != 0 {
		t.Fatal("a refused lead was half-saved")
	}
	var pic bytes.Buffer
	_ = png.Encode(&pic, image.NewGray(image.Rect(0, 0, 20, 10)))
	if res, _ := anon.Upload("/kepu/rumours", fields, "shot", "shot.png", pic.Bytes()); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("screenshot: %d", res.StatusCode)
	}
	leads, _, _ := k.Store.LeadList(context.Background(), kepu.LeadFilter{Scope: accessAll, Limit: 500})
	if len(leads) != 1 || leads[0].ShotMedia == 0 {
		t.Fatalf("leads %+v", leads)
	}
	if res, _ := anon.Get("/kepu/media/" + strconv.FormatInt(leads[0].ShotMedia, 10)); res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("media: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

// TestNotModified: a reader who has the page gets 304 until something
// public changes.
func TestNotModified(t *testing.T) {
	k := serveKepu(t, dbtest.OpenSQLite(t))
	k.published(t, "雷雨天气如何防雷")
	get := func(etag string) *http.Response {
		req, _ := http.NewRequest("GET", k.URL+"/kepu", nil)
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	first := get("")
	etag := first.Header.Get("ETag")
	if first.StatusCode != 200 || etag == "" {
		t.Fatalf("first: %d %q", first.StatusCode, etag)
	}
	if res := get(etag); res.StatusCode != http.StatusNotModified {
		t.Fatalf("again: %d", res.StatusCode)
	}
	k.published(t, "高温天气防中暑")
	if res := get(etag); res.StatusCode != 200 || res.Header.Get("ETag") == etag {
		t.Fatalf("after a publish: %d", res.StatusCode)
	}
}

// TestLeadFormArea: the public may say in which city a rumour goes round;
// the lead then waits in that city's queue (its staff see it, the other
// city's do not). A value that is not one of the cities sends it to the
// root, as no choice does.
func TestLeadFormArea(t *testing.T) {
	d := dbtest.OpenSQLite(t)
	now := time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)
	d.Now = func() time.Time { return now }
	k := serveKepu(t, d)
	anon := k.Client(t)
	_, page := anon.Get("/kepu/rumours")
	for _, want := range []string{`<select name="area" id="lead-area">`, `<option value="">不清楚或多地流传</option>`,
		fmt.Sprintf(`<option value="%d">攀枝花市</option>`, k.City.ID),
		"<span>联系方式（选填）</span>"} { // optional as 出处链接（选填） and 截图（选填） say
		if !strings.Contains(page, want) {
			t.Errorf("the form lacks %s", want)
		}
	}
	stamp, sig := hidden(page, "stamp"), hidden(page, "sig")
	now = now.Add(20 * time.Second)
	for _, tc := range []struct {
		claim, area string
		org         int64
	}{{"隔夜菜吃了会致癌，剩菜一定要倒掉", strconv.FormatInt(k.City.ID, 10), k.City.ID}, {"手机边充电边打电话会爆炸", "999", k.Root.ID}, {"喝板蓝根可以预防流感", "", k.Root.ID}} {
		resp, _ := anon.Post("/kepu/rumours", url.Values{"stamp": {stamp}, "sig": {sig}, "claim": {tc.claim}, "area": {tc.area}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %d", tc.claim, resp.StatusCode)
		}
		ls, _, _ := k.Store.LeadList(context.Background(), kepu.LeadFilter{Scope: accessAll, Q: tc.claim, Limit: 5})
		if len(ls) != 1 || ls[0].OrgID != tc.org {
			t.Errorf("area %q: the lead went to %+v, want org %d", tc.area, ls, tc.org)
		}
	}
	if _, html := k.EditorC.Get("/kepu/admin/leads"); !strings.Contains(html, "隔夜菜") || strings.Contains(html, "手机边充电") {
		t.Error("the city's queue does not hold exactly the lead sent to the city")
	}
}
