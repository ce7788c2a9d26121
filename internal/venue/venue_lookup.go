package venue

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/std"
)

// Found is one venue a picker suggests: only what its public page (/v/{id})
// shows — never a removed venue, its status, contact or evidence.
type Found struct {
	ID         int64
	Name       string
	Kind       string
	RegionName string
	OrgName    string
	Mine       bool // inside the scope the picker was asked for
}

// Find suggests venues in service (not removed: those are public, /v lists
// every org's, so any org's event may be held there) matching q by name,
// address, township, org or region ("攀枝花" finds the venues in 攀枝花市),
// those inside mine first, then by name; one page and the number of all.
func (s *Store) Find(ctx context.Context, mine access.Scope, q string, limit, offset int) ([]Found, int, error) {
	mc, args := db.ScopeCond(s.db, "o.path", mine)
	where := []string{`v.status <> 'removed'`}
	if q = strings.TrimSpace(q); q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		or := []string{`v.name LIKE ? ESCAPE '\'`, `v.address LIKE ? ESCAPE '\'`, `v.township LIKE ? ESCAPE '\'`, `o.name LIKE ? ESCAPE '\'`}
		args = append(args, like, like, like, like)
		if _, latin := std.InitialsQuery(q); !latin && strings.Trim(q, "0123456789") != "" && s.regions != nil {
			for _, r := range s.regions.Search(q, 8) {
				or = append(or, `v.region_code LIKE ?`)
				args = append(args, std.RegionPrefix(r.Code)+"%")
			}
		}
		where = append(where, "("+strings.Join(or, " OR ")+")")
	}
	rows, err := s.db.Query(ctx, `SELECT v.id, v.name, v.kind, v.region_code, o.name, CASE WHEN `+mc+` THEN 0 ELSE 1 END AS mine, COUNT(*) OVER()
		FROM venues v JOIN orgs o ON o.id = v.org_id WHERE `+strings.Join(where, " AND ")+`
		ORDER BY mine, pinyin(v.name), v.id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("venue: find: %w", err)
	}
	defer rows.Close()
	var out []Found
	total := 0
	for rows.Next() {
		var f Found
		var code string
		var rank int
		if err := rows.Scan(&f.ID, &f.Name, &f.Kind, &code, &f.OrgName, &rank, &total); err != nil {
			return nil, 0, fmt.Errorf("venue: find: %w", err)
		}
		f.Mine = rank == 0
		if s.regions != nil && code != "" {
			f.RegionName = s.regions.FullName(code)
		}
		out = append(out, f)
	}
	return out, total, rows.Err()
}
