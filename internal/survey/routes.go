package survey

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"testing/fstest"
	"time"

	"kexie/internal/access"
	"kexie/internal/botcheck"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/survey/estimate"
	"kexie/internal/valid"
	"kexie/internal/web"
)

//go:embed templates locales static
var files embed.FS

// Permissions: staff build, distribute and analyse their subtree's
// surveys; every role with an org sees its subtree's literacy dashboard.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "survey.view", Roles: staff, Label: "survey.perm.view"},
		{Action: "survey.edit", Roles: staff, Label: "survey.perm.edit"},
		{Action: "survey.monitor", Roles: []access.Role{access.OrgAdmin, access.OrgStaff, access.Member}, Label: "survey.perm.monitor"},
	}
}

// Config holds the module's secrets and limits.
type Config struct {
	Key []byte // signs the public forms' timing tokens and hashes addresses
	// PostsPerMinute bounds public posts per address on a node (0: 30).
	PostsPerMinute int
	// MinFill is the least time between serving a public form and its
	// post (0: 2 s); a bot posting at once is refused.
	MinFill time.Duration
}

// Module returns the survey module.
func Module(s *Store, orgs *org.Store, cfg Config) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc := locales()
	if cfg.PostsPerMinute == 0 {
		cfg.PostsPerMinute = 30
	}
	if cfg.MinFill == 0 {
		cfg.MinFill = 2 * time.Second
	}
	if cfg.PostsPerMinute < 0 {
		cfg.PostsPerMinute = 0
	}
	return web.Module{
		Name:        "survey",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{{Section: "nav.section.work", Label: "survey.nav", Href: "/surveys", Action: "survey.view", Order: 30},
			{Section: "nav.section.work", Label: "survey.nav.monitor", Href: "/surveys/literacy", Action: "survey.monitor", Order: 31}},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs, cfg: cfg,
				check:   botcheck.Checker{Key: cfg.Key, Min: cfg.MinFill, Max: 24 * time.Hour},
				limiter: &botcheck.Limiter{Max: cfg.PostsPerMinute, Window: time.Minute}}
			site.AddNamer("survey", s.Names)
			sv := s.PathResolver("id")
			site.Handle("GET /s/{token}", access.Public(), h.answerPage)
			site.Handle("POST /s/{token}", access.Public(), h.answerPost)
			site.Handle("GET /s/{token}/done", access.Public(), h.done)
			site.Handle("GET /s/{token}/qr.png", access.Public(), h.qr)
			site.Handle("GET /survey/answer.js", access.Public(), h.script)
			site.Handle("GET /surveys", access.Require("survey.view", nil), h.list)
			site.Handle("POST /surveys", access.Require("survey.edit", orgs.FormResolver("org_id")), h.create)
			site.Handle("GET /surveys/new", access.Require("survey.edit", nil), h.newForm)
			site.Handle("GET /surveys/literacy", access.Require("survey.monitor", nil), h.monitor)
			site.Handle("GET /surveys/{id}", access.Require("survey.view", sv), h.show)
			site.Handle("POST /surveys/{id}/settings", access.Require("survey.edit", sv), h.settings)
			site.Handle("GET /surveys/{id}/edit", access.Require("survey.edit", sv), h.edit)
			site.Handle("POST /surveys/{id}/questions", access.Require("survey.edit", sv), h.saveQuestion)
			site.Handle("POST /surveys/{id}/questions/{qid}/delete", access.Require("survey.edit", sv), h.deleteQuestion)
			site.Handle("POST /surveys/{id}/questions/{qid}/move", access.Require("survey.edit", sv), h.moveQuestion)
			site.Handle("POST /surveys/{id}/pages", access.Require("survey.edit", sv), h.addPage)
			site.Handle("POST /surveys/{id}/import", access.Require("survey.edit", sv), h.importJSON)
			site.Handle("GET /surveys/{id}/export.json", access.Require("survey.view", sv), h.exportJSON)
			site.Handle("POST /surveys/{id}/publish", access.Require("survey.edit", sv), h.publish)
			site.Handle("POST /surveys/{id}/stations", access.Require("survey.edit", sv), h.addStation)
			site.Handle("POST /surveys/{id}/stations/{sid}/quota", access.Require("survey.edit", sv), h.stationQuota)
			site.Handle("POST /surveys/{id}/stations/{sid}/codes", access.Require("survey.edit", sv), h.issueCodes)
			site.Handle("GET /surveys/{id}/stations/{sid}/codes", access.Require("survey.view", sv), h.codes)
			site.Handle("POST /surveys/{id}/cells", access.Require("survey.edit", sv), h.cells)
			site.Handle("GET /surveys/{id}/responses", access.Require("survey.view", sv), h.responses)
			site.Handle("POST /surveys/{id}/responses/{rid}/exclude", access.Require("survey.edit", sv), h.exclude)
			site.Handle("GET /surveys/{id}/export", access.Require("survey.view", sv), h.export)
			site.Handle("GET /surveys/{id}/analysis", access.Require("survey.view", sv), h.analysis)
			site.Handle("POST /surveys/{id}/margins", access.Require("survey.edit", sv), h.margins)
			site.Handle("GET /surveys/{id}/report", access.Require("survey.view", sv), h.report)
		},
	}
}

type handler struct {
	site    *web.Site
	store   *Store
	orgs    *org.Store
	cfg     Config
	check   botcheck.Checker
	limiter *botcheck.Limiter
	links   links
}

func userID(r *http.Request) int64 {
	if s := web.SubjectFrom(r.Context()); s != nil {
		return s.UserID
	}
	return 0
}

func pathInt(r *http.Request, name string) int64 {
	v, _ := strconv.ParseInt(r.PathValue(name), 10, 64)
	return v
}

func (h *handler) survey(r *http.Request) (Survey, error) {
	return h.store.Get(r.Context(), pathInt(r, "id"))
}

// back reports a store outcome as a flash and returns to url.
func (h *handler) back(w http.ResponseWriter, r *http.Request, url string, err error, ok string) error {
	if list, isValid := valid.As(err); isValid {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
	} else if ref, isRef := err.(*Refusal); isRef {
		h.site.AddFlash(w, r, "error", ref.Key)
	} else if err != nil {
		return err
	} else {
		h.site.AddFlash(w, r, "ok", ok)
	}
	return web.Redirect(w, r, url)
}

func surveyURL(id int64, tail string) string { return "/surveys/" + strconv.FormatInt(id, 10) + tail }

// locales are the module's catalogs with the estimate package's merged in
// (its error messages reach the analysis page).
func locales() fs.FS {
	out := fstest.MapFS{}
	for _, name := range []string{"zh-CN.json", "en.json"} {
		merged := map[string]string{}
		for _, src := range []fs.FS{estimate.Locales(), mustSub(files, "locales")} {
			b, err := fs.ReadFile(src, name)
			if err != nil {
				panic(fmt.Sprintf("survey: catalog %s: %v", name, err)) // embedded: a build without it is broken
			}
			if err := json.Unmarshal(b, &merged); err != nil {
				panic(fmt.Sprintf("survey: catalog %s: %v", name, err))
			}
		}
		b, _ := json.Marshal(merged)
		out[name] = &fstest.MapFile{Data: b}
	}
	return out
}

func mustSub(f fs.FS, dir string) fs.FS {
	sub, _ := fs.Sub(f, dir)
	return sub
}
