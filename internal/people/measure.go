package people

import (
	"context"
	"fmt"
	"math"
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
// deleted since no longer counts in past periods either.
func (s *Store) Sources() []measure.Source {
	var out []measure.Source
	for _, c := range TalentCategories() {
		c := c
		out = append(out, measure.Source{Key: TalentSource(c), Label: "people.measure.talent", Args: []any{c}, Unit: "人",
			Kind: measure.Count, AsOf: true, Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				return s.countTalent(ctx, scope, c, p.To)
			}})
	}
	for i := len(Grades) - 1; i >= 0; i-- {
		g := Grades[i]
		out = append(out, measure.Source{Key: MemberSource(g), Label: "people.measure.members." + g, Unit: "人",
			Kind: measure.Count, AsOf: true, Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
				return s.countMembers(ctx, scope, g, p.To)
			}})
	}
	out = append(out, measure.Source{Key: ExpertSource, Label: "people.measure.experts", Unit: "人", Kind: measure.Count, AsOf: true,
		Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
			return s.countExperts(ctx, scope, p.To)
		}})
	return out
}

// asOfMillis is the end of a period in milliseconds; a zero end is no end.
func asOfMillis(t time.Time) int64 {
	if t.IsZero() {
		return math.MaxInt64
	}
	return db.Millis(t)
}

// count runs one COUNT query whose org path column is o.path, with the
// scope condition added last; the zero scope asks nothing.
func (s *Store) count(ctx context.Context, what, q string, scope access.Scope, args ...any) (float64, error) {
	if scope.None() {
		return 0, nil
	}
	c, a := db.ScopeCond(s.db, "o.path", scope)
	var n int64
	if err := s.db.QueryRow(ctx, q+" AND "+c, append(args, a...)...).Scan(&n); err != nil {
		return 0, fmt.Errorf("people: count %s: %w", what, err)
	}
	return float64(n), nil
}

// countTalent counts the people of a category in scope on record before
// end. 青年科技人才 also counts everyone younger than the configured age at
// end, as the search facet does.
func (s *Store) countTalent(ctx context.Context, scope access.Scope, category string, end time.Time) (float64, error) {
	if scope.None() {
		return 0, nil
	}
	q := `SELECT COUNT(*) FROM people p JOIN orgs o ON o.id = p.org_id WHERE p.created_at < ?
		AND (('、' || p.categories || '、') LIKE ? ESCAPE '\'`
	args := []any{asOfMillis(end), "%、" + db.LikeEscape(category) + "、%"}
	if category == YouthCategory {
		age, err := s.YouthAge(ctx)
		if err != nil {
			return 0, err
		}
		at := end
		if at.IsZero() {
			at = time.Now()
		}
		q += ` OR (p.birth_date <> '' AND p.birth_date > ?)`
		args = append(args, youthCutoff(age, at))
	}
	return s.count(ctx, "talent", q+")", scope, args...)
}

// countMembers counts the people holding an active membership of grade in
// an org of scope, joined before end (by the joining date when known, else
// by when the membership was recorded).
func (s *Store) countMembers(ctx context.Context, scope access.Scope, grade string, end time.Time) (float64, error) {
	day := "9999-12-31"
	if !end.IsZero() {
		day = end.In(time.FixedZone("CST", 8*3600)).Format("2006-01-02")
	}
	return s.count(ctx, "members", `SELECT COUNT(DISTINCT m.person_id) FROM memberships m JOIN orgs o ON o.id = m.org_id
		WHERE m.grade = ? AND m.status = 'active'
		AND ((m.joined_on <> '' AND m.joined_on < ?) OR (m.joined_on = '' AND m.created_at < ?))`, scope, grade, day, asOfMillis(end))
}

// countExperts counts the distinct people in the expert pools of orgs in
// scope, added before end.
func (s *Store) countExperts(ctx context.Context, scope access.Scope, end time.Time) (float64, error) {
	return s.count(ctx, "experts", `SELECT COUNT(DISTINCT pm.person_id) FROM pool_members pm JOIN pools k ON k.id = pm.pool_id
		JOIN orgs o ON o.id = k.org_id WHERE pm.added_at < ?`, scope, asOfMillis(end))
}
