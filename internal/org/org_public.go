package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"kexie/internal/db"
)

// PublicTypes are the org types the public may write to (建言诉求, 技术需求):
// the 科协 of every level and the 学会 — not the other orgs the tree holds
// for plans' and members' sake (D240.3, D241.5).
var PublicTypes = []Type{TypeNational, TypeProvince, TypeCity, TypeCounty, TypeTown, TypeSociety}

func publicTypeList() string {
	names := make([]string, len(PublicTypes))
	for i, t := range PublicTypes {
		names[i] = string(t)
	}
	return "'" + strings.Join(names, "', '") + "'"
}

// PublicPath returns the path of the org with id when the public may write
// to it (a public type, not disabled), read in q (a module's transaction).
func PublicPath(ctx context.Context, q db.Q, id int64) (string, bool, error) {
	var path string
	err := q.QueryRow(ctx, `SELECT path FROM orgs WHERE id = ? AND disabled_at = 0 AND type IN (`+publicTypeList()+`)`, id).Scan(&path)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("org: public org %d: %w", id, err)
	}
	return path, true, nil
}

// PublicOrg is an org the public may write to, as the public picker shows
// it (a name and a code, never its place in the tree).
type PublicOrg struct {
	ID         int64
	Code, Name string
}

// Publics finds the orgs the public may write to by name or code (a
// substring): one page of them and how many match, the highest levels first.
func (s *Store) Publics(ctx context.Context, q string, limit, offset int) ([]PublicOrg, int, error) {
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	where, args := `disabled_at = 0 AND type IN (`+publicTypeList()+`)`, []any{}
	if q = strings.TrimSpace(q); q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where += ` AND (name LIKE ? ESCAPE '\' OR short_name LIKE ? ESCAPE '\' OR code LIKE ? ESCAPE '\')`
		args = append(args, like, like, strings.ToUpper(like))
	}
	// A count of its own, then the page (D266); the order reads the
	// (depth, name_key, id) index.
	out, total, err := db.Page(ctx, s.db, db.PageQuery{
		Count:  `SELECT COUNT(*) FROM orgs WHERE ` + where,
		Select: `SELECT id, code, name FROM orgs WHERE ` + where + ` ORDER BY depth, name_key, id LIMIT ? OFFSET ?`,
		Args:   args, Limit: limit, Offset: offset,
	}, func(r db.Scanner) (PublicOrg, error) {
		var o PublicOrg
		return o, r.Scan(&o.ID, &o.Code, &o.Name)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("org: public orgs: %w", err)
	}
	return out, total, nil
}

// PublicByCode finds an org the public may write to by its code or exact
// name (what the public picker's field holds); 0 when none.
func (s *Store) PublicByCode(ctx context.Context, v string) (int64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	var id int64
	err := s.db.QueryRow(ctx, `SELECT id FROM orgs WHERE (code = ? OR name = ?) AND disabled_at = 0 AND type IN (`+publicTypeList()+`)
		ORDER BY depth LIMIT 1`, strings.ToUpper(v), v).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("org: public org %q: %w", v, err)
	}
	return id, nil
}
