package plan

import "strings"

// buildsOn reports a quantity inside the phrase 在…(的)基础上 of its clause
// (在继续支持…等10个重点领域设备更新的基础上，…; 在评估完善…等5个领域负面清单
// 基础上，…; 在“三个70%”基础上力争提升至“三个80%”): what the plan builds on, not a
// target — the target, if any, follows the phrase. The 在 is a preposition
// (not 存在, 现在, 正在, 所在, 实在), and no comma stands between it and 基础上.
// What already exists (在已建成120个…的基础上, 在整顿现有650万个…的基础上) is
// left to statesPast, which proposes it; a level the phrase keeps (在确保…,
// 保持…, or said with a comparator) is left to the rules (tune48-T, D222).
func buildsOn(ns []rune, q quantity, cs int) bool {
	if q.cmp != "=" {
		return false // (在确保…稳定在1.3万亿斤以上的基础上: a floor kept is a commitment, left to the rules)
	}
	end := clauseEnd(ns, q.after)
	rest := string(ns[q.after:end])
	if !strings.Contains(rest, "基础上") {
		return false
	}
	for k := q.beforeCmp - 1; k >= cs; k-- {
		if ns[k] == '在' && (k == 0 || !strings.ContainsRune("存现正所实自好潜内", ns[k-1])) {
			return !has(string(ns[k:q.a]), []string{"已", "现有", "目前", "原有", "当前", "确保", "保持"})
		}
	}
	return false
}
