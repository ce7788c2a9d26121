package plan

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	// "(A牵头,B、C配合)" closing an item
	reInlineLead = regexp.MustCompile(`\(([^()]{2,80}?)牵头(?:[,，、;]\s*([^()]{2,120}?)(?:等)?(?:配合|参与|协同))?\)`)
	// 牵头单位:, 责任部门:, 配合单位: before the names of units
	reLead = regexp.MustCompile(`(牵头(?:部门|单位)|责任(?:部门|单位)|配合(?:部门|单位))\s*[:]\s*`)
)

// responsibility parses "牵头部门:A、B 配合部门:C、D" (in any order, on one line).
func responsibility(line string) (Responsibility, bool) {
	locs := reLead.FindAllStringSubmatchIndex(line, -1)
	if locs == nil {
		return Responsibility{}, false
	}
	r := Responsibility{Lead: []string{}, Cooperate: []string{}}
	for i, loc := range locs {
		end := len(line)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		units := splitUnits(line[loc[1]:end])
		if strings.HasPrefix(line[loc[2]:loc[3]], "配合") {
			r.Cooperate = append(r.Cooperate, units...)
		} else {
			r.Lead = append(r.Lead, units...)
		}
	}
	return r, len(r.Lead)+len(r.Cooperate) > 0
}

func splitUnits(s string) []string {
	s = strings.TrimRight(strings.TrimSpace(s), "。;)")
	var out []string
	for _, u := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ' ' || r == ';' }) {
		u = strings.Trim(u, "()。等")
		if u != "" && utf8.RuneCountInString(u) <= 30 {
			out = append(out, u)
		}
	}
	return out
}

// units takes the units responsible for an item out of a line's text t: a
// bracket "(A牵头,B、C配合)" closing the item; a clause "(责任单位:A、B)"
// after its text, perhaps with the next item's text after it (tail); the
// clause closing the last item at the line's start; or a line of its own
// (done: no text is left).
func (d *docRead) units(t paraPiece) (text paraPiece, tail *paraPiece, done bool) {
	if m := reInlineLead.FindStringSubmatch(t.nb); m != nil {
		resp := Responsibility{Section: d.path(), Lead: splitUnits(m[1]), Cooperate: splitUnits(m[2])}
		if resp.Cooperate == nil {
			resp.Cooperate = []string{}
		}
		d.doc.Responsibilities = append(d.doc.Responsibilities, resp)
	}
	if loc := reLead.FindStringIndex(t.nb); loc != nil && loc[0] > 3 {
		t, tail = d.unitsAfter(t, loc)
	} else if close := strings.IndexByte(t.nb, ')'); loc != nil && strings.HasPrefix(t.nb, "(") && close > 0 && close+1 < len(t.nb) {
		// "(责任单位:A)" closing the last item, then the next item's text.
		if resp, ok := responsibility(t.nb[:close+1]); ok {
			resp.Section = d.path()
			d.doc.Responsibilities = append(d.doc.Responsibilities, resp)
		}
		k := utf8.RuneCountInString(t.nb[:close+1])
		t = paraPiece{t.nb[close+1:], string([]rune(t.ob)[k:]), t.base + k}
	} else if resp, ok := responsibility(t.nb); ok {
		d.flush()
		d.unitsOfTask(resp)
		return t, nil, true
	}
	return t, tail, false
}

// unitsAfter reads a clause "(责任单位:A、B)" at loc after the text of an
// item: the item's units; the text before it is read as usual, and the
// next item's text may run on after it (…(牵头单位:A)加快…: tail).
func (d *docRead) unitsAfter(t paraPiece, loc []int) (text paraPiece, tail *paraPiece) {
	body := t.nb
	if resp, ok := responsibility(body[loc[0]:]); ok {
		resp.Section = d.path()
		d.doc.Responsibilities = append(d.doc.Responsibilities, resp)
	}
	k := utf8.RuneCountInString(body[:loc[0]])
	if c := strings.IndexByte(body[loc[1]:], ')'); c >= 0 && strings.TrimSpace(body[loc[1]+c+1:]) != "" {
		at := utf8.RuneCountInString(body[:loc[1]+c+1])
		tail = &paraPiece{body[loc[1]+c+1:], string([]rune(t.ob)[at:]), t.base + at}
	}
	return paraPiece{body[:loc[0]], string([]rune(t.ob)[:k]), t.base}, tail
}

// unitsOfTask keeps the units of a 牵头/配合 line after numbered items: they
// belong to the task (level 1–2) the items make up, added to the units
// that task already has.
func (d *docRead) unitsOfTask(resp Responsibility) {
	p := d.path()
	for len(p) > 1 && d.stack[len(p)-1].level >= 3 {
		p = p[:len(p)-1]
	}
	resp.Section = p
	if n := len(d.doc.Responsibilities); n > 0 && strings.Join(d.doc.Responsibilities[n-1].Section, "/") == strings.Join(p, "/") {
		last := &d.doc.Responsibilities[n-1]
		last.Lead = append(last.Lead, resp.Lead...)
		last.Cooperate = append(last.Cooperate, resp.Cooperate...)
	} else {
		d.doc.Responsibilities = append(d.doc.Responsibilities, resp)
	}
}
