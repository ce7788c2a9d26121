package plan

import (
	"math"
	"strings"
)

// The learned model's features of a quantity (indicator_learn.go): those
// of the quantity itself — its shape, the characters and words around it
// in its clause, its deadline (quantityFeatures) — those its sentence's
// quantities share (sentenceFeatures), its place among them
// (placeFeatures) and in the document (docFeatures), each hashed to a
// slot of the table.

// quantityFeatures appends the hashed features of quantity x itself (those
// of its sentence are sentenceFeatures; its place in the sentence is added
// when the sentence ends).
func quantityFeatures(f []uint32, x *at, set *learnSet) []uint32 {
	q, ns := x.q, x.ns
	learnOff := set.off
	add := func(tag string, h fhash) {
		if !learnOff[tag] {
			f = append(f, h.slot())
		}
	}
	add("bias", feat("bias"))
	add("u", feat("u").str(q.base))
	add("U", feat("U").str(q.unit))
	add("cmp", feat("cmp").str(q.cmp))
	add("cmpu", feat("cmpu").str(q.cmp).str(q.base))
	if q.cn {
		add("cn", feat("cn"))
	}
	if q.isRange {
		add("range", feat("range"))
	}
	if q.impliedOne {
		add("implied", feat("implied"))
	}
	if q.unsure {
		add("unsure", feat("unsure"))
	}
	v := q.value
	if q.isRange {
		v = q.high
	}
	mult := max(q.mult, 1)
	add("mult", feat("mult").num(int(math.Round(math.Log10(mult)))))
	add("mag", feat("mag").num(magnitude(v*mult)))
	add("magu", feat("magu").str(q.base).num(magnitude(v*mult)))
	add("raw", feat("raw").num(magnitude(v)))
	if v != math.Floor(v) {
		add("decimal", feat("decimal"))
	} else if v >= 10 && math.Mod(v, 10) == 0 {
		add("round", feat("round"))
	}
	if mult == 1 && v >= 1949 && v <= 2100 && v == math.Floor(v) {
		add("yearlike", feat("yearlike"))
	}
	if p, _ := perWordIn(ns, x.cs, q.a); p != "" {
		add("per", feat("per").str(p))
	}
	if x.sentPer != "" {
		add("sentper", feat("sentper"))
	}
	// the characters before it in its clause (comparator word apart) and
	// just after it
	b := [3]rune{}
	for k, i := 0, q.beforeCmp-1; k < 3; i-- {
		if i < x.cs || i < 0 {
			break
		}
		if ns[i] == ' ' {
			continue
		}
		b[k] = ns[i]
		k++
	}
	add("b1", feat("b1").rune(b[0]))
	add("b2", feat("b2").rune(b[1]))
	add("b12", feat("b12").rune(b[1]).rune(b[0]))
	add("b123", feat("b123").rune(b[2]).rune(b[1]).rune(b[0]))
	add("b1u", feat("b1u").rune(b[0]).str(q.base))
	add("cw", feat("cw").str(string(ns[q.beforeCmp:q.a])))
	add("ca", feat("ca").str(strings.TrimSpace(string(ns[q.b:q.after]))))
	a := [3]rune{}
	for k, i := 0, q.after; k < 3 && i < len(ns); i++ {
		if ns[i] != ' ' {
			a[k] = ns[i]
			k++
		}
	}
	add("a1", feat("a1").rune(a[0]))
	add("a12", feat("a12").rune(a[0]).rune(a[1]))
	add("a123", feat("a123").rune(a[0]).rune(a[1]).rune(a[2]))
	add("ua1", feat("ua1").str(q.base).rune(a[0]))
	// the words of its clause before it and after it (bigrams), and where
	// the clause starts
	if !learnOff["cb"] {
		for i := x.cs; i+1 < q.beforeCmp; i++ {
			add("cb", feat("cb").rune(ns[i]).rune(ns[i+1]))
		}
	}
	if !learnOff["cf"] {
		ce := clauseEnd(ns, q.after)
		for i := q.after; i+1 < ce; i++ {
			add("cf", feat("cf").rune(ns[i]).rune(ns[i+1]))
		}
	}
	if x.cs == 0 {
		add("firstclause", feat("firstclause"))
	} else {
		add("clausemark", feat("clausemark").rune(ns[x.cs-1]))
	}
	add("clen", feat("clen").num(min((q.a-x.cs)/4, 8)))
	// its deadline: its clause's own, the one it inherits, or none
	switch {
	case sentenceDeadline(x.clause, x.c.within) != nil:
		add("dl", feat("dl").str("own"))
	case x.deadline != nil:
		add("dl", feat("dl").str("inherited"))
	default:
		add("dl", feat("dl").str("none"))
	}
	return shapeFeatures(f, x, set)
}

// sentenceFeatures appends the hashed features that all quantities of x's
// sentence share: its cue words, what the sentence and its line say, the
// titles of its sections, its length.
func sentenceFeatures(f []uint32, x *at, set *learnSet) []uint32 {
	ns := x.ns
	learnOff := set.off
	add := func(tag string, h fhash) {
		if !learnOff[tag] {
			f = append(f, h.slot())
		}
	}
	// the cue words of the sentence
	for _, list := range [][]string{goalCues, pastCues, paramCues} {
		for _, w := range list {
			if strings.Contains(x.s, w) {
				add("w", feat("w").str(w))
			}
		}
	}
	for _, flag := range []struct {
		on   bool
		name string
	}{{x.goal, "goal"}, {x.byCue, "pastword"}, {x.byYear, "pastyear"}, {x.params, "params"}, {x.standard, "standard"},
		{x.consequence, "conditionfirst"}, {x.c.annual, "annual"}, {x.c.report, "report"}, {x.c.preamble, "preamble"},
		{x.c.past, "pastsection"}, {x.c.goalSection, "goalsection"}} {
		if flag.on {
			add("f", feat("f").str(flag.name))
		}
	}
	// the words of the titles of its sections
	if !learnOff["t"] {
		tr := []rune(x.c.titles)
		for i := 0; i+1 < len(tr); i++ {
			add("t", feat("t").rune(tr[i]).rune(tr[i+1]))
		}
	}
	add("slen", feat("slen").num(min(len(ns)/20, 10)))
	return f
}

// magnitude is the power of ten of v, bounded (-3 … 13).
func magnitude(v float64) int {
	if v <= 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return -4
	}
	return max(-3, min(13, int(math.Floor(math.Log10(v)))))
}

// placeFeatures are the quantity's place among the n quantities of its
// sentence (k counts from 0).
func placeFeatures(f []uint32, k, n int) []uint32 {
	f = append(f, feat("k").num(min(k, 4)).slot(), feat("n").num(min(n, 6)).slot())
	if k == n-1 {
		f = append(f, feat("last").slot())
	}
	return f
}

// docFeatures are where in the document (of size runes) the quantity at
// start stands, in fifths.
func docFeatures(f []uint32, start, size int, set *learnSet) []uint32 {
	if set.off["docpos"] {
		return f
	}
	return append(f, feat("docpos").num(min(4, 5*start/max(size, 1))).slot())
}
