package plan

// The fourth grid's shapes (grid4_compose_test.go has the factors they
// compose): counts, indicators reaching or keeping a value, upper bounds
// and falls, and the deadline scopes a clause is said in.

func g4want(t g2Target, cmp, per string) []g3Want { return []g3Want{{t: t, cmp: cmp, per: per}} }

// g4mwant is what an indicator composes: its value, with its period.
func g4mwant(m g4Metric, cmp string) []g3Want { return g4want(m.g2Target, cmp, m.per) }

var g4CountShapes = []g3Shape{
	{"V O N", func(t, _ g2Target) (string, []g3Want) { return t.plain('o'), g4want(t, "=", "") }},
	{"V N O", func(t, _ g2Target) (string, []g3Want) { return t.plain('n'), g4want(t, "=", "") }},
	{"V N以上O", func(t, _ g2Target) (string, []g3Want) {
		return t.verb + t.num + t.mw + "以上" + t.obj, g4want(t, ">=", "")
	}},
	{"V O N以上", func(t, _ g2Target) (string, []g3Want) { return t.plain('o') + "以上", g4want(t, ">=", "") }},
	{"V O N左右", func(t, _ g2Target) (string, []g3Want) { return t.plain('o') + "左右", g4want(t, "~", "") }},
	{"V不少于N O", func(t, _ g2Target) (string, []g3Want) {
		return t.verb + "不少于" + t.num + t.mw + t.obj, g4want(t, ">=", "")
	}},
	{"V O不少于N", func(t, _ g2Target) (string, []g3Want) {
		return t.verb + t.obj + "不少于" + t.num + t.mw, g4want(t, ">=", "")
	}},
	{"累计V O N", func(t, _ g2Target) (string, []g3Want) { return "累计" + t.plain('o'), g4want(t, "=", "") }},
	{"力争V N O", func(t, _ g2Target) (string, []g3Want) { return "力争" + t.plain('n'), g4want(t, "=", "") }},
	{"每年V N O", func(t, _ g2Target) (string, []g3Want) { return "每年" + t.plain('n'), g4want(t, "=", "year") }},
	{"年均V O N", func(t, _ g2Target) (string, []g3Want) { return "年均" + t.plain('o'), g4want(t, "=", "year") }},
	// the verb said as a noun after its object (完成城镇老旧小区改造500个)
	{"完成O V N", func(t, _ g2Target) (string, []g3Want) {
		return "完成" + t.obj + t.verb + t.num + t.mw, g4want(t, "=", "")
	}},
	// the object as the topic (农村公路新改建2000公里)
	{"O V N", func(t, _ g2Target) (string, []g3Want) { return t.obj + t.verb + t.num + t.mw, g4want(t, "=", "") }},
	{"O达到N", func(t, _ g2Target) (string, []g3Want) { return t.obj + "达到" + t.num + t.mw, g4want(t, "=", "") }},
	{"O总数达到N以上", func(t, _ g2Target) (string, []g3Want) {
		return t.obj + "总数达到" + t.num + t.mw + "以上", g4want(t, ">=", "")
	}},
	{"V N O、M P (one verb)", func(t, u g2Target) (string, []g3Want) {
		return t.verb + t.num + t.mw + t.obj + "、" + u.num + u.mw + u.obj, []g3Want{g3w(t, "="), g3w(u, "=")}
	}},
	{"V O N，V P M (two clauses)", func(t, u g2Target) (string, []g3Want) {
		return t.plain('o') + "，" + u.plain('o'), []g3Want{g3w(t, "="), g3w(u, "=")}
	}},
	{"V N O，其中农村地区M个", func(t, _ g2Target) (string, []g3Want) {
		return t.plain('n') + "，其中农村地区" + g4Part[t.num] + t.mw, []g3Want{g3w(t, "="), g3w(g4Sub(t), "=")}
	}},
}

// g4Part is a part of each count (其中…) as written.
var g4Part = map[string]string{"20": "8", "12": "5", "3000": "1200", "300": "100", "2000": "800", "3": "1", "50": "20",
	"30": "10", "2": "1", "500": "200", "100": "40", "1000": "400", "200": "80", "15": "6", "1": "0.5", "10": "4",
	"40": "15", "800": "300", "5": "2", "5000": "2000", "60": "25", "80": "30", "1500": "600"}

// g4Sub is the part's target.
func g4Sub(t g2Target) g2Target {
	v, _ := number(g4Part[t.num])
	return g2Target{"", "", g4Part[t.num], t.mw, v, t.mult, t.unit}
}

