package conference

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
	"kexie/internal/org"
)

// Tally counts the conferences held in a period: a conference counts when
// it is 已举办 or 已总结; its attendance and papers are the summary's
// figures once filed, the people checked in and the papers accepted before.
type Tally struct {
	Held       int
	Attendance int
	Papers     int
	Intl       int // international conferences held
}

func (t *Tally) add(o Tally) {
	t.Held += o.Held
	t.Attendance += o.Attendance
	t.Papers += o.Papers
	t.Intl += o.Intl
}

// KindTally is the tally of one kind.
type KindTally struct {
	Kind string
	Tally
}

// Stats is a year's numbers for a subtree.
type Stats struct {
	Year   int
	Total  Tally
	ByKind []KindTally // in Kinds order, every kind
	Filed  int         // conferences of the year in any status but 草稿 and 已取消
}

// tally counts the conferences starting on days [from, to] inside scope
// (and orgPath's subtree when set), by kind, in one query.
func (s *Store) tally(ctx context.Context, scope access.Scope, orgPath, from, to string) (map[string]Tally, int, error) {
	out := map[string]Tally{}
	where, args, ok := s.where(Filter{Scope: scope, OrgPath: orgPath})
	if !ok {
		return out, 0, nil
	}
	rows, err := s.db.Query(ctx, `SELECT c.kind,
		SUM(CASE WHEN c.status IN ('held', 'summarized') THEN 1 ELSE 0 END),
		SUM(CASE WHEN c.status NOT IN ('held', 'summarized') THEN 0 WHEN c.summary_at > 0 THEN c.attendance ELSE c.checked_in END),
		SUM(CASE WHEN c.status NOT IN ('held', 'summarized') THEN 0 WHEN c.summary_at > 0 THEN c.papers ELSE c.accepted END),
		SUM(CASE WHEN c.status IN ('held', 'summarized') AND c.international = 1 THEN 1 ELSE 0 END),
		SUM(CASE WHEN c.status IN ('draft', 'cancelled') THEN 0 ELSE 1 END)
		FROM conference_confs c WHERE c.starts_on >= ? AND c.starts_on <= ? AND `+where+` GROUP BY c.kind`,
		append([]any{from, to}, args...)...)
	if err != nil {
		return nil, 0, fmt.Errorf("conference: tally: %w", err)
	}
	defer rows.Close()
	filed := 0
	for rows.Next() {
		var kind string
		var t Tally
		var f int
		if err := rows.Scan(&kind, &t.Held, &t.Attendance, &t.Papers, &t.Intl, &f); err != nil {
			return nil, 0, fmt.Errorf("conference: tally: %w", err)
		}
		out[kind], filed = t, filed+f
	}
	return out, filed, rows.Err()
}

// YearStats counts the conferences starting in year inside scope, within
// orgPath's subtree when set.
func (s *Store) YearStats(ctx context.Context, scope access.Scope, orgPath string, year int) (Stats, error) {
	st := Stats{Year: year}
	m, filed, err := s.tally(ctx, scope, orgPath, fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year))
	if err != nil {
		return st, err
	}
	st.Filed = filed
	for _, k := range Kinds {
		st.ByKind = append(st.ByKind, KindTally{Kind: k, Tally: m[k]})
		st.Total.add(m[k])
	}
	return st, nil
}

// Source keys the module publishes; plans store them, never rename.
const (
	SourceHeld       = "conference.held"       // 举办学术会议场次
	SourceAttendance = "conference.attendance" // 参会人次
	SourcePapers     = "conference.papers"     // 交流论文数
	SourceIntl       = "conference.intl"       // 国际学术会议数
)

// days turns a measure period into the first and last day it covers.
func days(p measure.Period) (string, string) {
	from, to := "0000-01-01", "9999-12-31"
	if !p.From.IsZero() {
		from = today(p.From)
	}
	if !p.To.IsZero() {
		to = today(p.To.Add(-time.Millisecond)) // To is exclusive
	}
	return from, to
}

// Sources are the live quantities of the module, each counted over the
// conferences starting within the period at the orgs of the scope.
func (s *Store) Sources() []measure.Source {
	value := func(f func(Tally) int) measure.Func {
		return func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
			if scope.None() {
				return 0, nil
			}
			from, to := days(p)
			m, _, err := s.tally(ctx, scope, "", from, to)
			if err != nil {
				return 0, err
			}
			var t Tally
			for _, x := range m {
				t.add(x)
			}
			return float64(f(t)), nil
		}
	}
	return []measure.Source{
		{Key: SourceHeld, Label: "conference.measure.held", Unit: "场", Kind: measure.Count, Value: value(func(t Tally) int { return t.Held })},
		{Key: SourceAttendance, Label: "conference.measure.attendance", Unit: "人次", Kind: measure.Count, Value: value(func(t Tally) int { return t.Attendance })},
		{Key: SourcePapers, Label: "conference.measure.papers", Unit: "篇", Kind: measure.Count, Value: value(func(t Tally) int { return t.Papers })},
		{Key: SourceIntl, Label: "conference.measure.intl", Unit: "场", Kind: measure.Count, Value: value(func(t Tally) int { return t.Intl })},
	}
}

