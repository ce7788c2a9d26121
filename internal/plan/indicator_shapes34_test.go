package plan

import (
	"slices"
	"testing"
)

// Shapes of the documents heldout17–21 held (development since D155), each
// as sentences of our own (tune34-P).

// A chapter titled by the results of a period gone by (“十三五”期间发展成果)
// is the past: its counts are achievements, proposed at most. main reads it
// with tune34-T's periodResults (ingest_title.go, D157): one helper, not two.
func TestShapes34PastResults(t *testing.T) {
	checkSentences(t, "某市住房发展规划\n一、“十三五”期间发展成果\n（一）租赁体系加快构建\n", []sentenceCase{
		{"建设筹措各类租赁住房约70万套，完成420个小区雨污混接改造。", "? 70 套×10000 approx - 0 | ? 420 个 = - 0"},
	})
	// results still to be made firm are a task's
	checkSentences(t, "某市住房发展规划\n一、巩固拓展发展成果\n", []sentenceCase{
		{"到2030年，完成420个小区雨污混接改造。", "420 个 = - 2030"},
	})
}

// Years listed together and as many bare numbers sharing the unit written
// once at the list's end: each number is its year's target in that unit.
func TestShapes34YearPairs(t *testing.T) {
	checkSentences(t, "某市能源发展规划\n一、主要任务\n", []sentenceCase{
		{"2027、2035年全市储能装机力争达到120、300万千瓦。", "120 千瓦×10000 = - 2027 | 300 千瓦×10000 = - 2035"},
		{"2027、2035年，全市供热能力分别达到45、60亿立方米左右。", "45 立方米×1e+08 approx - 2027 | 60 立方米×1e+08 approx - 2035"},
		{"到2027年、2029年、2035年，新建充电站10、15、20座。", "10 座 = - 2027 | 15 座 = - 2029 | 20 座 = - 2035"},
		// as many numbers as years, or none is paired
		{"到2027年，全市储能装机力争达到120、300万千瓦。", "300 千瓦×10000 = - 2027"},
	})
}

// A measure over a unit of energy or a second (吨/万千瓦时, 立方米/秒) is a
// rate: its unit is read whole, not as the measure alone.
func TestShapes34RateUnits(t *testing.T) {
	checkSentences(t, "某市能源发展规划\n一、主要任务\n", []sentenceCase{
		{"到2030年，供电碳排放强度下降至3.5吨/万千瓦时左右。", "3.5 吨/万千瓦时 approx - 2030"},
		{"到2030年，发电耗水降至0.8立方米/千瓦时以下。", "0.8 立方米/千瓦时 <= - 2030"},
		{"到2030年，新增泵排能力600立方米/秒。", "600 立方米/秒 = - 2030"},
	})
}

// Buildings counted in 幢, and a satisfaction or an assessed value in
// points, are levels with their units.
func TestShapes34Units(t *testing.T) {
	checkSentences(t, "某区发展规划\n一、主要任务\n", []sentenceCase{
		{"到2030年全区税收亿元楼达到60幢以上。", "60 幢 >= - 2030"},
		{"到2030年群众安全感满意度达到95分以上。", "95 分 >= - 2030"},
		{"到2030年，分类实效综合评估值稳定在90分以上。", "90 分 >= - 2030"},
	})
}

// A note on how figures are counted (注：…, 备注：…), at a paragraph's start
// or run on after a table's last cell, gives no targets: proposed at most.
// The cell before it, and 关注 or 注册 in a sentence, are untouched.
func TestShapes34Notes(t *testing.T) {
	checkSentences(t, "某市生态空间规划\n一、主要目标\n", []sentenceCase{
		{"注：目标值按新口径折算，测算分母为控制面积5200平方公里，覆盖率12.1%相当于原口径18.5%。",
			"? 5200 平方公里 = - 0 | ? 12.1 % = - 0 | ? 18.5 % = - 0"},
		{"到2030年，绿化覆盖率达到45%注1：覆盖率按3000平方公里计。", "45 % = - 2030 | ? 3000 平方公里 = - 2030"},
		{"到2030年，新增注册企业500家，关注：重点培育30家龙头企业。", "500 家 = - 2030 | 30 家 = - 2030"},
		// a note in brackets ends with them
		{"到2030年，新建站点100个（注：含改造站点），新增充电桩2000个。", "100 个 = - 2030 | 2000 个 = - 2030"},
	})
}

