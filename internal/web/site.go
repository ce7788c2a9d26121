package web

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"

	"kexie/internal/access"
)

// HandlerFunc is a handler that returns an error; Site renders the error.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Route is one registered route and its access rule, kept so the
// authorization-matrix test can walk them all.
type Route struct {
	Method  string
	Pattern string // path pattern, as given to http.ServeMux
	Rule    access.Rule
	// Pending2FA allows the route while the second factor is pending or
	// being enrolled (the 2FA pages and logout).
	Pending2FA bool
	// PasswordChange allows the route while the user must change a
	// password someone else set (the change-password page and logout).
	PasswordChange bool
	// Repeatable claims no one-time form token: the form may be sent
	// again as it was (once.go).
	Repeatable bool
}

// RouteOption adjusts a route at registration.
type RouteOption func(*Route)

// AllowPending2FA lets a half-signed-in session (password given, second
// factor pending or 2FA enrolment required) reach the route.
func AllowPending2FA(r *Route) { r.Pending2FA = true }

// AllowPasswordChange lets a user who must change their password reach
// the route; every other non-public route redirects to /account/password.
func AllowPasswordChange(r *Route) { r.PasswordChange = true }

// NavItem is an entry of the main navigation; it is shown when the user may
// do Action somewhere (or to any signed-in user when Action is empty).
type NavItem struct {
	Section string // i18n key of the group heading
	Label   string // i18n key
	Href    string
	Action  access.Action
	Order   int
}

// Site holds what every handler needs to answer: the policy, the templates,
// the catalogs and the route table. Modules receive it at wiring time.
type Site struct {
	Policy   *access.Policy
	Auth     Authenticator
	Catalogs *Catalogs
	Log      *slog.Logger
	Metrics  *Metrics
	// SecureCookies marks cookies Secure (set when served over HTTPS).
	SecureCookies bool

	csrfKey []byte
	mux     *http.ServeMux
	routes  []Route
	errs    []error
	nav     []NavItem
	navs    sync.Map // language and roles → []NavSection without an active link (view.go)
	tmpl    *templates
	enrich  func(ctx context.Context, r *http.Request, id *Identity) context.Context
	bodies  map[string]int64 // a route's path as registered → largest file it accepts instead of MaxBody
	namers  map[string]Namer // object kind → its module's name resolver
	// orgLabel shows an org picker's chosen org (set by the org module).
	orgLabel OrgLabeler
	once     OnceStore // nil: forms carry no one-time token
}

// AllowUpload lets POSTs to path carry a file of up to max bytes (plus a
// megabyte for the form's other fields), instead of MaxBody. path is the
// route's path as registered, wildcards and all (/calls/{id}/apply): the
// size applies to the requests that route serves. Call it while registering
// routes, before serving.
func (s *Site) AllowUpload(path string, max int64) {
	if s.bodies == nil {
		s.bodies = map[string]int64{}
	}
	s.bodies[path] = max
}

// uploadMax is the largest file AllowUpload lets r carry: the size given for
// the path of the route that serves r, as the mux matches it.
func (s *Site) uploadMax(r *http.Request) (int64, bool) {
	_, pattern := s.mux.Handler(r)
	if _, path, ok := strings.Cut(pattern, " "); ok {
		pattern = path // "POST /calls/{id}/apply"
	}
	max, ok := s.bodies[pattern]
	return max, ok
}

// SiteConfig is what NewSite needs.
type SiteConfig struct {
	Policy        *access.Policy
	Auth          Authenticator
	Log           *slog.Logger
	Locales       []fs.FS // catalogs of the platform and every module
	Templates     []fs.FS // page templates of every module ("module/page.html")
	CSRFKey       []byte  // 32 bytes shared by all app nodes
	SecureCookies bool
	// Enrich, when set, may add values to every request's context once the
	// identity is known.
	Enrich func(ctx context.Context, r *http.Request, id *Identity) context.Context
	// Once, when set, makes each form's submission count once (once.go).
	Once OnceStore
}

