package plan

// levelHeld reports an adverb of keeping on at i, after a level's 以上
// (营收在200亿元以上持续增长, 稳定在90%以上稳步提升; tune34-P): the level is
// held while growing, a verb's, no class of a noun.
func levelHeld(rs []rune, i int) bool {
	for _, w := range []string{"持续", "稳定", "稳步", "保持", "逐年", "不断", "继续"} {
		if hasAt(rs, i, w) {
			return true
		}
	}
	return false
}
