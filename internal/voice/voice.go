// Package voice is 建言与诉求: a sci-tech worker's or a citizen's proposal
// (建言: on policy, 科技, the 科协's own work) or request (诉求: 职称评审,
// 人才政策, 科研经费, 成果转化, 权益保障 …) to a 科协, and its handling —
// 已提交 → 已受理 (or 不予受理 with a reason) → 办理中 (assigned to a
// handler) → 已答复 → 已办结 (by the filer's rating, or by itself some
// working days after the answer), with 转办 to another org — each step an
// event row of an append-only timeline, within a time limit counted in
// working days. The filer follows it with a tracking code (查询码) without
// an account, rates the answer and may reopen it once.
//
// It must never let a person handle or answer what they filed, never keep a
// filer's contact in clear (it is sealed with package pii, shown masked,
// revealed only by a permission and audited), never export a contact, never
// show the filer a staff note, and never list anything outside the caller's
// scope (the zero access.Scope lists nothing). It reads no other module's
// tables but orgs (every module scopes by an org's path): who may handle is
// asked of the Staff it is given.
package voice

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"kexie/internal/db"
	"kexie/internal/pii"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the module's tables.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "voice", FS: sub}
}

// Kind is what an item is.
type Kind string

// Kinds of item.
const (
	Suggestion Kind = "suggestion" // 建言
	Request    Kind = "request"    // 诉求
)

// Kinds lists the kinds in the order forms offer them.
var Kinds = []Kind{Request, Suggestion}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return k == Suggestion || k == Request }

// Status is where an item is.
type Status string

// Statuses of an item.
const (
	Submitted Status = "submitted" // 已提交: waits to be accepted
	Declined  Status = "declined"  // 不予受理, with a reason (final)
	Accepted  Status = "accepted"  // 已受理: the time limit runs; waits for a handler
	Assigned  Status = "assigned"  // 办理中: a handler works on it
	Answered  Status = "answered"  // 已答复: waits for the filer's rating
	Closed    Status = "closed"    // 已办结
)

// Statuses lists the statuses in their order.
var Statuses = []Status{Submitted, Accepted, Assigned, Answered, Closed, Declined}

// Open reports whether the time limit still runs for an item in s.
func (s Status) Open() bool { return s == Accepted || s == Assigned }

// Topics are the fixed topics an item is filed under (labels
// "voice.topic.<topic>").
var Topics = []string{"title_review", "talent_policy", "research_funds", "tech_transfer", "rights", "sci_policy", "kexie_work", "kepu", "other"}

func knownTopic(t string) bool {
	for _, x := range Topics {
		if x == t {
			return true
		}
	}
	return false
}

// Ratings a filer gives an answer.
const (
	Satisfied   = "satisfied"   // 满意
	Fair        = "fair"        // 基本满意
	Unsatisfied = "unsatisfied" // 不满意
)

// Ratings lists the ratings in order.
var Ratings = []string{Satisfied, Fair, Unsatisfied}

// Limits of what a filer may send.
const (
	MaxTitle   = 100  // runes
	MinTitle   = 4    // runes
	MaxBody    = 5000 // runes
	MinBody    = 10   // runes
	MaxContact = 100  // runes
	MaxReason  = 1000 // runes of a reason or a note
	MaxAnswer  = 5000 // runes of an answer
	MaxPerHour = 5    // items one address may file in an hour without an account
)

// Item is one 建言 or 诉求.
type Item struct {
	ID               int64
	OrgID            int64
	OrgPath, OrgName string
	Kind             Kind
	Topic            string
	Title, Body      string
	Status           Status
	FilerUser        int64
	FilerName        string
	Contact          string // masked (pii.MaskContact); sealed in the database
	HandlerUser      int64
	HandlerName      string
	Answer           string // the answer as now corrected; earlier texts are in the events
	Rating           string
	Reopened         bool
	FiledAt          time.Time
	AcceptedAt       time.Time
	DueAt            time.Time // zero until accepted
	AnsweredAt       time.Time
	CloseAt          time.Time // when an unrated answer closes by itself
	ClosedAt         time.Time
	UpdatedAt        time.Time
	Overdue          bool // set by reads: the time limit passed without an answer
}

