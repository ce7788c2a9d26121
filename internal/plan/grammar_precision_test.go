package plan

import (
	"testing"
)

// readAll ingests a plan of 2026–2030 whose section of tasks holds text and
// returns its targets as the grammar tests write them.
func readAll(t *testing.T, text string) string {
	t.Helper()
	doc, err := ingestText("某市科学技术协会事业发展规划(2026-2030年)\n二、重点任务\n(一)推进工作\n"+text, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := readings(doc.Indicators)
	return got
}

// Conditions of a support policy and rules for each applicant (D78):
// thresholds inside 对…的 or a clause closed by 的 are no targets in a
// subsidy sentence and proposals elsewhere; a sum set for each applicant
// and a cap "in principle" or for each batch are proposals.
func TestGrammarConditions(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"对当年研发投入超过1000万元且增长20%以上的企业，择优给予支持。", ""},
		{"企业年度研发投入达到500万元、1000万元、5000万元的，分别给予10万元、20万元、50万元奖励。", ""},
		{"对主营业务收入首次突破10亿元、50亿元的企业，给予经营团队奖励。", ""},
		{"对技术合同成交额在1000万元以上的技术转移机构予以奖励。", ""},
		// no subsidy in the sentence: proposed, not asserted
		{"对年服务企业超过100家且满意度高的科技服务机构开展绩效评价。", "? 100 家 >= year 2030"},
		// a clause that ends with 的目标 is a goal's
		{"实现全市科普示范社区达到300个的目标。", "300 个 = - 2030"},
		// eligibility in more words
		{"企业须在本市注册满1年，研发人员占职工总数的10%以上。", ""},
		// a sum for each applicant; caps in principle or for each batch
		{"科技创新券额度为每家企业每年10万元，每年发放创新券5000万元。", "? 10 元×10000 = year 2030 | 5000 元×10000 = year 2030"},
		{"每两年评选一次优秀科技工作者，每次不超过20名。优秀学会的比例原则上不超过15%。",
			"1 次 = two-years 2030 | ? 20 名 <= two-years 2030 | ? 15 % <= - 2030"},
		// a sentence that opens with its condition: what it grants is proposed
		{"对评估结果为优秀的，下一年度经费增加10%。", "? 10 % = year 2030"},
		// a cap 一般 (and 不超过 read before 超过), a ceiling on a price
		{"政府投资基金出资比例一般不超过基金规模的20%。", "? 20 % <= - 2030"},
		{"人才公寓租金不高于市场价格的70%，企业用水价格降低5%。", "5 % = - 2030"},
		// a number in a document's title (《…》) names it
		{"贯彻落实《关于建设100个科普示范县的实施意见》，制定《科普基地建设50条标准》，建成科普示范县10个。", "10 个 = - 2030"},
		// counts of the plan's parts and a slogan that starts with a number;
		// a count of key laboratories is a target
		{"推进三项重点工作，实施人才强市“3个100”工程，新建三个重点实验室。", "3 个 = - 2030"},
		// the rhythm of a procedure of the plan's own running; an event
		// for the public every so often stays a target
		{"每半年开展1次督查，每月召开1次工作例会，中期开展1次评估，每两年举办1次科普讲解大赛。", "1 次 = two-years 2030"},
		// targets beside them stay targets
		{"每年遴选10个左右创新团队，每个团队给予100万元支持。", "10 个 approx year 2030"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.sentence, got, tt.want)
		}
	}
}

