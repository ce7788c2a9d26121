package plan

import (
	"strings"
	"testing"
)

// A data table's cells often wrap their text in paragraphs: a row stays one
// line, its cells apart by tabs. A page laid out in one big cell keeps its
// paragraphs as lines.
func TestHTMLTableCellsWithParagraphs(t *testing.T) {
	page := "<html><body><table><tr><td>" +
		"<p>某市科普基地建设方案</p><p>一、主要目标</p><p>到2028年，全市建成科普基地120个，培育科普讲解员800名，举办科普活动3000场次以上，覆盖全部乡镇街道。</p><p>二、重点任务</p><p>（一）建设科普阵地。依托科技馆、博物馆、图书馆和高校院所，分类建设一批主题鲜明、特色突出的科普教育基地，推动科普资源向基层延伸，提升服务能力和水平。</p>" +
		"<table><tr><td><p>指标</p></td><td><p>单位</p></td><td><p>2025年</p></td><td><p>2028年</p></td></tr>" +
		"<tr><td><p>科普基地</p></td><td><p>个</p></td><td><p>80</p></td><td><p>120</p></td></tr></table>" +
		"</td></tr></table></body></html>"
	text, err := HTMLText([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"一、主要目标\n", "\n指标\t单位\t2025年\t2028年", "\n科普基地\t个\t80\t120"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

// A table of tasks by year (a region a row, a year a column, the unit on
// the line above): each year's cell is a target due that year.
func TestTasksByYearTable(t *testing.T) {
	text := "某县科普惠民三年行动方案（2026—2028年）\n一、任务分解\n到2028年，全县建成科普e站60个。\n" +
		"单位：个\n乡镇\t2026年\t2027年\t2028年\t合计\n城关镇\t5\t6\t8\t19\n河口乡\t3\t4\t5\t12\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, ind.Metric+" "+reading(ind))
	}
	want := "全县建成科普e站 60 个 = - 2028 | 城关镇 5 个 = - 2026 | 城关镇 6 个 = - 2027 | 城关镇 8 个 = - 2028 | 河口乡 3 个 = - 2026 | 河口乡 4 个 = - 2027 | 河口乡 5 个 = - 2028"
	if g := strings.Join(got, " | "); g != want {
		t.Errorf("got  %q\nwant %q", g, want)
	}
}

// The numbers a browser draws before the items of an ordered list: its
// start, its type, a Chinese list style; an unordered list's items have none.
func TestHTMLListNumbers(t *testing.T) {
	page := `<html><body><p>` + strings.Repeat("某市科协工作要点正文。", 12) + `</p><ol start="3"><li>甲项</li><li>乙项</li></ol>` +
		`<ol type="a"><li>子项</li></ol><ol style="list-style-type:simp-chinese-informal"><li>总体要求</li><li>重点任务</li></ol><ul><li>联系人</li></ul></body></html>`
	text, err := HTMLText([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\n3.甲项\n4.乙项\n", "\na.子项\n", "\n一、总体要求\n二、重点任务\n", "\n联系人"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not in %q", want, text)
		}
	}
}

// A page's box of related pages (invented): items that are nothing but a
// link are the site's, not the plan's; an item with text of its own beside
// a link stays.
func TestHTMLLinkItems(t *testing.T) {
	page := "<html><body><div><p>某市科普基地建设方案</p><p>一、主要目标</p><p>到2028年，全市建成科普基地120个，培育科普讲解员800名，举办科普活动3000场次以上，覆盖全部乡镇街道，形成布局合理、功能完善的科普阵地体系。</p>" +
		"<ul><li>附件：<a href=\"a.pdf\">科普基地名单</a>（共45个）</li></ul></div>" +
		"<div><h4>媒体解读</h4><ul><li><span></span><a href=\"x.html\">某市出实招建科普基地 发放500万元科普券</a></li>" +
		"<li><a href=\"y.html\">一图读懂科普基地建设方案</a></li></ul></div></body></html>"
	text, err := HTMLText([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "附件：科普基地名单（共45个）") {
		t.Errorf("text lacks the item with text of its own:\n%s", text)
	}
	for _, not := range []string{"500万元", "一图读懂"} {
		if strings.Contains(text, not) {
			t.Errorf("text holds the related pages' link %q:\n%s", not, text)
		}
	}
}
