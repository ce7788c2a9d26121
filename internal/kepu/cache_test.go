package kepu_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
	"kexie/internal/org"
	"kexie/internal/web/webtest"
)

// secondNode serves the portal from another node on k's database: its own
// store and page cache, its own org store.
func secondNode(t *testing.T, k *kepuSite) *webtest.Site {
	t.Helper()
	n := k.Node()
	s := kepu.NewStore(k.DB, k.People, calendar.Fixed{C: calendar.New(calendar.Shipped())})
	return n.Start(kepu.Module(s, n.Orgs, kepu.Config{Key: webtest.Key("kepu")}))
}

// TestPortalCacheAcrossNodes: node B keeps the portal's pages in its cache,
// and whatever the public sees that changes on node A — or by hand in the
// database — shows on B's next request: a publish, a correction, a
// withdrawal, a renamed org, a title changed in SQL. A draft's edits leave
// B's cache alone.
func TestPortalCacheAcrossNodes(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		k := serveKepu(t, d)
		b := secondNode(t, k)
		anon := b.Client(t)
		page := func(path string) string {
			t.Helper()
			_, html := anon.Get(path)
			return html
		}
		// hit reports whether B answers path from its cache: one reading of
		// the counters and nothing else.
		hit := func(path string) bool {
			t.Helper()
			before := d.Statements()
			anon.Get(path)
			return d.Statements()-before == 1
		}
		counter := func() int64 {
			vs, err := d.Versions(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return vs["kepu"]
		}

		one := k.published(t, "雷雨天气如何防雷")
		if !strings.Contains(page("/kepu"), "雷雨天气如何防雷") {
			t.Fatal("node B's home misses an item published on node A")
		}
		if !hit("/kepu") {
			t.Fatal("node B renders its home page again with nothing changed")
		}

		k.published(t, "高温天气防中暑")
		if !strings.Contains(page("/kepu"), "高温天气防中暑") {
			t.Error("node B's cached home page outlived a publish on node A")
		}

		before := counter()
		draft := k.draft(t, "尚未审核的草稿")
		in := kepu.DraftInput{OrgID: k.City.ID, Title: "改过的草稿", Body: body, Audience: "public", Topic: "防灾减灾"}
		if err := k.Store.UpdateDraft(ctx, draft.ID, in, k.Author); err != nil {
			t.Fatal(err)
		}
		if after := counter(); after != before {
			t.Errorf("a draft's edits moved the portal's counter %d → %d", before, after)
		}
		if !hit("/kepu") {
			t.Error("a draft's edits dropped node B's cached home page")
		}

		page(kepu.ItemPath(one.ID))
		if err := k.Store.Correct(ctx, one.ID, kepu.Correction{Title: "雷雨天气如何防雷击", Body: body,
			Note: "标题更准确"}, k.Editor); err != nil {
			t.Fatal(err)
		}
		if html := page(kepu.ItemPath(one.ID)); !strings.Contains(html, "雷雨天气如何防雷击") || !strings.Contains(html, "标题更准确") {
			t.Errorf("node B's article after a correction on node A: %.400s", html)
		}

		if _, err := d.Exec(ctx, `UPDATE kepu_items SET title = ? WHERE id = ?`, "雷雨季节防雷指南", one.ID); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(page(kepu.ItemPath(one.ID)), "雷雨季节防雷指南") {
			t.Error("node B's article misses a title changed by hand in the database")
		}

		if _, err := k.Orgs.Update(ctx, k.City.ID, org.Input{ParentID: k.Root.ID, Code: "PZH", Name: "攀枝花市科协（改名）",
			Type: org.TypeCity, RegionCode: "510400"}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(page("/kepu"), "攀枝花市科协（改名）") {
			t.Error("node B's home shows the section's old name after the org was renamed on node A")
		}

		if err := k.Store.Withdraw(ctx, one.ID, "与新版指南重复", k.Editor); err != nil {
			t.Fatal(err)
		}
		if resp, _ := anon.Get(kepu.ItemPath(one.ID)); resp.StatusCode != http.StatusGone {
			t.Errorf("node B serves an item withdrawn on node A: %d", resp.StatusCode)
		}
	})
}

// TestPortalQueries counts the statements a public page costs. A reader
// served from the node's cache pays one: the request's reading of every
// cache's counter (before D75's amendment it was the portal's own
// kepu_state read, and a page rendered afresh paid that read besides the
// counters' reading the org tree takes).
func TestPortalQueries(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		k.published(t, "雷雨天气如何防雷")
		anon := k.Client(t)
		count := func(path string) int64 {
			before := d.Statements()
			if resp, _ := anon.Get(path); resp.StatusCode != 200 {
				t.Fatalf("%s: %d", path, resp.StatusCode)
			}
			return d.Statements() - before
		}
		for _, path := range []string{"/kepu", "/kepu/list?topic=x"} {
			miss, hit := count(path), count(path)
			t.Logf("%s %s: rendered %d statements, from the cache %d", d.Dialect(), path, miss, hit)
			if hit != 1 {
				t.Errorf("%s from the cache: %d statements, want 1", path, hit)
			}
		}
	})
}

// TestOwnWriteSeen: a request that publishes and then reads the version
// sees its own write, though it read the counters before.
func TestOwnWriteSeen(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		it := k.draft(t, "雷雨天气如何防雷")
		ctx := db.WithVersions(context.Background())
		if _, err := k.Store.SubmitForReview(ctx, it.ID, 7, 0, k.Author); err != nil {
			t.Fatal(err)
		}
		if err := k.Store.Review(ctx, it.ID, true, "", k.Expert); err != nil {
			t.Fatal(err)
		}
		v1, err := k.Store.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := k.Store.Publish(ctx, it.ID, k.Editor); err != nil {
			t.Fatal(err)
		}
		if v2, err := k.Store.Version(ctx); err != nil || v2 == v1 {
			t.Errorf("the request's own publish left its reading at %+v (%v)", v2, err)
		}
	})
}
