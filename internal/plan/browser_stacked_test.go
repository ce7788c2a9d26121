package plan_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/plan"
	"kexie/internal/web/webtest"
)

// TestBrowserStackedHeaderPDF reviews, in a real browser at 1,280 and 390
// px, a talent plan printed as a PDF whose indicator table has a header
// stacked over three lines (testdata/gen/xiyuan.txt; D267): each of the
// table's six targets is listed by its name — also the three whose name
// wrapped onto the lines around their row — and its row is marked in the
// document's text; the page fits the window.
func TestBrowserStackedHeaderPDF(t *testing.T) {
	data, err := os.ReadFile("testdata/plans/xiyuan.pdf")
	if err != nil {
		t.Fatal(err)
	}
	text, err := plan.DocumentText(context.Background(), "xiyuan.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := plan.Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	eachDB(t, func(t *testing.T, ps planSite) {
		ctx := webtest.Browser(t)
		ps.User(t, "planner", access.OrgStaff, ps.City)
		id, err := ps.Plans.Save(context.Background(), ps.City.ID, doc, "溪源市人才发展规划.pdf", text, data)
		if err != nil {
			t.Fatal(err)
		}
		b := webtest.NewTab(t, ctx, ps.URL, 30*time.Second)
		b.Login("planner")
		b.Open(fmt.Sprintf("/plans/%d", id), `#plan-tree`)
		names, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#plan-tree .indicator')].map(d => d.textContent.split(/\s+/).join(' ').trim())`))
		if err != nil {
			b.Fail("read the targets", err)
		}
		for _, want := range []string{"人才资源总量 万人 86 110 预期性 110 万人", "每万名劳动力中研发人员 人年 58 75 预期性 75 人年",
			"高技能人才占技能劳动者比例 3 % 28 ≥35 约束性 ≥ 35 %", "高层次人才数量 人 2600 4000 预期性 4000 人",
			"博士后科研工作站（创新实践基地）数量 5 家 42 60以上 预期性 ≥ 60 家", "人才发展投入占地区生产总值比重 6 % 3.1 3.5 预期性 3.5 %"} {
			found := false
			for _, n := range names {
				found = found || strings.Contains(n, want)
			}
			if !found {
				t.Errorf("no target reads %q: %q", want, names)
			}
		}
		// a table's target marks its row in the document's text
		marks, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#plan-source mark:not(.candidate)')].map(m => m.textContent.trim().split(/\s+/).join(' '))`))
		if err != nil {
			b.Fail("read the marks", err)
		}
		for _, want := range []string{"万人 86 110 预期性", "人年 58 75 预期性", "% 28 ≥35 约束性", "人 2600 4000 预期性", "家 42 60以上 预期性", "% 3.1 3.5 预期性"} {
			found := false
			for _, m := range marks {
				found = found || strings.HasSuffix(m, want)
			}
			if !found {
				t.Errorf("the row of %q is not marked in the document: %q", want, marks)
			}
		}
		for _, s := range widths {
			fit(t, b, "stacked header review", s.w, s.h, `#plan-tree`)
			shot(t, b, "plan-review-stacked-pdf", s.name, s.w, s.h)
		}
	})
}
