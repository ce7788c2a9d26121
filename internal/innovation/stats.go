package innovation

import (
	"context"
	"fmt"
	"math"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
)

// Tally counts the needs of one group (a field, a year).
type Tally struct {
	Received  int   // filed within the period (征集技术需求数)
	Published int   // of those, published at some point
	Matched   int   // with at least one 对接
	Intent    int   // 合作意向 recorded
	Signed    int   // 签约 recorded (促成合作项目数)
	Amount    int64 // their contract amounts, hundredths of 万元
	Solved    int   // 已解决
}

func (t *Tally) add(o Tally) {
	t.Received += o.Received
	t.Published += o.Published
	t.Matched += o.Matched
	t.Intent += o.Intent
	t.Signed += o.Signed
	t.Amount += o.Amount
	t.Solved += o.Solved
}

// Succeeded is 对接成功数: needs with a result (意向 or 签约).
func (t Tally) Succeeded() int { return t.Intent + t.Signed }

// AmountText is the contract amount in 万元.
func (t Tally) AmountText() string { return FormatWan(t.Amount) }

// FieldTally is the tally of one field.
type FieldTally struct {
	Field string
	Tally
}

// Stats is a year's figures for a subtree.
type Stats struct {
	Year       int
	Total      Tally
	ByField    []FieldTally // in Fields order
	Meetings   int          // 对接 held within the year
	Stations   map[string]int
	Grades     map[string]int // the year's current grades
	AllStation int
}

func bounds(from, to time.Time) (int64, int64) {
	lo, hi := int64(0), int64(math.MaxInt64)
	if !from.IsZero() {
		lo = db.Millis(from)
	}
	if !to.IsZero() {
		hi = db.Millis(to)
	}
	return lo, hi
}

