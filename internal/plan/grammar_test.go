package plan

import (
	"fmt"
	"strings"
	"testing"
)

// The classes of D47/D55 widened on the third batch of the extra corpus
// and on shapes written for this test (docs/benchmarks.md), read in a
// section of tasks, not of goals, so that what governs a quantity matters.
// Same reading as TestQuantityPhrases.
func TestGrammarInTasks(t *testing.T) {
	tests := []struct{ sentence, want string }{
		// a verb of holding a level; a count of those funded is no subsidy;
		// 一 with a multiplier is ten thousand; 年 opening a clause
		{"将生态空间占比稳定在70%，开发强度控制在30%。", "70 % = - 2030 | 30 % <= - 2030"},
		{"每年资助青年科技人才100名，给予每人最高20万元资助。", "100 名 = year 2030"},
		{"培训基层科普人员一万人次，推荐院士候选人20名。", "1 人次×10000 = - 2030 | 20 名 = - 2030"},
		{"年培训农民10万人次，年发放科普资料100万份。", "10 人次×10000 = year 2030 | 100 份×10000 = year 2030"},
		// compound measure words and hours, but not a duration
		{"每年组织服务活动不少于500场次，服务企业超过1000家次，志愿服务时长累计达到100万小时，提供24小时服务。",
			"500 场次 >= year 2030 | 1000 家次 >= year 2030 | 100 小时×10000 = - 2030"},
		// a total over years keeps its own period, though the sentence
		// opens with 每年
		{"每年托举青年科技人才50名，5年累计250名，流动科技馆巡展100站次以上。", "50 名 = year 2030 | 250 名 = - 2030 | 100 站次 >= year 2030"},
		// so does a total the plan reaches (总数达到), and what a clause of
		// its own builds
		{"每年吸引10万名以上高校毕业生来市就业创业，建设青年人才驿站20个。", "10 名×10000 >= year 2030 | 20 个 = - 2030"},
		{"每年新认定科普教育基地20家左右，总数达到300家。", "20 家 approx year 2030 | 300 家 = - 2030"},
		// the past: a sentence opening with a year before the plan, 年来
		{"2025年，全省科技馆接待观众达到500万人次，比2020年增长30%。", "? 500 人次×10000 = - 2025 | ? 30 % = - 2025"},
		{"近三年来，全省共举办学术活动3000余场。", "? 3000 场 >= - 2030"},
		{"当前，全省科技工作者总量约150万人；经过多年发展，全市科普基地达到120个。", "? 150 人×10000 approx - 2030 | ? 120 个 = - 2030"},
		// a clause dated before the plan, and the baseline it grew from
		{"全市科普基地从2020年的80个增加到2025年的120个。", "? 120 个 = - 2025 (from 80)"},
		// scope, not reach; a period range; a name in a list; an adjective
		{"依托12个市州科协开展培训，围绕全省8个产业链组建联盟。", ""},
		{"组织失业青年参加3-12个月的就业见习。", ""},
		{"大力发展高山滑雪、冬季两项、速度滑冰等项目，给予一次性奖补。", ""},
		// bare magnitudes that count, a list after a colon sharing its verb,
		// a set phrase and a class
		{"打造人才梯队：百名领军人才、千名骨干人才。", "100 名 = - 2030 | 1000 名 = - 2030"},
		{"实现百家企业上云，让科普走进千家万户，培育百亿元产业集群。", "100 家 = - 2030"},
		// actions of tasks the verbs of D47 lacked; a bare noun phrase, a
		// share or a sum without a verb stays a candidate; what a place has
		// is where things stand; a threshold of eligibility is no goal
		{"开设科学课程50门，编写科普读本10册，惠及群众500万人次。", "50 门 = - 2030 | 10 册 = - 2030 | 500 人次×10000 = - 2030"},
		{"全市科普基地总数200个，按合同金额的30%。", "? 200 个 = - 2030"},
		{"我市拥有国家级科普教育基地12个。", "? 12 个 = - 2030"},
		// 育 of 教育 or 体育 is no verb (培育, 引育 are)
		{"全市中小学科学教育基地12个，体育场馆30座。", "? 12 个 = - 2030 | ? 30 座 = - 2030"},
		{"每万人口发明专利拥有量达到25件，每10万人拥有科普场馆面积达到1000平方米，举办科技节10届。", "25 件 = - 2030 | 1000 平方米 = - 2030 | 10 届 = - 2030"},
		{"申报单位须具备独立法人资格，注册资本不低于100万元。", ""},
		// a year opening a clause is its deadline; a reach after 到/至
		{"2027年，全省新增科技型企业500家；2028年新增600家。", "500 家 = - 2027 | 600 家 = - 2028"},
		{"全省科技人才规模扩大到150万人，较2025年增加30万人。", "150 人×10000 = - 2030 | 30 人×10000 = - 2030"},
		// units of other fields; a life expectancy reached, not an age
		{"PM2.5平均浓度控制在30微克/立方米以下，人均预期寿命达到80岁，支持35岁以下和16-24岁青年。", "30 微克/立方米 <= - 2030 | 80 岁 = - 2030"},
		// 年均 is the rate of its own clause, even at the sentence's start
		{"全市GDP年均增长6%左右，人均GDP达到15万元。", "6 % approx year 2030 | 15 元×10000 = - 2030"},
		// shares and multiples written out
		{"科普经费占财政支出比重不低于千分之一，院士专家工作站数量在现有基础上增加一倍。", "1 ‰ >= - 2030 | 1 倍 = - 2030"},
		// parameters of a support policy: a cap for each applicant, a rate
		// charged, a sum not to be exceeded; a floor for each place stays
		// a target
		{"每个乡镇至少建设1个科普活动站，每个学会每年最多支持3个项目。", "1 个 >= - 2030"},
		{"对小微企业贷款给予担保，担保费率不超过1%。", ""},
		{"居民消费价格涨幅控制在3%左右。", "3 % approx - 2030"},
		{"项目总经费不超过50万元，其中市级资助不超过30万元。", ""},
		{"对种粮大户按每亩100元给予补贴，补贴面积不超过500亩。", ""},
		// minutes: a time to bring down to, not a duration or a ring
		{"院前急救平均响应时间缩短至12分钟以内，每节课45分钟，打造15分钟生活圈。", "12 分钟 <= - 2030"},
		// a note in brackets describing a thing, not a cumulative total
		{"建设国家级大学科技园（园区面积2000亩），新增孵化器20家（累计约60家）。", "20 家 = - 2030 | 60 家 approx - 2030"},
		// a policy named by its number of articles
		{"出台人才新政20条，制定地方标准10条。", "10 条 = - 2030"},
		// a rate applied straight after 按
		{"支持企业研发费用按100%加计扣除，按照50%的比例给予配套。", ""},
		// the count of the plan's own parts in Chinese numerals, like 六大工程
		{"开展十项行动，推进三项改革，制定地方标准10项。", "10 项 = - 2030"},
		// a rhythm of work closing its clause, not an event counted; a
		// least period of a procedure, not a goal of speed
		{"资助期限为3年，每年评审一次。", ""},
		{"公示期不少于5个工作日，审批时间压缩至5个工作日以内。", "5 个工作日 <= - 2030"}, // (working days: D214)
		// an assessment against others states where things stand
		{"与先进地区相比，我市R&D投入强度2.1%，差距明显。", "? 2.1 % = - 2030"},
		// a past five-year plan's span, 过去 (the plan runs 2026–2030)
		{"“十四五”期间，全省累计培训农民50万人次。", "? 50 人次×10000 = - 2030"},
		{"过去五年，共建成科普示范县20个。", "? 20 个 = - 2030"},
		// a time of day in a printed header is no quantity
		{"门户网站 1/4/25 上午9:46\n头部企业带动作用增强。", ""},
	}
	for _, tt := range tests {
		doc, err := ingestText("某市科学技术协会事业发展规划(2026-2030年)\n二、重点任务\n(一)推进工作\n"+tt.sentence, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := readings(doc.Indicators)
		if got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.sentence, got, tt.want)
		}
	}
}

