package web

import (
	"strings"
	"unicode/utf8"

	"kexie/internal/std"
)

// RegionFilter is a list's region filter as the page shows it: the code
// it filters by, the region's full name beside the field, or the message
// saying why the typed text names no one region.
type RegionFilter struct {
	Code    string // a GB/T 2260 code, or "" for every region
	Name    string // the region's full name, e.g. 四川省乐山市
	Problem string
}

// NoRegion matches no region code: a region typed that names none lists
// nothing, with the message, rather than every row.
const NoRegion = "-"

// ReadRegionFilter reads a list's "region" filter, typed as a GB/T 2260
// code or as a region's name or pinyin initials. A name of one region gives
// the list's address with its code instead (redirect), so the pager and the
// export carry the code; a name of none or of several is said (t translates).
func ReadRegionFilter(t func(string, ...any) string, l *List) (rf RegionFilter, redirect string) {
	v := strings.TrimSpace(l.Get("region"))
	switch {
	case v == "":
		return rf, ""
	case utf8.RuneCountInString(v) > 12:
		return RegionFilter{Code: NoRegion, Problem: t("filter.region_none", v)}, ""
	case strings.Trim(v, "0123456789") == "":
		return RegionFilter{Code: v, Name: std.Regions().FullName(v)}, ""
	}
	switch reg, n := std.Regions().Pick(v); n {
	case 1:
		return rf, l.With("region", reg.Code)
	case 0:
		return RegionFilter{Code: NoRegion, Problem: t("filter.region_none", v)}, ""
	default:
		return RegionFilter{Code: NoRegion, Problem: t("filter.region_many", v)}, ""
	}
}
