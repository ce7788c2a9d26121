package kepu

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
)

// ReachNode is the reach of one org's whole subtree: what its own items and
// those of every org under it drew.
type ReachNode struct {
	OrgID  int64
	Name   string
	Path   string
	Depth  int
	Items  int
	Views  int64
	Shares int64
}

// ReachTree rolls reach up the org tree within scope: every org that holds
// reached items, and every ancestor of one inside the scope, with subtree
// totals, in tree order.
func (s *Store) ReachTree(ctx context.Context, scope access.Scope, p measure.Period) ([]ReachNode, error) {
	if scope.None() {
		return nil, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	from, to := dayRange(p)
	rows, err := s.db.Query(ctx, `SELECT o.path, COUNT(DISTINCT i.id), COALESCE(SUM(r.views), 0), COALESCE(SUM(r.shares), 0)
		FROM kepu_reach r JOIN kepu_items i ON i.id = r.item_id JOIN orgs o ON o.id = i.org_id
		WHERE `+cond+` AND r.day >= ? AND r.day <= ? GROUP BY o.path`, append(args, from, to)...)
	if err != nil {
		return nil, fmt.Errorf("kepu: reach tree: %w", err)
	}
	nodes := map[int64]*ReachNode{}
	for rows.Next() {
		var path string
		var items int
		var views, shares int64
		if err := rows.Scan(&path, &items, &views, &shares); err != nil {
			rows.Close()
			return nil, fmt.Errorf("kepu: reach tree: %w", err)
		}
		// Add to the org and each ancestor the scope holds.
		ids := strings.Split(strings.Trim(path, "/"), "/")
		for i := range ids {
			sub := "/" + strings.Join(ids[:i+1], "/") + "/"
			if !scope.Contains(sub) {
				continue
			}
			id, _ := strconv.ParseInt(ids[i], 10, 64)
			n := nodes[id]
			if n == nil {
				n = &ReachNode{OrgID: id, Path: sub, Depth: i}
				nodes[id] = n
			}
			n.Items, n.Views, n.Shares = n.Items+items, n.Views+views, n.Shares+shares
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]ReachNode, 0, len(nodes))
	for _, n := range nodes {
		if err := s.db.QueryRow(ctx, `SELECT name FROM orgs WHERE id = ?`, n.OrgID).Scan(&n.Name); err != nil {
			return nil, fmt.Errorf("kepu: reach tree org %d: %w", n.OrgID, err)
		}
		out = append(out, *n)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}
