package youth

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
)

// Count is a figure of a breakdown: shown as "<5" when it is under
// Threshold but not zero, so that no student is identifiable from a small
// cell (totals are shown as they are). A negative Count is a cell hidden
// only so that a small one cannot be worked out from the total (see
// protect): shown as "*".
type Count int

// String is the count as shown.
func (c Count) String() string {
	switch {
	case c < 0:
		return "*"
	case c > 0 && c < Threshold:
		return "<" + strconv.Itoa(Threshold)
	}
	return strconv.Itoa(int(c))
}

// Shown is the count a chart may draw: 0 for a hidden cell.
func (c Count) Shown() int {
	if c < Threshold {
		return 0
	}
	return int(c)
}

// Hidden reports whether the cell is not shown as its number.
func (c Count) Hidden() bool { return c < 0 || (c > 0 && c < Threshold) }

// protect hides further cells of a column whose total is shown until no
// hidden cell can be worked out from the total and the cells shown. A
// reader knows a "<5" cell is 1–4 and a "*" cell at least Threshold; a
// hidden cell is worked out when those bounds and the sum of the hidden
// cells (the total less the cells shown) leave it one value. The smallest
// cell shown is hidden next.
func protect(cells ...*Count) {
	for determined(cells) {
		var pick *Count
		for _, c := range cells {
			if *c >= Threshold && (pick == nil || *c < *pick) {
				pick = c
			}
		}
		if pick == nil {
			return
		}
		*pick = -*pick
	}
}

// determined reports whether some hidden cell of cells has one possible
// value given the others' bounds and the hidden cells' sum.
func determined(cells []*Count) bool {
	const inf = math.MaxInt32
	type cell struct{ lo, hi int }
	var hidden []cell
	sum := 0
	for _, c := range cells {
		switch {
		case *c < 0:
			hidden, sum = append(hidden, cell{Threshold, inf}), sum-int(*c)
		case *c > 0 && *c < Threshold:
			hidden, sum = append(hidden, cell{1, Threshold - 1}), sum+int(*c)
		}
	}
	for i, h := range hidden {
		loOthers, hiOthers := 0, 0
		for j, o := range hidden {
			if j == i {
				continue
			}
			loOthers += o.lo
			if hiOthers != inf {
				if o.hi == inf {
					hiOthers = inf
				} else {
					hiOthers += o.hi
				}
			}
		}
		lo, hi := h.lo, min(h.hi, sum-loOthers)
		if hiOthers != inf {
			lo = max(lo, sum-hiOthers)
		}
		if lo >= hi {
			return true
		}
	}
	return false
}

// KindTally is a year's figures of one kind of programme.
type KindTally struct {
	Kind       string
	Programmes int
	Places     int
	Applied    Count
	Enrolled   Count // 录取 or 结业
	Completed  Count
}

// BandTally is a year's students of one grade band.
type BandTally struct {
	Band      string
	Enrolled  Count
	Completed Count
}

// CampersShown is 科学营营员数 as the page and the export show it: the
// camp cell of the breakdown, hidden as it is.
func (st Stats) CampersShown() Count {
	for _, k := range st.ByKind {
		if k.Kind == "camp" {
			return k.Enrolled
		}
	}
	return 0
}

