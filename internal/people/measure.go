package people

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
)

// TalentCategories are the talent categories (人才类别) the module publishes
// a live count of, one source each; other categories typed on import are
// searchable but not measured.
func TalentCategories() []string {
	return []string{YouthCategory, "高层次人才", "企业创新人才", "科学传播专家", "评审专家", "智库专家"}
}

// TalentSource is the source key of the count of people of a talent
// category, e.g. "people.talent.青年科技人才".
func TalentSource(category string) string { return "people.talent." + category }

// MemberSource is the source key of the count of members of a grade
// (member, senior, fellow), e.g. "people.members.senior".
func MemberSource(grade string) string { return "people.members." + grade }

// ExpertSource is the source key of the count of experts in pools.
const ExpertSource = "people.experts.pooled"

// Sources are the quantities the people module publishes for plans to
// follow. Each is a level read at the period's end over the records held
// today: a person counts from the day they were added (a member from the
// day they joined, an expert from the day they entered a pool), so a record
// deleted since no longer counts in past periods either. Each reads any
// number of periods in one query.
func (s *Store) Sources() []measure.Source {
	var out []measure.Source
	add := func(key, label string, args []any, series func(context.Context, access.Scope, []time.Time) ([]float64, error)) {
		out = append(out, measure.Source{Key: key, Label: label, Args: args, Unit: "人", Kind: measure.Count, AsOf: true,
			Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				v, err := series(ctx, scope, []time.Time{p.To})
				if err != nil {
					return 0, err
				}
				return v[0], nil
			},
			Series: func(ctx context.Context, scope access.Scope, ps []measure.Period) ([]float64, error) {
				ends := make([]time.Time, len(ps))
				for i, p := range ps {
					ends[i] = p.To
				}
				return series(ctx, scope, ends)
			}})
	}
	for _, c := range TalentCategories() {
		c := c
		add(TalentSource(c), "people.measure.talent", []any{c}, func(ctx context.Context, scope access.Scope, ends []time.Time) ([]float64, error) {
			return s.countTalent(ctx, scope, c, ends)
		})
	}
	for i := len(Grades) - 1; i >= 0; i-- {
		g := Grades[i]
		add(MemberSource(g), "people.measure.members."+g, nil, func(ctx context.Context, scope access.Scope, ends []time.Time) ([]float64, error) {
			return s.countMembers(ctx, scope, g, ends)
		})
	}
	add(ExpertSource, "people.measure.experts", nil, s.countExperts)
	return out
}

// asOfMillis is the end of a period in milliseconds; a zero end is no end.
func asOfMillis(t time.Time) int64 {
	if t.IsZero() {
		return math.MaxInt64
	}
	return db.Millis(t)
}

// lastEnd is the latest of ends in milliseconds (no end if one is zero).
func lastEnd(ends []time.Time) int64 {
	var m int64
	for _, e := range ends {
		m = max(m, asOfMillis(e))
	}
	return m
}

// countAt counts at each of ends in one query over from (whose org path
// column is o.path) filtered by where: column i counts the distinct values
// of what (or the rows, for what "1") among the rows meeting at(i). The
// zero scope asks nothing.
func (s *Store) countAt(ctx context.Context, label string, scope access.Scope, ends []time.Time, what, from, where string, whereArgs []any,
	at func(end time.Time) (string, []any)) ([]float64, error) {
	out := make([]float64, len(ends))
	if scope.None() || len(ends) == 0 {
		return out, nil
	}
	cols := make([]string, len(ends))
	var args []any
	for i, e := range ends {
		c, a := at(e)
		distinct := "DISTINCT "
		if what == "1" {
			distinct = ""
		}
		cols[i] = "COUNT(" + distinct + "CASE WHEN " + c + " THEN " + what + " END)"
		args = append(args, a...)
	}
	sc, sa := db.ScopeCond(s.db, "o.path", scope)
	args = append(append(args, whereArgs...), sa...)
	n := make([]int64, len(ends))
	dest := make([]any, len(ends))
	for i := range n {
		dest[i] = &n[i]
	}
	q := "SELECT " + strings.Join(cols, ", ") + " FROM " + from + " WHERE " + where + " AND " + sc
	if err := s.db.QueryRow(ctx, q, args...).Scan(dest...); err != nil {
		return nil, fmt.Errorf("people: count %s: %w", label, err)
	}
	for i, v := range n {
		out[i] = float64(v)
	}
	return out, nil
}

// countTalent counts the people of a category in scope on record before
// each end, read from the (org_id, created_at, categories) index.
// 青年科技人才 also counts everyone younger than the configured age at each
// end, as the search facet does.
func (s *Store) countTalent(ctx context.Context, scope access.Scope, category string, ends []time.Time) ([]float64, error) {
	if scope.None() {
		return make([]float64, len(ends)), nil
	}
	cat := `('、' || p.categories || '、') LIKE ? ESCAPE '\'`
	like := "%、" + db.LikeEscape(category) + "、%"
	where, wargs := "p.created_at < ? AND "+cat, []any{lastEnd(ends), like}
	at := func(end time.Time) (string, []any) { return "p.created_at < ?", []any{asOfMillis(end)} }
	if category == YouthCategory {
		age, err := s.YouthAge(ctx)
		if err != nil {
			return nil, err
		}
		cutoff := func(end time.Time) int {
			if end.IsZero() {
				end = time.Now()
			}
			return youthCutoff(age, end)
		}
		first := 0
		for i, e := range ends {
			if c := cutoff(e); i == 0 || c < first {
				first = c
			}
		}
		// Ages count by calendar year from the birth year (D43), as the
		// search facet does; 0 is an unknown year.
		young := "(p.birth_year > 0 AND p.birth_year > ?)"
		where, wargs = "p.created_at < ? AND ("+cat+" OR "+young+")", []any{lastEnd(ends), like, first}
		at = func(end time.Time) (string, []any) {
			return "p.created_at < ? AND (" + cat + " OR " + young + ")", []any{asOfMillis(end), like, cutoff(end)}
		}
	}
	return s.countAt(ctx, "talent", scope, ends, "1", "people p JOIN orgs o ON o.id = p.org_id", where, wargs, at)
}

// countMembers counts the people holding an active membership of grade in
// an org of scope, joined before each end (by the joining date when known,
// else by when the membership was recorded).
func (s *Store) countMembers(ctx context.Context, scope access.Scope, grade string, ends []time.Time) ([]float64, error) {
	return s.countAt(ctx, "members", scope, ends, "m.person_id", "memberships m JOIN orgs o ON o.id = m.org_id",
		"m.grade = ? AND m.status = 'active'", []any{grade}, func(end time.Time) (string, []any) {
			day := "9999-12-31"
			if !end.IsZero() {
				day = end.In(time.FixedZone("CST", 8*3600)).Format("2006-01-02")
			}
			return "((m.joined_on <> '' AND m.joined_on < ?) OR (m.joined_on = '' AND m.created_at < ?))", []any{day, asOfMillis(end)}
		})
}

// countExperts counts the distinct people in the expert pools of orgs in
// scope, added before each end.
func (s *Store) countExperts(ctx context.Context, scope access.Scope, ends []time.Time) ([]float64, error) {
	return s.countAt(ctx, "experts", scope, ends, "pm.person_id", "pool_members pm JOIN pools k ON k.id = pm.pool_id JOIN orgs o ON o.id = k.org_id",
		"pm.added_at < ?", []any{lastEnd(ends)}, func(end time.Time) (string, []any) {
			return "pm.added_at < ?", []any{asOfMillis(end)}
		})
}
