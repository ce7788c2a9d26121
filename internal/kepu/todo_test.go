package kepu_test

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
)

// TestWaiting counts what waits for an editor: items an expert passed
// (never for their author or reviewer, who may not publish them) and leads
// nobody has triaged, in scope only.
func TestWaiting(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		city := access.Subtrees(k.City.Path)
		count := func(what string, n int, err error, want int) {
			t.Helper()
			if err != nil || n != want {
				t.Errorf("%s: %d (%v), want %d", what, n, err, want)
			}
		}
		for _, title := range []string{"雷雨天气如何防雷", "夏季防溺水常识"} {
			it := k.draft(t, title)
			if _, err := k.Store.SubmitForReview(ctx, it.ID, 7, 0, k.Author); err != nil {
				t.Fatal(err)
			}
			if title == "夏季防溺水常识" {
				break // still with the expert
			}
			if err := k.Store.Review(ctx, it.ID, true, "", k.Expert); err != nil {
				t.Fatal(err)
			}
		}
		n, err := k.Store.ToPublish(ctx, city, k.Editor.UserID)
		count("to publish, the editor", n, err, 1)
		n, err = k.Store.ToPublish(ctx, city, k.Author.UserID)
		count("to publish, its author", n, err, 0)
		n, err = k.Store.ToPublish(ctx, city, k.Expert.UserID)
		count("to publish, its reviewer", n, err, 0)
		n, err = k.Store.ToPublish(ctx, accessPeer(k), k.Editor.UserID)
		count("to publish, a peer", n, err, 0)
		n, err = k.Store.ToPublish(ctx, access.Scope{}, k.Editor.UserID)
		count("to publish, no scope", n, err, 0)

		if _, err := k.Store.FileLead(ctx, kepu.LeadInput{OrgID: k.City.ID, Claim: "5G 基站辐射会导致癌症", Source: "h1"}); err != nil {
			t.Fatal(err)
		}
		id, err := k.Store.FileLead(ctx, kepu.LeadInput{OrgID: k.City.ID, Claim: "吃鸡爪会让孩子写字手抖", Source: "h2"})
		if err != nil {
			t.Fatal(err)
		}
		n, err = k.Store.NewLeads(ctx, city)
		count("new leads", n, err, 2)
		if err := k.Store.RejectLead(ctx, id, "不属于科学谣言", k.Editor); err != nil {
			t.Fatal(err)
		}
		n, err = k.Store.NewLeads(ctx, city)
		count("new leads after one rejected", n, err, 1)
		n, err = k.Store.NewLeads(ctx, accessPeer(k))
		count("new leads, a peer", n, err, 0)
	})
}
