package kepu

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/search"
)

// Filter narrows the portal's list of published items.
type Filter struct {
	OrgPath     string // an org's section: its subtree
	Audience    string
	Topic       string
	Kind        Kind
	SeriesID    int64
	EmergencyID int64
	Lang        string // "" = originals (zh-CN) only
	Q           string // search words
	Limit       int
	Offset      int
}

// Published lists published items, newest first, and how many match.
func (s *Store) Published(ctx context.Context, f Filter) ([]Item, int, error) {
	where := []string{`i.status = 'published'`}
	var args []any
	from := itemFrom
	if f.Lang == "" {
		f.Lang = Languages[0]
	}
	where, args = append(where, `i.lang = ?`), append(args, f.Lang)
	if f.OrgPath != "" {
		c, a := db.PrefixMatch(s.db, "o.path", f.OrgPath)
		where, args = append(where, c), append(args, a)
	}
	if f.Audience != "" {
		where, args = append(where, `i.audience = ?`), append(args, f.Audience)
	}
	if f.Topic != "" {
		where, args = append(where, `i.topic = ?`), append(args, f.Topic)
	}
	if f.Kind != "" {
		where, args = append(where, `i.kind = ?`), append(args, string(f.Kind))
	}
	if f.SeriesID != 0 {
		where, args = append(where, `i.series_id = ?`), append(args, f.SeriesID)
	}
	if f.EmergencyID != 0 {
		where, args = append(where, `i.emergency_id = ?`), append(args, f.EmergencyID)
	}
	if strings.TrimSpace(f.Q) != "" {
		terms, single := search.QueryTerms(f.Q)
		switch {
		case len(terms) > 0 && s.db.Dialect() == db.SQLite:
			q := make([]string, len(terms))
			for i, t := range terms {
				q[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
			}
			where, args = append(where, `i.id IN (SELECT rowid FROM kepu_fts WHERE kepu_fts MATCH ?)`), append(args, strings.Join(q, " AND "))
		case len(terms) > 0:
			q := make([]string, len(terms))
			for i, t := range terms {
				q[i] = `'` + strings.ReplaceAll(t, `'`, `''`) + `'`
			}
			where, args = append(where, `i.search_tsv @@ to_tsquery('simple', ?)`), append(args, strings.Join(q, " & "))
		case single != "":
			where, args = append(where, `i.title LIKE ?`), append(args, "%"+db.LikeEscape(single)+"%")
		default:
			return nil, 0, nil
		}
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*)`+from+` WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("kepu: count published: %w", err)
	}
	if f.Limit <= 0 || f.Limit > 100 {
		f.Limit = 20
	}
	items, err := queryItems(ctx, s.db, cond+` ORDER BY i.published_at DESC, i.id DESC LIMIT ? OFFSET ?`,
		append(args, f.Limit, f.Offset)...)
	return items, total, err
}

// Topic is a topic with its number of published items.
type Topic struct {
	Name  string
	Count int
}

// Topics lists the topics of published originals, the biggest first.
func (s *Store) Topics(ctx context.Context, orgPath string) ([]Topic, error) {
	cond, args := `i.status = 'published' AND i.lang = 'zh-CN' AND i.topic <> ''`, []any{}
	if orgPath != "" {
		c, a := db.PrefixMatch(s.db, "o.path", orgPath)
		cond, args = cond+" AND "+c, append(args, a)
	}
	rows, err := s.db.Query(ctx, `SELECT i.topic, COUNT(*)`+itemFrom+` WHERE `+cond+` GROUP BY i.topic ORDER BY COUNT(*) DESC, i.topic LIMIT 30`, args...)
	if err != nil {
		return nil, fmt.Errorf("kepu: topics: %w", err)
	}
	defer rows.Close()
	var out []Topic
	for rows.Next() {
		var t Topic
		if err := rows.Scan(&t.Name, &t.Count); err != nil {
			return nil, fmt.Errorf("kepu: topics: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Section is an org with published content: its portal section.
type Section struct {
	OrgID      int64
	Code, Name string
	Path       string
	Count      int
}

// Sections lists the orgs whose subtree has published originals.
func (s *Store) Sections(ctx context.Context) ([]Section, error) {
	rows, err := s.db.Query(ctx, `SELECT o.id, o.code, o.name, o.path, COUNT(*)`+itemFrom+`
		WHERE i.status = 'published' AND i.lang = 'zh-CN' GROUP BY o.id, o.code, o.name, o.path ORDER BY o.path LIMIT 200`)
	if err != nil {
		return nil, fmt.Errorf("kepu: sections: %w", err)
	}
	defer rows.Close()
	var out []Section
	for rows.Next() {
		var x Section
		if err := rows.Scan(&x.OrgID, &x.Code, &x.Name, &x.Path, &x.Count); err != nil {
			return nil, fmt.Errorf("kepu: sections: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// SectionByCode returns the org with code as a portal section.
func (s *Store) SectionByCode(ctx context.Context, code string) (Section, error) {
	var x Section
	err := s.db.QueryRow(ctx, `SELECT id, code, name, path FROM orgs WHERE code = ?`, strings.ToUpper(code)).Scan(&x.OrgID, &x.Code, &x.Name, &x.Path)
	if err != nil {
		return x, fmt.Errorf("kepu: section %s: %w", code, db.ErrNotFound)
	}
	return x, nil
}

// RootOrg is the org a public lead goes to: the root of the tree.
func (s *Store) RootOrg(ctx context.Context) (int64, error) {
	var id int64
	if err := s.db.QueryRow(ctx, `SELECT id FROM orgs WHERE parent_id IS NULL`).Scan(&id); err != nil {
		return 0, fmt.Errorf("kepu: root org: %w", err)
	}
	return id, nil
}

// ItemFilter selects items for editors: always within Scope.
type ItemFilter struct {
	Scope  access.Scope
	Status Status // "" for every status
	Q      string // words of the title
	Sort   string // "updated", "title", "status"; a leading "-" for descending
	Limit  int
	Offset int
}

var itemSorts = map[string]string{"updated": "i.updated_at", "title": "pinyin(i.title)", "status": "i.status"}

// StaffItems lists one page of the items in scope for editors (every
// status), and how many match.
func (s *Store) StaffItems(ctx context.Context, f ItemFilter) ([]Item, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	if f.Status != "" {
		cond, args = cond+` AND i.status = ?`, append(args, string(f.Status))
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		cond, args = cond+` AND i.title LIKE ? ESCAPE '\'`, append(args, "%"+db.LikeEscape(q)+"%")
	}
	order := db.Order(f.Sort, itemSorts, "i.updated_at DESC")
	var total int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*)`+itemFrom+` WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("kepu: count items: %w", err)
	}
	items, err := queryItems(ctx, s.db, cond+` ORDER BY `+order+`, i.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	return items, total, err
}

// ReviewQueue lists the items waiting for the expert behind userID.
func (s *Store) ReviewQueue(ctx context.Context, userID int64) ([]Item, error) {
	return queryItems(ctx, s.db, `i.reviewer_user = ? AND (i.status = 'review' OR (i.status = 'published' AND i.review_pending = 1))
		ORDER BY i.updated_at`, userID)
}
