package plan

import (
	"strings"
	"testing"
)

// A target's metric names what it measures: a change from a baseline
// (由2023年的13.7%提高到18%) and the verb of the change (提高到, 下降至)
// are not part of the name; 由 or 从 inside a word (从业人员) is.
func TestMetricNamesWhatChanges(t *testing.T) {
	text := "某市全民科学素质提升实施方案\n\n一、主要目标\n\n" +
		"到2028年，全市公民具备科学素质的比例由2023年的13.7%提高到2028年的18%。" +
		"万元地区生产总值能耗从0.45吨标准煤下降至0.40吨标准煤。" +
		"科普从业人员数量提高到3000人。" +
		"企业研发投入强度提升至3.2%。\n"
	got := metricsOf(t, text)
	want := []string{"公民具备科学素质的比例", "万元地区生产总值能耗", "科普从业人员数量", "企业研发投入强度"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("metrics: got %q, want %q", got, want)
	}
}

// A target given as the value of a pair (2.高新技术企业数量：1.2万家) is
// named by the words before the colon, without the item's mark; a clause
// that names its own measure keeps it.
func TestMetricOfAPair(t *testing.T) {
	text := "某省科技强省行动方案（2025—2027年）\n\n一、主要目标\n\n主要指标：\n" +
		"1.全社会研发经费投入强度：2.6%；\n（2）高新技术企业数量：1.2万家；\n——新型研发机构：150家。\n" +
		"专栏1　平台建设工程\n实验室体系：新建省重点实验室30家。\n"
	got := metricsOf(t, text)
	want := []string{"全社会研发经费投入强度", "高新技术企业数量", "新型研发机构", "新建省重点实验室"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("metrics: got %q, want %q", got, want)
	}
}

// An item of a list after others with their quantities is named by its own
// words; 其中 and a span of years (5年内) are no part of a name.
func TestMetricOfAListItem(t *testing.T) {
	text := "某市人才强市实施意见\n\n一、总体目标\n\n到2027年，全市人才总量突破150万人，其中高层次人才达到3万人、高技能人才达到35万人；" +
		"5年内引进培育科技领军人才200名、产业领军人才300名。\n"
	got := metricsOf(t, text)
	want := []string{"人才总量", "高层次人才", "高技能人才", "引进培育科技领军人才", "产业领军人才"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("metrics: got %q, want %q", got, want)
	}
}

// metricsOf is the metric of each target Ingest reads in text, in order.
func metricsOf(t *testing.T, text string) []string {
	t.Helper()
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, ind.Metric)
	}
	return got
}

// A metric is read without the words that bound or date its number, but a
// word that only looks like one keeps its place inside a name (公共, 共享,
// 规模以上, 省级以上); the numbers listed before its own (30、40、) and the
// years of 分别 are no part of it (wave 38, D271).
func TestMetricWithoutItsBounds(t *testing.T) {
	text := "某市科技创新行动方案（2026—2030年）\n\n一、主要目标\n\n" +
		"全市财政科技支出占一般公共预算支出比重不低于5%，政务数据共享率达到95%以上。" +
		"高新技术产业增加值占规模以上工业增加值比重提高到50%。" +
		"推荐省级以上科技奖励候选人50人次，打造10个以上特色产业集群。" +
		"2027年、2028年分别完成科技评价30、40项。" +
		"非化石能源装机和消费比重分别达到65%和30%。" +
		"新建大型数据中心电能利用效率不超过1.3。\n"
	got := metricsOf(t, text)
	want := []string{"财政科技支出占一般公共预算支出比重", "政务数据共享率", "高新技术产业增加值占规模以上工业增加值比重",
		"推荐省级以上科技奖励候选人", "打造特色产业集群", "完成科技评价", "完成科技评价",
		"非化石能源装机和消费比重", "非化石能源装机和消费比重", "新建大型数据中心电能利用效率"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("metrics:\n got %q\nwant %q", got, want)
	}
}
