package review_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
	"kexie/internal/web/webtest"
)

// TestBrowserFormBuilder edits the award template's form in Chromium:
// changing a field's type shows that type's settings at once (the script),
// a multiple-choice field is added, filled, moved up and previewed, and
// the form is saved.
func TestBrowserFormBuilder(t *testing.T) {
	ctx := webtest.Browser(t)
	rs := serveReview(t, dbtest.OpenSQLite(t))
	rs.User(t, "staff", access.OrgStaff, rs.City)
	tpl, _ := review.TemplateByKey("youth_award")
	c, err := rs.Store.CreateCall(context.Background(), review.CallInput{OrgID: rs.City.ID, Title: "第十届攀枝花市青年科技奖", Kind: "award",
		ApplicantKind: review.Individual, Rules: tpl.Rules, Form: tpl.Form, Stages: tpl.Stages,
		OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(30 * 24 * time.Hour), PublicityDays: 7}, 0)
	if err != nil {
		t.Fatal(err)
	}
	path := "/review/calls/" + strconv.FormatInt(c.ID, 10) + "/form"
	n := len(tpl.Form.Fields)
	last := strconv.Itoa(n)
	b := webtest.NewTab(t, ctx, rs.URL, 20*time.Second)
	b.Login("staff")
	b.Open(path, "#builder")
	b.Shot("review-builder")
	b.Run("type change", chromedp.SetValue(chromedp.CSS(`select[name="fd.0.type"]`), "choice"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('select[name="fd.0.type"]').dispatchEvent(new Event("change", {bubbles: true}))`))
	hidden, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.querySelector('#fd-0 [data-types="choice multi"]').hidden`))
	if err != nil || hidden {
		t.Error("the options of a field changed to single choice stay hidden")
	}
	b.Run("back", chromedp.SetValue(chromedp.CSS(`select[name="fd.0.type"]`), "longtext"),
		chromedp.SetValue(chromedp.CSS(`select[name=add_type]`), "multi"), chromedp.Click(chromedp.CSS(`#add-field`)),
		chromedp.WaitVisible(chromedp.CSS(`#fd-`+last)))
	b.Run("fill", chromedp.SendKeys(chromedp.CSS(`input[name="fd.`+last+`.label"]`), "研究方向"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name="fd.`+last+`.options"]`), "钒钛\n稀土\n新能源"),
		chromedp.Click(chromedp.CSS(`#fd-`+last+` button[value="up.`+last+`"]`)))
	// the move is a round trip: wait for the page that has the field one up
	// (the old page has a #preview too, and a click there raced the move)
	b.WaitText("moved", `#fd-`+strconv.Itoa(n-1)+` legend`, "研究方向")
	b.Run("preview", chromedp.Click(chromedp.CSS(`#preview`)), chromedp.WaitVisible(chromedp.CSS(`#form-preview`)))
	b.WaitText("previewed", `#form-preview`, "稀土")
	b.Shot("review-builder-preview")
	b.Run("save", chromedp.Click(chromedp.CSS(`#save-form`)))
	b.WaitText("saved", `.flash`, "申报表已保存（第 1 版）")
	sc, _, err := rs.Store.Form(context.Background(), c.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if f := sc.Fields[n-1]; f.Label != "研究方向" || f.Type != review.Multi || strings.Join(f.Options, ",") != "钒钛,稀土,新能源" {
		t.Errorf("saved field %+v", f)
	}
}
