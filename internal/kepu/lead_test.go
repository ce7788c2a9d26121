package kepu_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
)

// TestRumourLoop: a lead is assigned to an expert with a deadline in
// working days; the expert's answer becomes a 辟谣 item linked to the lead;
// an editor (not the expert) publishes it and the submitter is told.
func TestRumourLoop(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		fri := time.Date(2026, 7, 3, 10, 0, 0, 0, time.FixedZone("CST", 8*3600)) // a Friday
		d.Now = func() time.Time { return fri }
		k := serveKepu(t, d)
		ctx := context.Background()
		id, err := k.Store.FileLead(ctx, kepu.LeadInput{OrgID: k.Root.ID, Claim: "5G 基站辐射会导致癌症", Link: "https://example.com/post/1",
			Contact: "reader@example.com", Source: "h1"})
		if err != nil {
			t.Fatal(err)
		}
		// The contact is sealed in the database and masked when read.
		var stored string
		if err := d.QueryRow(ctx, `SELECT contact FROM kepu_leads WHERE id = ?`, id).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(stored, "reader") || strings.Contains(stored, "example") || !strings.HasPrefix(stored, "k1:") {
			t.Errorf("the contact is stored as %q", stored)
		}
		if l, _ := k.Store.Lead(ctx, id); l.Contact != "r***@example.com" {
			t.Errorf("the lead shows the contact as %q", l.Contact)
		}
		if ls, _, _ := k.Store.LeadList(ctx, kepu.LeadFilter{Scope: access.Everywhere(), Limit: 500}); len(ls) != 1 || ls[0].Contact != "r***@example.com" {
			t.Errorf("the list shows %+v", ls)
		}
		if _, err := k.Store.FileLead(ctx, kepu.LeadInput{OrgID: k.Root.ID, Claim: "说法内容足够长", Link: "javascript:alert(1)", Source: "h1"}); errKey(err) != "kepu.err.link" {
			t.Fatalf("bad link: %v", err)
		}
		if err := k.Store.AssignLead(ctx, id, 7, 2, 0, k.Editor); errKey(err) != "kepu.err.days" {
			t.Fatalf("no deadline: %v", err)
		}
		if err := k.Store.AssignLead(ctx, id, 7, 2, 3, k.Editor); err != nil {
			t.Fatal(err)
		}
		l, _ := k.Store.Lead(ctx, id)
		if l.Status != kepu.LeadAssigned || l.ExpertName != "王研究员" || kepu.Day(l.DueAt) != 20260708 {
			t.Fatalf("assigned: %s %s due %v (three working days after a Friday is Wednesday)", l.Status, l.ExpertName, l.DueAt)
		}
		ans := kepu.Answer{Title: "5G 基站辐射不会致癌", Body: "5G 基站发射的是非电离辐射，能量远低于能打断化学键的水平，且我国基站电磁辐射限值严于国际标准，不会导致癌症。"}
		if _, err := k.Store.AnswerLead(ctx, id, ans, k.Colleague); errKey(err) != "kepu.err.not_reviewer" {
			t.Fatalf("answered by someone else: %v", err)
		}
		itemID, err := k.Store.AnswerLead(ctx, id, ans, k.Expert)
		if err != nil {
			t.Fatal(err)
		}
		it, _ := k.Store.Item(ctx, itemID)
		if it.Kind != kepu.Debunk || it.Status != kepu.Reviewed || it.LeadID != id || it.ReviewerName != "王研究员" {
			t.Fatalf("answer item: %+v", it)
		}
		if err := k.Store.Publish(ctx, itemID, k.Expert); errKey(err) != "kepu.err.own_item" {
			t.Fatalf("the expert publishes their own answer: %v", err)
		}
		if err := k.Store.Publish(ctx, itemID, k.Editor); err != nil {
			t.Fatal(err)
		}
		l, _ = k.Store.Lead(ctx, id)
		if l.Status != kepu.LeadPublished || l.ItemID != itemID || l.Contact != "" {
			t.Fatalf("lead after publishing: %+v", l)
		}
		if len(k.Push.told) != 1 || k.Push.told[0] != "reader@example.com|"+kepu.ItemPath(itemID) {
			t.Fatalf("told %v", k.Push.told)
		}
		other, _ := k.Store.FileLead(ctx, kepu.LeadInput{OrgID: k.Root.ID, Claim: "吃鸡爪会让孩子写字手抖", Source: "h2"})
		if err := k.Store.RejectLead(ctx, other, "", k.Editor); errKey(err) != "kepu.err.reason_required" {
			t.Fatalf("reject without a reason: %v", err)
		}
		if err := k.Store.RejectLead(ctx, other, "属于民间说法，已有同类辟谣", k.Editor); err != nil {
			t.Fatal(err)
		}
	})
}

// TestVersions: a Tibetan version links to the original, is reviewed on
// its own, and the portal picks the reader's language where it exists.
func TestVersions(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		zh := k.published(t, "雷雨天气如何防雷")
		bo, err := k.Store.CreateDraft(ctx, kepu.DraftInput{OrgID: k.City.ID, GroupID: zh.ID, Lang: "bo", Title: "འབྲུག་སྒྲ་དང་ཐོག་ལས་སྲུང་སྐྱོབ།",
			Body: "འབྲུག་ཆར་འབབ་སྐབས་ལྗོན་ཤིང་ཆེན་པོའི་འོག་ཏུ་མ་སྡོད། ཐོག་འགོག་སྒྲིག་ཆས་ཡོད་པའི་ཁང་པའི་ནང་དུ་མྱུར་དུ་འཛུལ་དགོས།", Audience: "public"}, k.Author)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := k.Store.CreateDraft(ctx, kepu.DraftInput{OrgID: k.City.ID, GroupID: zh.ID, Lang: "bo", Title: "again", Body: body, Audience: "public"}, k.Author); errKey(err) != "kepu.err.version_exists" {
			t.Fatalf("a second Tibetan version: %v", err)
		}
		anon := k.Client(t)
		if _, html := anon.Get(kepu.ItemPath(zh.ID) + "?hl=bo"); contains(html, "འབྲུག་སྒྲ") {
			t.Fatal("an unreviewed version is shown")
		}
		if err := k.Store.Publish(ctx, bo.ID, k.Editor); errKey(err) != "kepu.err.not_reviewed" {
			t.Fatalf("the version skips its review: %v", err)
		}
		if _, err := k.Store.SubmitForReview(ctx, bo.ID, 7, 0, k.Author); err != nil {
			t.Fatal(err)
		}
		if err := k.Store.Review(ctx, bo.ID, true, "", k.Expert); err != nil {
			t.Fatal(err)
		}
		if err := k.Store.Publish(ctx, bo.ID, k.Editor); err != nil {
			t.Fatal(err)
		}
		_, html := anon.Get(kepu.ItemPath(zh.ID) + "?hl=bo")
		if !contains(html, `lang="bo"`) || !contains(html, "འབྲུག་སྒྲ") {
			t.Fatalf("Tibetan reader: %.500s", html)
		}
		if _, html := anon.Get(kepu.ItemPath(zh.ID)); !contains(html, "雷雨天气如何防雷") || !contains(html, `hreflang="bo"`) {
			t.Fatal("the Chinese page links its Tibetan version")
		}
	})
}
