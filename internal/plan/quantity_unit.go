package plan

import (
	"strings"
	"unicode"
)

// A quantity's measure word (readQuantity, quantity_read.go): the unit
// read after its number and multiplier (readUnit), whether what was read
// stands as a quantity there (unitHolds), a range with the unit on both
// ends (readUnitRange), and the unit as written (unitText).

// readUnit reads the unit at j: one of units (those of arabicOnly only
// after an Arabic number), 方 for cubic metres after a multiplier (210亿方;
// not 方案, 方式), accelerator cards in 万 (2万卡), compute said with its
// prefix alone (10000P, 5E). It returns where the unit ends.
func (q *quantity) readUnit(rs []rune, j int) int {
	if e, u := spacedUnit(rs, j); e > 0 {
		q.base = u // 2 个 百 分 点, 50 万 人 次: letter-spaced
		return e
	}
	for _, u := range units {
		if hasAt(rs, j, u) || len(u) > 4 && strings.HasSuffix(u, "FLOPS") && strings.EqualFold(string(rs[j:min(len(rs), j+len(u))]), u) {
			if arabicOnly[u] && q.cn {
				break
			}
			q.base = u
			j += len([]rune(u))
			break
		}
	}
	if q.base == "" && q.mult > 1 && j < len(rs) && rs[j] == '度' && (j+1 == len(rs) || !strings.ContainsRune("假过", rs[j+1])) {
		q.base = "度" // (发电量3000亿度: kilowatt-hours)
		j++
	}
	if q.base == "" && q.mult >= 1e4 && j < len(rs) && rs[j] == '卡' && (j+1 == len(rs) || !strings.ContainsRune("通片券号证口车", rs[j+1])) {
		q.base = "卡" // (智算集群规模达到2万卡: accelerator cards, said in 万; not 万卡通)
		j++
	}
	if q.base == "" && q.mult > 1 && j < len(rs) && rs[j] == '方' && (j+1 == len(rs) || !strings.ContainsRune("案式面法向针位便略阵舱", rs[j+1])) {
		q.base = "方"
		j++
	}
	if q.base == "" && q.mult == 1 && schoolingYears(rs, q.a, j, q.value) {
		q.base = "年" // (平均受教育年限达11年: a level in years, indicator_report.go)
		j++
	}
	if q.base == "" && !q.cn && j < len(rs) && (rs[j] == 'P' || rs[j] == 'E') && (j+1 == len(rs) || !isASCIILetter(rs[j+1])) {
		q.base = string(rs[j]) + "FLOPS"
		j++
	}
	if q.base == "" && q.mult == 1 && !q.cn && j+1 < len(rs) && rs[j] == '发' && !strings.ContainsRune("展布放起射生挥明力行达出现表动", rs[j+1]) {
		q.base = "发" // (年产50发商业火箭: rounds, launches; tune32-P)
		j++
	}
	if q.base == "" && q.mult == 1 && j+2 < len(rs) && rs[j] == '克' && rs[j+1] == '/' {
		q.base = "克" // (煤耗下降至300克/千瓦时, 有机质含量28克/千克: grams over a unit, tune50-T; 克 alone is 攻克, 克服)
		j++
	}
	if q.base != "" && !strings.Contains(q.base, "/") && j+1 < len(rs) && rs[j] == '/' {
		for _, d := range rateDenominators {
			if hasAt(rs, j+1, d) {
				q.base += "/" + d // (不低于2个/百万人, 0.6人/百亿元, 28克/千克: a rate over a population or a sum; tune32-P)
				j += 1 + len([]rune(d))
				break
			}
		}
		if k := numberedDenominator(rs, j+1); k > 0 && !strings.Contains(q.base, "/") {
			q.base += "/" + string(rs[j+1:k]) // (1个/5公里, 1个/5平方公里: a count over a stretch or an area)
			j = k
		}
	}
	return j
}

// numberedDenominators are the measures a rate may be said over with a
// number of its own (1个/5公里, 1个/5平方公里).
var numberedDenominators = []string{"平方公里", "平方千米", "公里", "千米", "公顷"}

// numberedDenominator is where a rate's denominator with a number of its
// own (5公里 in 1个/5公里) that starts at i ends, or 0.
func numberedDenominator(rs []rune, i int) int {
	k := i
	for k < len(rs) && k-i < 4 && isDigit(rs[k]) {
		k++
	}
	if k == i || rs[i] == '0' {
		return 0
	}
	for _, d := range numberedDenominators {
		if hasAt(rs, k, d) {
			return k + len([]rune(d))
		}
	}
	return 0
}

