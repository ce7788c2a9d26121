package people

import (
	"context"
	"sort"
	"strings"
	"time"

	"kexie/internal/access"
)

// Facet names of the talent search.
var FacetNames = []string{"discipline", "title_level", "region", "category", "age_band", "membership"}

// SearchQuery is a talent search.
type SearchQuery struct {
	Q      string
	Facets map[string]string // facet name → chosen value
	Scope  access.Scope      // the orgs whose people are searched; the zero Scope none
	Limit  int
	Offset int
	// Sort orders the hits: "" by relevance, else one of SearchSorts,
	// "-" prefixed for descending.
	Sort string
	// UseDatabase answers from the database's index even when the
	// in-memory index is ready (tests and benchmarks compare the two).
	UseDatabase bool
}

// Hit is one found person with its relevance.
type Hit struct {
	Person
	Score float64
}

// SearchResult is one page of hits, the total, and the count of every facet
// value over all hits.
type SearchResult struct {
	Total  int
	Hits   []Hit
	Facets map[string]map[string]int
}

// maxHits bounds the hits ranked and counted for one query; a query that
// matches more is too broad to be useful and is answered from the first ones.
const maxHits = 200_000

// AgeBand is the age band of a birth year (0: unknown) at now. Ages count
// by calendar year (the age reached this year): only the birth year is
// kept in clear (D43).
func AgeBand(year int, now time.Time) string {
	if year <= 0 {
		return "unknown"
	}
	return bandOfAge(now.Year() - year)
}

// bandOfAge is the band of an age.
func bandOfAge(age int) string {
	switch {
	case age < 35:
		return "under35"
	case age < 45:
		return "35to44"
	case age < 55:
		return "45to54"
	}
	return "55plus"
}

// ageRange is the birth-year interval [from, to) of an age band at now;
// unknown years (0) lie outside every band.
func ageRange(band string, now time.Time) (from, to int, ok bool) {
	y := now.Year()
	switch band {
	case "under35":
		return y - 34, 10000, true
	case "35to44":
		return y - 44, y - 34, true
	case "45to54":
		return y - 54, y - 44, true
	case "55plus":
		return 1, y - 54, true
	}
	return 0, 0, false
}

func disciplineTop(d string) string {
	d = strings.TrimSpace(d)
	if len(d) >= 3 && strings.Trim(d[:3], "0123456789") == "" {
		return d[:3]
	}
	return d
}

func cityOf(region string) string {
	if len(region) == 6 {
		return region[:4] + "00"
	}
	return region
}

// Search finds people by the bigram terms of q (all must match; a single
// character matches names starting with it), narrowed by facet filters and
// scope, and counts every facet over all hits. Hits rank by boost — an
// exact name first, then how many of the query's words appear whole in the
// expertise, employer or name — and then by id, the same on the in-memory
// and the database path.
func (s *Store) Search(ctx context.Context, sq SearchQuery) (SearchResult, error) {
	res := SearchResult{Facets: map[string]map[string]int{}}
	for _, f := range FacetNames {
		res.Facets[f] = map[string]int{}
	}
	if sq.Scope.None() {
		return res, nil
	}
	s.mem.mu.RLock()
	ready := s.mem.ready
	s.mem.mu.RUnlock()
	// The in-memory index holds no update times: that order is the
	// database's, like every order on the database path.
	if col, _ := searchSort(sq.Sort); ready && !sq.UseDatabase && col != "updated" {
		age, err := s.mem.catchUp(ctx, s.db)
		if err != nil {
			return res, err
		}
		return s.searchMem(ctx, sq, res, age)
	}
	return s.searchDB(ctx, sq, res)
}

// count adds one hit's values to the facet counts. A person counts once
// under each distinct first level of their primary and secondary
// disciplines (disc2 as stored); grade is their membership grade number.
func (res *SearchResult) count(level, region, disc, disc2, cats string, birth int, grade uint8, now time.Time) {
	if level != "" {
		res.Facets["title_level"][level]++
	}
	if region != "" {
		res.Facets["region"][cityOf(region)]++
	}
	if disc2 == "" {
		if t := disciplineTop(disc); t != "" {
			res.Facets["discipline"][t]++ // most people: no slice to build
		}
	} else {
		for _, t := range disciplineTops(disc, storedCodes(disc2)) {
			res.Facets["discipline"][t]++
		}
	}
	if cats != "" {
		for _, c := range strings.Split(cats, "、") {
			if c != "" {
				res.Facets["category"][c]++
			}
		}
	}
	res.Facets["age_band"][AgeBand(birth, now)]++
	res.Facets["membership"][gradeNames[min(grade, uint8(len(gradeNames)-1))]]++
}

// finish orders the hits — by relevance, or by sq.Sort — and loads the
// requested page.
func (s *Store) finish(ctx context.Context, res SearchResult, hits []keyed, sq SearchQuery) (SearchResult, error) {
	limit, offset := pageOf(sq)
	var ranked []scored
	if col, desc := searchSort(sq.Sort); col != "" {
		ranked = sortKeyed(hits, col, desc)
	} else {
		sort.Slice(hits, func(i, j int) bool { return better(hits[i].scored, hits[j].scored) })
		ranked = make([]scored, len(hits))
		for i, h := range hits {
			ranked[i] = h.scored
		}
	}
	return s.page(ctx, res, len(hits), ranked[:min(len(hits), offset+limit)], offset)
}

// page loads the people of ranked[offset:], the hits of one page ranked
// best first, and sets the total.
func (s *Store) page(ctx context.Context, res SearchResult, total int, ranked []scored, offset int) (SearchResult, error) {
	res.Total = total
	if offset >= len(ranked) {
		return res, nil
	}
	page := ranked[offset:]
	scores := map[int64]float64{}
	ids := make([]int64, len(page))
	for i, h := range page {
		ids[i], scores[h.id] = h.id, h.score
	}
	people, err := s.byIDs(ctx, ids)
	if err != nil {
		return res, err
	}
	for _, p := range people {
		res.Hits = append(res.Hits, Hit{Person: p, Score: scores[p.ID]})
	}
	return res, nil
}
