package plan

import (
	"strconv"
	"strings"
	"unicode"
)

// A quantity phrase, the core of the small grammar targets are read with:
//
//	quantity   = [comparator] number [range] [余|多] [multiplier] [" "] unit [after]
//	number     = arabic | chinese            ("150", "2.5", "两千", "五十")
//	range      = ("-" | "~" | "至" | "到") number
//	multiplier = 万亿 | 亿 | 千万 | 百万 | 万
//	unit       = a measure word or unit      (名 家 个 项 人次 % 个百分点 元 台 …)
//	comparator = 不少于 | 至少 | 超过 | 突破 | 约 | 控制在 | …   after = 以上 | 左右 | 以内 | …
//
// A clause holding a quantity is a target when a verb governs it (培养100名,
// 建成…8家, 达到50%) or it continues a list whose first item had one; see
// indicator_sentence.go.
type quantity struct {
	a, b       int // rune span of number … unit
	value      float64
	low, high  float64
	isRange    bool
	unit       string // as written, multiplier included: 万人
	base       string // without the multiplier: 人
	mult       float64
	cmp        string // =, >=, >, <=, <, ~, range
	cn         bool   // written in Chinese numerals
	after      int    // rune index just past the trailing comparator word
	beforeCmp  int    // rune index where a leading comparator starts (== a when none)
	impliedOne bool   // 超万亿元: the number is implied
	unsure     bool   // read past a lost decimal point (55 22亿元): proposed
}

// lostPoint is where the digits before a lost decimal point start: the
// number at i..j (one or two digits) follows a glyph the PDF did not map
// (and a space), or one space when a multiplier follows and the digits
// before are two to four (55 22亿元; not 1 20家, 表1 20个), after a group
// that is no year; or -1.
func lostPoint(rs []rune, i, j int) int {
	k := i // where the gap between the digits starts
	if k > 0 && rs[k-1] == ' ' {
		k--
	}
	glyph := k > 0 && privateUse(rs[k-1])
	if glyph {
		k-- // the point as a glyph the PDF did not map
	}
	if !glyph && (k < 3 || !isDigit(rs[k-1]) || !isDigit(rs[k-2]) || j >= len(rs) || rs[j] != '万' && rs[j] != '亿') {
		return -1
	}
	if k == i || k < 1 || !isDigit(rs[k-1]) || j-i > 2 || j < len(rs) && (rs[j] == '.' || isDigit(rs[j])) {
		return -1
	}
	g := k - 1
	for g > 0 && isDigit(rs[g-1]) {
		g--
	}
	n := k - g
	if n > 4 || g > 0 && strings.ContainsRune(". ,", rs[g-1]) || n == 4 && (rs[g] == '1' && rs[g+1] == '9' || rs[g] == '2' && rs[g+1] == '0') {
		return -1
	}
	return g
}

// units are the measure words and units a quantity ends with, longest first
// where one is the prefix of another.
var units = []string{
	"个百分点", "百分点", "微克/立方米", "毫克/升", "吨标准煤", "平方公里", "平方米", "标准机架", "千瓦时", "EFLOPS", "PFLOPS", "Gbps", "Mbps",
	"人次", "人年", "户次", "架次", "场次", "家次", "批次", "班次", "车次", "站次", "课次", "台次", "艘次", "人日", "小时", "分钟", "公里", "千米", "公顷", "千瓦", "兆瓦", "美元", "机架",
	"GW", "MW", "%", "‰", "个", "项", "家", "名", "人", "场", "次", "所", "篇", "部", "支", "套", "处", "座", "期", "本", "种", "门",
	"类", "站", "户", "村", "镇", "件", "条", "台", "架", "辆", "艘", "颗", "款", "块", "亩", "米", "吨", "元", "倍", "位",
	"批", "张", "份", "册", "间", "栋", "床", "例", "首", "集", "届", "TB", "PB", "EB", "GB",
	// counted things of other fields: containers, compute, livestock and
	// plants, groups, teaching hours, volumes and weights, latency (but
	// 1毫秒时延圈 names a ring: see ringName)
	"标箱", "TEU", "立方米", "千克", "公斤", "斤", "课时", "学时", "毫秒", "ms",
	"路", "核", "株", "头", "只", "羽", "尾", "棵", "口", "组", "队", "班", "节", "堂", "片", "根",
	// a life expectancy reached (达到80岁), never an age bound (35岁以下): see sentence
	"岁",
}

