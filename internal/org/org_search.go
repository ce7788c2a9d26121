package org

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/std"
)

// Hit is one result of Search: an org and the names on its path, root
// first, the org's own name last (四川省科协 › 成都市科协 › 锦江区科协).
type Hit struct {
	Org
	Trail []string
}

// PathLabel joins the trail with " › ".
func (h Hit) PathLabel() string { return strings.Join(h.Trail, " › ") }

// Search finds orgs inside scope for a picker: by name, short name or code
// (a substring), or by the pinyin initials of the name ("cdskx" →
// 成都市科学技术协会). It returns one page of hits and the number of all of
// them, so a picker can page through every match: nothing is cut silently.
// An empty q lists the whole scope in tree order. Disabled orgs are left
// out: they take nothing new.
func (s *Store) Search(ctx context.Context, scope access.Scope, q string, limit, offset int) ([]Hit, int, error) {
	if scope.None() {
		return nil, 0, nil
	}
	if limit <= 0 || limit > 200 {
		limit = 20
	}
	if offset < 0 {
		offset = 0
	}
	q = strings.TrimSpace(q)
	var orgs []Org
	total := 0
	if letters, ok := std.InitialsQuery(q); ok {
		all, err := s.matchInitials(ctx, scope, letters)
		if err != nil {
			return nil, 0, err
		}
		total = len(all)
		if offset < len(all) {
			orgs = all[offset:min(offset+limit, len(all))]
		}
	} else {
		var err error
		orgs, total, err = s.List(ctx, Filter{Scope: scope, Q: q, Sort: "depth", Limit: limit, Offset: offset, Enabled: true})
		if err != nil {
			return nil, 0, err
		}
	}
	hits, err := s.trails(ctx, orgs)
	return hits, total, err
}

// initialsOf returns the pinyin initials of an org name, kept in the
// store's cache: names repeat across requests and the dictionary look-up is
// the slow part.
func (s *Store) initialsOf(name string) std.Initials {
	if v, ok := s.initials.Load(name); ok {
		return v.(std.Initials)
	}
	in := std.InitialsOf(name)
	s.initials.Store(name, in)
	return in
}

// matchInitials returns every org in scope whose code contains letters or
// whose name or short name matches them as pinyin initials: exact codes
// first, then names starting with them, then the rest, each in tree order.
func (s *Store) matchInitials(ctx context.Context, scope access.Scope, letters string) ([]Org, error) {
	c, args := db.ScopeCond(s.db, "o.path", scope)
	// Disabled orgs take nothing new, so the picker leaves them out.
	rows, err := s.db.Query(ctx, `SELECT `+colsO+` FROM orgs o WHERE `+c+` AND o.disabled_at = 0 ORDER BY o.depth, o.name_key, o.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("org: search: %w", err)
	}
	defer rows.Close()
	type ranked struct {
		o    Org
		rank int
	}
	var out []ranked
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, fmt.Errorf("org: search: %w", err)
		}
		code := strings.ToLower(o.Code)
		rank := 0
		switch {
		case code == letters:
			rank = 1
		case s.initialsOf(o.Name).Match(letters) == std.MatchPrefix, o.ShortName != "" && s.initialsOf(o.ShortName).Match(letters) == std.MatchPrefix:
			rank = 2
		case strings.Contains(code, letters), s.initialsOf(o.Name).Match(letters) == std.MatchInside,
			o.ShortName != "" && s.initialsOf(o.ShortName).Match(letters) == std.MatchInside:
			rank = 3
		}
		if rank > 0 {
			out = append(out, ranked{o, rank})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("org: search: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].rank < out[j].rank })
	orgs := make([]Org, len(out))
	for i, r := range out {
		orgs[i] = r.o
	}
	return orgs, nil
}

// trails fills in the names on each org's path with one query.
func (s *Store) trails(ctx context.Context, orgs []Org) ([]Hit, error) {
	seen := map[int64]bool{}
	var ids []any
	for _, o := range orgs {
		for _, id := range o.IDs() {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	names := map[int64]string{}
	if len(ids) > 0 {
		ph := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
		rows, err := s.db.Query(ctx, `SELECT id, name, short_name FROM orgs WHERE id IN (`+ph+`)`, ids...)
		if err != nil {
			return nil, fmt.Errorf("org: search paths: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var name, short string
			if err := rows.Scan(&id, &name, &short); err != nil {
				return nil, fmt.Errorf("org: search paths: %w", err)
			}
			if short != "" {
				name = short
			}
			names[id] = name
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("org: search paths: %w", err)
		}
	}
	hits := make([]Hit, len(orgs))
	for i, o := range orgs {
		hits[i].Org = o
		for _, id := range o.IDs() {
			hits[i].Trail = append(hits[i].Trail, names[id])
		}
		if n := len(hits[i].Trail); n > 0 {
			hits[i].Trail[n-1] = o.Name // the org itself by its full name
		}
	}
	return hits, nil
}

// Trail returns o with the names on its path (for showing a chosen org).
func (s *Store) Trail(ctx context.Context, o Org) (Hit, error) {
	hits, err := s.trails(ctx, []Org{o})
	if err != nil {
		return Hit{}, err
	}
	return hits[0], nil
}
