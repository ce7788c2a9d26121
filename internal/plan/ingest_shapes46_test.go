package plan

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Wave 28's rules (tune46-T, D214), each on a text of our own.

// assertedValues is what Ingest asserts in text, as value+unit.
func assertedValues(t *testing.T, text string) []string {
	t.Helper()
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		if ind.Candidate || ind.Value == nil {
			continue
		}
		got = append(got, fmt.Sprintf("%g%s", *ind.Value, ind.Unit))
	}
	return got
}

// wantAsserted fails t unless Ingest asserts exactly want in text, in order.
func wantAsserted(t *testing.T, text string, want ...string) {
	t.Helper()
	if got := assertedValues(t, text); !slices.Equal(got, want) {
		t.Errorf("asserted: got %q, want %q", got, want)
	}
}

// A table's header whose words a typesetter spaced out to fill their
// columns (指  标  名  称, 属 性) is read as 指标名称 and 属性 are: its rows
// are the plan's indicators, not a table of tasks by year.
func TestShapes46SpacedHeaderWords(t *testing.T) {
	for _, tc := range []struct{ name, name2, constr string }{
		{"spaces", "指  标  名  称", "属 性"},
		{"ideographic spaces", "指　　标", "属　性"},
		{"unspaced", "指标名称", "属性"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := "某县国民经济和社会发展第十五个五年规划纲要\n\n第一章 发展目标\n\n" +
				"| 序号 | " + tc.name2 + " | 2025年现状 | 2030年目标 | " + tc.constr + " |\n| --- | --- | --- | --- | --- |\n" +
				"| 1 | 常住人口城镇化率(%) | 51 | 58 | 预期性 |\n" +
				"| 2 | 森林覆盖率(%) | 55.2 | 56 | 约束性 |\n" +
				"| 3 | 粮食综合生产能力(万吨) | 30.5 | 31 | 约束性 |\n\n" +
				"第二章 重点任务\n\n加强组织领导。\n"
			got := assertedValues(t, text)
			want := []string{"58%", "56%", "31万吨"}
			if !slices.Equal(got, want) {
				t.Errorf("asserted: got %q, want %q", got, want)
			}
		})
	}
}

func TestUnspacedHeader(t *testing.T) {
	for in, want := range map[string]string{
		"指  标  名  称": "指标名称", "属 性": "属性", "指　　标": "指标", "2025 年": "2025 年",
		"单位 (%)": "单位 (%)", "一 二 三 四 五 六 七 八 九": "一 二 三 四 五 六 七 八 九", "属性": "属性",
	} {
		if got := unspacedHeader(in); got != want {
			t.Errorf("unspacedHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

// A time limit in working days (不超过15个工作日) is read in 个工作日, not
// as a count of 个; so is the first number of a list whose last one says
// it (压减至5个、10个工作日以内). A count of 个 stays one.
func TestShapes46WorkingDays(t *testing.T) {
	text := "某市优化营商环境行动方案\n\n一、工作目标\n\n" +
		"到2027年，将企业开办时间压减至2个、3个工作日以内。社会投资项目审批时限压缩至30个工作日以内。" +
		"新建充电站20个。\n\n二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "2个工作日", "3个工作日", "30个工作日", "20个")
}

// Energy a battery or a store holds (100GWh, 400兆瓦时) is its own unit,
// not the power (GW, 兆瓦) its name begins with.
func TestShapes46StoredEnergy(t *testing.T) {
	text := "某省新型储能发展方案\n\n一、发展目标\n\n" +
		"到2030年，电池产能达80GWh，新型储能装机达到500兆瓦、储能规模达到1000兆瓦时。新能源装机达到3GW。\n\n" +
		"二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "80GWh", "500兆瓦", "1000兆瓦时", "3GW")
}
