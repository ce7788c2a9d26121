package kepu_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
	"kexie/internal/valid"
)

func errKey(err error) string {
	if list, ok := valid.As(err); ok {
		return list[0].Key
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestWorkflow walks draft → review → approval → publish, and checks that
// nothing skips a step: no publish before review, the author never
// approves, the expert at the author's employer is never picked.
func TestWorkflow(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		it := k.draft(t, "雷雨天气如何防雷")
		if err := k.Store.Publish(ctx, it.ID, k.Editor); errKey(err) != "kepu.err.not_reviewed" {
			t.Fatalf("publish a draft: %v", err)
		}
		ex, err := k.Store.SubmitForReview(ctx, it.ID, 7, 0, k.Author)
		if err != nil {
			t.Fatal(err)
		}
		if ex.PersonID != 2 {
			t.Fatalf("picked %+v: the colleague at the author's employer and the expert without an account must be passed over", ex)
		}
		if _, err := k.Store.SubmitForReview(ctx, it.ID, 7, 1, k.Author); errKey(err) != "kepu.err.not_draft" {
			t.Fatalf("resubmit: %v", err)
		}
		if err := k.Store.Publish(ctx, it.ID, k.Editor); errKey(err) != "kepu.err.not_reviewed" {
			t.Fatalf("publish in review: %v", err)
		}
		if err := k.Store.Review(ctx, it.ID, true, "", k.Colleague); errKey(err) != "kepu.err.not_reviewer" {
			t.Fatalf("review by someone else: %v", err)
		}
		if err := k.Store.Review(ctx, it.ID, false, "", k.Expert); errKey(err) != "kepu.err.note_required" {
			t.Fatalf("send back without a note: %v", err)
		}
		if err := k.Store.Review(ctx, it.ID, false, "第二段需注明雷电预警等级。", k.Expert); err != nil {
			t.Fatal(err)
		}
		got, _ := k.Store.Item(ctx, it.ID)
		if got.Status != kepu.Draft || got.ReviewNote == "" {
			t.Fatalf("sent back: %+v", got.Status)
		}
		if _, err := k.Store.SubmitForReview(ctx, it.ID, 7, 2, k.Author); err != nil {
			t.Fatal(err)
		}
		if err := k.Store.Review(ctx, it.ID, true, "科学表述准确。", k.Expert); err != nil {
			t.Fatal(err)
		}
		if err := k.Store.Publish(ctx, it.ID, k.Author); errKey(err) != "kepu.err.own_item" {
			t.Fatalf("author approves: %v", err)
		}
		if err := k.Store.Publish(ctx, it.ID, k.Editor); err != nil {
			t.Fatal(err)
		}
		got, _ = k.Store.Item(ctx, it.ID)
		if got.Status != kepu.Published || got.ReviewerName != "王研究员" || got.ReviewerField != "大气科学" || got.ReviewedAt.IsZero() {
			t.Fatalf("published: %+v", got)
		}
		if len(k.Push.published) != 1 || k.Push.published[0] != it.ID {
			t.Fatalf("pushed %v", k.Push.published)
		}
		items, n, err := k.Store.Published(ctx, kepu.Filter{Q: "防雷"})
		if err != nil || n != 1 || items[0].ID != it.ID {
			t.Fatalf("search: %d %v", n, err)
		}
	})
}

// TestCorrectWithdraw: a correction keeps the earlier version with its
// note; a withdrawal needs a reason and drops the item from search.
func TestCorrectWithdraw(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		it := k.published(t, "雷雨天气如何防雷")
		if err := k.Store.Correct(ctx, it.ID, kepu.Correction{Title: it.Title, Body: body + "雷声停止三十分钟后再外出。"}, k.Editor); errKey(err) != "kepu.err.note_required" {
			t.Fatalf("correct without a note: %v", err)
		}
		if err := k.Store.Correct(ctx, it.ID, kepu.Correction{Title: it.Title, Body: body + "雷声停止三十分钟后再外出。", Note: "补充雷雨后外出时间"}, k.Editor); err != nil {
			t.Fatal(err)
		}
		got, _ := k.Store.Item(ctx, it.ID)
		hist, _ := k.Store.History(ctx, it.ID)
		if got.Version != 2 || len(hist) != 1 || hist[0].Note != "补充雷雨后外出时间" || strings.Contains(hist[0].Body, "三十分钟") {
			t.Fatalf("corrected: v%d %+v", got.Version, hist)
		}
		if err := k.Store.Withdraw(ctx, it.ID, " ", k.Editor); errKey(err) != "kepu.err.reason_required" {
			t.Fatalf("withdraw without a reason: %v", err)
		}
		if err := k.Store.Withdraw(ctx, it.ID, "内容已由新版防雷指南取代", k.Editor); err != nil {
			t.Fatal(err)
		}
		if _, n, _ := k.Store.Published(ctx, kepu.Filter{Q: "防雷"}); n != 0 {
			t.Fatalf("a withdrawn item is still found: %d", n)
		}
		if _, err := k.Store.Item(ctx, 12345); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("missing item: %v", err)
		}
	})
}

// TestEmergency: only a designated editor of an open emergency publishes at
// once; the item says it is under review until an expert has passed it.
func TestEmergency(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		em, err := k.Store.OpenEmergency(ctx, k.City.ID, "暴雨洪涝", "攀枝花市", []int64{k.Author.UserID}, k.Editor)
		if err != nil {
			t.Fatal(err)
		}
		in := kepu.DraftInput{Title: "洪水来临时如何自救", Body: body, Audience: "public"}
		if _, err := k.Store.PublishUrgent(ctx, em, in, k.Colleague); errKey(err) != "kepu.err.not_designated" {
			t.Fatalf("not designated: %v", err)
		}
		it, err := k.Store.PublishUrgent(ctx, em, in, k.Author)
		if err != nil {
			t.Fatal(err)
		}
		if it.Status != kepu.Published || !it.ReviewPending || it.EmergencyID != em {
			t.Fatalf("urgent: %+v", it)
		}
		if len(k.Push.published) != 1 {
			t.Fatal("an urgent item is pushed at once")
		}
		if _, err := k.Store.SubmitForReview(ctx, it.ID, 7, 0, k.Author); err != nil {
			t.Fatal(err)
		}
		got, _ := k.Store.Item(ctx, it.ID)
		if got.Status != kepu.Published || !got.ReviewPending {
			t.Fatalf("after-the-fact review keeps it public with its banner: %+v", got)
		}
		if err := k.Store.Review(ctx, it.ID, true, "", k.Expert); err != nil {
			t.Fatal(err)
		}
		got, _ = k.Store.Item(ctx, it.ID)
		if got.ReviewPending || got.ReviewedAt.IsZero() {
			t.Fatal("reviewed: the banner must go")
		}
		if err := k.Store.CloseEmergency(ctx, em, k.Editor); err != nil {
			t.Fatal(err)
		}
		if _, err := k.Store.PublishUrgent(ctx, em, in, k.Author); errKey(err) != "kepu.err.emergency_closed" {
			t.Fatalf("closed: %v", err)
		}
	})
}
