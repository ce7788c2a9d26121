package plan

// thousandWords are the measure words of counted things after which 千
// written after an Arabic number is a multiplier (2千名, 5千人次, 3千家),
// as 万 is; 千米, 千克, 千瓦 are units of their own and stay so.
var thousandWords = []string{"人次", "名", "人", "家", "个", "项", "场", "次", "户", "件", "套", "所", "座", "支", "条"}

// thousandAt reports 千 at j, after an Arabic number, as a multiplier of
// a count (a Chinese numeral reads its own 千: 两千名).
func thousandAt(rs []rune, j int, cn bool) bool {
	if cn || j >= len(rs) || rs[j] != '千' {
		return false
	}
	for _, u := range thousandWords {
		if hasAt(rs, j+1, u) {
			return true
		}
	}
	return false
}
