package people

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/db"
	"kexie/internal/search"
	"kexie/internal/std"
)

// searchDB answers a query with the database's full-text index (FTS5 or
// GIN): the path used before this node's in-memory index is built.
func (s *Store) searchDB(ctx context.Context, sq SearchQuery, res SearchResult) (SearchResult, error) {
	now := s.db.Now()
	age, err := s.YouthAge(ctx)
	if err != nil {
		return res, err
	}
	cutoff := youthCutoff(age, now)
	terms, single := search.QueryTerms(sq.Q)
	var from string
	var where []string
	var args []any
	score := "0"
	switch {
	case len(terms) > 0 && s.db.Dialect() == db.SQLite:
		quoted := make([]string, len(terms))
		for i, t := range terms {
			quoted[i] = `"` + t + `"`
		}
		from = `people_fts JOIN people p ON p.id = people_fts.rowid`
		where, args = append(where, `people_fts MATCH ?`), append(args, strings.Join(quoted, " AND "))
		// No database rank: FTS5 with detail=column has no term
		// frequencies, and both paths must rank alike (see Search).
	case len(terms) > 0:
		quoted := make([]string, len(terms))
		for i, t := range terms {
			quoted[i] = `'` + t + `'`
		}
		from = `people p`
		where, args = append(where, `p.search_tsv @@ to_tsquery('simple', ?)`), append(args, strings.Join(quoted, " & "))

	case single != "":
		from = `people p`
		c, a := db.PrefixMatch(s.db, "p.name", single)
		where, args = append(where, c), append(args, a)
	case strings.TrimSpace(sq.Q) != "":
		return res, nil // punctuation only
	default:
		from = `people p`
	}
	from += ` JOIN orgs o ON o.id = p.org_id`
	c, a := db.ScopeCond(s.db, "o.path", sq.Scope)
	where, args = append(where, c, "p.deleted_at = 0"), append(args, a...)
	for name, v := range sq.Facets {
		if v == "" {
			continue
		}
		switch name {
		case "title_level":
			where, args = append(where, `p.title_level = ?`), append(args, v)
		case "region":
			where, args = append(where, `p.region_code LIKE ? ESCAPE '\'`), append(args, db.LikeEscape(std.RegionPrefix(v))+"%")
		case "category":
			c := `p.categories LIKE ? ESCAPE '\'`
			args = append(args, "%"+db.LikeEscape(v)+"%")
			if v == YouthCategory {
				c = `(` + c + ` OR p.birth_year > ?)`
				args = append(args, cutoff)
			}
			where = append(where, c)
		case "discipline":
			// The primary or a secondary discipline (disciplineMatches):
			// each code of disciplines2 follows a ",", and a code holds none.
			c := `(p.discipline LIKE ? ESCAPE '\'`
			args = append(args, db.LikeEscape(v)+"%")
			if !strings.Contains(v, ",") {
				c += ` OR (',' || p.disciplines2) LIKE ? ESCAPE '\'`
				args = append(args, "%,"+db.LikeEscape(v)+"%")
			}
			where = append(where, c+`)`)
		case "age_band":
			lo, hi, ok := ageRange(v, now)
			if !ok {
				return res, nil
			}
			where, args = append(where, `p.birth_year >= ? AND p.birth_year < ?`), append(args, lo, hi)
		case "membership":
			g, ok := gradeNumber(v)
			if !ok {
				return res, nil
			}
			where, args = append(where, `COALESCE(pg.grade_n, 0) = ?`), append(args, int(g))
		default:
			return res, fmt.Errorf("people: unknown facet %q", name)
		}
	}
	q := `SELECT p.id, ` + score + `, p.name, p.expertise, p.employer, p.title_level, p.region_code, p.categories, p.birth_year, p.discipline,
		p.disciplines2, COALESCE(pg.grade_n, 0), o.name, p.updated_at FROM ` + from + gradeJoin("p")
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += fmt.Sprintf(` LIMIT %d`, maxHits)
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return res, fmt.Errorf("people: search: %w", err)
	}
	var hits []keyed
	needle := strings.TrimSpace(sq.Q)
	words := strings.Fields(needle)
	for rows.Next() {
		var h keyed
		var name, expertise, employer, level, region, cats, disc, disc2, orgName string
		var birth int
		var grade uint8
		var updated int64
		if err := rows.Scan(&h.id, &h.score, &name, &expertise, &employer, &level, &region, &cats, &birth, &disc, &disc2, &grade, &orgName, &updated); err != nil {
			rows.Close()
			return res, fmt.Errorf("people: search: %w", err)
		}
		h.score += boost(needle, words, name, employer, expertise)
		h.key = sortKey{name: name, org: orgName, level: levelRank(level), updated: updated}
		hits = append(hits, h)
		res.count(level, region, disc, disc2, withYouth(cats, birth, cutoff), birth, grade, now)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("people: search: %w", err)
	}
	return s.finish(ctx, res, hits, sq)
}

// scored is a hit before its page is loaded.
type scored struct {
	id    int64
	score float64
}

// boost ranks a hit: the exact name first, then each query word found
// whole in the name, employer or expertise (bigrams can match apart).
func boost(needle string, words []string, name, employer, expertise string) float64 {
	score := 0.0
	if name == needle {
		score += 100
	}
	for _, w := range words {
		if strings.Contains(expertise, w) || strings.Contains(employer, w) || strings.Contains(name, w) {
			score += 10
		}
	}
	return score
}
