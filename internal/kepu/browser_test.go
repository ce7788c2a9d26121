package kepu_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
	"kexie/internal/web/webtest"
)

// TestBrowserPhone reads the portal on a phone-sized screen without
// signing in: the home page, an article with its reviewer, then files a
// rumour lead; and renders the Tibetan version of the article.
func TestBrowserPhone(t *testing.T) {
	ctx := webtest.Browser(t)
	k := serveKepu(t, dbtest.OpenSQLite(t))
	bg := context.Background()
	it := k.published(t, "雷雨天气如何防雷")
	bo, err := k.Store.CreateDraft(bg, kepu.DraftInput{OrgID: k.City.ID, GroupID: it.ID, Lang: "bo", Audience: "public",
		Title: "འབྲུག་ཆར་སྐབས་ཀྱི་ཐོག་ལས་སྲུང་སྐྱོབ།",
		Body: "འབྲུག་ཆར་འབབ་སྐབས་ལྗོན་ཤིང་ཆེན་པོའི་འོག་དང་གློག་ཐག་ཀ་བའི་འགྲམ་དུ་མ་སྡོད། ཐོག་འགོག་སྒྲིག་ཆས་ཡོད་པའི་ཁང་པའི་ནང་དུ་མྱུར་དུ་འཛུལ་དགོས།\n\n" +
			"ཐང་སྟོང་དུ་ཡོད་ན་རྐང་པ་གཉིས་ཟུང་དུ་བསྡེབས་ནས་ཙོག་པུར་སྡོད། འབྲུག་སྒྲ་ཆད་ནས་སྐར་མ་སུམ་ཅུ་འགོར་རྗེས་ཕྱི་ལ་ཐོན་ན་ཉེན་ཁ་ཆུང་།"}, k.Author)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.Store.SubmitForReview(bg, bo.ID, 7, 0, k.Author); err != nil {
		t.Fatal(err)
	}
	if err := k.Store.Review(bg, bo.ID, true, "", k.Expert); err != nil {
		t.Fatal(err)
	}
	if err := k.Store.Publish(bg, bo.ID, k.Editor); err != nil {
		t.Fatal(err)
	}
	b := webtest.NewTab(t, ctx, k.URL, 20*time.Second)
	b.Run("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
	b.Open("/kepu", "#latest")
	b.Shot("kepu-home")
	b.Run("open the article", chromedp.Click(chromedp.CSS(`#latest a`)), chromedp.WaitVisible(chromedp.CSS(`#article`)))
	if got := b.Text("#reviewer"); !strings.Contains(got, "王研究员") || !strings.Contains(got, "大气科学") {
		t.Fatalf("reviewer: %q", got)
	}
	wide, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	if wide {
		t.Fatal("the article is wider than a 390 px screen")
	}
	b.Shot("kepu-article")
	b.Run("Tibetan", chromedp.Click(chromedp.CSS(`a[hreflang="bo"]`)), chromedp.WaitVisible(chromedp.CSS(`article[lang="bo"]`)))
	font, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('article[lang="bo"] h1')).fontFamily`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(font, "Tibetan") {
		t.Fatalf("Tibetan heading font: %q", font)
	}
	lines, err := chromedp.Run(b.Ctx, chromedp.Evaluate[float64](`(function(){var p=document.querySelector('.kp-body p');return p.getBoundingClientRect().height/parseFloat(getComputedStyle(p).lineHeight)})()`))
	if err != nil {
		t.Fatal(err)
	}
	wide, err = chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	if lines < 2 || wide {
		t.Fatalf("a Tibetan paragraph should wrap over several lines at 390 px: %.1f", lines)
	}
	b.Shot("kepu-tibetan")
	b.Run("open the lead form", chromedp.Click(chromedp.CSS(`#rumour-link`)), chromedp.WaitVisible(chromedp.CSS(`#lead-form`)))
	b.Run("fill the lead",
		chromedp.SendKeys(chromedp.CSS(`textarea[name=claim]`), "喝醋可以软化血管，每天一杯能治高血压"),
		chromedp.SendKeys(chromedp.CSS(`input[name=link]`), "https://example.com/post/1"),
		chromedp.SendKeys(chromedp.CSS(`input[name=contact]`), "reader@example.com"),
		chromedp.Sleep(3200*time.Millisecond)) // a person takes longer than the bot check's floor
	b.Shot("kepu-rumour")
	b.Run("send the lead", chromedp.Click(chromedp.CSS(`#lead-submit`)), chromedp.WaitVisible(chromedp.CSS(`#lead-done`)))
	leads, _, err := k.Store.LeadList(bg, kepu.LeadFilter{Scope: accessAll, Limit: 500})
	if err != nil || len(leads) != 1 || leads[0].Contact != "r***@example.com" {
		t.Fatalf("leads %+v %v", leads, err)
	}
}

// TestBrowserStaff: the staff pages of a draft (with the pool's experts to
// send it to), a rumour lead and the list fit a phone's width.
func TestBrowserStaff(t *testing.T) {
	ctx := webtest.Browser(t)
	k := serveKepu(t, dbtest.OpenSQLite(t))
	bg := context.Background()
	it := k.draft(t, "高温天气防中暑")
	lead, err := k.Store.FileLead(bg, kepu.LeadInput{OrgID: k.City.ID, Claim: "喝醋可以软化血管，每天一杯能治高血压", Link: "https://example.com/post/1", Source: "x"})
	if err != nil {
		t.Fatal(err)
	}
	b := webtest.NewTab(t, ctx, k.URL, 20*time.Second)
	b.Login("author")
	for _, p := range []struct{ path, sel, shot string }{
		{"/kepu/admin/items/" + itoa(it.ID) + "?pool=7", "#submit", "kepu-staff-item"},
		{"/kepu/admin/leads/" + itoa(lead) + "?pool=7", "#assign", "kepu-staff-lead"},
		{"/kepu/admin", "#items", "kepu-staff-items"},
	} {
		b.Run("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
		b.Open(p.path, p.sel)
		wide, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if err != nil || wide {
			t.Errorf("%s is wider than a phone (%v)", p.path, err)
		}
		b.Shot(p.shot)
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
