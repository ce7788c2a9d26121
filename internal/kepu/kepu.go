// Package kepu is the public side of a 科协's science popularization: a portal
// anyone reads without signing in (articles, videos, series, audiences, each
// org's own section, search, feeds), the workflow that puts an item there
// (draft → an expert's 科学性审核 → an editor's approval → published, with
// corrections that keep the earlier version and withdrawals with a reason),
// the 应急科普 fast path, the rumour loop (科学辟谣), versions in other
// languages, and reach counters rolled up the org tree.
//
// It must never publish an item no expert has reviewed except on the
// emergency path (and then it says "审核中" until the review is done), never
// let the author of an item review or approve it, never keep a reader's
// address, and never read another module's tables: experts come through the
// Experts interface, notifications go out through Pusher.
package kepu

import (
	"context"
	"embed"
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
	return db.Migrations{Module: "kepu", FS: sub}
}

// Status is where an item is in the workflow.
type Status string

// Statuses of an item.
const (
	Draft     Status = "draft"     // the author edits it
	InReview  Status = "review"    // an expert checks the science
	Reviewed  Status = "reviewed"  // the expert passed it; an editor may publish
	Published Status = "published" // the public reads it
	Withdrawn Status = "withdrawn" // taken down with a reason; its link answers 410
)

// Kind is what an item is.
type Kind string

// Kinds of item.
const (
	Article Kind = "article"
	Video   Kind = "video"
	Debunk  Kind = "debunk" // 辟谣: an expert's answer to a rumour lead
)

// Audiences are the 重点人群 an item is written for.
var Audiences = []string{"public", "youth", "farmers", "workers", "elderly", "officials"}

// Languages are the content languages an item may have a version in; the
// first is the original's.
var Languages = []string{"zh-CN", "bo", "ug", "en"}

func knownAudience(a string) bool { return contains(Audiences, a) }
func knownLang(l string) bool     { return contains(Languages, l) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Item is one piece of content in one language.
type Item struct {
	ID, GroupID      int64
	Lang             string
	OrgID            int64
	OrgPath, OrgName string
	Kind             Kind
	Title, Summary   string
	Body             string // sanitized HTML
	VideoURL         string
	VideoMedia       int64
	CoverMedia       int64
	Audience, Topic  string
	SeriesID         int64
	EmergencyID      int64
	LeadID           int64
	Status           Status
	AuthorID         int64
	AuthorName       string
	ReviewerPerson   int64
	ReviewerUser     int64
	ReviewerName     string
	ReviewerField    string
	ReviewNote       string
	ReviewedAt       time.Time
	ReviewPending    bool // published on the emergency path, review not yet done
	EditorID         int64
	EditorName       string
	PublishedAt      time.Time
	CorrectedAt      time.Time
	WithdrawnAt      time.Time
	WithdrawReason   string
	Version          int
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Expert is a member of an expert pool as the review needs one.
type Expert struct {
	PersonID int64
	UserID   int64
	Name     string
	Employer string
	Field    string // discipline, shown on the page as the reviewer's field
}

// Pool is an expert pool of the people module.
type Pool struct {
	ID   int64
	Name string
}

// Experts is what the module reads of the people module (wired in app).
type Experts interface {
	// Pools lists the expert pools in scope, for picking one.
	Pools(ctx context.Context, scope access.Scope) ([]Pool, error)
	// Pool lists the members of an expert pool.
	Pool(ctx context.Context, poolID int64) ([]Expert, error)
	// Employer returns the employer of the person behind a user account
	// ("" when unknown), for conflict avoidance.
	Employer(ctx context.Context, userID int64) (string, error)
}

// Pusher sends notifications (精准推送, wired by the notify module). The
// store calls it after the transaction that published commits.
type Pusher interface {
	// Publish enqueues the notification of the item's subscribers.
	Publish(ctx context.Context, it Item) error
	// Tell lets a rumour lead's submitter know, by the contact they left,
	// that the answer is out.
	Tell(ctx context.Context, contact, title, link string) error
}

// NopPusher sends nothing.
type NopPusher struct{}

// Publish does nothing.
func (NopPusher) Publish(context.Context, Item) error { return nil }

// Tell does nothing.
func (NopPusher) Tell(context.Context, string, string, string) error { return nil }

// Workdays adds working days (the calendar module's Source).
type Workdays interface {
	AddWorkdays(ctx context.Context, from time.Time, n int) (time.Time, error)
}

// Store reads and writes the module's tables. Its exported methods are
// transaction boundaries; every change appends an audit record in the same
// transaction.
type Store struct {
	db      *db.DB
	experts Experts
	push    Pusher
	days    Workdays
	reach   *reach
	pages   *pageCache
	keys    *pii.Keyring // seals rumour leads' contacts (UseKeys)
}

// NewStore returns a store on d.
func NewStore(d *db.DB, experts Experts, days Workdays) *Store {
	return &Store{db: d, experts: experts, push: NopPusher{}, days: days, reach: newReach(), pages: newPageCache(2000)}
}

// UseKeys seals the contacts rumour leads leave with k. Without it a lead
// that leaves a contact is refused: a contact is never stored in clear.
func (s *Store) UseKeys(k *pii.Keyring) { s.keys = k }

// contactField is the field name sealed contacts are bound to.
const contactField = "kepu_lead.contact"

// showContact replaces a lead's sealed contact by its mask (pages show no
// more); a value no key opens shows as masked stars.
func (s *Store) showContact(l *Lead) {
	if l.Contact == "" {
		return
	}
	c := ""
	if s.keys != nil {
		c, _ = s.keys.Open(contactField, l.Contact)
	}
	if c == "" {
		l.Contact = "***"
		return
	}
	l.Contact = pii.MaskContact(c)
}

// UsePusher sets the notification sender (the lead wires the notify module).
func (s *Store) UsePusher(p Pusher) {
	if p != nil {
		s.push = p
	}
}
