package people

import (
	"testing"
	"time"
)

// The per-year cache must agree, for every year it covers and for years
// outside it, with AgeBand, withYouth and the year interval the database
// search compares with.
func TestBirthCacheMatchesPlain(t *testing.T) {
	for _, now := range []time.Time{
		time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC),
		time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 31, 12, 0, 0, 0, time.FixedZone("CST", 8*3600)),
	} {
		for _, band := range []string{"", "under35", "35to44", "45to54", "55plus"} {
			for _, age := range []int{35, 40} {
				cutoff := youthCutoff(age, now)
				q := memQuery{now: now, cutoff: int32(cutoff), births: make([]uint8, birthKeys)}
				lo, hi, _ := ageRange(band, now)
				if band != "" {
					q.lo, q.hi, q.ageFilter = int32(lo), int32(hi), true
				}
				for _, pass := range []string{"fill", "cached"} {
					for y := int32(-1); y < 2200; y++ {
						want := uint8(birthKnown) | bandIndex(AgeBand(int(y), now))<<birthBand
						if withYouth("", int(y), cutoff) != "" {
							want |= birthYoung
						}
						if band == "" || int(y) >= lo && int(y) < hi {
							want |= birthInAge
						}
						if got := q.birth(y); got != want {
							t.Fatalf("%s: now %s, band %q, youth %d: year %d gives %08b, want %08b", pass, now, band, age, y, got, want)
						}
					}
				}
			}
		}
	}
	if birthKey(1850+birthKeys-1) != birthKeys-1 || birthKey(1849) >= 0 || birthKey(0) >= 0 || birthKey(1850+birthKeys) >= 0 {
		t.Error("cache keys do not cover exactly 1850–2149")
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
