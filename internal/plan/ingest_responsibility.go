package plan

import (
	"strings"
	"unicode/utf8"
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