// sentenceCase is a sentence and what the rules read in it, as readings
// writes it.
type sentenceCase struct{ sentence, want string }

// checkSentences reads each sentence after head with the rules alone and
// compares what they read with what the case wants.
func checkSentences(t *testing.T, head string, cases []sentenceCase) {
	t.Helper()
	for _, tt := range cases {
		doc, err := ingestText(head+tt.sentence+"\n", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := readings(doc.Indicators); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// readings is a document's indicators as the grammar tests write them,
// apart by " | ".
func readings(inds []Indicator) string {
	got := make([]string, 0, len(inds))
	for _, ind := range inds {
		got = append(got, reading(ind))
	}
	return strings.Join(got, " | ")
}

// reading is an indicator as the grammar tests write it.
func reading(ind Indicator) string {
	s := ""
	if ind.Candidate {
		s = "? "
	}
	if ind.Low != nil {
		s += fmt.Sprintf("%g-%g", *ind.Low, *ind.High)
	} else {
		s += fmt.Sprintf("%g", *ind.Value)
	}
	s += " " + ind.BaseUnit
	if ind.Multiplier != 1 {
		s += fmt.Sprintf("×%g", ind.Multiplier)
	}
	per := "-"
	if ind.Per != nil {
		per = *ind.Per
	}
	dl := 0
	if ind.DeadlineYear != nil {
		dl = *ind.DeadlineYear
	}
	s += fmt.Sprintf(" %s %s %d", ind.Comparator, per, dl)
	if ind.Baseline != nil {
		s += fmt.Sprintf(" (from %g)", ind.Baseline.Value)
	}
	return s
}
