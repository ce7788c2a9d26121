package people

import (
	"crypto/sha256"
	"encoding/hex"
)

// dupKey is the in-file duplicate key of an ID number's blind index (32
// hex digits): its 16 bytes, a third of the string's memory in the map.
// Anything else is hashed to the same size.
func dupKey(idIndex string) [16]byte {
	var k [16]byte
	if len(idIndex) == 2*len(k) {
		if _, err := hex.Decode(k[:], []byte(idIndex)); err == nil {
			return k
		}
	}
	sum := sha256.Sum256([]byte(idIndex))
	copy(k[:], sum[:])
	return k
}

// checkImportRow validates and seals row n of the file; it runs on the
// import's workers, so it reads nothing but its arguments.
func (s *Store) checkImportRow(n int, cells []string, h headerMap, orgID int64, table map[string]Discipline) checked {
	var out checked
	fail := func(key, code string, args ...any) {
		if key == "disciplines2" {
			key = "discipline" // one 学科代码 column holds them all
		}
		out.errs = append(out.errs, ImportError{Row: sheetRow(n), Column: h.written[key], Code: code, Args: args})
	}
	get := func(key string) string {
		if i, ok := h.at[key]; ok && i < len(cells) {
			return cells[i]
		}
		return ""
	}
	in := Input{OrgID: orgID, Name: get("name"), IDNumber: get("id_number"), Phone: get("phone"), Email: get("email"),
		Employer: get("employer"), Title: get("title"), Education: get("education"), Degree: get("degree"),
		Expertise: get("expertise"), RegionCode: get("region_code"), Categories: normalizeCategories(get("categories"))}
	in.Discipline, in.Disciplines2 = splitDisciplineCell(get("discipline"))
	lvl := get("title_level")
	if k, ok := levelNames[lvl]; ok {
		lvl = k
	}
	in.TitleLevel = lvl
	for _, c := range columns {
		if c.required && get(c.key) == "" {
			fail(c.key, "people.err.required", c.header)
		}
	}
	if len(out.errs) > 0 {
		return out
	}
	r, errs := s.validate(in, table)
	for _, e := range errs {
		fail(e.Field, e.Key, e.Args...)
	}
	if len(out.errs) > 0 {
		return out
	}
	out.r, out.terms = r, r.terms()
	return out
}
