package plan

import (
	"strings"
	"unicode/utf8"
)

// Places, scopes and outline numbers: a numeral in a place's name, the
// number of an outline item run into the text, the places just listed or
// all the parts there are, where the work is done (在12个赛道, 依托12个市州),
// the pool a choice is made from, and the size of a pilot (which is a
// target).

// placeSuffixes end the name of a place (六台区, 四门峡市, 七台河市).
const placeSuffixes = "区县市峡河州镇乡"

// placeName reports a numeral inside the name of a place written straight
// after its province or city (江西省赣州市六台区): a name, not a count. The
// numeral is Chinese and the name's end follows its measure word at once.
func placeName(rs []rune, q quantity) bool {
	if !q.cn || q.a < 2 || q.b >= len(rs) || q.base == "个" {
		return false // (杭州市三个区: a count of districts, not a name)
	}
	if p := rs[q.a-1]; p != '省' && p != '市' && p != '州' || strings.ContainsRune("全本各每该我城同", rs[q.a-2]) {
		return false
	}
	return strings.ContainsRune(placeSuffixes, rs[q.b]) || q.b+1 < len(rs) && strings.ContainsRune(placeSuffixes, rs[q.b+1])
}

// outlineNumber reports a number with a point that opens its sentence and
// stands apart from the word after it by a space (7.2　本办法由…解释): the
// number of an outline item run into the text, not a quantity.
func outlineNumber(rs []rune, q quantity, cs int) bool {
	if q.cn || q.mult != 1 {
		return false
	}
	// the sentence's start (a PDF's 100 家企业 may open a clause) and a
	// number with a point (7.2), not a count
	for _, r := range rs[:q.a] {
		if r != ' ' && r != '\u3000' && r != '\t' {
			return false
		}
	}
	dot := false
	for j := q.a; j < q.b; j++ {
		switch rs[j] {
		case '.':
			dot = true
		case ' ', '\u3000', '\t':
			return dot
		}
	}
	return false
}

// placeWords head the count of places a measure is tried in.
var placeWords = []string{"城市", "个省", "个市", "个区", "个县", "地区", "直辖市", "区域", "省份", "省（", "省(", "个试点"}

// listedPlaces reports the count of the places just named (东城、西城、南城、
// 北城4个区开展试点): the scope a measure is tried in, not a result.
func listedPlaces(rs []rune, q quantity, clause string) bool {
	if q.cmp != "=" || strings.Count(clause, "、") < 2 {
		return false
	}
	t := string(rs[q.b-1 : min(len(rs), q.after+4)])
	for _, w := range placeWords {
		i := strings.Index(t, w)
		if i < 0 {
			continue
		}
		// the places are the scope when the clause ends or goes on with
		// what is done in them (4个区开展试点), not when they name a
		// kind of thing built (3个区域科普中心)
		k := utf8.RuneCountInString(t[:i+len(w)]) + q.b - 1
		if k >= len(rs) || strings.ContainsRune("，,。;；、:)", rs[k]) || k == clauseEnd(rs, k) ||
			has(string(rs[k:min(len(rs), k+2)]), []string{"开展", "作为", "先行", "率先", "试点", "进行", "实施", "推进", "为", "的", "和", "及", "等"}) {
			return true
		}
	}
	return false
}

// scopeIn reports a clause that opens with 在 and names only a place before
// the count (在江城市三个区建成…): where the work is done, like 在12个赛道.
func scopeIn(clause string) bool {
	c := strings.TrimLeft(clause, " ")
	if !strings.HasPrefix(c, "在") || utf8.RuneCountInString(c) > 9 {
		return false
	}
	return !has(c, verbs) && !has(c, []string{"控制在", "保持在", "稳定在", "维持在"}) &&
		!strings.HasSuffix(strings.TrimRight(c, " "), "推进") // (在全市推进20个绿色数据中心试点: what it pushes on, counted)
}

// pickVerbs choose some from among a pool (从全市2000家企业中遴选100家).
var pickVerbs = []string{"中遴选", "中选拔", "中评选", "中推荐", "中择优", "中选取", "中筛选", "中选出", "中评定"}

// poolOf reports the pool a choice is made from: from among 2000 firms, not a
// count the plan reaches.
func poolOf(rs []rune, q quantity, clause string) bool {
	if !strings.Contains(clause, "从") {
		return false
	}
	return has(string(rs[q.after:min(len(rs), q.after+12)]), pickVerbs)
}

// scopeOf reports a clause that ends in a preposition of scope (依托12个市州
// 科协, 围绕全省8个产业, 聚焦16个产业集群): the count after it names where
// the work is done, not what it reaches.
func scopeOf(clause string) bool {
	c := strings.TrimSpace(clause)
	for _, w := range []string{"全省", "全市", "全国", "全区", "全县", "本市", "本省"} {
		c = strings.TrimSuffix(c, w)
	}
	for _, w := range []string{"依托", "围绕", "聚焦", "针对", "结合", "通过", "依靠", "联合"} {
		if strings.HasSuffix(c, w) {
			return true
		}
	}
	return false
}

// allParts reports a count of all the divisions there are (覆盖全省17个市州,
// 全市16个区), not a number to reach; 全省100家企业 is a number to reach.
func allParts(rs []rune, q quantity) bool {
	whole := false
	for _, w := range []string{"全省", "全市", "全国", "全区", "全县", "全州"} {
		whole = whole || endsAt(rs, q.beforeCmp, w)
	}
	return whole && q.b < len(rs) && strings.ContainsRune("省市县区州乡镇盟旗地", rs[q.b])
}

// pilotSize reports the number of places a pilot runs in (在100个城市进行
// 改革试点): the size of what the plan starts, not the scope of a task (在12个
// 领域开展试点 names where, and is no place).
func pilotSize(ns []rune, q quantity) bool {
	rest := string(ns[q.after:clauseEnd(ns, q.after)])
	for _, v := range []string{"进行", "开展", "实施", "推行", "启动", "推进"} {
		if i := strings.Index(rest, v); i > 0 && has(rest[i:], []string{"试点", "示范"}) {
			return has(rest[:i], []string{"城市", "县", "市", "区", "乡镇", "村", "省份", "地区", "医院", "学校", "园区", "工地", "企业", "社区", "街道", "单位", "景区", "场所"})
		}
	}
	return false
}

// detachment reports a numeral before 支队 (七支队, 市交通执法总队三支队): a
// body's name, not a count of teams (组建3支队伍 counts them).
func detachment(ns []rune, q quantity) bool {
	return q.base == "支" && hasAt(ns, q.b, "队") && !hasAt(ns, q.b, "队伍")
}

// scopeListItem reports a clause that opens with 在 and lists places up to
// the quantity, each item closed by 、 (the last by 以及, 和 or 及), no verb
// among them (在3个市级核心区域、8个市级重点区域、13条重点道路以及五个新城
// 建设中加大…): a later item of the scope the first one names (tune31).
func scopeListItem(clause string) bool {
	c := strings.TrimLeft(clause, " ")
	if !strings.HasPrefix(c, "在") {
		return false
	}
	items := strings.TrimRight(c[len("在"):], " ")
	joined := strings.HasSuffix(items, "、") || strings.HasSuffix(items, "以及") || strings.HasSuffix(items, "和") || strings.HasSuffix(items, "及")
	return joined && strings.Contains(items, "、") && !strings.ContainsAny(items, "，,;；:：") && !has(items, verbs)
}
