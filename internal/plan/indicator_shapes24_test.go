package plan

import "testing"

// A yearly output written straight before the product it makes names a
// project in a list to push on (proposed); built or reached by a verb, or
// named as a capacity, it is the plan's target (tune24, rules alone).
func TestOutputNamingAProject(t *testing.T) {
	const head = "某市新材料产业行动方案(2026-2030年)\n一、重点任务\n"
	checkReadings(t, readingsOf(t, head+"推进年产5000吨生物基材料、2万吨/年再生塑料等项目建设。"),
		"5000吨:proposed", "2万吨:proposed")
	checkReadings(t, readingsOf(t, head+"建成年产5000吨生物基材料生产线，再生塑料产能达到2万吨/年。"),
		"5000吨:asserted", "2万吨:asserted")
	checkReadings(t, readingsOf(t, head+"推动电池材料项目投产，形成3万吨/年产能。"), "3万吨:asserted")
}

// A battle to keep what was won (打好…成效保卫战) heads a task, not a
// review; a length before 服务半径 is a standard of service (tune24).
func TestTaskTitleAndServiceRadius(t *testing.T) {
	const head = "某区生态环境方案(2026-2030年)\n三、重点任务\n"
	checkReadings(t, readingsOf(t, head+"（五）打好治水成效保卫战。到2028年，全区水面率达到10.5%。"), "10.5%:asserted")
	checkReadings(t, readingsOf(t, head+"（六）巩固扬尘治理成效。到2028年，工地监控安装率达到95%。"), "95%:asserted")
	checkReadings(t, readingsOf(t, head+"（七）推进绿地建设。实现社区公园300米服务半径全覆盖，新建口袋公园12个。"),
		"300米:proposed", "12个:asserted")
}

// A label of goals before the deadline (工作目标：到2028年，…) does not keep
// the deadline from opening its sentence (tune24).
func TestDeadlineAfterGoalLabel(t *testing.T) {
	text := "关于加快低空经济发展的若干措施\n为推动产业发展，制定以下措施。\n工作目标：到2028年，培育低空企业超过50家。到2030年，产业体系更加完善。\n一、培育企业\n支持企业发展。"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != 1 || doc.Indicators[0].DeadlineYear == nil || *doc.Indicators[0].DeadlineYear != 2028 {
		t.Fatalf("readings %+v, want one due 2028", doc.Indicators)
	}
}

// A measure said with a bare 百 or 千 before its noun names a class (千亩
// 茶园): proposed; a count said so (百个村) stays the plan's (tune24).
func TestRoundSizeClass(t *testing.T) {
	const head = "某县农业发展行动方案(2026-2030年)\n一、重点任务\n"
	checkReadings(t, readingsOf(t, head+"建设千亩生态茶园，打造百个美丽乡村示范村。"), "千亩:proposed", "百个:asserted")
	checkReadings(t, readingsOf(t, head+"新增高标准农田1200亩。"), "1200亩:asserted")
}
