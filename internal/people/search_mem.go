package people

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/db"
	"kexie/internal/search"
	"kexie/internal/std"
)

// A broad query matches hundreds of thousands of people, and every one of
// them is filtered and counted in six facets. So the loop over hits works
// on numbers only: facet values are interned (counted in arrays, turned
// into names once at the end), whatever depends on a birth year is worked
// out once per distinct year, and only the hits that can still enter the
// requested page are scored and kept, in a bounded heap. The answers are
// those of the plain per-hit computation the database path does
// (TestMemMatchesReference compares them).

// Age bands in the order of the per-date cache.
var bandNames = [...]string{"unknown", "under35", "35to44", "45to54", "55plus"}

func bandIndex(b string) uint8 {
	for i, n := range bandNames {
		if n == b {
			return uint8(i)
		}
	}
	return 0
}

// Bits of a birth year's cache entry.
const (
	birthKnown = 1 << 0 // entry computed
	birthYoung = 1 << 1 // born after the youth cutoff year
	birthInAge = 1 << 2 // inside the age-band filter (or no filter)
	birthBand  = 3      // band index, shifted
)

// birthKey numbers a birth year densely for the per-query cache (−1:
// outside it, computed each time).
func birthKey(y int32) int {
	if y < 1850 || y >= 1850+birthKeys {
		return -1
	}
	return int(y - 1850)
}

const birthKeys = 300

// Bits of a facet value's cache entry.
const (
	valKnown    = 1 << 0
	valRegion   = 1 << 1 // region filter passes
	valDisc     = 1 << 2 // discipline filter passes
	valCat      = 1 << 3 // category filter passes (not young)
	valCatYoung = 1 << 4 // category filter passes (young: youth category added)
)

// searchMem answers a query from the index. The caller has caught it up.
// age is the youth age limit, read with the catch-up.
func (s *Store) searchMem(ctx context.Context, sq SearchQuery, res SearchResult, age int) (SearchResult, error) {
	x := s.mem
	now := s.db.Now()
	terms, single := search.QueryTerms(sq.Q)
	var scope map[int64]bool // the orgs of a limited scope
	if !sq.Scope.All() {
		c, a := db.ScopeCond(s.db, "path", sq.Scope)
		rows, err := s.db.Query(ctx, `SELECT id FROM orgs WHERE `+c, a...)
		if err != nil {
			return res, fmt.Errorf("people: search scope: %w", err)
		}
		scope = map[int64]bool{}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return res, err
			}
			scope[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return res, fmt.Errorf("people: search scope: %w", err)
		}
	}
	q := memQuery{x: x, now: now, region: std.RegionPrefix(sq.Facets["region"]), category: sq.Facets["category"],
		discipline: sq.Facets["discipline"]}
	if band := sq.Facets["age_band"]; band != "" {
		lo, hi, ok := ageRange(band, now)
		if !ok {
			return res, nil
		}
		q.lo, q.hi, q.ageFilter = int32(lo), int32(hi), true
	}
	if v := sq.Facets["title_level"]; v != "" {
		if q.level = x.level(v); q.level == 0 {
			q.level = 255
		}
	}
	if v := sq.Facets["membership"]; v != "" {
		g, ok := gradeNumber(v)
		if !ok {
			return res, nil
		}
		q.grade = g + 1
	}
	q.cutoff = int32(youthCutoff(age, now))
	needle := strings.TrimSpace(sq.Q)
	words := strings.Fields(needle)
	wordScore := 10 * float64(len(words))
	limit, offset := pageOf(sq)
	top := topHits{k: min(offset+limit, maxHits)}
	// Another order than relevance needs every hit with its key.
	col, desc := searchSort(sq.Sort)
	var all2 []keyed
	var orgName map[int64]string
	if col != "" {
		var err error
		if orgName, err = s.orgNames(ctx); err != nil {
			return res, err
		}
	}

	x.mu.RLock()
	var cand []int32
	all := false
	switch {
	case len(terms) > 0:
		lists := make([][]int32, 0, len(terms))
		for _, t := range terms {
			l, ok := x.post[t]
			if !ok {
				x.mu.RUnlock()
				return res, nil
			}
			lists = append(lists, l)
		}
		if len(lists) == 1 {
			cand = lists[0]
		} else {
			cand = intersect(lists)
		}
	case single != "":
		cand = x.post["\x00"+single]
	case needle != "":
		x.mu.RUnlock()
		return res, nil
	default:
		all = true
	}
	q.everyOrg = sq.Scope.All()
	if !q.everyOrg {
		q.allowed = make([]bool, len(x.orgs.list))
		for i, id := range x.orgs.list {
			q.allowed[i] = scope[id]
		}
	}
	q.births = make([]uint8, birthKeys)
	q.vals = make([]uint8, len(x.vals.list))
	counts := make([]int32, 4*len(x.vals.list))
	n := len(x.vals.list)
	q.regionN, q.discN, q.catN, q.catYthN = counts[:n], counts[n:2*n], counts[2*n:3*n], counts[3*n:]
	total := 0
	nh := nameHash(needle)
	visit := func(dn int32, d *memDoc) bool {
		if !q.match(d) {
			return true
		}
		total++
		if col != "" {
			all2 = append(all2, keyed{scored: scored{id: d.id}, key: sortKey{name: x.name(dn),
				org: orgName[x.orgs.list[d.org]], level: levelRank(levelName(d.titleLevel()))}})
			return total < maxHits
		}
		// Score only a hit that could still enter the page: the exact
		// name adds 100, each word found whole 10.
		ub := wordScore
		if d.nameHash == nh && x.name(dn) == needle {
			ub += 100
		}
		if !top.closed(ub, d.id) {
			t := &x.texts[dn]
			top.push(scored{id: d.id, score: boost(needle, words, x.name(dn), x.strs.list[t.employer], x.strs.list[t.expertise])})
		}
		return total < maxHits
	}
	if all {
		for dn := range x.docs {
			if !visit(int32(dn), &x.docs[dn]) {
				break
			}
		}
	} else {
		// Hits are scattered over the docs, so reading each is a cache
		// miss: copy a batch first (independent loads the CPU overlaps),
		// then filter and count it.
		var batch [16]memDoc
	scan:
		for i := 0; i < len(cand); i += len(batch) {
			part := cand[i:min(i+len(batch), len(cand))]
			for j, dn := range part {
				batch[j] = x.docs[dn]
			}
			for j, dn := range part {
				if !visit(dn, &batch[j]) {
					break scan
				}
			}
		}
	}
	q.facets(res)
	x.mu.RUnlock()
	if col != "" {
		ranked := sortKeyed(all2, col, desc)
		return s.page(ctx, res, total, ranked[:min(len(ranked), offset+limit)], offset)
	}
	return s.page(ctx, res, total, top.sorted(), offset)
}
