package plan

// A comparator a quantity gets from the words around its list or its phrase
// rather than from its own (tune30): the bound said once after the last of
// the values 分别 gives (分别达2050万吨、4200万吨、19万吨以上), and a level
// stepped up to (迈上4万亿元台阶).

// sharedBound is the comparator the last value of x's 分别 list carries
// after its unit (分别增长10%、35%以上: both at least), or "": x stands in a
// clause with 分别 before it, and the values after it are joined to it by
// 、, 和 or 及 alone.
func sharedBound(x *at) string {
	if !hasIn(x.ns, x.cs, x.q.a, "分别") {
		return ""
	}
	ns, last := x.ns, x.q
	for n := 0; n < 8; n++ {
		k := last.after
		for k < len(ns) && ns[k] == ' ' {
			k++
		}
		if k >= len(ns) || ns[k] != '、' && ns[k] != '和' && ns[k] != '及' {
			break
		}
		k++
		for k < len(ns) && ns[k] == ' ' {
			k++
		}
		next, ok := readQuantity(ns, k)
		if !ok || next.a != k {
			break
		}
		last = next
	}
	if last.a == x.q.a || last.after == last.b {
		return "" // (the quantity is the list's last, or its last carries no word after it)
	}
	_, c := cmpAfterAt(ns, spacedEnd(ns, last.b))
	return c
}

// spacedEnd is i past one space (50％ 左右: a PDF's space before the word).
func spacedEnd(ns []rune, i int) int {
	if i < len(ns) && ns[i] == ' ' {
		return i + 1
	}
	return i
}

// stepWords step a level up to a value named as a threshold (迈上3万亿元台阶,
// 跨上千亿元新台阶, 突破…大关).
var stepWords = []string{"迈上", "跨上", "迈入", "跃上", "登上", "迈过", "跨过"}

// steppedUp reports a value a level steps up to, named as a threshold after
// it (迈上4万亿元新台阶): the level reaches it at least.
func steppedUp(x *at) bool {
	q := x.q
	if !hasAt(x.ns, q.after, "台阶") && !hasAt(x.ns, q.after, "新台阶") && !hasAt(x.ns, q.after, "大关") {
		return false
	}
	for _, w := range stepWords {
		if endsAt(x.ns, q.beforeCmp, w) {
			return true
		}
	}
	return false
}
