package youth

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/db"
)

// ProgrammeFilter selects programmes: always within Scope, or the public
// ones (open to the end of 已总结) when Public.
type ProgrammeFilter struct {
	Scope   access.Scope
	Q       string
	Kind    string
	Status  string
	OrgPath string
	Public  bool
	Sort    string // "starts", "title"
	Limit   int
	Offset  int
}

func (s *Store) programmeWhere(f ProgrammeFilter) (string, []any, bool) {
	if f.Public {
		f.Scope = access.Everywhere()
	}
	cond, args, ok := db.ScopeIn(s.db, "o.path", f.Scope, f.OrgPath)
	if !ok {
		return "", nil, false
	}
	where := []string{cond}
	if f.Public {
		where = append(where, "p.status IN ('open', 'closed', 'ended', 'summarized')")
	}
	if f.Kind != "" {
		where, args = append(where, "p.kind = ?"), append(args, f.Kind)
	}
	if f.Status != "" {
		where, args = append(where, "p.status = ?"), append(args, f.Status)
	}
	if q := strings.TrimSpace(f.Q); utf8.RuneCountInString(q) > MaxSearch {
		where = append(where, "1 = 0") // no name, school or title is that long
	} else if q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where, args = append(where, `(p.title LIKE ? ESCAPE '\' OR p.description LIKE ? ESCAPE '\')`), append(args, like, like)
	}
	return strings.Join(where, " AND "), args, true
}

// Programmes lists one page of the programmes in the filter and how many
// match.
func (s *Store) Programmes(ctx context.Context, f ProgrammeFilter) ([]Programme, int, error) {
	where, args, ok := s.programmeWhere(f)
	if !ok {
		return nil, 0, nil
	}
	if f.Limit <= 0 || f.Limit > 10000 {
		f.Limit = 50
	}
	order := db.Order(f.Sort, map[string]string{"starts": "p.starts_on", "title": "pinyin(p.title)"}, "p.starts_on DESC")
	rows, err := s.db.Query(ctx, `SELECT `+programmeCols+`, COUNT(*) OVER() FROM youth_programmes p JOIN orgs o ON o.id = p.org_id WHERE `+
		where+` ORDER BY `+order+`, p.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("youth: programmes: %w", err)
	}
	defer rows.Close()
	var out []Programme
	total := 0
	for rows.Next() {
		p, err := scanProgramme(rows, &total)
		if err != nil {
			return nil, 0, fmt.Errorf("youth: programmes: %w", err)
		}
		out = append(out, p)
	}
	return out, total, rows.Err()
}

// ToSummarize counts the programmes inside scope that ended without a
// summary (the home page's 待办).
func (s *Store) ToSummarize(ctx context.Context, scope access.Scope) (int, error) {
	where, args, ok := s.programmeWhere(ProgrammeFilter{Scope: scope, Status: Ended})
	if !ok {
		return 0, nil
	}
	var n int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM youth_programmes p JOIN orgs o ON o.id = p.org_id WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("youth: to summarize: %w", err)
	}
	return n, nil
}
