package plan

import (
	"slices"
	"strings"
)

// The levels a quantity is brought to (the grammar in quantity.go): a
// magnitude class reached (达到万辆级规模), a value with no unit that an
// indicator is brought to (容载比提升至1.86), a ratio to one (收入比缩小至2.1∶1).

// classVerbs bring a scale to a magnitude class (达到万辆级规模).
var classVerbs = []string{"达到", "达", "形成", "实现", "迈上", "迈入", "进入"}

// classReached reports a magnitude word at i said as the class of a scale
// reached (燃料电池汽车达到万辆级规模以上, 形成千亿级产业集群): after a verb
// that brings a scale to a level, a magnitude, a unit and 级. Its number is
// the 1 the magnitude implies; a class that only qualifies a thing built
// (建设3个万吨级泊位) has no such verb before it.
func classReached(rs []rune, i int) bool {
	verb := false
	for _, w := range classVerbs {
		if endsAt(rs, i, w) {
			verb = true
			break
		}
	}
	if !verb {
		return false
	}
	for _, m := range multWords {
		if !hasAt(rs, i, m.w) {
			continue
		}
		j := i + len([]rune(m.w))
		for _, u := range units {
			if hasAt(rs, j, u) {
				return hasAt(rs, j+len([]rune(u)), "级")
			}
		}
		return false
	}
	return false
}

// classEnd is where the comparators after a class reached are looked for:
// past 级 and 规模 (万辆级规模以上), or j.
func (q *quantity) classEnd(rs []rune, j int) int {
	if !q.class || !hasAt(rs, j, "级") {
		return j
	}
	j++
	if hasAt(rs, j, "规模") {
		j += 2
	}
	return j
}

// loweredTo bring an indicator down to a level, or hold it under one
// (降至, 控制在).
var loweredTo = []string{"降至", "降到", "降低到", "降低至", "下降到", "下降至", "控制在"}

// levelVerbs bring an indicator to a level (降至, 达到, 控制在).
var levelVerbs = append(slices.Clone(loweredTo), "达到", "提高到", "提高至", "提升到", "提升至")

// indexValue reports a value with no unit that an indicator is brought to
// (电能利用效率(PUE)降至1.25以内, 指数达到1.5以上): a decimal number after a
// verb of level and before a comparator that closes it (以内, 以下, 以上,
// 左右), or closing its clause when what is brought there is named as a
// ratio or an index (容载比提升至1.86。, 系数降至0.8，). A whole number
// there is left alone — without a unit it is more often a rank or a count
// said short, or a share whose % a scan lost (覆盖率达到40。) — unless what
// is brought there is named as a level or an index by its words (两化融合
// 发展水平提升至68。) or by Latin letters (CSR达到3500以上; tune49-T, D228).
func indexValue(rs []rune, a, j int, v float64) bool {
	whole := v == float64(int64(v)) && !(j >= 2 && rs[j-2] == '.' && rs[j-1] == '0') // (能效达到5.0: written as a decimal, it is one)
	cmp := hasAt(rs, j, "以内") || hasAt(rs, j, "以下") || hasAt(rs, j, "以上") || hasAt(rs, j, "左右")
	closes := j == len(rs) || strings.ContainsRune("。，,；;)", rs[j])
	if !cmp && !closes {
		return false
	}
	a = spacesBefore(rs, a) // (PUE 降至 1.25 以下: a PDF's spaces around a figure)
	for _, w := range levelVerbs {
		if endsAt(rs, a, w) {
			name := modalBefore(rs, spacesBefore(rs, a-len([]rune(w))))
			if whole {
				return indexNamed(rs, name)
			}
			return cmp || ratioName(rs, name)
		}
	}
	if whole {
		return false
	}
	// a bound written before the value, straight after the ratio's name
	// (电能利用效率(PUE)不超过1.3；), or after a modal verb (应低于1.25)
	for _, w := range boundWords {
		if endsAt(rs, a, w) {
			return closes && ratioName(rs, modalBefore(rs, spacesBefore(rs, a-len([]rune(w)))))
		}
	}
	return false
}

// indexNamed reports a name ending at i that names a level or an index a
// whole number measures (两化融合发展水平, 幸福指数, CSR: Latin letters, an
// index's abbreviation).
func indexNamed(rs []rune, i int) bool {
	if i > 0 && (rs[i-1] >= 'A' && rs[i-1] <= 'Z' || rs[i-1] >= 'a' && rs[i-1] <= 'z') {
		return true
	}
	return endsAt(rs, i, "水平") || endsAt(rs, i, "指数")
}

