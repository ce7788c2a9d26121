package plan

import (
	"math"
	"strconv"

	"kexie/internal/valid"
)

// countable lists the units that count whole things: a value in one of them
// is an integer. Units not listed (万人, 万元, 亿元, %, 个百分点, 万人次 …)
// may carry decimals. This is the one list; keep it here.
var countable = map[string]bool{
	"个": true, "项": true, "家": true, "名": true, "人": true, "场": true, "次": true, "人次": true, "所": true, "座": true,
	"篇": true, "部": true, "支": true, "套": true, "处": true, "期": true, "本": true, "种": true, "门": true, "类": true,
	"站": true, "户": true, "村": true, "镇": true, "件": true,
}

// Countable reports whether values in unit are whole numbers.
func Countable(unit string) bool { return countable[unit] }

// isShare reports whether unit measures a share of a whole.
func isShare(unit string) bool { return unit == "%" }

// valueKind is what a progress value is checked against: the target's unit
// and the largest number the target itself names.
type valueKind struct {
	Unit string
	Max  float64 // the target's value or upper bound, 0 if none
}

// check adds to errs what is wrong with v for a target of kind k: a count is
// not negative and, in a countable unit, whole; a share lies between 0 and
// 100, or up to the target's own figure when that is higher (增长 150%); a
// change in percentage points lies between −100 and 100.
func (k valueKind) check(errs *valid.Errors, v float64) {
	switch {
	case k.Unit == "个百分点":
		if v < -100 || v > 100 {
			errs.Add("value", "plan.err.points_range")
		}
	case isShare(k.Unit):
		top := math.Max(100, k.Max)
		if v < 0 || v > top {
			errs.Add("value", "plan.err.share_range", strconv.FormatFloat(top, 'f', -1, 64))
		}
	case v < 0:
		errs.Add("value", "plan.err.negative", k.Unit)
	case Countable(k.Unit) && v != math.Trunc(v):
		errs.Add("value", "plan.err.whole", k.Unit)
	}
}

// parseValue reads a filed number ("1,200", "85.5"); ok is false when it is
// not one as people type it (valid.Number: "12,50" is a typo, not 1250).
func parseValue(s string) (float64, bool) { return valid.Number(s) }
