package plan

import "strings"

// overviewTitle reports a part's title that ends by naming an overview
// (社会经济发展及规划概况, 区域发展概况): a part about where things stand,
// its parts too, not the plan's goals (tune28). A title that only ends in
// 情况 may lay out the plan's own (总体布局情况): it is left alone.
func overviewTitle(t string) bool {
	return strings.HasSuffix(strings.TrimRight(t, " "), "概况")
}
