package plan

import "strings"

// capacityBases are the units a plant or a line is sized in: power, output,
// head of stock.
var capacityBases = map[string]bool{"千瓦": true, "兆瓦": true, "吉瓦": true, "MW": true, "GW": true, "kW": true, "吨": true, "头": true}

// namedByCapacity reports a capacity written between the name of who builds
// it and what it is (吉林某企业60万吨赖氨酸, 某公司120万千瓦抽水蓄能电站,
// 某牧业100万头生猪养殖一体化项目) in a sentence that lists projects: the size
// a project is named by, not a capacity the plan commits to. A verb or a
// word of size straight before it (建设700万千瓦新型储能项目, 装机50万千瓦)
// makes it the plan's; so does a comparator, or 的 after it (tune32-P).
func namedByCapacity(rs []rune, q quantity) bool {
	if !capacityBases[q.base] || q.beforeCmp != q.a || q.a < 2 || q.cmp != "=" || q.b >= len(rs) {
		return false
	}
	prev := rs[q.a-1]
	if !(prev >= 0x4e00 && prev <= 0x9fff || isASCIILetter(prev)) || strings.ContainsRune("达至到为超过约近和及、共计增年产等", prev) {
		return false
	}
	for _, v := range verbs {
		if endsAt(rs, q.a, v) {
			return false
		}
	}
	for _, w := range sizeNames {
		if endsAt(rs, q.a, w) {
			return false
		}
	}
	next := rs[q.b]
	if !(next >= 0x4e00 && next <= 0x9fff) || strings.ContainsRune("的以左及和与或等，", next) {
		return false
	}
	for _, w := range sizedWords {
		if hasAt(rs, q.b, w) {
			return false
		}
	}
	// the sentence names what it lists as projects
	rest := string(rs[q.b:min(len(rs), q.b+160)])
	if k := strings.IndexAny(rest, "。;；"); k >= 0 {
		rest = rest[:k]
	}
	return has(rest, []string{"项目", "电站", "机组", "装置"})
}

// latencyNamed reports a latency straight before 时延 and the noun it
// names (1ms时延城市算力网, 5毫秒时延区域算力网): the class of network, not a
// bound the plan sets (时延不高于1ms) (tune32-P).
func latencyNamed(rs []rune, q quantity) bool {
	k := q.b
	if !hasAt(rs, k, "时延") || k+2 >= len(rs) {
		return false
	}
	r := rs[k+2]
	return r >= 0x4e00 && r <= 0x9fff && !strings.ContainsRune("的不低高小大在控为达，", r)
}
