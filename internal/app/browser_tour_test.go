package app

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/config"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/web/webtest"
)

// TestBrowserTour uses the app as its users do: the public, a city
// 科协's staff, a leader at the root, a reviewer and an applicant each
// open every page their navigation offers (and the first item a list
// links to) at a desktop's and a phone's width. A page fails the tour
// when it answers 4xx/5xx, shows a raw message key instead of words, or
// is wider than a phone's screen (the page scrolls sideways; a wide
// table must scroll inside its own frame).
//
// KEXIE_TOUR_DEMO=DIR tours a copy of a `kexie demo` data directory
// instead of the small seeded app; KEXIE_TOUR_SHOTS=DIR saves every
// screenshot there as tour-<role>-<page>-{desktop,phone}.png (with
// KEXIE_TOUR_TOP set, only the first screen of each page).
func TestBrowserTour(t *testing.T) {
	// The limit guards against a hang, not a slow machine: the tour opens
	// some 400 pages at two widths (a province's demo, many more), while
	// CI runs other packages beside it on two cores.
	limit := 12 * time.Minute
	if os.Getenv("KEXIE_TOUR_DEMO") != "" {
		limit = 25 * time.Minute
	}
	ctx := webtest.BrowserFor(t, limit)
	ta := tourApp(t)
	bg := context.Background()
	city := ta.city
	if demoDir := os.Getenv("KEXIE_TOUR_DEMO"); demoDir != "" {
		var err error
		if city, err = ta.Orgs.GetByCode(bg, "KX510400"); err != nil {
			t.Fatal(err)
		}
	}
	tr := &tour{t: t, ctx: ctx, ta: ta, shots: os.Getenv("KEXIE_TOUR_SHOTS"), keys: keyShape(ta)}
	if tr.shots != "" {
		if err := os.MkdirAll(tr.shots, 0o755); err != nil { // a missing folder would lose every screenshot silently
			t.Fatal(err)
		}
	}

	tr.walk("public", nil, []string{"/", "/kepu", "/kepu/list", "/kepu/rumours", "/e", "/v", "/calls", "/volunteers/publicity",
		"/card/NOSUCHCARD", "/cert/NOSUCHCERT", "/login", "/register"})
	tr.items("public", nil, tourModules["public"])
	staff, _ := ta.user(t, "tour-staff", access.OrgStaff, city)
	tr.walk("staff", staff, []string{"/", "/account"})
	tr.items("staff", staff, tourModules["office"])
	// Staff start on their org dashboard.
	tr.expect("staff", "/", []string{"管辖范围", "组织数"}, []string{"我的首页"})
	leader, _ := ta.user(t, "tour-leader", access.OrgAdmin, ta.root)
	tr.walk("leader", leader, []string{"/", "/plans", "/account", "/funding/budgets"})
	tr.items("leader", leader, tourModules["office"])
	reviewer, _ := ta.user(t, "tour-reviewer", access.Reviewer, city)
	tr.walk("reviewer", reviewer, []string{"/", "/kepu/reviews"})
	tr.items("reviewer", reviewer, tourModules["member"])
	applicant, _ := ta.user(t, "tour-applicant", access.Member, city)
	tr.walk("applicant", applicant, []string{"/", "/calls", "/account"})
	tr.items("applicant", applicant, tourModules["member"])
	// A member starts on their own items, each list with a next step, not
	// on the staff dashboard's counts.
	tr.expect("applicant", "/", []string{"我的首页", "我的申报", "我的学会会籍", "我的志愿服务", "正在征集", "近期科普活动"},
		[]string{"管辖范围", "组织数", "用户数"})
	if tr.failures > 0 {
		t.Errorf("%d pages failed the tour", tr.failures)
	}
}

