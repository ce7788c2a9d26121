package voice

import (
	"context"
	"fmt"
	"math"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
	"kexie/internal/sheet"
)

// Tally counts the items of one group (a topic, a kind, a year).
type Tally struct {
	Filed     int // filed within the period
	Declined  int // 不予受理
	Answered  int // answered (whatever came after)
	Closed    int // 已办结
	Timed     int // with a time limit that passed or was met: the on-time rate's base
	OnTime    int // answered by their due date
	Rated     int
	Satisfied int // rated 满意 or 基本满意
	Overdue   int // open past their due date now
}

func (t *Tally) add(o Tally) {
	t.Filed += o.Filed
	t.Declined += o.Declined
	t.Answered += o.Answered
	t.Closed += o.Closed
	t.Timed += o.Timed
	t.OnTime += o.OnTime
	t.Rated += o.Rated
	t.Satisfied += o.Satisfied
	t.Overdue += o.Overdue
}

// baseRate is pct for a published source: measure.NoBase, not 0, when
// there is nothing to measure over.
func baseRate(n, d int) float64 {
	if d == 0 {
		return measure.NoBase
	}
	return pct(n, d)
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return math.Round(float64(n)*1000/float64(d)) / 10
}

// OnTimeRate is the share of items answered by their due date among those
// whose due date passed or that were answered, in percent.
func (t Tally) OnTimeRate() float64 { return pct(t.OnTime, t.Timed) }

// SatisfiedRate is the share of rated answers rated 满意 or 基本满意.
func (t Tally) SatisfiedRate() float64 { return pct(t.Satisfied, t.Rated) }

// ClosedRate is the share of items accepted (not declined) that are closed.
func (t Tally) ClosedRate() float64 { return pct(t.Closed, t.Filed-t.Declined) }

// TopicTally is the tally of one topic.
type TopicTally struct {
	Topic string
	Tally
}

// Stats is a year's numbers for a subtree.
type Stats struct {
	Year    int
	Total   Tally
	ByKind  map[Kind]Tally
	ByTopic []TopicTally // in Topics order, every topic
}

