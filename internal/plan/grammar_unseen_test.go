package plan

import (
	"fmt"
	"strings"
	"testing"
)

// Shapes found by reading the extractor's output on documents it had never
// seen (the dev pool of docs/benchmarks.md, "Reading the output of unseen
// documents"); every sentence here is written for the test.
func TestGrammarUnseenShapes(t *testing.T) {
	tests := []struct{ sentence, want string }{
		// numerals inside place names after a province or city
		{"学习江西省赣州市六台区和河北省四门峡市的做法，新建科普e站30个。", "30 个 = - 2030"},
		{"在江城市三个区建成科普示范街道12个。", "12 个 = - 2030"},
		// a count of the toll of an event is no target
		{"各类事故共造成8人死亡、15人受伤，新建应急避难场所50个。", "50 个 = - 2030"},
		// a verb with 了 tells what was done
		{"各区新增了120个社区科普站点，今后再建30个。", "? 120 个 = - 2030 | 30 个 = - 2030"},
		// a baseline set with 以…为基数
		{"以2025年科普人员3000名为基数，科普人员数量每年增长10%。", "10 % = year 2030 (from 3000)"},
		// the count of places just listed is a scope
		{"选取东城、西城、南城、北城4个区开展试点，建设社区科普大学40所。", "? 4 个 = - 2030 | 40 所 = - 2030"},
		// but the count of a kind of thing built after a list stays a target
		{"建设东部、中部、西部3个区域科普中心。", "3 个 = - 2030"},
		// what each member sends is a rule for each
		{"各成员单位各派1名联络员参加工作专班。", "? 1 名 = - 2030"},
		{"东西两区各10万左右，合计建成科普e站40个。", "? 10 ×10000 approx - 2030 | 40 个 = - 2030"},
		// the count of items under a heading of a list
		{"科普资源共享方面4项，人才培养方面5项。", ""},
		// two or more: a condition
		{"涉及两个以上部门的事项，由市科协牵头协调。", "? 2 个 >= - 2030"},
		{"会员不得同时在两个以上学会担任理事长。", ""},
		// penalties
		{"违反规定的，没收违法所得，并处违法所得2倍以上5倍以下的罚款。", ""},
		// a procedure's time limit; a goal of speed stays a target
		{"申请材料审核时间一般不少于3个工作日，最长不超过10个工作日。", ""},
		{"政务服务办理时限压缩至5个工作日以内。", "5 个工作日 <= - 2030"}, // (working days: D214)
		// a size reached
		{"到2028年，青少年科学营招生达到3000人的规模。", "3000 人 = - 2028"},
		// a PDF's spaces around a year still date the clause
		{"到 ２０２８ 年，建成科普教育基地不少于 ２０ 个。", "20 个 >= - 2028"},
		{"至2028年，全市青少年科学营招生达到3000名的规模（见附表）。", "3000 名 = - 2028"},
		// a request of another party
		{"该区请求，市里支持其建设科技馆1座、科普基地5个。", "? 1 座 = - 2030 | ? 5 个 = - 2030"},
		// a small count said again and again names a concept
		{"统筹两个市场，用好两个市场，拓展两个市场。建设三个科普中心，三个科普中心年内建成。", "? 2 个 = - 2030 | ? 2 个 = - 2030 | ? 2 个 = - 2030 | 3 个 = - 2030 | 3 个 = - 2030"},
		// coverage of a share of places is a target; a rate's level takes no per-year from the sentence
		{"每年培训社区科普志愿者800名，科普活动覆盖95%以上的社区。", "800 名 = year 2030 | 95 % >= - 2030"},
		{"每年新增科普场馆3座，科普场馆免费开放率保持100%。", "3 座 = year 2030 | 100 % = - 2030"},
		// 斤 is a measure
		{"全市蔬菜产量保持在50亿斤以上。", "50 斤×1e+08 >= - 2030"},
		// a budget the plan sets, compared with last year's
		{"市财政拟安排科普专项资金2亿元，比上年增加2000万元；赤字率拟按3%安排。", "2 元×1e+08 = - 2030 | ? 2000 元×10000 = - 2030 | 3 % = - 2030"},
		// a standard raised by a sum; the sum a subsidy pays stays out
		{"科技志愿者保险补助标准再提高20元，对每名志愿者给予100元补贴。", "20 元 = - 2030"},
		// a share of places that do something; the size of a body a verb makes
		{"90%以上的街道建成科普大学，建立80人的科普专家库，组建由20名院士组成的咨询委员会。", "90 % >= - 2030 | 80 人 = - 2030 | 20 名 = - 2030"},
		// thresholds of a class stay out
		{"对科普收入增长20%以上的企业给予奖励，支持职工100人以上的企业建立科协。", ""},
		// the past few years; a floor of a duty for each person
		{"近三年累计培训基层科普人员1.2万人次，今后每年再培训5000人次。", "? 1.2 人次×10000 = - 2030 | 5000 人次 = year 2030"},
		{"科技辅导员每人每年参加培训不少于40学时。", "? 40 学时 >= year 2030"},
		// a site's area as its description; a year expected
		{"科技馆新馆用地面积约80亩，建筑面积3万平方米；预计2028年建成乡镇科普馆12座。", "? 80 亩 approx - 2030 | ? 3 平方米×10000 = - 2030 | 12 座 = - 2028"},
		{"新建科普大篷车停放场，新增展陈面积2000平方米。", "2000 平方米 = - 2030"},
		// what was done, said after the count; the pool a choice is made from
		{"全市2000余名科技工作者参加了活动，从300家学会中遴选20家开展试点。", "? 2000 名 >= - 2030 | 20 家 = - 2030"},
		// a floor for each event is a standard; a growth for each stays a target
		{"每场科普讲座听众不少于100人，带动每届展会成交额增长10%以上。", "? 100 人 >= - 2030 | 10 % >= - 2030"},
		// a report's cuts and a bare count closed by its comparator; a city of a size stays a class
		{"全年减税降费8000亿元，农村低收入人口再减少100万以上，支持人口100万以上的城市建设科技馆。", "8000 元×1e+08 = - 2030 | 100 ×10000 >= - 2030"},
		// a count of people in 万 said with its noun
		{"再解决50万农村人口饮水安全问题。", "50 ×10000 = - 2030"},
		// 应有的 is no condition
		{"充分发挥财政资金应有作用，安排科普专项资金5000万元。", "5000 元×10000 = - 2030"},
		// the plan's Nth year; a year things start from is no deadline
		{"第一年建成科普e站10个，第二年建成20个。", "10 个 = - 2026 | 20 个 = - 2027"},
		{"2027年起，每年新建科普基地10个。", "10 个 = year 2030"},
		// the standard a measure applies
		{"按照每万人口不少于1名科普专职人员的标准配备，全市配备科普专职人员600名。", "? 1 名 >= - 2030 | 600 名 = - 2030"},
		// what an applicant must have
		{"申报的学会应有10万元以上活动资金，个人会员不少于200名。", "? 200 名 >= - 2030"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

func TestGrammarUnseenShapesMore(t *testing.T) {
	tests := []struct{ sentence, want string }{
		// the toll with its noun between
		{"一场山洪造成12名村民遇难。全市建成应急避难场所60个。", "60 个 = - 2030"},
		// how often an event happened, and a level compared with
		{"全省共发生4级以上地震16次，明显高于年均9次的水平。建设地震科普教育基地8个。", "? 16 次 = - 2030 | ? 9 次 >= year 2030 | 8 个 = - 2030"},
		// a floor set in principle is a rule, proposed
		{"原则上各区科协专职人员不少于机关编制总数的10%。", "? 10 % >= - 2030"},
		// outline numbers run into the text
		{"按要求落实。\n6.2　本办法由市科协负责解释。\n建成科普基地12个。", "12 个 = - 2030"},
		// a PDF's spaced count opening a clause stays a count; a floor of an area built stays a target
		{"到2028年，100 家企业建立科协组织，新建科技馆1座，建筑面积不少于2万平方米。", "100 家 = - 2028 | 1 座 = - 2028 | 2 平方米×10000 >= - 2028"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// An annual report: last year's review, this year's aims. The review's
// numbers are what was done; the aims are due in the year of the plan.
func TestAnnualReport(t *testing.T) {
	text := "某区科协2026年工作总结和2027年工作安排\n" +
		"一、2026年工作总结\n" +
		"全年新发展团体会员120个，举办科普讲座300场。\n" +
		"二、2027年工作安排\n" +
		"（一）主要目标。全年新认定科普教育基地20个，年内建成科技志愿服务队15支，三年内培训基层科普骨干600人次。\n" +
		"（二）自身建设。每季度召开1次党组理论学习中心组学习会，筹备区科协十届二次全委会。\n"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Period.Start == nil || *doc.Period.Start != 2027 || *doc.Period.End != 2027 {
		t.Fatalf("period %v–%v, want 2027–2027", doc.Period.Start, doc.Period.End)
	}
	got := readings(doc.Indicators)
	want := "? 120 个 = - 2027 | ? 300 场 = - 2027 | 20 个 = - 2027 | 15 支 = - 2027 | 600 人次 = - 2029"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// A government work report gives its year in the line that says when it
// was delivered; the aims without a year of their own are due in it.
func TestWorkReportYear(t *testing.T) {
	text := "政府工作报告\n——2027年1月12日在某市第九届人民代表大会第二次会议上\n" +
		"一、过去一年工作回顾\n全市地区生产总值增长5.6%。\n" +
		"二、今年工作安排\n城镇新增就业3万人以上。到2030年，研发经费投入强度达到3.2%。\n"
	got := readDoc(t, text)
	want := "? 5.6 % = - 2027 | 3 人×10000 >= - 2027 | 3.2 % = - 2030"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// A stage of the plan with its years in brackets dates what it lists,
// whether its text runs on after a colon or follows on lines of its own.
func TestStageYears(t *testing.T) {
	text := "某县科普能力提升行动方案（2026—2029年）\n二、阶段目标\n" +
		"（一）起步阶段（2026年）：建成乡镇科普服务站12个。\n" +
		"（二）近期目标（2026—2027年）\n新增科普志愿者800名。\n培育科普示范村20个。\n" +
		"（三）巩固阶段（2028—2029年）：科普服务站覆盖全部村（社区）300个。\n"
	got := readDoc(t, text)
	want := "12 个 = - 2026 | 800 名 = - 2027 | 20 个 = - 2027 | 300 个 = - 2029"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// Structure read on unseen documents: a decimal outline whose next number
// is a heading whatever its title starts with (a measure word that starts
// a word, 本, 为, 所), and a numbered list that runs past 99.
func TestOutlineByItsNumbers(t *testing.T) {
	text := "某市科普应急预案\n1 总则\n1.1 目的\n为做好应急科普工作，制定本预案。\n" +
		"2 组织机构和职责\n2.1 应急科普专家组\n2.1.1 为保障专家及时到位，建立联络制度。\n2.1.2 所有成员单位明确1名联络员。\n" +
		"3 附则\n3.1 本预案由市科协负责解释。\n3.2 本预案自印发之日起施行。\n"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			got = append(got, s.Number)
			walk(s.Children)
		}
	}
	walk(doc.Sections)
	if g, want := strings.Join(got, " "), "1 1.1 2 2.1 2.1.1 2.1.2 3 3.1 3.2"; g != want {
		t.Errorf("sections %q, want %q", g, want)
	}

	var list strings.Builder
	list.WriteString("表扬的典型经验做法\n一、清单\n")
	for i := 1; i <= 102; i++ {
		fmt.Fprintf(&list, "%d.某地推进科普工作的做法。\n", i)
	}
	list.WriteString("200.5万人次参与。\n")
	doc, err = ingestText(list.String(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(doc.Sections[0].Children); n != 102 {
		t.Errorf("%d items of the list, want 102", n)
	}
}
