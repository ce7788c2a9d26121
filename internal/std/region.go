package std

import (
	_ "embed"
	"encoding/csv"
	"sort"
	"strings"
	"sync"
)

//go:embed data/regions.csv
var regionsCSV string

// Region is one administrative division.
type Region struct {
	Code     string // 6 digits, e.g. "510400"
	Name     string // e.g. "攀枝花市"
	Level    int    // 1 province, 2 city (prefecture), 3 county
	Parent   string // code of the parent; "" for provinces
	StatOnly bool   // a functional area kept for statistics (开发区 etc.), not a legal division
}

// RegionTable is the loaded GB/T 2260 table; it is immutable but for the
// pinyin initials of its names, built once on the first Latin query (most
// processes never see one, and the build takes a few milliseconds).
type RegionTable struct {
	byCode   map[string]Region
	children map[string][]Region
	all      []Region // by level, then code

	initialsOnce sync.Once
	initials     []Initials // of all[i].Name
}

var (
	regionsOnce sync.Once
	regions     *RegionTable
)

// Regions returns the region table, parsing the embedded CSV on first use.
func Regions() *RegionTable {
	regionsOnce.Do(func() { regions = parseRegions(regionsCSV) })
	return regions
}

func parseRegions(data string) *RegionTable {
	recs, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		panic("std: embedded regions.csv is corrupt: " + err.Error()) // part of the binary; caught by tests
	}
	t := &RegionTable{byCode: make(map[string]Region, len(recs)), children: map[string][]Region{}}
	for _, r := range recs[1:] {
		reg := Region{Code: r[0], Name: r[1], Parent: r[2], StatOnly: r[3] == "1"}
		if reg.Code == reg.Parent || t.byCode[reg.Code].Code != "" {
			continue // a city without counties listed again as its own county
		}
		switch {
		case strings.HasSuffix(reg.Code, "0000"):
			reg.Level = 1
		case strings.HasSuffix(reg.Code, "00"):
			reg.Level = 2
		default:
			reg.Level = 3
		}
		t.byCode[reg.Code] = reg
		t.children[reg.Parent] = append(t.children[reg.Parent], reg)
		t.all = append(t.all, reg)
	}
	sort.SliceStable(t.all, func(i, j int) bool {
		if t.all[i].Level != t.all[j].Level {
			return t.all[i].Level < t.all[j].Level
		}
		return t.all[i].Code < t.all[j].Code
	})
	return t
}

// Len is the number of regions.
func (t *RegionTable) Len() int { return len(t.all) }

// Lookup returns the region with code.
func (t *RegionTable) Lookup(code string) (Region, bool) {
	r, ok := t.byCode[code]
	return r, ok
}

// ValidCode reports whether code is a 6-digit code in the table.
func (t *RegionTable) ValidCode(code string) bool {
	if len(code) != 6 {
		return false
	}
	_, ok := t.byCode[code]
	return ok
}

// Children returns the regions directly under code ("" for provinces).
func (t *RegionTable) Children(code string) []Region { return t.children[code] }

// Path returns the regions from the province down to code.
func (t *RegionTable) Path(code string) []Region {
	var out []Region
	for r, ok := t.byCode[code]; ok && len(out) < 3; r, ok = t.byCode[r.Parent] {
		out = append([]Region{r}, out...)
	}
	return out
}

// placeholder names stand for a grouping, not a place, and are left out of
// full names ("北京市市辖区东城区" reads "北京市东城区").
var placeholder = map[string]bool{"市辖区": true, "县": true, "省直辖县级行政区划": true, "自治区直辖县级行政区划": true}

// FullName joins the names on the path, e.g. "四川省攀枝花市东区".
func (t *RegionTable) FullName(code string) string {
	var b strings.Builder
	for _, r := range t.Path(code) {
		if !placeholder[r.Name] {
			b.WriteString(r.Name)
		}
	}
	return b.String()
}

// Search finds regions whose name contains q, or whose code starts with q
// when q is all digits, or — when q is Latin letters — whose name's pinyin
// initials hold q ("cq" finds 重庆市): name and code matches first, then
// names whose initials start with q, then those holding it further in;
// within each, provinces first, then cities, then counties.
func (t *RegionTable) Search(q string, limit int) []Region {
	q = strings.TrimSpace(q)
	if q == "" || limit <= 0 {
		return nil
	}
	digits := strings.Trim(q, "0123456789") == ""
	letters, latin := InitialsQuery(q)
	var out, prefix, inside []Region
	if latin {
		t.initialsOnce.Do(t.buildInitials)
	}
	for i, r := range t.all {
		if digits && strings.HasPrefix(r.Code, q) || !digits && strings.Contains(r.Name, q) {
			out = append(out, r)
			if len(out) == limit {
				return out
			}
			continue
		}
		if !latin {
			continue
		}
		switch t.initials[i].Match(letters) {
		case MatchPrefix:
			if len(prefix) < limit {
				prefix = append(prefix, r)
			}
		case MatchInside:
			if len(inside) < limit {
				inside = append(inside, r)
			}
		}
	}
	out = append(append(out, prefix...), inside...)
	return out[:min(len(out), limit)]
}

// buildInitials computes the pinyin initials of every name, once, into
// one backing array.
func (t *RegionTable) buildInitials() {
	memo, size := InitialsMemo{}, 0
	for _, r := range t.all {
		size += len(r.Name) / 3 // Han characters take three bytes
	}
	buf := make(Initials, 0, size)
	ends := make([]int, len(t.all))
	for i, r := range t.all {
		buf = appendInitials(buf, r.Name, memo)
		ends[i] = len(buf)
	}
	t.initials = make([]Initials, len(t.all))
	start := 0
	for i, end := range ends {
		t.initials[i] = buf[start:end:end]
		start = end
	}
}

// RegionPrefix is the code prefix shared by a region and everything under
// it: two digits for a province, four for a city, all six for a county.
// (Stripping trailing zeros is wrong: 411000 许昌市 would also match 411100
// 漯河市.)
func RegionPrefix(code string) string {
	switch {
	case len(code) != 6:
		return code
	case strings.HasSuffix(code, "0000"):
		return code[:2]
	case strings.HasSuffix(code, "00"):
		return code[:4]
	}
	return code
}

// Pick reads a region typed into a filter by name or pinyin initials: the
// one region whose name it is, or the only region Search finds. n is how
// many it found when that is not one (0, or more than one), so a page can
// say which.
func (t *RegionTable) Pick(q string) (r Region, n int) {
	hits := t.Search(q, 20)
	var exact []Region
	for _, h := range hits {
		if h.Name == strings.TrimSpace(q) {
			exact = append(exact, h)
		}
	}
	switch {
	case len(exact) == 1:
		return exact[0], 1
	case len(exact) > 1:
		return Region{}, len(exact)
	case len(hits) == 1:
		return hits[0], 1
	}
	return Region{}, len(hits)
}