// tourApp is the seeded harness app, or a copy of a demo data directory
// opened the same way.
func tourApp(t *testing.T) *testApp {
	dir := os.Getenv("KEXIE_TOUR_DEMO")
	if dir == "" {
		ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
		newReviewFixture(t, ta)
		newEventFixture(t, ta)
		newKepuFixture(t, ta)
		newVolunteerFixture(t, ta)
		return ta
	}
	data := t.TempDir()
	for _, name := range []string{"kexie.db", "keys"} {
		copyTree(t, filepath.Join(dir, name), filepath.Join(data, name))
	}
	cfg := config.Default()
	cfg.DataDir = data
	return openTestApp(t, cfg, false)
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o700)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// keyShape matches a raw message key: a word of the catalogs' first
// segments, a dot, and more dotted lower-case words.
func keyShape(ta *testApp) *regexp.Regexp {
	seen := map[string]bool{}
	var firsts []string
	for _, k := range ta.Site.Catalogs.Keys("") {
		f, _, _ := strings.Cut(k, ".")
		if !seen[f] {
			seen[f] = true
			firsts = append(firsts, regexp.QuoteMeta(f))
		}
	}
	sort.Strings(firsts)
	return regexp.MustCompile(`(?:^|[^A-Za-z0-9_./@-])((?:` + strings.Join(firsts, "|") + `)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*)(?:$|[^A-Za-z0-9_/@-])`)
}

type tour struct {
	t        *testing.T
	ctx      context.Context
	ta       *testApp
	shots    string
	keys     *regexp.Regexp
	failures int
}