// NewSite parses the templates and catalogs and returns a site with no routes.
func NewSite(cfg SiteConfig) (*Site, error) {
	cats, err := NewCatalogs(append([]fs.FS{localesFS()}, cfg.Locales...)...)
	if err != nil {
		return nil, err
	}
	if len(cfg.CSRFKey) < 32 {
		return nil, fmt.Errorf("web: CSRF key must be at least 32 bytes")
	}
	s := &Site{
		Policy:        cfg.Policy,
		Auth:          cfg.Auth,
		Catalogs:      cats,
		Log:           cfg.Log,
		Metrics:       NewMetrics(),
		SecureCookies: cfg.SecureCookies,
		csrfKey:       cfg.CSRFKey,
		enrich:        cfg.Enrich,
		once:          cfg.Once,
		mux:           http.NewServeMux(),
	}
	s.tmpl, err = parseTemplates(append([]fs.FS{templatesFS()}, cfg.Templates...), cats)
	if err != nil {
		return nil, err
	}
	s.mux.Handle("GET /static/", staticHandler())
	return s, nil
}

// Handle registers h for pattern ("METHOD /path/{id}") under rule. A rule
// that does not validate is recorded and reported by Err, so the app refuses
// to start rather than serve an unguarded route.
func (s *Site) Handle(pattern string, rule access.Rule, h HandlerFunc, opts ...RouteOption) {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		s.errs = append(s.errs, fmt.Errorf("web: route %q: pattern needs a method", pattern))
		return
	}
	rt := Route{Method: method, Pattern: path, Rule: rule}
	for _, o := range opts {
		o(&rt)
	}
	if err := rule.Validate(s.Policy); err != nil {
		s.errs = append(s.errs, fmt.Errorf("web: route %s: %w", pattern, err))
	}
	s.routes = append(s.routes, rt)
	s.mux.Handle(pattern, s.guard(rt, h))
}

// HandleRaw registers a plain http.Handler (health checks, metrics) under rule.
func (s *Site) HandleRaw(pattern string, rule access.Rule, h http.Handler) {
	s.Handle(pattern, rule, func(w http.ResponseWriter, r *http.Request) error {
		h.ServeHTTP(w, r)
		return nil
	})
}

// AddNav adds navigation entries.
func (s *Site) AddNav(items ...NavItem) {
	s.nav = append(s.nav, items...)
	sort.SliceStable(s.nav, func(i, j int) bool { return s.nav[i].Order < s.nav[j].Order })
}

// Routes returns every registered route, for tests and documentation.
func (s *Site) Routes() []Route { return append([]Route(nil), s.routes...) }

// Err reports the first invalid registration.
func (s *Site) Err() error {
	if len(s.errs) > 0 {
		return s.errs[0]
	}
	return nil
}

// guard wraps h with the route's access rule and the error adapter.
func (s *Site) guard(rt Route, h HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := rt.Rule.Validate(s.Policy); err != nil {
			w.Header().Set("X-Access", "denied")
			s.Fail(w, r, ErrForbidden)
			return
		}
		deny := func(err error) {
			// The header tells operators (and the route-matrix test) that the
			// access rule, not the handler, refused the request. A record the
			// rule's resolver does not find is marked too, so the header does
			// not tell it from one outside the caller's subtrees.
			w.Header().Set("X-Access", "denied")
			s.Fail(w, r, err)
		}
		id := IdentityFrom(r.Context())
		if id != nil && rt.Rule.Kind != access.PublicRule {
			// Finish signing in first: the second factor, then a password
			// someone else set, then 2FA enrolment.
			to := ""
			switch {
			case id.MFAPending && !rt.Pending2FA:
				to = "/login/2fa"
			case id.MustChangePassword && !id.MFAPending && !rt.PasswordChange:
				to = "/account/password"
			case id.MustEnroll2FA && !id.MustChangePassword && !rt.Pending2FA:
				to = "/account/2fa"
			}
			if to != "" {
				w.Header().Set("X-Access", "denied")
				http.Redirect(w, r, to, http.StatusSeeOther)
				return
			}
		}
		switch rt.Rule.Kind {
		case access.SignedInRule, access.PermissionRule:
			if id == nil || id.Subject == nil {
				if r.Method == http.MethodGet {
					w.Header().Set("X-Access", "denied")
					http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
					return
				}
				deny(&Error{Status: http.StatusUnauthorized, Key: "error.signin"})
				return
			}
		}
		if rt.Rule.Kind == access.PermissionRule {
			// Whoever holds the action nowhere is refused before anything is
			// looked up, so the answer is the same for a record that exists
			// and one that does not.
			if !s.Policy.Can(r.Context(), id.Subject, rt.Rule.Action, access.Resource{}) {
				deny(ErrForbidden)
				return
			}
			if rt.Rule.Resource != nil {
				res, err := rt.Rule.Resource(r)
				if err != nil {
					if classify(err).Status == http.StatusNotFound {
						deny(err) // marked like the out-of-scope answer below
					} else {
						s.Fail(w, r, err)
					}
					return
				}
				// A record outside the caller's subtrees is one that does
				// not exist: a 403 would confirm that the ID is taken.
				if !s.Policy.Can(r.Context(), id.Subject, rt.Rule.Action, res) {
					deny(ErrNotFound)
					return
				}
			}
		}
		// The form's one-time token is used up only here, by a request
		// its handler answers (once.go).
		if !rt.Repeatable && !s.claimOnce(w, r) {
			return
		}
		if err := h(w, r); err != nil {
			s.Fail(w, r, err)
		}
	})
}

