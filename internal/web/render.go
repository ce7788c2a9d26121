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
	"date":    Date,
	"empty":   emptyList,
	"add":     func(a, b int) int { return a + b },
	"sub":     func(a, b int) int { return a - b },
	"join":    strings.Join,
	"itoa":    func(v int64) string { return strconv.FormatInt(v, 10) },
	"grouped": func(v any) string { return Grouped(fmt.Sprint(v)) },
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
	if !localPath(target) {
		target = "/"
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
	return nil
}

// localPath reports whether target is a path on this site as a browser
// reads it: a browser drops tabs and line breaks inside a URL and reads a
// backslash as a slash, so "/\t/evil.com" and "/\\evil.com" lead off the
// site; any of them, or another control character, is refused.
func localPath(target string) bool {
	if !strings.HasPrefix(target, "/") || strings.HasPrefix(target, "//") || strings.Contains(target, "\\") {
		return false
	}
	return strings.IndexFunc(target, func(r rune) bool { return r < 0x20 || r == 0x7f }) < 0
}

// SafeNext returns next when it is a local path, else fallback. The path
// is judged as it reads once decoded (%5C is a backslash, %09 a tab) and
// given back escaped.
func SafeNext(next, fallback string) string {
	u, err := url.Parse(next)
	if next == "" || err != nil || u.IsAbs() || u.Host != "" || u.User != nil || !localPath(next) {
		return fallback
	}
	p := path.Clean(u.Path)
	if !localPath(p) {
		return fallback
	}
	out := (&url.URL{Path: p, RawQuery: u.RawQuery}).String()
	if !localPath(out) {
		return fallback
	}
	return out
}

// Grouped writes a decimal number with its integer digits in groups of
// three (4020000.00 → 4,020,000.00), as figures people compare are printed.
// Anything that is not a plain decimal comes back as it was.
func Grouped(s string) string {
	sign, rest := "", s
	if strings.HasPrefix(rest, "-") {
		sign, rest = "-", rest[1:]
	}
	whole, frac, _ := strings.Cut(rest, ".")
	if whole == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return s
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if strings.Contains(rest, ".") {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}
