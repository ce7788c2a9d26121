package plan

import (
	"strings"
	"unicode"
)

// radiusNamed reports a distance that names the rate or radius a few words
// after it (轨交站点600米用地覆盖率, 500米公园绿地服务半径; tune34-P): up to
// six characters of what is covered, no 的, list mark or verb between.
func radiusNamed(rs []rune, k int) bool {
	for n := 1; n <= 6 && k+n < len(rs); n++ {
		r := rs[k+n-1]
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune("的和与及或等达到为", r) {
			return false
		}
		if hasAt(rs, k+n, "覆盖率") || hasAt(rs, k+n, "服务半径") {
			return true
		}
	}
	return false
}