// tally counts the items filed in [from, to) inside scope (and orgPath's
// subtree when set), by kind and topic, in one query.
func (s *Store) tally(ctx context.Context, scope access.Scope, orgPath string, from, to time.Time) (map[Kind]map[string]Tally, error) {
	out := map[Kind]map[string]Tally{}
	where, args, ok := s.where(Filter{Scope: scope, OrgPath: orgPath})
	if !ok {
		return out, nil
	}
	lo, hi := int64(0), int64(math.MaxInt64)
	if !from.IsZero() {
		lo = db.Millis(from)
	}
	if !to.IsZero() {
		hi = db.Millis(to)
	}
	now := db.Millis(s.db.Now())
	rows, err := s.db.Query(ctx, `SELECT i.kind, i.topic, COUNT(*),
		SUM(CASE WHEN i.status = 'declined' THEN 1 ELSE 0 END),
		SUM(CASE WHEN i.answered_at > 0 THEN 1 ELSE 0 END),
		SUM(CASE WHEN i.status = 'closed' THEN 1 ELSE 0 END),
		SUM(CASE WHEN i.due_at > 0 AND (i.answered_at > 0 OR i.due_at < ?) THEN 1 ELSE 0 END),
		SUM(CASE WHEN i.due_at > 0 AND i.answered_at > 0 AND i.answered_at <= i.due_at THEN 1 ELSE 0 END),
		SUM(CASE WHEN i.rating <> '' THEN 1 ELSE 0 END),
		SUM(CASE WHEN i.rating IN ('satisfied', 'fair') THEN 1 ELSE 0 END),
		SUM(CASE WHEN i.status IN ('accepted', 'assigned') AND i.due_at > 0 AND i.due_at < ? THEN 1 ELSE 0 END)
		FROM voice_items i WHERE i.filed_at >= ? AND i.filed_at < ? AND `+where+`
		GROUP BY i.kind, i.topic`, append([]any{now, now, lo, hi}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("voice: tally: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, topic string
		var t Tally
		if err := rows.Scan(&kind, &topic, &t.Filed, &t.Declined, &t.Answered, &t.Closed, &t.Timed, &t.OnTime, &t.Rated, &t.Satisfied, &t.Overdue); err != nil {
			return nil, fmt.Errorf("voice: tally: %w", err)
		}
		if out[Kind(kind)] == nil {
			out[Kind(kind)] = map[string]Tally{}
		}
		out[Kind(kind)][topic] = t
	}
	return out, rows.Err()
}

// YearStats counts the items filed in year (Beijing time) inside scope,
// within orgPath's subtree when set.
func (s *Store) YearStats(ctx context.Context, scope access.Scope, orgPath string, year int) (Stats, error) {
	from := time.Date(year, 1, 1, 0, 0, 0, 0, sheet.Zone)
	st := Stats{Year: year, ByKind: map[Kind]Tally{}}
	m, err := s.tally(ctx, scope, orgPath, from, from.AddDate(1, 0, 0))
	if err != nil {
		return st, err
	}
	byTopic := map[string]Tally{}
	for k, topics := range m {
		for topic, t := range topics {
			kt := st.ByKind[k]
			kt.add(t)
			st.ByKind[k] = kt
			tt := byTopic[topic]
			tt.add(t)
			byTopic[topic] = tt
			st.Total.add(t)
		}
	}
	for _, topic := range Topics {
		st.ByTopic = append(st.ByTopic, TopicTally{Topic: topic, Tally: byTopic[topic]})
	}
	return st, nil
}

// Source keys the module publishes; plans store them, never rename.
const (
	SourceSuggestions = "voice.suggestions"     // 建言数: suggestions filed within the period
	SourceClosedRate  = "voice.requests_closed" // 诉求办结率: requests filed within the period and closed, in %
	SourceOnTime      = "voice.on_time"         // 按时答复率, in %
	SourceSatisfied   = "voice.satisfied"       // 满意率, in %
)

// Sources are the live quantities of the module, each counted over the
// items filed within the period at the orgs of the scope.
func (s *Store) Sources() []measure.Source {
	value := func(f func(map[Kind]map[string]Tally) float64) measure.Func {
		return func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
			if scope.None() {
				return 0, nil
			}
			m, err := s.tally(ctx, scope, "", p.From, p.To)
			if err != nil {
				return 0, err
			}
			return f(m), nil
		}
	}
	sum := func(m map[Kind]map[string]Tally, kinds ...Kind) Tally {
		var t Tally
		for _, k := range kinds {
			for _, x := range m[k] {
				t.add(x)
			}
		}
		return t
	}
	return []measure.Source{
		{Key: SourceSuggestions, Label: "voice.measure.suggestions", Unit: "条", Kind: measure.Count,
			Value: value(func(m map[Kind]map[string]Tally) float64 { return float64(sum(m, Suggestion).Filed) })},
		{Key: SourceClosedRate, Label: "voice.measure.requests_closed", Unit: "%", Kind: measure.Share,
			Value: value(func(m map[Kind]map[string]Tally) float64 {
				t := sum(m, Request)
				return baseRate(t.Closed, t.Filed-t.Declined)
			})},
		{Key: SourceOnTime, Label: "voice.measure.on_time", Unit: "%", Kind: measure.Share,
			Value: value(func(m map[Kind]map[string]Tally) float64 {
				t := sum(m, Kinds...)
				return baseRate(t.OnTime, t.Timed)
			})},
		{Key: SourceSatisfied, Label: "voice.measure.satisfied", Unit: "%", Kind: measure.Share,
			Value: value(func(m map[Kind]map[string]Tally) float64 {
				t := sum(m, Kinds...)
				return baseRate(t.Satisfied, t.Rated)
			})},
	}
}

// ToAccept counts the items inside scope waiting to be accepted (the
// home page's 待办), never one userID filed.
func (s *Store) ToAccept(ctx context.Context, scope access.Scope, userID int64) (int, error) {
	return s.count(ctx, Filter{Scope: scope, Status: Submitted}, userID)
}

// OverdueCount counts the items inside scope past their time limit without
// an answer.
func (s *Store) OverdueCount(ctx context.Context, scope access.Scope, userID int64) (int, error) {
	return s.count(ctx, Filter{Scope: scope, Overdue: true}, userID)
}

func (s *Store) count(ctx context.Context, f Filter, userID int64) (int, error) {
	where, args, ok := s.where(f)
	if !ok {
		return 0, nil
	}
	if userID != 0 {
		where, args = where+" AND i.filer_user <> ?", append(args, userID)
	}
	var n int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM voice_items i WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("voice: count: %w", err)
	}
	return n, nil
}