// A sentence dated before the plan (2025年，全市…) or a milestone given to
// the month (2026年6月底前完成…) inside a section is no deadline for the
// section's later paragraphs: they keep the plan's end and stay targets.
func TestSectionDeadlineNotFromThePast(t *testing.T) {
	got := readAll(t, "2026年6月底前完成方案制定。\n2025年，全市R&D经费投入强度达到3.1%。\n力争全市科普示范社区达到300个以上。\n每年举办学术交流活动200场次。\n")
	if want := "? 3.1 % = - 2025 | 300 个 >= - 2030 | 200 场次 = year 2030"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	// within its paragraph, a past year still dates what follows it
	got = readAll(t, "2025年，全市建成科普基地120个。新增学会10个。\n")
	if want := "? 120 个 = - 2025 | ? 10 个 = - 2025"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	// N年时间 and N年努力 count from the plan's start, like N年内
	got = readAll(t, "用3年时间，建成科普示范社区100个。\n")
	if want := "100 个 = - 2028"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	// a deadline in the plan's years opening the section's text still governs it
	got = readAll(t, "到2028年，建成科普基地50个。\n新增学会10个。\n")
	if want := "50 个 = - 2028 | 10 个 = - 2028"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// Parts that describe where things stand under other titles than 现状
// (规划背景, 发展环境, 存在问题) propose their numbers; 优化发展环境 is a task.
// A level stated with 为 outside the goals is proposed, not asserted.
func TestSituationSections(t *testing.T) {
	text := "某市科学技术协会事业发展规划(2026-2030年)\n一、规划背景\n全市共有市级学会85个。\n二、发展环境\n全市R&D经费投入强度为2.8%。\n" +
		"三、存在问题\n基层科协组织覆盖率为75%。\n四、重点任务\n（一）优化发展环境\n新建科普基地50个，科普经费占比为0.5%。\n（二）发展目标\n公民科学素质比例为18%。\n"
	got := readDoc(t, text)
	if want := "? 85 个 = - 2030 | ? 2.8 % = - 2030 | ? 75 % = - 2030 | 50 个 = - 2030 | ? 0.5 % = - 2030 | 18 % = - 2030"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// The size of what a verb makes, written before it as 规模N的, is the
// commitment's measure; a size qualifying what is counted is not, and
// contribution rates are rates charged.
func TestSizeOfWhatIsMade(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"设立总规模100亿元的科技成果转化基金，打造规模超50亿元的天使基金群。", "100 元×1e+08 = - 2030 | 50 元×1e+08 >= - 2030"},
		{"培育产值规模超过10亿元的园区不少于3个，支持1亿元以上的企业。", "3 个 >= - 2030"},
		{"培育园区产值规模超过10亿元的不少于2家。", "2 家 >= - 2030"},
		{"社保费单位缴费比例降至16%，企业所得税税率降至15%。", ""},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.sentence, got, tt.want)
		}
	}
}

// Standards each project or firm must meet (项目…不低于, 工业项目亩均税收不低于)
// are proposed; a level firms are to reach stays a target; rates a policy
// applies (加计扣除比例) are parameters.
func TestStandardsForEach(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"项目固定资产投资不低于5000万元，其中设备投资占比不低于50%。", "? 5000 元×10000 >= - 2030 | ? 50 % >= - 2030"},
		{"工业项目亩均税收不低于30万元。", "? 30 元×10000 >= - 2030"},
		{"企业研发投入占营业收入比重达到3%以上。", "3 % >= - 2030"},
		{"企业研发费用加计扣除比例提高到100%。", ""},
		// a rank (前10名) is proposed: a place among others, not a count
		{"力争进入全国前10名，建设科普基地3个。", "? 10 名 = - 2030 | 3 个 = - 2030"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.sentence, got, tt.want)
		}
	}
}

// A size that names a class before a count of it (超10亿元企业20家,
// 千亩以上示范基地20个) is no target, the count is; a size with 以上 before
// its noun and no count is proposed.
func TestSizeQualifiesCount(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"新增年产值5000万元以上企业100家，建设千亩以上示范基地20个。", "100 家 = - 2030 | 20 个 = - 2030"},
		{"培育营业收入超百亿元企业5家、超十亿元企业30家。", "5 家 = - 2030 | 30 家 = - 2030"},
		{"推动30万千瓦以上机组改造，新增装机容量50万千瓦。", "? 30 千瓦×10000 >= - 2030 | 50 千瓦×10000 = - 2030"},
		// a count with 以上 before its noun stays a target
		{"培育100家以上专精特新企业。", "100 家 >= - 2030"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.sentence, got, tt.want)
		}
	}
}

// A sentence that names what exists only to build on it: the clause that
// adds or reaches is a target, what exists stays a proposal and a baseline
// (由目前的10座增加到20座).
func TestBuildingOnWhatExists(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"在已建成120个科普基地的基础上，再新建科普基地50个。", "? 120 个 = - 2030 | 50 个 = - 2030"},
		{"巩固现有30个院士专家工作站，新建院士专家工作站20个。", "? 30 个 = - 2030 | 20 个 = - 2030"},
		{"全市科普场馆由目前的10座增加到20座。", "20 座 = - 2030 (from 10)"},
		{"依托已有的8个创新联合体，新组建创新联合体10个。", "? 8 个 = - 2030 | 10 个 = - 2030"},
		// what exists alone stays where things stand
		{"目前全市已建成院士专家工作站86家，累计服务企业500家。", "? 86 家 = - 2030 | ? 500 家 = - 2030"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.sentence, got, tt.want)
		}
	}
}
