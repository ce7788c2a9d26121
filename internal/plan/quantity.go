package plan

import (
	"slices"
	"strings"
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
	class      bool   // 达到万辆级规模: a magnitude class reached, its 1 implied
	unsure     bool   // read past a lost decimal point (55 22亿元): proposed
	glyph      rune   // the unmapped glyph read as that point, or 0
	ratio      bool   // a ratio to one (收入比缩小至2.1∶1): value 2.1, no unit
	floorWord  bool   // 余 or 多 after the multiplier (1万余人次): read past, a floor
}

// units are the measure words and units a quantity ends with, longest first
// where one is the prefix of another; then those of budgets
// (indicator_budget.go) and of health, transport and ecology plans
// (quantity_unit_works.go), the prefix of none of these.
var units = slices.Concat(coreUnits, budgetUnits, worksUnits)

// coreUnits are the units of quantity.go's own list.
var coreUnits = []string{
	// rates of consumption and capacities, a unit over a unit (供电煤耗300克标煤/千瓦时,
	// 电耗12千瓦时/百公里, 能耗0.5吨标准煤/万元)
	"克标准煤/千瓦时", "克标煤/千瓦时", "千瓦时/百公里", "升/百公里", "吨标准煤/万元",
	"公里/平方公里", "千米/平方千米", // (路网密度达4.15公里/平方公里: a density)
	// a capacity per day (供水能力80万吨/天, 处理能力500吨/日), a price in fen
	// per unit (电价下降3分/千瓦时)
	"吨/天", "吨/日", "立方米/天", "立方米/日", "分/千瓦时", "分/立方米", "分/度",
	"m3/d", "m³/d", "t/d", // (处理规模为1800m3/d: an engineer's capacity per day)
	"km/km2", "km/km²", "公里/平方公里", // (路网密度4.8km/km2: length per area, a network's density)
	"个百分点", "百分点", "微克/立方米", "平方米/人", "立方米/人", // (人均绿地面积5.83平方米/人: per person)
	"毫克/升", "吨标准煤", "吨标煤", "平方公里", "平方千米", "平方米", "标准机架", "千瓦时", "EFLOPS", "PFLOPS", "Gbps", "Mbps",
	// the older words of output and traffic (发电量8100亿千瓦小时, 货物周转量8亿吨公里,
	// 卷烟3400万箱, 平板玻璃1亿重量箱, 棉纺锭30万锭, 出版157亿印张, 交换设备40万路端, 客货轮6万客位)
	"千瓦小时", "吨公里", "人公里", "重量箱", "标准箱", "印张", "路端", "客位",
	// energy a battery or a store holds (电池产能达100GWh, 400兆瓦时储能电站),
	// before the power it begins with; not MWh (20MW/40MWh names a project by
	// its size: indicator_reject_descriptions.go reads it as before)
	"兆瓦时", "吉瓦时", "GWh",
	"人次", "乘次", "人年", "户次", "架次", "场次", "家次", "批次", "班次", "车次", "站次", "课次", "台次", "艘次", "辆次", "亩次", "人日", "小时", "分钟", "公里", "千米", "公顷", "千瓦", "兆瓦", "美元", "机架",
	"GW", "MW", "%", "‰", "个", "项", "家", "名", "人", "场", "次", "所", "篇", "部", "支", "套", "处", "座", "期", "本", "种", "门",
	"类", "站", "户", "村", "镇", "件", "条", "台", "架", "辆", "艘", "颗", "款", "块", "亩", "米", "吨", "元", "倍", "番", "位",
	"批", "张", "份", "册", "间", "栋", "幢", "床", "例", "首", "集", "届", "TB", "PB", "EB", "GB",
	// counted things of other fields: containers, compute, livestock and
	// plants, groups, teaching hours, volumes and weights, latency (but
	// 1毫秒时延圈 names a ring: proposed, see proposals)
	"标箱", "TEU", "箱", "锭", "立方米", "千克", "公斤", "斤", "课时", "学时", "毫秒", "ms",
	// a grid's capacity and lines (变电容量17760千伏安, 外受电通道18条37回路)
	"千伏安", "兆伏安", "回路",
	"路", "核", "株", "头", "只", "羽", "尾", "棵", "口", "组", "队", "班", "节", "堂", "片", "根", "列",
	// transactions and cases (出让矿业权110宗, 处置闲置土地30宗; tune30);
	// parcels of land (完成三幅安置房地块出让; tune31)
	"宗", "幅",
	// a life expectancy reached (达到80岁), never an age bound (35岁以下): see sentence
	"岁",
	// areas and volumes in their symbols (增设仓库2000㎡, 用水量6.3m³), their
	// superscript lost (1000m2) or said short (80万平米); a score
	// (知晓率综合得分达90分以上), only where the clause speaks of one (scoreHolds)
	"㎡", "㎞", "m²", "m³", "m2", "m3", "平米", "分",
}

// arabicOnly are measure words that also close common set phrases when
// a Chinese numeral stands before them (一路, 两核, 三班, 一片): they count
// only after an Arabic number (40万路, 2000核, 500头).
var arabicOnly = map[string]bool{"路": true, "核": true, "头": true, "只": true, "羽": true, "尾": true, "口": true,
	"组": true, "队": true, "班": true, "节": true, "堂": true, "片": true, "株": true, "棵": true, "根": true, "列": true, "宗": true, "分": true}

var multWords = []struct {
	w string
	m float64
}{{"万亿", 1e12}, {"千亿", 1e11}, {"百亿", 1e10}, {"亿", 1e8}, {"千万", 1e7}, {"百万", 1e6}, {"万", 1e4}}

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

// hasIn reports whether word occurs in rs[from:to]; it allocates nothing.
func hasIn(rs []rune, from, to int, word string) bool {
	for i := max(from, 0); i < min(to, len(rs)); i++ {
		if hasAt(rs[:min(to, len(rs))], i, word) {
			return true
		}
	}
	return false
}

// endsAt reports whether word ends just before rune index i of rs.
func endsAt(rs []rune, i int, word string) bool {
	n := len([]rune(word))
	return i-n >= 0 && hasAt(rs, i-n, word)
}

// peopleAfter reports a count of people in 万 or 亿 said with the noun it
// counts (1000万农村人口, 3亿农民工, 1000万用户, 1200万中小学教师, 80万重点群体,
// 30万以上参保孕产妇): the noun within a few runes, no punctuation between.
func peopleAfter(rs []rune, j int) bool {
	for k := j; k < len(rs) && k < j+6; k++ {
		if strings.ContainsRune("，,。;；、)(的", rs[k]) {
			return false
		}
		if hasPeopleNoun(rs, k) {
			return true
		}
	}
	return false
}

// peopleNouns are the nouns that name people a bare count in 万 or 亿
// counts (peopleAfter): groups of the population, not things.
var peopleNouns = []string{"人口", "农民工", "群众", "妇女", "儿童", "老年人", "用户", "教师", "学生", "职工", "居民", "青年", "孕产妇", "群体", "患者", "农户"}

// hasPeopleNoun reports one of peopleNouns starting at rune index k of rs.
func hasPeopleNoun(rs []rune, k int) bool {
	for _, w := range peopleNouns {
		if hasAt(rs, k, w) {
			return true
		}
	}
	return false
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
