package web

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
	"time"

	"kexie/internal/access"
)

//go:embed templates locales static
var embedded embed.FS

func templatesFS() fs.FS { sub, _ := fs.Sub(embedded, "templates"); return sub }
func localesFS() fs.FS   { sub, _ := fs.Sub(embedded, "locales"); return sub }

func contextWith(r *http.Request, k, v any) context.Context {
	return context.WithValue(r.Context(), k, v)
}

// Shanghai is the zone times are shown in.
var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()

// templates holds one parsed set per language and page: the layout and
// partials of package web, the partials of the page's module (the files of
// a "partials" folder beside its pages), plus the page file, which defines
// "content" (and may define "head" or "scripts"). Each language has its own
// sets because translations without arguments ({{.T "key"}}) are folded
// into the set as constants at parse time (see foldTranslations).
type templates struct {
	pages map[string]map[string]*template.Template // language → page → set
}

// page returns the set of page for lang (the default language's when lang
// is unknown).
func (t *templates) page(lang, page string) (*template.Template, bool) {
	byPage, ok := t.pages[lang]
	if !ok {
		byPage = t.pages[languages[0]]
	}
	set, ok := byPage[page]
	return set, ok
}

// Date formats t as a day in the zone times are shown in ("" for a zero time).
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(shanghai).Format("2006-01-02")
}

var funcs = template.FuncMap{
	"datetime": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(shanghai).Format("2006-01-02 15:04")
	},
	"date":  Date,
	"empty": emptyList,
	"add":   func(a, b int) int { return a + b },
	"sub":   func(a, b int) int { return a - b },
	"join":  strings.Join,
	"itoa":  func(v int64) string { return strconv.FormatInt(v, 10) },
	"num": func(f *float64) string {
		if f == nil {
			return ""
		}
		return strconv.FormatFloat(*f, 'f', -1, 64)
	},
}

// parseTemplates parses every page once per language; with a catalog,
// argument-free translations are folded into constants.
func parseTemplates(sources []fs.FS, cat *Catalogs) (*templates, error) {
	t := &templates{pages: map[string]map[string]*template.Template{}}
	for _, lang := range languages {
		pages, err := parseLanguage(sources, func(n parse.Node) {
			if cat != nil {
				foldTranslations(n, func(key string) string { return cat.T(lang, key) })
			}
		})
		if err != nil {
			return nil, err
		}
		t.pages[lang] = pages
	}
	return t, nil
}

func parseLanguage(sources []fs.FS, fold func(parse.Node)) (map[string]*template.Template, error) {
	base := template.New("").Funcs(funcs)
	var err error
	base, err = base.ParseFS(sources[0], "layout.html", "partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	pages := map[string]*template.Template{}
	// A module's partials are the files in a "partials" folder among its
	// pages (go:embed leaves out names starting with "_").
	partial := func(p string) bool { return path.Base(path.Dir(p)) == "partials" }
	add := func(src fs.FS, prefix string) error {
		var partials []string // the module's partials, parsed into each of its pages
		err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") && partial(p) && prefix != "web/" {
				b, err := fs.ReadFile(src, p)
				if err != nil {
					return err
				}
				partials = append(partials, string(b))
			}
			return err
		})
		if err != nil {
			return err
		}
		return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") || partial(p) {
				return err
			}
			if prefix == "web/" && (p == "layout.html" || strings.HasPrefix(p, "partials/")) {
				return nil
			}
			b, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			name := prefix + p
			if _, dup := pages[name]; dup {
				return fmt.Errorf("web: template %s defined twice", name)
			}
			set, err := base.Clone()
			if err != nil {
				return err
			}
			for i, text := range partials {
				if _, err := set.New(fmt.Sprintf("%spartial-%d", prefix, i)).Parse(text); err != nil {
					return fmt.Errorf("web: parse the partials of %s: %w", name, err)
				}
			}
			if _, err := set.New(name).Parse(string(b)); err != nil {
				return fmt.Errorf("web: parse %s: %w", name, err)
			}
			for _, tt := range set.Templates() {
				if tt.Tree != nil {
					fold(tt.Tree.Root)
				}
			}
			pages[name] = set
			return nil
		})
	}
	if err := add(sources[0], "web/"); err != nil {
		return nil, err
	}
	for _, src := range sources[1:] {
		if err := add(src, ""); err != nil {
			return nil, err
		}
	}
	return pages, nil
}

