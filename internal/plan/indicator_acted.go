package plan

// actingVerbs act on the things a share counts (淘汰50%左右的柴油车, 覆盖90%以上
// 的社区, 改造30%以上的老旧小区), or bring them to act (推动80%以上的重点企业上云,
// 实现90%以上的事项网上可办).
var actingVerbs = []string{"覆盖", "淘汰", "改造", "更新", "完成", "治理", "整治", "清理", "关停", "培训", "替代", "置换",
	"推动", "带动", "引导", "实现",
	"扩大到", "扩大至", "推广到", "推广至"} // (试点扩大到全国50%以上的城市; tune32-P)

// actedOn reports a share of things right after the verb that acts on
// them: the share the plan commits to, not the threshold of a class (营业
// 收入增长20%以上的企业: 增长 is the class's own).
func actedOn(rs []rune, q quantity) bool {
	at := q.beforeCmp
	for _, w := range wholeScopes {
		if endsAt(rs, at, w) {
			at -= len([]rune(w)) // (覆盖全市90%以上的乡镇: the verb acts on a share of the whole)
			break
		}
	}
	for _, v := range actingVerbs {
		if endsAt(rs, at, v) {
			return true
		}
	}
	return false
}

// wholeScopes name the whole a share is of, between the acting verb and
// the share (覆盖全市90%以上的乡镇).
var wholeScopes = []string{"全市", "全省", "全区", "全县", "全国", "全镇", "全乡"}
