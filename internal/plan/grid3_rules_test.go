package plan

import (
	"fmt"
	"strings"
	"testing"
)

// Rules the third grid (grid3_test.go) showed, on sentences written here:
// each body is read alone in an AI plan's shell (2026—2028), and its
// asserted targets are written value·unit·comparator·deadline.

func g3Read(t *testing.T, body string) string {
	t.Helper()
	doc, err := ingestText(g3Shell(body), nil)
	if err != nil {
		t.Fatal(err)
	}
	asserted, _ := assertedAndProposed(doc)
	var got []string
	for _, ind := range asserted {
		unit, mult := ind.BaseUnit, ind.Multiplier
		if mult == 0 {
			unit, mult = splitUnit(ind.Unit)
		}
		got = append(got, fmt.Sprintf("%g%s%s@%d", amount(ind.Value, mult), unit, ind.Comparator, gridYear(ind.DeadlineYear)))
	}
	return strings.Join(got, " ")
}

func TestGrid3Rules(t *testing.T) {
	for _, c := range []struct{ why, body, want string }{
		// a clause that is only a deadline said with 前 governs the rest of
		// its sentence (indicator_deadline_clause.go)
		{"年底前 clause", "加快建设算力设施，2027年底前，新建智算中心3个。", "3个=@2027"},
		{"年前 clause", "加快建设算力设施，力争2027年前，新建智算中心3个。", "3个=@2027"},
		{"a year alone", "加快建设算力设施，2027年，新建智算中心3个。", "3个=@2027"},
		{"a month's deadline", "加快建设算力设施，到2027年6月底前，新建智算中心3个。", "3个=@2027"},
		{"a past year alone", "加快建设算力设施，2024年，全市新建智算中心3个。", ""},
		// a clause that is only a five-year span passed dates its sentence
		// to where things stood (pastPeriod)
		{"a span passed, mid-sentence", "加快人工智能产业发展，“十四五”期间，数字经济核心产业增加值年均增长15%。", ""},
		{"a span ahead, mid-sentence", "加快人工智能产业发展，“十五五”期间，数字经济核心产业增加值年均增长15%。", "15%=@2030"},
		// a count after a verb of the grammar with 以上的/左右的 before its
		// noun is what the plan makes (madeCount)
		{"以上的 after 推出", "推动模型研发，推出30个以上的行业大模型。", "30个>=@2028"},
		{"左右的 after 上线", "推动应用落地，上线500款左右的智能体。", "500款approx@2028"},
		{"以上的 after a verb picking whom", "面向100人以上的企业开展数字技能培训。", ""},
		{"以上的 after a size", "支持年营业收入1亿元以上的企业建设智能工厂。", ""},
		// kinds and services counted (countedKinds), and data and compute
		// before their own substance (ownSubstance)
		{"种 before its noun", "丰富数据供给，开发300种以上数据产品。", "300种>=@2028"},
		{"人次 before its noun", "加强人才培养，培训5万人次以上数字技能人才。", "50000人次>=@2028"},
		{"PB before data", "加强数据汇聚，汇聚20PB以上数据资源。", "20PB>=@2028"},
		{"EFLOPS before compute, 以上的", "加强算力供给，部署5EFLOPS以上的智能算力。", "5EFLOPS>=@2028"},
		{"PB before a facility", "加强数据汇聚，建设10PB以上数据中心。", ""},
		// kinds in a list of counts are no categories just listed
		{"类 in a list of counts", "深化场景应用，打造50家以上智能工厂、80类左右应用场景。", "50家>=@2028 80类approx@2028"},
		{"种 after 分别", "丰富数据供给，数据产品、重大项目分别达到300种、30个。", "300种=@2028 30个=@2028"},
		{"类 after a verb, in a list", "深化场景应用，打造50家对标全国一流水平的智能工厂、推广80类应用场景。", "50家=@2028 80类=@2028"},
		// a count whose 的 qualifier ends before a conjunct's count is its
		// own (countInQualifier)
		{"的 qualifier, then a conjunct", "深化场景应用，通过实施5个对标全国一流水平的应用工程、组织10个示范项目，形成100个行业大模型产品。", "5个=@2028 10个=@2028 100个=@2028"},
		{"a count inside a qualifier", "完善科普设施，建成覆盖3个区的科普站50个。", "50个=@2028"},
		{"申请 is a verb", "加快人工智能产业发展，申请发明专利500件。", "500件=@2028"},
		{"categories listed", "聚焦制造、医疗、教育等3类场景开展试点。", ""},
		{"两种 after 两个", "统筹用好两个市场、两种资源。", ""},
		// a bare count reached (reachedBare), users counted in 万
		// (peopleAfter), cards in 万 (readUnit)
		{"bare 万 after 提升至", "扩大应用规模，大模型应用用户规模提升至2000万。", "2e+07=@2028"},
		{"bare 万 after 分别", "扩大应用规模，智能算力规模、应用用户规模分别达到10000P、2000万。", "10000PFLOPS=@2028 2e+07=@2028"},
		{"bare 万 alone", "全市常住人口2000万。", ""},
		{"万用户", "提升服务能力，服务不少于1000万用户。", "1e+07>=@2028"},
		{"万卡", "建设智算集群，智算集群规模达到2万卡。", "20000卡=@2028"},
		// a share acted on by a verb that brings it to act (actedOn)
		{"推动 a share", "加快企业上云，推动80%以上的重点企业上云。", "80%>=@2028"},
		{"a class's own growth", "对营业收入增长20%以上的企业给予表彰。", ""},
		// a table's unit column spelling compute (computeUnit)
		{"unit column P", "表1 主要指标\n指标\t单位\t2025年\t2027年\n智能算力规模\tP\t5000\t10000\n算力规模\tEFlops\t10\t20", "10000PFLOPS=@2027 20EFLOPS=@2027"},
	} {
		if got := g3Read(t, c.body); got != c.want {
			t.Errorf("%s: %q reads %q, want %q", c.why, c.body, got, c.want)
		}
	}
}
