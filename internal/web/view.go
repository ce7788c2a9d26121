package web

import (
	"context"
	"net/http"
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
// one whose href is the longest prefix of the path ("/plans/tasks" wins
// over "/plans" on /plans/tasks/3).
func (s *Site) navFor(r *http.Request, v *View) []NavSection {
	var out []NavSection
	sub := v.User()
	best, bestLen := [2]int{-1, -1}, 0
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
		if navMatch(r.URL.Path, it.Href) && len(it.Href) > bestLen {
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