// upperIn is the condition that the org above a conference's organiser is
// inside scope: what its approver's and confirmer's scope must hold.
func (s *Store) upperIn(scope access.Scope) (string, []any, bool) {
	if scope.None() {
		return "", nil, false
	}
	if scope.All() {
		return "1=1", nil, true
	}
	cond, args := db.ScopeCond(s.db, "u.path", scope)
	return `c.org_id IN (SELECT o.id FROM orgs o JOIN orgs u ON u.id = COALESCE(NULLIF(o.parent_id, 0), o.id) WHERE ` + cond + `)`, args, true
}

func (s *Store) countWhere(ctx context.Context, where string, args ...any) (int, error) {
	var n int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM conference_confs c WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("conference: count: %w", err)
	}
	return n, nil
}

// notHand is the condition that user ? took none of the steps (a list of
// quoted actions) on a conference's timeline: what upper refuses.
func notHand(steps string) string {
	return `NOT EXISTS (SELECT 1 FROM conference_events e WHERE e.conf_id = c.id AND e.actor_user = ? AND e.action IN (` + steps + `))`
}

// notStaff is the condition that a conference's organiser is none of the
// orgs of staff nor above them (Conference.StaffOf: the staff of an org at
// or below the organiser; the root's own aside).
func notStaff(staff []string) (string, []any) {
	var args []any
	for _, p := range staff {
		ids := org.PathIDs(p)
		for _, id := range ids[min(1, len(ids)):] { // the root's own are approved at the root
			args = append(args, id)
		}
	}
	if len(args) == 0 {
		return "1=1", nil
	}
	return `c.org_id NOT IN (` + strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ") + `)`, args
}

// ToApprove counts the plans waiting for approval by the orgs of scope
// (the caller's conference.approve scope), never one userID filed, edited
// or submitted.
func (s *Store) ToApprove(ctx context.Context, scope access.Scope, userID int64) (int, error) {
	return s.ToApproveBy(ctx, scope, Actor{UserID: userID})
}

// ToApproveBy is ToApprove for by, leaving out too the conferences of the
// orgs whose staff they are (by.Staff: StaffOf), which they may not approve.
func (s *Store) ToApproveBy(ctx context.Context, scope access.Scope, by Actor) (int, error) {
	cond, args, ok := s.upperIn(scope)
	if !ok {
		return 0, nil
	}
	own, ownArgs := notStaff(by.Staff)
	return s.countWhere(ctx, `c.status = 'submitted' AND c.filer_user <> ? AND `+notHand(`'file', 'edit', 'submit'`)+` AND `+own+` AND `+cond,
		append(append([]any{by.UserID, by.UserID}, ownArgs...), args...)...)
}

// ToConfirm counts the summaries waiting for confirmation by the orgs of
// scope, never one userID wrote (its plan or its summary).
func (s *Store) ToConfirm(ctx context.Context, scope access.Scope, userID int64) (int, error) {
	return s.ToConfirmBy(ctx, scope, Actor{UserID: userID})
}

// ToConfirmBy is ToConfirm for by, leaving out too the conferences of the
// orgs whose staff they are.
func (s *Store) ToConfirmBy(ctx context.Context, scope access.Scope, by Actor) (int, error) {
	cond, args, ok := s.upperIn(scope)
	if !ok {
		return 0, nil
	}
	own, ownArgs := notStaff(by.Staff)
	return s.countWhere(ctx, `c.status = 'held' AND c.summary_at > 0 AND c.summary_user <> ? AND c.filer_user <> ? AND `+
		notHand(`'file', 'edit', 'submit', 'summary', 'correct'`)+` AND `+own+` AND `+cond,
		append(append([]any{by.UserID, by.UserID, by.UserID}, ownArgs...), args...)...)
}

// OverdueDays is how long after its end a conference's summary is due.
const OverdueDays = 30

// Overdue reports whether c's summary is past due on day.
func (c Conference) Overdue(day string) bool {
	if c.Summary.Filed() || (c.Status != Held && c.Status != Open && c.Status != Approved) {
		return false
	}
	end, err := time.ParseInLocation("2006-01-02", c.EndsOn, zone)
	return err == nil && today(end.AddDate(0, 0, OverdueDays)) < day
}

// OverdueSummaries counts the conferences of scope (the organisers'
// conference.file scope) whose summary is not filed 30 days after their end.
func (s *Store) OverdueSummaries(ctx context.Context, scope access.Scope) (int, error) {
	where, args, ok := s.where(Filter{Scope: scope, Overdue: true})
	if !ok {
		return 0, nil
	}
	return s.countWhere(ctx, where, args...)
}
