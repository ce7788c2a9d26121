package kepu_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
)

// TestLeadList: the triage queue searches the claim's words, filters by
// status, sorts, pages (saying how many match, never cutting silently),
// exports without the submitter's contact, and lists only leads in scope.
func TestLeadList(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		for i := 0; i < 55; i++ {
			claim := fmt.Sprintf("第%d条：喝醋能软化血管", i)
			if i%5 == 0 {
				claim = fmt.Sprintf("第%d条：5G 基站辐射致癌", i)
			}
			if _, err := k.Store.FileLead(ctx, kepu.LeadInput{OrgID: k.City.ID, Claim: claim, Contact: "reader@example.com", Source: fmt.Sprintf("h%d", i)}); err != nil {
				t.Fatal(err)
			}
		}
		peer, err := k.Store.FileLead(ctx, kepu.LeadInput{OrgID: k.Peer.ID, Claim: "邻市：5G 基站辐射致癌", Source: "h1"})
		if err != nil {
			t.Fatal(err)
		}
		ls, _, _ := k.Store.LeadList(ctx, kepu.LeadFilter{Scope: access.Subtrees(k.City.Path), Q: "5G", Limit: 100})
		if err := k.Store.RejectLead(ctx, ls[0].ID, "重复线索", k.Editor); err != nil {
			t.Fatal(err)
		}

		_, html := k.EditorC.Get("/kepu/admin/leads")
		if !strings.Contains(html, "共 55 条") || strings.Count(html, `<a href="/kepu/admin/leads/`) != 50 || !strings.Contains(html, "page=2") {
			t.Errorf("the first page does not say 55, list 50 and offer the next")
		}
		if strings.Contains(html, fmt.Sprintf("/kepu/admin/leads/%d", peer)) {
			t.Error("the city lists the peer city's lead")
		}
		_, html = k.EditorC.Get("/kepu/admin/leads?q=5G")
		if !strings.Contains(html, "共 11 条") || strings.Contains(html, "喝醋") {
			t.Errorf("search by the claim's words: %q", html[strings.Index(html, "共 "):][:20])
		}
		_, html = k.EditorC.Get("/kepu/admin/leads?q=5G&status=rejected")
		if !strings.Contains(html, "共 1 条") || !strings.Contains(html, "已关闭") {
			t.Error("the status filter")
		}
		_, html = k.EditorC.Get("/kepu/admin/leads?q=" + "没有这种说法")
		if !strings.Contains(html, "没有符合条件的谣言线索") {
			t.Error("an empty search does not say nothing matches")
		}
		_, html = k.EditorC.Get("/kepu/admin/leads?q=5G&sort=status")
		if strings.Index(html, "已关闭") < strings.Index(html, "待处理") {
			t.Error("sorted by status, new (待处理) does not come before rejected (已关闭)")
		}
		rows := k.EditorC.XLSX("/kepu/admin/leads?q=5G&format=xlsx")
		if len(rows) != 12 || rows[0][0] != "传言内容" {
			t.Fatalf("export: %d rows, header %q", len(rows), rows[0])
		}
		for _, r := range rows {
			if strings.Contains(strings.Join(r, "|"), "example.com") || strings.Contains(strings.Join(r, "|"), "r***") {
				t.Fatalf("the export carries the submitter's contact: %q", r)
			}
		}
		// A forgotten scope shows nothing.
		if ls, n, err := k.Store.LeadList(ctx, kepu.LeadFilter{}); err != nil || n != 0 || len(ls) != 0 {
			t.Errorf("no scope lists %d (%v)", n, err)
		}
	})
}

// TestItemList: the editors' list searches the title's words, filters by
// status, sorts by title, says how many match and exports what it shows.
func TestItemList(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		k.published(t, "雷雨天气如何防雷")
		k.draft(t, "暴雨天气出行指南")
		k.draft(t, "冬季防火常识")
		_, html := k.EditorC.Get("/kepu/admin?q=" + "天气")
		if !strings.Contains(html, "共 2 条") || strings.Contains(html, "冬季防火常识") {
			t.Error("search by the title's words")
		}
		_, html = k.EditorC.Get("/kepu/admin?q=天气&status=draft")
		if !strings.Contains(html, "共 1 条") || !strings.Contains(html, "暴雨天气出行指南") {
			t.Error("the status filter")
		}
		// Sorted by title one way and the other: the two orders are reverse
		// (whatever the database's collation puts first).
		_, up := k.EditorC.Get("/kepu/admin?sort=title")
		_, down := k.EditorC.Get("/kepu/admin?sort=-title")
		before := func(html string) bool {
			return strings.Index(html, "冬季防火常识") < strings.Index(html, "雷雨天气如何防雷")
		}
		if !strings.Contains(up, "冬季防火常识") || before(up) == before(down) {
			t.Error("sorting by title does not reverse with -title")
		}
		_, html = k.EditorC.Get("/kepu/admin?q=没有这个标题")
		if !strings.Contains(html, "没有符合条件的科普内容") {
			t.Error("an empty search does not say nothing matches")
		}
		rows := k.EditorC.XLSX("/kepu/admin?q=天气&format=xlsx")
		if len(rows) != 3 {
			t.Errorf("export: %d rows", len(rows))
		}
	})
}

// TestLeadListMarksLate: a lead whose expert is past the due date says
// 已逾期 beside the date in the triage list; one still within it, or
// answered, does not.
func TestLeadListMarksLate(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		now := time.Date(2026, 7, 3, 10, 0, 0, 0, time.FixedZone("CST", 8*3600)) // a Friday
		d.Now = func() time.Time { return now }
		k := serveKepu(t, d)
		ctx := context.Background()
		assign := func(claim string) {
			t.Helper()
			id, err := k.Store.FileLead(ctx, kepu.LeadInput{OrgID: k.City.ID, Claim: claim, Source: claim})
			if err != nil {
				t.Fatal(err)
			}
			if err := k.Store.AssignLead(ctx, id, 7, 2, 3, k.Editor); err != nil {
				t.Fatal(err)
			}
		}
		assign("喝醋能软化血管，每天一杯")
		now = now.AddDate(0, 0, 10)
		assign("5G 基站辐射会致癌，很危险")
		_, html := k.EditorC.Get("/kepu/admin/leads")
		if n := strings.Count(html, `<span class="badge red">已逾期</span>`); n != 1 {
			t.Errorf("%d leads marked 已逾期, want the one past its due date", n)
		}
		if i, j := strings.Index(html, "喝醋"), strings.Index(html, `<span class="badge red">已逾期</span>`); i < 0 || j < i {
			t.Error("the late mark is not on the late lead's row")
		}
		// The overdue ones alone: the 待办's link, and the count it shows.
		if _, html := k.EditorC.Get("/kepu/admin/leads?late=1&sort=due"); !strings.Contains(html, "喝醋") || strings.Contains(html, "5G 基站") ||
			!strings.Contains(html, `name="late" value="1" checked`) {
			t.Error("?late=1 does not list only the overdue lead")
		}
		if n, err := k.Store.LateLeads(ctx, access.Subtrees(k.City.Path)); err != nil || n != 1 {
			t.Errorf("late leads: %d (%v), want 1", n, err)
		}
		if n, err := k.Store.LateLeads(ctx, accessPeer(k)); err != nil || n != 0 {
			t.Errorf("late leads, a peer: %d (%v), want 0", n, err)
		}
		if n, err := k.Store.LateLeads(ctx, access.Scope{}); err != nil || n != 0 {
			t.Errorf("late leads, no scope: %d (%v), want 0", n, err)
		}
	})
}
