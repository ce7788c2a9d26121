package plan

import (
	"strings"
	"unicode"
)

// The units of the plans of health, transport and ecology (grid4) beyond
// those of quantity.go: doses given (接种流感疫苗20万剂次), a rate in ten
// thousandths (孕产妇死亡率控制在1.2‱以下), buses counted in standard units
// (每万人拥有公共交通车辆15标台) and days counted (优良天数达到330天, 平均
// 住院日降至8天), and weeks a time is cut to (审查时间压缩至3周以内; tune33-P). None is the start of another unit, so they are read after
// the others, as the list's own are.
var worksUnits = []string{"剂次", "剂", "‱", "标台", "天", "周"}

// dayLevels are the verbs and comparators before a count of days that is
// a level reached, kept or brought to (达到330天, 降至8天, 不少于300天).
var dayLevels = []string{"达到", "达", "保持在", "稳定在", "提高到", "提高至", "增加到", "增至", "降至", "降到", "降低到", "缩短至", "缩短到",
	"压缩至", "压缩到", "控制在", "减少到", "减至", "不少于", "不低于", "超过", "不超过", "至少"}

// daysHold reports a count of days, from a to j, that is a level: a verb
// of dayLevels before it or a comparator after it (330天以上, 8天以内).
// Other days are a duration (365天不落幕, 备案后15天内, 10天预报) and no
// quantity is read, as before 天 was a unit.
func daysHold(rs []rune, a, j int) bool {
	return has(string(rs[max(0, a-3):a]), dayLevels) || hasAt(rs, j, "以上") || hasAt(rs, j, "以内") || hasAt(rs, j, "以下") || hasAt(rs, j, "左右") ||
		daysOfCapability(rs, a, j)
}

// daysOfCapability reports days a capability formed or held lasts (形成20天的
// 储备能力, 具备7天的应急保障能力; tune34-P): a level, as 具有3天以上的储备能力.
func daysOfCapability(rs []rune, a, j int) bool {
	if !endsAt(rs, a, "形成") && !endsAt(rs, a, "具备") && !endsAt(rs, a, "具有") || !hasAt(rs, j, "的") {
		return false
	}
	for k := j + 1; k < len(rs) && k <= j+8; k++ {
		if hasAt(rs, k, "能力") {
			return true
		}
		if !unicode.Is(unicode.Han, rs[k]) {
			return false
		}
	}
	return false
}

// weeksHold reports a count of weeks, from a to j, that a time is cut to
// (压缩至3周以内, 缩短到4周): a verb of shortening before it or 以内 after
// it. Other weeks are a duration (培训时间累计不少于2周, 100周年).
func weeksHold(rs []rune, a, j int) bool {
	return has(string(rs[max(0, a-3):a]), []string{"压缩至", "压缩到", "缩短至", "缩短到", "降至", "降到"}) || hasAt(rs, j, "以内")
}

// scoreWords name a score, the only thing N分 counts as a target's unit
// (满意度测评得分达到90分, 知晓率综合得分达90分以上); a satisfaction or an
// assessed value said in points is one too (满意度达到92分以上, 综合评估值稳定在
// 95分以上; tune34-P).
var scoreWords = []string{"得分", "评分", "分数", "分值", "测评", "满意度", "评估值", "评价值"}

// scoreHolds reports a score: the clause before the number speaks of one.
func scoreHolds(rs []rune, a int) bool {
	return has(string(rs[clauseStart(rs, a):a]), scoreWords)
}

// rateBase reports a count of people that is the base a rate is counted
// per, said without 每 (年均火灾十万人口死亡率控制在0.15以下, 十万人口发病率):
// 人口 straight after the number, then a rate's name (…率) before any verb.
func rateBase(ns []rune, q quantity) bool {
	if q.base != "人" || !hasAt(ns, q.b, "口") {
		return false
	}
	for k := q.b + 1; k < len(ns) && k <= q.b+8; k++ {
		switch {
		case ns[k] == '率':
			return true
		case strings.ContainsRune("，。；、,;：:", ns[k]) || isDigit(ns[k]):
			return false
		}
	}
	return false
}