// A sentence that opens with the plan's five-year span (“十四五”时期，…)
// dates the paragraph's later sentences as a deadline opening one does:
// a milestone year said before it (到2027年底前) no longer carries.
func TestShapes34SpanCarries(t *testing.T) {
	checkSentences(t, "某市住房发展“十五五”规划\n一、主要任务\n", []sentenceCase{
		{"到2027年底前，全面完成成片旧里改造。“十五五”时期，实施约3000万平方米旧住房更新改造；新增既有多层住宅加装电梯2万台以上。",
			"3000 平方米×10000 approx - 2030 | 2 台×10000 >= - 2030"},
	})
}

// Quantities inside the requirement a measure follows (按照…的…要求),
// across the brackets of the frame, are another plan's: proposed, and
// never promoted by the learned model (reports). The plan's own count
// after the frame, and 按照要求 with no quantity inside, stay targets.
func TestShapes34Required(t *testing.T) {
	const s = "按照两岛规划泵闸30座（其中：东岛20座、西岛10座）的远景目标要求，“十五五”期间，新建泵闸6座。"
	checkSentences(t, "某区水务发展规划\n一、主要任务\n", []sentenceCase{
		{s, "? 30 座 = - 0 | ? 20 座 = - 0 | ? 10 座 = - 0 | 6 座 = - 0"},
		{"按照要求，到2030年新建泵闸6座。", "6 座 = - 2030"},
	})
	ns := []rune(normalize(s))
	var r sentenceRead
	c := &lineCtx{}
	r.readCues(ns, ns, make([]int, len(ns)), nil, c, false)
	var got []bool
	eachQuantity(ns, func(q quantity) { got = append(got, reports(r.at(q))) })
	if want := []bool{true, true, true, false}; !slices.Equal(got, want) {
		t.Errorf("reports: got %v, want %v", got, want)
	}
}

// 千米 is the unit kilometre, no thousand metres: a density in 千米/平方千米
// is read whole, and the bare unit in a table's unit cell is no quantity.
func TestShapes34Kilometre(t *testing.T) {
	checkSentences(t, "某区国土空间规划\n一、主要目标\n", []sentenceCase{
		{"到2030年，道路网密度达到约6.5千米/平方千米。", "6.5 千米/平方千米 approx - 2030"},
		{"到2030年，道路网密度（千米/平方千米）持续提高。", ""},
	})
}

// A distance a few words before the coverage or radius it names
// (站点600米用地覆盖率) bounds a zone: proposed; a length built stays a target.
func TestShapes34Radius(t *testing.T) {
	checkSentences(t, "某区国土空间规划\n一、主要目标\n", []sentenceCase{
		{"到2030年，轨交站点800米用地覆盖率达到65%。", "? 800 米 = - 2030 | 65 % = - 2030"},
		{"到2030年，新建绿道800米。", "800 米 = - 2030"},
	})
}

// The last of a list of named measures in one unit, the 的 after the whole
// list, sizes the work as the others do; a bare list's last stays a qualifier.
func TestShapes34NamedListEnd(t *testing.T) {
	checkSentences(t, "某区水务规划\n一、主要任务\n", []sentenceCase{
		{"到2030年，实施粮田30万亩、菜田2.5万亩、果林1.5万亩的水利设施配套。",
			"30 亩×10000 = - 2030 | 2.5 亩×10000 = - 2030 | 1.5 亩×10000 = - 2030"},
		{"到2030年，建设200万千瓦、300万千瓦的机组。", "200 千瓦×10000 = - 2030"},
	})
}

// A level's 以上 followed by an adverb of keeping on (在…以上持续增长) is
// held while growing, no class of the noun after: a target.
func TestShapes34LevelHeld(t *testing.T) {
	checkSentences(t, "某市服务业发展方案\n一、主要目标\n", []sentenceCase{
		{"到2030年，会展业营收在300亿元以上持续增长。", "300 元×1e+08 >= - 2030"},
		{"到2030年，建成1亿元以上项目20个。", "20 个 = - 2030"},
	})
}

