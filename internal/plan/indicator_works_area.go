package plan

import "strings"

// areaUnits measure the area of land, floors or roofs.
var areaUnits = map[string]bool{"平方米": true, "平米": true, "㎡": true, "m²": true, "m2": true, "平方公里": true, "亩": true, "公顷": true}

// worksNouns close the name of works done over an area (节能改造, 成套改造,
// 修缮, 整治, 示范项目).
var worksNouns = []string{"改造", "修缮", "整治", "更新", "提升", "项目", "工程"}

// worksArea reports the area of the works a clause does, written before
// them with 的 (完成2000万平方米以上的既有建筑节能改造, 引导完成50万平方米以上的
// 建筑调适示范项目), or the floor area of the one thing it builds (建设面积约
// 1000平方米的宣传基地): the commitment's measure — not the size of each of
// the things a measure picks (对5000平方米以上的公共建筑实施改造), which names
// buildings, not works.
func worksArea(rs []rune, q quantity, clause string) bool {
	if !areaUnits[q.base] || q.after >= len(rs) || rs[q.after] != '的' {
		return false
	}
	if endsAt(rs, q.beforeCmp, "面积") && has(clause, []string{"建设", "新建", "建成", "改建", "扩建"}) {
		return true
	}
	return worksDone(rs, q)
}

// worksDone reports an area right after 完成 or 实施 whose clause closes
// with the works done over it (累计完成50万平方米以上商业设施更新, 完成…
// 万平方米以上的…节能改造): the measure of those works.
func worksDone(rs []rune, q quantity) bool {
	if !areaUnits[q.base] || !endsAt(rs, q.beforeCmp, "完成") && !endsAt(rs, q.beforeCmp, "实施") {
		return false
	}
	rest := strings.TrimRight(string(rs[q.after:clauseEnd(rs, q.after)]), " 。")
	for _, w := range worksNouns {
		if strings.HasSuffix(rest, w) {
			return true
		}
	}
	return false
}
