package demo

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// Every research direction has a primary discipline and neighbours, and
// about three people in ten get one or two secondary disciplines.
func TestDisciplinesFor(t *testing.T) {
	for _, ex := range expertise {
		f := fieldsOf[ex]
		if len(f) < 2 {
			t.Errorf("%s: %v", ex, f)
		}
		for i, c := range f {
			if len(c) != 3 || strings.Trim(c, "0123456789") != "" || slices.Contains(f[:i], c) {
				t.Errorf("%s: code %q", ex, c)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var none, primary, secondary int
	for i := range 10000 {
		ex := expertise[i%len(expertise)]
		if i%3 == 0 {
			ex += "、" + expertise[(i/3)%len(expertise)]
		}
		codes := strings.Split(disciplinesFor(rng, ex), "；")
		switch {
		case codes[0] == "":
			none++
		case len(codes) == 1:
			primary++
		default:
			secondary++
			if len(codes) > 3 || slices.Contains(codes[1:], codes[0]) || codes[1] == codes[len(codes)-1] && len(codes) == 3 {
				t.Fatalf("%s: %v", ex, codes)
			}
		}
	}
	if secondary < 2500 || secondary > 3500 || none < 1000 || none > 2000 {
		t.Errorf("of 10000: %d without a discipline, %d with a primary only, %d with secondary ones", none, primary, secondary)
	}
}
