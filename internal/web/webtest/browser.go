package webtest

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

// Browser starts headless Chromium for t, in Chinese, and returns its
// context; it is stopped at the end of the test. Without Chromium the test
// is skipped (failed under CI=true).
func Browser(t *testing.T) context.Context {
	t.Helper()
	return BrowserFor(t, 3*time.Minute)
}

// BrowserFor is Browser whose context ends after limit instead of three
// minutes: a tour of a whole demo province on a shared machine needs more.
func BrowserFor(t *testing.T, limit time.Duration) context.Context {
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
	ctx, cancel3 := context.WithTimeout(ctx, limit)
	t.Cleanup(cancel3)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// Tab drives the browser of one test through its steps against the test
// server at Base. A step that fails ends the test with the page's address
// and the start of its main element, so a failure says where it happened.
type Tab struct {
	T     *testing.T
	Ctx   context.Context
	Base  string        // the test server's URL
	Limit time.Duration // time one Run step may take
	shots string        // folder for screenshots, or none
}

// NewTab drives ctx, a context of Browser(t), against base. Screenshots are
// saved when KEXIE_SCREENSHOTS names a folder (made if missing: a typo must
// not lose every shot of a run).
func NewTab(t *testing.T, ctx context.Context, base string, limit time.Duration) *Tab {
	shots := os.Getenv("KEXIE_SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatalf("KEXIE_SCREENSHOTS: %v", err)
		}
	}
	return &Tab{T: t, Ctx: ctx, Base: base, Limit: limit, shots: shots}
}

// Tab starts a browser and returns a tab on the site whose steps may each
// take limit.
func (s *Site) Tab(t *testing.T, limit time.Duration) *Tab {
	t.Helper()
	return NewTab(t, Browser(t), s.URL, limit)
}

// Fail ends the test at step, showing where the page is and what it shows.
func (b *Tab) Fail(step string, err error) {
	b.T.Helper()
	loc, _ := chromedp.Run(b.Ctx, chromedp.Location())
	html, _ := chromedp.Run(b.Ctx, chromedp.OuterHTML(chromedp.CSS("main")))
	b.T.Fatalf("%s: %v\nat %s\n%.2000s", step, err, loc, html)
}

// Run runs the actions of one step within the tab's time limit.
func (b *Tab) Run(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.T.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, b.Limit)
	defer cancel()
	err := chromedp.Do(ctx, actions...)
	if err != nil && staleNode(err) {
		// The document changed between finding a node and acting on it (a
		// navigation still settling, a script replacing part of the page):
		// the node ids the step held are void, so run it again once on the
		// settled page. Steps are written to be repeatable (set values,
		// then click last).
		time.Sleep(300 * time.Millisecond)
		err = chromedp.Do(ctx, actions...)
	}
	if err != nil {
		b.Fail(step, err)
	}
}

// staleNode reports the DevTools error of a node id that no longer exists.
func staleNode(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "node with given id") || strings.Contains(msg, "No node with given id")
}

// Open navigates to path on the server and waits for sel to be visible.
func (b *Tab) Open(path, sel string) {
	b.T.Helper()
	b.Run("open "+path, chromedp.Navigate(b.Base+path), chromedp.WaitVisible(chromedp.CSS(sel)))
}

// Text returns the text of the first element matching the CSS selector sel.
func (b *Tab) Text(sel string) string {
	b.T.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.Fail("read "+sel, err)
	}
	return v
}

// Value returns the value of the first form field matching sel.
func (b *Tab) Value(sel string) string {
	b.T.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		b.Fail("read "+sel, err)
	}
	return v
}

// WaitText waits up to 15 seconds for sel's text to contain want: for pages
// that change after a fetch or a redirect, where WaitVisible would match
// the old page.
func (b *Tab) WaitText(step, sel, want string) {
	b.T.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if v, err := chromedp.Run(b.Ctx, chromedp.Text(chromedp.CSS(sel))); err == nil && strings.Contains(v, want) {
			return
		}
	}
	b.Fail(step, fmt.Errorf("%s never showed %q", sel, want))
}

// Location returns the page's address.
func (b *Tab) Location() string {
	b.T.Helper()
	loc, err := chromedp.Run(b.Ctx, chromedp.Location())
	if err != nil {
		b.Fail("read the location", err)
	}
	return loc
}

// Login signs user in with Password; the user has no second factor.
func (b *Tab) Login(user string) {
	b.T.Helper()
	b.Run("sign in as "+user, chromedp.Navigate(b.Base+"/login"), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), user),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), Password),
		chromedp.Click(chromedp.CSS(`#login-submit`)), chromedp.WaitVisible(chromedp.CSS(`.topbar`)))
}

// Logout signs out from the account page.
func (b *Tab) Logout() {
	b.T.Helper()
	b.Run("sign out", chromedp.Navigate(b.Base+"/account"), chromedp.WaitVisible(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)))
}

