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
	"kexie/internal/people"
	"kexie/internal/web/webtest"
)

// A registrant gives an ID number the city already recorded: their profile
// is saved as any other; the city's staff find the claim and confirm it,
// and the account then owns the recorded person.
func TestBrowserClaim(t *testing.T) {
	ctx := webtest.Browser(t)
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	heldID := citizenID("51040219850312201")
	held, err := ta.People.Create(context.Background(), people.Input{OrgID: ta.city.ID, Name: "王强", IDNumber: heldID, Employer: "攀钢"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := ta.Auth.CreateUser(context.Background(), authInput("wang.qiang"))
	if err != nil {
		t.Fatal(err)
	}
	ta.user(t, "clerk", access.OrgStaff, ta.city)
	b := webtest.NewTab(t, ctx, ta.srv.URL, 20*time.Second)
	b.Login("wang.qiang")
	b.Run("my profile", chromedp.Navigate(ta.srv.URL+"/me"), chromedp.WaitVisible(chromedp.CSS(`input[name=id_number]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "王强"),
		chromedp.SetValue(chromedp.CSS(`input[name=org_id]`), fmt.Sprint(ta.peer.ID)),
		chromedp.SendKeys(chromedp.CSS(`input[name=id_number]`), heldID),
		chromedp.SendKeys(chromedp.CSS(`input[name=employer]`), "滁州学院"),
		chromedp.Click(chromedp.CSS(`input[name=consent]`)),
		chromedp.Submit(chromedp.CSS(`input[name=name]`)), chromedp.WaitVisible(chromedp.CSS(`#my-data`)))
	if got := b.Text(`.flash`); got != "档案已保存。" {
		t.Errorf("flash after saving = %q", got)
	}
	if got := b.Text(`main`); !strings.Contains(got, "510402************") || strings.Contains(got, "已在库中") {
		t.Errorf("profile page: %.300s", got)
	}
	b.Logout()

	b.Login("clerk")
	b.Run("claims", chromedp.Navigate(ta.srv.URL+"/people/claims"), chromedp.WaitVisible(chromedp.CSS(`#claim-table`)))
	if got := b.Text(`#claim-table tbody`); !strings.Contains(got, "王强") || !strings.Contains(got, "滁州学院") || !strings.Contains(got, ta.peer.Name) {
		t.Errorf("claim row = %q", got)
	}
	b.Shot("claims")
	// Submitted directly, past the question its data-confirm asks.
	b.Run("confirm", chromedp.Submit(chromedp.CSS(`#claim-table form[action$="/confirm"]`)))
	b.WaitText("confirmed", `.flash`, "已确认认领")
	if own, err := ta.People.OwnProfile(context.Background(), u.ID); err != nil || own.ID != held.ID {
		t.Errorf("the account owns %d (%v), want %d", own.ID, err, held.ID)
	}
}
