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
	mc, mineArgs := db.ScopeCond(s.db, "o.path", mine)
	where := []string{`v.status <> 'removed'`}
	var args []any
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
	if limit <= 0 || limit > db.MaxPage {
		limit = db.DefaultPage
	}
	offset = max(offset, 0)
	// A count of its own, then the page (D266), by the key venue migration
	// 002 keeps: the window and pinyin() per row read every venue in
	// service before the first page. Not db.Page: the page's select list
	// takes the scope's arguments, the count does not.
	from := ` FROM venues v JOIN orgs o ON o.id = v.org_id WHERE ` + strings.Join(where, " AND ")
	var total int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*)`+from, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("venue: find: %w", err)
	}
	if total == 0 || offset >= total {
		return nil, total, nil
	}
	rows, err := s.db.Query(ctx, `SELECT v.id, v.name, v.kind, v.region_code, o.name, CASE WHEN `+mc+` THEN 0 ELSE 1 END AS mine`+from+`
		ORDER BY mine, v.name_key, v.id LIMIT ? OFFSET ?`, append(append(append([]any(nil), mineArgs...), args...), limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("venue: find: %w", err)
	}
	defer rows.Close()
	var out []Found
	for rows.Next() {
		var f Found
		var code string
		var rank int
		if err := rows.Scan(&f.ID, &f.Name, &f.Kind, &code, &f.OrgName, &rank); err != nil {
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