// A size with 以上 whose noun a few words on is the measure it amounts to
// (…平方公里以上建设用地面积达到…) is the quantity reached, no class; a size
// before the things it classes (…平方米以上建筑) stays a class.
func TestShapes34OwnMeasure(t *testing.T) {
	checkSentences(t, "某区海绵城市建设方案\n一、工作目标\n", []sentenceCase{
		{"到2030年底，60平方公里以上建设用地面积达到海绵城市建设要求。", "60 平方公里 >= - 2030"},
		{"到2030年，改造1000平方米以上建筑20栋。", "? 1000 平方米 >= - 2030 | 20 栋 = - 2030"},
	})
}

// A rate over standalone buildings (单体建（构）筑物…纳控率) is no floor set
// for each single one: a target; each building's area (单体建筑面积不低于)
// and a floor for each event (每场活动…不少于) stay proposed.
func TestShapes34Standalone(t *testing.T) {
	checkSentences(t, "某区绿化市容规划\n一、主要任务\n", []sentenceCase{
		{"到2030年，重点单体建（构）筑物集中控制纳控率达到90%以上。", "90 % >= - 2030"},
		{"到2030年，每场活动参与人数不少于50人。", "? 50 人 >= - 2030"},
		{"到2030年，新建公共建筑单体建筑面积不低于2万平方米。", "? 2 平方米×10000 >= - 2030"},
	})
}

// A year that dates what is counted by when it was built (2012年前建设的…设施)
// is neither the sentence's deadline nor a word of its past.
func TestShapes34BuiltBefore(t *testing.T) {
	checkSentences(t, "某区水务“十五五”规划\n一、主要任务\n", []sentenceCase{
		{"逐步推进2012年前建设的3万户低标准农污处理设施提标改造工程。", "3 户×10000 = - 2030"},
		{"到2028年，完成2000年底前建成的老旧小区改造300个。", "300 个 = - 2028"},
	})
}

// The size of a capability formed or a capacity provided, said as its
// qualifier (形成15天的储备能力, 提供超2亿千瓦的公共充电容量), is a target;
// days of no capability (举办15天的展览) are none.
func TestShapes34CapacityOf(t *testing.T) {
	checkSentences(t, "某市能源保障方案\n一、主要任务\n", []sentenceCase{
		{"到2030年，加快形成15天的储备能力。", "15 天 = - 2030"},
		{"到2030年，提供超2亿千瓦的公共充电容量。", "2 千瓦×1e+08 >= - 2030"},
		{"到2030年，举办15天的展览。", ""},
	})
}

// A level what is in service and under construction together reach
// (在运在建装机达到…) is a goal; a count of what is in service is not.
func TestShapes34InServiceReached(t *testing.T) {
	checkSentences(t, "某省能源发展方案\n一、主要任务\n", []sentenceCase{
		{"到2030年，抽水蓄能在运在建装机达到800万千瓦左右。", "800 千瓦×10000 approx - 2030"},
		{"到2030年，全省在运电站5座。", "? 5 座 = - 2030"},
	})
}

// A deadline with its verb and count (力争2028年底前建成5个以上示范城市) is no
// relative clause of a thing built: it dates the count.
func TestShapes34BuiltBeforeDeadline(t *testing.T) {
	checkSentences(t, "某市车网互动实施意见\n一、重点任务\n", []sentenceCase{
		{"到2030年，推进改造。力争2028年底前建成5个以上示范城市。", "5 个 >= - 2028"},
	})
}

// 择优 that picks what is kept (择优确定战略备用机组) is no word of a subsidy:
// the share a standard sets stays a target; 择优支持 still funds.
func TestShapes34ChoosesToFund(t *testing.T) {
	checkSentences(t, "某市能源保障方案\n一、主要任务\n", []sentenceCase{
		{"到2030年，按照最大负荷35%标准配备应急备用调峰能力，在老旧机组中择优确定战略备用机组。", "35 % = - 2030"},
		{"对建成的示范项目择优支持，支持比例不超过投资额的10%。", ""},
	})
}
