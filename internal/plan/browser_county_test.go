package plan_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/plan"
	"kexie/internal/web/webtest"
)

// TestBrowserCountyAnnex reviews, in a real browser at 1,280 and 390 px, a
// 科普 plan whose annex gives each county's tasks for one year in a table
// laid out as a PDF's text (a header over two lines; D272): each task is
// listed by its county and its column (东城区·科普活动), due the year its
// title gives, and the page fits the window.
func TestBrowserCountyAnnex(t *testing.T) {
	text := "某市全民科学素质行动实施方案（2026—2030年）\n\n一、主要目标\n到2030年，全市公民具备科学素质的比例达到20%。\n\n" +
		"附件1\n\n2026 年各县（市、区）科普工作目标任务\n\n" +
		" 序号    县（市、区）\n                科普活动（场次）    受众（万人次）\n\n" +
		"        全市        1200      85\n  1     东城区       150        12\n  2     南湖区       220       15.5\n"
	doc, err := plan.Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	eachDB(t, func(t *testing.T, ps planSite) {
		ctx := webtest.Browser(t)
		ps.User(t, "planner", access.OrgStaff, ps.City)
		id, err := ps.Plans.Save(context.Background(), ps.City.ID, doc, "科学素质行动实施方案.txt", text, []byte(text))
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
		page := strings.Join(names, "\n")
		for _, want := range []string{"东城区·科普活动", "东城区·受众", "南湖区·科普活动", "全市·受众", "2026"} {
			if !strings.Contains(page, want) {
				t.Errorf("the review lists no %q:\n%s", want, page)
			}
		}
		if len(names) != 7 {
			t.Errorf("%d targets listed, want 7 (the goal and six county tasks):\n%s", len(names), page)
		}
		for _, s := range widths {
			fit(t, b, "county annex review", s.w, s.h, `#plan-tree`)
			shot(t, b, "plan-review-county-annex", s.name, s.w, s.h)
		}
	})
}
