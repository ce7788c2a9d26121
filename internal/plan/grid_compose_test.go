package plan

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The grid's composer: cells of plan prose from the factors of
// grid_factors_test.go, chosen by strides over the frames (verb, object,
// measure word) — deterministic, no randomness — and laid out as plan
// documents with the positions a clause takes.

// gridQty is a quantity a cell composes, labelled by construction: its
// rune span in the cell's clause and its reading.
type gridQty struct {
	at, n             int // runes into the clause, and its length
	value, high, mult float64
	unit, cmp, per    string
	year              int
}

// gridCell is one clause of the grid and the factors it is made of.
type gridCell struct {
	factors map[string]string // verb, form, measure, comparator, order, scope, position, list
	clause  string            // with its scope, without the position's words
	qtys    []gridQty
	neg     *gridNegative
	start   int // its span in the composed document, in runes
	end     int
}

var gridFactorNames = []string{"verb", "form", "measure", "comparator", "order", "scope", "list", "position"}

func gridNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// gridFrames are the verb–object–measure-word triples every pass goes over.
type gridFrame struct {
	verb gridVerb
	obj  string
	mw   string
}

func gridFrameList() []gridFrame {
	var fs []gridFrame
	for _, v := range gridVerbs {
		for _, o := range v.objs {
			for _, mw := range gridObjects[o] {
				fs = append(fs, gridFrame{v, o, mw})
			}
		}
	}
	return fs
}

// gridNoun names what an object counts when it stands before 达到.
func gridNoun(mw string) string {
	switch mw {
	case "名", "人":
		return "人数"
	case "人次", "万人次":
		return "规模"
	case "平方米":
		return "面积"
	case "公里":
		return "里程"
	case "%":
		return "覆盖率"
	case "亿元", "万元", "个百分点":
		return ""
	}
	return "数量"
}

// gridCellAt composes the cell of frame k in pass p.
func gridCellAt(f gridFrame, k, p int) gridCell {
	orders := "von"
	switch f.verb.order {
	case "on":
		orders = "n"
	case "von":
		orders = "o"
	case "vo":
		orders = "vo"
	}
	order := 0
	for i := range 3 {
		order = (k + p + i) % 3
		if strings.ContainsRune(orders, rune("von"[order])) {
			break
		}
	}
	letter := rune("von"[order])
	var form gridForm
	for i := range gridForms {
		form = gridForms[(k*5+p*3+i)%len(gridForms)]
		if form.fits(f.mw) {
			break
		}
	}
	plain := strings.HasPrefix(form.name, "range") || form.name == "超万亿" || form.name == "万余"
	var cmp gridCmp
	for i := range gridCmps {
		cmp = gridCmps[(k*3+p*7+i)%len(gridCmps)]
		// (两个以上 is proposed, as a condition more often than a count:
		// indicator_proposed.go; not composed as a target)
		if strings.ContainsRune(cmp.orders, letter) && (!plain || cmp.name == "none") && (form.name != "cn 两" || cmp.after != "以上") &&
			(f.verb.order != "on" || cmp.before == "") {
			break
		}
	}
	var scope gridScope
	for i := range gridScopes {
		scope = gridScopes[(k+p*5+i)%len(gridScopes)]
		if letter != 'n' || scope.per == "" {
			break
		}
	}
	pair := (k+p*len(gridFrameList()))%9 == 4 && f.verb.order == "" && gridCount(f.mw) && letter != 'n'
	if pair {
		cmp = gridCmps[0]
	}
	text, value, high, mult := form.make(k + p)
	unit, m := gridUnit(f.mw)
	q := gridQty{value: value, high: high, mult: mult * m, unit: unit, cmp: cmp.reads, per: scope.per, year: scope.year}
	if high > 0 {
		q.cmp = "range"
	}
	if form.name == "超万亿" || form.name == "万余" {
		q.cmp = ">="
	}
	c := gridCell{factors: map[string]string{
		"verb": f.verb.word, "form": form.name, "measure": f.mw, "comparator": cmp.name,
		"order": gridOrders[order], "scope": scope.name, "list": "single",
	}}
	var b strings.Builder
	b.WriteString(scope.text)
	put := func(num string, q gridQty) { // the number and its measure word, with comparator words
		b.WriteString(cmp.before)
		q.at = utf8.RuneCountInString(b.String())
		if form.name == "超万亿" {
			q.at++ // 超 is the comparator
			num = strings.TrimPrefix(num, "超")
			b.WriteString("超")
		}
		num = strings.ReplaceAll(num, "{mw}", f.mw) // (3个至5个: the unit on both ends)
		b.WriteString(num + f.mw)
		q.n = utf8.RuneCountInString(num + f.mw)
		b.WriteString(cmp.after)
		c.qtys = append(c.qtys, q)
	}
	switch {
	case pair:
		c.factors["list"] = "pair"
		mods := gridPick(gridMods, k)
		b.WriteString(f.verb.word)
		text2, v2, high2, _ := form.make(k + p + 1)
		q2 := q
		q2.value, q2.high = v2, high2
		if letter == 'v' {
			put(text, q)
			b.WriteString(mods[0] + f.obj + "、")
			put(text2, q2)
			b.WriteString(mods[1] + f.obj)
		} else {
			b.WriteString(mods[0] + f.obj)
			put(text, q)
			b.WriteString("、" + mods[1] + f.obj)
			put(text2, q2)
		}
	case letter == 'v':
		b.WriteString(f.verb.word)
		put(text, q)
		if f.mw == "%" {
			b.WriteString("的")
		}
		b.WriteString(f.obj)
	case letter == 'o':
		b.WriteString(f.verb.word + f.obj)
		put(text, q)
	default:
		c.factors["verb"] = "(达到)"
		b.WriteString(f.obj + gridNoun(f.mw))
		switch {
		case f.verb.order == "on":
			c.factors["verb"] = f.verb.word
			b.WriteString(f.verb.word)
		case cmp.before == "":
			b.WriteString("达到")
		}
		put(text, q)
	}
	c.clause = b.String()
	return c
}

// dropScope takes the deadline scope off a cell's clause (a cell of a
// table of tasks by year, due its column's year).
func (c *gridCell) dropScope() {
	for _, sc := range gridScopes {
		if sc.name == c.factors["scope"] && sc.text != "" {
			c.clause = strings.TrimPrefix(c.clause, sc.text)
			for i := range c.qtys {
				c.qtys[i].at -= utf8.RuneCountInString(sc.text)
				c.qtys[i].per = ""
			}
		}
	}
	c.factors["scope"] = "none"
}

// probeCells is the whole grid: every frame in each pass, and every
// negative in every position.
func probeCells() []gridCell {
	fs := gridFrameList()
	var cells []gridCell
	const passes = 8
	for p := range passes {
		for k, f := range fs {
			c := gridCellAt(f, k, p)
			c.factors["position"] = gridPositions[(k*2+p)%len(gridPositions)]
			if c.factors["position"] == "year table cell" {
				c.dropScope() // (a year's column is its scope)
			}
			cells = append(cells, c)
		}
	}
	var out []gridCell
	neg := 0
	for i, c := range cells {
		out = append(out, c)
		if i%6 == 5 && neg < len(gridNegatives)*(len(gridPositions)-1) {
			n := gridNegatives[neg%len(gridNegatives)]
			out = append(out, gridCell{factors: map[string]string{"position": gridPositions[neg/len(gridNegatives)]},
				clause: n.text, neg: &n})
			neg++
		}
	}
	return out
}
