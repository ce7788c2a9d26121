package review_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
	"kexie/internal/web/webtest"
)

// TestBrowserNewCall creates a call from the award template in Chromium,
// at a desktop's and a phone's width, picking its expert pool by name: a
// title left out is said beside its field with the rest kept, and the
// call is created with the pool on its review stage.
func TestBrowserNewCall(t *testing.T) {
	ctx := webtest.Browser(t)
	rs := serveReview(t, dbtest.OpenSQLite(t))
	rs.User(t, "staff", access.OrgStaff, rs.City)
	rs.P.pools[7] = []review.Expert{{PersonID: 101, Name: "专家1"}, {PersonID: 102, Name: "专家2"}}
	for i, w := range []int64{1280, 390} {
		b := webtest.NewTab(t, ctx, rs.URL, 20*time.Second)
		b.Login("staff")
		b.Run("size", chromedp.EmulateViewport(w, 900))
		b.Open("/review/calls/new?template=youth_award", "#call-pool")
		if got := b.Text(`#call-pool`); !strings.Contains(got, "专家库7") || !strings.Contains(got, "2 人") {
			t.Errorf("at %d px the pools offered: %q", w, got)
		}
		b.Run("no title", chromedp.SetValue(chromedp.CSS(`#call-pool`), "7"),
			chromedp.Evaluate[chromedp.Void](`document.querySelector('input[name=title]').value = ''`),
			chromedp.Submit(chromedp.CSS(`input[name=title]`)), chromedp.WaitVisible(chromedp.CSS(`.field.invalid .err`)))
		if got := b.Value(`#call-pool`); got != "7" {
			t.Errorf("at %d px the pool picked is lost after the error: %q", w, got)
		}
		wide, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`))
		if err != nil || wide {
			t.Errorf("at %d px the form is wider than the screen (%v)", w, err)
		}
		if i == 1 {
			b.Shot("review-new-call")
		}
		title := []string{"第十届攀枝花市青年科技奖", "第十一届攀枝花市青年科技奖"}[i]
		b.Run("title", chromedp.SendKeys(chromedp.CSS(`input[name=title]`), title),
			chromedp.Submit(chromedp.CSS(`input[name=title]`)), chromedp.WaitVisible(chromedp.CSS(`#builder`)))
		calls, _, err := rs.Store.Calls(b.Ctx, review.Filter{Scope: access.Subtrees(rs.City.Path), Q: title, Limit: 5})
		if err != nil || len(calls) != 1 {
			t.Fatalf("at %d px: %d calls named %s (%v)", w, len(calls), title, err)
		}
		stages, _ := rs.Store.Stages(b.Ctx, calls[0].ID)
		pooled := false
		for _, s := range stages {
			pooled = pooled || s.Kind == review.StageReview && s.PoolID == 7
		}
		if !pooled {
			t.Errorf("at %d px the review stage does not draw from the pool picked", w)
		}
		b.Logout()
	}
}
