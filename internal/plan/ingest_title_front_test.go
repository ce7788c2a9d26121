package plan

import (
	"fmt"
	"testing"
)

// A page's front matter is its particulars, not its title line: its field
// naming the document (标题, 法规名称) is read as the covering notice it is,
// and a notice that forwards what a department drew up (关于转发…制订的
// 《…》的通知) names the plan (tune31).
func TestTitleFromFrontMatter(t *testing.T) {
	tests := []struct{ text, title, period string }{
		{"---\n标题: 某区人民政府办公室关于转发区建设委制订的《某区城市更新2026年度实施计划》的通知\n类型: 规划与计划\n---\n\n# 某区城市更新2026年度实施计划\n一、目标\n", "某区城市更新2026年度实施计划", "2026-2026"},
		// (another field that names a plan is no title)
		{"---\n发布单位: 某区人民政府\n类型: 规划与计划\n---\n\n某区城市更新三年行动方案\n一、目标\n", "某区城市更新三年行动方案", "0-0"},
		{"---\n法规名称: 关于印发《某市数据产业行动计划（2026-2028年）》的通知\n地区: 某市\n---\n一、目标\n", "某市数据产业行动计划(2026-2028年)", "2026-2028"},
	}
	for _, tt := range tests {
		doc, _ := ingestText(tt.text, nil)
		s, e := 0, 0
		if doc.Period.Start != nil {
			s = *doc.Period.Start
		}
		if doc.Period.End != nil {
			e = *doc.Period.End
		}
		if doc.Title != tt.title || fmt.Sprintf("%d-%d", s, e) != tt.period {
			t.Errorf("%q: title %q period %d-%d, want %q %s", tt.text, doc.Title, s, e, tt.title, tt.period)
		}
	}
}
