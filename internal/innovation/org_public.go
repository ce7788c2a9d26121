package innovation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"kexie/internal/db"
)

// PublicTypes are the org types anyone may file a need to: the 科协 of
// every level and the 学会 — not a government department, a company or a
// park, which the tree holds for plans' sake (as voice, D-x3).
var PublicTypes = []string{"kx_national", "kx_province", "kx_city", "kx_county", "kx_town", "society"}

func typeList() string { return "'" + strings.Join(PublicTypes, "', '") + "'" }

// publicOrg returns the path of the org with id when it takes needs (a
// public type, not disabled).
func publicOrg(ctx context.Context, q db.Q, id int64) (string, bool, error) {
	var path string
	err := q.QueryRow(ctx, `SELECT path FROM orgs WHERE id = ? AND disabled_at = 0 AND type IN (`+typeList()+`)`, id).Scan(&path)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("innovation: org %d: %w", id, err)
	}
	return path, true, nil
}

// PublicOrg is an org the public may write to, as the picker shows it.
type PublicOrg struct {
	ID         int64
	Code, Name string
}

// PublicOrgs finds the orgs that take items by name or code (a substring),
// one page of them and how many match, the highest levels first.
func (s *Store) PublicOrgs(ctx context.Context, q string, limit, offset int) ([]PublicOrg, int, error) {
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	where, args := `disabled_at = 0 AND type IN (`+typeList()+`)`, []any{}
	if q = strings.TrimSpace(q); q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where += ` AND (name LIKE ? ESCAPE '\' OR short_name LIKE ? ESCAPE '\' OR code LIKE ? ESCAPE '\')`
		args = append(args, like, like, strings.ToUpper(like))
	}
	rows, err := s.db.Query(ctx, `SELECT id, code, name, COUNT(*) OVER() FROM orgs WHERE `+where+` ORDER BY depth, name, id LIMIT ? OFFSET ?`,
		append(args, limit, max(offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("innovation: public orgs: %w", err)
	}
	defer rows.Close()
	var out []PublicOrg
	total := 0
	for rows.Next() {
		var o PublicOrg
		if err := rows.Scan(&o.ID, &o.Code, &o.Name, &total); err != nil {
			return nil, 0, fmt.Errorf("innovation: public orgs: %w", err)
		}
		out = append(out, o)
	}
	return out, total, rows.Err()
}

// PublicOrgByCode finds an org that takes needs by its code or exact name
// (what the picker's field holds); 0 when none.
func (s *Store) PublicOrgByCode(ctx context.Context, v string) (int64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	var id int64
	err := s.db.QueryRow(ctx, `SELECT id FROM orgs WHERE (code = ? OR name = ?) AND disabled_at = 0 AND type IN (`+typeList()+`)
		ORDER BY depth LIMIT 1`, strings.ToUpper(v), v).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("innovation: org %q: %w", v, err)
	}
	return id, nil
}
