package plan

// wordAfterCount reports a count in Chinese numerals followed by a word
// that starts with 一 (十个一流学科, 二十名一线科技工作者, 五个一体化示范区):
// the count of what the plan builds, not a slogan of numbers (三个一百,
// 十个一批), where a numeral follows with its own measure word or more
// digits, nor a set phrase (三位一体) or a name numbered one (三个一号公路).
func wordAfterCount(ns []rune, q quantity) bool {
	j := q.b
	if j+1 >= len(ns) || ns[j] != '一' || isCNNumeral(ns[j+1]) || q.base == "位" || ns[j+1] == '号' {
		return false
	}
	if next, ok := readQuantity(ns, j); ok && next.base != "" {
		return false
	}
	return true
}
