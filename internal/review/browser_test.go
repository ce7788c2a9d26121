package review_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
	"kexie/internal/web/webtest"
)

// TestBrowserAward runs the award in headless Chromium with four people:
// the applicant applies, the 学会 recommends, staff pass the formal check
// and assign, the reviewer scores, staff rank and publish the 公示, the
// public objects, staff dismiss the objection and make the result final,
// and the applicant sees it.
func TestBrowserAward(t *testing.T) {
	ctx := webtest.Browser(t)
	rs := serveReview(t, dbtest.OpenSQLite(t))
	bg := context.Background()
	rs.User(t, "staff", access.OrgStaff, rs.City)
	rs.User(t, "xuehui", access.OrgStaff, rs.Soc)
	_, au := rs.User(t, "zhangwei", access.Member, rs.City)
	_, ru := rs.User(t, "expert", access.Reviewer, rs.City)
	rs.P.applicants[au.ID] = review.Applicant{PersonID: 1, OrgID: rs.Soc.ID, OrgPath: rs.Soc.Path, Name: "张伟", Employer: "攀枝花学院", BirthYear: 1990}
	rs.P.pools[7] = []review.Expert{{PersonID: 100, UserID: ru.ID, Name: "王专家", Employer: "四川大学"}}
	tpl, _ := review.TemplateByKey("youth_award")
	stages := append([]review.StageInput(nil), tpl.Stages...)
	stages[1].PerApp, stages[1].PoolID = 1, 7
	c, err := rs.Store.CreateCall(bg, review.CallInput{OrgID: rs.City.ID, Title: "第十届攀枝花市青年科技奖", Kind: "award",
		ApplicantKind: review.Individual, Recommend: true, Quota: 2, Rules: tpl.Rules, Form: tpl.Form, Stages: stages,
		OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(30 * 24 * time.Hour), PublicityDays: 7}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := rs.Store.Publish(bg, c.ID); err != nil {
		t.Fatal(err)
	}
	cid := strconv.FormatInt(c.ID, 10)
	pdf := filepath.Join(t.TempDir(), "推荐表.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4 推荐表"), 0o600); err != nil {
		t.Fatal(err)
	}
	b := webtest.NewTab(t, ctx, rs.URL, 20*time.Second)

	b.Open("/calls/"+cid, "#apply-link")
	b.Shot("review-call")
	b.Login("zhangwei")
	b.Run("apply", chromedp.Navigate(rs.URL+"/calls/"+cid+"/apply"), chromedp.WaitVisible(chromedp.CSS(`#submit-app`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=title]`), "钒钛资源综合利用关键技术"),
		chromedp.SendKeys(chromedp.CSS(`input[name=recommender_id]`), "金属"),
		chromedp.WaitVisible(chromedp.CSS(`ul.orglist button[data-pick="`+rs.Soc.Code+`"]`)),
		chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="`+rs.Soc.Code+`"]`)),
		chromedp.SendKeys(chromedp.CSS(`textarea[name="f.summary"]`), strings.Repeat("长期从事钒钛资源综合利用研究，主持省部级项目多项。", 3)),
		chromedp.SetValue(chromedp.CSS(`select[name="f.field"]`), "工学"),
		chromedp.SetValue(chromedp.CSS(`input[name="f.born"]`), "1990-05-01"),
		chromedp.SendKeys(chromedp.CSS(`input[name="f.achievements.0.name"]`), "四川省科技进步奖二等奖"),
		chromedp.SendKeys(chromedp.CSS(`input[name="f.achievements.0.year"]`), "2024"),
		chromedp.SetUploadFiles(chromedp.CSS(`input[name="f.cv"]`), []string{pdf}))
	b.Shot("review-apply")
	b.Run("submit", chromedp.Click(chromedp.CSS(`#submit-app`)), chromedp.WaitVisible(chromedp.CSS(`#my-apps`)))
	b.WaitText("submitted", `#my-apps .status`, "待单位推荐")
	b.Logout()

	b.Login("xuehui")
	b.Open("/review/recommend", `form[action$="/recommend"]`)
	b.Run("recommend", chromedp.Submit(chromedp.CSS(`form[action$="/recommend"]`)))
	b.WaitText("recommended", `.flash`, "已记录")
	b.Logout()

	b.Login("staff")
	b.Open("/review/calls/"+cid, `#apps`)
	b.Run("formal check", chromedp.Submit(chromedp.CSS(`#apps form[action$="/decide"]`)))
	b.WaitText("passed", `.flash`, "已记录")
	b.Run("assign", chromedp.SendKeys(chromedp.CSS(`form[action$="/assign"] input[name=seed]`), "2026"), chromedp.Click(chromedp.CSS(`#assign-2`)))
	b.WaitText("assigned", `#stages`, "2026")
	b.Shot("review-manage")
	b.Logout()

	b.Login("expert")
	b.Open("/review/assignments", `#assignments a`)
	b.Run("open", chromedp.Click(chromedp.CSS(`#assignments a`)), chromedp.WaitVisible(chromedp.CSS(`#score-form`)))
	if got := b.Text(`main`); strings.Contains(got, "1990-05-01") || strings.Contains(got, "张伟") || !strings.Contains(got, "四川省科技进步奖二等奖") {
		t.Errorf("blind score page: %.400s", got)
	}
	b.Run("score", chromedp.SendKeys(chromedp.CSS(`input[name="s.innovation"]`), "88"),
		chromedp.SendKeys(chromedp.CSS(`input[name="s.contribution"]`), "86"),
		chromedp.SendKeys(chromedp.CSS(`input[name="s.prospect"]`), "90"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=comment]`), "成果突出，发展潜力大。"))
	b.Shot("review-score")
	b.Run("send", chromedp.Submit(chromedp.CSS(`#score-form`)), chromedp.WaitVisible(chromedp.CSS(`#assignments`)))
	b.WaitText("scored", `#assignments`, "已评")
	b.Logout()

	b.Login("staff")
	b.Open("/review/calls/"+cid, `#ranking-2`)
	b.Run("ranking", chromedp.Click(chromedp.CSS(`#ranking-2`)), chromedp.WaitVisible(chromedp.CSS(`#ranking`)))
	b.WaitText("ranked", `#ranking`, "87.6")
	b.Shot("review-ranking")
	b.Run("select", chromedp.Click(chromedp.CSS(`#select`)), chromedp.WaitVisible(chromedp.CSS(`#apps`)))
	b.WaitText("selected", `#apps`, "拟入选")
	b.Run("publicity", chromedp.Click(chromedp.CSS(`#start-publicity`)))
	b.WaitText("published", `main .muted`, "公示至")
	b.Logout()

	b.Open("/calls/"+cid+"/publicity", `#publicity-list`)
	b.Run("object", chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "李四"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=body]`), "该申报人第二项成果署名存疑，请予核实。"))
	b.Shot("review-publicity")
	time.Sleep(3200 * time.Millisecond) // the challenge refuses forms sent faster than a person fills them
	b.Run("send objection", chromedp.Submit(chromedp.CSS(`#objection form`)))
	b.WaitText("objected", `.flash`, "异议已提交")

	b.Login("staff")
	b.Open("/review/calls/"+cid, `form[action^="/review/objections/"]`)
	b.Run("dismiss", chromedp.SetValue(chromedp.CSS(`form[action^="/review/objections/"] select`), "reject"),
		chromedp.SendKeys(chromedp.CSS(`form[action^="/review/objections/"] input[name=reason]`), "经核实署名无误"),
		chromedp.Submit(chromedp.CSS(`form[action^="/review/objections/"]`)))
	b.WaitText("dismissed", `.flash`, "已记录")
	// The seven working days pass.
	if _, err := rs.DB.Exec(bg, `UPDATE review_calls SET publicity_to = ? WHERE id = ?`, db.Millis(time.Now().Add(-time.Minute)), c.ID); err != nil {
		t.Fatal(err)
	}
	b.Run("finalize", chromedp.Click(chromedp.CSS(`#finalize`)))
	b.WaitText("final", `main`, "结果已确定")
	b.Logout()

	b.Login("zhangwei")
	b.Open("/review/mine", `#my-apps`)
	b.WaitText("result", `#my-apps .status`, "最终入选")
}