// Stats is a year's figures for a subtree: only counts.
type Stats struct {
	Year       int
	Programmes int
	Places     int
	Applied    int
	Enrolled   int // 参与学生人次
	Campers    int // 科学营营员数
	Completed  int
	ByKind     []KindTally
	ByBand     []BandTally
	Female     Count // of the enrolled with a gender recorded
	Male       Count
	Teachers   int // 科技辅导员数 at the year's end
	Mentors    int // 结对导师数: mentors paired during the year
	Pairs      int
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

type rawTally struct {
	programmes, places, applied, enrolled, completed int
}

// kindTally counts, by kind, the programmes starting in [from, to) inside
// the scope (not drafts nor cancelled) and their enrolments.
func (s *Store) kindTally(ctx context.Context, scope access.Scope, orgPath string, from, to time.Time) (map[string]rawTally, error) {
	out := map[string]rawTally{}
	cond, args, ok := db.ScopeIn(s.db, "o.path", scope, orgPath)
	if !ok {
		return out, nil
	}
	lo, hi := bounds(from, to)
	rows, err := s.db.Query(ctx, `SELECT p.kind, COUNT(*), COALESCE(SUM(p.places), 0),
		COALESCE(SUM((SELECT COUNT(*) FROM youth_enrolments e WHERE e.programme_id = p.id)), 0),
		COALESCE(SUM((SELECT COUNT(*) FROM youth_enrolments e WHERE e.programme_id = p.id AND e.status IN ('accepted', 'completed'))), 0),
		COALESCE(SUM((SELECT COUNT(*) FROM youth_enrolments e WHERE e.programme_id = p.id AND e.status = 'completed')), 0)
		FROM youth_programmes p JOIN orgs o ON o.id = p.org_id
		WHERE p.starts_on >= ? AND p.starts_on < ? AND p.status NOT IN ('draft', 'cancelled') AND `+cond+` GROUP BY p.kind`,
		append([]any{lo, hi}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("youth: tally: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var t rawTally
		if err := rows.Scan(&k, &t.programmes, &t.places, &t.applied, &t.enrolled, &t.completed); err != nil {
			return nil, fmt.Errorf("youth: tally: %w", err)
		}
		out[k] = t
	}
	return out, rows.Err()
}

// YearStats counts a year's figures (Beijing time) inside scope, within
// orgPath's subtree when set.
func (s *Store) YearStats(ctx context.Context, scope access.Scope, orgPath string, year int) (Stats, error) {
	from := time.Date(year, 1, 1, 0, 0, 0, 0, zone)
	to := from.AddDate(1, 0, 0)
	st := Stats{Year: year}
	kinds, err := s.kindTally(ctx, scope, orgPath, from, to)
	if err != nil {
		return st, err
	}
	for _, k := range Kinds {
		t := kinds[k]
		st.ByKind = append(st.ByKind, KindTally{Kind: k, Programmes: t.programmes, Places: t.places, Applied: Count(t.applied),
			Enrolled: Count(t.enrolled), Completed: Count(t.completed)})
		st.Programmes += t.programmes
		st.Places += t.places
		st.Applied += t.applied
		st.Enrolled += t.enrolled
		st.Completed += t.completed
	}
	st.Campers = kinds["camp"].enrolled
	cond, args, ok := db.ScopeIn(s.db, "o.path", scope, orgPath)
	if !ok {
		for _, b := range Bands {
			st.ByBand = append(st.ByBand, BandTally{Band: b})
		}
		return st, nil
	}
	lo, hi := bounds(from, to)
	rows, err := s.db.Query(ctx, `SELECT e.grade, e.gender, e.status, COUNT(*) FROM youth_enrolments e JOIN youth_programmes p ON p.id = e.programme_id
		JOIN orgs o ON o.id = p.org_id WHERE p.starts_on >= ? AND p.starts_on < ? AND p.status NOT IN ('draft', 'cancelled')
		AND e.status IN ('accepted', 'completed') AND `+cond+` GROUP BY e.grade, e.gender, e.status`, append([]any{lo, hi}, args...)...)
	if err != nil {
		return st, fmt.Errorf("youth: bands: %w", err)
	}
	bands := map[string]*BandTally{}
	for _, b := range Bands {
		bands[b] = &BandTally{Band: b}
	}
	var female, male int
	for rows.Next() {
		var grade, n int
		var gender, status string
		if err := rows.Scan(&grade, &gender, &status, &n); err != nil {
			rows.Close()
			return st, fmt.Errorf("youth: bands: %w", err)
		}
		b := bands[Band(grade)]
		b.Enrolled += Count(n)
		if status == Completed {
			b.Completed += Count(n)
		}
		switch gender {
		case "f":
			female += n
		case "m":
			male += n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, err
	}
	for _, b := range Bands {
		st.ByBand = append(st.ByBand, *bands[b])
	}
	st.Female, st.Male = Count(female), Count(male)
	// Each column adds up to a total shown: hide what the total would
	// give away.
	col := func(f func(i int) *Count, n int) {
		var cells []*Count
		for i := 0; i < n; i++ {
			cells = append(cells, f(i))
		}
		protect(cells...)
	}
	col(func(i int) *Count { return &st.ByKind[i].Applied }, len(st.ByKind))
	col(func(i int) *Count { return &st.ByKind[i].Enrolled }, len(st.ByKind))
	col(func(i int) *Count { return &st.ByKind[i].Completed }, len(st.ByKind))
	col(func(i int) *Count { return &st.ByBand[i].Enrolled }, len(st.ByBand))
	col(func(i int) *Count { return &st.ByBand[i].Completed }, len(st.ByBand))
	if st.Teachers, err = s.teacherCount(ctx, scope, orgPath, to); err != nil {
		return st, err
	}
	st.Mentors, st.Pairs, err = s.mentorCount(ctx, scope, orgPath, from, to)
	return st, err
}

// FemaleShare is the share of girls among the enrolled with a gender
// recorded, in per cent ("" when under Threshold recorded, or when girls
// or boys are 1–4).
func (st Stats) FemaleShare() string {
	n := int(st.Female) + int(st.Male)
	if n < Threshold || st.Female.Hidden() || st.Male.Hidden() {
		return "" // a share of 1–4 girls or boys would give their number
	}
	return strconv.Itoa((int(st.Female)*100 + n/2) / n)
}

func (s *Store) teacherCount(ctx context.Context, scope access.Scope, orgPath string, end time.Time) (int, error) {
	cond, args, ok := db.ScopeIn(s.db, "o.path", scope, orgPath)
	if !ok {
		return 0, nil
	}
	_, hi := bounds(time.Time{}, end)
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM youth_teachers t JOIN orgs o ON o.id = t.org_id WHERE t.created_at < ? AND `+cond,
		append([]any{hi}, args...)...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("youth: teacher count: %w", err)
	}
	return n, nil
}

// mentorCount counts the distinct mentors, and the pairs, active at some
// time within [from, to).
func (s *Store) mentorCount(ctx context.Context, scope access.Scope, orgPath string, from, to time.Time) (int, int, error) {
	cond, args, ok := db.ScopeIn(s.db, "o.path", scope, orgPath)
	if !ok {
		return 0, 0, nil
	}
	lo, hi := bounds(from, to)
	var mentors, pairs int
	err := s.db.QueryRow(ctx, `SELECT COUNT(DISTINCT p.mentor_person), COUNT(*) FROM youth_pairs p JOIN orgs o ON o.id = p.org_id
		WHERE p.started_on < ? AND (p.ended_on = 0 OR p.ended_on >= ?) AND `+cond, append([]any{hi, lo}, args...)...).Scan(&mentors, &pairs)
	if err != nil {
		return 0, 0, fmt.Errorf("youth: mentor count: %w", err)
	}
	return mentors, pairs, nil
}

// Source keys the module publishes; plans store them, never rename.
const (
	SourceStudents = "youth.students" // 参与学生人次
	SourceCampers  = "youth.campers"  // 科学营营员数
	SourceTeachers = "youth.teachers" // 科技辅导员数
	SourceMentors  = "youth.mentors"  // 结对导师数
)

// Sources are the live quantities of the module: students taking part in
// the programmes starting within the period, campers of the 科学营 among
// them, the teachers registered at the period's end and the mentors paired
// within it.
func (s *Store) Sources() []measure.Source {
	return []measure.Source{
		{Key: SourceStudents, Label: "youth.measure.students", Unit: "人次", Kind: measure.Count,
			Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				m, err := s.kindTally(ctx, scope, "", p.From, p.To)
				n := 0
				for _, t := range m {
					n += t.enrolled
				}
				return float64(n), err
			}},
		{Key: SourceCampers, Label: "youth.measure.campers", Unit: "人", Kind: measure.Count,
			Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				m, err := s.kindTally(ctx, scope, "", p.From, p.To)
				return float64(m["camp"].enrolled), err
			}},
		{Key: SourceTeachers, Label: "youth.measure.teachers", Unit: "人", Kind: measure.Count, AsOf: true,
			Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				n, err := s.teacherCount(ctx, scope, "", p.To)
				return float64(n), err
			}},
		{Key: SourceMentors, Label: "youth.measure.mentors", Unit: "人", Kind: measure.Count,
			Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				n, _, err := s.mentorCount(ctx, scope, "", p.From, p.To)
				return float64(n), err
			}},
	}
}

// PublicCounts are the figures a public page shows of a programme: counts
// only, never a name.
type PublicCounts struct {
	Programmes int
	Students   int
}

// PublicTotals counts the public programmes and their enrolled students
// (across every org).
func (s *Store) PublicTotals(ctx context.Context) (PublicCounts, error) {
	var c PublicCounts
	err := s.db.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM((SELECT COUNT(*) FROM youth_enrolments e WHERE e.programme_id = p.id
		AND e.status IN ('accepted', 'completed'))), 0) FROM youth_programmes p WHERE p.status IN ('open', 'closed', 'ended', 'summarized')`).Scan(&c.Programmes, &c.Students)
	if err != nil {
		return c, fmt.Errorf("youth: public totals: %w", err)
	}
	return c, nil
}
