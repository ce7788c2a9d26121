// Package review is the one call-and-review engine (征集→申报→推荐→形式审查→
// 专家评审→公示→异议→结果) that awards, research topics, paper prizes,
// funding and society grading configure: a call with a versioned form and
// eligibility rules, applications, an optional recommending unit with a
// quota, an ordered list of stages (formal check, expert review rounds,
// publicity, results), conflict-free reviewer assignment, rubric scores,
// aggregation, ranking, decisions and objections.
//
// Applicants are individuals or units (ApplicantKind Unit: the application
// is an org's, any of its staff edit it). Another module runs its process
// on the engine through the Store (CreateCall with its kind, Publish,
// SaveDraft/SubmitUnit, Decide, AssignStage, Select, StartPublicity,
// Finalize) and reads the outcome with Results; docs/architecture.md shows
// the calls in order. Notices live in an inbox that is also the outbox of
// email and SMS: a Sender (internal/notify, later) gets them from Deliver.
//
// It must never keep a copy of itself per process (a process is a call's
// configuration), never read the people module's tables (it asks through
// the People interface), and never let the person who filed something
// decide on it.
package review

import (
	"context"
	"embed"
	"errors"
	"io/fs"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Call statuses.
const (
	CallDraft     = "draft"
	CallOpen      = "open"
	CallClosed    = "closed"
	CallPublicity = "publicity"
	CallFinal     = "final"
)

// Kinds of call: each is a configuration of the same engine.
var Kinds = []string{"award", "topic_collection", "research", "milestone", "funding", "paper", "grading"}

// Applicant kinds.
const (
	Individual = "individual"
	Unit       = "unit"
)

// Call is one 征集: who may apply, when, on which form, through which stages.
type Call struct {
	ID            int64
	OrgID         int64
	OrgName       string
	OrgPath       string
	ParentAppID   int64 // the application it grew from: a proposed topic (选题) for a research call; the project for a milestone (中期检查, 结题验收), which only its holder may answer
	Title         string
	Kind          string
	Status        string
	ApplicantKind string
	EligiblePath  string // applicants' orgs lie in this subtree
	Recommend     bool   // applications go first to a recommending unit (推荐)
	Quota         int    // per recommending unit; 0: no limit
	Rules         []Rule
	OpensAt       time.Time
	ClosesAt      time.Time
	ReviewFrom    time.Time
	ReviewTo      time.Time
	PublicityDays int // working days
	PublicityFrom time.Time
	PublicityTo   time.Time
	FormVersion   int
	CreatedBy     int64
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// PublicityEnds is the last day of the 公示 (its end is that day's midnight).
func (c Call) PublicityEnds() time.Time { return c.PublicityTo.Add(-time.Second) }

// Admits reports whether an applicant of the org at orgPath may apply:
// the call names no subtree, or the org lies in it.
func (c Call) Admits(orgPath string) bool {
	return c.EligiblePath == "" || strings.HasPrefix(orgPath, c.EligiblePath)
}

// Accepting reports whether the call takes submissions at now.
func (c Call) Accepting(now time.Time) bool {
	return c.Status == CallOpen && !now.Before(c.OpensAt) && now.Before(c.ClosesAt)
}

// StatusAt is the status shown at now: an open call past its closing date
// reads closed (nothing needs to run at the closing time to close it).
func (c Call) StatusAt(now time.Time) string {
	if c.Status == CallOpen && !now.Before(c.ClosesAt) {
		return CallClosed
	}
	return c.Status
}

// Stage kinds.
const (
	StageFormal    = "formal"    // 形式审查
	StageReview    = "review"    // 专家评审 (初评, 复评, 答辩, 开题评审, 结题验收 …)
	StagePublicity = "publicity" // 公示
	StageResult    = "result"    // 结果
)

// Stage is one step of a call's ordered list.
type Stage struct {
	ID       int64
	CallID   int64
	Seq      int
	Kind     string
	Name     string
	PerApp   int   // reviewers per application
	MaxLoad  int   // applications per reviewer; 0: balanced without a cap
	PoolID   int64 // the expert pool reviewers are drawn from
	Method   string
	Zscore   bool
	Blind    bool // hide fields marked identifying from reviewers
	Rubric   []Criterion
	TopN     int
	Seed     int64
	Status   string    // pending, open, closed
	OpensAt  time.Time // the review window: reviewers score from OpensAt (zero: at once)
	ClosesAt time.Time // to ClosesAt (zero: until the stage closes)
	DueAt    time.Time // the deadline reminders and on-time records count from
}

// InWindow reports whether reviewers may score at now: the stage is open
// and now lies in its review window.
func (s Stage) InWindow(now time.Time) bool {
	return s.Status == "open" && (s.OpensAt.IsZero() || !now.Before(s.OpensAt)) && (s.ClosesAt.IsZero() || now.Before(s.ClosesAt))
}

// Application statuses.
const (
	AppDraft        = "draft"
	AppRecommending = "recommending" // with the recommending unit
	AppReturned     = "returned"     // back with the applicant for changes
	AppInStage      = "in_stage"     // at stage StageSeq
	AppRejected     = "rejected"
	AppSelected     = "selected" // proposed result, shown in 公示
	AppNotSelected  = "not_selected"
	AppAwarded      = "awarded" // final
)

// Application is one 申报.
type Application struct {
	ID            int64
	CallID        int64
	UserID        int64
	PersonID      int64
	OrgID         int64
	OrgPath       string
	RecommenderID int64
	UnitID        int64 // a unit applicant (an org): the application is the unit's, not UserID's
	Title         string
	Name          string // the applicant's name, employer and discipline as of submission
	Employer      string
	Discipline    string
	FormVersion   int
	Answers       Answers
	Conflicts     []int64
	Status        string
	StageSeq      int
	Note          string
	SubmittedAt   time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// ByUnit reports whether the application is a unit's (UserID only filed it).
func (a Application) ByUnit() bool { return a.UnitID != 0 }

// NoteKey reports whether the note is a catalog key the engine wrote (a
// reason such as "review.reason.ranking") rather than staff's own words:
// pages show it translated.
func (a Application) NoteKey() bool { return strings.HasPrefix(a.Note, "review.reason.") }

// Applicant is what eligibility and conflict rules need to know of an
// applicant; the people module supplies it.
type Applicant struct {
	PersonID      int64
	OrgID         int64
	OrgPath       string
	Name          string
	Employer      string
	EmployerOrgID int64
	BirthYear     int    // 0: unknown
	TitleLevel    string // people.TitleLevels
	Discipline    string
	Memberships   []string // org paths of active memberships (学会, 科协)
}

// Expert is a reviewer from an expert pool.
type Expert struct {
	PersonID    int64
	UserID      int64 // the account that signs in to score; 0: none yet
	Name        string
	Employer    string
	OrgPath     string
	Disciplines []string
}

// People is how review reads the people module: never its tables.
type People interface {
	// Applicant returns the person record a user account owns, or an error
	// wrapping db.ErrNotFound when the user has none.
	Applicant(ctx context.Context, userID int64) (Applicant, error)
	// Experts lists an expert pool's members.
	Experts(ctx context.Context, poolID int64) ([]Expert, error)
	// PoolOrg returns the path of the org that keeps an expert pool, or an
	// error wrapping db.ErrNotFound, so that a call draws its reviewers
	// only from a pool its staff may see.
	PoolOrg(ctx context.Context, poolID int64) (string, error)
	// Pools lists the expert pools of orgs in scope, for a call's staff to
	// pick one by its name.
	Pools(ctx context.Context, scope access.Scope) ([]Pool, error)
}

// Pool is an expert pool as a picker shows it.
type Pool struct {
	ID      int64
	Name    string
	OrgName string
	Members int
}

// ErrNoProfile says the applicant has no person record to check rules on.
var ErrNoProfile = errors.New("review: applicant has no profile")

//go:embed migrations/*.sql
var migrationFS embed.FS

//go:embed locales/*.json
var localeFS embed.FS

// Migrations returns the review tables' migrations (after org's).
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "review", FS: sub}
}
