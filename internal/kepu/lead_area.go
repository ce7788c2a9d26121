package kepu

import (
	"context"
	"fmt"

	"kexie/internal/std"
)

// Area is where a member of the public says a rumour goes round: a city
// 科协 directly under the root, named by its place (攀枝花市), whose staff
// then find the lead in their own queue.
type Area struct {
	OrgID int64
	Name  string
}

// LeadAreas lists the cities a public lead may be sent to, in code order.
func (s *Store) LeadAreas(ctx context.Context) ([]Area, error) {
	rows, err := s.db.Query(ctx, `SELECT o.id, o.name, o.short_name, o.region_code FROM orgs o JOIN orgs p ON p.id = o.parent_id
		WHERE p.parent_id IS NULL AND o.type = 'kx_city' ORDER BY o.region_code, o.name_key`)
	if err != nil {
		return nil, fmt.Errorf("kepu: lead areas: %w", err)
	}
	defer rows.Close()
	var out []Area
	for rows.Next() {
		var a Area
		var short, region string
		if err := rows.Scan(&a.OrgID, &a.Name, &short, &region); err != nil {
			return nil, fmt.Errorf("kepu: lead areas: %w", err)
		}
		if r, ok := std.Regions().Lookup(region); ok {
			a.Name = r.Name
		} else if short != "" {
			a.Name = short
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
