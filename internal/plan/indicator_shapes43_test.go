package plan

import (
	"slices"
	"strings"
	"testing"
)

// Wave 25's rules (tune43-T, D205), each on a text of our own.

// A level in years reached from a level in years (受教育年限从9.5年提高到
// 10.2年) is read with its unit, as one reached without a start is
// (年限提高到10.2年); the start is no target.
func TestShapes43YearsFromYears(t *testing.T) {
	text := "某市教育事业发展实施方案（2026—2030年）\n一、主要目标\n" +
		"到2030年，劳动年龄人口平均受教育年限从9.5年提高到10.2年，新增学位2万个。\n" +
		"到2030年，新增劳动力平均受教育年限由2025年的12.1年提升至13年。\n"
	got := shapes40Read(t, text)
	wantAmong(t, got, "10.2 年 ×1 [10.2年]", "13 年 ×1 [13年]", "2 个 ×10000 [2万个]")
	for _, no := range []string{"9.5 年 ×1 [9.5年]", "12.1 年 ×1 [12.1年]"} {
		if slices.Contains(got, no) {
			t.Errorf("got %q: the start %q read as a target", got, no)
		}
	}
}

// The set phrase 两个市场两种资源 (a market at home and abroad, their
// resources) is named by its counts, both halves: neither is a target
// (with a 、 between, the second was already no target: a category listed).
func TestShapes43TwoMarketsTwoResources(t *testing.T) {
	s := "更好利用国内国际两个市场两种资源，新增外贸企业50家。"
	if got, want := whyNot(s), "proposed: a set phrase named by its count | proposed: a set phrase named by its count | target"; got != want {
		t.Errorf("%s: got %q, want %q", s, got, want)
	}
	s = "统筹用好两个市场、两种资源。"
	if got := whyNot(s); strings.Contains(got, "target") {
		t.Errorf("%s: got %q, want no target", s, got)
	}
	if got := whyNot("整合两种资源，建成3个平台。"); got != "target | target" {
		t.Errorf("a count of resources outside the phrase: got %q", got)
	}
}

// A count of the text's own tasks that it then lists (今年重点抓好三项工作。
// 一是…) is how the text is organised, not a result; a count of work
// stations (三个工作站) is what is built.
func TestShapes43OwnTasksCounted(t *testing.T) {
	for _, s := range []string{"今年重点抓好三项工作。", "办好各级各类教育，必须抓好以下五项工作：", "着力做好两项工作，新建科普馆3座。"} {
		if got := whyNot(s); !strings.HasPrefix(got, "the plan's own parts") {
			t.Errorf("%s: got %q, want the plan's own parts first", s, got)
		}
	}
	if got := whyNot("新建三个工作站。"); got != "target" {
		t.Errorf("新建三个工作站: got %q, want target", got)
	}
}

// In a plan of one year, power stations whose building is sped up
// (加快6个抽水蓄能电站建设, 加快建设A、B、C、D4个抽水蓄能电站) are under way, as
// projects are: proposed; ones it starts (新开工3个抽水蓄能电站) are targets.
func TestShapes43StationsUnderWay(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"加快6个抽水蓄能电站建设。", "proposed: projects under way"},
		{"加快建设甲山、乙河、丙岭、丁湾4个抽水蓄能电站。", "proposed: projects under way"},
		{"新开工3个抽水蓄能电站。", "target"},
	} {
		if got := whyNotAnnual(tc.s); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.s, got, tc.want)
		}
	}
}

// whyNotAnnual is whyNot for a sentence of a plan of one year (2026).
func whyNotAnnual(sentence string) string {
	year := 2026
	return whyNotIn(sentence, &lineCtx{section: []string{"二"}, planStart: &year, within: &year, deadline: &year, annual: true})
}

// A ratio bounded as a share of a base named after its comparator (发放比例
// 不低于财政资金的20%) is the rule each payment follows, proposed; a ratio
// bounded with no base (参股比例不低于10%) and a share of a base that is no
// ratio (资金量不低于全国总额的4%) stay targets.
func TestShapes43RatioOfBase(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"项目劳务报酬发放比例不低于财政资金的20%。", "proposed: a ratio bounded against a base (比例不低于…的20%)"},
		{"首次缴纳比例不得低于全部土地出让价款的50%。", "proposed: a ratio bounded against a base (比例不低于…的20%)"},
		{"民间资本参与重大项目参股比例不低于10%。", "target"},
		{"争取资金量不低于全国总额的4%。", "target"},
	} {
		if got := whyNot(tc.s); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.s, got, tc.want)
		}
	}
}
