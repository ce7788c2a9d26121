package demo

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/people"
)

// fakeTable is a discipline table holding the demo's names under made-up
// first-level codes (test data, not GB/T 13745), less the names in skip.
func fakeTable(skip ...string) map[string]people.Discipline {
	table := map[string]people.Discipline{}
	for i, n := range DisciplineNames() {
		if !slices.Contains(skip, n) {
			code := strconv.Itoa(100 + i)
			table[code] = people.Discipline{Code: code, Name: n, Level: 1}
		}
	}
	return table
}

// Every research direction names a primary discipline and neighbours;
// their codes come from the imported table, and about three people in ten
// get one or two secondary disciplines.
func TestDisciplinesFor(t *testing.T) {
	for _, ex := range expertise {
		f := fieldsOf[ex]
		if len(f) < 2 {
			t.Errorf("%s: %v", ex, f)
		}
		for i, n := range f {
			if n == "" || slices.Contains(f[:i], n) {
				t.Errorf("%s: name %q", ex, n)
			}
		}
	}
	// Without a table the demo gives the primary discipline's name and no
	// secondary ones; a name the table lacks is left out.
	named := codesOf(nil)
	for i := range 200 {
		got := disciplinesFor(rand.New(rand.NewPCG(1, uint64(i))), named, "人工智能、水稻育种")
		if got != "" && got != "计算机科学技术" {
			t.Fatalf("no table: %q", got)
		}
	}
	partial := codesOf(fakeTable("计算机科学技术"))
	for _, c := range partial["人工智能"] {
		if d := fakeTable()[c]; d.Name == "计算机科学技术" {
			t.Errorf("人工智能 got %s, which the table lacks", c)
		}
	}
	if len(partial["人工智能"]) != len(fieldsOf["人工智能"])-1 {
		t.Errorf("人工智能: %v", partial["人工智能"])
	}
	codes := codesOf(fakeTable())
	rng := rand.New(rand.NewPCG(1, 2))
	var none, primary, secondary int
	for i := range 10000 {
		ex := expertise[i%len(expertise)]
		if i%3 == 0 {
			ex += "、" + expertise[(i/3)%len(expertise)]
		}
		got := strings.Split(disciplinesFor(rng, codes, ex), "；")
		switch {
		case got[0] == "":
			none++
		case len(got) == 1:
			primary++
		default:
			secondary++
			if len(got) > 3 || slices.Contains(got[1:], got[0]) || got[1] == got[len(got)-1] && len(got) == 3 {
				t.Fatalf("%s: %v", ex, got)
			}
		}
	}
	if secondary < 2500 || secondary > 3500 || none < 1000 || none > 2000 {
		t.Errorf("of 10000: %d without a discipline, %d with a primary only, %d with secondary ones", none, primary, secondary)
	}
}
