package people

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// SearchSorts are the orders search hits can come in besides relevance
// (SearchQuery.Sort "", the default): each ascending, or descending with a
// "-" prefix. Ties keep id order, so a page never shuffles.
var SearchSorts = []string{"name", "org", "title_level", "updated"}

// sortKey holds what a hit is ordered by for a sort other than relevance.
type sortKey struct {
	name, org string
	level     int   // levelRank
	updated   int64 // Unix milliseconds
}

// keyed is a hit with its sort key.
type keyed struct {
	scored
	key sortKey
}

// searchSort splits a SearchQuery.Sort into its column ("" for relevance,
// or for an order not offered) and direction.
func searchSort(s string) (col string, desc bool) {
	col, desc = strings.TrimPrefix(s, "-"), strings.HasPrefix(s, "-")
	if !slices.Contains(SearchSorts, col) {
		return "", false
	}
	return col, desc
}

// levelRank orders title levels from 正高级 down; no level comes last.
func levelRank(level string) int {
	if i := slices.Index(TitleLevels(), level); i >= 0 {
		return i + 1
	}
	return len(TitleLevels()) + 1
}

// sortKeyed orders hits by col, ties by id; both search paths use it, so
// they answer alike.
func sortKeyed(hits []keyed, col string, desc bool) []scored {
	cmpKey := func(a, b sortKey) int {
		switch col {
		case "name":
			return strings.Compare(a.name, b.name)
		case "org":
			return strings.Compare(a.org, b.org)
		case "title_level":
			return a.level - b.level
		case "updated":
			switch {
			case a.updated < b.updated:
				return -1
			case a.updated > b.updated:
				return 1
			}
		}
		return 0
	}
	slices.SortFunc(hits, func(a, b keyed) int {
		c := cmpKey(a.key, b.key)
		if desc {
			c = -c
		}
		if c != 0 {
			return c
		}
		switch {
		case a.id < b.id:
			return -1
		case a.id > b.id:
			return 1
		}
		return 0
	})
	out := make([]scored, len(hits))
	for i, h := range hits {
		out[i] = h.scored
	}
	return out
}

// orgNames reads the name of every org by id: the in-memory path keeps
// org ids only, and the tree is small next to the people in it.
func (s *Store) orgNames(ctx context.Context) (map[int64]string, error) {
	rows, err := s.db.Query(ctx, `SELECT id, name FROM orgs`)
	if err != nil {
		return nil, fmt.Errorf("people: org names: %w", err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var n string
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("people: org names: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}