// modalVerbs stand between a ratio's name and its bound (PUE应低于1.25).
var modalVerbs = []string{"原则上应", "应当", "原则上", "应", "须", "需", "要", "普遍", "平均", "均"} // (电能利用效率普遍不超过1.5: an adverb of how widely)

// modalBefore is where a modal verb that ends at i starts (i when none).
func modalBefore(rs []rune, i int) int {
	for _, w := range modalVerbs {
		if endsAt(rs, i, w) {
			return i - len([]rune(w))
		}
	}
	return i
}

// spacesBefore is where the spaces that end just before rune i start (i
// when there are none).
func spacesBefore(rs []rune, i int) int {
	for i > 0 && rs[i-1] == ' ' {
		i--
	}
	return i
}

// boundWords bound a value from above or below, written before it.
var boundWords = []string{"不得超过", "不得高于", "不应超过", "不应高于", "不超过", "不高于", "不大于", "低于", "小于", "不低于", "不小于", "高于", "大于",
	"优于",                                   // (电能利用效率优于1.3: a bound said by what is better)
	"≤", "≥", "≦", "≧", "<", ">", "＜", "＞"} // (PUE值≤1.25, PUE<1.3; tune30)

// ratioName reports a name ending at i that is a ratio or an index (容载比,
// 车桩比, 能效系数, 指数, PUE值, 电能利用效率(PUE), 电能利用效率).
func ratioName(rs []rune, i int) bool {
	for _, w := range []string{"比", "系数", "指数", "值", "PUE", ")", "利用效率", "能效"} {
		if endsAt(rs, i, w) {
			return true
		}
	}
	return false
}

// ratioVerbs bring a ratio to a level (缩小至2.1∶1, 达到3∶1).
var ratioVerbs = []string{"缩小至", "缩小到", "扩大至", "扩大到", "降至", "降到", "达到", "提高到", "提高至", "提升至", "提升到", "保持在", "控制在",
	"不低于", "不少于", "不高于", "不超过"} // (a bound on a ratio: 桩车比不低于1:7; tune28)

// ratioAt is where a ratio to one ends when the number read from a to j is
// its first term (2.1∶1, 3:1) after a verb of level and the name of a ratio
// (…比缩小至2.1∶1, 车桩比达到2:1), or j.
func ratioAt(rs []rune, a, j int) int {
	if j+1 >= len(rs) || !strings.ContainsRune("∶:：", rs[j]) {
		return j
	}
	end := -1
	if rs[j+1] == '1' && !(j+2 < len(rs) && (isDigit(rs[j+2]) || rs[j+2] == '.')) {
		end = j + 2 // 2.1∶1
	} else if j == a+1 && rs[a] == '1' {
		// one to some (桩车比不低于1:7; tune28): its first term, 1, is read
		k := j + 1
		for k < len(rs) && isDigit(rs[k]) {
			k++
		}
		if k > j+1 && k-j-1 <= 3 && !(k < len(rs) && strings.ContainsRune(".:：∶", rs[k])) {
			end = k
		}
	}
	if end < 0 {
		return j
	}
	b := a
	for b > 0 && rs[b-1] == ' ' {
		b-- // (不低于 1:7: a PDF's space)
	}
	for _, w := range ratioVerbs {
		if endsAt(rs, b, w) && ratioNamed(rs, b-len([]rune(w))) {
			return end
		}
	}
	return j
}

// ratioAdverbs stand between a ratio's name and its verb (车桩比力争达到2:1).
var ratioAdverbs = []string{"力争", "争取", "将", "要", "应", "需"}

// ratioNamed reports the name of a ratio ending at i (…比, …比例), after
// an adverb if one stands there (tune32-P).
func ratioNamed(rs []rune, i int) bool {
	for _, w := range ratioAdverbs {
		if endsAt(rs, i, w) {
			i -= len([]rune(w))
			break
		}
	}
	return endsAt(rs, i, "比") || endsAt(rs, i, "比例")
}

// ratioReached reports a bare decimal an indicator named as a ratio is
// brought to (容载比提升至1.86): a level, not a bare count.
func ratioReached(rs []rune, q quantity) bool {
	return q.ratio || q.base == "" && q.mult == 1 && indexValue(rs, q.a, q.b, q.value)
}
