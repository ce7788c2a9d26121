package plan

import "strings"

// capabilityHeld reports a level a capability is to have, said as a
// qualifier of it (省级电网基本具备5%以上的尖峰负荷响应能力, 具有3天以上的储备能力):
// after 具备 or 具有, the figure is the capability's size the plan sets,
// not a qualifier of a kind. So is a capability formed whose size is a
// share of a base named after 占 (形成占年度最大用电负荷5%左右的需求响应能力):
// 形成 makes the capability, 占 says what the share is of (tune52-T).
func capabilityHeld(rs []rune, q quantity) bool {
	if !endsAt(rs, q.beforeCmp, "具备") && !endsAt(rs, q.beforeCmp, "具有") && !shareFormed(rs, q) {
		return false
	}
	rest := strings.TrimRight(string(rs[q.after:clauseEnd(rs, q.after)]), " 。")
	return strings.HasPrefix(rest, "的") && strings.HasSuffix(rest, "能力") && len([]rune(rest)) <= 16
}

// shareFormed reports a quantity right after 形成占 and the base it is a
// share of (形成占最大负荷5%左右的…), the base a few words with no clause
// break and no 的 of its own.
func shareFormed(rs []rune, q quantity) bool {
	before := string(rs[max(0, q.beforeCmp-16):q.beforeCmp])
	i := strings.LastIndex(before, "形成占")
	if i < 0 {
		return false
	}
	base := strings.TrimSpace(before[i+len("形成占"):])
	return base != "" && !strings.ContainsAny(base, "，,；;。、的")
}

// spanOpens is the end of the five-year span a sentence opens with (“十四五”
// 期间，集装箱铁水联运量年均增长15%以上) in a plan whose first year is not known
// (a 2030年前 plan of two horizons): its goals are due at the span's end, not
// by the plan's. A span later than the plan's end (due) sets nothing; of two
// named (“十四五”、“十五五”期间分别…) the one its 期间 follows.
func spanOpens(sent string, planStart, due *int) *int {
	if planStart != nil || !strings.Contains(sent, "五") {
		return nil
	}
	t := strings.TrimLeft(sent, " “\"*")
	for _, p := range fiveYearEnds {
		if !strings.HasPrefix(t, p.name) && !strings.HasPrefix(t, "“"+p.name) {
			continue
		}
		for _, q := range fiveYearEnds {
			i := strings.Index(t[:min(len(t), 40)], q.name)
			if i < 0 {
				continue
			}
			rest := strings.TrimLeft(t[i+len(q.name):], "”\"」 ")
			if has(rest[:min(len(rest), 9)], []string{"时期", "期间", "末"}) && (due == nil || q.end <= *due) {
				end := q.end
				return &end
			}
		}
	}
	return nil
}

// upTo reports 最高 as "at most" in a clause (最高50万元, 最高不超过, 最高给予,
// 每家最高可获), not as the adjective of a measure (最高用电负荷的3%-5%: the
// peak load, a level the plan sets against).
func upTo(clause string) bool {
	for rest := clause; ; {
		i := strings.Index(rest, "最高")
		if i < 0 {
			return false
		}
		rest = rest[i+len("最高"):]
		if !has(rest[:min(len(rest), 15)], []string{"负荷", "气温", "温度", "水位", "峰值", "水平", "标准", "等级", "级别"}) {
			return true
		}
	}
}

// effectVerbs state what a measure saves or brings about.
var effectVerbs = []string{"减少", "节约", "节省", "替代", "带动", "拉动", "降低", "削减"}

// expectedEffect reports a figure of what a goal is expected to bring
// about (…装机容量75%以上，将可减少284万吨标准煤，减少二氧化碳排放约708万吨):
// a clause that opens with 将可 or 预计可, and the clause of the same kind of
// effect straight after it. An estimate, not a commitment: proposed.
func expectedEffect(ns []rune, q quantity, cs int) bool {
	opens := func(at int) bool {
		for at < len(ns) && ns[at] == ' ' {
			at++
		}
		return hasAt(ns, at, "将可") || hasAt(ns, at, "预计可") || hasAt(ns, at, "可望")
	}
	if opens(cs) {
		return true
	}
	if cs < 2 || !hasAnyIn(ns, cs, min(cs+3, q.a), effectVerbs) {
		return false
	}
	return opens(clauseStart(ns, cs-1)) // (the clause before opened with 将可)
}
