package stats_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/stats"
	"kexie/internal/web/webtest"
)

// TestSummaryNoChange: an indicator shows no change — and says why — when
// no form of last year is approved, when no org has both years approved
// yet, or when last year's figure among those is 0.
func TestSummaryNoChange(t *testing.T) {
	both := stats.Summary{LastIncl: 2, BothN: 1, BothLast: stats.Values{"B01": 10}}
	for _, tt := range []struct {
		name string
		sum  stats.Summary
		code string
		want string
	}{
		{"nothing approved last year", stats.Summary{Included: 3}, "B01", "stats.why.no_last"},
		{"no org approved both years", stats.Summary{LastIncl: 2, Included: 1}, "B01", "stats.why.no_both"},
		{"0 last year", both, "B02", "stats.why.zero_last"},
		{"a base", both, "B01", ""},
	} {
		if got := tt.sum.NoChange(tt.code); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestSiteSummaryNoChange: the 统计年报 summary of a year with nothing
// approved the year before shows — with 上年无数据 (no data last year in
// English) in its 同比 column, never 0 % or a change; once last year's
// form is approved the change shows.
func TestSiteSummaryNoChange(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		s := serve(t, d)
		ctx := context.Background()
		prov, _ := s.User(t, "provhead", access.OrgAdmin, s.Root)
		year := s.Store.CurrentYear()
		file := func(y int, members string) {
			t.Helper()
			in := full()
			in.Raw["B01"] = members
			if _, err := s.Store.Submit(ctx, s.City.ID, y, in, stats.Actor{UserID: 900, Name: "填报"}); err != nil {
				t.Fatal(err)
			}
			if err := s.Store.Approve(ctx, s.City.ID, y, stats.Actor{UserID: 901, Name: "审核"}); err != nil {
				t.Fatal(err)
			}
		}
		file(year, "10")
		page := fmt.Sprintf("/stats/summary?year=%d", year)
		res, body := prov.Get(page)
		status(t, "no last year", res, body, 200, `— <span class="small muted why">上年无数据</span>`)
		if _, body := prov.Get(page + "&lang=en"); !strings.Contains(body, "no data last year") {
			t.Error("the English summary gives no reason")
		}
		prov.Get(page + "&lang=zh-CN")
		file(year-1, "8")
		res, body = prov.Get(page)
		status(t, "last year approved", res, body, 200, `<span class="up">+25.0%</span>`)
		if strings.Contains(body, "上年无数据") {
			t.Error("the summary says no data last year beside a change")
		}
	})
}

// TestBrowserSummaryNoChange: at a desktop's width (1,280 px) and on a
// phone (390 px) the summary's 同比 of a year with nothing approved the
// year before reads — 上年无数据, and the page fits the phone.
func TestBrowserSummaryNoChange(t *testing.T) {
	ctx := webtest.Browser(t)
	s := serve(t, dbtest.OpenSQLite(t))
	s.CreateUser(t, "provclerk", access.OrgStaff, s.Root) // staff: an administrator must first enrol a second factor
	year := s.Store.CurrentYear()
	in := full()
	if _, err := s.Store.Submit(context.Background(), s.City.ID, year, in, stats.Actor{UserID: 900, Name: "填报"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Store.Approve(context.Background(), s.City.ID, year, stats.Actor{UserID: 901, Name: "审核"}); err != nil {
		t.Fatal(err)
	}
	b := webtest.NewTab(t, ctx, s.URL, 30*time.Second)
	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	b.Login("provclerk")
	for _, size := range []struct {
		name string
		w, h int64
	}{{"desktop", 1280, 900}, {"phone", 390, 844}} {
		b.Run(size.name, chromedp.EmulateViewport(size.w, size.h))
		b.Open(fmt.Sprintf("/stats/summary?year=%d", year), "#sum-B01")
		if got := b.Text("tr#sum-B01"); !strings.Contains(got, "— 上年无数据") || strings.Contains(got, "%") {
			t.Errorf("%s: B01 reads %q", size.name, got)
		}
		w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil || w > int(size.w) {
			t.Errorf("%s: the page is %d px wide (%v)", size.name, w, err)
		}
	}
	b.Shot("stats-summary-no-last")
}
