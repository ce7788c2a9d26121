package society_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/web/webtest"
)

// The 学会年度报告 board draws its societies by grade (5A, 4A, 3A, none) as
// a bar chart within the page at a desktop's and a phone's width.
func TestBrowserBoardGradeChart(t *testing.T) {
	eachDB(t, func(t *testing.T, ss societySite) {
		ss.User(t, "kexie-staff", access.OrgStaff, ss.City)
		b := webtest.NewTab(t, webtest.Browser(t), ss.URL, 20*time.Second)
		b.Login("kexie-staff")
		for _, w := range []int64{1280, 390} {
			b.Run("size", chromedp.EmulateViewport(w, 900))
			b.Open(fmt.Sprintf("/societies?year=%d", time.Now().Year()-1), "#grade-chart[data-chart-ready] svg")
			labels, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('#grade-chart svg text')].map(t => t.textContent).join(' ')`))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"5A", "4A", "3A", "未评级"} {
				if !strings.Contains(labels, want) {
					t.Errorf("at %d px the chart lacks %q: %s", w, want, labels)
				}
			}
			wide, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.querySelector('#grade-chart svg').getBoundingClientRect().right > document.documentElement.clientWidth`))
			if err != nil || wide {
				t.Errorf("at %d px the chart is wider than the page (%v)", w, err)
			}
		}
		b.Run("top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		b.Shot("society-board-grades")
	})
}
