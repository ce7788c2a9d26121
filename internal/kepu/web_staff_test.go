package kepu_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
)

// TestStaffPages takes an item through the staff pages: the author writes
// and sends it to the pool (the colleague at the author's employer is not
// offered), the expert passes it, the author cannot approve it, the editor
// publishes it; an upload disguised as a picture is refused.
func TestStaffPages(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		city := strconv.FormatInt(k.City.ID, 10)
		res, html := k.AuthorC.Post("/kepu/admin/items", url.Values{"org_id": {city}, "title": {"雷雨天气如何防雷"}, "kind": {"article"},
			"lang": {"zh-CN"}, "audience": {"public"}, "body": {"太短"}})
		if res.StatusCode != 422 || !strings.Contains(html, "正文至少 20 个字") {
			t.Fatalf("short body: %d", res.StatusCode)
		}
		res, _ = k.AuthorC.Post("/kepu/admin/items", url.Values{"org_id": {city}, "title": {"雷雨天气如何防雷"}, "kind": {"article"},
			"lang": {"zh-CN"}, "audience": {"public"}, "topic": {"防灾减灾"}, "body": {body + "<script>alert(1)</script>"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create: %d", res.StatusCode)
		}
		item := res.Header.Get("Location")
		id, _ := strconv.ParseInt(item[strings.LastIndexByte(item, '/')+1:], 10, 64)
		_, html = k.AuthorC.Get(item + "?pool=7")
		if !strings.Contains(html, "王研究员") || strings.Contains(html, "李同事") {
			t.Fatalf("pool choice: the colleague must not be offered: %.300s", html)
		}
		if res, _ := k.AuthorC.Post(item+"/submit", url.Values{"pool_id": {"7"}, "expert": {"2"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit: %d", res.StatusCode)
		}
		_, html = k.ExpertC.Get("/kepu/reviews")
		if !strings.Contains(html, "雷雨天气如何防雷") {
			t.Fatal("the expert's queue misses the item")
		}
		if res, _ := k.EditorC.Get("/kepu/reviews/" + strconv.FormatInt(id, 10)); res.StatusCode != 404 {
			t.Fatalf("someone else's review: %d", res.StatusCode)
		}
		if res, _ := k.ExpertC.Post("/kepu/reviews/"+strconv.FormatInt(id, 10), url.Values{"verdict": {"pass"}, "note": {"表述准确"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("review: %d", res.StatusCode)
		}
		if res, _ := k.AuthorC.Post(item+"/publish", nil); res.StatusCode != http.StatusForbidden {
			t.Fatalf("staff publish: %d", res.StatusCode)
		}
		if res, _ := k.EditorC.Post(item+"/publish", nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("publish: %d", res.StatusCode)
		}
		_, html = k.Client(t).Get(kepu.ItemPath(id))
		if !strings.Contains(html, "王研究员（大气科学）") || strings.Contains(html, "<script>alert") {
			t.Fatalf("public page: %.400s", html)
		}
		res, html = k.EditorC.Post(item+"/correct", url.Values{"title": {"雷雨天气如何防雷"}, "body": {body + "雷声停止三十分钟后再外出。"}})
		if res.StatusCode != 422 || !strings.Contains(html, "请填写说明") {
			t.Fatalf("correction without a note: %d", res.StatusCode)
		}
		k.EditorC.Post(item+"/correct", url.Values{"title": {"雷雨天气如何防雷"}, "body": {body + "雷声停止三十分钟后再外出。"}, "note": {"补充雷雨后外出时间"}})
		if _, html = k.Client(t).Get(kepu.ItemPath(id)); !strings.Contains(html, "补充雷雨后外出时间") || !strings.Contains(html, "三十分钟") {
			t.Fatal("the correction and its note are not shown")
		}
		res, html = k.AuthorC.Upload("/kepu/admin/media", url.Values{"org_id": {city}}, "file", "a.png", []byte("<html><script>alert(1)</script></html>"))
		if res.StatusCode != 422 || !strings.Contains(html, "按文件内容判断") {
			t.Fatalf("disguised upload: %d %.300s", res.StatusCode, html)
		}
		var pic bytes.Buffer
		_ = png.Encode(&pic, image.NewGray(image.Rect(0, 0, 8, 8)))
		if res, _ := k.AuthorC.Upload("/kepu/admin/media", url.Values{"org_id": {city}, "next": {item}}, "file", "a.png", pic.Bytes()); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("upload: %d", res.StatusCode)
		}
		if res, html := k.EditorC.Post("/kepu/admin/series", url.Values{"org_id": {city}, "title": {""}}); res.StatusCode != 422 || !strings.Contains(html, "请填写系列名称") {
			t.Fatalf("series without a title: %d", res.StatusCode)
		}
		if res, _ := k.EditorC.Post("/kepu/admin/series", url.Values{"org_id": {city}, "title": {"应急避险小课堂"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("series: %d", res.StatusCode)
		}
		if res, _ := k.EditorC.Get("/kepu/admin?status=published&format=xlsx"); res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheet") {
			t.Fatalf("export: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		for _, p := range []string{"/kepu/admin", "/kepu/admin/new", "/kepu/admin/leads", "/kepu/admin/reach", "/kepu/admin/series", item} {
			if res, html := k.EditorC.Get(p); res.StatusCode != 200 {
				t.Errorf("%s: %d %.300s", p, res.StatusCode, html)
			}
		}
		if res, html := k.EditorC.Get("/kepu/admin/emergencies"); res.StatusCode != 200 {
			t.Errorf("emergencies: %d %.300s", res.StatusCode, html)
		}
	})
}

// TestSeries: an item written in a series is listed on the series' public page.
func TestSeries(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		sid, err := k.Store.CreateSeries(ctx, k.City.ID, "应急避险小课堂", "", k.Editor)
		if err != nil {
			t.Fatal(err)
		}
		it, err := k.Store.CreateDraft(ctx, kepu.DraftInput{OrgID: k.City.ID, Title: "地震来了怎么办", Body: body, Audience: "public", SeriesID: sid}, k.Author)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := k.Store.SubmitForReview(ctx, it.ID, 7, 0, k.Author); err != nil {
			t.Fatal(err)
		}
		if err := k.Store.Review(ctx, it.ID, true, "", k.Expert); err != nil {
			t.Fatal(err)
		}
		if err := k.Store.Publish(ctx, it.ID, k.Editor); err != nil {
			t.Fatal(err)
		}
		anon := k.Client(t)
		if _, html := anon.Get("/kepu/s/" + strconv.FormatInt(sid, 10)); !strings.Contains(html, "地震来了怎么办") {
			t.Fatal("the series page misses its item")
		}
		if _, html := anon.Get("/kepu"); !strings.Contains(html, "应急避险小课堂") {
			t.Fatal("the home page misses the series")
		}
	})
}

// TestReachEmpty: before anyone reads the portal, 传播统计 says where its
// figures come from and links the items, not a bare 暂无内容。
func TestReachEmpty(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		res, html := k.EditorC.Get("/kepu/admin/reach")
		if res.StatusCode != 200 || !strings.Contains(html, `id="reach-none"`) || !strings.Contains(html, "还没有传播数据") ||
			!strings.Contains(html, `<a href="/kepu/admin">查看科普内容</a>`) || strings.Contains(html, "暂无内容。") {
			t.Errorf("empty reach: %d", res.StatusCode)
		}
	})
}