// arabicOnly are measure words that also close common set phrases when
// a Chinese numeral stands before them (一路, 两核, 三班, 一片): they count
// only after an Arabic number (40万路, 2000核, 500头).
var arabicOnly = map[string]bool{"路": true, "核": true, "头": true, "只": true, "羽": true, "尾": true, "口": true,
	"组": true, "队": true, "班": true, "节": true, "堂": true, "片": true, "株": true, "棵": true, "根": true}

var multWords = []struct {
	w string
	m float64
}{{"万亿", 1e12}, {"千亿", 1e11}, {"百亿", 1e10}, {"亿", 1e8}, {"千万", 1e7}, {"百万", 1e6}, {"万", 1e4}}

// Comparator words before a number (nearest first in the lookup) and after a unit.
var (
	cmpBefore = []struct{ w, c string }{
		{"不少于", ">="}, {"不低于", ">="}, {"不小于", ">="}, {"至少", ">="}, {"≥", ">="}, {"不超过", "<="}, {"不高于", "<="},
		{"≤", "<="}, {"超过", ">"}, {"突破", ">"}, {"高于", ">"}, {"多于", ">"}, {"大于", ">"}, {"逾", ">"}, {"超", ">"},
		{"低于", "<"}, {"少于", "<"}, {"小于", "<"}, {"大约", "~"}, {"接近", "~"}, {"约", "~"}, {"近", "~"}, {"控制在", "<="},
	}
	cmpAfter = []struct{ w, c string }{
		{"及以上", ">="}, {"以上", ">="}, {"左右", "~"}, {"上下", "~"}, {"以内", "<="}, {"以下", "<="}, {"及以下", "<="},
	}
)

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isASCIILetter(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }

func isCNDigit(r rune) bool {
	return strings.ContainsRune("零〇一二两三四五六七八九十百千", r)
}

// hasAt reports whether word starts at rune index i of rs.
func hasAt(rs []rune, i int, word string) bool {
	for _, w := range word {
		if i >= len(rs) || rs[i] != w {
			return false
		}
		i++
	}
	return true
}

// endsAt reports whether word ends just before rune index i of rs.
func endsAt(rs []rune, i int, word string) bool {
	n := len([]rune(word))
	return i-n >= 0 && hasAt(rs, i-n, word)
}

// group3 reports three digits at i that end a digit group (1,200 or a PDF's
// 1 200), not the start of a longer number.
func group3(rs []rune, i int) bool {
	return i+2 < len(rs) && isDigit(rs[i]) && isDigit(rs[i+1]) && isDigit(rs[i+2]) && (i+3 == len(rs) || !isDigit(rs[i+3]) && rs[i+3] != '.')
}

// digits is a number as written without its group separators.
func digits(rs []rune) string {
	out := make([]byte, 0, len(rs))
	for _, r := range rs {
		if r != ',' && r != ' ' {
			out = append(out, byte(r))
		}
	}
	return string(out)
}

// readNumber reads an Arabic or Chinese numeral at i.
func readNumber(rs []rune, i int) (v float64, end int, cn, ok bool) {
	j := i
	switch {
	case j < len(rs) && isDigit(rs[j]):
		for j < len(rs) && (isDigit(rs[j]) || (rs[j] == ',' || rs[j] == ' ' && j-i <= 3 && !strings.ContainsRune(string(rs[i:j]), '.')) && group3(rs, j+1) ||
			rs[j] == '.' && j+1 < len(rs) && isDigit(rs[j+1])) {
			j++
		}
		f, err := strconv.ParseFloat(digits(rs[i:j]), 64)
		return f, j, false, err == nil
	case j < len(rs) && isCNDigit(rs[j]):
		for j < len(rs) && isCNDigit(rs[j]) && j-i < 8 {
			j++
		}
		n, ok := cnNumber(string(rs[i:j]))
		return float64(n), j, true, ok
	}
	return 0, i, false, false
}