// tally counts the needs filed in [from, to) inside the filter, by field.
func (s *Store) tally(ctx context.Context, f Filter, from, to time.Time) (map[string]Tally, error) {
	out := map[string]Tally{}
	where, args, ok := s.where(f)
	if !ok {
		return out, nil
	}
	lo, hi := bounds(from, to)
	rows, err := s.db.Query(ctx, `SELECT n.field, COUNT(*),
		SUM(CASE WHEN n.published_at > 0 THEN 1 ELSE 0 END),
		SUM(CASE WHEN n.matched_at > 0 THEN 1 ELSE 0 END),
		SUM(CASE WHEN n.result = 'intent' THEN 1 ELSE 0 END),
		SUM(CASE WHEN n.result = 'signed' THEN 1 ELSE 0 END),
		SUM(CASE WHEN n.result = 'signed' THEN n.amount ELSE 0 END),
		SUM(CASE WHEN n.status = 'solved' THEN 1 ELSE 0 END)
		FROM innovation_needs n WHERE n.filed_at >= ? AND n.filed_at < ? AND `+where+` GROUP BY n.field`, append([]any{lo, hi}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("innovation: tally: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var field string
		var t Tally
		if err := rows.Scan(&field, &t.Received, &t.Published, &t.Matched, &t.Intent, &t.Signed, &t.Amount, &t.Solved); err != nil {
			return nil, fmt.Errorf("innovation: tally: %w", err)
		}
		out[field] = t
	}
	return out, rows.Err()
}

func (s *Store) meetings(ctx context.Context, f Filter, from, to time.Time) (int, error) {
	where, args, ok := s.where(f)
	if !ok {
		return 0, nil
	}
	lo, hi := bounds(from, to)
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM innovation_meetings m JOIN innovation_needs n ON n.id = m.need_id
		WHERE m.held_on >= ? AND m.held_on < ? AND `+where, append([]any{lo, hi}, args...)...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("innovation: meetings: %w", err)
	}
	return n, nil
}

// stationCounts counts the stations inside scope founded before end and
// not revoked, by kind; and their current grades of year (0: none).
func (s *Store) stationCounts(ctx context.Context, scope access.Scope, orgPath string, end time.Time, year int) (map[string]int, map[string]int, error) {
	kinds, grades := map[string]int{}, map[string]int{}
	if scope.None() || (orgPath != "" && !scope.Contains(orgPath)) {
		return kinds, grades, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	if orgPath != "" {
		c, p := db.PrefixMatch(s.db, "o.path", orgPath)
		cond, args = cond+" AND "+c, append(args, p)
	}
	_, hi := bounds(time.Time{}, end)
	rows, err := s.db.Query(ctx, `SELECT t.kind, COALESCE((SELECT a.grade FROM innovation_assessments a WHERE a.station_id = t.id AND a.year = ?
		ORDER BY a.at DESC, a.id DESC LIMIT 1), '') FROM innovation_stations t JOIN orgs o ON o.id = t.org_id
		WHERE t.founded < ? AND t.status = 'active' AND `+cond, append([]any{year, hi}, args...)...)
	if err != nil {
		return nil, nil, fmt.Errorf("innovation: station counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, grade string
		if err := rows.Scan(&kind, &grade); err != nil {
			return nil, nil, fmt.Errorf("innovation: station counts: %w", err)
		}
		kinds[kind]++
		if grade != "" {
			grades[grade]++
		}
	}
	return kinds, grades, rows.Err()
}

// YearStats counts a year's figures (Beijing time) inside scope, within
// orgPath's subtree when set.
func (s *Store) YearStats(ctx context.Context, scope access.Scope, orgPath string, year int) (Stats, error) {
	from := time.Date(year, 1, 1, 0, 0, 0, 0, zone)
	to := from.AddDate(1, 0, 0)
	st := Stats{Year: year}
	f := Filter{Scope: scope, OrgPath: orgPath}
	m, err := s.tally(ctx, f, from, to)
	if err != nil {
		return st, err
	}
	for _, field := range Fields {
		st.ByField = append(st.ByField, FieldTally{Field: field, Tally: m[field]})
		st.Total.add(m[field])
	}
	if st.Meetings, err = s.meetings(ctx, f, from, to); err != nil {
		return st, err
	}
	if st.Stations, st.Grades, err = s.stationCounts(ctx, scope, orgPath, to, year); err != nil {
		return st, err
	}
	for _, n := range st.Stations {
		st.AllStation += n
	}
	return st, nil
}

// Source keys the module publishes; plans store them, never rename.
const (
	SourceNeeds     = "innovation.needs"     // 征集技术需求数
	SourceSucceeded = "innovation.succeeded" // 对接成功数
	SourceSigned    = "innovation.signed"    // 促成合作项目数
	SourceAmount    = "innovation.amount"    // 合同金额（万元）
	SourceStations  = "innovation.stations"  // 专家工作站数
)

// Sources are the live quantities of the module: needs filed within the
// period at the orgs of the scope and what came of them, and the stations
// active at the period's end.
func (s *Store) Sources() []measure.Source {
	value := func(f func(Tally) float64) measure.Func {
		return func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
			if scope.None() {
				return 0, nil
			}
			m, err := s.tally(ctx, Filter{Scope: scope}, p.From, p.To)
			if err != nil {
				return 0, err
			}
			var t Tally
			for _, x := range m {
				t.add(x)
			}
			return f(t), nil
		}
	}
	return []measure.Source{
		{Key: SourceNeeds, Label: "innovation.measure.needs", Unit: "项", Kind: measure.Count,
			Value: value(func(t Tally) float64 { return float64(t.Received) })},
		{Key: SourceSucceeded, Label: "innovation.measure.succeeded", Unit: "项", Kind: measure.Count,
			Value: value(func(t Tally) float64 { return float64(t.Succeeded()) })},
		{Key: SourceSigned, Label: "innovation.measure.signed", Unit: "项", Kind: measure.Count,
			Value: value(func(t Tally) float64 { return float64(t.Signed) })},
		{Key: SourceAmount, Label: "innovation.measure.amount", Unit: "万元", Kind: measure.Amount,
			Value: value(func(t Tally) float64 { return float64(t.Amount) / 100 })},
		{Key: SourceStations, Label: "innovation.measure.stations", Unit: "个", Kind: measure.Count, AsOf: true,
			Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				end := p.To
				if end.IsZero() {
					end = s.db.Now()
				}
				kinds, _, err := s.stationCounts(ctx, scope, "", end, end.In(zone).Year())
				n := 0
				for _, k := range kinds {
					n += k
				}
				return float64(n), err
			}},
	}
}

// ToReview counts the needs inside scope waiting for review (the home
// page's 待办).
func (s *Store) ToReview(ctx context.Context, scope access.Scope) (int, error) {
	return s.count(ctx, Filter{Scope: scope, Status: Pending})
}

// WaitingCount counts the published needs inside scope waiting over
// WaitDays without a 对接.
func (s *Store) WaitingCount(ctx context.Context, scope access.Scope) (int, error) {
	return s.count(ctx, Filter{Scope: scope, Waiting: true})
}

func (s *Store) count(ctx context.Context, f Filter) (int, error) {
	where, args, ok := s.where(f)
	if !ok {
		return 0, nil
	}
	var n int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM innovation_needs n WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("innovation: count: %w", err)
	}
	return n, nil
}
