package plan

import (
	"fmt"
	"testing"
)

// A breakdown by year dates each part by its own year, not by the
// sentence's deadline; a year compared with or counted from is no part's.
func TestItemYear(t *testing.T) {
	text := `某县科普能力提升行动方案（2025—2028年）

一、主要任务

到2028年新建社区科普站60个，其中2025年12个、2026年15个、2027年16个、2028年17个。到2028年培训科普讲解员900名，2026年培训讲解员300名，2027年再培训讲解员300名。到2028年科普场馆年接待人次比2024年增长50%。
`
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"60个": 2028, "12个": 2025, "15个": 2026, "16个": 2027, "17个": 2028,
		"900名": 2028, "300名": 2026, "50%": 2028}
	got := map[string]int{}
	for _, ind := range doc.Indicators {
		span := string([]rune(text)[ind.Start:ind.End])
		if ind.DeadlineYear != nil {
			if _, seen := got[span]; !seen {
				got[span] = *ind.DeadlineYear
			}
		}
	}
	for span, y := range want {
		if got[span] != y {
			t.Errorf("%s: due %d, want %d (all: %v)", span, got[span], y, got)
		}
	}
	// the second 300名 (2027年再培训讲解员300名) is its year's too
	n := 0
	for _, ind := range doc.Indicators {
		if string([]rune(text)[ind.Start:ind.End]) == "300名" && ind.DeadlineYear != nil && *ind.DeadlineYear == 2027 {
			n++
		}
	}
	if n != 1 {
		t.Errorf("2027年再培训讲解员300名: %d readings due 2027, want 1", n)
	}
	for part, want := range map[string]string{
		"其中2025年12个": "2025", "、2026年培训讲解员300名": "2026", "2027年的300名": "none",
		"比2024年增长50%": "none", "从2024年12个": "none", "2025年": "none",
	} {
		ns := []rune(part)
		var q quantity
		eachQuantity(ns, func(x quantity) { q = x })
		y := itemYear(ns, 0, q)
		got := "none"
		if y != nil {
			got = fmt.Sprint(*y)
		}
		if got != want {
			t.Errorf("itemYear(%s) = %s, want %s", part, got, want)
		}
	}
}

// A forecast (预计…) and what a quoted document requires are proposed;
// a forecast the plan commits to (力争) is not.
func TestForecastAndQuotation(t *testing.T) {
	for _, tt := range []struct{ sentence, want string }{
		{"预计全市科普场馆年接待人次增长到300万人次，占全省的20%。", "proposed: a forecast (预计) | proposed: a forecast (预计)"},
		{"预计到2030年，力争建成科普示范社区50个。", "target"},
		{"预计2029年建成科普示范社区50个。", "target"},
		{"全市适龄学生预计12万人，新建科普示范学校30所。", "proposed: a forecast (预计) | target"},
		{"《某省全民科学素质行动规划》要求：公民具备科学素质的比例达到15%。", "proposed: what another document requires, quoted"},
		{"依据《某省全民科学素质行动规划》，公民具备科学素质的比例达到15%。", "target"},
		// a requirement the plan carries out is its own commitment (D110)
		{"落实节约优先方针和《某市绿色建筑管理办法》要求，新建场馆屋顶绿化面积占比不低于30%。", "target"},
		{"认真贯彻《某省科普条例》规定，全市科普经费占比达到0.5%。", "target"},
		{"对照《某市节水办法》要求，各校用水量下降10%。", "target"},
	} {
		if got := whyNot(tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
	// an annex cell quoting a document goes on quoting in its later
	// sentences; the next cell of the row does not
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"| 3 | 区科协 | 《某市科普工作要点》（摘录）：1、新建科普站10个。2、", true},
		{"| 3 | 区科协 | 《某市科普工作要点》（摘录）：1、新建科普站10个。| 2、", false},
		{"根据《某市科普工作要点》，新建科普站10个。", false},
		{"落实《某市科普工作要点》要求，新建科普站10个。", false},
		{"《某市科普工作要点》要求，新建科普站10个。", true},
	} {
		nr := []rune(tt.text)
		start := len(nr)
		if got := quotingBefore(nr, start); got != tt.want {
			t.Errorf("quotingBefore(%s) = %v, want %v", tt.text, got, tt.want)
		}
	}
	for title, want := range map[string]bool{"全区能源发展需求分析": true, "电力负荷预测": true, "加强需求侧管理": false, "发展目标": false,
		// achievements made, not aimed at (D131)
		"“十四五”时期某市发展取得重大成就": true, "发展成就": true, "推动高质量发展取得新的更大成就": false, "力争取得重大成就": false, "取得重大突破": false} {
		if got := pastTitle(title); got != want {
			t.Errorf("pastTitle(%s) = %v, want %v", title, got, want)
		}
	}
}

// A count with a floor right after a verb of making is what the plan makes,
// not a qualifier; a count in brackets closing a numbered item's title is
// proposed, a weight or a note in brackets still dropped.
func TestMadeCountAndTitleQuota(t *testing.T) {
	for _, tt := range []struct{ sentence, want string }{
		{"在社区、学校、场馆等场所打造200个以上的科普阵地，形成一批品牌。", "target | a slogan, the word 一, a phase, an adjective"},
		{"对年营收1亿元以上的企业给予支持。", "a qualifier"},
		{"**3.科普大篷车（20辆）。**", "proposed: a count in brackets closing an item's title"},
		{"3.日常监测(60%)。", "a figure in brackets"},
		{"建设大学科技园(园区面积2000亩)，新建科普馆(5座)。", "a note in brackets | a figure in brackets"},
	} {
		if got := whyNot(tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}
