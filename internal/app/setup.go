package app

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strings"
	"sync"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
	"kexie/internal/web"
)

//go:embed templates locales
var setupFiles embed.FS

// NeedsSetup reports whether the database has no root org yet: a fresh
// install, which `kexie serve` sets up from its flags or the setup page.
func (a *App) NeedsSetup(ctx context.Context) (bool, error) {
	_, err := a.Orgs.Root(ctx)
	if errors.Is(err, db.ErrNotFound) {
		return true, nil
	}
	return false, err
}

// rootType is the type of a root org for its region: a province's 科协,
// a city's or a county's.
func rootType(region string) org.Type {
	switch {
	case strings.HasSuffix(region, "0000"):
		return org.TypeProvince
	case strings.HasSuffix(region, "00"):
		return org.TypeCity
	}
	return org.TypeCounty
}

// SetupRoot makes a fresh database usable: the root org, named name for
// the GB/T 2260 region (its type follows: province, city or county), with
// a readable code (510000-KX), and the first administrator. It returns the
// administrator's name and one-time password. Bad input is a valid.Errors
// on the fields name and region.
func (a *App) SetupRoot(ctx context.Context, name, region string) (user, password string, err error) {
	name, region = strings.TrimSpace(name), strings.TrimSpace(region)
	var errs valid.Errors
	if name == "" {
		errs.Add("name", "setup.err.name")
	}
	if !std.Regions().ValidCode(region) {
		errs.Add("region", "setup.err.region")
	}
	if err := errs.Err(); err != nil {
		return "", "", err
	}
	ctx = audit.WithMeta(ctx, audit.Meta{ActorName: "setup"})
	root, err := a.Orgs.Create(ctx, org.Input{Name: name, RegionCode: region, Type: rootType(region)})
	if _, invalid := valid.As(err); invalid {
		// Another node, started at the same moment, made the root first.
		if made, rerr := a.Orgs.Root(ctx); rerr == nil {
			root, err = made, nil
		}
	}
	if err != nil {
		return "", "", fmt.Errorf("app: root org: %w", err)
	}
	user, password, _, err = a.Auth.EnsureAdmin(ctx, root.ID)
	if err != nil {
		return "", "", fmt.Errorf("app: first administrator: %w", err)
	}
	return user, password, nil
}

// setupState is the first-run setup of this node: the token printed on
// its console, which the setup page asks for so that nobody else who
// reaches the server first can claim it.
type setupState struct {
	mu    sync.Mutex
	token string
}

// OpenSetup starts first-run setup on this node and returns the token the
// setup page wants (its address with the token is printed by serve).
func (a *App) OpenSetup() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	a.setup.mu.Lock()
	defer a.setup.mu.Unlock()
	a.setup.token = hex.EncodeToString(b)
	return a.setup.token
}

func (a *App) setupToken(given string) bool {
	a.setup.mu.Lock()
	defer a.setup.mu.Unlock()
	return a.setup.token != "" && subtle.ConstantTimeCompare([]byte(a.setup.token), []byte(strings.TrimSpace(given))) == 1
}

// SetupPage is the data of the first-run setup page.
type SetupPage struct {
	Form           *web.Form
	User, Password string // after setup: the first administrator
}

// setupModule serves the first-run setup page, GET/POST /setup: only while
// no root org exists, and only with the token this node printed.
func setupModule(a *App) web.Module {
	tpl, _ := fs.Sub(setupFiles, "templates")
	loc, _ := fs.Sub(setupFiles, "locales")
	return web.Module{
		Name:      "setup",
		Templates: tpl,
		Locales:   loc,
		Routes: func(s *web.Site) {
			s.Handle("GET /setup", access.Public(), func(w http.ResponseWriter, r *http.Request) error {
				if need, err := a.NeedsSetup(r.Context()); err != nil || !need {
					if err != nil {
						return err
					}
					return web.ErrNotFound
				}
				f := web.NewForm()
				f.Values.Set("token", r.URL.Query().Get("token"))
				return s.Render(w, r, "setup/setup.html", "setup.title", SetupPage{Form: f})
			})
			s.Handle("POST /setup", access.Public(), func(w http.ResponseWriter, r *http.Request) error {
				ctx := r.Context()
				if need, err := a.NeedsSetup(ctx); err != nil || !need {
					if err != nil {
						return err
					}
					return web.ErrNotFound
				}
				f, err := web.ParseForm(w, r, 16<<10)
				if err != nil {
					return err
				}
				if !a.setupToken(f.Get("token")) {
					f.Errors["token"] = s.T(r)("setup.err.token")
					return s.RenderStatus(w, r, http.StatusForbidden, "setup/setup.html", "setup.title", SetupPage{Form: f})
				}
				user, password, err := a.SetupRoot(ctx, f.Get("name"), f.Get("region"))
				if err != nil {
					if !f.Fail(s.T(r), err) {
						return err
					}
					return s.RenderStatus(w, r, http.StatusUnprocessableEntity, "setup/setup.html", "setup.title", SetupPage{Form: f})
				}
				a.Log.Info("first-run setup done", "root", f.Get("name"), "region", f.Get("region"), "admin", user)
				web.KeepOnce(r) // done, answered with the password shown once: not again
				return s.Render(w, r, "setup/setup.html", "setup.title", SetupPage{Form: f, User: user, Password: password})
			})
		},
	}
}
