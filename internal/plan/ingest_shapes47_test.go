package plan

import "testing"

// Wave 29's rules (tune47-T, D218), each on a text of our own.

// The values of a list that shares its verb (分别不低于99.96%、99.95%、
// 4.2千伏安、90%) are read alike: when the model is sure of the first, it
// does not demote the next (here 99.95%, which it scores about 0.15).
func TestShapes47ListedValues(t *testing.T) {
	text := "某省城市配电网提升行动方案\n\n一、总体要求\n\n（一）指导思想\n\n坚持问题导向，补齐配电网短板。\n\n（二）主要目标\n\n" +
		"到2027年，城市配电网网架结构更加坚强，装备水平不断提高，数字化转型初见成效；供电能力和服务质量稳步提升，" +
		"中心城区配电网供电可靠率、综合电压合格率、户均配变容量、线路联络率分别不低于99.96%、99.95%、4.2千伏安、90%，" +
		"县城分别不低于99.9%、99.8%、3.1千伏安、80%，各区县结合实际制定本地目标；分布式光伏接入能力稳步提高，电能替代持续推进。\n\n" +
		"二、重点任务\n\n加强组织领导。\n"
	wantAsserted(t, text, "99.96%", "99.95%", "4.2千伏安", "90%", "99.9%", "99.8%", "3.1千伏安", "80%")
}

func TestKeptAsListed(t *testing.T) {
	kept := []Indicator{{}, {Candidate: true}}
	for _, tc := range []struct {
		name       string
		prev, next learnQuantity
		want       bool
	}{
		{"listed after a kept target", learnQuantity{Decision: decAsserted, out: 0}, learnQuantity{Decision: decAsserted, out: 1, listed: true}, true},
		{"not listed (和, a comma)", learnQuantity{Decision: decAsserted, out: 0}, learnQuantity{Decision: decAsserted, out: 1}, false},
		{"after a demoted one", learnQuantity{Decision: decAsserted, out: 1}, learnQuantity{Decision: decAsserted, out: 1, listed: true}, false},
		{"after one the rules only propose", learnQuantity{Decision: decProposed, out: 0}, learnQuantity{Decision: decAsserted, out: 1, listed: true}, false},
		{"after one a rule drops", learnQuantity{Decision: "an age", out: -1}, learnQuantity{Decision: decAsserted, out: 1, listed: true}, false},
		{"one the rules only propose", learnQuantity{Decision: decAsserted, out: 0}, learnQuantity{Decision: decProposed, out: 1, listed: true}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := keptAsListed(tc.prev, tc.next, kept); got != tc.want {
				t.Errorf("keptAsListed = %v, want %v", got, tc.want)
			}
		})
	}
}

// A time limit in working days (不超过3个工作日) stands as the rules read
// it: the model learnt before the unit 个工作日 was read and scores such
// limits about 0.05–0.12.
func TestShapes47WorkingDayLimits(t *testing.T) {
	text := "某省优化用电营商环境实施方案\n\n一、压减办电时间\n\n" +
		"1.严格执行办电时限。低压居民用户全过程办电时长，无外线工程的不超过3个工作日，有外线工程的不超过10个工作日。" +
		"高压用户办电全过程时长，单电源用户不超过20个工作日、双电源用户不超过30个工作日。\n\n二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "3个工作日", "10个工作日", "20个工作日", "30个工作日")
}

func TestWorkingDayLimit(t *testing.T) {
	for _, tc := range []struct {
		unit, cmp string
		want      bool
	}{
		{"个工作日", "<=", true}, {"个工作日", "<", true}, {"个工作日", "=", false}, {"个", "<=", false}, {"天", "<=", false},
	} {
		if got := workingDayLimit(Indicator{Unit: tc.unit, Comparator: tc.cmp}); got != tc.want {
			t.Errorf("workingDayLimit(%s %s) = %v, want %v", tc.cmp, tc.unit, got, tc.want)
		}
	}
}

// An event the plan holds each year or each few (每年举办一次…, 每两年举办
// 一期…) stands as the rules read it, the model scoring it 0.03–0.06; a
// count after another verb (每年开展一次…) is still left to the model.
func TestShapes47EventsHeldEachPeriod(t *testing.T) {
	text := "某市全民科学素质行动实施方案\n\n一、重点任务\n\n" +
		"1.加强学术交流。每年举办一次全市青年科技论坛，每两年举办一期全市优秀科普作品评选。\n" +
		"2.建立会议制度。每年开展一次全市应急演练。\n\n二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "1次", "1期")
}