// rateDenominators are what a count or a measure is said over (个/百万人,
// 人/百亿元, 克/千克), and the areas a density or a yield is said over
// (550万元/亩, 1万人/平方公里, 300吨/万平方米: tune50-T, D231).
var rateDenominators = []string{"百万人", "十万人", "万人", "千人", "百亿元", "亿元", "千克", "万千瓦时", "千瓦时", "秒",
	"亩", "万平方米", "平方米", "平方公里", "平方千米", "公顷", "标准煤"}

// unitHolds reports whether the quantity read up to j stands: a bare count
// in 万 or 亿 (标识注册总量突破5亿。) ends at punctuation or a comparator
// (农村贫困人口再减少1000万以上) or counts people; a unit that is the start of
// a longer word is none (5G, 3A级), nor a measure word that starts a word of
// its own (a list's number before 人工智能: 12 人工智能…, 元宇宙, 场景, 项目).
func (q *quantity) unitHolds(rs []rune, j int) bool {
	if q.base == "" && q.mult == 1 && indexValue(rs, q.a, j, q.value) {
		return true
	}
	if q.base == "番" && (q.a == 0 || rs[q.a-1] != '翻') {
		return false // (翻一番, 翻两番: a doubling; 三番五次 is none)
	}
	if q.base == "" {
		if q.mult == 1 || j < len(rs) && !strings.ContainsRune("，,。;；、)", rs[j]) && !hasAt(rs, j, "以上") && !hasAt(rs, j, "左右") && !hasAt(rs, j, "以内") && !peopleAfter(rs, j) && !bareHeadcount(rs, j) {
			return false
		}
	}
	if j < len(rs) && q.base != "" && (unicode.IsLetter(rs[j]) && rs[j] < 0x80 && q.base[0] < 0x80) {
		return false
	}
	// where the unit starts as written (10000P is PFLOPS said with its
	// prefix alone: never before the number)
	u := max(j-len([]rune(q.base)), q.a)
	if q.base != "" && q.base[0] < 0x80 && u > 0 && rs[u-1] == ' ' && j+1 < len(rs) && rs[j] == ' ' && unicode.Is(unicode.Han, rs[j+1]) &&
		(!cmpAfterIs(rs, j+1) || u > 1 && isDigit(rs[u-2])) {
		// 47 GB 智慧农业…: a catalogue's row number and a code standing
		// apart between spaces, not a quantity in GB; but 12000P 以上 is
		// one (a comparator after it)
		return false
	}
	return !(q.base != "" && startsWord(rs, u))
}

// cmpAfterIs reports a comparator word after a unit at k (以上, 左右).
func cmpAfterIs(rs []rune, k int) bool { e, _ := cmpAfterAt(rs, k); return e >= 0 }

// readUnitRange reads a range with the unit on both ends (5%-8%) at j; it
// returns where it ends.
func (q *quantity) readUnitRange(rs []rune, j int) int {
	if !q.isRange && q.base == "%" && j+1 < len(rs) && strings.ContainsRune("-~至到", rs[j]) {
		if hi, k, cn2, ok2 := readNumber(rs, j+1); ok2 && cn2 == q.cn && hi > q.value && k < len(rs) && rs[k] == '%' {
			q.low, q.high, q.isRange, q.cmp = q.value, hi, true, "range"
			j = k + 1
		}
	}
	return j
}

// unitText is the unit as written from unitStart to j, spaces dropped (万人,
// 亿元); a range in % is in %, and compute is in FLOPS (10000P → PFLOPS).
func (q *quantity) unitText(rs []rune, unitStart, j int) {
	q.unit = strings.ReplaceAll(string(rs[unitStart:j]), " ", "")
	if q.isRange && q.base == "%" {
		q.unit = "%"
	}
	if strings.HasSuffix(q.base, "FLOPS") {
		q.unit = strings.ToUpper(q.unit)
		if !strings.HasSuffix(q.unit, "FLOPS") {
			q.unit += "FLOPS"
		}
	}
}

// computeUnit writes compute as a sentence's quantity reads it (10000P,
// 50EFlops): P and E alone, and FLOPS in any case, are PFLOPS and EFLOPS.
func computeUnit(u string) string {
	switch {
	case u == "P" || strings.EqualFold(u, "PFLOPS"):
		return "PFLOPS"
	case u == "E" || strings.EqualFold(u, "EFLOPS"):
		return "EFLOPS"
	}
	return u
}
