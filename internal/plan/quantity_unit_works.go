package plan

// The units of the plans of health, transport and ecology (grid4) beyond
// those of quantity.go: doses given (接种流感疫苗20万剂次), a rate in ten
// thousandths (孕产妇死亡率控制在1.2‱以下), buses counted in standard units
// (每万人拥有公共交通车辆15标台) and days counted (优良天数达到330天, 平均
// 住院日降至8天). None is the start of another unit, so they are read after
// the others, as the list's own are.
var worksUnits = []string{"剂次", "剂", "‱", "标台", "天"}

// dayLevels are the verbs and comparators before a count of days that is
// a level reached, kept or brought to (达到330天, 降至8天, 不少于300天).
var dayLevels = []string{"达到", "达", "保持在", "稳定在", "提高到", "提高至", "增加到", "增至", "降至", "降到", "降低到", "缩短至", "缩短到",
	"压缩至", "压缩到", "控制在", "减少到", "减至", "不少于", "不低于", "超过", "不超过", "至少"}

// daysHold reports a count of days, from a to j, that is a level: a verb
// of dayLevels before it or a comparator after it (330天以上, 8天以内).
// Other days are a duration (365天不落幕, 备案后15天内, 10天预报) and no
// quantity is read, as before 天 was a unit.
func daysHold(rs []rune, a, j int) bool {
	return has(string(rs[max(0, a-3):a]), dayLevels) || hasAt(rs, j, "以上") || hasAt(rs, j, "以内") || hasAt(rs, j, "以下") || hasAt(rs, j, "左右")
}
