package people

import (
	"strings"
	"time"
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
