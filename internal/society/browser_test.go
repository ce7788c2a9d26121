package society_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/society"
	"kexie/internal/web/webtest"
)

// A society files its annual report, the city 科协 returns it with a
// comment, the society fixes it and files again, and the 科协 accepts it;
// the board then counts it on time.
func TestBrowserReportReturnedAndAccepted(t *testing.T) {
	eachDB(t, func(t *testing.T, ss societySite) {
		ctx := webtest.Browser(t)
		ss.User(t, "kexie-staff", access.OrgStaff, ss.City)
		ss.User(t, "secretary", access.OrgStaff, ss.Soc)
		year := time.Now().Year() - 1
		page := fmt.Sprintf("%s/societies/%d/reports/%d", ss.URL, ss.Soc.ID, year)
		b := webtest.NewTab(t, ctx, ss.URL, 20*time.Second)

		b.Login("secretary")
		b.Run("fill in", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(`#report-form`)),
			chromedp.SetValue(chromedp.CSS(`input[name=activities]`), "15"),
			chromedp.SetValue(chromedp.CSS(`input[name=income_total]`), "300000"),
			chromedp.SetValue(chromedp.CSS(`input[name=income_dues]`), "500000"),
			chromedp.SetValue(chromedp.CSS(`input[name=change_legal_rep]`), fmt.Sprintf("%d-05-20", year)),
			chromedp.Click(chromedp.CSS(`#report-file`)), chromedp.WaitVisible(chromedp.CSS(`#report-error`)))
		if got := b.Text(`main`); !strings.Contains(got, "超过了总收入") {
			t.Errorf("dues above income: %q", got)
		}
		b.Shot("society-report-error")
		b.Run("fix and file", chromedp.SetValue(chromedp.CSS(`input[name=income_dues]`), "50000"),
			chromedp.Click(chromedp.CSS(`#report-file`)), chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)))
		if got := b.Text(`#report-status`); got != "已报送，待审核" {
			t.Errorf("status after filing = %q", got)
		}
		if got := b.Text(`.flash-ok`); !strings.Contains(got, "逾期") {
			t.Errorf("a report filed after the deadline is not marked late: %q", got)
		}
		b.Logout()

		b.Login("kexie-staff")
		b.Run("return", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(`#check`)),
			chromedp.SendKeys(chromedp.CSS(`#check-comment`), "请补充全年学术会议的场次与参会人数。"),
			chromedp.Click(chromedp.CSS(`#report-return`)), chromedp.WaitVisible(chromedp.CSS(`#report-comment`)))
		if got := b.Text(`#report-status`); got != "已退回修改" {
			t.Errorf("status after return = %q", got)
		}
		b.Logout()

		b.Login("secretary")
		b.Run("fix", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(`#report-comment`)))
		b.Shot("society-report-returned")
		b.Run("refile", chromedp.SetValue(chromedp.CSS(`input[name=academic_events]`), "4"),
			chromedp.Click(chromedp.CSS(`#report-file`)), chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)))
		b.Logout()

		b.Login("kexie-staff")
		b.Run("accept", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(`#check`)),
			chromedp.Click(chromedp.CSS(`#report-accept`)), chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)))
		if got := b.Text(`#report-status`); got != "已通过" {
			t.Errorf("status after accepting = %q", got)
		}
		b.Run("board", chromedp.Navigate(fmt.Sprintf("%s/societies?year=%d", ss.URL, year)), chromedp.WaitVisible(chromedp.CSS(`#board-table`)))
		// Last year's report is due by 31 May; filed now it counts late.
		if got := b.Text(`#stat-late`); got != "1" {
			t.Errorf("late on the board = %q", got)
		}
		b.Shot("society-board")
	})
}

