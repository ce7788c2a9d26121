package people

import (
	"testing"
	"time"
)

// The per-date cache works dates out by arithmetic; for every date it
// covers, valid or not, it must agree with the string path (AgeBand and
// comparisons of birthString) that the database search follows.
func TestBirthCacheMatchesStrings(t *testing.T) {
	for _, now := range []time.Time{
		time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC),
		time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2027, 3, 1, 23, 59, 0, 0, time.UTC),
		time.Date(2026, 12, 31, 12, 0, 0, 0, time.FixedZone("CST", 8*3600)),
	} {
		for _, band := range []string{"", "under35", "35to44", "45to54", "55plus"} {
			for _, age := range []int{35, 40} {
				q := memQuery{now: now, cutoff: youthCutoff(age, now), births: make([]uint8, birthKeys)}
				if band != "" {
					q.lo, q.hi, _ = ageRange(band, now)
				}
				q.cutoffN, _ = dateNumber(q.cutoff)
				q.loN, _ = dateNumber(q.lo)
				q.hiN, _ = dateNumber(q.hi)
				q.numeric = true
				n := 0
				for y := int32(1850); y < 2150; y++ {
					for m := int32(0); m < 16; m++ {
						for d := int32(0); d < 32; d++ {
							b := y*10000 + m*100 + d
							if got, want := q.birth(b), q.birthSlow(b); got != want {
								t.Fatalf("now %s, band %q, youth %d: date %d gives %08b, want %08b", now, band, age, b, got, want)
							}
							n++
						}
					}
				}
				if n != 300*16*32 {
					t.Fatalf("checked %d dates", n)
				}
			}
		}
	}
	if k := birthKey(21491531); k < 0 || k >= birthKeys {
		t.Errorf("last key %d outside the cache", k)
	}
	for _, b := range []int32{0, -19850312, 18491231, 21500101} {
		if birthKey(b) >= 0 {
			t.Errorf("date %d has a cache key", b)
		}
	}
}

// A doc is found by binary search while ids arrive in order and through
// the map once they do not; an update or erasure leaves exactly one live
// doc (or none) for the id, with its own name.
func TestMemDocLookup(t *testing.T) {
	x := newMemIndex()
	put := func(id int64, name string) {
		terms := ""
		if name != "" {
			terms = "t" + name
		}
		x.put(id, 1, name, "", "", "", "", "", "", "", "", terms, 0)
	}
	for id := int64(10); id <= 50; id += 10 {
		put(id, "n"+string(rune('0'+id/10)))
	}
	if x.sorted != 5 || len(x.later) != 0 {
		t.Fatalf("loaded in order: sorted %d, later %d", x.sorted, len(x.later))
	}
	put(60, "n6")  // still ascending: the sorted run grows
	put(20, "n2b") // an update: the old doc dies, the new one goes to the map
	put(70, "n7")  // after an out-of-order doc, everything goes to the map
	put(30, "")    // erased
	put(20, "n2c") // updated again, from the map
	if x.sorted != 6 || len(x.later) != 2 {
		t.Errorf("sorted %d, later %v", x.sorted, x.later)
	}
	want := map[int64]string{10: "n1", 20: "n2c", 40: "n4", 50: "n5", 60: "n6", 70: "n7"}
	for _, id := range []int64{5, 10, 20, 30, 40, 50, 60, 70, 80} {
		d, ok := x.doc(id)
		if name, live := want[id]; ok != live || ok && (x.name(d) != name || x.docs[d].dead || x.docs[d].id != id) {
			t.Errorf("doc(%d) = %d %v, want live %v named %q", id, d, ok, live, name)
		}
	}
	live := 0
	for _, d := range x.docs {
		if !d.dead {
			live++
		}
	}
	if live != len(want) {
		t.Errorf("%d live docs, want %d", live, len(want))
	}
}

// The membership grade shares the level byte with the title level; each
// reads back unchanged whatever the other holds.
func TestLevelBytePacking(t *testing.T) {
	x := newMemIndex()
	for _, lvl := range append(TitleLevels(), "") {
		for g := range gradeNames {
			x.put(1, 1, "张伟", "", "", lvl, "", "", "", "", "", "a", uint8(g))
			d, _ := x.doc(1)
			if got := x.docs[d]; levelName(got.titleLevel()) != lvl || got.grade() != uint8(g) {
				t.Errorf("level %q grade %d: read back %q %d", lvl, g, levelName(got.titleLevel()), got.grade())
			}
		}
	}
}
