package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
	"kexie/internal/society"
	"kexie/internal/web/webtest"
)

// A society's secretary fills the yearly self-assessment in the browser,
// at a desktop's and a phone's width: a missing piece of evidence is said
// beside its row, then the submitted assessment is entered in the 科协's
// grading call, picked by its title from the calls open to the society.
func TestBrowserSocietyAssessment(t *testing.T) {
	ctx := webtest.Browser(t)
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	bg := context.Background()
	now := time.Now()
	_, kxUser := ta.user(t, "kexie-staff", access.OrgStaff, ta.city)
	form := review.Schema{Fields: []review.Field{{Key: "self_score", Label: "自评总分", Type: review.Number, Required: true},
		{Key: "self_assessment", Label: "自评与佐证", Type: review.LongText, Required: true}}}
	c, err := ta.Review.CreateCall(bg, review.CallInput{OrgID: ta.city.ID, Title: "2026年度学会等级评估", Kind: "grading", ApplicantKind: review.Unit,
		OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(30 * 24 * time.Hour), PublicityDays: 5, Form: form,
		Stages: []review.StageInput{{Kind: review.StageReview, Name: "专家评分", PerApp: 3, Method: review.Trimmed,
			Rubric: []review.Criterion{{Key: "overall", Label: "综合", Weight: 1, Max: 100}}}}}, kxUser.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Review.Publish(bg, c.ID); err != nil {
		t.Fatal(err)
	}
	year := now.Year() - 1
	for i, w := range []int64{1280, 390} {
		soc := newSociety(t, ta, ta.city.ID, fmt.Sprintf("ASSESS%d", i), fmt.Sprintf("攀枝花市第%d学会", i+1))
		ta.user(t, fmt.Sprintf("secretary%d", i), access.OrgStaff, soc)
		b := webtest.NewTab(t, ctx, ta.srv.URL, 20*time.Second)
		b.Login(fmt.Sprintf("secretary%d", i))
		b.Run("size", chromedp.EmulateViewport(w, 900))
		page := fmt.Sprintf("/societies/%d/assessment/%d", soc.ID, year)
		b.Open(page, "#assess-submit")
		var fill []chromedp.Action[chromedp.Void]
		for j, in := range society.Indicators {
			fill = append(fill, chromedp.SendKeys(chromedp.CSS(`input[name=score_`+in.Key+`]`), fmt.Sprint(in.Weight*0.9)))
			if j > 0 { // the first indicator's evidence is left out
				fill = append(fill, chromedp.SendKeys(chromedp.CSS(`input[name=evidence_`+in.Key+`]`), "见年度报告第"+fmt.Sprint(j)+"页"))
			}
		}
		b.Run("fill", append(fill, chromedp.Click(chromedp.CSS(`#assess-submit`)), chromedp.WaitVisible(chromedp.CSS(`td .err`)))...)
		first := society.Indicators[0].Key
		if got := b.Value(`input[name=score_` + first + `]`); got == "" {
			t.Errorf("at %d px the score typed is lost after the error", w)
		}
		// Said on the row whose evidence is missing.
		if got := b.Text(`input[name=evidence_` + first + `] + .err`); !strings.Contains(got, "佐证") {
			t.Errorf("at %d px the row's error says %q", w, got)
		}
		b.Run("evidence", chromedp.SendKeys(chromedp.CSS(`input[name=evidence_`+first+`]`), "见章程与理事会纪要"),
			chromedp.Click(chromedp.CSS(`#assess-submit`)), chromedp.WaitVisible(chromedp.CSS(`#enter-call`)))
		if got := b.Text(`#enter-call`); !strings.Contains(got, "2026年度学会等级评估") {
			t.Errorf("at %d px the call to enter reads %q", w, got)
		}
		wide, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`))
		if err != nil || wide {
			t.Errorf("at %d px the page is wider than the screen (%v)", w, err)
		}
		if i == 1 {
			b.Shot("society-assessment-submitted")
		}
		b.Run("enter", chromedp.Click(chromedp.CSS(`#enter-submit`)), chromedp.WaitVisible(chromedp.CSS(`#entered`)))
		if got := b.Text(`#entered`); !strings.Contains(got, "已进入专家评审") {
			t.Errorf("at %d px after entering: %q", w, got)
		}
		b.Logout()
	}
}
