package web

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
)

// A region filter takes a code as it is (naming the region), a name of one
// region as its code (by a redirect), and says when a name is of none or
// of several regions, filtering then by a code that matches nothing.
func TestReadRegionFilter(t *testing.T) {
	tr := func(key string, args ...any) string { return key + fmt.Sprint(args...) }
	read := func(v string) (RegionFilter, string) {
		r := httptest.NewRequest("GET", "/needs?region="+v, nil)
		return ReadRegionFilter(tr, ParseList(r, "name", "name"))
	}
	if rf, red := read(""); rf != (RegionFilter{}) || red != "" {
		t.Errorf("empty: %+v %q", rf, red)
	}
	if rf, red := read("511100"); rf.Code != "511100" || !strings.Contains(rf.Name, "乐山") || red != "" {
		t.Errorf("a code: %+v %q", rf, red)
	}
	if _, red := read("%E4%B9%90%E5%B1%B1%E5%B8%82"); !strings.Contains(red, "region=511100") { // 乐山市
		t.Errorf("a name: redirect %q", red)
	}
	for _, v := range []string{"%E4%B8%8D%E5%AD%98%E5%9C%A8%E5%9C%B0", strings.Repeat("x", 13)} { // 不存在地
		if rf, red := read(v); rf.Code != NoRegion || !strings.HasPrefix(rf.Problem, "filter.region_none") || red != "" {
			t.Errorf("%s: %+v %q", v, rf, red)
		}
	}
	if rf, _ := read("%E6%9C%9D%E9%98%B3%E5%8C%BA"); rf.Code != NoRegion || !strings.HasPrefix(rf.Problem, "filter.region_many") { // 朝阳区
		t.Errorf("a name of several: %+v", rf)
	}
}
