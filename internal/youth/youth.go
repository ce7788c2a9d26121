// Package youth is 青少年科技教育: the programmes a 科协 runs for school
// students (科学营, 青少年科学调查体验活动, 导师结对 …) from 草稿 to 报名中,
// 已截止, 已结束 and 已总结 (or 已取消 with a reason), edited with a history
// of every change (what may change narrows once it starts and once it
// ends); the students a school's 科技辅导员 or a guardian enrols in them,
// with the guardian's consent, who may withdraw before the start (a place
// freed goes to the first on the waiting list); the staff's decision (录取,
// 候补, 不录取, or a cancellation with a reason), attendance per day and a certificate
// on completion; mentoring pairs of a student and a scientist of the talent
// database with their meetings; the registry of 科技辅导员 with trainings
// and yearly recognition; and a year's figures, in counts only. Contests
// (青少年科技创新大赛) are configurations of package review, not this one.
//
// Students are minors, the most sensitive records of the system. It must
// never keep a guardian's contact or an ID number in clear (they are sealed
// with package pii, shown masked, revealed only by a permission and
// audited), never keep a birth date beyond the year nor a photo, never
// enrol a student without a recorded guardian consent, never show a contact
// in a list or an export, never show a student's name on a public page nor
// a figure under five below a total, never let whoever applied for a
// student decide the application, never accept beyond a programme's places,
// never list anything outside the caller's scope (the zero access.Scope
// lists nothing), and never read the people module's tables: mentors are
// found through the Mentors it is given.
package youth

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
	"kexie/internal/sheet"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the module's tables.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "youth", FS: sub}
}

// zone is the calendar dates are read in (Beijing).
var zone = sheet.Zone

// Kinds of programme (labels "youth.kind.<kind>"): 科学营, 科学调查体验活动,
// 导师结对, 其他.
var Kinds = []string{"camp", "survey", "mentor", "other"}

// Programme statuses.
const (
	Draft      = "draft"      // 草稿
	Open       = "open"       // 报名中
	Closed     = "closed"     // 已截止
	Ended      = "ended"      // 已结束
	Summarized = "summarized" // 已总结
	Cancelled  = "cancelled"  // 已取消, with a reason
)

// ProgrammeStatuses in their order.
var ProgrammeStatuses = []string{Draft, Open, Closed, Ended, Summarized, Cancelled}

// Enrolment statuses.
const (
	Pending    = "pending"    // 待审核
	Accepted   = "accepted"   // 已录取
	Waitlisted = "waitlisted" // 候补
	Declined   = "declined"   // 未录取, with a reason
	Completed  = "completed"  // 已结业, with a certificate
	Withdrawn  = "withdrawn"  // 已撤回 by whoever applied, before the start
	// An application staff cancelled (已取消, with a reason) has the
	// status Cancelled, as a programme.
)

// EnrolStatuses in their order.
var EnrolStatuses = []string{Pending, Accepted, Waitlisted, Declined, Completed, Withdrawn, Cancelled}

// Grades run from 1 (小学一年级) to 12 (高中三年级); labels "youth.grade.<n>".
const (
	MinGrade = 1
	MaxGrade = 12
)

// Band is a grade's band: primary (小学, 1–6), junior (初中, 7–9) or senior
// (高中, 10–12).
func Band(grade int) string {
	switch {
	case grade <= 6:
		return "primary"
	case grade <= 9:
		return "junior"
	}
	return "senior"
}

// Bands in their order.
var Bands = []string{"primary", "junior", "senior"}

// Genders a student's record may hold; "" when not collected.
var Genders = []string{"f", "m"}

// ConsentWays are how a guardian gave consent: 书面签字, 线上确认, 电话确认.
var ConsentWays = []string{"written", "online", "phone"}

// Outcomes of a mentoring pair.
var Outcomes = []string{"finished", "award", "stopped"}

