package people

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// memIndex is this node's in-memory copy of what talent search needs:
// postings of bigram terms and, per person, the facet values and the texts
// that rank hits. The database stays the source of truth: the index is
// built from the people table and brought up to date from people_changes
// (written in the same transaction as every change) before each query, so
// every node answers from committed rows and a crash loses nothing.
type memIndex struct {
	mu      sync.RWMutex
	ready   bool
	seq     int64           // every change up to seq is applied
	pending map[int64]int64 // seq gaps seen (PostgreSQL may commit out of order) → first seen, ms
	// A person's doc: the first sorted docs were loaded in id order and
	// are found by binary search; docs added later are in the map. The
	// map of all 1M ids cost ~35 MB; this costs nothing for the loaded ones.
	sorted int
	later  map[int64]int32    // person id → doc, for docs added after the load
	docs   []memDoc           // doc → person
	texts  []memText          // doc → texts
	names  []byte             // the names of all docs, one after another (memText.name)
	post   map[string][]int32 // term → docs, ascending (dead docs are skipped)
	strs   interner[string]   // employers and expertise
	// Facet values (regions, categories, disciplines) are interned apart
	// from the long texts: there are few of them, so a query counts them
	// in small arrays indexed by this number instead of maps of strings.
	// Multi-valued ones are interned whole: a person's categories as
	// stored, their disciplines as memDisciplines writes them.
	vals interner[string]
	orgs interner[int64] // org ids, so a scope is a []bool
}

// interner numbers distinct values in the order first seen: list[n] is
// the value numbered n.
type interner[K comparable] struct {
	of   map[K]uint32
	list []K
}

// id returns k's number, giving it the next one when k is new.
func (n *interner[K]) id(k K) uint32 {
	if i, ok := n.of[k]; ok {
		return i
	}
	if n.of == nil {
		n.of = map[K]uint32{}
	}
	i := uint32(len(n.list))
	n.of[k] = i
	n.list = append(n.list, k)
	return i
}

// memDoc is one person, compact: repeated strings are interned and the
// birth year is a number (0: unknown). What every hit of a query reads is kept
// in one dense 32-byte record (two to a cache line); the texts that only
// the hits ranked for the page need sit apart in memText.
type memDoc struct {
	id       int64
	org      uint32 // orgs
	region   uint32 // vals
	cats     uint32 // vals
	disc     uint32 // vals: memDisciplines of primary and secondary
	birth    int32
	nameHash uint16 // of the name, to rule out an exact name match without reading it
	level    uint8  // title level (levelMask) and membership grade (gradeShift): the record stays 32 bytes
	dead     bool
}

// The level byte of a memDoc holds the title level number in its low bits
// and the membership grade number (gradeNames) in its top two.
const (
	levelMask  = 0x3f
	gradeShift = 6
)

func (d *memDoc) titleLevel() uint8 { return d.level & levelMask }
func (d *memDoc) grade() uint8      { return d.level >> gradeShift }

// memText holds a doc's texts that rank hits. The name is a span of
// memIndex.names: one allocation for all names instead of one each, and
// no pointer per doc for the collector to follow.
type memText struct {
	nameAt    uint32 // offset in names
	nameLen   uint16
	employer  uint32 // strs
	expertise uint32 // strs
}

// name returns doc dn's name, a view of the shared names buffer without a
// copy. This is safe because bytes of names are never changed once
// written: appends only add after them, and a buffer that appends outgrow
// is left to the views still holding it.
func (x *memIndex) name(dn int32) string {
	t := x.texts[dn]
	if t.nameLen == 0 {
		return ""
	}
	return unsafe.String(&x.names[t.nameAt], int(t.nameLen))
}

// doc returns the live doc of person id.
func (x *memIndex) doc(id int64) (int32, bool) {
	if d, ok := x.later[id]; ok {
		return d, true
	}
	i, found := slices.BinarySearchFunc(x.docs[:x.sorted], id, func(d memDoc, id int64) int { return cmp.Compare(d.id, id) })
	if found && !x.docs[i].dead {
		return int32(i), true
	}
	return 0, false
}

// nameHash is a 16-bit FNV-1a hash of a name.
func nameHash(s string) uint16 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return uint16(h ^ h>>16)
}

func newMemIndex() *memIndex {
	return &memIndex{pending: map[int64]int64{}, later: map[int64]int32{}, post: map[string][]int32{}}
}

const memCols = `id, org_id, name, employer, expertise, title_level, region_code, categories, birth_year, discipline, disciplines2,
	search_text`

// level numbers a title level (0: none given).
func (x *memIndex) level(l string) uint8 {
	for i, v := range TitleLevels() {
		if v == l {
			return uint8(i + 1)
		}
	}
	return 0
}

func levelName(n uint8) string {
	if n == 0 {
		return ""
	}
	return TitleLevels()[n-1]
}

// birthNumber turns a stored birth year ("1985") into a number (0 when unknown).
func birthNumber(s string) int32 {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 9999 {
		return 0
	}
	return int32(n)
}

// put adds or replaces a person; an erased person (empty terms) is dropped.
// disc2 is people.disciplines2 as stored.
// grade is the person's membership grade number (gradeSQL).
func (x *memIndex) put(id, org int64, name, employer, expertise, level, region, cats, birth, disc, disc2, terms string, grade uint8) {
	if d, ok := x.doc(id); ok {
		x.docs[d].dead = true
		delete(x.later, id)
	}
	if terms == "" {
		return
	}
	d := int32(len(x.docs))
	// Keep growing the sorted run while ids come in ascending order (the
	// load, and new people after it); anything else goes to the map.
	if x.sorted == len(x.docs) && (d == 0 || id > x.docs[d-1].id) {
		x.sorted++
	} else {
		x.later[id] = d
	}
	if len(name) > 0xffff {
		name = name[:0xffff] // names are validated far shorter; never let the span wrap
	}
	grade = min(grade, uint8(len(gradeNames)-1))
	x.docs = append(x.docs, memDoc{id: id, org: x.orgs.id(org), nameHash: nameHash(name), level: x.level(level) | grade<<gradeShift,
		region: x.vals.id(region), cats: x.vals.id(cats), birth: birthNumber(birth),
		disc: x.vals.id(memDisciplines(disc, disc2))})
	x.texts = append(x.texts, memText{nameAt: uint32(len(x.names)), nameLen: uint16(len(name)), employer: x.strs.id(employer),
		expertise: x.strs.id(expertise)})
	x.names = append(x.names, name...)
	for _, t := range strings.Fields(terms) {
		x.post[t] = append(x.post[t], d)
	}
	if r, _ := utf8.DecodeRuneInString(name); r != utf8.RuneError {
		k := "\x00" + string(r)
		x.post[k] = append(x.post[k], d)
	}
}
