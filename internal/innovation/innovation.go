// Package innovation is 创新服务: an enterprise's 技术需求 (a problem it
// needs solved) filed with a 科协 — by the enterprise on a public page or by
// staff for it — reviewed (待审核 → 已发布, or 不予发布 with a reason),
// matched with experts of the talent database, each 对接 recorded, and what
// came of it (合作意向, or 签约 with a contract amount in 万元) until the need
// is 已解决, 未解决 or 已撤回 — every step an event of an append-only
// timeline. It also keeps the registry of 专家工作站 an org recognises at
// enterprises, with their yearly assessments (corrections keep the earlier
// value), and counts a year's figures for the five-year plans.
//
// It must never keep an enterprise contact in clear (it is sealed with
// package pii, shown masked, revealed only by a permission and audited),
// never export or publish a contact, never let a staff member confirm the
// result of a need they filed, never list anything outside the caller's
// scope (the zero access.Scope lists nothing), and never read the people
// module's tables: experts are found through the Experts it is given.
package innovation

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/pii"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the module's tables.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "innovation", FS: sub}
}

// Status is where a need is.
type Status string

// Statuses of a need.
const (
	Pending   Status = "pending"   // 待审核
	Published Status = "published" // 已发布: listed publicly, waiting for a 对接
	Rejected  Status = "rejected"  // 不予发布, with a reason (final)
	Matching  Status = "matching"  // 对接中: at least one 对接 recorded
	Solved    Status = "solved"    // 已解决
	Unsolved  Status = "unsolved"  // 未解决
	Withdrawn Status = "withdrawn" // 已撤回
)

// Statuses lists the statuses in their order.
var Statuses = []Status{Pending, Published, Matching, Solved, Unsolved, Rejected, Withdrawn}

// Public reports whether a need in s is on the public list.
func (s Status) Public() bool { return s == Published || s == Matching || s == Solved }

// Fields are the fixed industries a need is filed under (labels
// "innovation.field.<field>").
var Fields = []string{"electronics", "materials", "equipment", "biomed", "energy", "chemical", "agriculture", "environment", "software", "other"}

func knownField(f string) bool { return inList(Fields, f) }

func inList(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Forms of a 对接.
var Forms = []string{"online", "offline", "onsite"} // 线上 / 线下 / 实地

// Results of a need's matching.
const (
	Intent = "intent" // 合作意向
	Signed = "signed" // 签约, with a contract amount
)

// Results lists the results in order.
var Results = []string{Intent, Signed}

// Limits of what a form may send.
const (
	MinTitle      = 4
	MaxTitle      = 100
	MinBody       = 20
	MaxBody       = 5000
	MaxEnterprise = 100
	MaxContact    = 100
	MaxReason     = 1000
	MaxParts      = 500       // runes of a 对接's participants
	MaxAmount     = 100000000 // hundredths of 万元: 1,000,000 万元 (100 亿元)
	MaxPerHour    = 5         // needs one address may file in an hour without an account
)

// Need is one 技术需求.
type Need struct {
	ID               int64
	OrgID            int64
	OrgPath, OrgName string
	Enterprise       string
	USCC             string
	RegionCode       string
	Field            string
	Title, Body      string
	BudgetLo         int64 // hundredths of 万元; 0 when not given
	BudgetHi         int64
	WantedBy         time.Time
	Status           Status
	FilerUser        int64
	FilerName        string
	Contact          string // masked; sealed in the database
	Result           string
	Amount           int64 // hundredths of 万元
	FiledAt          time.Time
	PublishedAt      time.Time
	MatchedAt        time.Time
	ResultAt         time.Time
	ClosedAt         time.Time
	UpdatedAt        time.Time
}

// Event is one step of a need's timeline.
type Event struct {
	ID        int64
	At        time.Time
	ActorUser int64
	ActorName string
	Action    string // file, publish, reject, propose, meet, result, close, withdraw
	Note      string
	Detail    string
}

// Meeting is one 对接.
type Meeting struct {
	ID           int64
	HeldOn       time.Time
	Form         string
	Participants string
	Note         string
}

// Expert is a person of the talent database as the module shows one: a
// name, a 工作单位 and a field — never an ID number or a phone.
type Expert struct {
	PersonID int64
	Name     string
	Employer string
	Field    string
}

// Experts is what the module reads of the people module (wired in app).
type Experts interface {
	// Find lists up to limit people visible in scope whose name, employer
	// or expertise contains q.
	Find(ctx context.Context, scope access.Scope, q string, limit int) ([]Expert, error)
	// Get returns the person with id when visible in scope; a
	// db.ErrNotFound otherwise.
	Get(ctx context.Context, scope access.Scope, id int64) (Expert, error)
}

// Actor is who does a step.
type Actor struct {
	UserID int64
	Name   string
}

// Config is what the store needs besides the database.
type Config struct {
	Keys    *pii.Keyring // seals contacts
	Experts Experts
	// WaitDays is how many days a published need may wait without a 对接
	// before the home page lists it (0: DefaultWaitDays).
	WaitDays int
}

// DefaultWaitDays is how long a published need waits for a 对接 before
// it is someone's 待办.
const DefaultWaitDays = 14

// Store reads and writes the module's tables. Its exported methods are
// transaction boundaries; every change appends an event and an audit
// record in the same transaction.
type Store struct {
	db  *db.DB
	cfg Config
}

// NewStore returns a store on d.
func NewStore(d *db.DB, cfg Config) *Store {
	if cfg.WaitDays <= 0 {
		cfg.WaitDays = DefaultWaitDays
	}
	return &Store{db: d, cfg: cfg}
}

// DB is the store's database (demo data moves its clock).
func (s *Store) DB() *db.DB { return s.db }

// WaitDays is how long a published need waits before it is a 待办.
func (s *Store) WaitDays() int { return s.cfg.WaitDays }

// NotFoundError is returned for a need or station that does not exist.
type NotFoundError struct {
	What string
	ID   int64
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("innovation: %s %d: not found", e.What, e.ID)
}

// Unwrap makes the error match db.ErrNotFound.
func (e *NotFoundError) Unwrap() error { return db.ErrNotFound }

// ErrNoKeys is returned when a contact must be sealed and no keyring is set.
var ErrNoKeys = errors.New("innovation: no keyring to seal a contact")

const contactField = "innovation_need.contact"

func needTarget(id int64) string    { return fmt.Sprintf("innovation_need:%d", id) }
func stationTarget(id int64) string { return fmt.Sprintf("innovation_station:%d", id) }
