package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"kexie/internal/testenv"
)

// browser starts headless Chromium for t.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(testenv.Chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 900),
		chromedp.Flag("lang", "zh-CN"), // the users' language
		chromedp.Flag("accept-lang", "zh-CN,zh"),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancel3)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// tab drives the browser of one test through its steps against the test
// server at base. A step that fails ends the test with the page's address
// and the start of its main element, so a failure says where it happened.
type tab struct {
	t     *testing.T
	ctx   context.Context
	base  string        // the test server's URL
	limit time.Duration // time one run step may take
	shots string        // folder for screenshots, or none
}

// newTab drives ctx, a context of browser(t), against base. Screenshots are
// saved when KEXIE_SCREENSHOTS names a folder.
func newTab(t *testing.T, ctx context.Context, base string, limit time.Duration) *tab {
	return &tab{t: t, ctx: ctx, base: base, limit: limit, shots: os.Getenv("KEXIE_SCREENSHOTS")}
}

// fail ends the test at step, showing where the page is and what it shows.
func (b *tab) fail(step string, err error) {
	b.t.Helper()
	loc, _ := chromedp.Run(b.ctx, chromedp.Location())
	html, _ := chromedp.Run(b.ctx, chromedp.OuterHTML(chromedp.CSS("main")))
	b.t.Fatalf("%s: %v\nat %s\n%.2000s", step, err, loc, html)
}

// run runs the actions of one step within the tab's time limit.
func (b *tab) run(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, b.limit)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.fail(step, err)
	}
}

// text returns the text of the first element matching the CSS selector sel.
func (b *tab) text(sel string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.fail("read "+sel, err)
	}
	return v
}

// value returns the value of the first form field matching sel.
func (b *tab) value(sel string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		b.fail("read "+sel, err)
	}
	return v
}

// waitText waits up to 15 seconds for sel's text to contain want: for pages
// that change after a fetch or a redirect, where WaitVisible would match
// the old page.
func (b *tab) waitText(step, sel, want string) {
	b.t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if v, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel))); err == nil && strings.Contains(v, want) {
			return
		}
	}
	b.fail(step, fmt.Errorf("%s never showed %q", sel, want))
}

// location returns the page's address.
func (b *tab) location() string {
	b.t.Helper()
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.fail("read the location", err)
	}
	return loc
}

// login signs user in with testPassword; the user has no second factor.
func (b *tab) login(user string) {
	b.t.Helper()
	b.run("sign in as "+user, chromedp.Navigate(b.base+"/login"), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), user),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), testPassword),
		chromedp.Click(chromedp.CSS(`#login-submit`)), chromedp.WaitVisible(chromedp.CSS(`.topbar`)))
}

// logout signs out from the account page.
func (b *tab) logout() {
	b.t.Helper()
	b.run("sign out", chromedp.Navigate(b.base+"/account"), chromedp.WaitVisible(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)))
}

// shot saves screenshots of the page as name, at a desktop's and a phone's
// size, when the tab has a folder for them.
func (b *tab) shot(name string) {
	if b.shots == "" {
		return
	}
	for _, size := range []struct {
		suffix        string
		width, height int64
	}{{"desktop", 1366, 900}, {"phone", 390, 844}} {
		err := chromedp.Do(b.ctx, chromedp.EmulateViewport(size.width, size.height, chromedp.EmulateScale(1.5)),
			chromedp.Sleep(200*time.Millisecond))
		var png []byte
		if err == nil {
			png, err = chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
		}
		if err != nil {
			b.t.Errorf("screenshot %s: %v", name, err)
			return
		}
		if err := os.WriteFile(filepath.Join(b.shots, name+"-"+size.suffix+".png"), png, 0o644); err != nil {
			b.t.Error(err)
		}
	}
	_ = chromedp.Do(b.ctx, chromedp.ResetViewport())
}

// suggest types typed into the picker field named field and waits for the
// suggestion of code; it returns the text of the whole suggestion list.
func (b *tab) suggest(field, typed, code string) string {
	b.t.Helper()
	b.run("type "+typed+" into "+field, chromedp.SendKeys(chromedp.CSS(`input[name=`+field+`]`), typed),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="`+code+`"]`)))
	return b.text(`ul.suggest`)
}

// pick chooses a suggestion — code with the mouse, or with "" the first
// one by ↓ and Enter — and checks that the field then holds want.
func (b *tab) pick(field, code, want string) {
	b.t.Helper()
	choose := []chromedp.Action[chromedp.Void]{chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter)}
	how := "↓ Enter"
	if code != "" {
		choose, how = []chromedp.Action[chromedp.Void]{chromedp.Click(chromedp.CSS(`ul.suggest button[data-code="` + code + `"]`))}, "a click"
	}
	b.run("pick by "+how+" in "+field, append(choose, chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))...)
	if got := b.value(`input[name=` + field + `]`); got != want {
		b.t.Errorf("after %s the %s field holds %q, want %q", how, field, got, want)
	}
}

// clear empties the form field named name.
func (b *tab) clear(name string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("input[name=`+name+`]").value = ""`)); err != nil {
		b.fail("clear "+name, err)
	}
}