// readQuantity reads a quantity phrase whose number starts at i.
func readQuantity(rs []rune, i int) (q quantity, ok bool) {
	q = quantity{a: i, beforeCmp: i, mult: 1, cmp: "="}
	if hasAt(rs, i, "百分之") || hasAt(rs, i, "千分之") {
		// 百分之九十, 百分之5, 千分之一: a share written out.
		v, j, _, ok := readNumber(rs, i+3)
		if !ok {
			return q, false
		}
		q.value, q.base, q.unit, q.b, q.after, q.cn = v, "%", "%", j, j, true
		if rs[i] == '千' {
			q.base, q.unit = "‰", "‰"
		}
		q.readComparators(rs, i, j)
		return q, true
	}
	if hasAt(rs, i, "一半") && (hasAt(rs, i+2, "以上") || hasAt(rs, i+2, "左右") || i > 0 && strings.ContainsRune("超过近约达", rs[i-1])) {
		// 一半以上: a share written as a word, read as 50 %.
		q.value, q.base, q.unit, q.b, q.after, q.cn = 50, "%", "%", i+2, i+2, true
		q.readComparators(rs, i, i+2)
		return q, true
	}
	v, j, cn, ok := readNumber(rs, i)
	if !ok {
		// 超万亿元, 近千亿元: a magnitude with the number 1 implied.
		if i > 0 && strings.ContainsRune("超逾近破", rs[i-1]) {
			for _, m := range multWords {
				if hasAt(rs, i, m.w) {
					v, j, ok, q.impliedOne = 1, i, true, true
					break
				}
			}
		}
		if !ok {
			return q, false
		}
	}
	if !cn && !q.impliedOne {
		if g := lostPoint(rs, i, j); g >= 0 {
			// 55 22亿元: a PDF dropped the decimal point (55.22亿元); read
			// so, but only proposed
			if f, err := strconv.ParseFloat(string(rs[g:g+lostDigits(rs, g)])+"."+string(rs[i:j]), 64); err == nil {
				v, i, q.unsure = f, g, true
				q.a, q.beforeCmp = g, g
			}
		}
	}
	q.value, q.cn = v, cn
	// A range: 2-3个, 30至50项, 1500~2000名.
	if j < len(rs) && strings.ContainsRune("-~至到", rs[j]) && !q.impliedOne {
		if hi, k, cn2, ok2 := readNumber(rs, j+1); ok2 && cn2 == cn && hi > v {
			q.low, q.high, q.isRange, q.cmp = v, hi, true, "range"
			j = k
		}
	}
	if j < len(rs) && (rs[j] == '余' || rs[j] == '多') {
		q.cmp = ">="
		j++
	}
	unitStart := j
	if !cn && j+1 < len(rs) && rs[j] == ' ' && (rs[j+1] == '万' || rs[j+1] == '亿') {
		j++ // 4400 亿元
	}
	for _, m := range multWords {
		if hasAt(rs, j, m.w) {
			q.mult = m.m
			j += len([]rune(m.w))
			break
		}
	}
	if !cn && j < len(rs) && rs[j] == ' ' {
		j++
	}
	for _, u := range units {
		if hasAt(rs, j, u) || len(u) > 4 && strings.HasSuffix(u, "FLOPS") && strings.EqualFold(string(rs[j:min(len(rs), j+len(u))]), u) {
			if arabicOnly[u] && cn {
				break
			}
			q.base = u
			j += len([]rune(u))
			break
		}
	}
	// 210亿方: cubic metres said short, only after a multiplier (not 方案, 方式)
	if q.base == "" && q.mult > 1 && j < len(rs) && rs[j] == '方' && (j+1 == len(rs) || !strings.ContainsRune("案式面法向针位便略阵舱", rs[j+1])) {
		q.base = "方"
		j++
	}
	// Compute said with its prefix alone: 10000P, 5E (算力规模达到10000P以上).
	if q.base == "" && !cn && j < len(rs) && (rs[j] == 'P' || rs[j] == 'E') && (j+1 == len(rs) || !isASCIILetter(rs[j+1])) {
		q.base = string(rs[j]) + "FLOPS"
		j++
	}
	if q.base == "" {
		// A bare count in 万 or 亿 (标识注册总量突破5亿。) ends at punctuation.
		// (农村贫困人口再减少1000万以上: a comparator may close it)
		if q.mult == 1 || j < len(rs) && !strings.ContainsRune("，,。;；、)", rs[j]) && !hasAt(rs, j, "以上") && !hasAt(rs, j, "左右") && !hasAt(rs, j, "以内") && !peopleAfter(rs, j) && !bareHeadcount(rs, j) {
			return q, false
		}
	}
	// A unit that is the start of a longer word is not one: 5G, 3A级.
	if j < len(rs) && q.base != "" && (unicode.IsLetter(rs[j]) && rs[j] < 0x80 && q.base[0] < 0x80) {
		return q, false
	}
	// A measure word that starts a word of its own is not one: a list's
	// number before 人工智能 (12 人工智能…), 元宇宙, 场景, 项目.
	if q.base != "" && startsWord(rs, j-len([]rune(q.base))) {
		return q, false
	}
	// A range with the unit on both ends: 5%-8%, 3万-5万人.
	if !q.isRange && q.base == "%" && j+1 < len(rs) && strings.ContainsRune("-~至到", rs[j]) {
		if hi, k, cn2, ok2 := readNumber(rs, j+1); ok2 && cn2 == cn && hi > v && k < len(rs) && rs[k] == '%' {
			q.low, q.high, q.isRange, q.cmp = v, hi, true, "range"
			j = k + 1
		}
	}
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
	q.b = j
	q.after = j
	q.readComparators(rs, i, j)
	return q, true
}