// PageNames lists every parsed page, for the test that renders them all.
func (s *Site) PageNames() []string {
	var out []string
	for k := range s.tmpl.pages[languages[0]] {
		out = append(out, k)
	}
	return out
}

// View is what every template receives: the layout's needs plus Data, the
// page's own typed struct.
type View struct {
	Lang       string
	Title      string
	Identity   *Identity
	Nav        []NavSection
	Flashes    []Flash
	CSRFToken  string
	Path       string
	RequestID  string
	Orgs       []access.Grant // distinct orgs of the user's grants, for the switcher
	CurrentOrg int64
	Data       any

	site *Site
	req  *http.Request
}

// NavSection is a heading with its links.
type NavSection struct {
	Label string
	Items []NavLink
}

// NavLink is one navigation link, marked Active on its own pages.
type NavLink struct {
	Label  string
	Href   string
	Active bool
}

// T translates key into the page's language.
func (v *View) T(key string, args ...any) string { return v.site.Catalogs.T(v.Lang, key, args...) }

// TN translates a counted message.
func (v *View) TN(key string, n int, args ...any) string {
	return v.site.Catalogs.TN(v.Lang, key, n, args...)
}

// User returns the signed-in subject or nil.
func (v *View) User() *access.Subject {
	if v.Identity == nil {
		return nil
	}
	return v.Identity.Subject
}

// SignedIn reports whether a fully signed-in user views the page.
func (v *View) SignedIn() bool {
	return v.Identity != nil && v.Identity.Subject != nil && !v.Identity.MFAPending && !v.Identity.MustEnroll2FA &&
		!v.Identity.MustChangePassword
}

// Can reports whether the viewer may do action somewhere (for showing buttons;
// the route rule still decides).
func (v *View) Can(action string) bool {
	return v.site.Policy.Can(context.Background(), v.User(), access.Action(action), access.Resource{})
}

// CanAt reports whether the viewer may do action on the org at orgPath.
func (v *View) CanAt(action, orgPath string) bool {
	return v.site.Policy.Can(context.Background(), v.User(), access.Action(action), access.Resource{OrgPath: orgPath})
}

// NewView prepares the layout data for r; the handler sets Data.
func (s *Site) NewView(w http.ResponseWriter, r *http.Request, titleKey string) *View {
	id := IdentityFrom(r.Context())
	pref := ""
	if id != nil {
		pref = id.Locale
	}
	v := &View{
		Lang:      NegotiateLanguage(r, pref),
		Identity:  id,
		CSRFToken: s.csrfToken(r),
		Path:      r.URL.Path,
		RequestID: RequestID(r.Context()),
		site:      s,
		req:       r,
	}
	v.Title = v.T(titleKey)
	// "?lang=en" is a choice like the switch: it holds for the next pages too.
	if l := matchLang(r.URL.Query().Get("lang")); l != "" {
		http.SetCookie(w, &http.Cookie{Name: "kexie_lang", Value: l, Path: "/", MaxAge: 365 * 24 * 3600,
			HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteLaxMode})
	}
	v.Flashes = takeFlashes(w, r)
	if v.SignedIn() {
		v.Nav = s.navFor(r, v)
		seen := map[int64]bool{}
		for _, g := range id.Subject.Grants {
			if !seen[g.OrgID] {
				seen[g.OrgID] = true
				v.Orgs = append(v.Orgs, g)
			}
		}
		v.CurrentOrg = id.CurrentOrgID
	}
	return v
}

// navFor lists the links the viewer may follow. Exactly one is Active: the
// one whose href is the longest prefix of the path ("/plans/tasks" wins
// over "/plans" on /plans/tasks/3).
func (s *Site) navFor(r *http.Request, v *View) []NavSection {
	var out []NavSection
	sub := v.User()
	best, bestLen := [2]int{-1, -1}, 0
	for _, it := range s.nav {
		if it.Action != "" && !s.Policy.Can(r.Context(), sub, it.Action, access.Resource{}) {
			continue
		}
		link := NavLink{Label: v.T(it.Label), Href: it.Href}
		label := v.T(it.Section)
		if n := len(out); n > 0 && out[n-1].Label == label {
			out[n-1].Items = append(out[n-1].Items, link)
		} else {
			out = append(out, NavSection{Label: label, Items: []NavLink{link}})
		}
		if navMatch(r.URL.Path, it.Href) && len(it.Href) > bestLen {
			n := len(out) - 1
			best, bestLen = [2]int{n, len(out[n].Items) - 1}, len(it.Href)
		}
	}
	if best[0] >= 0 {
		out[best[0]].Items[best[1]].Active = true
	}
	return out
}

