package plan

// sessionNumber reports the number of a session in Chinese numerals
// (省委十二届十次全会, 十次、十一次全会, 第十次会议): after 届 or before
// 全会, 会议 or the next number of a list of sessions — a name, not a count.
func sessionNumber(ns []rune, q quantity) bool {
	if endsAt(ns, q.beforeCmp, "届") || endsAt(ns, q.beforeCmp, "、") && q.beforeCmp >= 2 && ns[q.beforeCmp-2] == '次' {
		return true
	}
	return hasAt(ns, q.b, "全会") || hasAt(ns, q.b, "全体会议") || hasAt(ns, q.b, "会议") || hasAt(ns, q.b, "、") && q.b+1 < len(ns) && isCNDigit(ns[q.b+1])
}
