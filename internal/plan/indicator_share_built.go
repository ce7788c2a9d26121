package plan

import "strings"

// shareBuilt reports a share the plan builds to, said as the ratio of what
// it equips (停车场按不低于30%的车位比例建设充电设施), or the cut it makes
// (按不低于5%的幅度压减一般性支出): the % names a ratio or a rate after 的
// that a verb of building or of cutting governs — the level the plan
// commits to, no rate a policy applies to a sum (按30%的比例给予补助)
// (tune32-P).
func shareBuilt(ns []rune, q quantity) bool {
	if q.base != "%" || !hasAt(ns, q.after, "的") {
		return false
	}
	rest := string(ns[q.after+1 : min(len(ns), q.after+16)])
	noun := "比例"
	k := strings.Index(rest, noun)
	if k < 0 {
		noun = "幅度" // (一律按不低于5%的幅度压减一般性支出: the cut the plan makes)
		k = strings.Index(rest, noun)
	}
	if k < 0 || len([]rune(rest[:k])) > 4 || strings.ContainsAny(rest[:k], "，,；;。") {
		return false
	}
	after := rest[k+len(noun):]
	for _, w := range []string{"建设", "配建", "同步设计", "同步建设", "设计", "预留", "配置", "安装", "设置", "改造", "压减", "压缩", "削减", "减少", "降低"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// magnitudeLevel reports a bare magnitude with a multiplier (千万吨, 百万吨)
// that is a level, not the class of a thing it sizes (百亿元产业集群): a
// comparator closes it (稳定在百万吨以上), or what follows is the size it
// measures (新增千万吨产能, 百万吨产量) (tune32-P).
func magnitudeLevel(ns []rune, q quantity) bool {
	if q.mult == 1 {
		return false
	}
	if q.after > q.b && q.cmp != "=" {
		return true
	}
	for _, w := range outputWords {
		if hasAt(ns, q.after, w) {
			return true
		}
	}
	return false
}

// shareTaken reports a share that 将 takes as the object of what the clause
// does to it (将75%的降雨就地消纳和利用): the ba-construction governs the
// share, whatever its verb (tune32-P).
func shareTaken(ns []rune, q quantity) bool {
	return q.base == "%" && endsAt(ns, spacesBefore(ns, q.beforeCmp), "将") && hasAt(ns, q.after, "的")
}
