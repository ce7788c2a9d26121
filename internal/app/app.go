// Package app wires Kexie together: configuration → database → modules →
// HTTP server. It is the only package that imports every module, and it does
// so explicitly, one line per module, with no init() registries.
package app

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/calendar"
	"kexie/internal/conference"
	"kexie/internal/config"
	"kexie/internal/dashboard"
	"kexie/internal/db"
	"kexie/internal/event"
	"kexie/internal/funding"
	"kexie/internal/home"
	"kexie/internal/innovation"
	"kexie/internal/jobs"
	"kexie/internal/kepu"
	"kexie/internal/measure"
	"kexie/internal/notify"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/plan"
	"kexie/internal/resource"
	"kexie/internal/review"
	"kexie/internal/society"
	"kexie/internal/stats"
	"kexie/internal/std"
	"kexie/internal/survey"
	"kexie/internal/venue"
	"kexie/internal/voice"
	"kexie/internal/volunteer"
	"kexie/internal/web"
	"kexie/internal/youth"
)

// Version is set at build time with -ldflags "-X kexie/internal/app.Version=…".
var Version = "dev"

// App is a wired Kexie instance.
type App struct {
	Cfg     config.Config
	DB      *db.DB
	Log     *slog.Logger
	Keys    Keys
	Policy  *access.Policy
	Site    *web.Site
	Orgs    *org.Store
	Auth    *auth.Service
	People  *people.Store
	Plans   *plan.Store
	Review  *review.Store
	Kepu    *kepu.Store
	Events  *event.Store
	Venues  *venue.Store
	Society *society.Store
	Vols    *volunteer.Store
	Funds   *funding.Store
	Surveys *survey.Store
	Notify  *notify.Store
	Voice   *voice.Store
	Innov   *innovation.Store
	Conf    *conference.Store
	Youth   *youth.Store
	Stats   *stats.Store
	Jobs    *jobs.Runner  // this node's background work; RunJobs starts it
	Notices review.Sender // where review's outbox goes (a LogSender unless wiring sets a real one)
	Sources *measure.Registry
	Modules []web.Module

	setup setupState // first-run setup of this node (setup.go)
}

