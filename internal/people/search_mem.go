package people

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

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

// memQuery is one query's filters and counts over the index.
type memQuery struct {
	x                             *memIndex
	now                           time.Time
	cutoff, lo, hi                int32 // youth cutoff year; age-band filter years [lo, hi)
	ageFilter                     bool
	level                         uint8 // wanted level number; 0: any; 255: none matches
	grade                         uint8 // wanted grade number + 1; 0: any
	region, category, discipline  string
	everyOrg                      bool   // the scope is Everywhere
	allowed                       []bool // by org number: the org lies in the scope
	births                        []uint8
	vals                          []uint8
	levels                        [8]int
	bands                         [len(bandNames)]int
	grades                        [len(gradeNames)]int
	regionN, discN, catN, catYthN []int32
}

// catsOf is withYouth for a young flag already worked out.
func catsOf(cats string, young bool) string {
	if !young || strings.Contains(cats, YouthCategory) {
		return cats
	}
	if cats == "" {
		return YouthCategory
	}
	return cats + "、" + YouthCategory
}

// birth is the cache entry of birth year y: what AgeBand, withYouth and
// the database path's year comparisons give.
func (q *memQuery) birth(y int32) uint8 {
	k := birthKey(y)
	if k >= 0 {
		if v := q.births[k]; v != 0 {
			return v
		}
	}
	v := uint8(birthKnown) | bandIndex(AgeBand(int(y), q.now))<<birthBand
	if y != 0 && y > q.cutoff {
		v |= birthYoung
	}
	if !q.ageFilter || y >= q.lo && y < q.hi {
		v |= birthInAge
	}
	if k >= 0 {
		q.births[k] = v
	}
	return v
}

func (q *memQuery) val(i uint32) uint8 {
	if v := q.vals[i]; v != 0 {
		return v
	}
	s := q.x.vals.list[i]
	v := uint8(valKnown)
	if q.region == "" || strings.HasPrefix(s, q.region) {
		v |= valRegion
	}
	if q.discipline == "" {
		v |= valDisc
	} else if primary, secondary := parseMemDisciplines(s); disciplineMatches(primary, secondary, q.discipline) {
		v |= valDisc
	}
	if q.category == "" || strings.Contains(catsOf(s, false), q.category) {
		v |= valCat
	}
	if q.category == "" || strings.Contains(catsOf(s, true), q.category) {
		v |= valCatYoung
	}
	q.vals[i] = v
	return v
}

// match filters one doc and, when it passes, counts its facets.
func (q *memQuery) match(d *memDoc) bool {
	if d.dead || !q.everyOrg && !q.allowed[d.org] {
		return false
	}
	if q.level != 0 && d.titleLevel() != q.level || q.grade != 0 && d.grade()+1 != q.grade {
		return false
	}
	b := q.birth(d.birth)
	if b&birthInAge == 0 || q.val(d.region)&valRegion == 0 || q.val(d.disc)&valDisc == 0 {
		return false
	}
	young := b&birthYoung != 0
	if c := q.val(d.cats); young && c&valCatYoung == 0 || !young && c&valCat == 0 {
		return false
	}
	q.levels[d.titleLevel()]++
	q.grades[d.grade()]++
	q.regionN[d.region]++
	q.discN[d.disc]++
	if young {
		q.catYthN[d.cats]++
	} else {
		q.catN[d.cats]++
	}
	q.bands[b>>birthBand]++
	return true
}

// facets turns the counts into the result's facet maps.
func (q *memQuery) facets(res SearchResult) {
	for l, n := range q.levels {
		if n > 0 && l > 0 {
			res.Facets["title_level"][levelName(uint8(l))] += n
		}
	}
	for b, n := range q.bands {
		if n > 0 {
			res.Facets["age_band"][bandNames[b]] += n
		}
	}
	for g, n := range q.grades {
		if n > 0 {
			res.Facets["membership"][gradeNames[g]] += n
		}
	}
	for i, s := range q.x.vals.list {
		if n := int(q.regionN[i]); n > 0 && s != "" {
			res.Facets["region"][cityOf(s)] += n
		}
		if n := int(q.discN[i]); n > 0 {
			for _, t := range disciplineTops(parseMemDisciplines(s)) {
				res.Facets["discipline"][t] += n
			}
		}
		for young, n := range [2]int32{q.catN[i], q.catYthN[i]} {
			if n == 0 {
				continue
			}
			for _, c := range strings.Split(catsOf(s, young == 1), "、") {
				if c != "" {
					res.Facets["category"][c] += int(n)
				}
			}
		}
	}
}

// better orders hits: higher score first, then lower id.
func better(a, b scored) bool {
	return a.score > b.score || a.score == b.score && a.id < b.id
}

// topHits keeps the best k hits seen, the worst of them at the root.
type topHits struct {
	k int
	h []scored
}

// closed reports whether a hit scoring at most ub with this id cannot enter.
func (t *topHits) closed(ub float64, id int64) bool {
	return len(t.h) == t.k && !better(scored{id: id, score: ub}, t.h[0])
}

func (t *topHits) push(s scored) {
	if len(t.h) < t.k {
		t.h = append(t.h, s)
		for i := len(t.h) - 1; i > 0; {
			p := (i - 1) / 2
			if !better(t.h[p], t.h[i]) {
				break
			}
			t.h[p], t.h[i] = t.h[i], t.h[p]
			i = p
		}
		return
	}
	if !better(s, t.h[0]) {
		return
	}
	t.h[0] = s
	for i := 0; ; {
		w, l, r := i, 2*i+1, 2*i+2
		if l < len(t.h) && better(t.h[w], t.h[l]) {
			w = l
		}
		if r < len(t.h) && better(t.h[w], t.h[r]) {
			w = r
		}
		if w == i {
			return
		}
		t.h[i], t.h[w] = t.h[w], t.h[i]
		i = w
	}
}

// sorted returns the kept hits, best first.
func (t *topHits) sorted() []scored {
	sort.Slice(t.h, func(i, j int) bool { return better(t.h[i], t.h[j]) })
	return t.h
}

// pageOf normalizes a query's page.
func pageOf(sq SearchQuery) (limit, offset int) {
	limit, offset = sq.Limit, max(sq.Offset, 0)
	if limit <= 0 || limit > 1000 {
		limit = 20
	}
	return limit, offset
}

// intersect returns the docs present in every list, ascending. A short
// list is looked up in a long one by galloping search, not a full walk.
func intersect(lists [][]int32) []int32 {
	if len(lists) == 0 {
		return nil
	}
	sort.Slice(lists, func(i, j int) bool { return len(lists[i]) < len(lists[j]) })
	out := append([]int32(nil), lists[0]...)
	for _, l := range lists[1:] {
		k, j := 0, 0
		for _, d := range out {
			if j < len(l) && l[j] < d {
				// Gallop: double the step until past d, then bisect.
				step := 1
				for j+step < len(l) && l[j+step] < d {
					j += step
					step <<= 1
				}
				hi := min(j+step, len(l))
				j += sort.Search(hi-j, func(i int) bool { return l[j+i] >= d })
			}
			if j < len(l) && l[j] == d {
				out[k] = d
				k++
			}
		}
		out = out[:k]
	}
	return out
}

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
