package plan_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/web/webtest"
)

// TestBrowserPlanReviewFlags opens a draft's review page in a real browser
// at 1,280 and 390 px: the targets read with low confidence carry a
// readable 请核对 badge inside the window, the filter link lists only them
// and leads back, and the candidates come most likely first with their
// words.
func TestBrowserPlanReviewFlags(t *testing.T) {
	data, rr := readReview(t)
	eachDB(t, func(t *testing.T, ps planSite) {
		ctx := webtest.Browser(t)
		bg := context.Background()
		ps.User(t, "planner", access.OrgStaff, ps.City)
		id, err := ps.Plans.Save(bg, ps.City.ID, rr.draft, "qingshan.txt", string(data), data)
		if err != nil {
			t.Fatal(err)
		}
		b := webtest.NewTab(t, ctx, ps.URL, 30*time.Second)
		b.Login("planner")
		b.Open(fmt.Sprintf("/plans/%d", id), `#plan-tree`)

		if hint := b.Text(`#unsure-hint`); !strings.Contains(hint, fmt.Sprint(len(rr.low))) || !strings.Contains(hint, "请核对") {
			t.Errorf("hint: %q", hint)
		}
		for _, s := range widths {
			fit(t, b, "review flags", s.w, s.h, `#plan-tree .badge.flag-unsure`, `#only-unsure`, `#plan-candidates .badge`)
			readable(t, b, s.w, `#plan-tree .badge.flag-unsure`)
			shot(t, b, "plan-review-flags", s.name, s.w, s.h)
		}
		// The candidates, most likely first, each with its word.
		lis, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#plan-candidates li')].map(li => li.textContent.replace(/\s+/g, ' ').trim())`))
		if err != nil {
			b.Fail("read the candidates", err)
		}
		words := map[string]string{"likely": "较可能", "uncertain": "不确定", "unlikely": "不太可能"}
		if len(lis) != len(rr.cands) {
			t.Fatalf("%d candidates shown, want %d: %q", len(lis), len(rr.cands), lis)
		}
		for i, c := range rr.cands {
			if !strings.Contains(lis[i], c.Text) || !strings.Contains(lis[i], words[likelihood(c)]) {
				t.Errorf("candidate %d: %q, want %q (%s)", i+1, lis[i], c.Text, words[likelihood(c)])
			}
		}

		// Only the marked targets, then back to all.
		b.Run("only the marked", chromedp.Click(chromedp.CSS(`#only-unsure`)), chromedp.WaitVisible(chromedp.CSS(`#only-unsure[aria-current]`)))
		n, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]int](`[document.querySelectorAll('#plan-tree .indicator').length, document.querySelectorAll('#plan-tree .indicator.unsure').length]`))
		if err != nil {
			b.Fail("count the listed targets", err)
		}
		if len(n) != 2 || n[0] != len(rr.low) || n[1] != len(rr.low) {
			t.Errorf("filtered list: %v targets (marked), want %d", n, len(rr.low))
		}
		if !strings.Contains(b.Location(), "unsure=1") {
			t.Errorf("the filter is not in the address: %s", b.Location())
		}
		for _, s := range widths {
			fit(t, b, "review flags, filtered", s.w, s.h, `#plan-tree .badge.flag-unsure`, `#unsure-filter a[aria-current]`)
			shot(t, b, "plan-review-flags-only", s.name, s.w, s.h)
		}
		b.Run("all again", chromedp.Click(chromedp.CSS(`#unsure-filter a:first-child`)), chromedp.WaitVisible(chromedp.CSS(`#unsure-filter a:first-child[aria-current]`)))
		if all := b.Text(`#plan-tree`); !strings.Contains(all, "建成社区科普e站200个左右") {
			t.Errorf("back to all: %.200s", all)
		}
	})
}

// readable fails when the first element matching sel is not wholly in the
// window at width w, is clipped by its box, or is set below 12 px.
func readable(t *testing.T, b *webtest.Tab, w int64, sel string) {
	t.Helper()
	r, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => { const e = document.querySelector(%q); const r = e.getBoundingClientRect();
		return [r.left, r.right, parseFloat(getComputedStyle(e).fontSize), e.scrollWidth - e.clientWidth] })()`, sel)))
	if err != nil {
		b.Fail("measure "+sel, err)
	}
	if len(r) != 4 || r[0] < 0 || r[1] > float64(w) || r[2] < 12 || r[3] > 0 {
		t.Errorf("%s at %d px: left %v right %v, %v px, %v px clipped", sel, w, r[0], r[1], r[2], r[3])
	}
}
