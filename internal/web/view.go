package web

import (
	"context"
	"html"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"kexie/internal/access"
)

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
// one whose address is the longest prefix of the page's path. Which links
// a viewer may follow depends only on the language and on the roles the
// viewer holds (a nav item asks whether the action is allowed anywhere), so
// the sections are worked out once per language and set of roles and kept;
// each page only marks its active link, on a copy.
func (s *Site) navFor(r *http.Request, v *View) []NavSection {
	sub := v.User()
	roles := make([]string, 0, 4)
	if sub != nil {
		for _, g := range sub.Grants {
			if !slices.Contains(roles, string(g.Role)) {
				roles = append(roles, string(g.Role))
			}
		}
	}
	slices.Sort(roles)
	key := v.Lang + "|" + strings.Join(roles, ",")
	if sub == nil {
		key = v.Lang + "|-"
	}
	var secs []NavSection
	if c, ok := s.navs.Load(key); ok {
		secs = c.([]NavSection)
	} else {
		secs = s.navSections(r, v)
		s.navs.Store(key, secs)
	}
	best, bestLen := [2]int{-1, -1}, 0
	for n, sec := range secs {
		for i, it := range sec.Items {
			if navMatch(r.URL.Path, it.Href) && len(it.Href) > bestLen {
				best, bestLen = [2]int{n, i}, len(it.Href)
			}
		}
	}
	if best[0] < 0 {
		return secs
	}
	out := slices.Clone(secs)
	out[best[0]].Items = slices.Clone(out[best[0]].Items)
	out[best[0]].Items[best[1]].Active = true
	return out
}

// navSections works out the links a viewer of v's language and roles may
// follow, grouped under their headings.
func (s *Site) navSections(r *http.Request, v *View) []NavSection {
	var out []NavSection
	sub := v.User()
	// Modules interleave their links by Order; each heading is shown once,
	// holding every link of its group, where the group first appears.
	at := map[string]int{}
	for _, it := range s.nav {
		if it.Action != "" && !s.Policy.Can(r.Context(), sub, it.Action, access.Resource{}) {
			continue
		}
		link := NavLink{Label: v.T(it.Label), Href: it.Href}
		label := v.T(it.Section)
		n, ok := at[label]
		if !ok {
			n = len(out)
			at[label] = n
			out = append(out, NavSection{Label: label})
		}
		out[n].Items = append(out[n].Items, link)
	}
	return out
}

func navMatch(path, href string) bool {
	href, _, _ = strings.Cut(href, "?")
	return path == href || href != "/" && strings.HasPrefix(path, strings.TrimSuffix(href, "/")+"/")
}

// NavHTML is the side navigation's markup, written here rather than by the
// template: the layout shows some forty links on every page, and writing
// them with html/template's reflection cost more than the rest of the
// layout together. Every label and address is escaped.
func (v *View) NavHTML() template.HTML {
	var b strings.Builder
	b.Grow(64 * 40)
	for _, sec := range v.Nav {
		b.WriteString(`<div class="navsec"><h2>`)
		b.WriteString(html.EscapeString(sec.Label))
		b.WriteString(`</h2><ul>`)
		for _, it := range sec.Items {
			b.WriteString(`<li><a href="`)
			b.WriteString(html.EscapeString(it.Href))
			b.WriteString(`"`)
			if it.Active {
				b.WriteString(` class="active" aria-current="page"`)
			}
			b.WriteString(`>`)
			b.WriteString(html.EscapeString(it.Label))
			b.WriteString(`</a></li>`)
		}
		b.WriteString(`</ul></div>`)
	}
	return template.HTML(b.String())
}
