package web

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"kexie/internal/db"
)

// Name is how a page shows another module's object: its name and its page.
type Name struct {
	Text string
	Href string // "" when the object has no page
}

// Namer resolves ids of one kind of object ("org", "plan", "person",
// "user") to their names; ids it does not find are left out of the map.
// A module registers its namers while registering its routes (Site.AddNamer),
// so that pages such as the audit log show names without reading another
// module's tables.
type Namer func(ctx context.Context, ids []int64) (map[int64]Name, error)

// AddNamer registers the resolver of kind; a kind registered twice is an
// error reported by Err.
func (s *Site) AddNamer(kind string, n Namer) {
	if s.namers == nil {
		s.namers = map[string]Namer{}
	}
	if _, dup := s.namers[kind]; dup {
		s.errs = append(s.errs, fmt.Errorf("web: namer %q registered twice", kind))
		return
	}
	s.namers[kind] = n
}

// Names resolves ids of kind; an unknown kind resolves nothing.
func (s *Site) Names(ctx context.Context, kind string, ids []int64) (map[int64]Name, error) {
	n, ok := s.namers[kind]
	if !ok || len(ids) == 0 {
		return map[int64]Name{}, nil
	}
	return n(ctx, ids)
}

// NamesByID is the usual Namer body: query selects the id and the name of
// the rows whose id is in the list its "%s" stands for, as in
// "SELECT id, name FROM orgs WHERE id IN (%s)"; href links each id to its
// page. Ids are deduplicated and asked in chunks of 500.
func NamesByID(ctx context.Context, d *db.DB, query string, ids []int64, href func(int64) string) (map[int64]Name, error) {
	out := map[int64]Name{}
	uniq := append([]int64(nil), ids...)
	sort.Slice(uniq, func(i, j int) bool { return uniq[i] < uniq[j] })
	n := 0
	for i, id := range uniq {
		if i == 0 || id != uniq[n-1] {
			uniq[n] = id
			n++
		}
	}
	uniq = uniq[:n]
	for len(uniq) > 0 {
		chunk := uniq[:min(len(uniq), 500)]
		uniq = uniq[len(chunk):]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := d.Query(ctx, fmt.Sprintf(query, strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ",")), args...)
		if err != nil {
			return nil, fmt.Errorf("web: names: %w", err)
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return nil, fmt.Errorf("web: names: %w", err)
			}
			out[id] = Name{Text: name, Href: href(id)}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("web: names: %w", err)
		}
	}
	return out, nil
}