// A person applies to join, the society approves, the member uploads a
// transfer voucher (first for the wrong amount), staff confirm it, and the
// card's public page says it is valid.
func TestBrowserMemberPaysAndCardVerifies(t *testing.T) {
	eachDB(t, func(t *testing.T, ss societySite) {
		ctx := webtest.Browser(t)
		ss.User(t, "secretary", access.OrgStaff, ss.Soc)
		ss.User(t, "member-one", access.Member, ss.Soc)
		if _, err := ss.S.SaveTier(context.Background(), society.Tier{OrgID: ss.Soc.ID, Kind: society.KindIndividual, Code: "regular",
			Name: "普通会员", FeeCents: 20000, Years: 1}); err != nil {
			t.Fatal(err)
		}
		voucher := filepath.Join(t.TempDir(), "回单.png")
		if err := os.WriteFile(voucher, []byte("\x89PNG\r\n\x1a\n fake voucher"), 0o600); err != nil {
			t.Fatal(err)
		}
		b := webtest.NewTab(t, ctx, ss.URL, 20*time.Second)

		b.Login("member-one")
		b.Run("apply", chromedp.Navigate(fmt.Sprintf("%s/join/%d", ss.URL, ss.Soc.ID)), chromedp.WaitVisible(chromedp.CSS(`#join-submit`)),
			chromedp.SetValue(chromedp.CSS(`input[name=name]`), "王晓明"),
			chromedp.Click(chromedp.CSS(`input[name=tier_id]`)), chromedp.Click(chromedp.CSS(`#join-submit`)), chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)))
		b.Logout()

		b.Login("secretary")
		b.Run("approve", chromedp.Navigate(fmt.Sprintf("%s/societies/%d/members", ss.URL, ss.Soc.ID)), chromedp.WaitVisible(chromedp.CSS(`#members-table`)))
		b.Shot("society-members")
		b.Run("approve click", chromedp.Click(chromedp.CSS(`form[action$="/approve"] button`)), chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)))
		if got := b.Text(`#members-table`); !strings.Contains(got, "PZHES-00001") {
			t.Errorf("members after approval = %q", got)
		}
		b.Logout()

		b.Login("member-one")
		b.Run("wrong amount", chromedp.Navigate(ss.URL+"/my/memberships"), chromedp.WaitVisible(chromedp.CSS(`input[name=voucher]`)),
			chromedp.SetUploadFiles(chromedp.CSS(`input[name=voucher]`), []string{voucher}),
			chromedp.SetValue(chromedp.CSS(`input[name=amount]`), "2000"),
			chromedp.Submit(chromedp.CSS(`input[name=amount]`)), chromedp.WaitVisible(chromedp.CSS(`#mine-error-amount`)))
		if got := b.Text(`#mine-error-amount`); !strings.Contains(got, "转账金额 2000.00 元与应缴会费 200.00 元不符") {
			t.Errorf("wrong amount message = %q", got)
		}
		b.Shot("society-voucher-wrong-amount")
		b.Run("right amount", chromedp.SetUploadFiles(chromedp.CSS(`input[name=voucher]`), []string{voucher}),
			chromedp.SetValue(chromedp.CSS(`input[name=amount]`), "200"),
			chromedp.Submit(chromedp.CSS(`input[name=amount]`)), chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)))
		b.Logout()

		b.Login("secretary")
		b.Run("confirm", chromedp.Navigate(fmt.Sprintf("%s/societies/%d/dues?status=pending", ss.URL, ss.Soc.ID)),
			chromedp.WaitVisible(chromedp.CSS(`#dues-table`)),
			chromedp.SetValue(chromedp.CSS(`form[action$="/confirm"] input[name=amount]`), "200.00"),
			chromedp.Click(chromedp.CSS(`form[action$="/confirm"] button`)), chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)))
		b.Shot("society-dues")
		b.Logout()

		b.Login("member-one")
		b.Run("card", chromedp.Navigate(ss.URL+"/my/memberships"), chromedp.WaitVisible(chromedp.CSS(`#card-link`)),
			chromedp.Click(chromedp.CSS(`#card-link`)), chromedp.WaitVisible(chromedp.CSS(`#member-card`)))
		if got := b.Text(`#card-until`); got == "" || strings.Contains(got, "未缴") {
			t.Errorf("card validity = %q", got)
		}
		b.Shot("society-card")
		b.Logout()
		b.Run("verify", chromedp.Navigate(ss.URL+"/card/"+cardCode(t, ss)), chromedp.WaitVisible(chromedp.CSS(`#verify-result`)))
		if got := b.Text(`#verify-result`); got != "会员证有效" {
			t.Errorf("verification = %q", got)
		}
		b.Shot("society-card-verify")
	})
}

func cardCode(t *testing.T, ss societySite) string {
	ms, _, err := ss.S.Members(context.Background(), society.MemberFilter{Scope: access.Everywhere(), OrgID: ss.Soc.ID})
	if err != nil || len(ms) == 0 {
		t.Fatal(err)
	}
	return ms[0].CardCode
}
