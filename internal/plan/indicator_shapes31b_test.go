package plan

import "testing"

// Shapes of the development batches that landed in wave 14 (extra 300–301,
// 310–314), each as sentences of our own: areas said short or with their
// superscript lost, parcels of land, the area of works done or of the one
// thing built, a count a gloss's verb of building governs, a clause that
// sets up something new beside a word of what exists (tune31).
func TestShapes31Batch(t *testing.T) {
	const head = "某区城市更新“十五五”规划\n一、主要任务\n"
	checkSentences(t, head, []sentenceCase{
		{"到2030年，每年完成60万平米屋面修缮。", "60 平米×10000 = year 2030"},
		{"到2030年，建设面积约800m2 的社区服务中心。", "800 m2 approx - 2030"},
		{"到2030年，完成四幅安置房地块出让。", "4 幅 = - 2030"},
		// a density: a unit over a unit
		{"到2030年，力争路网密度达5.2公里/平方公里。", "5.2 公里/平方公里 = - 2030"},
		// the area of the works done, before them with 的
		{"到2030年，完成1500万平方米以上的既有建筑节能改造。", "1500 平方米×10000 >= - 2030"},
		{"到2030年，累计完成30万平方米以上商业设施更新。", "30 平方米×10000 >= - 2030"},
		// (the size of each building a measure picks stays a qualifier)
		{"到2030年，对3000平方米以上的公共建筑实施节能改造。", ""},
		// a gloss whose verb builds: the plan's count
		{"实施“1+15+40”行动，其中“15”是指新建、改建特色花园15座，“40”是指在街头、路口等区域新增观赏点位40个。", "15 座 = - 2030 | 40 个 = - 2030"},
		// (a gloss that only reads a name's numeral back stays a gloss)
		{"构建“2+3”政策体系，“2”即人才、资金2项普惠政策。", ""},
		// a standard per pupil raised for every school: the plan's
		{"到2030年，将特殊教育生均公用经费补助标准提高至每生每年8000元以上。", "8000 元 >= year 2030"},
		// a population that names a class of places is no target
		{"到2030年，支持30万人口以上的县建成特殊教育学校2所。", "2 所 = - 2030"},
		// the later items of a scope opened by 在 (its works 建设中 no verb)
		{"到2030年，在4个区级核心区域、9个区级重点区域以及三个新城建设中加大香樟应用。", ""},
		// (a pilot in the places a list names stays the plan's reach)
		{"到2030年，在3个区、5个街道开展垃圾分类示范。", "3 个 = - 2030 | 5 个 = - 2030"},
		// the area what the plan builds needs; what is to be added, said with 为
		{"到2030年，在滨江地块建成1个二级消防站，所需建筑面积约3600平方米。", "1 个 = - 2030 | 3600 平方米 approx - 2030"},
		{"“十五五”期间需新增和更新的抢险车辆为12辆。", "12 辆 = - 2030"},
		// (a level stated with 为 stays proposed)
		{"目前全区抢险车辆编制额度为40辆。", "? 40 辆 = - 2030"},
		// a year's income or output, and a measure of the year a PDF spaced
		{"到2030年，农村集体经济组织年经营性收入达到20亿元。", "20 元×1e+08 = year 2030"},
		{"到2030年，废旧电池年综合利用 量 达到 8 万吨。", "8 吨×10000 = year 2030"},
		// once every so many days is a rhythm, not a count of events
		{"到2030年，道路保洁频率提升至10天完成1次全线机械清扫。", ""},
		// a duration given as a range is a duration too
		{"到2030年，新建超充站20座，实现10至15分钟快速补电。", "20 座 = - 2030"},
		// a factor of a formula is no level
		{"到2030年，绿化覆盖率达到45%。计算公式为：绿化覆盖面积/土地面积×100%。", "45 % = - 2030"},
		// something set up new, beside a word of what exists after it
		{"到2030年，区消防救援局将新成立两个大队，考虑到目前现有办公用房情况统筹安排。", "2 个 = - 2030"},
		{"到2030年，将在本区设立两个大队部，考虑到目前现有办公用房情况统筹安排。", "2 个 = - 2030"},
	})
}

// The years in the name of another document an opening line cites are not
// those of a plan its title names as a five-year plan (tune31).
func TestPeriodNotFromQuotedPlan(t *testing.T) {
	doc, _ := ingestText("某区消防事业发展“十五五”规划\n依据《某市消防专项规划（2023-2035年）》，制定本规划。\n一、目标\n到2030年，新建消防站3座。\n", nil)
	if doc.Period.Start == nil || *doc.Period.Start != 2026 || *doc.Period.End != 2030 {
		t.Errorf("period %+v, want 2026–2030", doc.Period)
	}
}