// Fail renders err: a user-facing *Error with its status and message,
// anything else logged with the request id and shown as a generic error.
func (s *Site) Fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		return // the client went away; nobody is left to answer
	}
	e := classify(err)
	if e.Status >= 500 {
		s.Log.Error("request failed", "err", err, "method", r.Method, "path", r.URL.Path, "request_id", RequestID(r.Context()))
	}
	if strings.HasPrefix(r.URL.Path, "/api/") || strings.Contains(r.Header.Get("Accept"), "application/json") && !strings.Contains(r.Header.Get("Accept"), "text/html") {
		lang := NegotiateLanguage(r, "")
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(e.Status)
		fmt.Fprintf(w, `{"error":{"code":%q,"message":%q}}`, e.Key, s.Catalogs.T(lang, e.Key, e.Args...))
		return
	}
	v := s.NewView(w, r, "error.title")
	page := errorPage{Status: e.Status, Message: v.T(e.Key, e.Args...), RequestID: RequestID(r.Context())}
	if e == ErrResubmitted {
		page.Back = BackTo(r)
	}
	v.Data = page
	if err := s.renderView(w, e.Status, "web/error.html", v); err != nil {
		s.Log.Error("render error page", "err", err)
	}
}

type errorPage struct {
	Status    int
	Message   string
	RequestID string
	Back      string // the page a form sent twice came from (BackTo); "" or "/" shows the home page's link only
}

// ServeHTTP serves the registered routes (wrap it with Middleware).
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h, pattern := s.mux.Handler(r)
	if pattern == "" {
		// Unknown path or method: the mux answers 404 or 405; render our
		// own page for a 404.
		probe := &notFoundProbe{ResponseWriter: w}
		h.ServeHTTP(probe, r)
		if probe.notFound {
			s.Fail(w, r, ErrNotFound)
		}
		return
	}
	s.mux.ServeHTTP(w, r)
}

// notFoundProbe swallows the mux's plain-text 404 so Site can render its own.
type notFoundProbe struct {
	http.ResponseWriter
	notFound bool
}

func (p *notFoundProbe) WriteHeader(code int) {
	if code == http.StatusNotFound {
		p.notFound = true
		return
	}
	p.ResponseWriter.WriteHeader(code)
}

func (p *notFoundProbe) Write(b []byte) (int, error) {
	if p.notFound {
		return len(b), nil
	}
	return p.ResponseWriter.Write(b)
}

// Scope returns the scope in which the signed-in user may do action, for a
// store's list query: nothing when nobody is signed in or the user holds no
// grant carrying action, Everywhere for a system administrator.
func (s *Site) Scope(r *http.Request, action access.Action) access.Scope {
	return s.Policy.Scope(SubjectFrom(r.Context()), action)
}