// Shot saves screenshots of the page as name, at a desktop's and a phone's
// size, when the tab has a folder for them.
func (b *Tab) Shot(name string) {
	if b.shots == "" {
		return
	}
	for _, size := range []struct {
		suffix        string
		width, height int64
	}{{"desktop", 1280, 900}, {"phone", 390, 844}} {
		err := chromedp.Do(b.Ctx, chromedp.EmulateViewport(size.width, size.height, chromedp.EmulateScale(1.5)),
			chromedp.Sleep(200*time.Millisecond))
		var png []byte
		if err == nil {
			png, err = chromedp.Run(b.Ctx, chromedp.FullScreenshot(100))
		}
		if err != nil {
			b.T.Errorf("screenshot %s: %v", name, err)
			return
		}
		if err := os.WriteFile(filepath.Join(b.shots, name+"-"+size.suffix+".png"), png, 0o644); err != nil {
			b.T.Error(err)
		}
	}
	_ = chromedp.Do(b.Ctx, chromedp.ResetViewport())
}

// Suggest types typed into the picker field named field and waits for the
// suggestion of code; it returns the text of the whole suggestion list.
func (b *Tab) Suggest(field, typed, code string) string {
	b.T.Helper()
	// Wait for the list of what the field holds, not one of an earlier
	// keystroke's lookup that a later one is about to replace.
	b.Run("type "+typed+" into "+field, chromedp.SendKeys(chromedp.CSS(`input[name=`+field+`]`), typed),
		chromedp.WaitVisible(chromedp.CSS(`input[name=`+field+`]:not([data-pending])`)),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="`+code+`"]`)))
	return b.Text(`ul.suggest`)
}

// Pick chooses a suggestion — code with the mouse, or with "" the first
// one by ↓ and Enter — and checks that the field then holds want.
func (b *Tab) Pick(field, code, want string) {
	b.T.Helper()
	choose := []chromedp.Action[chromedp.Void]{chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter)}
	how := "↓ Enter"
	if code != "" {
		choose, how = []chromedp.Action[chromedp.Void]{chromedp.Click(chromedp.CSS(`ul.suggest button[data-code="` + code + `"]`))}, "a click"
	}
	b.Run("pick by "+how+" in "+field, append(choose, chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))...)
	if got := b.Value(`input[name=` + field + `]`); got != want {
		b.T.Errorf("after %s the %s field holds %q, want %q", how, field, got, want)
	}
}

// Clear empties the form field named name.
func (b *Tab) Clear(name string) {
	b.T.Helper()
	if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.querySelector("input[name=`+name+`]").value = ""`)); err != nil {
		b.Fail("clear "+name, err)
	}
}

// StatsFit checks a statistics page as a phone (the tab at 390 px) shows
// it: the headline cards in stats sit two to a row, not one a screen, and
// every category named in the first column of table stays on one line. It
// fails the test with what it found otherwise.
func (b *Tab) StatsFit(stats, table string) {
	b.T.Helper()
	js := fmt.Sprintf(`(() => { const s = [...document.querySelectorAll(%q + ' .stat')];
 if (s.length < 2) return 'fewer than two cards in ' + %[1]q;
 if (Math.abs(s[0].getBoundingClientRect().top - s[1].getBoundingClientRect().top) > 1) return 'one card to a row';
 const cells = [...document.querySelectorAll(%q + ' tbody td:first-child')]; if (!cells.length) return 'no rows in ' + %[2]q;
 for (const td of cells) { const r = document.createRange(); r.selectNodeContents(td);
  if (new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1) return 'wraps: ' + td.innerText }
 return '' })()`, stats, table)
	got, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](js))
	if err != nil {
		b.Fail("stats fit", err)
	}
	if got != "" {
		b.T.Errorf("%s at %s: %s", stats, b.Location(), got)
	}
}

// CutPlaceholders is a script naming the empty org pickers and filter
// fields whose placeholder is wider than the room inside the field (a
// narrow filter column cuts it), "" when every hint is whole.
const CutPlaceholders = `(() => { const c = document.createElement('canvas').getContext('2d'); const out = [];
for (const i of document.querySelectorAll('.orgpick input[placeholder], .filters input[placeholder]')) { if (!i.offsetParent || i.value) continue;
 const cs = getComputedStyle(i); c.font = cs.fontStyle + ' ' + cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;
 const w = c.measureText(i.placeholder).width, room = i.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
 if (w > room + 1) out.push(i.name + ' ' + Math.round(w) + '>' + Math.round(room)) }
 return out.join('; ') })()`

// PlaceholdersFit fails the test when a filter's or an org picker's hint
// on the page is cut short at the tab's width.
func (b *Tab) PlaceholdersFit() {
	b.T.Helper()
	got, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](CutPlaceholders))
	if err != nil {
		b.Fail("placeholders", err)
	}
	if got != "" {
		b.T.Errorf("at %s a placeholder is cut: %s", b.Location(), got)
	}
}