// Open connects to the database and builds the modules, but does not migrate
// or serve. Most commands need only this much.
func Open(ctx context.Context, cfg config.Config, log *slog.Logger) (*App, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	// The data directory holds the database and the secret key: only the
	// server's user may read it. Older versions left it world-readable.
	tightened, err := db.TightenDataDir(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	for _, p := range tightened {
		log.Warn("tightened file mode: was readable by other users", "path", p)
	}
	keys, err := LoadKeys(cfg)
	if err != nil {
		return nil, err
	}
	d, err := db.Open(ctx, cfg.DatabaseDSN())
	if err != nil {
		return nil, err
	}
	d.SetAuditKey(keys.Derive("audit"))
	a := &App{Cfg: cfg, DB: d, Log: log, Keys: keys, Policy: access.NewPolicy()}
	a.Orgs = org.NewStore(d, std.Regions())
	a.Auth = auth.NewService(d, a.Orgs, a.Policy, auth.Config{
		Idle: cfg.SessionIdle, Max: cfg.SessionMax,
		LockoutAttempts: cfg.LockoutAttempts, LockoutFor: cfg.LockoutFor,
		SecureCookies: secure(cfg), SecretKey: keys.Derive("totp"), Issuer: "科协工作平台",
	})
	ring, err := pii.NewKeyring(keys.Derive, cfg.PIIKeyVersion)
	if err != nil {
		d.Close()
		return nil, err
	}
	a.People = people.NewStore(d, ring)
	a.Jobs = jobs.NewRunner(d, jobs.Config{Log: log})
	a.People.UseJobs(a.Jobs, filepath.Join(cfg.DataDir, "uploads", "imports"))
	a.Plans = plan.NewStore(d, a.Orgs)
	a.Review = review.NewStore(d, reviewPeople{a.People}, calendar.Source{DB: d})
	a.Review.UseJobs(a.Jobs)
	a.Review.UseKeys(ring)
	// The review outbox is delivered every minute; to the log until a real
	// sender replaces Notices.
	a.Notices = &review.LogSender{W: logLines{log}, Forget: true}
	a.Review.UseSender(a.Jobs, noticeSender{a})
	a.Kepu = kepu.NewStore(d, kepuPeople{a.People}, calendar.Source{DB: d})
	a.Kepu.UseKeys(ring)
	a.Society = society.NewStore(d, society.Config{CardKey: keys.Derive("member-card"), Uploads: filepath.Join(cfg.DataDir, "uploads", "society"),
		People: personOf(a.People), Grading: societyGrading{r: a.Review, orgs: a.Orgs}})
	a.Society.UseJobs(a.Jobs)
	a.Vols = volunteer.NewStore(d, volunteer.Config{Keys: ring, LedgerKey: keys.Derive("volunteer-ledger"), Calendar: calendar.Source{DB: d}})
	a.Funds = funding.NewStore(d)
	a.Surveys = survey.NewStore(d)
	a.Notify = notify.NewStore(d, ring, keys.Derive("notify"))
	a.Notify.Base = strings.TrimSuffix(cfg.BaseURL, "/")
	a.Notify.Configure(notify.SenderConfigFromEnv(os.Getenv), log)
	a.Notify.Register(a.Jobs)
	a.Kepu.UsePusher(kepuPusher{a.Notify})
	a.Voice = voice.NewStore(d, voice.Config{Keys: ring, Days: calendar.Source{DB: d}, Staff: a.voiceStaff(),
		DueDays: map[voice.Kind]int{voice.Request: cfg.VoiceRequestDays, voice.Suggestion: cfg.VoiceSuggestionDays}})
	a.Voice.UseJobs(a.Jobs)
	a.Innov = innovation.NewStore(d, innovation.Config{Keys: ring, Experts: innovationExperts{a.People}, WaitDays: cfg.InnovationWaitDays})
	a.Conf = conference.NewStore(d, conference.Config{Keys: ring, Users: a.conferenceUsers})
	a.Youth = youth.NewStore(d, youth.Config{Keys: ring, Mentors: youthMentors{a.People}, Accounts: youthAccounts{a}})
	a.Stats = stats.NewStore(d, stats.Config{Teller: statsTeller{a}})
	// The live indicator sources every module publishes, for plans to bind
	// their targets to. Adding a module's sources is one argument here.
	a.Venues = venue.NewStore(d, std.Regions())
	if p := os.Getenv(venue.OutlinesEnv); p != "" { // region outlines for the venue maps (D74)
		if err := a.Venues.LoadOutlines(p); err != nil {
			d.Close()
			return nil, err
		}
	}
	a.Events = event.NewStore(d)
	a.Events.UseVenues(a.Venues)
	a.Vols.SetEvents(volunteerEvents{a.Events})
	if a.Sources, err = measure.NewRegistry(a.People.Sources(), a.Kepu.Sources(), a.Venues.Sources(), a.Events.Sources(), a.Society.Sources(), a.Vols.Sources(), a.Funds.Sources(), a.Surveys.Sources(), a.Notify.Sources(), a.Voice.Sources(), a.Innov.Sources(), a.Conf.Sources(),
		a.Youth.Sources(), a.Stats.Sources()); err != nil {
		d.Close()
		return nil, err
	}
	a.Plans.SetSources(a.Sources)
	a.Stats.UseMeasures(a.Sources) // the 统计年报 form is prefilled from the live measures
	a.Surveys.UseTargets(surveyTargets(a.Plans))
	portal := &kepu.Portal{} // the public portal answers "/" to visitors
	// The modules, in migration order. Adding a module is one line here.
	a.Modules = []web.Module{
		platformModule(a),
		setupModule(a),
		audit.Module(d),
		org.Module(a.Orgs),
		a.Auth.Module(),
		people.Module(a.People, a.Orgs),
		jobs.Module(a.Jobs, a.userNames),
		plan.Module(a.Plans, a.Orgs),
		calendar.Module(d),
		review.Module(a.Review, review.Config{Key: keys.Derive("review"), Uploads: filepath.Join(cfg.DataDir, "uploads", "review"), Orgs: a.Orgs}),
		kepu.Module(a.Kepu, a.Orgs, kepu.Config{Key: keys.Derive("kepu"), UserID: a.userID, Portal: portal}),
		venue.Module(a.Venues, a.Orgs),
		event.Module(a.Events, a.Orgs, event.Config{Key: keys.Derive("event")}),
		society.Module(a.Society, a.Orgs),
		funding.Module(a.Funds, a.Orgs),
		volunteer.Module(a.Vols, a.Orgs, volunteer.WebConfig{BaseURL: cfg.BaseURL, Users: a.userID}),
		survey.Module(a.Surveys, a.Orgs, survey.Config{Key: keys.Derive("survey")}),
		notify.Module(a.Notify, a.Orgs, notify.Config{Secure: secure(cfg)}),
		resource.Module(resource.NewStore(d), a.Orgs),
		voice.Module(a.Voice, a.Orgs, voice.WebConfig{Key: keys.Derive("voice")}),
		innovation.Module(a.Innov, a.Orgs, innovation.WebConfig{Key: keys.Derive("innovation")}),
		conference.Module(a.Conf, a.Orgs, conference.WebConfig{Key: keys.Derive("conference")}),
		dashboard.Module(a.Sources, a.Orgs),
		youth.Module(a.Youth, a.Orgs),
		stats.Module(a.Stats, a.Orgs),
		home.Module(home.Sources{DB: d, OrgCounts: a.orgCounts, UserCount: a.Auth.CountUsers, Mine: a.memberShelves(), Todos: a.staffTodos(), Public: portal.Home}),
	}
	for _, m := range a.Modules {
		a.Policy.Add(m.Permissions...)
	}
	return a, nil
}

// Migrations lists every module's migrations in order.
func (a *App) Migrations() []db.Migrations {
	var out []db.Migrations
	for _, m := range a.Modules {
		out = append(out, m.Migrations...)
	}
	return out
}

// Migrate brings the schema up to date and keys the audit chain of a
// database upgraded from a version whose chain was plain SHA-256.
func (a *App) Migrate(ctx context.Context) error {
	if err := a.DB.Migrate(ctx, a.Migrations()...); err != nil {
		return err
	}
	keyed, err := audit.KeyChain(ctx, a.DB)
	if err != nil {
		return err
	}
	if keyed {
		a.Log.Warn("audit chain keyed: records appended before this upgrade are bound by an audit.chain_keyed record; anchor the new head hash (kexie audit verify)")
	}
	return nil
}

// Close releases the database.
func (a *App) Close() error { return a.DB.Close() }

// BuildSite parses templates and registers every route.
func (a *App) BuildSite() error {
	var locales, templates []fs.FS
	for _, m := range a.Modules {
		if m.Locales != nil {
			locales = append(locales, m.Locales)
		}
		if m.Templates != nil {
			templates = append(templates, m.Templates)
		}
	}
	// The form tokens' owner hash is keyed by its own key from the secret
	// every node shares, so a token used through one node is used on all.
	once, err := auth.NewFormOnce(a.DB, a.Keys.Derive("form-once owner v1"), time.Now)
	if err != nil {
		return err
	}
	site, err := web.NewSite(web.SiteConfig{
		Policy: a.Policy, Auth: a.Auth, Log: a.Log, Locales: locales, Templates: templates,
		CSRFKey: a.Keys.Derive("csrf"), SecureCookies: secure(a.Cfg), Once: once,
		Enrich: func(ctx context.Context, r *http.Request, id *web.Identity) context.Context {
			m := audit.Meta{IP: web.ClientIP(r), RequestID: web.RequestID(ctx)}
			if id != nil && id.Subject != nil {
				m.ActorID, m.ActorName = id.Subject.UserID, id.Subject.Username
			}
			return audit.WithMeta(ctx, m)
		},
	})
	if err != nil {
		return err
	}
	for _, m := range a.Modules {
		site.AddNav(m.Nav...)
		if m.Routes != nil {
			m.Routes(site)
		}
	}
	if err := site.Err(); err != nil {
		return err
	}
	site.Metrics.AddCollector(a.dbStats)
	a.Site = site
	return nil
}

// Bootstrap makes a fresh database usable: the root org and a first
// administrator. It returns the administrator's one-time password when it
// created one.
func (a *App) Bootstrap(ctx context.Context) (user, password string, err error) {
	root, _, err := a.Orgs.EnsureRoot(ctx, "科学技术协会", "ROOT", org.TypeProvince)
	if err != nil {
		return "", "", fmt.Errorf("app: root org: %w", err)
	}
	user, password, created, err := a.Auth.EnsureAdmin(ctx, root.ID)
	if err != nil {
		return "", "", fmt.Errorf("app: first administrator: %w", err)
	}
	if !created {
		return "", "", nil
	}
	return user, password, nil
}

// Handler is the full HTTP handler, with proxy handling when configured.
func (a *App) Handler() http.Handler {
	h := a.Site.Handler()
	if !a.Cfg.TrustProxy {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			ip := strings.TrimSpace(xff[strings.LastIndexByte(xff, ',')+1:])
			if net.ParseIP(ip) != nil {
				r.RemoteAddr = net.JoinHostPort(ip, "0")
			}
		}
		h.ServeHTTP(w, r)
	})
}

