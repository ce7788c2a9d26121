// Package survey runs questionnaires (问卷调查) from the builder to the
// analysis: a definition edited as a draft and frozen into numbered versions
// when published, distribution through public links, QR codes and stations
// (调查站点, orgs of the tree) with quotas and single-use answer codes
// (填答码), responses appended and never overwritten, quality flags and
// audited exclusions, frequencies and cross-tabulations, and two built-in
// instruments: the citizen science-literacy survey (公民科学素质调查) with its
// monitoring dashboard, and the sci-tech worker status survey
// (科技工作者状况调查).
//
// It must never overwrite or delete a submitted response, store part of a
// response that failed a check, read another module's tables except orgs,
// or list, count or export anything outside the caller's access.Scope. The
// scoring maths and weighted estimates live in internal/survey/estimate;
// this package calls them only through seam.go.
package survey

import (
	"time"

	"kexie/internal/db"
)

// Kinds of survey.
const (
	KindGeneral  = "general"
	KindLiteracy = "literacy" // 公民科学素质调查
	KindStatus   = "status"   // 科技工作者状况调查
)

// Survey is a questionnaire of an org, with its distribution settings.
type Survey struct {
	ID         int64
	OrgID      int64
	OrgName    string
	OrgPath    string
	Kind       string
	Title      string
	Token      string
	Draft      Definition
	Version    int // the published version answered now; 0 = never published
	Year       int
	OpensAt    time.Time // zero: at once
	ClosesAt   time.Time // zero: never
	Closed     bool
	SignedIn   bool
	CodesOnly  bool
	Quota      int
	Filled     int
	MinSeconds int
	CreatedBy  int64
	CreatedAt  time.Time
	UpdatedAt  time.Time
	Responses  int // complete responses (lists only)
}

// Open reports whether the survey takes answers at now.
func (s Survey) Open(now time.Time) bool {
	return s.Version > 0 && !s.Closed && (s.OpensAt.IsZero() || !now.Before(s.OpensAt)) &&
		(s.ClosesAt.IsZero() || now.Before(s.ClosesAt))
}

// Status is the survey's state at now: draft, scheduled, open or closed.
func (s Survey) Status(now time.Time) string {
	switch {
	case s.Version == 0:
		return "draft"
	case s.Closed || (!s.ClosesAt.IsZero() && !now.Before(s.ClosesAt)):
		return "closed"
	case !s.OpensAt.IsZero() && now.Before(s.OpensAt):
		return "scheduled"
	}
	return "open"
}

// Station is an org distributing a survey (调查站点).
type Station struct {
	ID        int64
	SurveyID  int64
	OrgID     int64
	OrgName   string
	OrgPath   string
	Token     string
	Quota     int
	Filled    int
	Responses int // complete responses
	Today     int // completed today (Beijing time)
	Codes     int // answer codes issued
	Used      int // answer codes used
}

// NotFoundError says no survey (or station, response) has the ID.
type NotFoundError struct {
	What string
	ID   int64
}

func (e *NotFoundError) Error() string { return "survey: " + e.What + " not found" }

// Unwrap makes errors.Is(err, db.ErrNotFound) hold.
func (e *NotFoundError) Unwrap() error { return db.ErrNotFound }