// Event is one step of an item's timeline.
type Event struct {
	ID        int64
	At        time.Time
	ActorUser int64
	ActorName string
	Action    string // file, accept, decline, assign, transfer, answer, correct, note, rate, reopen, close
	Note      string // the reason, answer text or note
	Detail    string // the handler's or org's name, the rating
	Internal  bool   // a staff note the filer never sees
}

// Actor is who does a step.
type Actor struct {
	UserID int64
	Name   string
}

// Person is a user as the module names them.
type Person struct {
	UserID int64
	Name   string
}

// Staff tells the module who may handle items: package app asks the
// accounts, tests give their own.
type Staff interface {
	// Handler returns the user named username when they hold voice.handle
	// on the org at orgPath; a *valid.Error when they do not or no such
	// user exists.
	Handler(ctx context.Context, username, orgPath string) (Person, error)
}

// Workdays adds working days (the calendar module's Source).
type Workdays interface {
	AddWorkdays(ctx context.Context, from time.Time, n int) (time.Time, error)
}

// Config is what the store needs besides the database.
type Config struct {
	Keys  *pii.Keyring // seals contacts
	Days  Workdays
	Staff Staff
	// DueDays is the time limit of each kind in working days from
	// acceptance; a kind missing takes DefaultDueDays.
	DueDays map[Kind]int
	// CloseDays is how many working days after an answer an unrated item
	// closes by itself (0: DefaultCloseDays).
	CloseDays int
}

// Defaults of the time limits, in working days.
var DefaultDueDays = map[Kind]int{Request: 15, Suggestion: 30}

// DefaultCloseDays is how long an answer waits for a rating.
const DefaultCloseDays = 10

// Store reads and writes the module's tables. Its exported methods are
// transaction boundaries; every change appends an event and an audit
// record in the same transaction.
type Store struct {
	db   *db.DB
	cfg  Config
	jobs bool // UseJobs registered the closing job
}

// NewStore returns a store on d.
func NewStore(d *db.DB, cfg Config) *Store {
	if cfg.CloseDays <= 0 {
		cfg.CloseDays = DefaultCloseDays
	}
	due := map[Kind]int{}
	for k, v := range DefaultDueDays {
		due[k] = v
	}
	for k, v := range cfg.DueDays {
		if v > 0 {
			due[k] = v
		}
	}
	cfg.DueDays = due
	return &Store{db: d, cfg: cfg}
}

// DB is the store's database (demo data moves its clock).
func (s *Store) DB() *db.DB { return s.db }

// DueDays is the time limit of kind in working days.
func (s *Store) DueDays(k Kind) int { return s.cfg.DueDays[k] }

// NotFoundError is returned for an item that does not exist (or that the
// caller may not see, which looks the same).
type NotFoundError struct{ ID int64 }

func (e *NotFoundError) Error() string { return fmt.Sprintf("voice: item %d: not found", e.ID) }

// Unwrap makes the error match db.ErrNotFound.
func (e *NotFoundError) Unwrap() error { return db.ErrNotFound }

// ErrNoKeys is returned when a contact must be sealed and no keyring is set.
var ErrNoKeys = errors.New("voice: no keyring to seal a contact")

// contactField is the field name sealed contacts are bound to.
const contactField = "voice_item.contact"

func target(id int64) string { return fmt.Sprintf("voice_item:%d", id) }

// WithStaff returns a copy of the store that asks st who may handle items
// (the demo names its handlers without accounts).
func (s *Store) WithStaff(st Staff) *Store {
	c := *s
	c.cfg.Staff = st
	return &c
}
