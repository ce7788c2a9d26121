package plan

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Wave 33's rules (tune51-T, D234), each on a text of our own.

// A least count each place named with 各 must reach (各区县至少建立1支队伍,
// 各区县至少举办5期培训) is a standard of coverage the plan sets, decided
// by the rules as 每个县至少建有1所 is; what each member sends (各派1名)
// stays proposed.
func TestShapes51FloorForEachPlace(t *testing.T) {
	text := "某市环境应急能力建设方案（2022—2025年）\n\n一、主要目标\n\n" +
		"到2025年，各区县至少建立 1 支区（县）级环境应急救援队伍，各区县至少举办 5 期针对重点企业的环境应急管理培训，" +
		"各市县至少完成3个近零碳社区试点的创建。\n\n" +
		"二、保障措施\n\n各单位各派1名联络员参加。\n"
	wantAsserted(t, text, "1支", "5期", "3个")
}

// A floor said after the quantity with 或以上 (达到最大用电负荷的5%或以上,
// 人均科普经费达到1元或以上) bounds it from below as 以上 does; 或以下 from
// above.
func TestShapes51FloorSaidWithOr(t *testing.T) {
	text := "某省新型电力系统建设行动方案（2024—2027年）\n\n一、主要目标\n\n" +
		"到2027年，典型地区需求侧响应能力达到最大用电负荷的 5%或以上，全市人均科普经费达到1元或以上，" +
		"线损率降至3%或以下。\n\n二、保障措施\n\n加强组织领导。\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		if !ind.Candidate && ind.Value != nil {
			got = append(got, fmt.Sprintf("%g%s %s", *ind.Value, ind.Unit, ind.Comparator))
		}
	}
	if want := []string{"5% >=", "1元 >=", "3% <="}; !slices.Equal(got, want) {
		t.Errorf("asserted: got %q, want %q", got, want)
	}
}

// An area right before the red line it names (严守18亿亩耕地红线) is the
// least area the plan holds: a floor, not an equality; a red line's width
// said after it (道路红线宽度不超过40米) keeps its own comparator.
func TestShapes51RedLineFloor(t *testing.T) {
	text := "某省乡村振兴规划（2021—2025年）\n\n一、主要目标\n\n" +
		"到2025年，坚决守住18亿亩耕地红线，严守1.2万平方公里生态保护红线，县城内部道路红线宽度不超过40米，" +
		"新建高标准农田500万亩。\n\n二、保障措施\n\n加强组织领导。\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		if !ind.Candidate && ind.Value != nil {
			got = append(got, fmt.Sprintf("%g%s %s", *ind.Value, ind.Unit, ind.Comparator))
		}
	}
	if want := []string{"18亿亩 >=", "1.2万平方公里 >=", "40米 <=", "500万亩 ="}; !slices.Equal(got, want) {
		t.Errorf("asserted: got %q, want %q", got, want)
	}
}