// navMatch reports whether a nav link to href covers path: the page itself
// or one below it.
func navMatch(path, href string) bool {
	href, _, _ = strings.Cut(href, "?")
	return path == href || href != "/" && strings.HasPrefix(path, strings.TrimSuffix(href, "/")+"/")
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Render executes page with data into w with status 200.
func (s *Site) Render(w http.ResponseWriter, r *http.Request, page, titleKey string, data any) error {
	return s.RenderStatus(w, r, http.StatusOK, page, titleKey, data)
}

// RenderStatus is Render with a status (422 for a form with errors).
func (s *Site) RenderStatus(w http.ResponseWriter, r *http.Request, status int, page, titleKey string, data any) error {
	v := s.NewView(w, r, titleKey)
	v.Data = data
	return s.renderView(w, status, page, v)
}

func (s *Site) renderView(w http.ResponseWriter, status int, page string, v *View) error {
	t, ok := s.tmpl.page(v.Lang, page)
	if !ok {
		return fmt.Errorf("web: no template %q", page)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := t.ExecuteTemplate(buf, "layout", v); err != nil {
		return fmt.Errorf("web: render %s: %w", page, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	// The whole page is in hand: say its length, so it goes out in one
	// piece rather than chunked (the gzip writer drops this when it
	// compresses).
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	// A failed write means the client went away; there is no one to tell.
	_, _ = w.Write(buf.Bytes())
	return nil
}

// RenderPage renders page into a buffer without a request, for tests and
// benchmarks that compare against the real handler.
func (s *Site) RenderPage(buf *bytes.Buffer, page string, v *View) error {
	t, ok := s.tmpl.page(v.Lang, page)
	if !ok {
		return fmt.Errorf("web: no template %q", page)
	}
	if v.site == nil {
		v.site = s
	}
	return t.ExecuteTemplate(buf, "layout", v)
}

// Redirect answers a form post with 303 See Other to target (a local path).
func Redirect(w http.ResponseWriter, r *http.Request, target string) error {
	if !strings.HasPrefix(target, "/") || strings.HasPrefix(target, "//") || strings.HasPrefix(target, "/\\") {
		target = "/"
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
	return nil
}

// SafeNext returns next when it is a local path, else fallback.
func SafeNext(next, fallback string) string {
	u, err := url.Parse(next)
	if next == "" || err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		return fallback
	}
	return path.Clean(u.Path) + func() string {
		if u.RawQuery != "" {
			return "?" + u.RawQuery
		}
		return ""
	}()
}

// foldTranslations replaces every {{.T "key"}} and {{$.T "key"}} — a
// translation with a literal key and no arguments — by the constant
// translation tr(key), so rendering no longer calls View.T through
// reflection for each label. html/template still escapes the constant for
// its context when it escapes the set. Only View has a method T, so a T
// with a literal key is always a translation.
func foldTranslations(n parse.Node, tr func(key string) string) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			foldTranslations(c, tr)
		}
	case *parse.ActionNode:
		foldTranslations(n.Pipe, tr)
	case *parse.IfNode:
		foldBranch(&n.BranchNode, tr)
	case *parse.RangeNode:
		foldBranch(&n.BranchNode, tr)
	case *parse.WithNode:
		foldBranch(&n.BranchNode, tr)
	case *parse.TemplateNode:
		foldTranslations(n.Pipe, tr)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			foldTranslations(c, tr)
		}
	case *parse.ChainNode:
		foldTranslations(n.Node, tr)
	case *parse.CommandNode:
		if len(n.Args) == 2 && isTranslate(n.Args[0]) {
			if key, ok := n.Args[1].(*parse.StringNode); ok {
				text := tr(key.Text)
				key.Text, key.Quoted = text, strconv.Quote(text)
				n.Args = n.Args[1:]
				return
			}
		}
		for _, a := range n.Args {
			foldTranslations(a, tr)
		}
	}
}

func foldBranch(b *parse.BranchNode, tr func(string) string) {
	foldTranslations(b.Pipe, tr)
	foldTranslations(b.List, tr)
	foldTranslations(b.ElseList, tr)
}

// isTranslate reports whether n names View.T as .T or $.T.
func isTranslate(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.FieldNode:
		return len(n.Ident) == 1 && n.Ident[0] == "T"
	case *parse.VariableNode:
		return len(n.Ident) == 2 && n.Ident[0] == "$" && n.Ident[1] == "T"
	}
	return false
}
