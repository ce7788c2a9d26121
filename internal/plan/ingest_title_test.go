package plan

import (
	"fmt"
	"strings"
	"testing"
)

// Sections about where things stand, by title: their numbers are
// candidates; 预期成效 looks ahead.
func TestPastSectionTitles(t *testing.T) {
	text := "某市科学技术协会事业发展规划(2026-2030年)\n一、基本情况\n全市建成科普基地120个。\n二、工作成效\n举办学术活动3000场。\n三、预期成效\n培育学会60个。\n"
	got := readDoc(t, text)
	if want := "? 120 个 = - 2030 | ? 3000 场 = - 2030 | 60 个 = - 2030"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// The plan's years when its title gives no span: a master plan's long
// span, an annual plan's year, else the first deadline it states.
func TestPlanPeriod(t *testing.T) {
	tests := []struct{ text, want string }{
		{"河北雄安新区总体规划（2018—2035年）\n一、目标\n", "2018-2035"},
		{"《2025年某市公共数据开放工作方案》\n一、目标\n", "2025-2025"},
		{"某市人工智能赋能新型工业化行动方案（2025年）\n一、目标\n", "2025-2025"},
		{"“无废城市”建设试点工作方案\n一、总体要求\n（四）试点目标。到2020年，系统构建指标体系。\n", "0-2020"},
		// two horizons and no stated period: the later is the plan's end
		// (tune24); a vision ten years off is not
		{"某市水环境改善行动方案\n一、目标\n到2026年，水质优良比例达到80%；到2028年，达到85%。\n", "0-2028"},
		{"某市教育行动方案\n一、目标\n到2026年，建成示范校20所。\n到2030年，全面建成体系。\n二、任务\n", "0-2030"},
		{"某市产业行动方案\n一、目标\n到2026年，产值达到100亿元；到2035年，建成高地。\n", "0-2026"},
		{"某市产业行动方案\n一、目标\n到2026年，产值达到100亿元，其中2028年投产项目5个。\n", "0-2026"},
	}
	for _, tt := range tests {
		doc, _ := Ingest(strings.NewReader(tt.text))
		s, e := 0, 0
		if doc.Period.Start != nil {
			s = *doc.Period.Start
		}
		if doc.Period.End != nil {
			e = *doc.Period.End
		}
		if got := fmt.Sprintf("%d-%d", s, e); got != tt.want {
			t.Errorf("%q: period %s, want %s", tt.text, got, tt.want)
		}
	}
}

// A title that names a five-year plan gives its years when the text states
// none; one that names two takes the first it names, every time (the
// names were once tried in a map's random order).
func TestPeriodFromFiveYearPlanName(t *testing.T) {
	for _, tt := range []struct {
		title      string
		start, end int
	}{
		{"某市科协事业发展“十四五”规划", 2021, 2025},
		{"“十五五”科普工作规划", 2026, 2030},
		{"关于“十四五”规划实施情况和“十五五”规划思路的报告", 2021, 2025},
		{"“十五五”时期延续“十四五”科普基地建设的意见", 2026, 2030},
	} {
		for range 20 {
			p := period(tt.title, []string{tt.title, "一、总体要求"})
			if p.Start == nil || p.End == nil || *p.Start != tt.start || *p.End != tt.end {
				t.Fatalf("period(%q) = %v–%v, want %d–%d", tt.title, p.Start, p.End, tt.start, tt.end)
			}
		}
	}
}