// Serve runs this node's jobs and listens on ln until ctx ends.
func (a *App) Serve(ctx context.Context, ln net.Listener) error {
	stop := a.RunJobs(ctx)
	defer stop()
	return web.Serve(ctx, ln, a.Handler(), a.Log, 15*time.Second)
}

// RunJobs removes the uploads of jobs that ended while no node ran (or
// that never got a job), then runs this node's job runner until ctx ends or
// stop is called; stop waits for the runner to hand its jobs back.
func (a *App) RunJobs(ctx context.Context) (stop func()) {
	if err := a.People.SweepUploads(ctx); err != nil {
		a.Log.Warn("sweep uploads", "err", err)
	}
	if err := a.Society.ScheduleReports(ctx); err != nil {
		a.Log.Warn("schedule society report reminders", "err", err)
	}
	if err := a.Review.ScheduleDelivery(ctx); err != nil {
		a.Log.Warn("schedule review notice delivery", "err", err)
	}
	if err := a.Voice.ScheduleClosing(ctx); err != nil {
		a.Log.Warn("schedule closing of unrated answers", "err", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = a.Jobs.Run(ctx)
	}()
	return func() { cancel(); <-done }
}

// userNames gives the jobs page the names of the users who started jobs.
func (a *App) userNames(ctx context.Context, ids []int64) map[int64]string {
	out := make(map[int64]string, len(ids))
	for _, id := range ids { // at most one page of jobs' distinct users
		if u, err := a.Auth.User(ctx, id); err == nil {
			out[id] = u.Username
			if u.DisplayName != "" {
				out[id] = u.DisplayName
			}
		}
	}
	return out
}

func secure(cfg config.Config) bool { return strings.HasPrefix(cfg.BaseURL, "https://") }

func (a *App) dbStats(w io.Writer) {
	fmt.Fprintln(w, "# TYPE kexie_db_up gauge")
	up := 1
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if a.DB.Ping(ctx) != nil {
		up = 0
	}
	fmt.Fprintf(w, "kexie_db_up{dialect=%q} %d\n", a.DB.Dialect(), up)
}

// orgCounts adapts org.Stats to the dashboard's needs.
func (a *App) orgCounts(ctx context.Context, scope access.Scope) ([]home.TypeCount, error) {
	stats, err := a.Orgs.Stats(ctx, scope)
	if err != nil {
		return nil, err
	}
	out := make([]home.TypeCount, len(stats))
	for i, s := range stats {
		out[i] = home.TypeCount{Type: s.Type.Label(), Count: s.Count}
	}
	return out, nil
}