// readComparators reads the comparator words after the unit (ending at j)
// and before the number (starting at i); a PDF may have spaced the words
// out (超 过).
func (q *quantity) readComparators(rs []rune, i, j int) {
	for _, c := range cmpAfter {
		if hasAt(rs, j, c.w) {
			if q.cmp == "=" {
				q.cmp = c.c
			}
			q.after = j + len([]rune(c.w))
			break
		}
	}
	// The comparator before: at most 3 runes of filler (达到, 提高到) between it and the number.
	if q.cmp == "=" {
		for gap := 0; gap <= 3 && i-gap >= 0; gap++ {
			found := false
			for _, c := range cmpBefore {
				if gap > 0 && len([]rune(c.w)) == 1 {
					continue
				}
				if at := endsAtSpaced(rs, i-gap, c.w); at >= 0 {
					q.cmp, q.beforeCmp, found = c.c, at, true
					break
				}
			}
			if found {
				break
			}
			if i-gap-1 >= 0 && strings.ContainsRune("，,。;；、", rs[i-gap-1]) {
				break
			}
		}
	}
}

// endsAtSpaced is where word starts when it ends just before rune i, spaces
// between its runes and before i allowed (超 过 200); -1 when it does not.
func endsAtSpaced(rs []rune, i int, word string) int {
	w := []rune(word)
	j := i
	for k := len(w) - 1; k >= 0; k-- {
		for n := 0; n < 3 && j > 0 && rs[j-1] == ' '; n++ {
			j--
		}
		if j == 0 || rs[j-1] != w[k] {
			return -1
		}
		j--
	}
	return j
}

// peopleAfter reports a count of people in 万 or 亿 said with the noun it
// counts (1000万农村人口, 3亿农民工): the noun within a few runes, no
// punctuation between.
func peopleAfter(rs []rune, j int) bool {
	for k := j; k < len(rs) && k < j+6; k++ {
		if strings.ContainsRune("，,。;；、)(的", rs[k]) {
			return false
		}
		if hasAt(rs, k, "人口") || hasAt(rs, k, "农民工") || hasAt(rs, k, "群众") {
			return true
		}
	}
	return false
}

// privateUse reports a rune of Unicode's private use area: a glyph a PDF's
// font did not map to a character.
func privateUse(r rune) bool { return r >= 0xE000 && r <= 0xF8FF }

// lostDigits is the length of the digit group at g.
func lostDigits(rs []rune, g int) int {
	n := 0
	for g+n < len(rs) && isDigit(rs[g+n]) {
		n++
	}
	return n
}

// unitWords are words that begin with a measure word but never count with
// it: after a number they are the text of an item whose number is only a
// list's (3 场景开放…, 1 项目管理…), or a name (人工智能, 元宇宙). Words a
// count runs into are not here (100名人才 is 名 of 人才, not 名人).
var unitWords = []string{"人工", "元宇宙", "场景", "项目", "部署", "台账", "条件", "条例", "本市", "本省", "本地",
	"期间", "处理", "座谈", "批准", "首次", "位于", "名单", "名称", "类型", "种业", "门户", "集成", "届时"}

// startsWord reports whether one of unitWords starts at rune index i of rs.
func startsWord(rs []rune, i int) bool {
	for _, w := range unitWords {
		if hasAt(rs, i, w) {
			return true
		}
	}
	return false
}