// g4MetricShapes say an indicator reaching or keeping a value.
var g4MetricShapes = []struct {
	name string
	f    func(m g4Metric) (string, []g3Want)
}{
	{"X达到N", func(m g4Metric) (string, []g3Want) { return m.obj + "达到" + m.num + m.mw, g4mwant(m, "=") }},
	{"X达N", func(m g4Metric) (string, []g3Want) { return m.obj + "达" + m.num + m.mw, g4mwant(m, "=") }},
	{"X超过N", func(m g4Metric) (string, []g3Want) { return m.obj + "超过" + m.num + m.mw, g4mwant(m, ">") }},
	{"X达到N以上", func(m g4Metric) (string, []g3Want) {
		return m.obj + "达到" + m.num + m.mw + "以上", g4mwant(m, ">=")
	}},
	{"X不低于N", func(m g4Metric) (string, []g3Want) { return m.obj + "不低于" + m.num + m.mw, g4mwant(m, ">=") }},
	{"X保持在N以上", func(m g4Metric) (string, []g3Want) {
		return m.obj + "保持在" + m.num + m.mw + "以上", g4mwant(m, ">=")
	}},
	{"X稳定在N以上", func(m g4Metric) (string, []g3Want) {
		return m.obj + "稳定在" + m.num + m.mw + "以上", g4mwant(m, ">=")
	}},
	{"X提高到N", func(m g4Metric) (string, []g3Want) { return m.obj + "提高到" + m.num + m.mw, g4mwant(m, "=") }},
	{"X由A提高到N", func(m g4Metric) (string, []g3Want) {
		return m.obj + "由2025年的" + m.base + m.mw + "提高到" + m.num + m.mw, g4mwant(m, "=")
	}},
	{"X从A增加到N", func(m g4Metric) (string, []g3Want) {
		return m.obj + "从" + m.base + m.mw + "增加到" + m.num + m.mw, g4mwant(m, "=")
	}},
	{"X力争达到N", func(m g4Metric) (string, []g3Want) {
		return m.obj + "力争达到" + m.num + m.mw, g4mwant(m, "=")
	}},
	{"X达到N左右", func(m g4Metric) (string, []g3Want) {
		return m.obj + "达到" + m.num + m.mw + "左右", g4mwant(m, "~")
	}},
}

// g4BoundShapes hold an indicator down.
var g4BoundShapes = []struct {
	name string
	f    func(t g2Target) (string, []g3Want)
}{
	{"X控制在N以内", func(t g2Target) (string, []g3Want) {
		return t.obj + "控制在" + t.num + t.mw + "以内", g4want(t, "<=", "")
	}},
	{"X控制在N以下", func(t g2Target) (string, []g3Want) {
		return t.obj + "控制在" + t.num + t.mw + "以下", g4want(t, "<=", "")
	}},
	{"X不高于N", func(t g2Target) (string, []g3Want) { return t.obj + "不高于" + t.num + t.mw, g4want(t, "<=", "") }},
	{"X不超过N", func(t g2Target) (string, []g3Want) { return t.obj + "不超过" + t.num + t.mw, g4want(t, "<=", "") }},
	{"X低于N", func(t g2Target) (string, []g3Want) { return t.obj + "低于" + t.num + t.mw, g4want(t, "<", "") }},
	{"X下降到N", func(t g2Target) (string, []g3Want) { return t.obj + "下降到" + t.num + t.mw, g4want(t, "=", "") }},
	{"X降至N", func(t g2Target) (string, []g3Want) { return t.obj + "降至" + t.num + t.mw, g4want(t, "=", "") }},
	{"X降低到N以下", func(t g2Target) (string, []g3Want) {
		return t.obj + "降低到" + t.num + t.mw + "以下", g4want(t, "<=", "")
	}},
}

// g4FallShapes cut an indicator by a share.
var g4FallShapes = []struct {
	name string
	f    func(t g2Target) (string, []g3Want)
}{
	{"X下降N%", func(t g2Target) (string, []g3Want) { return t.obj + "下降" + t.num + t.mw, g4want(t, "=", "") }},
	{"X降低N%", func(t g2Target) (string, []g3Want) { return t.obj + "降低" + t.num + t.mw, g4want(t, "=", "") }},
	{"X较2025年下降N%", func(t g2Target) (string, []g3Want) {
		return t.obj + "较2025年下降" + t.num + t.mw, g4want(t, "=", "")
	}},
	{"X累计下降N%", func(t g2Target) (string, []g3Want) { return t.obj + "累计下降" + t.num + t.mw, g4want(t, "=", "") }},
	{"X削减N%", func(t g2Target) (string, []g3Want) { return t.obj + "削减" + t.num + t.mw, g4want(t, "=", "") }},
	{"X下降N%以上", func(t g2Target) (string, []g3Want) {
		return t.obj + "下降" + t.num + t.mw + "以上", g4want(t, ">=", "")
	}},
	{"X年均下降N%", func(t g2Target) (string, []g3Want) {
		return t.obj + "年均下降" + t.num + t.mw, g4want(t, "=", "year")
	}},
}

// g4Deadlines are the scopes a clause is said in, by turns (the plan runs
// 2026—2030).
var g4Deadlines = []struct {
	name, lead string
	year       int
}{
	{"none (the plan's end)", "", g4Plan}, {"到2028年", "到2028年，", 2028}, {"力争到2028年", "力争到2028年，", 2028},
	{"2028年底前", "2028年底前，", 2028}, {"到2030年", "到2030年，", 2030}, {"到“十五五”末", "到“十五五”末，", 2030},
	{"到2027年底", "到2027年底，", 2027}, {"“十五五”期间", "“十五五”期间，", 2030},
}
