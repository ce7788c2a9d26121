package org

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Filter selects orgs for lists and search.
type Filter struct {
	// Scope limits the result to the orgs in it; the zero Scope holds
	// nothing, access.Everywhere() every org.
	Scope      access.Scope
	Under      string // only this subtree (a path), the org itself included
	ParentID   int64  // only direct children of this org
	Q          string // substring of name, short name or code
	Type       Type
	RegionCode string // a region and everything in it: "510400" (or "5104") = 攀枝花市 and its counties
	Sort       string // name, code, created (prefix "-" for descending); default tree order
	Limit      int
	Offset     int
	// Enabled leaves disabled orgs out: pickers and new-record choices.
	Enabled bool
}

// regionPrefix returns the prefix shared by the GB/T 2260 codes inside
// region code: "510000" → "51" (a province), "510400" → "5104" (a city),
// "510402" stays whole (a county); a shorter code is already a prefix.
// Trailing zeros alone would not do: 411000 (许昌市) is no prefix of 411100 (漯河市).
func regionPrefix(code string) string {
	code = strings.TrimSpace(code)
	switch {
	case len(code) != 6:
		return code
	case strings.HasSuffix(code, "0000"):
		return code[:2]
	case strings.HasSuffix(code, "00"):
		return code[:4]
	}
	return code
}

var sorts = map[string]string{
	"name": "o.name_key", "code": "o.code", "created": "o.created_at", "type": "o.type",
	"depth": "o.depth, o.name_key", "tree": treeOrder,
}

// treeOrder sorts siblings as an office reads them: 科协 of cities and
// counties first, in GB/T 2260 code order, then 学会, 高校, … and
// departments, each type together and by name within it.
var treeOrder = func() string {
	var b strings.Builder
	b.WriteString("CASE o.type")
	for i, t := range Types() {
		fmt.Fprintf(&b, " WHEN '%s' THEN %d", t, i)
	}
	b.WriteString(" ELSE 99 END, CASE WHEN o.type IN ('kx_national', 'kx_province', 'kx_city', 'kx_county', 'kx_town') THEN o.region_code ELSE '' END, o.name_key")
	return b.String()
}()

// List returns one page of matching orgs with their child counts, and the total.
func (s *Store) List(ctx context.Context, f Filter) ([]Org, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	c, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{c}
	if f.Under != "" {
		c, a := db.PrefixMatch(s.db, "o.path", f.Under)
		where, args = append(where, c), append(args, a)
	}
	if f.ParentID != 0 {
		where, args = append(where, "o.parent_id = ?"), append(args, f.ParentID)
	}
	if f.Enabled {
		where = append(where, "o.disabled_at = 0")
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		// LOWER on both sides, so each database folds case its own way consistently.
		like := "%" + db.LikeEscape(q) + "%"
		where = append(where, `(LOWER(o.name) LIKE LOWER(?) ESCAPE '\' OR LOWER(o.short_name) LIKE LOWER(?) ESCAPE '\'
			OR LOWER(o.code) LIKE LOWER(?) ESCAPE '\')`)
		args = append(args, like, like, like)
	}
	if f.Type != "" {
		where, args = append(where, "o.type = ?"), append(args, string(f.Type))
	}
	if f.RegionCode != "" {
		where, args = append(where, `o.region_code LIKE ? ESCAPE '\'`), append(args, db.LikeEscape(regionPrefix(f.RegionCode))+"%")
	}
	// The total is a count of its own (D266): a window COUNT(*) OVER()
	// read every org in scope whole before the first page.
	from := ` FROM orgs o WHERE ` + strings.Join(where, " AND ")
	order := "o.depth, o.name_key, o.id"
	col, desc := strings.TrimPrefix(f.Sort, "-"), strings.HasPrefix(f.Sort, "-")
	if expr, ok := sorts[col]; ok {
		order = expr
		if desc {
			order += " DESC"
		}
		order += ", o.id"
	}
	out, total, err := db.Page(ctx, s.db, db.PageQuery{
		Count: `SELECT COUNT(*)` + from, Select: `SELECT ` + colsO + from + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`,
		Args: args, Limit: f.Limit, Offset: f.Offset,
	}, func(r db.Scanner) (Org, error) { return scanOrg(r) })
	if err != nil {
		return nil, 0, fmt.Errorf("org: list: %w", err)
	}
	return out, total, nil
}

// Children returns one page of the direct children of parent, sorted by
// sort (default tree order: treeOrder). It needs no count: the parent's child_count is the
// total. Ordered by name it reads the (parent_id, name) index in order, so
// it neither counts nor sorts — this is the query of the tree page.
func (s *Store) Children(ctx context.Context, parent Org, sort string, limit, offset int) ([]Org, error) {
	col, desc := strings.TrimPrefix(sort, "-"), strings.HasPrefix(sort, "-")
	expr, ok := sorts[col]
	if !ok {
		expr = treeOrder
	}
	dir := ""
	if desc && col != "tree" {
		dir = " DESC"
	}
	if limit <= 0 || limit > 10000 {
		limit = 50
	}
	rows, err := s.db.Query(ctx, `SELECT `+colsO+` FROM orgs o WHERE o.parent_id = ? ORDER BY `+expr+dir+`, o.id`+dir+` LIMIT ? OFFSET ?`,
		parent.ID, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("org: children of %d: %w", parent.ID, err)
	}
	defer rows.Close()
	out := make([]Org, 0, min(limit, parent.ChildCount))
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, fmt.Errorf("org: children of %d: %w", parent.ID, err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Ancestors returns the orgs on o's path above it, root first.
func (s *Store) Ancestors(ctx context.Context, o Org) ([]Org, error) {
	ids := o.IDs()
	if len(ids) <= 1 {
		return nil, nil
	}
	ids = ids[:len(ids)-1]
	ph := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.Query(ctx, `SELECT `+cols+` FROM orgs WHERE id IN (`+ph+`) ORDER BY depth`, args...)
	if err != nil {
		return nil, fmt.Errorf("org: ancestors of %d: %w", o.ID, err)
	}
	defer rows.Close()
	var out []Org
	for rows.Next() {
		a, err := scanOrg(rows)
		if err != nil {
			return nil, fmt.Errorf("org: ancestors: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// TypeCount is the number of orgs of one type.
type TypeCount struct {
	Type  Type
	Count int
}

// Stats counts orgs by type inside scope, in type order.
func (s *Store) Stats(ctx context.Context, scope access.Scope) ([]TypeCount, error) {
	if scope.None() {
		return nil, nil
	}
	c, args := db.ScopeCond(s.db, "path", scope)
	rows, err := s.db.Query(ctx, `SELECT type, COUNT(*) FROM orgs WHERE `+c+` GROUP BY type`, args...)
	if err != nil {
		return nil, fmt.Errorf("org: stats: %w", err)
	}
	defer rows.Close()
	byType := map[Type]int{}
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, fmt.Errorf("org: stats: %w", err)
		}
		byType[Type(t)] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("org: stats: %w", err)
	}
	var out []TypeCount
	for _, t := range Types() {
		if byType[t] > 0 {
			out = append(out, TypeCount{Type: t, Count: byType[t]})
		}
	}
	return out, nil
}
