package plan_test

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/web/webtest"
)

// TestBrowserProgressLedger runs the ledger's flows in a browser: a
// negative share is refused on the form; the filer, who also may review,
// sees no review buttons on his own entry and withdraws it; a colleague
// accepts a refiled entry; the filer corrects it and, once the correction
// is accepted, the old entry is struck through with a link to it. The
// target's page fits 1,280 and 390 px throughout.
func TestBrowserProgressLedger(t *testing.T) {
	eachDB(t, func(t *testing.T, ps planSite) {
		ctx := webtest.Browser(t)
		tf := newTrackFixture(t, ps, ps.City.ID)
		ps.User(t, "filer", access.OrgStaff, ps.City)
		ps.User(t, "checker", access.OrgStaff, ps.City)
		evidence := filepath.Join(t.TempDir(), "2023年抽样调查.pdf")
		if err := os.WriteFile(evidence, []byte("%PDF-1.4\n% survey\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		ind := fmt.Sprintf("/plans/%d/indicators/%d", tf.Plan, tf.Indicator)
		b := webtest.NewTab(t, ctx, ps.URL, 30*time.Second)
		b.Login("filer")
		b.Open(ind, `#progress-form`)
		file := func(step, value, narrative string) {
			b.Run(step, chromedp.SetValue(chromedp.CSS(`#progress-form select[name=year]`), "2023"),
				chromedp.SetValue(chromedp.CSS(`#progress-form select[name=quarter]`), "0"),
				chromedp.SetValue(chromedp.CSS(`#progress-form input[name=value]`), value),
				chromedp.SetValue(chromedp.CSS(`#progress-form textarea[name=narrative]`), narrative),
				chromedp.SetUploadFiles(chromedp.CSS(`#progress-form input[name=files]`), []string{evidence}),
				chromedp.Click(chromedp.CSS(`#progress-submit`)))
		}
		file("negative share", "-5", "抽样调查")
		b.WaitText("refused", `#progress-form .err`, "比例应在 0 到 100 之间")
		file("file", "11.2", "2023 年全市抽样调查")
		b.WaitText("filed", `.flash-ok`, "进展已提交")
		if ledger := b.Text(`#ledger tbody tr:last-child`); strings.Contains(ledger, "通过") || !strings.Contains(ledger, "撤回") {
			t.Errorf("the filer is offered to accept his own entry: %q", ledger)
		}
		b.Run("withdraw", chromedp.Click(chromedp.CSS(`#ledger button.withdraw`)))
		b.WaitText("withdrawn", `.flash-ok`, "已撤回")
		if ledger := b.Text(`#ledger`); !strings.Contains(ledger, "已撤回") {
			t.Errorf("the withdrawn entry left the ledger: %q", ledger)
		}
		file("refile", "11.2", "2023 年全市抽样调查")
		b.WaitText("refiled", `.flash-ok`, "进展已提交")
		b.Logout()

		accept := func(step string, wants ...string) {
			b.Login("checker")
			b.Open(fmt.Sprintf("/plans/%d/dashboard", tf.Plan), `#pending`)
			for _, want := range wants {
				if p := b.Text(`#pending li:last-child`); !strings.Contains(p, want) {
					t.Errorf("%s: the entry to approve lacks %q: %q", step, want, p)
				}
			}
			b.Run(step, chromedp.Click(chromedp.CSS(`#pending li:last-child button[value=accept]`)))
			b.WaitText(step, `.flash-ok`, "已通过")
			b.Logout()
		}
		accept("accept the refiled entry", "11.2 %", "2023 年全市抽样调查", "2023年抽样调查.pdf")

		// The filer corrects the accepted value.
		b.Login("filer")
		b.Open(ind, `#ledger a.correct`)
		b.Run("correct", chromedp.Click(chromedp.CSS(`#ledger tr:last-child a.correct`)), chromedp.WaitVisible(chromedp.CSS(`#correcting`)))
		b.Run("file the correction", chromedp.SetValue(chromedp.CSS(`#progress-form input[name=value]`), "11.6"),
			chromedp.SetValue(chromedp.CSS(`#progress-form textarea[name=narrative]`), "复核样本后更正"),
			chromedp.Click(chromedp.CSS(`#progress-submit`)))
		b.WaitText("correction filed", `#ledger`, "复核样本后更正")
		b.Logout()
		accept("accept the correction", "11.6 %", "更正", "复核样本后更正", "未附证明材料")

		b.Login("filer")
		b.Open(ind, `#ledger`)
		b.Run("struck through", chromedp.WaitVisible(chromedp.CSS(`#ledger tr.superseded s`)))
		if s := b.Text(`#ledger tr.superseded s`); s != "11.2" {
			t.Errorf("struck-through value %q", s)
		}
		if latest := b.Text(`#ind-latest`); !strings.Contains(latest, "11.6") {
			t.Errorf("latest after the correction: %q", latest)
		}
		b.Run("follow to the correction", chromedp.Click(chromedp.CSS(`#ledger tr.superseded a.e-superseded`)))
		if loc := b.Location(); !strings.Contains(loc, "#entry-") {
			t.Errorf("the superseded entry does not link to its correction: %s", loc)
		}
		for _, s := range widths {
			fit(t, b, "target ledger", s.w, s.h, `#progress-submit`, `#ledger tbody tr:last-child td:last-child .badge`)
		}
		// The comparison keeps each target's progress in view on a phone too.
		b.Open("/plans/compare?q="+url.QueryEscape("科学素质"), `#compare-table`)
		for _, s := range widths {
			fit(t, b, "comparison", s.w, s.h, `#compare-table tbody tr:last-child .cmp-progress`)
		}
	})
}
