// Package stats is the 科协系统统计年报: the yearly statistical report each
// 科协 and each 学会 files with the org above it. The form is defined in
// code (Schema: tables of indicators with their bounds and edit checks);
// staff of an org fill it beside last year's figures and what the
// platform's live measures suggest, save drafts, and submit when no error
// remains (未填报 → 草稿 → 已上报 → 已退回 → 已审核). The org above returns it
// with a reason or approves it; a correction after approval reopens it and
// keeps the earlier values. A subtree's totals are the sum of its approved
// forms; every step is an event of an append-only timeline.
//
// It must never let whoever filed or edited a form, nor its org's own
// staff, approve, return or reopen it, never count a form that is not
// approved in a summary, never show or count anything outside the caller's scope (the zero access.Scope holds
// nothing), never keep a value the checks could not read, and never read
// another module's tables: live figures come through package measure.
package stats

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/measure"
	"kexie/internal/org"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the module's tables.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "stats", FS: sub}
}

// zone is the calendar the years and deadlines are read in.
var zone = calendar.Beijing

// Status is where an org's form of a year is.
type Status string

// Statuses of a form.
const (
	None      Status = "none"      // 未填报: nothing saved yet (no row)
	Draft     Status = "draft"     // 草稿
	Submitted Status = "submitted" // 已上报: waiting for the org above
	Returned  Status = "returned"  // 已退回, with a reason: editable again
	Approved  Status = "approved"  // 已审核
)

// Statuses lists the statuses in their order.
var Statuses = []Status{None, Draft, Submitted, Returned, Approved}

// Editable reports whether the filer may change a form in s.
func (s Status) Editable() bool { return s == None || s == Draft || s == Returned }

// KindOf says which form an org of type t files: a 科协 from the province
// down to the county, or a 学会; 0 for orgs that do not file (乡镇科协,
// 企业科协, 高校科协 … are reported by the org above them).
func KindOf(t org.Type) Applies {
	switch t {
	case org.TypeNational, org.TypeProvince, org.TypeCity, org.TypeCounty:
		return ForKX
	case org.TypeSociety:
		return ForSociety
	}
	return 0
}

// filingTypes are the org types that file, for SQL.
const filingTypes = `('kx_national', 'kx_province', 'kx_city', 'kx_county', 'society')`

// Form is one org's report for one year.
type Form struct {
	ID           int64
	OrgID        int64
	OrgPath      string
	OrgName      string
	OrgCode      string
	OrgType      org.Type
	ParentID     int64
	Year         int
	Version      int
	Status       Status
	Rev          int
	Values       Values
	Notes        map[string]string
	Prefill      Values
	FiledBy      int64
	FiledName    string
	FiledAt      time.Time
	FirstFiled   time.Time
	ReviewedBy   int64
	ReviewedName string
	ReviewedAt   time.Time
	Reason       string
	UpdatedAt    time.Time
}

// Kind is the form the org files.
func (f Form) Kind() Applies { return KindOf(f.OrgType) }

// Event is one step of a form's timeline.
type Event struct {
	ID        int64
	Rev       int
	At        time.Time
	ActorUser int64
	ActorName string
	Action    string // save, submit, return, approve, reopen
	Note      string
	Snap      Values // the values at a submit, an approval or a reopening
}

// Actor is who does a step. Staff are the paths of the orgs whose staff
// they are — their own grants carrying stats.fill, not the orgs those
// reach below (StaffOf): a review step on the form of one of those orgs,
// or of an org below one, is refused though they hold stats.review above.
type Actor struct {
	UserID int64
	Name   string
	Staff  []string
}

// staffOf reports whether by is on the staff of the org at path or of an
// org below it: one of by's own grants names such an org.
func (by Actor) staffOf(path string) bool {
	for _, p := range by.Staff {
		if strings.HasPrefix(p, path) {
			return true
		}
	}
	return false
}

// Measures is what the module reads of package measure: a registry's
// value of a source for a scope and a period.
type Measures interface {
	Value(ctx context.Context, key string, scope access.Scope, p measure.Period) (float64, error)
}

// Config is what the store needs besides the database.
type Config struct {
	Measures Measures // prefills the rows that have a live measure; nil: none
	// RemindDays is how many days before its deadline an org's form not
	// yet submitted becomes a 待办 (0: DefaultRemindDays).
	RemindDays int
	// Teller tells a form's filer that it was returned, approved or
	// reopened (wired to the notify module); nil: nobody is told.
	Teller Teller
}

// Notice is what a form's filer is told after a review step: Key, an
// i18n key of the module worded with Args (the org's name, the year, the
// reason), and the form's page.
type Notice struct {
	UserID int64
	Key    string
	Args   []any
	Link   string
}

// Teller sends a notice to a user by the contact of their account, when
// they have one. The store calls it after the step's transaction commits
// and ignores its error: a failed notice never undoes a return.
type Teller interface {
	Tell(ctx context.Context, n Notice) error
}

// DefaultRemindDays is when an unsubmitted form starts to be a 待办.
const DefaultRemindDays = 15

// Store reads and writes the module's tables. Its exported methods are
// transaction boundaries; every change appends an event and an audit
// record in the same transaction.
type Store struct {
	db     *db.DB
	cfg    Config
	schema *Schema
}

// NewStore returns a store on d.
func NewStore(d *db.DB, cfg Config) *Store {
	if cfg.RemindDays <= 0 {
		cfg.RemindDays = DefaultRemindDays
	}
	return &Store{db: d, cfg: cfg, schema: Current}
}

// UseMeasures sets the registry that prefills the form (wired after every
// module's sources are registered).
func (s *Store) UseMeasures(m Measures) { s.cfg.Measures = m }

// Schema is the form in force.
func (s *Store) Schema() *Schema { return s.schema }

// DB is the store's database (demo data moves its clock).
func (s *Store) DB() *db.DB { return s.db }

// RemindDays is how long before the deadline an open form is a 待办.
func (s *Store) RemindDays() int { return s.cfg.RemindDays }

// NotFoundError is returned for an org that does not file or a form that
// does not exist.
type NotFoundError struct {
	What string
	ID   int64
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("stats: %s %d: not found", e.What, e.ID) }

// Unwrap makes the error match db.ErrNotFound.
func (e *NotFoundError) Unwrap() error { return db.ErrNotFound }

func formTarget(id int64) string { return fmt.Sprintf("stats_form:%d", id) }

// YearStart is the first instant of year in Beijing.
func YearStart(year int) time.Time { return time.Date(year, 1, 1, 0, 0, 0, 0, zone) }

// CurrentYear is the year whose report is being filed now: this year's
// from July (forms are prepared before the year ends), last year's until
// then (filed by its deadline in spring).
func (s *Store) CurrentYear() int {
	now := s.db.Now().In(zone)
	if now.Month() >= time.July {
		return now.Year()
	}
	return now.Year() - 1
}