// walk signs the browser in as c's user (or out, for the public), opens
// the start pages, then every page of the navigation and the first item
// each list links to.
func (tr *tour) walk(role string, c *client, start []string) {
	t := tr.t
	base := tr.ta.srv.URL
	if _, err := chromedp.Call(tr.ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if c == nil {
		c = tr.ta.client(t)
	} else {
		u, _ := url.Parse(base)
		for _, ck := range c.http.Jar.Cookies(u) {
			if _, err := chromedp.Call(tr.ctx, network.SetCookie, network.SetCookieParams{Name: ck.Name, Value: ck.Value, URL: base + "/"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if role != "public" {
		tr.menu(role)
	}
	seen := map[string]bool{}
	queue := append([]string(nil), start...)
	for i := 0; i < len(queue) && i < 80; i++ {
		p := queue[i]
		if seen[p] {
			continue
		}
		seen[p] = true
		nav, first := tr.visit(role, c, p, i < len(start))
		for _, l := range append(nav, first...) {
			if !seen[l] {
				queue = append(queue, l)
			}
		}
	}
}

// tourModules are the lists and forms of the newest modules (学术会议,
// 青少年科技教育, 统计年报, 数据总览, 建言与诉求, 创新服务) that a
// role's navigation reaches in more than one step; items opens each and
// the first thing its table lists, and that thing's own sub-pages.
var tourModules = map[string][]string{
	"public": {"/conferences", "/youth", "/voice", "/voice/orgs", "/voice/track", "/innovation", "/innovation/orgs", "/innovation/needs"},
	"office": {"/dashboard", "/dashboard/compare",
		"/conference/admin", "/conference/admin/new", "/conference/admin/stats",
		"/youth/admin", "/youth/admin/programmes", "/youth/admin/programmes/new", "/youth/admin/pairs", "/youth/admin/teachers",
		"/youth/admin/teachers/new", "/youth/admin/stats",
		"/stats", "/stats/progress", "/stats/summary",
		"/voice/admin", "/voice/admin/stats",
		"/innovation/admin", "/innovation/admin/new", "/innovation/admin/stats", "/innovation/admin/stations", "/innovation/admin/stations/new"},
	"member": {"/conferences", "/conference/mine", "/youth", "/youth/mine", "/voice", "/voice/mine", "/innovation/needs"},
}

// tourSub are the sub-pages of an item the tour opens beside it.
var tourSub = map[string][]string{
	"/conference/admin/":       {"/papers", "/regs", "/edit"},
	"/youth/admin/programmes/": {"/edit"},
	"/youth/programmes/":       {"/apply"},
}

// items opens each of lists (signed in as c's user), the first item its
// main table links to, and that item's sub-pages.
func (tr *tour) items(role string, c *client, lists []string) {
	if c == nil {
		c = tr.ta.client(tr.t)
	}
	seen := map[string]bool{}
	for _, p := range lists {
		first, _ := tr.visit(role, c, p, false)
		for _, l := range first {
			if seen[l] {
				continue
			}
			seen[l] = true
			tr.visit(role, c, l, false)
			for prefix, subs := range tourSub {
				if rest, ok := strings.CutPrefix(l, prefix); ok && rest != "" && !strings.ContainsAny(rest, "/?") {
					for _, sub := range subs {
						tr.visit(role, c, l+sub, false)
					}
				}
			}
		}
	}
}

var tourSlug = regexp.MustCompile(`[^a-z0-9]+`)

// visit checks one page and returns the navigation's links (from start
// pages) and the first link of its main table.
func (tr *tour) visit(role string, c *client, path string, isStart bool) (nav, first []string) {
	t := tr.t
	res, _ := c.get(path)
	// A verification page answers 404 for an unknown code, on purpose.
	if res.StatusCode >= 400 && !(res.StatusCode == http.StatusNotFound && strings.Contains(path, "NOSUCH")) {
		tr.fail(role, path, fmt.Sprintf("HTTP %d", res.StatusCode))
		return nil, nil
	}
	base := tr.ta.srv.URL
	if err := chromedp.Do(tr.ctx, chromedp.Navigate(base+path), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		if strings.Contains(err.Error(), "ERR_ABORTED") {
			return nil, nil // a download (an evidence file), not a page
		}
		tr.fail(role, path, err.Error())
		return nil, nil
	}
	slug := strings.Trim(tourSlug.ReplaceAllString(strings.ToLower(path), "-"), "-")
	if slug == "" {
		slug = "home"
	}
	for _, size := range []struct {
		name string
		w, h int64
	}{{"desktop", 1280, 900}, {"phone", 390, 844}} {
		// Charts follow the window's resize event, as on a phone turned.
		err := chromedp.Do(tr.ctx, chromedp.EmulateViewport(size.w, size.h), chromedp.Sleep(100*time.Millisecond))
		if err == nil {
			_, err = chromedp.Run(tr.ctx, chromedp.Evaluate[bool](`window.dispatchEvent(new Event('resize'))`))
			time.Sleep(150 * time.Millisecond)
		}
		text, err1 := chromedp.Run(tr.ctx, chromedp.Evaluate[string](`document.body.innerText`))
		wide, err2 := chromedp.Run(tr.ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
		culprit, err3 := chromedp.Run(tr.ctx, chromedp.Evaluate[string](tourCulprit))
		if err == nil {
			err = errors.Join(err1, err2, err3)
		}
		if err != nil {
			tr.fail(role, path, err.Error())
			return nil, nil
		}
		if m := tr.keys.FindStringSubmatch(text); m != nil {
			tr.fail(role, path, fmt.Sprintf("raw message key %q at %s", m[1], size.name))
		}
		if size.name == "desktop" {
			if odd, err := chromedp.Run(tr.ctx, chromedp.Evaluate[string](tourFilterLabels)); err != nil {
				tr.fail(role, path, err.Error())
			} else if odd != "" {
				tr.fail(role, path, "a filter's labels differ in size: "+odd)
			}
		}
		if wide && size.name == "phone" {
			tr.fail(role, path, "wider than a phone: "+culprit)
		}
		// A hint cut short is as bad at a desktop's width as at a phone's.
		if cut, err := chromedp.Run(tr.ctx, chromedp.Evaluate[string](webtest.CutPlaceholders)); err != nil || cut != "" {
			tr.fail(role, path, fmt.Sprint("a placeholder cut at ", size.w, " px: ", cut, err))
		}
		if tr.shots != "" {
			shot := chromedp.FullScreenshot(100)
			if os.Getenv("KEXIE_TOUR_TOP") != "" { // the first screen only, to read it at full size
				shot = chromedp.CaptureScreenshot()
			}
			if png, err := chromedp.Run(tr.ctx, shot); err == nil {
				_ = os.WriteFile(filepath.Join(tr.shots, fmt.Sprintf("tour-%s-%s-%s.png", role, slug, size.name)), png, 0o644)
			}
		}
	}
	_ = chromedp.Do(tr.ctx, chromedp.EmulateViewport(1280, 900))
	sel := `[...document.querySelectorAll('main table tbody a[href^="/"], main .cards a[href^="/"]')].slice(0,1).map(a=>a.getAttribute('href'))`
	if isStart {
		sel = `[...document.querySelectorAll('aside.sidenav a[href^="/"], header a[href^="/"], nav a[href^="/"]')].map(a=>a.getAttribute('href')).concat(` + sel + `)`
	}
	links, err := chromedp.Run(tr.ctx, chromedp.Evaluate[[]string](sel))
	if err != nil {
		t.Logf("%s %s: links: %v", role, path, err)
	}
	for _, l := range links {
		if strings.HasPrefix(l, "/logout") || strings.HasPrefix(l, "/static/") || strings.Contains(l, "export") ||
			strings.HasSuffix(l, ".xlsx") || strings.HasSuffix(l, ".pdf") || strings.HasSuffix(l, ".atom") || strings.HasSuffix(l, ".csv") ||
			strings.Contains(l, "lang=") || strings.Contains(l, "/share/") {
			continue
		}
		nav = append(nav, l)
	}
	return nav, nil
}

// tourCulprit names the widest element that sticks out of the page.
const tourCulprit = `(() => { const w = document.documentElement.clientWidth; let worst = null, right = w;
for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect();
 if (r.right > right + 1 && getComputedStyle(el).position !== 'fixed') { let p = el.parentElement, clipped = false;
  while (p) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') { clipped = true; break } p = p.parentElement }
  if (!clipped) { worst = el; right = r.right } } }
 if (!worst) return ''; return worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '') + (worst.className && typeof worst.className === 'string' ? '.' + worst.className.trim().split(/\s+/).join('.') : '') + ' right=' + Math.round(right) + ' "' + (worst.innerText || '').slice(0, 40) + '"' })()`

// tourFilterLabels names the filter forms whose fields' labels are not all
// of one size (an org picker's .field beside plain labels read larger).
const tourFilterLabels = `[...document.querySelectorAll('form.filters')].filter(f => new Set([...f.children]
 .filter(c => c.matches('label:not(.inline), .field')).map(c => getComputedStyle(c).fontSize)).size > 1)
 .map(f => f.getAttribute('action') || location.pathname).join(' ')`

// expect opens path in the browser (signed in as the last walk left it)
// and checks its text at both widths holds every want and no not.
func (tr *tour) expect(role, path string, want, not []string) {
	for _, w := range []int64{1280, 390} {
		err := chromedp.Do(tr.ctx, chromedp.EmulateViewport(w, 844), chromedp.Navigate(tr.ta.srv.URL+path), chromedp.WaitReady(chromedp.CSS("body")))
		text := ""
		if err == nil {
			text, err = chromedp.Run(tr.ctx, chromedp.Evaluate[string](`document.querySelector('main').innerText`))
		}
		if err != nil {
			tr.fail(role, path, err.Error())
			return
		}
		for _, s := range want {
			if !strings.Contains(text, s) {
				tr.fail(role, path, fmt.Sprintf("at %d px lacks %q", w, s))
			}
		}
		for _, s := range not {
			if strings.Contains(text, s) {
				tr.fail(role, path, fmt.Sprintf("at %d px shows %q", w, s))
			}
		}
	}
	_ = chromedp.Do(tr.ctx, chromedp.EmulateViewport(1280, 900))
}

func (tr *tour) fail(role, path, why string) {
	tr.t.Helper()
	tr.failures++
	tr.t.Errorf("%s %s: %s", role, path, why)
}

var _ org.Org

// menu opens the ☰ menu on a phone: every link of the navigation is
// within the screen's width and reachable (the menu scrolls).
func (tr *tour) menu(role string) {
	base := tr.ta.srv.URL
	err := chromedp.Do(tr.ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(".navbtn")),
		chromedp.Click(chromedp.CSS(".navbtn")), chromedp.Sleep(400*time.Millisecond))
	if err != nil {
		tr.fail(role, "☰", err.Error())
		return
	}
	bad, err := chromedp.Run(tr.ctx, chromedp.Evaluate[string](`(() => { const nav = document.querySelector('aside.sidenav'); const r = nav.getBoundingClientRect();
 if (r.left < 0 || r.right > document.documentElement.clientWidth) return 'menu not on screen: ' + r.left + '..' + r.right;
 for (const a of nav.querySelectorAll('a')) { const b = a.getBoundingClientRect(); if (b.right > r.right + 1 || a.scrollWidth > a.clientWidth + 1) return 'cut off: ' + a.innerText }
 if (nav.scrollHeight > nav.clientHeight && !['auto', 'scroll'].includes(getComputedStyle(nav).overflowY)) return 'menu taller than the screen and not scrolling';
 return '' })()`))
	if err != nil || bad != "" {
		tr.fail(role, "☰", fmt.Sprint(bad, err))
	}
	if tr.shots != "" {
		if png, err := chromedp.Run(tr.ctx, chromedp.CaptureScreenshot()); err == nil {
			_ = os.WriteFile(filepath.Join(tr.shots, "tour-"+role+"-menu-phone.png"), png, 0o644)
		}
	}
	_ = chromedp.Do(tr.ctx, chromedp.EmulateViewport(1280, 900))
}
