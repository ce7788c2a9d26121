package plan

import "testing"

// A comparator after a unit per year (20万吨/年以上, 10万吨／年以上) bounds
// the quantity, as after any unit (tune38-T).
func TestShapes38PerYearComparator(t *testing.T) {
	checkSentences(t, "某市氢能产业发展规划\n一、发展目标\n", []sentenceCase{
		{"到2030年，全市氢能供应能力达到20万吨/年以上。", "20 吨×10000 >= year 2030"},
		{"到2030年，工业副产氢产能10万吨／年以上。", "? 10 吨×10000 >= year 2030"},
		{"到2030年，污水处理能力控制在5万吨/年以下。", "? 5 吨×10000 <= year 2030"},
	})
}
