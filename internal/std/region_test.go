package std

import (
	"strings"
	"testing"
)

func TestRegions(t *testing.T) {
	rt := Regions()
	if rt.Len() < 3000 {
		t.Fatalf("only %d regions", rt.Len())
	}
	// Cities named in the requirement plans.
	for code, name := range map[string]string{"110000": "北京市", "510400": "攀枝花市", "341100": "滁州市", "230100": "哈尔滨市", "430600": "岳阳市"} {
		r, ok := rt.Lookup(code)
		if !ok || r.Name != name {
			t.Errorf("Lookup(%s) = %+v, %v; want %s", code, r, ok, name)
		}
	}
	if got := rt.FullName("510402"); got != "四川省攀枝花市东区" {
		t.Errorf("FullName(510402) = %q", got)
	}
	if got := rt.FullName("110101"); got != "北京市东城区" {
		t.Errorf("FullName(110101) = %q", got)
	}
	if p := rt.Path("510402"); len(p) != 3 || p[0].Level != 1 || p[2].Level != 3 {
		t.Errorf("Path = %+v", p)
	}
	if len(rt.Children("")) != 31 || len(rt.Children("510400")) != 5 {
		t.Errorf("children: %d provinces, %d counties of 攀枝花", len(rt.Children("")), len(rt.Children("510400")))
	}
	for _, bad := range []string{"", "51040", "999999", "5104000", "51040x"} {
		if rt.ValidCode(bad) {
			t.Errorf("ValidCode(%q) = true", bad)
		}
	}
	if r, _ := rt.Lookup("130171"); !r.StatOnly {
		t.Errorf("石家庄高新区 not marked statistics-only: %+v", r)
	}
	if r, _ := rt.Lookup("130181"); r.StatOnly {
		t.Errorf("辛集市 marked statistics-only")
	}
	if s := rt.Search("攀枝花", 10); len(s) != 1 || s[0].Code != "510400" {
		t.Errorf("Search(攀枝花) = %+v", s)
	}
	if s := rt.Search("5104", 10); len(s) != 6 || s[0].Code != "510400" {
		t.Errorf("Search(5104) = %+v", s)
	}
}

// Latin letters find regions by the pinyin initials of their names.
func TestRegionSearchPinyin(t *testing.T) {
	rt := Regions()
	names := func(q string, limit int) []string {
		var out []string
		for _, r := range rt.Search(q, limit) {
			out = append(out, r.Name)
		}
		return out
	}
	has := func(list []string, name string) int {
		for i, n := range list {
			if n == name {
				return i
			}
		}
		return -1
	}
	for _, c := range []struct{ q, first string }{
		{"bj", "北京市"},
		{"BJ", "北京市"},
		{"cq", "重庆市"}, // 重 read chóng, not zhòng
		{"zq", "重庆市"}, // either reading
		{"pzh", "攀枝花市"},
		{"hdq", "海淀区"}, // a county-level district
	} {
		if got := names(c.q, 15); len(got) == 0 || got[0] != c.first {
			t.Errorf("Search(%q) = %v, want %s first", c.q, got, c.first)
		}
	}
	// "cd" starts 承德市 and 常德市 as well; by level, then code.
	cd := names("cd", 15)
	if i := has(cd, "成都市"); i < 0 || i > 3 || has(cd, "承德市") > i {
		t.Errorf("Search(cd) = %v", cd)
	}
	// Names whose initials start with the query come before those holding
	// it further in.
	for _, q := range []string{"cd", "dc", "xj", "b"} {
		seenInside := false
		for _, r := range rt.Search(q, 200) {
			in := InitialsOf(r.Name).Match(q)
			if in == MatchInside {
				seenInside = true
			} else if in == MatchPrefix && seenInside {
				t.Errorf("Search(%q): %s, a prefix match, after a match inside a name", q, r.Name)
			}
		}
	}
	if got := names("cq", 3); len(got) != 3 {
		t.Errorf("limit: %v", got)
	}
	for _, q := range []string{"b1", "b j", "xyzxyz", "", "q!"} {
		if got := names(q, 15); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
	}
}

// A name holding the Latin query itself ranks above pinyin matches, though
// it is a county and the pinyin match a city.
func TestRegionSearchNameBeforePinyin(t *testing.T) {
	rt := parseRegions("code,name,parent,stat_only\n500000,重庆市,,0\n510000,四川省,,0\n510100,成都市,510000,0\n510171,CD高新区,510100,1\n")
	var got []string
	for _, r := range rt.Search("CD", 10) {
		got = append(got, r.Code)
	}
	if strings.Join(got, " ") != "510171 510100" {
		t.Errorf("Search(CD) = %v, want 510171 (the name holds CD) before 510100", got)
	}
}

func BenchmarkRegionLookup(b *testing.B) {
	rt := Regions()
	for b.Loop() {
		rt.Lookup("510402")
	}
}

func BenchmarkRegionSearch(b *testing.B) {
	rt := Regions()
	for b.Loop() {
		rt.Search("开发区", 20)
	}
}

// Every code appears once and no region is its own parent (the source lists
// 东莞, 中山 and 儋州 again as their own county).
func TestRegionTableConsistent(t *testing.T) {
	rt := Regions()
	for _, code := range []string{"441900", "442000", "460400"} {
		for _, c := range rt.Children(code) {
			if c.Code == code {
				t.Errorf("%s is its own child", code)
			}
		}
		if p := rt.Path(code); len(p) != 2 {
			t.Errorf("Path(%s) = %+v", code, p)
		}
	}
	seen := map[string]bool{}
	for _, r := range rt.all {
		if seen[r.Code] || r.Code == r.Parent {
			t.Errorf("bad row %+v", r)
		}
		seen[r.Code] = true
	}
}

func TestRegionPrefix(t *testing.T) {
	for in, want := range map[string]string{"510000": "51", "411000": "4110", "411102": "411102", "500000": "50", "": ""} {
		if got := RegionPrefix(in); got != want {
			t.Errorf("RegionPrefix(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkRegionSearchPinyin(b *testing.B) {
	rt := Regions()
	rt.Search("cq", 20) // builds the initials
	for b.Loop() {
		rt.Search("cq", 20)
	}
}

// BenchmarkRegionInitials is the one-off cost of the region table's pinyin
// initials, paid on the first Latin query.
func BenchmarkRegionInitials(b *testing.B) {
	rt := parseRegions(regionsCSV)
	for b.Loop() {
		rt.buildInitials()
	}
}

func BenchmarkRegionParse(b *testing.B) {
	for b.Loop() {
		parseRegions(regionsCSV)
	}
}
