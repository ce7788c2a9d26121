package plan_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/web/webtest"
)

// TestBrowserPlanReviewOCR opens the review page of a draft whose text
// looks OCR'd at 1,280 and 390 px: the notice is inside the window and
// readable, and its first link brings the place it names into view in the
// source text.
func TestBrowserPlanReviewOCR(t *testing.T) {
	eachDB(t, func(t *testing.T, ps planSite) {
		ctx := webtest.Browser(t)
		ps.User(t, "planner", access.OrgStaff, ps.City)
		page := saveOCRDraft(t, ps)
		b := webtest.NewTab(t, ctx, ps.URL, 30*time.Second)
		b.Login("planner")
		b.Open(page, `#ocr-notice`)
		if text := b.Text(`#ocr-notice`); !strings.Contains(text, "有 8 处数字夹杂字母或异常符号") || !strings.Contains(text, "第 5 行“质的公民比例达到2O％，科普场馆<i”") {
			t.Errorf("notice: %q", text)
		}
		for _, s := range widths {
			fit(t, b, "review OCR notice", s.w, s.h, `#ocr-notice`, `#ocr-notice a[href="#ocr-4"]`)
			readable(t, b, s.w, `#ocr-notice`)
			shot(t, b, "plan-review-ocr", s.name, s.w, s.h)
		}
		// The link to the fourth place (1g85): in view in the source text.
		b.Run("follow a link", chromedp.Click(chromedp.CSS(`#ocr-notice a[href="#ocr-3"]`)), chromedp.Sleep(300*time.Millisecond))
		in, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`(() => { const e = document.getElementById('ocr-3'), box = document.getElementById('plan-source');
			const r = e.getBoundingClientRect(), c = box.getBoundingClientRect();
			return e.textContent === '1g85' && r.top >= Math.max(c.top, 0) - 1 && r.bottom <= Math.min(c.bottom, window.innerHeight) + 1 })()`))
		if err != nil {
			b.Fail("measure the place", err)
		}
		if !in {
			t.Errorf("after the link, 1g85 is not in view in the source text")
		}
	})
}
