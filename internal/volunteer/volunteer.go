// Package volunteer keeps 科普志愿者: registration (self-service or imported),
// teams, skills and training, service opportunities (optionally on an
// event) with sign-up, and their hours — credited at check-out, or reported
// by the volunteer and approved by the team's administrator — in an
// append-only ledger chained with HMAC, from which stars (after a 公示) and
// verifiable PDF certificates follow.
//
// It must never store an ID number in clear (only sealed, with a blind
// index for duplicates), never let a volunteer approve their own hours,
// never change or delete a ledger row (corrections are new rows), and never
// read another module's tables: an opportunity names an event by ID only.
package volunteer

import (
	"context"
	"embed"
	"errors"
	"io/fs"
	"time"

	"kexie/internal/access"

	"kexie/internal/db"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

//go:embed locales/*.json
var localeFS embed.FS

// Migrations returns the module's migrations.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "volunteer", FS: sub}
}

// MaxTeams is how many teams a volunteer may belong to.
const MaxTeams = 5

// MaxDayMinutes is the most service one volunteer can be credited in a day.
const MaxDayMinutes = 24 * 60

// StarHours are the service hours at which stars one to five are reached
// (星级志愿者: 100/300/600/1000/1500 小时).
var StarHours = [5]int{100, 300, 600, 1000, 1500}

// PublicityDays is the length of a star's 公示, in working days.
const PublicityDays = 5

// Volunteer is one registered 科普志愿者.
type Volunteer struct {
	ID        int64
	OrgID     int64
	OrgName   string
	OrgPath   string
	UserID    int64
	Name      string
	Gender    string
	BirthYear int
	IDMasked  string // region of issue only
	Skills    []string
	Minutes   int64 // credited service
	CreatedAt time.Time
}

// Hours is the credited service in hours.
func (v Volunteer) Hours() float64 { return float64(v.Minutes) / 60 }

// Team is a 志愿服务队.
type Team struct {
	ID          int64
	OrgID       int64
	OrgPath     string
	Name        string
	AdminUserID int64
	Members     int
}

// Training is a training record (业务培训).
type Training struct {
	ID       int64
	Title    string
	Provider string
	HeldOn   string
	Minutes  int
}

// Opportunity is a service post volunteers sign up for.
type Opportunity struct {
	ID       int64
	OrgID    int64
	OrgPath  string
	OrgName  string
	TeamID   int64
	EventID  int64
	Event    string // the event's title, when the event module names it
	Title    string
	Place    string
	StartsAt time.Time
	EndsAt   time.Time
	Slots    int
	Taken    int
}

// Signup statuses.
const (
	Signed    = "signed"
	CheckedIn = "in"
	Done      = "done"
)

// Claim statuses.
const (
	Pending  = "pending"
	Approved = "approved"
	Rejected = "rejected"
)

// Ledger sources.
const (
	SourceCheckout   = "checkout"
	SourceClaim      = "claim"
	SourceCorrection = "correction"
)

// Events names events for opportunities; the event module provides it at
// wiring, and nil leaves event titles blank.
type Events interface {
	EventTitles(ctx context.Context, ids []int64) (map[int64]string, error)
	// EventOrg returns the path of the org holding an event, or an error
	// wrapping db.ErrNotFound, so that a post takes part only in an event
	// its staff may manage.
	EventOrg(ctx context.Context, id int64) (string, error)
	// EventNamed returns the one event inside scope titled exactly title
	// (the post form's event typed without scripts), or an error wrapping
	// db.ErrNotFound when none or several are.
	EventNamed(ctx context.Context, scope access.Scope, title string) (int64, error)
}

// Calendar counts working days (internal/calendar.Source in production).
type Calendar interface {
	AddWorkdays(ctx context.Context, from time.Time, n int) (time.Time, error)
}

// ErrNotFound is what a missing volunteer, team, opportunity, claim or
// certificate unwraps to.
var ErrNotFound = db.ErrNotFound

// ErrNotVolunteer is returned for a signed-in user with no registration.
var ErrNotVolunteer = errors.New("volunteer: not registered")

// beijing is the time zone days are counted in.
var beijing = time.FixedZone("CST", 8*3600)

// Day is the calendar day of t in Beijing, "YYYY-MM-DD".
func Day(t time.Time) string { return t.In(beijing).Format(time.DateOnly) }

// HoursText is the credited service as hours for pages.
func (v Volunteer) HoursText() string { return FormatHours(v.Minutes) }
