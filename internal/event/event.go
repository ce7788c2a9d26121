// Package event is the 科普 events of an org — 全国科普日, 科技活动周, 大篷车
// stops, lectures — with registration, a waiting list that moves up by
// itself, QR tickets, and check-in on phones that may be offline and send
// their scans later.
//
// Sync is idempotent: a device's scan is stored once by (event, device,
// nonce) and looked up only within its event, a ticket counts once however
// many scans or devices saw it, and a scan that does not count is kept with
// its reason, never dropped — up to MaxScans an event, past which a scan is
// still judged but no longer kept. A door reads only its own event's
// tickets and scans (another's ticket is an unknown code) and takes scans
// until SyncDays after the event's last day. Attendance and reach are
// published as measure sources so plan targets follow them.
//
// A ticket taken while signed in belongs to that account (one live ticket
// per account and event); one taken by name alone belongs to nobody.
//
// This package must never read another module's tables (a venue is an ID
// and a name from a small interface), count outside the scope it is given,
// drop a scan a device sent (below MaxScans), tell a door anything of
// another event's tickets or scans, or list a ticket to any account but
// its own.
package event

import (
	"time"

	"kexie/internal/checkin"
	"kexie/internal/valid"
)

// Kinds of event.
const (
	KindLecture = "lecture" // 科普讲座
	KindKepuri  = "kepuri"  // 全国科普日
	KindWeek    = "week"    // 科技活动周
	KindCaravan = "caravan" // 科普大篷车
	KindOther   = "other"
)

// Kinds lists the kinds of event in the order forms offer them.
func Kinds() []string { return []string{KindLecture, KindKepuri, KindWeek, KindCaravan, KindOther} }

// Ticket statuses.
const (
	Confirmed = "confirmed"
	Waiting   = "waiting" // on the waiting list (候补), promoted when a seat frees
	Cancelled = "cancelled"
)

// Scan outcomes (package checkin's, shared with other modules' doors).
const (
	Accepted  = checkin.Accepted
	Duplicate = checkin.Duplicate // the ticket was in already (double scan, second device)
	Rejected  = checkin.Rejected
	WalkIn    = checkin.WalkIn // 现场入场 without a ticket
)

// Event is one event of an org.
type Event struct {
	ID        int64
	OrgID     int64
	OrgName   string
	VenueID   int64
	VenueName string
	Title     string
	Kind      string
	Audience  string
	Place     string
	Capacity  int
	Confirmed int
	Waiting   int
	StartsAt  time.Time
	EndsAt    time.Time
	CreatedAt time.Time
}

// Ticket is one registration.
type Ticket struct {
	ID        int64
	EventID   int64
	Code      string
	Name      string
	Status    string
	Position  int // place on the waiting list, 1-based; 0 unless waiting
	CreatedAt time.Time
	CheckedIn bool
	UserID    int64 // the account it was taken under, 0 for none
}

// CheckedInState is a ticket's State once its holder came in.
const CheckedInState = "checked_in"

// State is what the holder is told: confirmed, waiting, cancelled, or
// checked_in once scanned at the door (event.status.<state>).
func (t Ticket) State() string {
	if t.CheckedIn {
		return CheckedInState
	}
	return t.Status
}

// Attendance is what came in at an event.
type Attendance struct {
	CheckedIn int `json:"checked_in"`
	WalkIns   int `json:"walk_ins"`
	// Conflicts are scans of a ticket that was in already, from another
	// device or at another time: kept and shown, never counted twice.
	Duplicates int `json:"-"`
	Rejected   int `json:"-"`
}

// Reach is the people an event reached: tickets checked in and walk-ins.
func (a Attendance) Reach() int { return a.CheckedIn + a.WalkIns }

// Scan is one check-in a device recorded, as it sends it; SyncResult the
// answer to a batch, and Rejection a scan that did not count (reason
// event.reason.<code> in the catalogs). The shape is package checkin's, one
// for every module's door.
type (
	Scan       = checkin.Scan
	SyncResult = checkin.Result
	Rejection  = checkin.Rejection
)

// Reasons a scan is rejected.
const (
	ReasonBad     = checkin.ReasonBad    // a field missing or too long
	ReasonFuture  = checkin.ReasonFuture // the device's clock is far ahead
	ReasonUnknown = "unknown_ticket"     // no such ticket at this event (another event's included)
	ReasonWaiting = "not_confirmed"      // on the waiting list or cancelled
	ReasonLate    = "too_late"           // sent more than SyncDays after the event's last day
	ReasonEarly   = "too_early"          // scanned or sent before the day before the event starts
	ReasonFull    = "scans_full"         // a walk-in past MaxScans: not kept, so not counted
	// ReasonOtherEvent is no longer given (another event's ticket is an
	// unknown one at this door); scans kept before may carry it.
	ReasonOtherEvent = "other_event"
)

// MaxClockSkew is how far ahead of the server a device's clock may be.
const MaxClockSkew = checkin.MaxClockSkew

func fieldErr(field, key string, args ...any) error { return valid.New(field, key, args...) }
