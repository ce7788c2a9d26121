package people

import (
	"slices"
	"strings"
	"unicode"

	"kexie/internal/valid"
)

// A person has one primary discipline (people.discipline) and up to
// MaxDisciplines2 secondary ones (次要学科, people.disciplines2: GB/T 13745
// codes joined by ","). The primary may still be a name typed before the
// discipline table was imported; a secondary is always a code.

// MaxDisciplines2 is how many secondary disciplines a person may have.
const MaxDisciplines2 = 5

// isDisciplineSep reports whether r separates discipline codes written in
// one cell or field.
func isDisciplineSep(r rune) bool {
	return r == '；' || r == ';' || r == '、' || r == ',' || r == '，' || unicode.IsSpace(r)
}

// splitCodes splits a field of several discipline codes (次要学科) at any
// accepted separator: "；", ";", "、", ",", "，" or spaces.
func splitCodes(s string) []string {
	return strings.FieldsFunc(s, isDisciplineSep)
}

// joinCodes writes codes the way forms and exports show them.
func joinCodes(codes []string) string { return strings.Join(codes, "；") }

// splitDisciplineCell reads the 学科代码 column of the import: the first
// value is the primary discipline, the rest are secondary. A cell in which
// no value is a code is a primary written as a name (with spaces or commas
// of its own) and stays whole, as before secondary disciplines existed.
func splitDisciplineCell(cell string) (primary string, secondary []string) {
	cell = strings.TrimSpace(cell)
	parts := splitCodes(cell)
	switch {
	case len(parts) == 0:
		return "", nil
	case len(parts) == 1:
		return parts[0], nil
	}
	for _, p := range parts {
		if disciplineLevel(p) > 0 {
			return parts[0], parts[1:]
		}
	}
	return cell, nil
}

// disciplineCell writes a person's disciplines as the import's 学科代码
// column reads them: the primary first, then the secondary ones.
func disciplineCell(primary string, secondary []string) string {
	if len(secondary) == 0 {
		return primary
	}
	return primary + "；" + joinCodes(secondary)
}

// storedCodes splits people.disciplines2.
func storedCodes(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// checkDisciplines validates the primary and secondary disciplines of r
// against the discipline table and normalizes the secondary ones. A value
// that is not a code of the table is refused, named in the message.
func checkDisciplines(r *row, table map[string]Discipline, errs *valid.Errors) {
	switch {
	case checkDiscipline(table, r.Discipline):
	case disciplineLevel(r.Discipline) > 0:
		errs.Add("discipline", "people.err.discipline", r.Discipline)
	default:
		errs.Add("discipline", "people.err.discipline_unknown", r.Discipline)
	}
	var list []string
	for _, c := range r.Disciplines2 {
		if c = strings.TrimSpace(c); c != "" {
			list = append(list, c)
		}
	}
	r.Disciplines2 = list
	if r.Discipline != "" {
		// The import (and so an export read back) must see this primary
		// as written: a name holding separators stays whole only while
		// none of its parts is a code and nothing follows it.
		if p, s := splitDisciplineCell(r.Discipline); p != r.Discipline || len(s) > 0 || len(list) > 0 && len(splitCodes(r.Discipline)) != 1 {
			errs.Add("discipline", "people.err.discipline_primary_sep", r.Discipline)
		}
	}
	if len(list) == 0 {
		return
	}
	if r.Discipline == "" {
		errs.Add("discipline", "people.err.discipline_primary")
	}
	if len(list) > MaxDisciplines2 {
		errs.Add("disciplines2", "people.err.disciplines2_max", MaxDisciplines2)
	}
	for i, c := range list {
		switch {
		case disciplineLevel(c) == 0:
			errs.Add("disciplines2", "people.err.disciplines2_code", c)
		case c == r.Discipline:
			errs.Add("disciplines2", "people.err.disciplines2_primary", c)
		case slices.Contains(list[:i], c):
			errs.Add("disciplines2", "people.err.disciplines2_duplicate", c)
		case !checkDiscipline(table, c):
			errs.Add("disciplines2", "people.err.discipline", c)
		}
	}
}

// disciplineTops are the distinct facet values (first-level codes, or the
// primary as written when it is a name) of a person's disciplines.
func disciplineTops(primary string, secondary []string) []string {
	var out []string
	if t := disciplineTop(primary); t != "" {
		out = append(out, t)
	}
	for _, c := range secondary {
		if t := disciplineTop(c); t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// disciplineMatches is the discipline filter of the search: the primary or
// a secondary discipline starts with want. searchDB writes the same as SQL.
func disciplineMatches(primary string, secondary []string, want string) bool {
	if strings.HasPrefix(primary, want) {
		return true
	}
	for _, c := range secondary {
		if strings.HasPrefix(c, want) {
			return true
		}
	}
	return false
}

// memDisciplines is the value the in-memory index interns for a person's
// disciplines, like the "、"-joined categories: the primary alone, or the
// primary, a NUL and the secondary codes sorted (their order counts for
// neither filter nor facet, so fewer distinct values are kept). Codes hold
// no NUL, so the last one always separates the two.
func memDisciplines(primary, stored2 string) string {
	if stored2 == "" && !strings.Contains(primary, "\x00") {
		return primary
	}
	codes := storedCodes(stored2)
	slices.Sort(codes)
	return primary + "\x00" + strings.Join(codes, ",")
}

// parseMemDisciplines undoes memDisciplines.
func parseMemDisciplines(v string) (primary string, secondary []string) {
	i := strings.LastIndexByte(v, 0)
	if i < 0 {
		return v, nil
	}
	return v[:i], storedCodes(v[i+1:])
}