// Limits of what a form may send.
const (
	MaxTitle       = 100
	MaxText        = 2000 // a description or a summary
	MaxName        = 30   // a person's name
	MaxSchool      = 60
	MaxReason      = 500
	MaxContact     = 100
	MaxPlaces      = 5000
	MaxFee         = 1000000 // fen: 10,000 元
	MaxDays        = 60      // days a programme lasts
	MaxNote        = 500
	MaxSearch      = 100     // a search term; a longer one matches nothing
	MaxMeetingMins = 12 * 60 // one meeting's length
	MaxTrainHours  = 2000    // tenths of an hour: 200 hours
	Threshold      = 5       // figures below it are not shown beside a total
	DefaultMentees = 3       // students a mentor pairs with at once
)

// Actor is who does a step.
type Actor struct {
	UserID int64
	Name   string
}

// Mentor is a person of the talent database as the module shows one: a
// name and a 工作单位 — never an ID number or a phone.
type Mentor struct {
	PersonID int64
	Name     string
	Employer string
}

// Mentors is what the module reads of the people module (wired in app).
type Mentors interface {
	// Find lists up to limit people visible in scope whose name, employer
	// or expertise contains q.
	Find(ctx context.Context, scope access.Scope, q string, limit int) ([]Mentor, error)
	// Get returns the person with id when visible in scope; a
	// db.ErrNotFound otherwise.
	Get(ctx context.Context, scope access.Scope, id int64) (Mentor, error)
}

// Accounts finds a user account by its username, to link a teacher to the
// account they apply with (wired in app).
type Accounts interface {
	UserID(ctx context.Context, username string) (int64, error)
}

// Config is what the store needs besides the database.
type Config struct {
	Keys     *pii.Keyring // seals contacts and ID numbers
	Mentors  Mentors
	Accounts Accounts
	// MaxMentees is how many students a mentor pairs with at once (0:
	// DefaultMentees).
	MaxMentees int
}

// Store reads and writes the module's tables. Its exported methods are
// transaction boundaries; every change appends an audit record (and an
// event, for programmes and enrolments) in the same transaction.
type Store struct {
	db  *db.DB
	cfg Config
}

// NewStore returns a store on d.
func NewStore(d *db.DB, cfg Config) *Store {
	if cfg.MaxMentees <= 0 {
		cfg.MaxMentees = DefaultMentees
	}
	return &Store{db: d, cfg: cfg}
}

// DB is the store's database (demo data moves its clock).
func (s *Store) DB() *db.DB { return s.db }

// MaxMentees is how many students a mentor pairs with at once.
func (s *Store) MaxMentees() int { return s.cfg.MaxMentees }

// NotFoundError is returned for a record that does not exist.
type NotFoundError struct {
	What string
	ID   int64
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("youth: %s %d: not found", e.What, e.ID) }

// Unwrap makes the error match db.ErrNotFound.
func (e *NotFoundError) Unwrap() error { return db.ErrNotFound }

// ErrNoKeys is returned when a contact must be sealed and no keyring is set.
var ErrNoKeys = errors.New("youth: no keyring to seal a contact")

const (
	guardianField = "youth_student.guardian_contact"
	idField       = "youth_student.id_number"
	teacherField  = "youth_teacher.contact"
)

func programmeTarget(id int64) string { return fmt.Sprintf("youth_programme:%d", id) }
func enrolmentTarget(id int64) string { return fmt.Sprintf("youth_enrolment:%d", id) }
func studentTarget(id int64) string   { return fmt.Sprintf("youth_student:%d", id) }
func teacherTarget(id int64) string   { return fmt.Sprintf("youth_teacher:%d", id) }
func pairTarget(id int64) string      { return fmt.Sprintf("youth_pair:%d", id) }

func inList(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func optTime(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return db.Time(ms)
}

// day parses a date as typed ("2026-07-15") in Beijing time.
func day(s string) (time.Time, bool) {
	t, err := time.ParseInLocation("2006-01-02", s, zone)
	return t, err == nil
}
