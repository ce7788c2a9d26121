package plan

import (
	"strings"
	"unicode/utf8"
)

// qualifierAfter reports a text that starts with a number qualifying a
// noun (500平方米的科普馆): a comparator word right before it is that
// number's own, not a count's later in the clause. A list the word governs
// (分别超过2%、5%; 不少于100个团队、100个项目) is none.
func qualifierAfter(s string) bool {
	s = strings.TrimLeft(s, " ")
	r, _ := utf8.DecodeRuneInString(s)
	if !isDigit(r) && !isCNDigit(r) {
		return false
	}
	i := strings.Index(s, "的")
	return i > 0 && utf8.RuneCountInString(s[:i]) <= 10 && !strings.ContainsAny(s[:i], "、，,和及")
}
