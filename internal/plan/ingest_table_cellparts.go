package plan

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Target cells that hold more than one target: two values apart by a slash
// (>40万千瓦/80万千瓦时), or clauses each naming what its number measures
// (启动率100%，且结案率≥80%).

// pairCell reads the targets of one target column of a row: the cell's
// one target, or the two a cell gives apart by a slash, each with its unit
// (>40万千瓦/80万千瓦时: a power and an energy), the second taking the
// first's comparator when it writes none.
func (t *table) pairCell(cs []cell, c tcol, line string, base int, section []string, name string) []Indicator {
	if ind, ok := t.cell(cs, c, line, base, section, name); ok {
		return []Indicator{ind}
	}
	tc, ok := cellAt(cs, c.r)
	if !ok {
		return nil
	}
	if inds := t.namedParts(cs, c, tc, line, base, section); inds != nil {
		return inds
	}
	a, b, ok := strings.Cut(tc.text, "/")
	if !ok {
		a, b, ok = strings.Cut(tc.text, "／")
	}
	if !ok || strings.ContainsAny(b, "/／") {
		return nil
	}
	ca, oka := readCell(a)
	cb, okb := readCell(b)
	if !oka || !okb || ca.unit == "" || cb.unit == "" || ca.isRange || cb.isRange {
		return nil
	}
	k := len(cs) - 1 - c.r
	read := func(text string, at int) (Indicator, bool) {
		part := append([]cell(nil), cs...)
		part[k] = cell{strings.TrimSpace(text), at + utf8.RuneCountInString(text) - utf8.RuneCountInString(strings.TrimLeft(text, " "))}
		return t.cell(part, c, line, base, section, name)
	}
	first, ok1 := read(a, tc.at)
	second, ok2 := read(b, tc.at+utf8.RuneCountInString(a)+1)
	if !ok1 || !ok2 {
		return nil
	}
	if cb.comparator == "=" {
		second.Comparator = first.Comparator
	}
	return []Indicator{first, second}
}

// reNamedPart is one clause of a cell that names what each of its numbers
// measures (案件线索启动率100%，且案件结案率≥80%): the words, then the value
// a cell would hold.
var reNamedPart = regexp.MustCompile(`^(?:且|并且|并|同时)?\s*(\p{Han}[^\d≥≤<>＞＜]{1,15}?)(?:为|达到|达|不低于|不少于)?\s*((?:≥|≤|>|<|＞|＜)?\s*\d[^，,；;]*)$`)

// namedParts reads a target cell of two or three clauses, each naming what
// its number measures (启动率100%，且结案率≥80%): a target for each, named by
// its clause's words. nil unless every clause reads so.
func (t *table) namedParts(cs []cell, c tcol, tc cell, line string, base int, section []string) []Indicator {
	if !strings.ContainsAny(tc.text, "，,；;") {
		return nil
	}
	rs := []rune(tc.text)
	k := len(cs) - 1 - c.r
	var out []Indicator
	from := 0
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && !strings.ContainsRune("，,；;", rs[i]) {
			continue
		}
		part := string(rs[from:i])
		m := reNamedPart.FindStringSubmatchIndex(part)
		if m == nil {
			return nil
		}
		value := part[m[4]:m[5]]
		if cv, ok := readCell(value); !ok || cv.isRange {
			return nil
		}
		if len(out) == 3 {
			return nil
		}
		row := append([]cell(nil), cs...)
		row[k] = cell{value, tc.at + from + utf8.RuneCountInString(part[:m[4]])}
		ind, ok := t.cell(row, c, line, base, section, part[m[2]:m[3]])
		if !ok {
			return nil
		}
		out = append(out, ind)
		from = i + 1
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
