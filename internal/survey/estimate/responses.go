package estimate

import (
	"encoding/csv"
	"hash/maphash"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Reserved column names of R.csv.
const (
	ColID      = "id"
	ColWeight  = "weight"
	ColStratum = "stratum"
	ColPSU     = "psu"
)

// Responses are the rows of R.csv held by column: the ids, the design
// weights when the file has a weight column, and every other column
// (stratum, psu, demographics, one per question) coded against its
// distinct values, which keeps a million rows small.
type Responses struct {
	IDs     []string
	Weight  []float64 // nil without a weight column
	Columns []Column  // in file order, id and weight left out
}

// Column is one column of R.csv: Levels are its distinct values in order
// of appearance and Codes index them, one per row.
type Column struct {
	Name   string
	Levels []string
	Codes  []int32
}

// Len is the number of responses.
func (r *Responses) Len() int { return len(r.IDs) }

// Column returns the column named name, or nil.
func (r *Responses) Column(name string) *Column {
	for i := range r.Columns {
		if r.Columns[i].Name == name {
			return &r.Columns[i]
		}
	}
	return nil
}

// Values gives every row's value (strings shared with Levels).
func (c *Column) Values() []string {
	out := make([]string, len(c.Codes))
	for i, k := range c.Codes {
		out[i] = c.Levels[k]
	}
	return out
}

// SplitOptions splits a cell holding several chosen option codes ("A|C").
func SplitOptions(cell string) []string {
	if strings.TrimSpace(cell) == "" {
		return nil
	}
	return strings.Split(cell, "|")
}

// ReadResponses reads R.csv: a header naming the columns — id (required),
// weight, stratum, psu (optional), then demographic and question columns —
// and one row per response. Every field must be UTF-8, ids present and
// unique, weights positive numbers; the file must stay within l.
func ReadResponses(r io.Reader, l Limits) (*Responses, error) {
	l = l.withDefaults()
	lr := &capped{r: r, left: l.MaxBytes, maxLine: l.maxLine()}
	cr := csv.NewReader(lr)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, csvErr(err, lr, l, 1)
	}
	if len(head) > l.MaxColumns {
		return nil, errf("responses", "estimate.err.too_many_columns", l.MaxColumns)
	}
	out := &Responses{}
	idCol, wCol := -1, -1
	colOf := make([]int, len(head)) // field → index in Columns, -1 for id and weight
	seen := map[string]bool{}
	for i, h := range head {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		h = strings.TrimSpace(h)
		if !utf8.ValidString(h) {
			return nil, errf("responses", "estimate.err.utf8", 1)
		}
		if h == "" {
			return nil, errf("responses", "estimate.err.header_blank", i+1)
		}
		if seen[h] {
			return nil, errf("responses", "estimate.err.header_dup", h)
		}
		seen[h] = true
		colOf[i] = -1
		switch h {
		case ColID:
			idCol = i
		case ColWeight:
			wCol = i
		default:
			colOf[i] = len(out.Columns)
			out.Columns = append(out.Columns, Column{Name: strings.Clone(h)})
		}
	}
	if idCol < 0 {
		return nil, errf("responses", "estimate.err.no_id")
	}
	index := make([]interner, len(out.Columns))
	ids := idSet{seen: map[uint64]int32{}, seed: maphash.MakeSeed()}
	n := 0
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvErr(err, lr, l, line)
		}
		line, _ = cr.FieldPos(0)
		if n >= l.MaxRows {
			return nil, errf("responses", "estimate.err.too_many_rows", l.MaxRows)
		}
		for _, f := range rec {
			if len(f) > l.MaxField && utf8.RuneCountInString(f) > l.MaxField {
				return nil, errf("responses", "estimate.err.field_too_long", line, l.MaxField)
			}
			if !utf8.ValidString(f) {
				return nil, errf("responses", "estimate.err.utf8", line)
			}
		}
		id := trimField(rec[idCol])
		if id == "" {
			return nil, errf("responses", "estimate.err.id_blank", line)
		}
		if !ids.add(id, n) {
			return nil, errf("responses", "estimate.err.id_dup", line, id)
		}
		n++
		if wCol >= 0 {
			w, err := strconv.ParseFloat(trimField(rec[wCol]), 64)
			if err != nil || !(w > 0) || math.IsInf(w, 0) {
				return nil, errf("responses", "estimate.err.weight", line, rec[wCol])
			}
			out.Weight = append(out.Weight, w)
		}
		for i, f := range rec {
			if k := colOf[i]; k >= 0 {
				c := &out.Columns[k]
				c.Codes = append(c.Codes, index[k].code(trimField(f), &c.Levels))
			}
		}
	}
	out.IDs = ids.strings()
	if len(out.IDs) == 0 {
		return nil, errf("responses", "estimate.err.no_rows")
	}
	return out, nil
}

// trimField is strings.TrimSpace with a fast way out for the usual field that
// neither starts nor ends with a space.
func trimField(s string) string {
	if s == "" || (s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf) {
		return s
	}
	return strings.TrimSpace(s)
}

// interner codes one column's values. Most columns hold a handful of
// distinct values (option codes, categories), which a scan finds faster
// than a map; past 16 values a map takes over.
type interner struct {
	index map[string]int32
}

func (in *interner) code(v string, levels *[]string) int32 {
	if in.index == nil {
		for j, l := range *levels {
			if l == v {
				return int32(j)
			}
		}
		*levels = append(*levels, strings.Clone(v))
		if len(*levels) > 16 {
			in.index = make(map[string]int32, 64)
			for j, l := range *levels {
				in.index[l] = int32(j)
			}
		}
		return int32(len(*levels) - 1)
	}
	if j, ok := in.index[v]; ok {
		return j
	}
	j := int32(len(*levels))
	v = strings.Clone(v)
	in.index[v] = j
	*levels = append(*levels, v)
	return j
}

// idSet keeps the ids read so far in one buffer and tells repeats by a
// hash of each id, comparing the ids themselves when hashes meet.
type idSet struct {
	buf  []byte
	ends []int
	seen map[uint64]int32 // hash → first row with it
	more map[string]bool  // ids whose hash an earlier, different id had
	seed maphash.Seed
}

// add records id as row n, or reports false when it was seen before.
func (s *idSet) add(id string, n int) bool {
	h := maphash.String(s.seed, id)
	if first, ok := s.seen[h]; ok {
		if s.id(int(first)) == id || s.more[id] {
			return false
		}
		if s.more == nil {
			s.more = map[string]bool{}
		}
		s.more[strings.Clone(id)] = true
	} else {
		s.seen[h] = int32(n)
	}
	s.buf = append(s.buf, id...)
	s.ends = append(s.ends, len(s.buf))
	return true
}

func (s *idSet) id(i int) string {
	start := 0
	if i > 0 {
		start = s.ends[i-1]
	}
	return string(s.buf[start:s.ends[i]])
}

// strings gives every id, sharing one allocation.
func (s *idSet) strings() []string {
	all := string(s.buf)
	out := make([]string, len(s.ends))
	start := 0
	for i, end := range s.ends {
		out[i] = all[start:end]
		start = end
	}
	return out
}
