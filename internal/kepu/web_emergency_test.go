package kepu_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
)

// TestEmergencyPages: the editor opens an emergency naming the author; the
// author publishes at once and the public page says "审核中" until the
// expert passes it; the emergency page gathers the item.
func TestEmergencyPages(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		city := strconv.FormatInt(k.City.ID, 10)
		res, html := k.EditorC.Post("/kepu/admin/emergencies", url.Values{"org_id": {city}, "topic": {"暴雨洪涝"}, "region": {"攀枝花市"}, "editors": {"author, nobody"}})
		if res.StatusCode != 422 || !strings.Contains(html, "nobody") {
			t.Fatalf("unknown editor: %d", res.StatusCode)
		}
		if res, _ := k.EditorC.Post("/kepu/admin/emergencies", url.Values{"org_id": {city}, "topic": {"暴雨洪涝"}, "region": {"攀枝花市"}, "editors": {"author"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("open: %d", res.StatusCode)
		}
		ems, _ := k.Store.Emergencies(ctx, accessAll)
		if len(ems) != 1 {
			t.Fatal("no emergency")
		}
		// Until something is published for it, the emergency is staff's: no
		// public page, no pointer on the portal.
		if res, _ := k.Client(t).Get("/kepu/e/" + strconv.FormatInt(ems[0].ID, 10)); res.StatusCode != http.StatusNotFound {
			t.Errorf("the public page of an emergency with nothing published: %d", res.StatusCode)
		}
		if _, html := k.Client(t).Get("/kepu"); strings.Contains(html, "暴雨洪涝") {
			t.Error("the portal names an emergency with nothing published")
		}
		em := "/kepu/admin/emergencies/" + strconv.FormatInt(ems[0].ID, 10) + "/publish"
		// To a signed-in user it does not name, the emergency is one that
		// does not exist: the same 404 as an unknown ID.
		if res, _ := k.ExpertC.Get(em); res.StatusCode != http.StatusNotFound {
			t.Fatalf("not designated: %d", res.StatusCode)
		}
		if res, _ := k.ExpertC.Get("/kepu/admin/emergencies/4611686018427387903/publish"); res.StatusCode != http.StatusNotFound {
			t.Fatalf("unknown emergency: %d", res.StatusCode)
		}
		if res, _ := k.ExpertC.Post(em, url.Values{"title": {"x"}}); res.StatusCode != http.StatusNotFound {
			t.Fatalf("not designated, posting: %d", res.StatusCode)
		}
		res, _ = k.AuthorC.Post(em, url.Values{"title": {"洪水来临时如何自救"}, "audience": {"public"}, "body": {body}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("urgent publish: %d", res.StatusCode)
		}
		loc := res.Header.Get("Location")
		id, _ := strconv.ParseInt(loc[strings.LastIndexByte(loc, '/')+1:], 10, 64)
		anon := k.Client(t)
		if _, html := anon.Get(kepu.ItemPath(id)); !strings.Contains(html, `id="pending-banner"`) || !strings.Contains(html, "审核中") {
			t.Fatalf("no banner: %.400s", html)
		}
		if _, html := anon.Get("/kepu"); !strings.Contains(html, "暴雨洪涝") {
			t.Fatal("the home page does not point to the open emergency")
		}
		if _, html := anon.Get("/kepu/e/" + strconv.FormatInt(ems[0].ID, 10)); !strings.Contains(html, "洪水来临时如何自救") {
			t.Fatal("the emergency page misses its item")
		}
		if res, _ := k.AuthorC.Post("/kepu/admin/items/"+strconv.FormatInt(id, 10)+"/submit", url.Values{"pool_id": {"7"}, "expert": {"2"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("after-the-fact review: %d", res.StatusCode)
		}
		if res, _ := k.ExpertC.Post("/kepu/reviews/"+strconv.FormatInt(id, 10), url.Values{"verdict": {"pass"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("review: %d", res.StatusCode)
		}
		if _, html := anon.Get(kepu.ItemPath(id)); strings.Contains(html, `id="pending-banner"`) {
			t.Fatal("the banner stays after the review")
		}
	})
}

// TestLeadPages: staff assign a lead to an expert of the pool; the expert
// answers it from their queue; the editor publishes the answer.
func TestLeadPages(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		id, err := k.Store.FileLead(ctx, kepu.LeadInput{OrgID: k.City.ID, Claim: "喝醋可以软化血管", Contact: "13800000000", Source: "x"})
		if err != nil {
			t.Fatal(err)
		}
		lead := "/kepu/admin/leads/" + strconv.FormatInt(id, 10)
		if _, html := k.AuthorC.Get(lead + "?pool=7"); !strings.Contains(html, "王研究员") {
			t.Fatal("the pool's experts are not offered")
		} else if strings.Contains(html, "13800000000") || !strings.Contains(html, "138****0000") {
			t.Error("the lead page shows the contact unmasked (or not at all)")
		}
		if res, _ := k.AuthorC.Post(lead+"/assign", url.Values{"pool_id": {"7"}, "expert": {"2"}, "days": {"3"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("assign: %d", res.StatusCode)
		}
		if _, html := k.ExpertC.Get("/kepu/reviews"); !strings.Contains(html, "喝醋可以软化血管") {
			t.Fatal("the expert's queue misses the lead")
		}
		ans := "/kepu/answers/" + strconv.FormatInt(id, 10)
		res, _ := k.ExpertC.Post(ans, url.Values{"title": {"喝醋不能软化血管"}, "audience": {"elderly"},
			"body": {"醋进入消化道后会被中和，不能改变血液的酸碱度，也不能溶解血管壁上的斑块。"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("answer: %d", res.StatusCode)
		}
		l, _ := k.Store.Lead(ctx, id)
		if res, _ := k.EditorC.Post("/kepu/admin/items/"+strconv.FormatInt(l.ItemID, 10)+"/publish", nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("publish: %d", res.StatusCode)
		}
		if _, html := k.AuthorC.Get(lead); !strings.Contains(html, "已发布辟谣") {
			t.Fatal("the lead does not show it was answered")
		}
		if len(k.Push.told) != 1 {
			t.Fatal("the submitter was not told")
		}
	})
}
