// Package conference is 学术会议: the academic conferences (学术年会, 论坛,
// 研讨会, 国际会议) a 学会 or a 科协 holds. An org files a conference with
// the org above it — 草稿 → 已申报 → 已批准 (or 退回, back to the filer for
// edits) → 报名中 → 已举办 → 已总结, or 已取消 with a reason before it is
// held — each step an event row of an append-only timeline. While
// registration is open members submit papers (论文征集), which staff accept
// or reject, and members and the public register and get a check-in code
// that staff check at the door: typed into a form, or scanned on a phone
// that may be offline (package checkin's scanner, each scan kept once by
// its device and nonce and judged by the form's rules). After the end date
// the organiser files the summary (actual attendance, papers exchanged …),
// which the org above confirms; corrections keep the earlier figures in
// the timeline.
//
// It must never let the filer of a conference approve it, the filer of a
// summary confirm it, or a person decide on a paper they submitted; never
// let more people register than there are places (one conditional UPDATE
// in the registration's transaction); never count a person in twice, nor
// lose a scan a phone sent (each is kept with its answer, or refused as
// malformed); never keep a public registrant's contact in clear (sealed
// with package pii, shown masked, revealed only by a permission and
// audited, never exported in clear); and never list anything outside the
// caller's scope (the zero access.Scope lists nothing). It reads no other
// module's tables but orgs.
package conference

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/pii"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the module's tables.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "conference", FS: sub}
}

// Kinds are the fixed kinds of conference (labels "conference.kind.<kind>").
var Kinds = []string{"annual", "forum", "seminar", "international", "other"}

func knownKind(k string) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Status is where a conference is.
type Status string

// Statuses of a conference.
const (
	Draft     Status = "draft"      // 草稿: the filer edits it
	Submitted Status = "submitted"  // 已申报: waits for the org above
	Returned  Status = "returned"   // 退回: back to the filer with a reason, editable
	Approved  Status = "approved"   // 已批准
	Open      Status = "open"       // 报名中: registration and papers open
	Held      Status = "held"       // 已举办: waits for its summary and its confirmation
	Done      Status = "summarized" // 已总结: the summary confirmed
	Cancelled Status = "cancelled"  // 已取消, with a reason (final)
)

// Statuses lists the statuses in their order.
var Statuses = []Status{Draft, Submitted, Returned, Approved, Open, Held, Done, Cancelled}

func knownStatus(s string) bool {
	for _, x := range Statuses {
		if string(x) == s {
			return true
		}
	}
	return false
}

// Editable reports whether the filer may still change the plan.
func (s Status) Editable() bool { return s == Draft || s == Returned }

// Cancellable reports whether a conference in s may still be called off.
func (s Status) Cancellable() bool {
	return s == Draft || s == Returned || s == Submitted || s == Approved || s == Open
}

// Limits of what a form may send.
const (
	MaxTitle      = 100 // runes
	MinTitle      = 4   // runes
	MaxCoOrgs     = 10  // co-organisers
	MaxCoOrg      = 60  // runes of one co-organiser
	MaxCity       = 30  // runes
	MaxVenue      = 100 // runes
	MaxTopics     = 200 // runes of the topic fields
	MaxPeople     = 100000
	MaxCountries  = 200
	MaxBudget     = 1_000_000_00 // hundredths of 万元: 1,000,000 万元
	MaxReason     = 1000         // runes of a reason or a note
	MaxOutcome    = 5000         // runes of a summary's outcome
	MaxPaperTitle = 200
	MaxAuthors    = 20 // authors of a paper
	MaxAuthor     = 50 // runes of one author
	MaxAbstract   = 3000
	MinAbstract   = 20
	MaxKeywords   = 100
	MaxName       = 50
	MaxEmployer   = 100
	MaxContact    = 100
	MaxPerHour    = 10 // public registrations from one address in an hour
	MaxPapers     = 10 // papers one member submits to one conference
	MaxDays       = 31 // a conference lasts at most this many days
)

// Conference is one 学术会议.
type Conference struct {
	ID               int64
	OrgID            int64
	OrgPath, OrgName string
	UpperPath        string // the path of the org above the organiser, which approves (the root's own)
	Title            string
	Kind             string
	CoOrganisers     []string
	StartsOn, EndsOn string // YYYY-MM-DD, Beijing days
	Year             int
	City, Venue      string
	Expected         int
	Capacity         int
	International    bool
	Countries        int
	Budget           int64 // hundredths of 万元; -1 for none
	Topics           string
	Status           Status
	FilerUser        int64
	FilerName        string
	Registered       int
	CheckedIn        int
	Accepted         int // papers accepted
	Summary          Summary
	FiledAt          time.Time
	UpdatedAt        time.Time
}

// Summary is a conference's 会议总结 as now corrected.
type Summary struct {
	At          time.Time // zero until filed
	User        int64
	Attendance  int
	Papers      int
	IntlPeople  int
	Outcome     string
	ConfirmedAt time.Time
}

// Filed reports whether the summary was filed.
func (s Summary) Filed() bool { return !s.At.IsZero() }

// BudgetText is the budget as typed ("12.5"), "" for none.
func (c Conference) BudgetText() string {
	if c.Budget < 0 {
		return ""
	}
	return FormatWan(c.Budget)
}

// Full reports whether every place is taken.
func (c Conference) Full() bool { return c.Registered >= c.Capacity }

// Left is the number of places still free.
func (c Conference) Left() int { return max(c.Capacity-c.Registered, 0) }

// Event is one step of a conference's timeline.
type Event struct {
	ID        int64
	At        time.Time
	ActorUser int64
	ActorName string
	Action    string // file, edit, submit, approve, return, open, hold, cancel, summary, correct, confirm
	Note      string
	Detail    string
}

// Actor is who does a step. Staff are the paths of the orgs whose staff
// they are (their own grants carrying conference.file, not those of the
// orgs above): the steps of the org above refuse the organiser's staff
// though they also hold that org's grant.
type Actor struct {
	UserID int64
	Name   string
	Staff  []string
}

// Config is what the store needs besides the database.
type Config struct {
	Keys  *pii.Keyring // seals public registrants' contacts
	Users Users        // finds the accounts named to a programme committee
}

// Store reads and writes the module's tables. Its exported methods are
// transaction boundaries; every change appends an event and an audit
// record in the same transaction.
type Store struct {
	db  *db.DB
	cfg Config
}

// NewStore returns a store on d.
func NewStore(d *db.DB, cfg Config) *Store { return &Store{db: d, cfg: cfg} }

// DB is the store's database (demo data moves its clock).
func (s *Store) DB() *db.DB { return s.db }

// NotFoundError is returned for a conference, paper or registration that
// does not exist.
type NotFoundError struct {
	What string
	ID   int64
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("conference: %s %d: not found", e.What, e.ID)
}

// Unwrap makes the error match db.ErrNotFound.
func (e *NotFoundError) Unwrap() error { return db.ErrNotFound }

// ErrNoKeys is returned when a contact must be sealed and no keyring is set.
var ErrNoKeys = errors.New("conference: no keyring to seal a contact")

// contactField is the field name sealed contacts are bound to.
const contactField = "conference_reg.contact"

func target(id int64) string { return fmt.Sprintf("conference:%d", id) }

// zone is where days are counted.
var zone = calendar.Beijing

// today is the Beijing day of t, as stored.
func today(t time.Time) string { return t.In(zone).Format("2006-01-02") }
