package plan

import "testing"

// Shapes of the twenty-first development batch (D134): a score where the
// clause speaks of one, areas in their symbols, a rate's base without 每,
// and a bound on a property of the things an earlier figure counts.
func TestScoresSymbolsAndRateBases(t *testing.T) {
	for _, tt := range []struct{ sentence, want string }{
		{"到2025年，辖区居民消防安全常识知晓率综合得分达90分以上。", "90 分 >= - 2025"},
		{"到2025年，增设战勤物资保障仓库2000㎡。", "2000 ㎡ = - 2025"},
		{"到2025年，年均火灾十万人口死亡率控制在0.15以下。", "0.15  <= year 2025"},
		{"到2025年，完成3万平方米节能率不低于15%的既有公共建筑节能改造。", "3 平方米×10000 = - 2025"},
		// no score: 十分 is "very", 5分 alone is no unit of a goal
		{"到2025年，十分重视科普工作，建成科普基地5个。", "5 个 = - 2025"},
		// a population covered is a target, not a rate's base
		{"到2025年，科普设施覆盖50万人口。", "50 人×10000 = - 2025"},
	} {
		doc, err := ingestText("某区消防事业发展“十四五”规划\n一、发展目标\n"+tt.sentence+"\n", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := readings(doc.Indicators); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// A row's unit with its alternative in brackets of its own (D134).
func TestNameUnitNested(t *testing.T) {
	for name, want := range map[string]string{"新增供应保障性租赁住房数量（万套（间））": "万套", "注册科普志愿者（万人）": "万人", "超充桩数量（累计）": ""} {
		if got := nameUnit(name); got != want {
			t.Errorf("nameUnit(%s) = %q, want %q", name, got, want)
		}
	}
}
